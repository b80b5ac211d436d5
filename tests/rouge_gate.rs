//! Summary-quality gate: ROUGE of newsgist's 3-sentence summaries on the
//! shared dev sets must stay at or above the F1 floors in
//! `tests/gates/rouge-<set>.json`. Skipped, with a message, when the shared
//! data is not beside the repository.

use std::fs;
use std::io::BufReader;
use std::path::Path;

use newsgist::Summarizer;
use newsgist::eval::rouge::{GoldFields, evaluate};
use serde_json::Value;

fn gate(set: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = root.join(format!("../shared/data/summarization/{set}.jsonl"));
    let Ok(file) = fs::File::open(&gold) else {
        eprintln!("ROUGE gate for {set} skipped: no shared evaluation data beside the repository");
        return;
    };
    let floors: Value = serde_json::from_str(
        &fs::read_to_string(root.join(format!("tests/gates/rouge-{set}.json")))
            .expect("the gate file"),
    )
    .expect("the gate file is JSON");
    let report = evaluate(
        &Summarizer::default(),
        BufReader::new(file),
        None,
        &GoldFields::default(),
        false,
    )
    .expect("the gold data reads");
    let m = &report.mean;
    let got = [
        ("rouge1", m.rouge1.f1),
        ("rouge2", m.rouge2.f1),
        ("rougeL", m.rouge_l.f1),
        ("rougeLsum", m.rouge_lsum.f1),
    ];
    eprintln!("{set}: {} documents", report.documents);
    let mut failed = Vec::new();
    for (name, f1) in got {
        let floor = floors.get(name).and_then(Value::as_f64);
        eprintln!("  {name:<9} F1 {f1:6.2}  (gate {floor:?})");
        if let Some(floor) = floor
            && f1 < floor
        {
            failed.push(format!("{name} {f1:.2} < {floor:.2}"));
        }
    }
    assert!(report.documents > 0, "no documents scored");
    assert!(failed.is_empty(), "{set}: {}", failed.join("; "));
}

#[test]
fn rouge_on_cnndm_validation() {
    gate("cnndm-validation");
}

#[test]
fn rouge_on_bbc_dev() {
    gate("bbc-dev");
}
