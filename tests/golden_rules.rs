//! The English "Golden Rules" for sentence splitting, scored like the
//! project's referee: a case passes when the trimmed, white-space-folded
//! sentence lists are equal. The data lives outside the crate; without it
//! the test is skipped.

use std::path::Path;

use newsgist::Lang;
use newsgist::segment::Splitter;

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn golden_rules_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data/sentences/golden-rules-en.jsonl");
    let Ok(text) = std::fs::read_to_string(&data) else {
        println!("golden rules: {} not found, skipped", data.display());
        return;
    };
    let gate = root.join("tests/gates/golden_rules_min");
    let min: usize = std::fs::read_to_string(&gate)
        .expect("tests/gates/golden_rules_min is missing")
        .trim()
        .parse()
        .expect("tests/gates/golden_rules_min must hold one integer");

    let splitter = Splitter::new(Lang::English);
    let (mut passed, mut total) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("malformed JSON line");
        if case["pending"].as_bool() == Some(true) || case["lang"].as_str().unwrap_or("en") != "en"
        {
            continue;
        }
        let input = case["text"].as_str().expect("case without text");
        let gold: Vec<String> = case["sentences"]
            .as_array()
            .expect("case without sentences")
            .iter()
            .filter_map(|s| s.as_str())
            .map(fold)
            .filter(|s| !s.is_empty())
            .collect();
        let got: Vec<String> = splitter
            .split(input)
            .iter()
            .map(|s| fold(s.text(input)))
            .filter(|s| !s.is_empty())
            .collect();
        total += 1;
        if got == gold {
            passed += 1;
        } else {
            println!(
                "FAIL {} ({}):\n  want {gold:?}\n  got  {got:?}",
                case["id"].as_str().unwrap_or("?"),
                case["name"].as_str().unwrap_or("")
            );
        }
    }
    println!("golden rules: {passed}/{total} passed (gate {min})");
    assert!(
        passed >= min,
        "{passed}/{total} passed, below the gate of {min}"
    );
}
