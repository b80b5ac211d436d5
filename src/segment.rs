//! Sentence splitting with byte spans.
//!
//! (First cut: splits at `.`, `!` or `?` followed by white space, and at line
//! breaks. The full rule set replaces it.)

use serde::Serialize;

use crate::lang::Lang;

/// One sentence: a byte span of the input, trimmed of white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Which paragraph (0-based) the sentence belongs to.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text in `doc`, the text it was split from.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.start..self.end).unwrap_or("")
    }
}

/// A sentence splitter for one language.
#[derive(Debug, Clone)]
pub struct Splitter {
    #[allow(dead_code)]
    lang: Lang,
}

impl Splitter {
    /// A splitter with the built-in rules of `lang`.
    pub fn new(lang: Lang) -> Splitter {
        Splitter { lang }
    }

    /// Splits `text` into sentences, in order.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut paragraph = 0;
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let cut = match b {
                b'\n' => Some((i, i + 1, true)),
                b'.' | b'!' | b'?' if bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()) => {
                    Some((i + 1, i + 1, false))
                }
                _ => None,
            };
            if let Some((end, next, newline)) = cut {
                push(text, start, end, paragraph, &mut out);
                if newline {
                    paragraph += 1;
                }
                start = next;
            }
            i += 1;
        }
        push(text, start, text.len(), paragraph, &mut out);
        out
    }
}

fn push(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_start < trimmed_end {
        out.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
            paragraph,
        });
    }
}

/// Splits English text; see [`Splitter::split`].
///
/// ```
/// let text = "It rained. Then it stopped.";
/// let s = newsgist::segment::split(text);
/// assert_eq!(s[1].text(text), "Then it stopped.");
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    Splitter::new(Lang::English).split(text)
}
