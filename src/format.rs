//! Output: plain text, Markdown and JSON document records.

use std::fmt::Write as _;

use serde::Serialize;

use crate::segment::Sentence;
use crate::{Error, Quote, QuoteKind, Summary};

/// The output formats of the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// The summary, a blank line, then the key quotes with `— Speaker`.
    #[default]
    Text,
    /// A `## Summary` list and `## Key quotes` block quotes.
    Markdown,
    /// One JSON document record.
    Json,
}

/// The summary as plain text: one sentence a line, then the quotes.
///
/// ```
/// use newsgist::{Summarizer, format};
/// let text = "\u{201c}We won,\u{201d} coach Lee Park said after the final on Sunday.";
/// let summary = Summarizer::default().summarize(text)?;
/// let out = format::text(&summary);
/// assert!(out.contains("\u{201c}We won\u{201d} \u{2014} Lee Park"));
/// # Ok::<(), newsgist::Error>(())
/// ```
pub fn text(summary: &Summary<'_>) -> String {
    let mut out = String::new();
    for s in &summary.sentences {
        out.push_str(&one_line(s.text));
        out.push('\n');
    }
    if !summary.quotes.is_empty() {
        out.push_str("\nKey quotes:\n");
        for q in &summary.quotes {
            let _ = writeln!(
                out,
                "\u{201c}{}\u{201d}{}",
                one_line(q.text),
                attribution(q)
            );
        }
    }
    out
}

/// The summary as Markdown.
///
/// ```
/// use newsgist::{Summarizer, format};
/// let summary = Summarizer::default().summarize("Rain fell all day in the capital on Monday.")?;
/// assert!(format::markdown(&summary).starts_with("## Summary\n\n- Rain fell"));
/// # Ok::<(), newsgist::Error>(())
/// ```
pub fn markdown(summary: &Summary<'_>) -> String {
    let mut out = String::from("## Summary\n\n");
    for s in &summary.sentences {
        let _ = writeln!(out, "- {}", escape_markdown(&one_line(s.text)));
    }
    if !summary.quotes.is_empty() {
        out.push_str("\n## Key quotes\n");
        for q in &summary.quotes {
            let _ = write!(
                out,
                "\n> \u{201c}{}\u{201d}",
                escape_markdown(&one_line(q.text))
            );
            match q.speaker.or(q.speaker_mention.map(|m| m.text)) {
                Some(name) => {
                    let _ = writeln!(out, "\n> \u{2014} **{}**", escape_markdown(&one_line(name)));
                }
                None => out.push('\n'),
            }
        }
    }
    out
}

/// A JSON document record: `{"id", "summary", "quotes"}`.
///
/// ```
/// use newsgist::{Summarizer, format};
/// let text = "Rain fell all day in the capital on Monday.";
/// let summary = Summarizer::default().summarize(text)?;
/// let record: serde_json::Value = serde_json::from_str(&format::json_record(&"doc-1".into(), &summary)).unwrap();
/// assert_eq!(record["id"], "doc-1");
/// assert_eq!(record["summary"][0]["text"], text);
/// # Ok::<(), newsgist::Error>(())
/// ```
pub fn json_record(id: &serde_json::Value, summary: &Summary<'_>) -> String {
    // Written by hand rather than through the derived `Serialize`: bulk runs
    // print a record per article, and serde_json's escaper, which reads the
    // text byte by byte, was the largest part of it. The test
    // `records_match_the_derived_serialization` holds the two to the same bytes.
    let mut out = Record::with_capacity(
        64 + summary
            .sentences
            .iter()
            .map(|s| s.text.len() + 64)
            .sum::<usize>()
            + summary
                .quotes
                .iter()
                .map(|q| 2 * q.text.len() + 160)
                .sum::<usize>(),
    );
    out.raw("{\"id\":");
    out.value(id);
    out.raw(",\"summary\":[");
    for (i, s) in summary.sentences.iter().enumerate() {
        out.raw(if i == 0 {
            "{\"index\":"
        } else {
            ",{\"index\":"
        });
        out.number(s.index);
        out.raw(",");
        out.span(s.text, s.start, s.end);
        out.raw(",\"score\":");
        out.float(s.score);
        out.raw("}");
    }
    out.raw("],\"quotes\":[");
    for (i, q) in summary.quotes.iter().enumerate() {
        out.raw(if i == 0 { "{\"text\":" } else { ",{\"text\":" });
        out.string(q.text);
        out.raw(",\"speaker\":");
        out.optional_string(q.speaker);
        out.raw(",\"speaker_mention\":");
        match q.speaker_mention {
            Some(m) => {
                out.raw("{");
                out.span(m.text, m.start, m.end);
                out.raw("}");
            }
            None => out.raw("null"),
        }
        out.raw(",\"cue\":");
        out.optional_string(q.cue);
        out.raw(match q.kind {
            QuoteKind::Direct => ",\"kind\":\"direct\",\"start\":",
            QuoteKind::Partial => ",\"kind\":\"partial\",\"start\":",
        });
        out.number(q.start);
        out.raw(",\"end\":");
        out.number(q.end);
        out.raw(",\"score\":");
        out.float(q.score);
        out.raw("}");
    }
    out.raw("]}");
    out.finish()
}

/// A JSON text written piece by piece, in serde_json's compact form.
struct Record(Vec<u8>);

impl Record {
    fn with_capacity(bytes: usize) -> Record {
        Record(Vec::with_capacity(bytes))
    }

    fn raw(&mut self, json: &str) {
        self.0.extend_from_slice(json.as_bytes());
    }

    fn number(&mut self, n: usize) {
        // Offsets and indices: four or five digits apiece, a hundred to a
        // record, where `fmt` machinery cost as much as the text.
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.0.extend_from_slice(&digits[at..]);
    }

    /// Numbers other than counts, and the id, go through serde_json itself:
    /// few per record, and their spelling is its own.
    fn value<T: Serialize + ?Sized>(&mut self, v: &T) {
        if serde_json::to_writer(&mut self.0, v).is_err() {
            self.0.extend_from_slice(b"null");
        }
    }

    fn float(&mut self, x: f64) {
        self.value(&x);
    }

    /// `"text":…,"start":…,"end":…`, a verbatim slice and where it is.
    fn span(&mut self, text: &str, start: usize, end: usize) {
        self.raw("\"text\":");
        self.string(text);
        self.raw(",\"start\":");
        self.number(start);
        self.raw(",\"end\":");
        self.number(end);
    }

    fn optional_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw("null"),
        }
    }

    /// `s` as a JSON string, escaped as serde_json escapes it: `"`, `\\` and
    /// the C0 controls, nothing else.
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.0.push(b'"');
        let mut clean = 0;
        let mut at = 0;
        while at < bytes.len() {
            // Eight bytes at a time while none needs escaping: news text
            // seldom holds any.
            if let Some(chunk) = bytes.get(at..at + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if escapes_in(u64::from_le_bytes(word)) == 0 {
                    at += 8;
                    continue;
                }
            }
            let b = bytes[at];
            if let Some(escape) = escape_of(b) {
                self.0.extend_from_slice(&bytes[clean..at]);
                match escape {
                    Escape::Short(c) => self.0.extend_from_slice(&[b'\\', c]),
                    Escape::Unicode => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.0.extend_from_slice(b"\\u00");
                        self.0.push(HEX[usize::from(b >> 4)]);
                        self.0.push(HEX[usize::from(b & 0xf)]);
                    }
                }
                clean = at + 1;
            }
            at += 1;
        }
        self.0.extend_from_slice(&bytes[clean..]);
        self.0.push(b'"');
    }

    fn finish(self) -> String {
        // Only whole UTF-8 strings and ASCII were written.
        String::from_utf8(self.0)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

enum Escape {
    /// `\\` and this byte.
    Short(u8),
    /// `\\u00` and two hex digits.
    Unicode,
}

fn escape_of(b: u8) -> Option<Escape> {
    match b {
        b'"' => Some(Escape::Short(b'"')),
        b'\\' => Some(Escape::Short(b'\\')),
        b'\n' => Some(Escape::Short(b'n')),
        b'\r' => Some(Escape::Short(b'r')),
        b'\t' => Some(Escape::Short(b't')),
        0x08 => Some(Escape::Short(b'b')),
        0x0c => Some(Escape::Short(b'f')),
        0..0x20 => Some(Escape::Unicode),
        _ => None,
    }
}

/// Nonzero exactly when one of the eight bytes of `v` needs escaping (is
/// below 0x20, `"` or `\\`): a borrow can only mark bytes above a byte that
/// needs it, never a word that has none.
fn escapes_in(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = v.wrapping_sub(ONES * 0x20) & !v & HIGH;
    control | zero_byte(v ^ (ONES * u64::from(b'"'))) | zero_byte(v ^ (ONES * u64::from(b'\\')))
}

/// A JSON record for a document that failed: `{"id", "error"}`.
///
/// ```
/// let line = newsgist::format::error_record(&7.into(), "the document has no text");
/// assert_eq!(line, r#"{"id":7,"error":"the document has no text"}"#);
/// ```
pub fn error_record(id: &serde_json::Value, message: &str) -> String {
    #[derive(Serialize)]
    struct Failed<'r> {
        id: &'r serde_json::Value,
        error: &'r str,
    }
    serde_json::to_string(&Failed { id, error: message })
        .unwrap_or_else(|_| r#"{"id":null,"error":"unprintable"}"#.to_string())
}

/// [`error_record`] for an [`Error`].
pub fn error_record_for(id: &serde_json::Value, error: &Error) -> String {
    error_record(id, &error.to_string())
}

/// The sentences of a text, one a line (line breaks inside a sentence become spaces).
pub fn sentences_text(text: &str, sentences: &[Sentence]) -> String {
    let mut out = String::with_capacity(text.len() + sentences.len());
    for s in sentences {
        out.push_str(&one_line(s.text(text)));
        out.push('\n');
    }
    out
}

/// The sentences of a text as a JSON array of `{"text", "start", "end"}`.
///
/// ```
/// let text = "One. Two.";
/// let json = newsgist::format::sentences_json(text, &newsgist::segment::split(text));
/// assert_eq!(json, r#"[{"text":"One.","start":0,"end":4},{"text":"Two.","start":5,"end":9}]"#);
/// ```
pub fn sentences_json(text: &str, sentences: &[Sentence]) -> String {
    #[derive(Serialize)]
    struct Item<'a> {
        text: &'a str,
        start: usize,
        end: usize,
    }
    let items: Vec<Item<'_>> = sentences
        .iter()
        .map(|s| Item {
            text: s.text(text),
            start: s.start,
            end: s.end,
        })
        .collect();
    serde_json::to_string(&items).unwrap_or_else(|_| "[]".to_string())
}

fn attribution(q: &Quote<'_>) -> String {
    let name = q.speaker.or(q.speaker_mention.map(|m| m.text));
    match (name, q.kind) {
        (Some(name), _) => format!(" \u{2014} {}", one_line(name)),
        (None, QuoteKind::Partial) => " (partial quote)".to_string(),
        (None, QuoteKind::Direct) => String::new(),
    }
}

/// Folds every run of white space (line breaks included) into one space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_breaks() {
        assert_eq!(one_line(" a\n b\t\tc "), "a b c");
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(escape_markdown("a*b_c"), "a\\*b\\_c");
    }

    /// The record as the derived `Serialize` writes it.
    fn derived(id: &serde_json::Value, summary: &Summary<'_>) -> String {
        #[derive(Serialize)]
        struct Derived<'r, 'a> {
            id: &'r serde_json::Value,
            #[serde(flatten)]
            summary: &'r Summary<'a>,
        }
        serde_json::to_string(&Derived { id, summary }).unwrap()
    }

    #[test]
    fn records_match_the_derived_serialization() {
        let text = "\u{201c}We won,\u{201d} coach Lee Park said on Sunday.\n\n\
                    \"Tabs\there, a \\ and a bell \u{7}\u{1b}\u{7f},\" Ana Ruiz said. \
                    The city\u{2019}s plan costs $4.5 million.\r\nIt \u{1f600} starts \"soon.\"";
        let summarizer = crate::Summarizer::new(crate::Options {
            quotes: crate::QuoteLimit::All,
            ..crate::Options::default()
        });
        let summary = summarizer.summarize(text).unwrap();
        assert!(summary.quotes.len() >= 2, "{summary:?}");
        for id in [
            serde_json::Value::from("a\"b\\c\u{1}"),
            serde_json::Value::from(7),
            serde_json::from_str("1.2e31").unwrap(),
            serde_json::Value::Null,
        ] {
            assert_eq!(json_record(&id, &summary), derived(&id, &summary));
        }
        // Every byte that may need escaping, and scores that print oddly.
        let all: String = (0u8..0x80).map(char::from).collect::<String>() + "\u{e9}\u{2028}";
        let mut summary = summary;
        for (i, s) in summary.sentences.iter_mut().enumerate() {
            s.text = &all[i..];
            s.score = [0.0, 1.0, 1e-7, f64::NAN, -0.5, 12345.6789][i % 6];
        }
        for (i, q) in summary.quotes.iter_mut().enumerate() {
            q.text = &all[i * 9..];
            q.score = [f64::INFINITY, 0.1][i % 2];
            q.speaker = None;
        }
        let id = serde_json::Value::from("x");
        assert_eq!(json_record(&id, &summary), derived(&id, &summary));
    }

    #[test]
    fn numbers_are_written_in_full() {
        for n in [0, 7, 10, 99, 4_096, 1_000_001, usize::MAX] {
            let mut out = Record::with_capacity(0);
            out.number(n);
            assert_eq!(out.finish(), n.to_string());
        }
    }

    #[test]
    fn eight_byte_escape_test_agrees_with_bytes() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            crate::testing::xorshift(&mut state);
            // Bytes from a small alphabet of the edge cases.
            let pick = [
                0u8, 0x1f, 0x20, b'"', b'\\', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xff, b'a',
            ];
            let word: [u8; 8] =
                std::array::from_fn(|i| pick[((state >> (i * 8)) % pick.len() as u64) as usize]);
            let expected = word.iter().any(|&b| escape_of(b).is_some());
            assert_eq!(
                escapes_in(u64::from_le_bytes(word)) != 0,
                expected,
                "{word:?}"
            );
        }
    }

    #[test]
    fn error_records_are_json() {
        let line = error_record(&"x\"y".into(), "bad \"thing\"");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], "x\"y");
        assert_eq!(v["error"], "bad \"thing\"");
    }
}
