//! Replays every committed fuzz input (`fuzz/corpus/<target>/` and
//! `fuzz/artifacts/<target>/`) through the fuzz targets' own invariant checks,
//! so that CI keeps them fixed on stable Rust without cargo-fuzz.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod checks;

/// A fuzz target's name and the function its binary runs.
type Target = (&'static str, fn(&[u8]));

/// Every fuzz target.
const TARGETS: [Target; 4] = [
    ("split", checks::split),
    ("quotes", checks::quotes),
    ("summarize", checks::summarize),
    ("bulk_lines", checks::bulk_lines),
];

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = fs::read_dir(fuzz.join(dir).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if path.is_file() && !hidden {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn replay(target: &str, run: fn(&[u8])) {
    let files = inputs(target);
    let mut failed = Vec::new();
    for path in &files {
        let data = fs::read(path).expect("a committed fuzz input");
        if std::panic::catch_unwind(|| run(&data)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: {} of {} inputs break an invariant:\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

#[test]
fn split_corpus() {
    replay(TARGETS[0].0, TARGETS[0].1);
}

#[test]
fn quotes_corpus() {
    replay(TARGETS[1].0, TARGETS[1].1);
}

#[test]
fn summarize_corpus() {
    replay(TARGETS[2].0, TARGETS[2].1);
}

#[test]
fn bulk_lines_corpus() {
    replay(TARGETS[3].0, TARGETS[3].1);
}

#[test]
fn the_corpus_is_committed() {
    // An empty folder would make the replays above pass vacuously.
    for (target, _) in TARGETS {
        assert!(
            !inputs(target).is_empty(),
            "no committed fuzz inputs for {target}"
        );
    }
}
