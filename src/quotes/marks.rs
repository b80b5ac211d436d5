//! Pairing quotation marks into quoted spans.
//!
//! One left-to-right pass with a single open quote at a time: nested quotes
//! belong to their outer quote, and a mark that cannot open or close anything
//! is skipped. A quote never runs past its paragraph unless the next
//! paragraph re-opens with a mark (the news convention for long quotes), so a
//! stray mark costs at most one paragraph.

/// A quoted span found by the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// First byte inside the marks.
    pub start: usize,
    /// One past the last byte inside the marks.
    pub end: usize,
    /// One past the closing mark (`end` when the quote was never closed).
    pub after: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// Which mark opened the current quote, which decides what may close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `“` or `"` (closed by `”`, `"` or a misused `“`).
    Double,
    /// `„` (closed by `“` or `”`).
    Low,
    /// `«` (closed by `»`).
    Guillemet,
    /// `»` used as an opener, Danish/German style (closed by `«`).
    ReverseGuillemet,
    /// `‘` (closed by `’`).
    Single,
    /// `‚` (closed by `‘` or `’`), the German single low mark.
    LowSingle,
    /// `‹` (closed by `›`).
    SingleGuillemet,
    /// `「` (closed by `」`), Chinese and Japanese.
    Corner,
    /// `『` (closed by `』`), quotes inside `「…」` or titles.
    WhiteCorner,
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | ','
                        | ';'
                        | '“'
                        | '"'
                        | '„'
                        | '«'
                )
        }
    }
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn is_space_or_end(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

struct Open {
    family: Family,
    open: usize,
    start: usize,
}

impl Open {
    /// The quote left open when its paragraph or the text ends at `until`,
    /// trailing space trimmed; `None` when nothing was quoted.
    fn unclosed(&self, text: &str, until: usize) -> Option<RawQuote> {
        let end = trim_end(text, self.start, until);
        (end > self.start).then_some(RawQuote {
            open: self.open,
            start: self.start,
            end,
            after: end,
            closed: false,
        })
    }
}

/// Finds the top-level quoted spans of `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut cur: Option<Open> = None;
    // Position of a mark that re-opens a quote continued from the previous
    // paragraph: it belongs to that quote rather than starting a new one.
    let mut reopen_at: Option<usize> = None;
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // Runs of ASCII other than `"` and line breaks can neither open nor
        // close anything: only their last character matters, as the one
        // before the next mark.
        let boring = |b: &u8| *b < 0x80 && !matches!(*b, b'"' | b'\n' | b'\r');
        if boring(&bytes[pos]) {
            let run = pos + boring_prefix(&bytes[pos..]);
            prev = Some(char::from(bytes[run - 1]));
            pos = run;
            continue;
        }
        let i = pos;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let w = c.len_utf8();
        pos += w;
        let next = text[pos..].chars().next();
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            if let Some(o) = cur.take() {
                // Does the next paragraph start with an opening mark?
                let rest = &text[i..];
                let skip = rest.len() - rest.trim_start().len();
                let j = i + skip;
                let first = text[j..].chars().next();
                let reopens = matches!(
                    (o.family, first),
                    (Family::Double, Some('“' | '"'))
                        | (Family::Low, Some('„'))
                        | (Family::Guillemet, Some('«'))
                        | (Family::ReverseGuillemet, Some('»'))
                        | (Family::Single, Some('‘'))
                        | (Family::LowSingle, Some('‚'))
                        | (Family::SingleGuillemet, Some('‹'))
                        | (Family::Corner, Some('「'))
                        | (Family::WhiteCorner, Some('『'))
                );
                if reopens && has_text_after(text, j) {
                    reopen_at = Some(j);
                    cur = Some(o);
                } else {
                    out.extend(o.unclosed(text, i));
                }
            }
            prev = Some(c);
            continue;
        }
        if reopen_at == Some(i) {
            reopen_at = None;
            prev = Some(c);
            continue;
        }
        let action = classify(c, prev, next, cur.as_ref().map(|o| o.family));
        match action {
            Action::Open(family) => {
                cur = Some(Open {
                    family,
                    open: i,
                    start: i + w,
                });
            }
            Action::Close => {
                if let Some(o) = cur.take() {
                    // Spaces just inside the marks (`“ … if`, `« Oui »` with
                    // no-break spaces) are not quoted.
                    let start = i - text[o.start..i].trim_start().len();
                    let end = trim_end(text, start, i);
                    if end > start {
                        out.push(RawQuote {
                            open: o.open,
                            start,
                            end,
                            after: i + w,
                            closed: true,
                        });
                    }
                }
            }
            Action::None => {}
        }
        prev = Some(c);
    }
    if let Some(o) = cur {
        out.extend(o.unclosed(text, text.len()));
    }
    out
}

/// How many bytes at the start of `b` are ASCII other than `"`, `\n` and
/// `\r`: eight at a time, a byte of a word flagged by the usual
/// has-a-zero-byte test after XOR with `"`, and the line breaks by one
/// test for bytes below `\r` (a tab or form feed too, then sorted out one
/// byte at a time: they are rare in news text, and one test is cheaper
/// than two on every word).
fn boring_prefix(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Flags the first byte of `x` below `lo`, and maybe bytes after it,
    // when no byte of `x` has its top bit set.
    let has_less = |x: u64, lo: u8| x.wrapping_sub(ONES * u64::from(lo)) & !x & HIGH;
    let mut n = 0;
    for chunk in b.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let flags = (x & HIGH) | has_less(x ^ (ONES * u64::from(b'"')), 1) | has_less(x, b'\r' + 1);
        if flags != 0 {
            break;
        }
        n += 8;
    }
    n + b[n..]
        .iter()
        .position(|&c| c >= 0x80 || matches!(c, b'"' | b'\n' | b'\r'))
        .unwrap_or(b.len() - n)
}

/// Whether the paragraph starting with a mark at `j` has words after it (a
/// lone mark on a line does not continue anything).
fn has_text_after(text: &str, j: usize) -> bool {
    let mut chars = text[j..].chars();
    chars.next();
    chars
        .take_while(|&c| c != '\n')
        .any(|c| c.is_alphanumeric())
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

enum Action {
    Open(Family),
    Close,
    None,
}

fn classify(c: char, prev: Option<char>, next: Option<char>, open: Option<Family>) -> Action {
    use Family::*;
    match (c, open) {
        // `“ … if the` opens too; a “ glued to a word's end does not.
        ('“', None) => {
            if is_space_or_end(next) && !is_open_context(prev) {
                Action::None
            } else {
                Action::Open(Double)
            }
        }
        // „…“ and „…” close with either upper mark.
        ('“' | '”', Some(Low)) => Action::Close,
        // Some writers close with “; only when it sits at a word's end.
        ('“', Some(Double)) if !prev.is_none_or(char::is_whitespace) && !is_word(next) => {
            Action::Close
        }
        ('”', Some(Double)) => Action::Close,
        // A ” used as an opener: after space, before a word.
        ('”', None) if is_open_context(prev) && is_word(next) => Action::Open(Double),
        ('"', Some(Double)) => Action::Close,
        ('"', None) => {
            // Inch marks (5'10") and marks glued to the end of a word close
            // nothing and open nothing.
            if prev.is_some_and(|p| p.is_ascii_digit())
                || is_space_or_end(next)
                || (is_word(prev) && !is_word(next))
            {
                Action::None
            } else {
                Action::Open(Double)
            }
        }
        ('„', None) if !is_space_or_end(next) => Action::Open(Low),
        // French typography puts a (no-break) space inside the guillemets:
        // `« Oui »`; only a line end after `«` rules it out.
        ('«', None) if !next.is_none_or(|n| n == '\n' || n == '\r') => Action::Open(Guillemet),
        ('»', Some(Guillemet)) => Action::Close,
        ('»', None) if is_open_context(prev) && !is_space_or_end(next) => {
            Action::Open(ReverseGuillemet)
        }
        ('«', Some(ReverseGuillemet)) => Action::Close,
        // ‘ opens only where a quote can start, and not in ‘90s.
        ('‘', None)
            if is_open_context(prev)
                && !is_space_or_end(next)
                && !next.is_some_and(|n| n.is_ascii_digit()) =>
        {
            Action::Open(Single)
        }
        // ’ closes only at a word's end (not don’t, not ’90s).
        ('’', Some(Single)) if !prev.is_none_or(char::is_whitespace) && !is_word(next) => {
            Action::Close
        }
        // ‚ looks like a comma: it opens only where a quote can start and
        // right before a word.
        ('‚', None) if is_open_context(prev) && is_word(next) => Action::Open(LowSingle),
        ('‘' | '’', Some(LowSingle)) if !prev.is_none_or(char::is_whitespace) && !is_word(next) => {
            Action::Close
        }
        ('‹', None) if !is_space_or_end(next) => Action::Open(SingleGuillemet),
        ('›', Some(SingleGuillemet)) => Action::Close,
        // Corner brackets are never anything but quotation marks.
        ('「', None) => Action::Open(Corner),
        ('」', Some(Corner)) => Action::Close,
        ('『', None) => Action::Open(WhiteCorner),
        ('』', Some(WhiteCorner)) => Action::Close,
        _ => Action::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        scan(t).iter().map(|q| &t[q.start..q.end]).collect()
    }

    #[test]
    fn pairs_each_style() {
        assert_eq!(texts("a “b c” d"), ["b c"]);
        assert_eq!(texts("a \"b c\" d"), ["b c"]);
        assert_eq!(texts("a «b c» d"), ["b c"]);
        assert_eq!(texts("a „b c“ d"), ["b c"]);
        assert_eq!(texts("a ‘b c’ d"), ["b c"]);
        assert_eq!(texts("a »b c« d"), ["b c"]);
        assert_eq!(texts("a ‚b c‘ d"), ["b c"]);
        assert_eq!(texts("a ‹b c› d"), ["b c"]);
        assert_eq!(texts("他说：「我们会赢。」然后"), ["我们会赢。"]);
        assert_eq!(texts("『白夜』を読んだ"), ["白夜"]);
    }

    #[test]
    fn low_single_mark_is_not_a_comma() {
        // A stray ‚ used as a comma after a word opens nothing.
        assert!(texts("Er kam‚ sah und ging.").is_empty());
        assert_eq!(
            texts("„Er sagte: ‚Nein‘, und ging“, so Li."),
            ["Er sagte: ‚Nein‘, und ging"]
        );
    }

    #[test]
    fn corner_brackets_nest_and_continue() {
        assert_eq!(texts("「他说『好』。」"), ["他说『好』。"]);
        let t = "「第一段。\n\n「第二段。」\n后来。";
        assert_eq!(texts(t), ["第一段。\n\n「第二段。"]);
    }

    #[test]
    fn french_guillemets_with_inner_spaces() {
        assert_eq!(texts("Il a dit « Oui, merci » hier."), ["Oui, merci"]);
        assert_eq!(
            texts("« Non\u{a0}», dit-elle. «\u{202f}Peut-être\u{202f}»"),
            ["Non", "Peut-être"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(texts("We don’t know the ’90s or Jones’ dog.").is_empty());
        assert_eq!(
            texts("It was ‘the best of the ’90s,’ he said."),
            ["the best of the ’90s,"]
        );
        assert_eq!(texts("the Jones’ ‘plan’"), ["plan"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(texts("“He said ‘no’ twice.”"), ["He said ‘no’ twice."]);
    }

    #[test]
    fn stray_mark_stops_at_paragraph() {
        let t = "He said “never\n\nNext para “here” ok.";
        assert_eq!(texts(t), ["never", "here"]);
    }

    #[test]
    fn continued_paragraphs_make_one_quote() {
        let t = "“First part.\n\n“Second part.”\n\nAfter.";
        let q = scan(t);
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].start..q[0].end], "First part.\n\n“Second part.");
    }

    #[test]
    fn many_unbalanced_marks_are_fine() {
        let t = "\"".repeat(20_001);
        assert!(scan(&t).len() <= 10_001);
        let t = "“a ".repeat(20_000);
        assert_eq!(scan(&t).len(), 1);
    }

    #[test]
    fn boring_prefix_matches_a_byte_by_byte_scan() {
        // Bytes next to the flagged ones (`!`, `#`, tab, form feed, `\x0e`)
        // and past ASCII, at every place within and across eight-byte steps.
        let alphabet = b"a \"!#\t\x0c\x0e\n\r\x7f\x80\xe2";
        let mut seed = 0x853c_49e6_748f_ea9bu64;
        for round in 0..20_000 {
            let len = round % 40;
            let b: Vec<u8> = (0..len)
                .map(|_| {
                    crate::testing::xorshift(&mut seed);
                    // Mostly plain letters, so that runs cross the steps.
                    let k = (seed % 64) as usize;
                    alphabet.get(k).copied().unwrap_or(b'a')
                })
                .collect();
            let expected = b
                .iter()
                .position(|&c| c >= 0x80 || matches!(c, b'"' | b'\n' | b'\r'))
                .unwrap_or(b.len());
            assert_eq!(super::boring_prefix(&b), expected, "{b:?}");
        }
    }
}
