//! Direct quotations and who said them.
//!
//! [`find_quotes`] pairs quotation marks (`“…”`, `"…"`, `«…»`, `„…“`, `‘…’`,
//! `‚…‘`, `‹…›`, `「…」`, `『…』`) into quotes, tells direct speech from
//! quoted fragments (a phrase finishing reported speech, a scare quote, a
//! title, a few unattributed words, a headline's echo), and attributes
//! each direct quote to a speaker: a cue (`said`, `told`, `according to`,
//! `sagte`, `a-t-il expliqué`, `hieß es`) next to the quote and its subject,
//! a pronoun resolved to the person last named as a subject whose gender
//! fits, or the speaker of the quote it continues. Names resolve to the
//! fullest form the article gives (`Wu` → `Eddie Wu Yongming`); `the
//! ministry` and `the statement` to the organisation named or quoted before.

mod attrib;
mod marks;
mod names;
mod tok;

use serde::Serialize;

use crate::QuoteLimit;
use crate::lang::Lang;
use crate::segment::Sentence;
use crate::terms::DocTerms;

use attrib::{Found, MentionKind};
use marks::RawQuote;
use names::Names;
use tok::{Tok, Windows};

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
/// `sentences` is accepted for interface stability; paragraphs and clauses
/// are read from the raw text, so the result does not depend on how the
/// splitter treats quotation marks.
///
/// ```
/// use newsgist::{Lang, QuoteKind, segment};
/// let text = "\u{201c}We will rebuild,\u{201d} Mayor Ana Ruiz said. Later Ruiz called it \u{201c}a fresh start.\u{201d}";
/// let quotes = newsgist::quotes::find_quotes(text, &segment::split(text), Lang::English);
/// assert_eq!(quotes[0].text, "We will rebuild");
/// assert_eq!(quotes[0].speaker, Some("Ana Ruiz"));
/// assert_eq!(quotes[0].cue, Some("said"));
/// assert_eq!(quotes[1].kind, QuoteKind::Partial);
/// ```
pub fn find_quotes<'a>(text: &'a str, _sentences: &[Sentence], _lang: Lang) -> Vec<Quote<'a>> {
    let raws = marks::scan(text);
    if raws.is_empty() {
        return Vec::new();
    }
    let spans: Vec<(usize, usize)> = raws.iter().map(|r| (r.start, r.end)).collect();
    // Only a quote with a speaker to resolve needs the article's names; a
    // document whose quotes are all fragments never builds them.
    let names_cell = std::cell::OnceCell::new();
    // About one token in five bytes of news text: room enough that the
    // list is seldom copied as it grows.
    let mut all: Vec<Tok> = Vec::with_capacity(text.len() / 4);
    tok::tokenize(text, 0, text.len(), &mut all);
    let names = || names_cell.get_or_init(|| Names::build(text, &all, &spans));
    let mut buf = Windows::new(&all);
    let mut out: Vec<Quote<'a>> = Vec::with_capacity(raws.len());
    let mut paras = Paragraphs {
        text,
        pos: 0,
        start: 0,
    };
    // The last direct quote: its end, its paragraph start and its attribution.
    let mut last: Option<Last<'a>> = None;
    for raw in raws {
        let para_start = paras.start_of(raw.open);
        let before = text
            .get(para_start..raw.open)
            .and_then(|s| s.trim_end().chars().next_back());
        // Attribute values in markup (`author="…"`) are not quotations.
        if before == Some('=') {
            continue;
        }
        let same_para = last.as_ref().filter(|l| l.para_start == para_start);
        let floor = same_para.map_or(para_start, |l| l.after.max(para_start));
        let quoted = &text[raw.start..raw.end];
        let pre = attrib::before_quote(text, floor, raw.open, &mut buf);
        let mut kind = classify(text, &raw, before, quoted, pre.as_ref(), &mut buf);
        // `Swers said because Obama is popular, “he's a good surrogate”`:
        // quoted words finishing a sentence of reported speech are a
        // fragment. Speech resumes after a comma only right after its cue
        // (`she said, “and soon”`) or when the sentence opened with a quote
        // of its own (`“We won,” he said, “and fairly”`).
        if kind == QuoteKind::Direct
            && before == Some(',')
            && quoted
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_lowercase)
            && !pre.is_some_and(|f| cue_right_before(text, &f, raw.open))
            && !last.as_ref().is_some_and(|l| {
                l.para_start == para_start && same_sentence(text, l.after, raw.open)
            })
        {
            kind = QuoteKind::Partial;
        }
        // `Li said “we will watch it closely” and left`: a whole clause
        // quoted right after a named speaker's cue, the sentence going on
        // with a second verb of hers, is her speech even in lower case.
        let coordinated = kind == QuoteKind::Partial
            && raw.closed
            && before.is_some_and(char::is_alphanumeric)
            && quoted.split_whitespace().nth(3).is_some()
            && and_then_verb(text, raw.after)
            && pre.is_some_and(|f| {
                f.cue
                    .is_some_and(|(_, e)| text[e..raw.open].trim().is_empty())
                    && f.mention.is_some_and(|(a, b)| {
                        attrib::mention_kind(&text[a..b]) == MentionKind::Name
                    })
            });
        if coordinated {
            kind = QuoteKind::Direct;
        }
        let continues = quoted.trim_end().ends_with([',', '?', '!', '—', '-', '…']);
        // After a quote closing its sentence (`“We won.” He left.`) the next
        // sentence is not its attribution, unless it runs on in lower case.
        let sentence_done = quoted.trim_end().ends_with('.') && !follows_lowercase(text, raw.after);
        let mut post = if raw.closed && !sentence_done {
            attrib::after_quote(text, raw.after, continues, &mut buf)
        } else if raw.closed {
            // `“We won.” Li said.`: a bare attribution sentence after a
            // quote that closed its own sentence still belongs to it.
            attrib::after_quote(text, raw.after, false, &mut buf).filter(|f| {
                let (Some((_, ce)), Some((_, me))) = (f.cue, f.mention) else {
                    return false;
                };
                text.get(ce.max(me)..)
                    .is_some_and(|t| t.trim_start_matches([' ', '\t']).starts_with(['.', ',']))
            })
        } else {
            None
        };
        // `“Where are you?” Li writes back, “…”`: after a quote that ended
        // its sentence, an attribution running into the next quote is that
        // quote's.
        if quoted.trim_end().ends_with(['.', '?', '!'])
            && let Some(f) = post
            && let Some((_, ce)) = f.cue
            && introduces_next(text, ce.max(f.mention.map_or(0, |m| m.1)))
        {
            post = None;
        }
        // A signature line right under the quote (`“…”` / `– Ana Ruiz.`).
        if raw.closed
            && post.is_none_or(|f| f.mention.is_none())
            && let Some(m) = dash_signature(text, raw.after)
        {
            post = Some(Found {
                mention: Some(m),
                cue: None,
            });
        }
        // `„…“, hieß es darin`: the source is whoever issued the statement
        // named before.
        if let Some(f) = post.as_mut()
            && f.mention.is_none()
            && f.cue
                .and_then(|(a, b)| text.get(a..b))
                .is_some_and(|c| c.starts_with("hieß") || c.starts_with("heißt"))
        {
            f.mention = attrib::statement_source(
                text,
                raw.open.saturating_sub(SOURCE_WINDOW),
                raw.open,
                &mut buf,
            );
        }
        let has = |f: &Option<Found>| f.is_some_and(|f| f.mention.is_some());
        // `(“I want out,” wrote Li)` and `… – “Go,” she said – …`: a full
        // attribution right after makes it speech whatever comes before.
        if kind == QuoteKind::Partial
            && continues
            && has(&post)
            && before.is_some_and(|c| !c.is_alphanumeric())
        {
            kind = QuoteKind::Direct;
        }
        if kind == QuoteKind::Partial && !raw.closed {
            continue;
        }
        let mut found: Option<Found> = None;
        if kind == QuoteKind::Direct {
            // The attribution right after a quote binds tighter than one
            // before it (`Li said: “…,” she recounted`).
            found = if has(&post) {
                post
            } else if has(&pre) {
                pre
            } else if before.is_none() {
                intro_paragraph(text, para_start, &mut buf)
            } else {
                None
            };
        }
        // A short title-like quote running on into the sentence, with nobody
        // saying it, is a name or a scare quote (“Cats” opened; ‘Missing’
        // Voters Return).
        // Likewise any quote without closing punctuation that the sentence
        // carries on past in lower case (`said “we are sick of it” about
        // the plan`).
        let runs_on = !quoted
            .trim_end()
            .ends_with(['.', ',', '!', '?', '…', ':', ';', '-', '—'])
            && follows_lowercase(text, raw.after);
        if kind == QuoteKind::Direct
            && post.is_none()
            && !coordinated
            && ((is_title_like(quoted) && follows_word(text, raw.after)) || runs_on)
        {
            kind = QuoteKind::Partial;
            found = None;
        }
        // The comma before an attribution (`“We won,” she said`) belongs to
        // the sentence around the quote, not to the words quoted.
        let spoken = match quoted.trim_end_matches([',', ' ', '\u{a0}']) {
            "" => quoted,
            words => words,
        };
        let mut q = Quote {
            text: spoken,
            speaker: None,
            speaker_mention: None,
            cue: None,
            kind,
            start: raw.start,
            end: raw.start + spoken.len(),
            score: 0.0,
        };
        if let Some(f) = found {
            q.cue = f.cue.and_then(|(a, b)| text.get(a..b));
            if let Some((a, b)) = f.mention {
                let m = &text[a..b];
                q.speaker_mention = Some(Mention {
                    text: m,
                    start: a,
                    end: b,
                });
                q.speaker = resolve(names(), text, m, a, b, last.as_ref(), &mut buf);
            }
        } else if kind == QuoteKind::Direct {
            // A quote with no attribution of its own continues the last
            // speaker: later in the same paragraph, or a paragraph of its own
            // right after.
            if let Some(l) = last.as_ref() {
                let continues = l.para_start == para_start
                    || (before.is_none() && next_paragraph(text, l.after, raw.open));
                if continues {
                    q.speaker = l.speaker;
                    q.speaker_mention = l.mention;
                    q.cue = l.cue;
                }
            }
            if q.speaker_mention.is_none()
                && let Some((a, b)) =
                    previous_sentence(text, para_start, floor, before, raw.open, &mut buf)
                        .and_then(|f| f.mention)
            {
                let m = &text[a..b];
                q.speaker_mention = Some(Mention {
                    text: m,
                    start: a,
                    end: b,
                });
                q.speaker = resolve(names(), text, m, a, b, last.as_ref(), &mut buf);
            }
            if q.speaker_mention.is_none()
                && crate::terms::word_indices(spoken)
                    .take(SHORT_UNATTRIBUTED)
                    .count()
                    < SHORT_UNATTRIBUTED
            {
                // A few quoted words that nobody is said to say and that
                // continue nobody's quote are a term, a slogan or a scare
                // quote, not speech to report.
                q.kind = QuoteKind::Partial;
            } else if q.speaker_mention.is_none() {
                // Nothing closer: the person most recently named (a guess
                // beats no answer for a reader).
                q.speaker = names().recent_person(raw.open, None);
            }
        }
        // A quote in the headline without a speech verb (`Li: ‘We Will
        // Win’`) is the desk's condensed echo of the story's own quote.
        if q.kind == QuoteKind::Direct && q.cue.is_none() && in_headline(text, para_start) {
            q.kind = QuoteKind::Partial;
        }
        if q.kind == QuoteKind::Partial {
            q.speaker = None;
            q.speaker_mention = None;
            q.cue = None;
        }
        if q.kind == QuoteKind::Direct {
            last = Some(Last {
                after: raw.after,
                para_start: paras.start_of(raw.after.min(text.len())),
                speaker: q.speaker,
                mention: q.speaker_mention,
                cue: q.cue,
            });
        }
        out.push(q);
    }
    out
}

/// Whether the attribution `f` ends right before the comma before `open`,
/// or before an appositive and that comma (`she said, “…`, `According to
/// Li, the city's finance director, “…`).
fn cue_right_before(text: &str, f: &Found, open: usize) -> bool {
    let Some((_, cue_end)) = f.cue else {
        return false;
    };
    let end = cue_end.max(f.mention.map_or(0, |m| m.1));
    let Some(gap) = text.get(end..open).map(str::trim) else {
        return false;
    };
    if gap == "," {
        return true;
    }
    let Some(inner) = gap.strip_prefix(',').and_then(|g| g.strip_suffix(',')) else {
        return false;
    };
    // An appositive names or describes; a clause (`that …`, `because …`)
    // goes on reporting.
    inner.split_whitespace().count() <= 12
        && !inner.contains([',', '.', ';'])
        && !inner.split_whitespace().any(|w| {
            matches!(
                w,
                "that"
                    | "because"
                    | "if"
                    | "when"
                    | "whether"
                    | "while"
                    | "although"
                    | "since"
                    | "as"
                    | "but"
                    | "and"
            )
        })
}

/// Whether no sentence ends between `from` and `to` (looking at most a
/// few hundred bytes, so many quotes stay linear).
fn same_sentence(text: &str, from: usize, to: usize) -> bool {
    to >= from
        && to - from <= 300
        && text
            .get(from..to)
            .is_some_and(|t| !t.contains(['.', '!', '?', '\n']))
}

/// Fewer words than this, unattributed and continuing no one, make a
/// quoted phrase rather than speech.
const SHORT_UNATTRIBUTED: usize = 6;

/// Whether `para_start` opens a headline: the text's first paragraph, one
/// short line with more text after it.
fn in_headline(text: &str, para_start: usize) -> bool {
    if para_start != 0 {
        return false;
    }
    let lead = text.len() - text.trim_start().len();
    let Some(body) = text.get(lead..) else {
        return false;
    };
    // A bounded look: a headline is one short line.
    let Some(nl) = body
        .bytes()
        .take(300)
        .position(|b| b == b'\n' || b == b'\r')
    else {
        return false;
    };
    let line = &body[..nl];
    line.split_whitespace().count() <= 25 && !body[nl..].trim().is_empty()
}

struct Last<'a> {
    after: usize,
    para_start: usize,
    speaker: Option<&'a str>,
    mention: Option<Mention<'a>>,
    cue: Option<&'a str>,
}

/// Finds paragraph starts for increasing positions in one forward pass.
struct Paragraphs<'a> {
    text: &'a str,
    pos: usize,
    start: usize,
}

impl Paragraphs<'_> {
    fn start_of(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let at = at.min(bytes.len());
        if self.pos < at {
            if let Some(i) = last_line_break(&bytes[self.pos..at]) {
                self.start = self.pos + i + 1;
            }
            self.pos = at;
        }
        self.start
    }
}

/// The position of the last `\n` or `\r` in `b`.
///
/// By `memchr`, many bytes at a time: quotes sit paragraphs apart, and
/// looking at every byte in between one at a time cost as much as
/// attributing the quotes.
fn last_line_break(b: &[u8]) -> Option<usize> {
    memchr::memrchr2(b'\n', b'\r', b)
}

/// The position of the first `\n` among the first `limit` bytes of `s`.
///
/// By `memchr`: nearly every quote looks a line ahead, and one byte at a
/// time that look cost more than pairing all the quotation marks.
fn newline_within(s: &str, limit: usize) -> Option<usize> {
    memchr::memchr(b'\n', &s.as_bytes()[..s.len().min(limit)])
}

/// Whether the only text between a quote ending at `after` and a mark at
/// `open` is the rest of that quote's paragraph.
fn next_paragraph(text: &str, after: usize, open: usize) -> bool {
    let Some(between) = text.get(after..open) else {
        return false;
    };
    // Only a short tail may follow the earlier quote; looking no further
    // keeps many quotes after one huge paragraph linear.
    match newline_within(between, 200) {
        Some(nl) => between[nl..].trim().is_empty(),
        None => false,
    }
}

/// Direct speech or a quoted fragment, from where the quote sits.
fn classify(
    text: &str,
    raw: &RawQuote,
    before: Option<char>,
    quoted: &str,
    pre: Option<&Found>,
    buf: &mut Windows<'_>,
) -> QuoteKind {
    let upper = quoted
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    match before {
        // Paragraph or sentence start, a colon, or right after another quote.
        None
        | Some(
            '.' | '!' | '?' | '…' | ':' | '”' | '"' | '’' | '»' | '«' | '“' | '」' | '』' | '›'
            | '‘' | '：' | '。' | '！' | '？',
        ) => QuoteKind::Direct,
        // `she said, “and soon.”` continues speech; `the “broken,” system`
        // does not.
        Some(',' | ';' | '，') => {
            if upper || pre.is_some_and(|f| f.cue.is_some()) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            }
        }
        Some(c) if c.is_alphanumeric() => {
            // Only compared with 3 and 6: no need to count a long quote's
            // every word.
            let words = quoted.split_whitespace().take(6).count();
            let full = quoted.trim_end().ends_with(['.', '!', '?']) && words >= 6;
            if (upper && words >= 3 || full) && attrib::cue_word_before(text, raw.open, buf) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            }
        }
        _ => QuoteKind::Partial,
    }
}

/// Short and without closing punctuation, or a capitalised name with a
/// comma: reads like a title or a term.
fn is_title_like(quoted: &str) -> bool {
    let t = quoted.trim_end();
    // More than four words end it: a long quote's words are not counted.
    let words = t.split_whitespace().take(5).count();
    if words > 4 {
        return false;
    }
    if !t.ends_with(['.', ',', '!', '?', '…', ':', ';', '-', '—']) {
        return true;
    }
    t.ends_with(',')
        && words <= 3
        && t.split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a lower-case word follows the quote.
fn follows_lowercase(text: &str, after: usize) -> bool {
    text.get(after..)
        .and_then(|s| s.trim_start_matches([' ', '\t']).chars().next())
        .is_some_and(char::is_lowercase)
}

/// Whether a comma or colon and an opening mark follow `at` (within a few
/// words such as `back`): the attribution leads into another quote.
fn introduces_next(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = rest
        .strip_prefix("back")
        .or_else(|| rest.strip_prefix("in"))
        .unwrap_or(rest)
        .trim_start_matches([' ', '\t']);
    rest.strip_prefix([',', ':']).is_some_and(|r| {
        r.trim_start_matches([' ', '\t'])
            .starts_with(['“', '"', '«', '„', '‘', '‚', '‹', '「'])
    })
}

/// A paragraph right after a quote that is only a dash and a name (`– Ana
/// Ruiz, mayor.`): the name's span.
fn dash_signature(text: &str, after: usize) -> Option<(usize, usize)> {
    let rest = text.get(after..)?;
    // The dash on the quote's own line (`“…” — Ana Ruiz`) or on the next.
    let inline = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let line_end = if inline.starts_with(['–', '—', '―']) {
        rest.len() - inline.len()
    } else {
        // Look a bounded way ahead so many quotes stay linear.
        let line_end = newline_within(rest, 200)?;
        if !rest[..line_end].trim().is_empty() {
            return None;
        }
        line_end
    };
    let next = &rest[line_end..];
    let body = next.trim_start();
    let start = after + line_end + (next.len() - body.len());
    let body = body.strip_prefix(['-', '–', '—', '―'])?;
    let lead = body.len() - body.trim_start_matches([' ', '\u{a0}']).len();
    let body = &body[lead..];
    let start = start + (text[start..].len() - body.len());
    let line_len = newline_within(body, 121).unwrap_or(body.len().min(121));
    let line = body.get(..line_len)?;
    if line.len() > 120 || !line.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let name = line
        .split([',', '('])
        .next()?
        .trim_end()
        .trim_end_matches('.');
    // Only a name: capitalised words (`– An aide said so.` is prose).
    let words = name.split_whitespace().count();
    let named = name.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "de" | "van" | "von" | "bin" | "al" | "da" | "di" | "del" | "la" | "le"
            )
    });
    (named && (1..=5).contains(&words)).then_some((start, start + name.len()))
}

/// Whether `and` and a lower-case word follow the quote (`” and asked`).
fn and_then_verb(text: &str, after: usize) -> bool {
    let Some(rest) = text.get(after..) else {
        return false;
    };
    let mut words = rest.split_whitespace();
    words.next() == Some("and")
        && words
            .next()
            .is_some_and(|w| w.chars().all(|c| c.is_lowercase()) && w.len() > 2)
}

/// Whether the sentence goes on with a word right after the quote.
fn follows_word(text: &str, after: usize) -> bool {
    text.get(after..)
        .and_then(|s| s.trim_start_matches([' ', '\t']).chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// The subject of the sentence before a quote with no attribution: in the
/// same paragraph, or ending the previous one when the quote opens its own.
fn previous_sentence(
    text: &str,
    para_start: usize,
    floor: usize,
    before: Option<char>,
    open: usize,
    buf: &mut Windows<'_>,
) -> Option<Found> {
    match before {
        Some('.' | '!' | '?') => attrib::previous_subject(text, floor, open, buf),
        None if para_start > 0 => {
            let end = text.get(..para_start)?.trim_end().len();
            let lo = end.saturating_sub(400);
            let lo = (lo..=end).find(|&i| text.is_char_boundary(i))?;
            let start = text[lo..end].rfind('\n').map_or(lo, |i| lo + i + 1);
            if start == lo && lo > 0 {
                return None;
            }
            attrib::previous_subject(text, start, end, buf)
        }
        _ => None,
    }
}

/// A paragraph that is only a quote, introduced by the previous paragraph
/// ending in a colon (`Pollak wrote:`).
fn intro_paragraph(text: &str, para_start: usize, buf: &mut Windows<'_>) -> Option<Found> {
    let prev = text.get(..para_start)?.trim_end();
    if !prev.ends_with(':') {
        return None;
    }
    let colon = prev.len() - 1;
    let floor = prev.rfind('\n').map_or(0, |i| i + 1);
    attrib::before_quote(text, floor, colon, buf)
        .or_else(|| attrib::before_quote(text, floor, colon + 1, buf))
}

/// The speaker a mention stands for: the fullest name, the person a pronoun
/// points back to, or the description itself.
fn resolve<'a>(
    names: &Names<'a>,
    text: &'a str,
    m: &'a str,
    a: usize,
    b: usize,
    last: Option<&Last<'a>>,
    buf: &mut Windows<'_>,
) -> Option<&'a str> {
    match attrib::mention_kind(m) {
        MentionKind::Pronoun(None) => None,
        MentionKind::Pronoun(Some(g)) => {
            let fits = |s: &str| {
                let start = s.as_ptr() as usize - text.as_ptr() as usize;
                names.gender_of(start).is_none_or(|h| h == g) && s.contains(' ')
            };
            // The person last named as a subject outside quotes, whose
            // gender fits; then the last speaker; then anyone named.
            let who = names
                .recent_subject(a, Some(g))
                .or_else(|| {
                    last.and_then(|l| l.speaker)
                        .filter(|s| fits(s) && attrib::mention_kind(s) == MentionKind::Name)
                })
                .or_else(|| names.recent_person(a, Some(g)));
            if let Some(s) = who {
                names.learn(s, g);
            }
            who
        }
        MentionKind::Name => {
            // `Ana Li of the port union`: the name is the capitalised head.
            let head = name_head(m);
            names.resolve(a, (a + head.len()).min(b)).or(Some(head))
        }
        MentionKind::Description => resolve_description(names, text, m, a, buf)
            .or_else(|| {
                // `master of ceremonies Ida Sorn`: the name the title leads to.
                let tail = trailing_name(m)?;
                let start = a + (m.len() - tail.len());
                names.resolve(start, start + tail.len()).or(Some(tail))
            })
            .or(Some(description_head(m))),
    }
}

/// A description without its relative clause: `a party member who backs
/// Li` is `a party member`.
fn description_head(m: &str) -> &str {
    [" who ", " whose ", " which ", " that "]
        .iter()
        .filter_map(|r| m.find(r))
        .min()
        .filter(|&i| i > 0)
        .map_or(m, |i| m[..i].trim_end_matches(','))
}

/// Two or more capitalised words ending a lower-case description.
fn trailing_name(m: &str) -> Option<&str> {
    let words: Vec<&str> = m.split_whitespace().collect();
    let caps = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // `former Pennsylvania Gov.` ends in a title, not a name.
    if caps < 2 || caps == words.len() || words.last().is_some_and(|w| w.ends_with('.')) {
        return None;
    }
    let first = words[words.len() - caps];
    let at = first.as_ptr() as usize - m.as_ptr() as usize;
    m.get(at..)
}

/// The leading name of a mention, before a lower-case `of`/`who` tail.
fn name_head(m: &str) -> &str {
    let mut end = 0;
    for (i, w) in m
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - m.as_ptr() as usize, w))
    {
        let connector = matches!(
            w,
            "de" | "van" | "von" | "bin" | "al" | "da" | "di" | "del" | "la" | "le" | "du"
        );
        if w.chars().next().is_some_and(char::is_lowercase) && !connector {
            break;
        }
        end = i + w.len();
    }
    if end == 0 {
        m
    } else {
        m[..end].trim_end_matches(',')
    }
}

/// How far back an organisation or a statement's source is looked for.
const SOURCE_WINDOW: usize = 1500;

/// `the ministry` → the last capitalised name containing `ministry`, else
/// (and for `the statement`) whoever last issued a statement.
fn resolve_description<'a>(
    names: &Names<'a>,
    text: &'a str,
    m: &'a str,
    a: usize,
    buf: &mut Windows<'_>,
) -> Option<&'a str> {
    let stands = attrib::description_stands_for(m)?;
    let floor = a.saturating_sub(SOURCE_WINDOW);
    let org = match stands {
        attrib::Stands::Org(noun) => attrib::org_named(text, floor, a, noun, buf),
        attrib::Stands::Statement => None,
    };
    let (x, y) = org.or_else(|| attrib::statement_source(text, floor, a, buf))?;
    let source = text.get(x..y)?;
    match attrib::mention_kind(source) {
        MentionKind::Name => names.resolve(x, y).or(Some(source)),
        MentionKind::Description => Some(source),
        MentionKind::Pronoun(_) => None,
    }
}

/// How many earlier quotes each quote is checked against for near-duplicates
/// (bounded so ranking stays linear in the number of quotes).
const DUPLICATE_WINDOW: usize = 64;

/// Scores each quote as a key quote, in `0..=1`, the way a news editor
/// picks pull quotes:
///
/// - substance: how central its words are to the article (words the story
///   keeps repeating), damped for very short quotes so that one repeated
///   word does not make `We will get there` a key quote;
/// - length: a full thought (about 12 to 45 words) beats a fragment or a
///   long monologue;
/// - who says it: a named speaker beats a description, a known speaker
///   beats none, and a speaker the story quotes often is one of its main
///   voices;
/// - news value: direct speech beats a partial quote, an answer beats a
///   question;
/// - novelty: a near-repeat of an earlier quote keeps half its score.
///
/// ```
/// use newsgist::{Lang, quotes, segment, terms::Analyzer};
/// let text = "Rail fares rise in May. \u{201c}Rail fares must stay low for workers,\u{201d} \
///             Mayor Ana Ruiz said. Critics called the plan \u{201c}odd\u{201d}.";
/// let sentences = segment::split(text);
/// let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
/// let mut found = quotes::find_quotes(text, &sentences, Lang::English);
/// quotes::rank(&mut found, text, &doc);
/// assert!(found[0].score > found[1].score);
/// ```
pub fn rank(quotes: &mut [Quote<'_>], text: &str, doc: &DocTerms) {
    rank_with_summary(quotes, text, doc, &[]);
}

/// [`rank`], also lowering quotes that mostly repeat a sentence already in
/// the summary (`summary` holds the chosen sentences' byte spans), so that
/// the reader is not shown the same words twice.
///
/// ```
/// use newsgist::{Lang, quotes, segment, terms::Analyzer};
/// let text = "\u{201c}The harbour bridge will close for repairs in June,\u{201d} engineer \
///             Ana Ruiz said. \u{201c}Ferries will run every ten minutes while the harbour \
///             bridge is shut,\u{201d} Ruiz added.";
/// let sentences = segment::split(text);
/// let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
/// let mut plain = quotes::find_quotes(text, &sentences, Lang::English);
/// quotes::rank(&mut plain, text, &doc);
/// let mut found = quotes::find_quotes(text, &sentences, Lang::English);
/// let first = sentences[0];
/// quotes::rank_with_summary(&mut found, text, &doc, &[(first.start, first.end)]);
/// assert!(found[0].score < plain[0].score);
/// ```
pub fn rank_with_summary(
    quotes: &mut [Quote<'_>],
    _text: &str,
    doc: &DocTerms,
    summary: &[(usize, usize)],
) {
    let mut tf = vec![0u32; doc.num_terms()];
    for t in &doc.tokens {
        if let Some(n) = tf.get_mut(t.term as usize) {
            *n += 1;
        }
    }
    let max_count = tf.iter().copied().max().unwrap_or(1);
    let max_tf = max_count.max(2) as f64;
    // ln of each count a term can have, computed once rather than once a
    // quoted word.
    let ln_count: Vec<f64> = (0..=max_count).map(|c| f64::from(c.max(1)).ln()).collect();
    // The terms of the quote being scored, marked by id: how many of them
    // an earlier quote or a summary sentence shares is then one pass over
    // that set, where merging the two sorted lists cost more than the rest
    // of the ranking. The marks also make each set without sorting it.
    let mut in_quote = vec![false; doc.num_terms()];
    let mut substance = Vec::with_capacity(quotes.len());
    let spans: Vec<&[crate::terms::Token]> =
        quotes.iter().map(|q| doc.in_span(q.start, q.end)).collect();
    let summary_spans: Vec<&[crate::terms::Token]> =
        summary.iter().map(|&(a, b)| doc.in_span(a, b)).collect();
    // Every term set lives in this one list, as a range of it, rather than
    // in a list of its own for each sentence and quote.
    let mut terms: Vec<u32> =
        Vec::with_capacity(spans.iter().chain(&summary_spans).map(|s| s.len()).sum());
    let mut summary_sets: Vec<(usize, usize)> = Vec::with_capacity(summary.len());
    for tokens in &summary_spans {
        let from = terms.len();
        push_term_set(tokens, &mut in_quote, &mut terms);
        mark(&mut in_quote, terms.get(from..).unwrap_or_default(), false);
        if terms.len() > from {
            summary_sets.push((from, terms.len()));
        }
    }
    // First pass: raw substance, and how often each speaker is quoted.
    for tokens in &spans {
        let n = tokens.len() as f64;
        // ln(tf) / ln(max tf): words said once count 0, the article's most
        // repeated word counts 1. The sum over n + 4 is the mean, shrunk
        // towards 0 for quotes of a few words.
        let sum: f64 = tokens
            .iter()
            .map(|t| {
                let count = tf.get(t.term as usize).copied().unwrap_or(1).max(1);
                ln_count
                    .get(count as usize)
                    .copied()
                    .unwrap_or_else(|| f64::from(count).ln())
            })
            .sum::<f64>()
            / max_tf.ln();
        substance.push(sum / (n + 4.0));
    }
    let best = substance.iter().copied().fold(0.0f64, f64::max);
    let voices = speaker_counts(quotes);
    let most = voices.iter().map(|v| v.1).max().unwrap_or(1).max(1) as f64;
    let mut sets: Vec<(usize, usize)> = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.iter_mut().enumerate() {
        let centrality = if best > 0.0 { substance[i] / best } else { 0.0 };
        let words = tok::count_words(q.text) as f64;
        let length = if words < 12.0 {
            (words / 12.0).powi(2)
        } else {
            (45.0 / words).min(1.0)
        };
        let direct = if q.kind == QuoteKind::Direct {
            1.0
        } else {
            0.0
        };
        let speaker = match q.speaker_mention.map(|m| attrib::mention_kind(m.text)) {
            _ if q.speaker.is_none() => 0.0,
            Some(MentionKind::Name | MentionKind::Pronoun(Some(_))) => 1.0,
            _ => 0.8,
        };
        let prominence = q
            .speaker
            .and_then(|s| voices.binary_search_by(|v| v.0.cmp(s)).ok())
            .map(|k| voices[k])
            .map_or(0.0, |v| v.1 as f64 / most);
        let mut score =
            0.4 * centrality + 0.25 * length + 0.1 * direct + 0.15 * speaker + 0.1 * prominence;
        if q.text.trim_end().ends_with('?') {
            score *= 0.85;
        }
        let from = terms.len();
        push_term_set(
            spans.get(i).copied().unwrap_or_default(),
            &mut in_quote,
            &mut terms,
        );
        let range = (from, terms.len());
        let set = terms.get(from..).unwrap_or_default();
        let set_of = |(a, b): (usize, usize)| terms.get(a..b).unwrap_or_default();
        let shared_with_quote = |s: &[u32]| {
            s.iter()
                .filter(|&&t| in_quote.get(t as usize).copied().unwrap_or(false))
                .count()
        };
        let lo = i.saturating_sub(DUPLICATE_WINDOW);
        // Two sets share at most the smaller one, so sizes far apart rule
        // a near-duplicate out before the sets are compared.
        let near = |&r: &(usize, usize)| {
            let s = set_of(r);
            let (small, large) = (s.len().min(set.len()), s.len().max(set.len()));
            small as f64 / large as f64 >= 0.6
                && jaccard(shared_with_quote(s), s.len(), set.len()) >= 0.6
        };
        if !set.is_empty() && sets.get(lo..).unwrap_or_default().iter().any(near) {
            score *= 0.5;
        }
        if !set.is_empty()
            && summary_sets.iter().any(|&r| {
                let s = set_of(r);
                s.len().min(set.len()) as f64 >= 0.6 * set.len() as f64
                    && shared_with_quote(s) as f64 >= 0.6 * set.len() as f64
            })
        {
            score *= 0.7;
        }
        mark(&mut in_quote, set, false);
        sets.push(range);
        q.score = score.clamp(0.0, 1.0);
    }
    // Several voices beat one voice several times: each further quote of a
    // speaker, best first, keeps a little less of its score.
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by(|&a, &b| {
        quotes[a]
            .speaker
            .cmp(&quotes[b].speaker)
            .then(quotes[b].score.total_cmp(&quotes[a].score))
            .then(a.cmp(&b))
    });
    let mut nth = 0;
    for k in 0..order.len() {
        let q = order[k];
        let same = k > 0 && quotes[order[k - 1]].speaker == quotes[q].speaker;
        nth = if same && quotes[q].speaker.is_some() {
            nth + 1
        } else {
            0
        };
        quotes[q].score = crate::round4(quotes[q].score * REPEAT_VOICE.powi(nth.min(8)));
    }
}

/// What each further quote of the same speaker keeps of its score.
const REPEAT_VOICE: f64 = 0.9;

/// Sorted, deduplicated term ids: the simple form of [`push_term_set`].
#[cfg(test)]
fn term_set(tokens: &[crate::terms::Token]) -> Vec<u32> {
    let mut set: Vec<u32> = tokens.iter().map(|t| t.term).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Pushes the distinct term ids of `tokens` onto `set` (in no particular
/// order) and marks them in `marks`, where none may be marked yet.
///
/// The ranking only counts the ids of a set, so the marks it needs anyway
/// find repeats in place of a sort. Ids beyond `marks` (which a well-formed
/// [`DocTerms`] never has) are sorted apart.
fn push_term_set(tokens: &[crate::terms::Token], marks: &mut [bool], set: &mut Vec<u32>) {
    let from = set.len();
    let mut stray = false;
    for t in tokens {
        match marks.get_mut(t.term as usize) {
            Some(m) if *m => {}
            Some(m) => {
                *m = true;
                set.push(t.term);
            }
            None => {
                stray = true;
                set.push(t.term);
            }
        }
    }
    if stray {
        let mut tail = set.split_off(from);
        tail.sort_unstable();
        tail.dedup();
        set.append(&mut tail);
    }
}

/// How many direct quotes each speaker has, by speaker name.
fn speaker_counts<'a>(quotes: &[Quote<'a>]) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&'a str, usize)> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .filter_map(|q| q.speaker)
        .map(|s| (s, 1))
        .collect();
    counts.sort_unstable_by(|a, b| a.0.cmp(b.0));
    counts.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 += b.1;
        }
        same
    });
    counts
}

/// Sets (or clears) the marks of the ids in `set` that lie within `marks`.
fn mark(marks: &mut [bool], set: &[u32], to: bool) {
    for &t in set {
        if let Some(m) = marks.get_mut(t as usize) {
            *m = to;
        }
    }
}

/// Jaccard similarity of two sets of `a` and `b` ids sharing `both`.
fn jaccard(both: usize, a: usize, b: usize) -> f64 {
    let union = (a + b).saturating_sub(both);
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
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

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<Quote<'_>> {
        let q = find_quotes(text, &crate::segment::split(text), Lang::English);
        for x in &q {
            assert_eq!(&text[x.start..x.end], x.text);
            if let Some(m) = x.speaker_mention {
                assert_eq!(&text[m.start..m.end], m.text);
            }
        }
        q
    }

    fn one(text: &str) -> Quote<'_> {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        q[0].clone()
    }

    fn who<'a>(q: &Quote<'a>) -> (Option<&'a str>, Option<&'a str>, Option<&'a str>) {
        (q.speaker, q.speaker_mention.map(|m| m.text), q.cue)
    }

    #[test]
    fn last_line_break_is_found_exactly() {
        for len in 0..24 {
            for at in 0..len {
                for brk in [b'\n', b'\r'] {
                    let mut b = vec![b'a'; len];
                    b[at] = brk;
                    // Bytes that differ from a break in one bit only.
                    if at + 1 < len {
                        b[at + 1] = brk ^ 0x80;
                    }
                    assert_eq!(last_line_break(&b), Some(at), "{at} of {len}");
                    b[at] = b'\x0b';
                    assert_eq!(last_line_break(&b), None, "{at} of {len}");
                }
            }
        }
    }

    #[test]
    fn attribution_after_name_then_verb() {
        let q = one("“The bridge opens in May,” Lena Park said.");
        assert_eq!(q.text, "The bridge opens in May");
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(
            who(&q),
            (Some("Lena Park"), Some("Lena Park"), Some("said"))
        );
    }

    #[test]
    fn attribution_after_verb_then_name() {
        let q = one("“The bridge opens in May,” said Lena Park.");
        assert_eq!(
            who(&q),
            (Some("Lena Park"), Some("Lena Park"), Some("said"))
        );
    }

    #[test]
    fn surname_resolves_to_full_name_with_told() {
        let t = "Lena Park Soo-jin runs the port.\n“Ships will come,” Park told the board.";
        let q = one(t);
        assert_eq!(
            who(&q),
            (Some("Lena Park Soo-jin"), Some("Park"), Some("told"))
        );
    }

    #[test]
    fn pronoun_after_quote_resolves_to_last_person() {
        let t = "Tomas Reyes opened the plant on Friday. “It runs day and night,” he added.";
        let q = one(t);
        assert_eq!(who(&q), (Some("Tomas Reyes"), Some("he"), Some("added")));
    }

    #[test]
    fn pronoun_prefers_matching_gender() {
        let t = "Ms. Ada Moss met Mr. Karl Brandt at noon. “We agreed on the price,” she said.";
        let q = one(t);
        assert_eq!(who(&q), (Some("Ada Moss"), Some("she"), Some("said")));
    }

    #[test]
    fn attribution_before_with_colon_and_without() {
        let t = "Omar Haddad said: “The fund is empty.”";
        assert_eq!(
            who(&one(t)),
            (Some("Omar Haddad"), Some("Omar Haddad"), Some("said"))
        );
        let t = "Omar Haddad said “The fund is empty again.”";
        let q = one(t);
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(
            who(&q),
            (Some("Omar Haddad"), Some("Omar Haddad"), Some("said"))
        );
    }

    #[test]
    fn according_to() {
        let t = "According to Omar Haddad, “the fund is empty.”";
        let q = one(t);
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(
            who(&q),
            (
                Some("Omar Haddad"),
                Some("Omar Haddad"),
                Some("According to")
            )
        );
    }

    #[test]
    fn appositive_between_subject_and_verb() {
        let t = "“The fund is empty,” Omar Haddad, a spokesman for the council, said.";
        assert_eq!(
            who(&one(t)),
            (Some("Omar Haddad"), Some("Omar Haddad"), Some("said"))
        );
        let t = "“The fund is empty,” Omar Haddad, 58, told reporters.";
        assert_eq!(
            who(&one(t)),
            (Some("Omar Haddad"), Some("Omar Haddad"), Some("told"))
        );
    }

    #[test]
    fn titles_resolve_to_the_name() {
        let t = "Sen. Clara Voss spoke first. “Not this year,” Sen. Voss said. \
                 “Maybe later,” Mr. Ibsen replied.";
        let q = quotes(t);
        assert_eq!(
            who(&q[0]),
            (Some("Clara Voss"), Some("Sen. Voss"), Some("said"))
        );
        assert_eq!(q[1].speaker_mention.map(|m| m.text), Some("Mr. Ibsen"));
    }

    fn quotes_in(text: &str, lang: Lang) -> Vec<Quote<'_>> {
        let q = find_quotes(text, &crate::segment::split(text), lang);
        for x in &q {
            assert_eq!(&text[x.start..x.end], x.text);
            assert_eq!(x.text, x.text.trim());
        }
        q
    }

    #[test]
    fn pronoun_goes_to_the_latest_subject_not_the_last_speaker() {
        let t = "“The levy is fair,” Nadia Krol said.\n\n\
                 Opposition whip Piotr Lenz attacked the levy.\n\n\
                 “It will sink the harbour,” he said.";
        let q = quotes(t);
        assert_eq!(q[1].speaker, Some("Piotr Lenz"));
        // A `she` skips a man: Lenz is `he` from the narrative.
        let t = "“The levy is fair,” Nadia Krol said.\n\n\
                 Piotr Lenz attacked it, and he did not hold back.\n\n\
                 “We will win the vote,” she said.";
        assert_eq!(quotes(t)[1].speaker, Some("Nadia Krol"));
    }

    #[test]
    fn pronoun_skips_objects_and_learns_gender_from_attributions() {
        let t = "“We start today,” Nadia Krol said. Her rival met Piotr Lenz. \
                 “It is late,” she said. Nadia Krol then left with Oskar Wil. \
                 “Goodbye,” she said.";
        let q = quotes(t);
        assert_eq!(q[1].speaker, Some("Nadia Krol"));
        assert_eq!(q[2].speaker, Some("Nadia Krol"));
    }

    #[test]
    fn statement_speaker_is_its_source() {
        let t = "The Orvel Water Board said in a statement that pipes were safe. \
                 “Nothing leaked,” the statement said.";
        let q = one(t);
        assert_eq!(q.speaker_mention.map(|m| m.text), Some("the statement"));
        assert_eq!(q.speaker, Some("The Orvel Water Board"));
        let t = "The lifeboat crew said in a statement that it was lucky. \
                 “Wear a vest,” the statement said.";
        assert_eq!(one(t).speaker, Some("The lifeboat crew"));
    }

    #[test]
    fn organisation_description_resolves_to_the_named_organisation() {
        let t = "The Ministry of Roads said in a statement that work had begun. \
                 “The road opens in May,” the ministry said.";
        assert_eq!(one(t).speaker, Some("The Ministry of Roads"));
        // No name holds the noun: the organisation that issued a statement.
        let t = "Pellow Ferries, the island operator, said in a statement that fares \
                 would rise. “Fuel costs doubled,” the company said.";
        assert_eq!(one(t).speaker, Some("Pellow Ferries"));
        // Nothing to point to: the description stays.
        let t = "“Stay off the ice,” the police said.";
        assert_eq!(one(t).speaker, Some("the police"));
    }

    #[test]
    fn german_speaker_stops_at_the_name_and_impersonal_cue() {
        let t = "„Wir bauen die Brücke neu“, sagte Bürgermeisterin Jana Brandt nach der Sitzung.";
        let q = quotes_in(t, Lang::German);
        assert_eq!(
            q[0].speaker_mention.map(|m| m.text),
            Some("Bürgermeisterin Jana Brandt")
        );
        assert_eq!(q[0].speaker, Some("Jana Brandt"));
        let t = "Die Verkehrsbetriebe Norden erklärten in einer Mitteilung, man plane \
                 ab dem 1. Oktober neue Busse. „Die Busse fahren elektrisch“, hieß es darin.";
        let q = quotes_in(t, Lang::German);
        assert_eq!(q[0].speaker, Some("Die Verkehrsbetriebe Norden"));
        assert_eq!(q[0].cue, Some("hieß es darin"));
    }

    #[test]
    fn months_and_weekdays_are_not_speakers() {
        let t = "Die Wahl ist am 3. Oktober geplant. „Wir sind bereit.“";
        let q = quotes_in(t, Lang::German);
        assert_ne!(q[0].speaker, Some("Oktober"));
        let t = "The vote moved to Thursday. “We are ready.”";
        assert_ne!(one(t).speaker, Some("Thursday"));
    }

    #[test]
    fn single_low_marks_and_corner_brackets_are_speech() {
        let t = "‚Wir bauen weiter‘, sagte Bürgermeisterin Jana Roth am Montag.";
        let q = quotes_in(t, Lang::German);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "Wir bauen weiter");
        assert_eq!(q[0].kind, QuoteKind::Direct);
        assert_eq!(q[0].speaker, Some("Jana Roth"));
        let t = "市长说：「我们明天开放大桥。」";
        let q = quotes_in(t, Lang::English);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "我们明天开放大桥。");
        assert_eq!(q[0].kind, QuoteKind::Direct);
    }

    #[test]
    fn french_guillemets_and_cues() {
        let t = "M. Hugo Lemaire dirige la régie.\n\n\
                 «\u{a0}Le service reprendra lundi\u{a0}», a-t-il expliqué lors d’un point presse.\n\n\
                 «\u{202f}Nous sommes prêts\u{202f}», a déclaré Mme Inès Faure, déléguée syndicale.";
        let q = quotes_in(t, Lang::French);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "Le service reprendra lundi");
        assert_eq!(q[0].kind, QuoteKind::Direct);
        assert_eq!(
            (q[0].speaker, q[0].speaker_mention.map(|m| m.text), q[0].cue),
            (Some("Hugo Lemaire"), Some("il"), Some("expliqué"))
        );
        assert_eq!(q[1].text, "Nous sommes prêts");
        assert_eq!(q[1].speaker, Some("Inès Faure"));
        let t = "La mairie de Brenne a indiqué dans un communiqué qu’elle ouvrira un parking. \
                 « Les navettes sont gratuites », a souligné la municipalité.";
        let q = quotes_in(t, Lang::French);
        assert_eq!(
            q[0].speaker_mention.map(|m| m.text),
            Some("la municipalité")
        );
        assert_eq!(q[0].speaker.map(|s| s.ends_with("Brenne")), Some(true));
    }

    #[test]
    fn british_single_quotes_with_apostrophe_names() {
        let t = "Keeper Alan Reeve said the zoo was full.\n\n\
                 ‘We have no room,’ said Mr Reeve.\n\n\
                 Volunteer Niamh O’Dwyer, who feeds the otters, said she was relieved.\n\n\
                 ‘They all stay,’ she said.";
        let q = quotes(t);
        assert_eq!(q[1].text, "They all stay");
        assert_eq!(q[1].speaker.map(|s| s.ends_with("O’Dwyer")), Some(true));
    }

    #[test]
    fn lower_case_quote_after_cue_then_second_verb_is_direct() {
        let t =
            "Mayor Ida Sorn said “we will check the figures each month” and closed the session.";
        let q = one(t);
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(q.speaker, Some("Ida Sorn"));
        // Without the second verb it stays a fragment.
        let t = "Mayor Ida Sorn said “we will check the figures” every month.";
        assert_eq!(one(t).kind, QuoteKind::Partial);
    }

    #[test]
    fn speaker_after_cue_keeps_its_of_phrase_or_relative_clause() {
        let t = "“Rates will fall,” said Ada Quist of the Harlow credit union.";
        let q = one(t);
        assert_eq!(
            q.speaker_mention.map(|m| m.text),
            Some("Ada Quist of the Harlow credit union")
        );
        assert_eq!(q.speaker, Some("Ada Quist"));
        let t = "“Rates will fall,” said a trader who asked not to be named.";
        assert_eq!(
            one(t).speaker_mention.map(|m| m.text),
            Some("a trader who asked not to be named")
        );
        // A comma ends the speaker; time phrases are not taken in.
        let t = "“Rates will fall,” said Ada Quist, a trader.";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("Ada Quist"));
        let t = "“Rates will fall,” said Ada Quist during the debate.";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("Ada Quist"));
    }

    #[test]
    fn noun_before_a_cue_is_not_the_cue() {
        let t = "“Costs rose,” the audit report said.";
        let q = one(t);
        assert_eq!(q.speaker_mention.map(|m| m.text), Some("the audit report"));
        assert_eq!(q.cue, Some("said"));
    }

    #[test]
    fn years_and_weekdays_before_a_cue_are_skipped() {
        let t = "“We will vote,” Ana Ruiz later Thursday told reporters.";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("Ana Ruiz"));
        let t = "These were the tests for a nominee in 2016:\n\n“Is the nominee honest?”";
        assert_ne!(one(t).speaker, Some("2016"));
    }

    #[test]
    fn colon_intro_takes_the_main_clause_subject() {
        let t = "When the dam failed, Governor Ed Marr issued this statement: “We grieve.”";
        assert_eq!(one(t).speaker, Some("Ed Marr"));
        let t = "Ed Marr, the governor, sent a short message to Ana Ruiz: “We grieve.”";
        assert_eq!(one(t).speaker, Some("Ed Marr"));
    }

    #[test]
    fn bare_attribution_after_a_closed_quote() {
        let t = "Ana Ruiz spoke first. Ed Marr spoke next.\n\n“We are done.” Ana Ruiz said.";
        let q = one(t);
        assert_eq!(q.speaker_mention.map(|m| m.text), Some("Ana Ruiz"));
        // A new sentence about something else is not an attribution.
        let t = "“We are done.” Ana Ruiz said the talks would resume.";
        assert_eq!(one(t).cue, None);
    }

    #[test]
    fn dash_signature_line_names_the_speaker() {
        let t =
            "Claims checked this week.\n\n“Taxes never went up.”\n\n– Ana Ruiz, mayor.\n\nMore.";
        assert_eq!(one(t).speaker, Some("Ana Ruiz"));
    }

    #[test]
    fn previous_sentence_attribution_beats_its_subject() {
        let t = "Her neighbours laughed at the plan, Ida Sorn said as she left.\n\n“I will build it anyway.”";
        assert_eq!(one(t).speaker, Some("Ida Sorn"));
    }

    #[test]
    fn dash_after_the_quote_on_its_line_names_the_speaker() {
        let t = "Talks ended.\n\n“We are not done yet.” — Ana Ruiz\n\nMore later.";
        let q = one(t);
        assert_eq!(q.speaker, Some("Ana Ruiz"));
        assert_eq!(q.speaker_mention.map(|m| m.text), Some("Ana Ruiz"));
        // A dash going on with prose is not a signature.
        let t = "Talks ended.\n\n“We are not done yet.” — and nobody disagreed.";
        assert_ne!(
            one(t).speaker_mention.map(|m| m.text),
            Some("and nobody disagreed")
        );
    }

    #[test]
    fn lower_case_quote_ending_reported_speech_is_partial() {
        let q = quotes("Osei said that because the ferry is old, “it has to be replaced soon.”");
        assert_eq!(q[0].kind, QuoteKind::Partial);
        let q = quotes("“We won,” Osei said on Monday, “and we won fairly.”");
        assert_eq!(q[1].kind, QuoteKind::Direct);
        assert_eq!(q[1].speaker, Some("Osei"));
        let q = quotes("Mayor Ama Osei said, “and that is the end of it.”");
        assert_eq!(q[0].kind, QuoteKind::Direct);
        let q = quotes("According to Ama Osei, the harbour master, “the ferry is too old.”");
        assert_eq!(q[0].kind, QuoteKind::Direct);
    }

    #[test]
    fn newline_within_agrees_with_a_byte_scan() {
        let t = "ab\nc d\u{2028}é\n\nxyz 0123456789\n";
        for limit in 0..=t.len() + 2 {
            for from in (0..t.len()).filter(|&i| t.is_char_boundary(i)) {
                let s = &t[from..];
                let expected = s.bytes().take(limit).position(|b| b == b'\n');
                assert_eq!(newline_within(s, limit), expected, "{from} {limit}");
            }
        }
        let long = "x".repeat(300) + "\n";
        assert_eq!(newline_within(&long, 200), None);
        assert_eq!(newline_within(&long, 301), Some(300));
    }

    #[test]
    fn jaccard_and_marks() {
        assert_eq!(jaccard(2, 4, 4), 2.0 / 6.0);
        assert_eq!(jaccard(0, 0, 0), 0.0);
        let mut marks = vec![false; 6];
        mark(&mut marks, &[1, 4, 9], true);
        assert_eq!(marks, [false, true, false, false, true, false]);
        mark(&mut marks, &[1, 4, 9], false);
        assert!(marks.iter().all(|&m| !m));
    }

    #[test]
    fn pushed_term_sets_hold_the_sorted_sets_ids() {
        // xorshift: random enough to hit repeats, strays and empty spans.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| crate::testing::xorshift(&mut x) % n;
        let mut set = vec![7];
        for _ in 0..2_000 {
            let ids = next(40) + 1;
            let marked = next(ids + 4) as usize;
            let tokens: Vec<crate::terms::Token> = (0..next(30))
                .map(|k| crate::terms::Token {
                    start: k as usize,
                    term: next(ids) as u32,
                })
                .collect();
            let mut marks = vec![false; marked];
            let from = set.len();
            push_term_set(&tokens, &mut marks, &mut set);
            let mut pushed = set[from..].to_vec();
            pushed.sort_unstable();
            assert_eq!(pushed, term_set(&tokens));
            // Exactly the pushed ids within the marks are marked.
            let marked_ids: Vec<u32> = (0..marks.len() as u32)
                .filter(|&t| marks[t as usize])
                .collect();
            let in_range: Vec<u32> = pushed
                .iter()
                .copied()
                .filter(|&t| (t as usize) < marked)
                .collect();
            assert_eq!(marked_ids, in_range);
            mark(&mut marks, &set[from..], false);
            assert!(marks.iter().all(|&m| !m));
        }
        assert_eq!(set[0], 7);
    }

    fn ranked(text: &str) -> Vec<Quote<'_>> {
        let sentences = crate::segment::split(text);
        let doc = crate::terms::Analyzer::new(Lang::English).analyze(text, &sentences);
        let mut q = find_quotes(text, &sentences, Lang::English);
        rank(&mut q, text, &doc);
        limit(q, QuoteLimit::Top(2))
    }

    #[test]
    fn a_substantive_quote_outranks_a_short_one_and_voices_vary() {
        let t = "The ferry fare rise was delayed. Ferry riders packed the hearing.\n\n\
                 “We will get there,” director Tobias Wren said.\n\n\
                 “The ferry fare rise pays for ferry repairs that riders have waited years \
                 for,” Wren said.\n\n\
                 “The ferry fare rise hits riders who have no other way to work,” said \
                 nurse Kira Aldana.\n\n\
                 “Ferry riders deserve repairs and fair fares, and the hearing heard them,” \
                 Wren added.";
        let top = ranked(t);
        assert!(top.iter().all(|q| q.text != "We will get there"), "{top:?}");
        let speakers: Vec<_> = top.iter().map(|q| q.speaker).collect();
        assert!(speakers.contains(&Some("Kira Aldana")), "{speakers:?}");
    }

    #[test]
    fn dash_line_of_prose_is_no_signature() {
        let t = "Ed Marr spoke.\n\n“We are done.”\n\n– An aide to him –.\n";
        assert_ne!(
            one(t).speaker_mention.map(|m| m.text),
            Some("An aide to him –")
        );
    }

    #[test]
    fn long_appositive_before_the_cue() {
        let t = "“The lead is real,” Nate Orr, the pollster who founded a small survey firm \
                 in Ohio and ran it for years, wrote.";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("Nate Orr"));
    }

    #[test]
    fn colon_sources_after_from_or_a_dash() {
        let t = "Turnout was high - More from Ana Li and Ed Marr: “Nobody expected it.”";
        assert_eq!(
            one(t).speaker_mention.map(|m| m.text),
            Some("Ana Li and Ed Marr")
        );
    }

    #[test]
    fn coordinated_cue_takes_the_earlier_cues_subject() {
        let t = "At the rally in Brno, Ida Sorn, 61, said it was too soon to celebrate but added, “We will win.”";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("Ida Sorn"));
        // Many coordinated cues stay fast.
        let t = "Li said and ".repeat(5_000) + "said, “Go.”";
        quotes(&t);
    }

    #[test]
    fn lower_case_speaker_after_cue() {
        let t = "“Stay inside,” said police.";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("police"));
        let t = "“Welcome all,” said master of ceremonies Ida Sorn.";
        assert_eq!(one(t).speaker, Some("Ida Sorn"));
    }

    #[test]
    fn appositive_without_closing_comma() {
        let t = "“The race is tied,” Nate Orr, the pollster who runs a small firm tweeted.";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("Nate Orr"));
    }

    #[test]
    fn attribution_leading_into_the_next_quote_is_not_this_ones() {
        let t = "Ed Marr wrote to Ida Sorn, “Where are you?” Ida Sorn writes back, “Home.”";
        let q = quotes(t);
        assert_eq!(q[0].speaker, Some("Ed Marr"));
        assert_eq!(q[1].speaker, Some("Ida Sorn"));
    }

    #[test]
    fn years_open_no_subject() {
        let t = "In a 2014 interview, Al Gore spoke while adding, “The climate is the issue.”";
        assert_eq!(one(t).speaker, Some("Al Gore"));
    }

    #[test]
    fn coordinated_verbs_after_a_clause_go_to_the_nearest_subject() {
        let t = "When Ed Marr asked about the tax, Ida Sorn frowned, shook her head and said, \
                 “Not this year.”";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("Ida Sorn"));
    }

    #[test]
    fn colon_intro_after_a_cue_without_subject() {
        let t = "Asked about the tax, she demurred: “Not this year.”";
        assert_eq!(one(t).speaker_mention.map(|m| m.text), Some("she"));
        let t = "The Orvel council had this to say about the tax: “Not this year.”";
        assert_eq!(
            one(t).speaker_mention.map(|m| m.text),
            Some("The Orvel council")
        );
    }

    #[test]
    fn contractions_are_not_speakers() {
        let t = "It’s not the first time - More from the audit: “Costs rose.”";
        assert_ne!(one(t).speaker_mention.map(|m| m.text), Some("It’s"));
    }

    #[test]
    fn description_as_speaker() {
        let t = "“Nobody was hurt,” the fire chief said.";
        assert_eq!(
            who(&one(t)),
            (Some("the fire chief"), Some("the fire chief"), Some("said"))
        );
    }

    #[test]
    fn quote_split_by_its_attribution() {
        let t = "Maria Lind arrived late. “We will win,” she said, “and soon.”";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].text, "and soon.");
        for x in &q {
            assert_eq!(x.kind, QuoteKind::Direct);
            assert_eq!(x.speaker, Some("Maria Lind"));
        }
    }

    #[test]
    fn quote_paragraph_continues_previous_speaker() {
        let t = "“The first step is done,” Maria Lind said.\n\n“The second starts in June.”";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].speaker, Some("Maria Lind"));
        assert_eq!(q[1].kind, QuoteKind::Direct);
    }

    #[test]
    fn quote_after_sentence_naming_the_speaker() {
        let t = "Maria Lind was not impressed. “It is too little, too late.”";
        assert_eq!(one(t).speaker, Some("Maria Lind"));
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote() {
        let t =
            "“The first part ends here.\n\n“The second part too,” Maria Lind said.\n\nOther news.";
        let q = one(t);
        assert_eq!(q.text, "The first part ends here.\n\n“The second part too");
        assert_eq!(q.speaker, Some("Maria Lind"));
    }

    #[test]
    fn fragments_are_partial() {
        let q = one("The mayor called them “reckless” on Monday.");
        assert_eq!(q.kind, QuoteKind::Partial);
        let t = "She said the firm aims to become “the top supplier of parts,” offering help.";
        assert_eq!(one(t).kind, QuoteKind::Partial);
        let t = "“Night Owls” opened to good reviews.";
        assert_eq!(one(t).kind, QuoteKind::Partial);
    }

    #[test]
    fn single_quotes_and_apostrophes() {
        let t = "Don’t blame the ’90s or the Jones’ dog. ‘We won,’ Maria Lind said.";
        let q = one(t);
        assert_eq!(q.text, "We won");
        assert_eq!(q.speaker, Some("Maria Lind"));
    }

    #[test]
    fn straight_guillemet_and_low_marks() {
        let q = one("\"We won,\" Maria Lind said.");
        assert_eq!(q.text, "We won");
        assert_eq!(q.speaker, Some("Maria Lind"));
        let q = one("«Nous avons gagné», a dit Maria Lind.");
        assert_eq!(q.text, "Nous avons gagné");
        let q = one("„Wir haben gewonnen“, sagte Maria Lind.");
        assert_eq!(q.text, "Wir haben gewonnen");
        assert_eq!(q.speaker, Some("Maria Lind"));
    }

    #[test]
    fn stray_mark_does_not_swallow_the_article() {
        let t = "He wrote “oops and left.\nThen Maria Lind said: “We are fine.”\nMore text.";
        let q = one(t);
        assert_eq!(q.text, "We are fine.");
        assert_eq!(q.speaker, Some("Maria Lind"));
    }

    #[test]
    fn hostile_inputs_are_fast_and_safe() {
        let start = std::time::Instant::now();
        let t = "“".repeat(20_000) + &"\"".repeat(20_000) + &"”‘’«»„".repeat(5_000);
        quotes(&t);
        let t = "word “a ".repeat(300_000);
        quotes(&t);
        let t = "Ab said, \"x".repeat(200_000);
        quotes(&t);
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn apsara_example() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/examples/apsara-news.txt"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} not found");
            return;
        };
        let q = quotes(&text);
        let agi = q
            .iter()
            .find(|q| {
                q.text
                    .contains("AGI will not be the end but a new beginning")
            })
            .expect("quote found");
        assert_eq!(agi.kind, QuoteKind::Direct);
        assert_eq!(
            who(agi),
            (Some("Eddie Wu Yongming"), Some("Wu"), Some("told"))
        );
    }

    #[test]
    fn rank_prefers_central_direct_quotes_and_demotes_duplicates() {
        use crate::terms::Analyzer;
        let t = "Rail fares rise in May across the rail network. \
                 “Rail fares must stay low for rail workers,” Mayor Ana Ruiz said. \
                 Critics called the plan “odd” on Monday. \
                 “Rail fares must stay low for rail workers,” Ruiz repeated later.";
        let sentences = crate::segment::split(t);
        let doc = Analyzer::new(Lang::English).analyze(t, &sentences);
        let mut q = find_quotes(t, &sentences, Lang::English);
        rank(&mut q, t, &doc);
        assert_eq!(q.len(), 3);
        assert!(q.iter().all(|x| (0.0..=1.0).contains(&x.score)));
        assert!(q[0].score > q[1].score, "{q:?}");
        assert!(q[0].score > q[2].score, "{q:?}");
        let top = limit(q.clone(), QuoteLimit::Top(1));
        assert_eq!(top[0].start, q[0].start);
        let all = limit(q.clone(), QuoteLimit::All);
        assert_eq!(all, q);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_exact(s in "[“”\"‘’«»„ a-zA-Zé,.:\n'’-]{0,200}") {
            let q = find_quotes(&s, &crate::segment::split(&s), Lang::English);
            for x in &q {
                proptest::prop_assert_eq!(s.get(x.start..x.end), Some(x.text));
                proptest::prop_assert!(x.start <= x.end);
            }
        }
    }
}
