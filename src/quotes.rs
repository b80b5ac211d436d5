//! Direct quotations and who said them.
//!
//! (First cut: curly and straight double quotes, attribution right after the
//! quote. The full detector replaces it.)

use serde::Serialize;

use crate::QuoteLimit;
use crate::lang::Lang;
use crate::segment::Sentence;
use crate::terms::DocTerms;

/// Whether a quotation is someone's speech or a quoted fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A speaker's own words.
    Direct,
    /// A fragment quoted inside reported speech, a scare quote or a title.
    Partial,
}

/// A span of the input that names something (a speaker mention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention<'a> {
    /// Exactly `input[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote<'a> {
    /// The quoted words without the quotation marks, exactly `input[start..end]`.
    pub text: &'a str,
    /// The speaker's fullest name in the article, if known.
    pub speaker: Option<&'a str>,
    /// The words of the attribution that name the speaker.
    pub speaker_mention: Option<Mention<'a>>,
    /// The speech verb or phrase (`said`, `told`, `according to`).
    pub cue: Option<&'a str>,
    /// Direct speech or a partial quote.
    pub kind: QuoteKind,
    /// Byte offset of the first quoted byte.
    pub start: usize,
    /// Byte offset one past the last quoted byte.
    pub end: usize,
    /// How much of a key quote this is (0 to 1).
    pub score: f64,
}

/// Finds every quotation in `text`, in document order, with `score` 0.
///
/// ```
/// let text = "\u{201c}We will rebuild,\u{201d} Mayor Ana Ruiz said.";
/// let quotes = newsgist::quotes::find_quotes(text, &newsgist::segment::split(text), newsgist::Lang::English);
/// assert_eq!(quotes[0].text, "We will rebuild,");
/// assert_eq!(quotes[0].speaker, Some("Ana Ruiz"));
/// ```
pub fn find_quotes<'a>(text: &'a str, _sentences: &[Sentence], _lang: Lang) -> Vec<Quote<'a>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('\u{201c}', _) | ('"', None) => open = Some(i + c.len_utf8()),
            ('\u{201d}', Some(start)) | ('"', Some(start)) => {
                open = None;
                let end = i;
                if end > start {
                    out.push(attribute(text, start, end, i + c.len_utf8()));
                }
            }
            ('\n', _) => open = None,
            _ => {}
        }
    }
    out
}

fn attribute(text: &str, start: usize, end: usize, after: usize) -> Quote<'_> {
    let tail_end = text[after..]
        .find(['.', '\n'])
        .map_or(text.len(), |p| after + p);
    let tail = &text[after..tail_end];
    let mut speaker = None;
    let mut cue = None;
    if let Some(p) = tail.find(" said") {
        let name_start = tail[..p]
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect::<Vec<_>>();
        if let (Some(first), Some(last)) = (
            name_start.iter().rev().nth(1).or(name_start.last()),
            name_start.last(),
        ) {
            let s = after + first.as_ptr() as usize - tail.as_ptr() as usize;
            let e = after + last.as_ptr() as usize - tail.as_ptr() as usize + last.len();
            speaker = Some(Mention {
                text: &text[s..e],
                start: s,
                end: e,
            });
        }
        cue = Some(&tail[p + 1..p + 5]);
    }
    Quote {
        text: &text[start..end],
        speaker: speaker.map(|m| m.text),
        speaker_mention: speaker,
        cue,
        kind: QuoteKind::Direct,
        start,
        end,
        score: 0.0,
    }
}

/// Scores each quote as a key quote: how much of the article's vocabulary it
/// shares, whether it is direct speech with a known speaker, and its length.
pub fn rank(quotes: &mut [Quote<'_>], _text: &str, doc: &DocTerms) {
    let mut tf = vec![0u32; doc.num_terms()];
    for t in &doc.tokens {
        tf[t.term as usize] += 1;
    }
    let max_tf = tf.iter().copied().max().unwrap_or(1).max(1) as f64;
    for q in quotes.iter_mut() {
        let tokens = doc.in_span(q.start, q.end);
        let centrality = if tokens.is_empty() {
            0.0
        } else {
            tokens
                .iter()
                .map(|t| (tf[t.term as usize] as f64 - 1.0) / max_tf)
                .sum::<f64>()
                / tokens.len() as f64
        };
        let words = q.text.split_whitespace().count() as f64;
        let length = (words / 12.0).min(1.0);
        let direct = if q.kind == QuoteKind::Direct {
            1.0
        } else {
            0.0
        };
        let speaker = if q.speaker.is_some() { 1.0 } else { 0.0 };
        q.score =
            crate::round4(0.4 * centrality.min(1.0) + 0.2 * length + 0.2 * direct + 0.2 * speaker);
    }
}

/// Applies `limit`: the top `n` direct quotes, best first (partial quotes only
/// when there are too few direct ones), or every quote in document order.
pub fn limit(mut quotes: Vec<Quote<'_>>, limit: QuoteLimit) -> Vec<Quote<'_>> {
    match limit {
        QuoteLimit::All => quotes,
        QuoteLimit::Top(n) => {
            quotes.sort_by(|a, b| {
                (b.kind == QuoteKind::Direct)
                    .cmp(&(a.kind == QuoteKind::Direct))
                    .then(b.score.total_cmp(&a.score))
                    .then(a.start.cmp(&b.start))
            });
            quotes.truncate(n);
            quotes
        }
    }
}
