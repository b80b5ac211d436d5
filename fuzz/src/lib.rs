//! What every fuzz target checks, and what `tests/fuzz_regressions.rs` replays
//! over the committed corpus on stable Rust without cargo-fuzz.
//!
//! Each entry point takes the raw fuzzer bytes, derives its inputs from them
//! the same way every time, runs one stage, and panics when an invariant of
//! the interface contract does not hold: every span a verbatim slice at char
//! boundaries, sentences ascending and non-overlapping, budgets respected,
//! one well-formed JSON record per bulk document.

use std::io::Cursor;

use newsgist::corpus::{self, Documents, Fields};
use newsgist::segment::{Sentence, Splitter};
use newsgist::{Budget, Lang, Options, Quote, QuoteLimit, Summarizer, format, quotes};
use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

/// The language a selector byte stands for (every language is reachable).
pub fn lang_of(byte: u8) -> Lang {
    Lang::ALL[usize::from(byte) % Lang::ALL.len()]
}

/// The first byte (a selector, 0 when there is none) and the rest as text.
///
/// Invalid UTF-8 is replaced rather than rejected, so that every input
/// reaches the stage under test instead of being thrown away.
fn selector_and_text(data: &[u8]) -> (u8, String) {
    match data.split_first() {
        Some((first, rest)) => (*first, String::from_utf8_lossy(rest).into_owned()),
        None => (0, String::new()),
    }
}

/// `text[start..end]` is a real span of `text`, on char boundaries, and reads `slice`.
fn check_span(text: &str, start: usize, end: usize, slice: &str, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} cuts a character"
    );
    assert_eq!(
        &text[start..end],
        slice,
        "{what}: text is not input[start..end]"
    );
}

/// `part` is borrowed from `text` itself (not a copy, not a constant).
fn check_borrowed(text: &str, part: &str, what: &str) {
    let base = text.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    assert!(
        at >= base && at + part.len() <= base + text.len(),
        "{what} {part:?} is not a slice of the input"
    );
    let start = at - base;
    check_span(text, start, start + part.len(), part, what);
}

/// Sentences: non-empty verbatim spans, ascending, non-overlapping, paragraphs in order.
pub fn check_sentences(text: &str, sentences: &[Sentence]) {
    let mut prev: Option<&Sentence> = None;
    for (i, s) in sentences.iter().enumerate() {
        check_span(text, s.start, s.end, s.text(text), &format!("sentence {i}"));
        assert!(s.start < s.end, "sentence {i} is empty at {}", s.start);
        if let Some(p) = prev {
            assert!(
                p.end <= s.start,
                "sentence {i} ({}..{}) overlaps or precedes {}..{}",
                s.start,
                s.end,
                p.start,
                p.end
            );
            assert!(
                p.paragraph <= s.paragraph,
                "sentence {i} is in paragraph {} after paragraph {}",
                s.paragraph,
                p.paragraph
            );
        }
        prev = Some(s);
    }
}

/// Quotes: the quote, its speaker mention, speaker and cue all borrow the input.
pub fn check_quotes(text: &str, found: &[Quote<'_>]) {
    for (i, q) in found.iter().enumerate() {
        check_span(text, q.start, q.end, q.text, &format!("quote {i}"));
        if let Some(m) = q.speaker_mention {
            check_span(text, m.start, m.end, m.text, &format!("quote {i} mention"));
        }
        if let Some(speaker) = q.speaker {
            check_borrowed(text, speaker, &format!("quote {i} speaker"));
        }
        if let Some(cue) = q.cue {
            check_borrowed(text, cue, &format!("quote {i} cue"));
        }
        assert!(q.score.is_finite(), "quote {i} has a score of {}", q.score);
    }
}

fn check_document_order(found: &[Quote<'_>]) {
    for pair in found.windows(2) {
        assert!(
            pair[0].start <= pair[1].start,
            "quotes out of document order: {} then {}",
            pair[0].start,
            pair[1].start
        );
    }
}

/// Fuzz target `split`: the first byte picks the language, the rest is the text.
pub fn split(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    let sentences = Splitter::new(lang_of(selector)).split(&text);
    check_sentences(&text, &sentences);
}

/// Fuzz target `quotes`: the first byte picks the language, the rest is the text.
pub fn quotes(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    let lang = lang_of(selector);
    let sentences = Splitter::new(lang).split(&text);
    let found = quotes::find_quotes(&text, &sentences, lang);
    check_quotes(&text, &found);
    check_document_order(&found);
}

/// The options two selector bytes stand for: every budget kind (with ratios
/// out of range too), every quote limit, a fixed language or detection.
pub fn options_of(a: u8, b: u8) -> Options {
    let budget = match a & 3 {
        0 => Budget::Sentences(usize::from(b % 8)),
        1 => Budget::Words(usize::from(b) * 2),
        // 0.0 to 1.275: zero and above one must be refused, not crash.
        2 => Budget::Ratio(f64::from(b) / 200.0),
        _ => Budget::Sentences(usize::MAX - usize::from(b)),
    };
    let quotes = match (a >> 2) & 3 {
        0 => QuoteLimit::All,
        1 => QuoteLimit::Top(0),
        2 => QuoteLimit::Top(usize::from(b % 5)),
        _ => QuoteLimit::Top(usize::MAX),
    };
    let lang = (a >> 4 != 0).then(|| lang_of(a >> 4));
    Options {
        budget,
        quotes,
        lang,
    }
}

/// Fuzz target `summarize`: two bytes of options, then the text.
pub fn summarize(data: &[u8]) {
    let (a, rest) = data.split_first().map_or((0, &[][..]), |(a, r)| (*a, r));
    let (b, text) = selector_and_text(rest);
    let options = options_of(a, b);
    let valid = options.validate().is_ok();
    let blank = text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty();
    let summary = match Summarizer::new(options.clone()).summarize(&text) {
        Ok(summary) => {
            assert!(
                valid && !blank,
                "a summary despite invalid options or a blank text"
            );
            summary
        }
        Err(e) => {
            assert!(!valid || blank, "an error on a valid request: {e}");
            return;
        }
    };
    let all = Splitter::new(summary.lang).split(&text);
    check_sentences(&text, &all);
    let mut prev_index = None;
    for (i, s) in summary.sentences.iter().enumerate() {
        check_span(
            &text,
            s.start,
            s.end,
            s.text,
            &format!("summary sentence {i}"),
        );
        assert!(
            prev_index.is_none_or(|p| p < s.index),
            "summary not in document order"
        );
        prev_index = Some(s.index);
        let source = all
            .get(s.index)
            .expect("a summary index past the last sentence");
        assert_eq!(
            (source.start, source.end),
            (s.start, s.end),
            "summary sentence {i} is not sentence {} of the document",
            s.index
        );
        assert!(
            s.score.is_finite(),
            "summary sentence {i} has score {}",
            s.score
        );
    }
    let chosen = summary.sentences.len();
    match options.budget {
        Budget::Sentences(n) => assert!(chosen <= n, "{chosen} sentences for a budget of {n}"),
        Budget::Words(n) => {
            let words: usize = summary
                .sentences
                .iter()
                .map(|s| s.text.unicode_words().count())
                .sum();
            assert!(words <= n, "{words} words for a budget of {n}");
        }
        Budget::Ratio(r) => {
            let most = (r * all.len() as f64).ceil() as usize;
            assert!(
                chosen <= most,
                "{chosen} sentences for a ratio of {r} of {}",
                all.len()
            );
        }
    }
    check_quotes(&text, &summary.quotes);
    match options.quotes {
        QuoteLimit::All => check_document_order(&summary.quotes),
        QuoteLimit::Top(n) => assert!(summary.quotes.len() <= n, "more than {n} quotes"),
    }
    let _ = format::text(&summary);
    let _ = format::markdown(&summary);
    let line = format::json_record(&Value::from("fuzz"), &summary);
    assert!(!line.contains('\n'), "a JSON record over several lines");
    let record: Value = serde_json::from_str(&line).expect("the JSON record parses");
    let items = record["summary"].as_array().expect("a summary array");
    assert_eq!(items.len(), chosen);
    for (item, s) in items.iter().zip(&summary.sentences) {
        assert_eq!(item["text"].as_str(), Some(s.text));
    }
}

/// The fields a selector byte stands for.
fn fields_of(selector: u8) -> Fields {
    match selector % 4 {
        0 => Fields::default(),
        1 => Fields {
            text: Some("text".into()),
            id: "id".into(),
        },
        2 => Fields {
            text: Some("a".into()),
            id: "b".into(),
        },
        _ => Fields {
            // The id and text from one field: both must still be right.
            text: Some("id".into()),
            id: "id".into(),
        },
    }
}

/// How many documents a JSONL byte stream holds: its lines, less those that
/// are only white space.
fn count_records(bytes: &[u8]) -> usize {
    bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
        .count()
}

/// Fuzz target `bulk_lines`: one byte picks the fields, the rest is a JSONL stream.
pub fn bulk_lines(data: &[u8]) {
    let (selector, bytes) = data.split_first().map_or((0, &[][..]), |(a, r)| (*a, r));
    let summarizer = Summarizer::new(Options::default().quotes(QuoteLimit::All));
    let docs = Documents::from_reader(Cursor::new(bytes.to_vec()), fields_of(selector));
    let mut count = 0;
    for doc in docs {
        count += 1;
        let (line, ok) = corpus::process(&summarizer, &doc);
        assert!(!line.contains('\n'), "a record over several lines: {line}");
        let record: Value = serde_json::from_str(&line).expect("every record is JSON");
        assert_eq!(record["id"], doc.id, "the record lost its id");
        assert_eq!(
            ok,
            record.get("error").is_none(),
            "ok disagrees with the record"
        );
        if ok {
            let text = doc
                .text
                .as_deref()
                .expect("a summarized document has a text");
            for item in record["summary"].as_array().expect("a summary array") {
                let span = |k: &str| item[k].as_u64().expect("an offset") as usize;
                let slice = item["text"].as_str().expect("a sentence text");
                check_span(text, span("start"), span("end"), slice, "bulk sentence");
            }
            for item in record["quotes"].as_array().expect("a quotes array") {
                let span = |k: &str| item[k].as_u64().expect("an offset") as usize;
                let slice = item["text"].as_str().expect("a quote text");
                check_span(text, span("start"), span("end"), slice, "bulk quote");
            }
        } else {
            let message = record["error"].as_str().expect("an error message");
            assert!(
                !message.is_empty() && !message.contains('\n'),
                "not one clear line: {message:?}"
            );
        }
    }
    assert_eq!(count, count_records(bytes), "documents lost or invented");
}
