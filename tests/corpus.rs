//! The project's own sample corpus (`corpus/*.txt`) checked against its
//! expected results (`corpus/*.expected.json`, format in `corpus/README.md`).
//!
//! Each check is one test that runs over every file and collects every
//! failure before asserting, so one run lists everything that is wrong, file
//! by file.

use std::fs;
use std::path::{Path, PathBuf};

use newsgist::segment::Splitter;
use newsgist::{Lang, Options, Quote, QuoteKind, QuoteLimit, Summarizer};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    lang: String,
    #[serde(default)]
    all_quotes: bool,
    #[serde(default)]
    quotes: Vec<ExpectedQuote>,
    #[serde(default)]
    partial: Vec<String>,
    #[serde(default)]
    whole_sentences: Vec<String>,
    #[serde(default)]
    not_in_summary: Vec<String>,
    #[serde(default)]
    summary_contains_any: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedQuote {
    contains: String,
    speaker: String,
    #[serde(default = "direct")]
    kind: String,
}

fn direct() -> String {
    "direct".to_string()
}

struct Case {
    name: String,
    text: String,
    expected: Expected,
}

impl Case {
    fn lang(&self) -> Lang {
        Lang::from_code(&self.expected.lang)
            .unwrap_or_else(|| panic!("{}: unknown lang {:?}", self.name, self.expected.lang))
    }

    /// Summarizer options for this file: its language and every quote.
    fn options(&self) -> Options {
        Options::default().quotes(QuoteLimit::All).lang(self.lang())
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every `corpus/*.txt` with its expected results, in file-name order.
fn cases() -> Vec<Case> {
    let dir = corpus_dir();
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no articles in {}", dir.display());
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
            let stem = name.trim_end_matches(".txt");
            let exp_path = dir.join(format!("{stem}.expected.json"));
            let json = fs::read_to_string(&exp_path)
                .unwrap_or_else(|e| panic!("{name}: no {}: {e}", exp_path.display()));
            let expected: Expected = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{}: invalid: {e}", exp_path.display()));
            Case {
                name,
                text,
                expected,
            }
        })
        .collect()
}

/// Folds every run of white space into one space and trims the ends.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().last().unwrap_or("")
}

/// Fails with every collected problem, one a line.
fn report(check: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{check}: {} failure(s)\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

fn show_quotes(quotes: &[&Quote<'_>]) -> String {
    quotes
        .iter()
        .map(|q| format!("{:?} [{:?}, {:?}]", fold(q.text), q.speaker, q.kind))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn corpus_is_well_formed() {
    let cases = cases();
    let mut failures = Vec::new();
    if cases.len() < 14 {
        failures.push(format!("only {} articles, want at least 14", cases.len()));
    }
    let complete = cases.iter().filter(|c| c.expected.all_quotes).count();
    if complete < 8 {
        failures.push(format!(
            "only {complete} files list all their quotes, want at least 8"
        ));
    }
    for c in &cases {
        let words = c.text.split_whitespace().count();
        if !(250..=700).contains(&words) {
            failures.push(format!("{}: {words} words, want 250 to 700", c.name));
        }
        if Lang::from_code(&c.expected.lang).is_none() {
            failures.push(format!("{}: unknown lang {:?}", c.name, c.expected.lang));
        }
        let e = &c.expected;
        let mut must_occur: Vec<(&str, &str)> = Vec::new();
        for q in &e.quotes {
            must_occur.push(("quote", &q.contains));
            must_occur.push(("speaker", &q.speaker));
            if q.kind != "direct" && q.kind != "partial" {
                failures.push(format!("{}: quote kind {:?}", c.name, q.kind));
            }
        }
        must_occur.extend(e.partial.iter().map(|s| ("partial", s.as_str())));
        must_occur.extend(e.whole_sentences.iter().map(|s| ("sentence", s.as_str())));
        must_occur.extend(e.not_in_summary.iter().map(|s| ("boilerplate", s.as_str())));
        must_occur.extend(
            e.summary_contains_any
                .iter()
                .map(|s| ("key fact", s.as_str())),
        );
        for (what, s) in must_occur {
            if !c.text.contains(s) {
                failures.push(format!("{}: {what} not in the text: {s:?}", c.name));
            }
        }
        if e.summary_contains_any.is_empty() {
            failures.push(format!("{}: summary_contains_any is empty", c.name));
        }
    }
    report("corpus files", failures);
}

#[test]
fn language_is_detected() {
    let mut failures = Vec::new();
    for c in cases() {
        let got = Lang::detect(&c.text).unwrap_or_default();
        if got != c.lang() {
            failures.push(format!(
                "{}: detected {:?}, expected {:?}",
                c.name,
                got,
                c.lang()
            ));
        }
    }
    report("language detection", failures);
}

#[test]
fn expected_quotes_are_found_with_their_speakers() {
    let mut failures = Vec::new();
    for c in cases() {
        let summary = match Summarizer::new(c.options()).summarize(&c.text) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{}: summarize failed: {e}", c.name));
                continue;
            }
        };
        for exp in &c.expected.quotes {
            let kind = if exp.kind == "partial" {
                QuoteKind::Partial
            } else {
                QuoteKind::Direct
            };
            let found: Vec<&Quote<'_>> = summary
                .quotes
                .iter()
                .filter(|q| q.kind == kind && fold(q.text).contains(&fold(&exp.contains)))
                .collect();
            if found.is_empty() {
                let near: Vec<&Quote<'_>> = summary
                    .quotes
                    .iter()
                    .filter(|q| fold(q.text).contains(&fold(&exp.contains)))
                    .collect();
                failures.push(format!(
                    "{}: no {} quote contains {:?}{}",
                    c.name,
                    exp.kind,
                    exp.contains,
                    if near.is_empty() {
                        String::new()
                    } else {
                        format!(" (found as: {})", show_quotes(&near))
                    }
                ));
                continue;
            }
            let exact = found
                .iter()
                .any(|q| q.speaker == Some(exp.speaker.as_str()));
            let same_last = found.iter().any(|q| {
                q.speaker
                    .is_some_and(|s| last_word(s) == last_word(&exp.speaker))
            });
            if !exact && !same_last {
                failures.push(format!(
                    "{}: quote {:?}: speaker {}, expected {:?} \
                     (accepted: equal to it, or with the same last word {:?})",
                    c.name,
                    exp.contains,
                    found
                        .iter()
                        .map(|q| format!("{:?}", q.speaker))
                        .collect::<Vec<_>>()
                        .join(" / "),
                    exp.speaker,
                    last_word(&exp.speaker)
                ));
            }
        }
    }
    report("expected quotes", failures);
}

#[test]
fn no_unexpected_direct_quotes_in_complete_files() {
    let mut failures = Vec::new();
    for c in cases().into_iter().filter(|c| c.expected.all_quotes) {
        let Ok(summary) = Summarizer::new(c.options()).summarize(&c.text) else {
            failures.push(format!("{}: summarize failed", c.name));
            continue;
        };
        // Byte ranges of every expected quote's distinctive words.
        let expected_spans: Vec<(usize, usize)> = c
            .expected
            .quotes
            .iter()
            .flat_map(|q| {
                c.text
                    .match_indices(q.contains.as_str())
                    .map(|(i, m)| (i, i + m.len()))
                    .collect::<Vec<_>>()
            })
            .collect();
        for q in summary
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
        {
            let overlaps = expected_spans
                .iter()
                .any(|&(s, e)| q.start < e && s < q.end);
            if !overlaps {
                failures.push(format!(
                    "{}: unexpected direct quote {:?} (speaker {:?}) at {}..{}",
                    c.name,
                    fold(q.text),
                    q.speaker,
                    q.start,
                    q.end
                ));
            }
        }
    }
    report("unexpected direct quotes (files with all_quotes)", failures);
}

#[test]
fn partial_quotes_are_not_direct() {
    let mut failures = Vec::new();
    for c in cases() {
        let Ok(summary) = Summarizer::new(c.options()).summarize(&c.text) else {
            failures.push(format!("{}: summarize failed", c.name));
            continue;
        };
        for fragment in &c.expected.partial {
            for q in summary
                .quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Direct)
            {
                if fold(q.text).contains(&fold(fragment)) {
                    failures.push(format!(
                        "{}: partial {:?} returned inside a direct quote {:?} (speaker {:?})",
                        c.name,
                        fragment,
                        fold(q.text),
                        q.speaker
                    ));
                }
            }
        }
    }
    report("partial quotes", failures);
}

#[test]
fn whole_sentences_are_not_split() {
    let mut failures = Vec::new();
    for c in cases() {
        let sentences = Splitter::new(c.lang()).split(&c.text);
        let folded: Vec<String> = sentences.iter().map(|s| fold(s.text(&c.text))).collect();
        for want in &c.expected.whole_sentences {
            let want_folded = fold(want);
            if folded.contains(&want_folded) {
                continue;
            }
            // The splitter's sentences that overlap the expected one.
            let at = c.text.find(want.as_str()).unwrap_or(0);
            let end = at + want.len();
            let pieces: Vec<&str> = sentences
                .iter()
                .filter(|s| s.start < end && at < s.end)
                .map(|s| s.text(&c.text))
                .collect();
            failures.push(format!(
                "{}: {:?} came out as {:?}",
                c.name, want_folded, pieces
            ));
        }
    }
    report("whole sentences", failures);
}

#[test]
fn spans_are_verbatim_slices() {
    let mut failures = Vec::new();
    for c in cases() {
        let text = c.text.as_str();
        let slice = |start: usize, end: usize| text.get(start..end);
        for s in Splitter::new(c.lang()).split(text) {
            if slice(s.start, s.end).is_none() || s.text(text).is_empty() {
                failures.push(format!(
                    "{}: sentence {}..{} is not a slice",
                    c.name, s.start, s.end
                ));
            }
        }
        for options in [c.options(), Options::default()] {
            let Ok(summary) = Summarizer::new(options).summarize(text) else {
                failures.push(format!("{}: summarize failed", c.name));
                continue;
            };
            for s in &summary.sentences {
                if slice(s.start, s.end) != Some(s.text) {
                    failures.push(format!(
                        "{}: summary sentence {} text != input[{}..{}]",
                        c.name, s.index, s.start, s.end
                    ));
                }
            }
            for q in &summary.quotes {
                if slice(q.start, q.end) != Some(q.text) {
                    failures.push(format!(
                        "{}: quote {:?} text != input[{}..{}]",
                        c.name, q.text, q.start, q.end
                    ));
                }
                if let Some(m) = q.speaker_mention
                    && slice(m.start, m.end) != Some(m.text)
                {
                    failures.push(format!(
                        "{}: speaker mention {:?} != input[{}..{}]",
                        c.name, m.text, m.start, m.end
                    ));
                }
                if let Some(speaker) = q.speaker
                    && !text.contains(speaker)
                {
                    failures.push(format!(
                        "{}: speaker {speaker:?} is not in the text",
                        c.name
                    ));
                }
            }
        }
    }
    report("verbatim spans", failures);
}

#[test]
fn summaries_avoid_boilerplate() {
    let mut failures = Vec::new();
    for c in cases() {
        for n in [3, 5] {
            let options = Options::default().sentences(n).lang(c.lang());
            let Ok(summary) = Summarizer::new(options).summarize(&c.text) else {
                failures.push(format!("{}: summarize failed", c.name));
                continue;
            };
            for s in &summary.sentences {
                for bad in &c.expected.not_in_summary {
                    if fold(s.text).contains(&fold(bad)) {
                        failures.push(format!(
                            "{}: {n}-sentence summary picked boilerplate {:?}: {:?}",
                            c.name,
                            bad,
                            fold(s.text)
                        ));
                    }
                }
            }
        }
    }
    report("boilerplate in summaries", failures);
}

#[test]
fn summaries_carry_a_key_fact() {
    let mut failures = Vec::new();
    for c in cases() {
        let Ok(summary) = Summarizer::new(Options::default()).summarize(&c.text) else {
            failures.push(format!("{}: summarize failed", c.name));
            continue;
        };
        let joined = fold(
            &summary
                .sentences
                .iter()
                .map(|s| s.text)
                .collect::<Vec<_>>()
                .join(" "),
        );
        if !c
            .expected
            .summary_contains_any
            .iter()
            .any(|fact| joined.contains(&fold(fact)))
        {
            failures.push(format!(
                "{}: the 3-sentence summary has none of {:?}; it is: {:?}",
                c.name, c.expected.summary_contains_any, joined
            ));
        }
    }
    report("key facts in summaries", failures);
}
