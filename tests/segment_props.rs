//! Property tests: whatever the input, the splitter returns verbatim,
//! trimmed, ascending, non-overlapping spans and never panics.

use newsgist::Lang;
use newsgist::segment::{Sentence, Splitter};
use proptest::prelude::*;

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}' | '\u{180E}')
}

fn check(text: &str, sentences: &[Sentence]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    let mut last_paragraph = 0;
    for s in sentences {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.start >= last_end, "overlap or disorder at {s:?}");
        prop_assert!(s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert!(
            s.paragraph >= last_paragraph,
            "paragraph went back at {s:?}"
        );
        let slice = &text[s.start..s.end];
        prop_assert_eq!(s.text(text), slice);
        let first = slice.chars().next().unwrap_or('x');
        let last = slice.chars().next_back().unwrap_or('x');
        prop_assert!(!is_blank(first), "untrimmed start {slice:?}");
        prop_assert!(!is_blank(last), "untrimmed end {slice:?}");
        last_end = s.end;
        last_paragraph = s.paragraph;
    }
    // Nothing but white space is left out.
    let mut covered = 0;
    for s in sentences {
        let gap = &text[covered..s.start];
        prop_assert!(gap.chars().all(is_blank), "text dropped: {gap:?}");
        covered = s.end;
    }
    let tail = &text[covered..];
    prop_assert!(tail.chars().all(is_blank), "text dropped: {tail:?}");
    Ok(())
}

/// Text built from the characters the splitter cares about.
fn tricky() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("."),
            Just("?"),
            Just("!"),
            Just("\""),
            Just("”"),
            Just("“"),
            Just("’"),
            Just("'"),
            Just("\n"),
            Just(" "),
            Just("a"),
            Just("B"),
            Just("Mr"),
            Just("U.S"),
            Just("1"),
            Just("2)"),
            Just("•"),
            Just("…"),
            Just("。"),
            Just("¿"),
            Just("«"),
            Just("»"),
            Just("\u{A0}"),
            Just("\u{FEFF}"),
            Just("("),
            Just(")"),
            Just("é"),
            Just("@"),
            Just("-"),
            Just("\r"),
            Just("ß"),
            Just("The"),
            Just("।"),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        for lang in [Lang::English, Lang::German, Lang::Greek] {
            check(&text, &Splitter::new(lang).split(&text))?;
        }
    }

    #[test]
    fn punctuation_soup(text in tricky()) {
        for lang in Lang::ALL {
            check(&text, &Splitter::new(lang).split(&text))?;
        }
    }
}
