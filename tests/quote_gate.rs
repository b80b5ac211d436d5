//! Quote gates on the PolNeAR dev split, scored by
//! [`newsgist::eval::quotes::evaluate`] (the referee's rules): overlap F1,
//! speaker head-word accuracy on matched quotes and end-to-end F1 (matched
//! with the right speaker) must stay at or above the numbers in
//! `tests/gates/quote_f1_min`, `quote_speaker_head_min` and
//! `quote_end_to_end_f1_min` (percentages).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use newsgist::eval::quotes::evaluate;
use newsgist::{Options, QuoteLimit, Summarizer};

fn gate(root: &Path, name: &str) -> f64 {
    let path = root.join("tests/gates").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("{}: not a number: {e}", path.display()))
}

#[test]
fn quote_gates_on_dev() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data/quotes/polnear-dev.jsonl");
    let Ok(file) = File::open(&data) else {
        eprintln!("quote gate skipped: {} not found", data.display());
        return;
    };
    let summarizer = Summarizer::new(Options::default().quotes(QuoteLimit::All));
    let s = evaluate(&summarizer, BufReader::new(file)).expect("the dev file scores");
    let overlap = 100.0 * s.overlap.f1;
    let speaker = 100.0 * s.speaker_head_accuracy;
    let e2e = 100.0 * s.end_to_end.f1;
    println!(
        "quote gate: overlap P {:.1} R {:.1} F1 {overlap:.1}; speaker head {speaker:.1}% of {}; \
         end-to-end F1 {e2e:.1} (predicted {}, gold {})",
        100.0 * s.overlap.precision,
        100.0 * s.overlap.recall,
        s.speaker_checked,
        s.predicted_quotes,
        s.gold_quotes,
    );
    let mut failed = Vec::new();
    for (name, value) in [
        ("quote_f1_min", overlap),
        ("quote_speaker_head_min", speaker),
        ("quote_end_to_end_f1_min", e2e),
    ] {
        let min = gate(root, name);
        if value < min {
            failed.push(format!("{name}: {value:.1} is below the gate {min}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("; "));
}

/// The same scores on the train split, for development:
/// `cargo test --release --test quote_gate -- --ignored --nocapture`.
#[test]
#[ignore]
fn quote_scores_on_train() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data/quotes/polnear-train.jsonl");
    let Ok(file) = File::open(&data) else {
        eprintln!("skipped: {} not found", data.display());
        return;
    };
    let summarizer = Summarizer::new(Options::default().quotes(QuoteLimit::All));
    let s = evaluate(&summarizer, BufReader::new(file)).expect("the train file scores");
    println!(
        "{}",
        serde_json::to_string_pretty(&s).expect("scores serialize")
    );
}
