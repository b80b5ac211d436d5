//! Direct-quote precision, recall and F1, and speaker accuracy, against gold
//! quotations with character offsets.
//!
//! The rules are those of the project's referee scorer, so that the numbers
//! here and the referee's agree:
//!
//! - Spans on both sides are trimmed of white space, quotation marks and the
//!   punctuation `, . ; : ! ? … – — -` at both ends.
//! - *Overlap*: a prediction and a gold quote match when the sets of word
//!   tokens (`\w+` runs of the document) touching their spans have Jaccard
//!   ≥ 0.5; matching is one-to-one, greedy by highest Jaccard.
//! - *Exact*: identical trimmed spans, one-to-one.
//! - *Speaker*, on overlap matches whose gold quote names a speaker: right
//!   when the predicted `speaker` or `speaker_mention` equals the gold
//!   mention after normalising (case, parentheticals, possessive `'s`,
//!   punctuation, a leading article or honorific), or when the last word of
//!   any comma/semicolon/dash/parenthesis-separated segment of one equals
//!   that of the other (`Butterfield` ~ `Rep. G.K. Butterfield (D-N.C.),
//!   head of the caucus`).
//! - *End to end*: overlap-matched with the right speaker, as P/R/F1.
//! - Quotes newsgist marks [`QuoteKind::Partial`] are not predictions: the
//!   gold holds direct quotes only.
//!
//! Gold lines are JSON objects with `text` and `direct_quotes: [{"span":
//! [start, end], "speaker": …}]`, spans in characters (Unicode scalar
//! values), as PolNeAR-style data has them.

use std::io::BufRead;

use serde::Serialize;

use crate::{Error, QuoteKind, QuoteLimit, Summarizer};

/// Precision, recall and F1 (each 0 to 1) with the count they come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// `matched / predicted`.
    pub precision: f64,
    /// `matched / gold`.
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
    /// How many predictions were counted right.
    pub matched: usize,
}

impl Prf {
    fn new(matched: usize, predicted: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(matched, predicted);
        let recall = ratio(matched, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
            matched,
        }
    }
}

/// Scores of direct-quote extraction over a gold file (micro-averaged).
///
/// ```
/// use newsgist::{Summarizer, eval::quotes::evaluate};
/// let gold = r#"{"text": "“We will win,” Ana Ruiz said.", "direct_quotes": [{"span": [1, 12], "speaker": "Ruiz"}]}"#;
/// let scores = evaluate(&Summarizer::default(), gold.as_bytes())?;
/// assert_eq!(scores.overlap.f1, 1.0);
/// assert_eq!(scores.speaker_head_accuracy, 1.0);
/// assert_eq!(scores.end_to_end.matched, 1);
/// # Ok::<(), newsgist::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteScores {
    /// Gold documents read.
    pub documents: usize,
    /// Gold direct quotes.
    pub gold_quotes: usize,
    /// Predicted direct quotes.
    pub predicted_quotes: usize,
    /// Word-overlap matching (Jaccard ≥ 0.5).
    pub overlap: Prf,
    /// Identical trimmed spans.
    pub exact: Prf,
    /// Overlap matches whose gold quote names a speaker.
    pub speaker_checked: usize,
    /// Of those, the share with the right speaker by the head-word rule.
    pub speaker_head_accuracy: f64,
    /// Of those, the share whose speaker matches after normalising.
    pub speaker_normalised_accuracy: f64,
    /// Matched and the speaker right (head-word rule).
    pub end_to_end: Prf,
}

/// Runs `summarizer` (with every quote) on each gold line's `text` and
/// scores its direct quotes against the line's `direct_quotes`.
///
/// A document newsgist cannot summarise (an empty text) counts as one with
/// no predictions; a line that is not a JSON object with a string `text`
/// is an error naming the line.
pub fn evaluate(summarizer: &Summarizer, gold: impl BufRead) -> Result<QuoteScores, Error> {
    let summarizer = Summarizer::new(summarizer.options().clone().quotes(QuoteLimit::All));
    let mut t = Totals::default();
    for (n, line) in gold.lines().enumerate() {
        let line = line.map_err(|e| Error::io("gold", e))?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::InvalidJson {
            message: format!("gold line {}: {message}", n + 1),
        };
        let doc: serde_json::Value = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
        let text = match doc.get("text") {
            Some(serde_json::Value::String(s)) => s.as_str(),
            Some(_) => {
                return Err(Error::NotAString {
                    field: format!("text (gold line {})", n + 1),
                });
            }
            None => {
                return Err(Error::MissingField {
                    field: format!("text (gold line {})", n + 1),
                });
            }
        };
        let golds: Vec<GoldQuote<'_>> = doc
            .get("direct_quotes")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(gold_quote).collect())
            .unwrap_or_default();
        let preds = summarizer
            .summarize(text)
            .map(|s| s.quotes)
            .unwrap_or_default();
        let preds: Vec<PredQuote<'_>> = preds
            .iter()
            .filter(|q| q.kind != QuoteKind::Partial)
            .map(|q| PredQuote {
                start: q.start,
                end: q.end,
                speakers: [q.speaker, q.speaker_mention.map(|m| m.text)],
            })
            .collect();
        t.documents += 1;
        score_document(text, &golds, &preds, &mut t);
    }
    Ok(t.finish())
}

struct GoldQuote<'a> {
    start: usize,
    end: usize,
    speaker: Option<&'a str>,
}

fn gold_quote(q: &serde_json::Value) -> Option<GoldQuote<'_>> {
    let span = q.get("span")?.as_array()?;
    let start = span.first()?.as_u64()? as usize;
    let end = span.get(1)?.as_u64()? as usize;
    let speaker = q
        .get("speaker")
        .and_then(|s| s.as_str())
        .filter(|s| !s.trim().is_empty());
    Some(GoldQuote {
        start,
        end,
        speaker,
    })
}

struct PredQuote<'a> {
    /// Byte offsets.
    start: usize,
    end: usize,
    speakers: [Option<&'a str>; 2],
}

#[derive(Default)]
struct Totals {
    documents: usize,
    gold: usize,
    predicted: usize,
    overlap: usize,
    exact: usize,
    speaker_checked: usize,
    speaker_head: usize,
    speaker_normalised: usize,
}

impl Totals {
    fn finish(self) -> QuoteScores {
        let share = |a: usize| {
            if self.speaker_checked == 0 {
                0.0
            } else {
                a as f64 / self.speaker_checked as f64
            }
        };
        QuoteScores {
            documents: self.documents,
            gold_quotes: self.gold,
            predicted_quotes: self.predicted,
            overlap: Prf::new(self.overlap, self.predicted, self.gold),
            exact: Prf::new(self.exact, self.predicted, self.gold),
            speaker_checked: self.speaker_checked,
            speaker_head_accuracy: share(self.speaker_head),
            speaker_normalised_accuracy: share(self.speaker_normalised),
            end_to_end: Prf::new(self.speaker_head, self.predicted, self.gold),
        }
    }
}

const TRIM: &str = "\"'“”„‟‘’‚‛«»‹›`,.;:!?…–—-";

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Trims a char span of white space, quotation marks and edge punctuation.
fn trim(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let mut e = e.min(chars.len());
    let mut s = s.min(e);
    let skip = |c: char| c.is_whitespace() || TRIM.contains(c);
    while s < e && skip(chars[s]) {
        s += 1;
    }
    while e > s && skip(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// The range of token indices whose tokens touch the char span `s..e`.
fn token_range(tokens: &[(usize, usize)], s: usize, e: usize) -> (usize, usize) {
    if s >= e {
        return (0, 0);
    }
    let lo = tokens.partition_point(|t| t.1 <= s);
    let hi = tokens.partition_point(|t| t.0 < e);
    (lo, hi.max(lo))
}

fn jaccard(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = (a.1 - a.0) + (b.1 - b.0) - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn score_document(text: &str, golds: &[GoldQuote<'_>], preds: &[PredQuote<'_>], t: &mut Totals) {
    t.gold += golds.len();
    t.predicted += preds.len();
    let chars: Vec<char> = text.chars().collect();
    let mut char_at = vec![0usize; text.len() + 1];
    for (n, (b, _)) in text.char_indices().enumerate() {
        char_at[b] = n;
    }
    char_at[text.len()] = chars.len();
    let to_char = |b: usize| char_at.get(b).copied().unwrap_or(chars.len());
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_word_char(chars[i]) {
            let s = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            tokens.push((s, i));
        } else {
            i += 1;
        }
    }
    let gspans: Vec<(usize, usize)> = golds.iter().map(|g| trim(&chars, g.start, g.end)).collect();
    let pspans: Vec<(usize, usize)> = preds
        .iter()
        .map(|p| trim(&chars, to_char(p.start), to_char(p.end)))
        .collect();
    // Exact: identical trimmed spans, each gold span used once.
    let mut used = vec![false; golds.len()];
    for p in &pspans {
        if let Some(j) = (0..gspans.len()).find(|&j| !used[j] && gspans[j] == *p) {
            used[j] = true;
            t.exact += 1;
        }
    }
    let gsets: Vec<_> = gspans
        .iter()
        .map(|&(s, e)| token_range(&tokens, s, e))
        .collect();
    let psets: Vec<_> = pspans
        .iter()
        .map(|&(s, e)| token_range(&tokens, s, e))
        .collect();
    let mut pairs = Vec::new();
    for (j, &p) in psets.iter().enumerate() {
        for (i, &g) in gsets.iter().enumerate() {
            let sim = jaccard(p, g);
            if sim >= 0.5 {
                pairs.push((sim, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_g = vec![false; golds.len()];
    let mut used_p = vec![false; preds.len()];
    for (_, i, j) in pairs {
        if used_g[i] || used_p[j] {
            continue;
        }
        used_g[i] = true;
        used_p[j] = true;
        t.overlap += 1;
        let Some(gold) = golds[i].speaker else {
            continue;
        };
        t.speaker_checked += 1;
        let (normalised, head) = speaker_match(&preds[j].speakers, gold);
        t.speaker_normalised += usize::from(normalised);
        t.speaker_head += usize::from(head);
    }
}

/// Whether any predicted speaker matches `gold`: (normalised, head word).
fn speaker_match(pred: &[Option<&str>], gold: &str) -> (bool, bool) {
    let g = norm_tokens(gold);
    let gh = heads(gold);
    let (mut exact, mut head) = (false, false);
    for p in pred.iter().flatten().filter(|p| !p.trim().is_empty()) {
        let pt = norm_tokens(p);
        if !pt.is_empty() && pt == g {
            exact = true;
            head = true;
        } else if heads(p).iter().any(|h| gh.contains(h)) {
            head = true;
        }
    }
    (exact, head)
}

const DROP_LEAD: [&str; 12] = [
    "the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov",
];

/// Removes `(…)` groups (up to the next `)`), putting `with` in their place.
fn drop_parens(s: &str, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(with);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Lower-cased words of a speaker, without parentheticals, possessive `'s`,
/// apostrophes and a leading article or honorific.
fn norm_tokens(s: &str) -> Vec<String> {
    let s = s.to_lowercase().replace(['’', '‘'], "'");
    let s = drop_parens(&s, " ");
    // `'s` at a word's end is a possessive.
    let mut cleaned = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\''
            && chars.get(i + 1) == Some(&'s')
            && !chars.get(i + 2).is_some_and(|&c| is_word_char(c))
        {
            i += 2;
            continue;
        }
        if chars[i] != '\'' {
            cleaned.push(chars[i]);
        }
        i += 1;
    }
    let mut toks: Vec<String> = cleaned
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let lead = toks
        .iter()
        .take_while(|w| DROP_LEAD.contains(&w.as_str()))
        .count();
    toks.drain(..lead);
    toks
}

/// The last word of each comma/semicolon/dash/parenthesis-separated segment.
fn heads(s: &str) -> Vec<String> {
    let s = drop_parens(s, ",");
    let mut out = Vec::new();
    for part in s.split(" - ") {
        for seg in part.split([',', ';', '(', ')', '–', '—']) {
            if let Some(last) = norm_tokens(seg).pop() {
                out.push(last);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_rule_matches_surname_and_description_segments() {
        let m = |p: &str, g: &str| speaker_match(&[Some(p)], g);
        assert_eq!(m("Ana Ruiz", "Ruiz"), (false, true));
        assert_eq!(m("Mr. Ruiz", "ruiz"), (true, true));
        assert_eq!(
            m(
                "Butterfield",
                "Rep. G.K. Butterfield (D-N.C.), head of the caucus"
            ),
            (false, true)
        );
        assert_eq!(m("the mayor's office", "The Mayor"), (false, false));
        assert_eq!(m("she", "he"), (false, false));
        assert_eq!(speaker_match(&[None, Some("he")], "He"), (true, true));
    }

    #[test]
    fn spans_are_trimmed_and_offsets_converted() {
        let text = "Ça va. “Nous gagnerons,” a dit Léa.";
        let start = text.find("Nous").unwrap();
        let preds = [PredQuote {
            start,
            end: start + "Nous gagnerons".len(),
            speakers: [Some("Léa"), None],
        }];
        let gold_start = text[..start].chars().count() - 1;
        let golds = [GoldQuote {
            start: gold_start,
            end: gold_start + "“Nous gagnerons,”".chars().count(),
            speaker: Some("Léa"),
        }];
        let mut t = Totals::default();
        score_document(text, &golds, &preds, &mut t);
        assert_eq!((t.exact, t.overlap, t.speaker_head), (1, 1, 1));
    }

    #[test]
    fn bad_lines_are_errors_not_panics() {
        let s = Summarizer::default();
        assert!(evaluate(&s, "not json\n".as_bytes()).is_err());
        assert!(evaluate(&s, "{\"id\": 1}\n".as_bytes()).is_err());
        let empty = evaluate(&s, "{\"text\": \" \"}\n\n".as_bytes()).unwrap();
        assert_eq!(empty.documents, 1);
    }
}
