//! Properties of the whole pipeline on arbitrary text.

use newsgist::corpus::{self, Document, RunOptions};
use newsgist::{Options, QuoteLimit, Summarizer};
use proptest::prelude::*;

/// Text built from the characters that drive the splitter and quote detector.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr.", "U.S.", "said", "he", "Wu", "\u{201c}", "\u{201d}", "\"", "'", "\u{2019}", ".", "!",
        "?", "...", "\n", "\n\n", " ", " ", " ", "the", "3.5", "a.m.", "«", "»", "„", "—", "é",
        "\u{feff}", "\r\n", "Alibaba", "told", ",", ":",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn check_spans(text: &str, options: Options) -> Result<(), TestCaseError> {
    let Ok(summary) = Summarizer::new(options).summarize(text) else {
        let blank = text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .is_empty();
        prop_assert!(blank, "only a blank text may fail");
        return Ok(());
    };
    let mut last = None;
    for s in &summary.sentences {
        prop_assert_eq!(text.get(s.start..s.end), Some(s.text));
        prop_assert!(
            last.is_none_or(|l| l < s.index),
            "summary out of document order"
        );
        last = Some(s.index);
    }
    for q in &summary.quotes {
        prop_assert_eq!(text.get(q.start..q.end), Some(q.text));
        if let Some(m) = q.speaker_mention {
            prop_assert_eq!(text.get(m.start..m.end), Some(m.text));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_verbatim_slices_of_any_string(text in any::<String>()) {
        check_spans(&text, Options::default().quotes(QuoteLimit::All))?;
    }

    #[test]
    fn spans_are_verbatim_slices_of_newsy_text(text in newsy_text()) {
        check_spans(&text, Options::default().quotes(QuoteLimit::All))?;
    }

    #[test]
    fn word_budget_is_never_exceeded(text in newsy_text(), budget in 0usize..40) {
        if let Ok(summary) = Summarizer::new(Options::default().words(budget)).summarize(&text) {
            let words: usize = summary
                .sentences
                .iter()
                .map(|s| unicode_words(s.text))
                .sum();
            prop_assert!(words <= budget, "{} words over a budget of {}", words, budget);
        }
    }

    #[test]
    fn output_is_deterministic(text in newsy_text()) {
        let a = Summarizer::default().summarize(&text).ok();
        let b = Summarizer::default().summarize(&text).ok();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn same_output_at_any_thread_count(texts in prop::collection::vec(newsy_text(), 1..12)) {
        let run = |threads| {
            let docs = texts.iter().enumerate().map(|(i, t)| Document { id: i.into(), text: Ok(t.clone()) });
            let mut out = Vec::new();
            let options = RunOptions { threads, flush_each: false };
            corpus::run(&Summarizer::default(), docs, options, &mut out, &|_| {}).map(|_| out).ok()
        };
        prop_assert_eq!(run(1), run(3));
    }
}

fn unicode_words(s: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    s.unicode_words().count()
}
