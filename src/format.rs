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
    #[derive(Serialize)]
    struct Record<'r, 'a> {
        id: &'r serde_json::Value,
        #[serde(flatten)]
        summary: &'r Summary<'a>,
    }
    serde_json::to_string(&Record { id, summary })
        .unwrap_or_else(|e| error_record(id, &e.to_string()))
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

    #[test]
    fn error_records_are_json() {
        let line = error_record(&"x\"y".into(), "bad \"thing\"");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], "x\"y");
        assert_eq!(v["error"], "bad \"thing\"");
    }
}
