//! The cost floor for bulk summarization: read JSONL, parse each record, and
//! walk the article's UAX-29 words, nothing more. The bulk pipeline does all
//! of this and much besides, so its docs/s is judged against this one's.
//!
//! ```sh
//! cargo bench --bench floor -- FILE.jsonl [FILE.jsonl ...]
//! ```
//!
//! Prints `floor: N docs in S s = D docs/s (W words)` on stdout.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::time::Instant;

use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

/// Only the fields the pipeline reads by default; the rest are skipped.
#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    article: Option<Cow<'a, str>>,
    #[serde(borrow)]
    body: Option<Cow<'a, str>>,
    #[serde(borrow)]
    content: Option<Cow<'a, str>>,
}

fn main() {
    // `cargo bench` appends `--bench`; anything that looks like a flag is not a file.
    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if files.is_empty() {
        eprintln!("usage: cargo bench --bench floor -- FILE.jsonl [FILE.jsonl ...]");
        std::process::exit(2);
    }
    let started = Instant::now();
    let (mut docs, mut words) = (0u64, 0u64);
    let mut line = Vec::new();
    for path in &files {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) => {
                eprintln!("floor: {path}: {e}");
                std::process::exit(1);
            }
        };
        let mut reader = BufReader::with_capacity(1 << 16, file);
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    eprintln!("floor: {path}: {e}");
                    std::process::exit(1);
                }
            }
            let Ok(record) = serde_json::from_slice::<Record<'_>>(&line) else {
                continue;
            };
            let text = record
                .text
                .or(record.article)
                .or(record.body)
                .or(record.content)
                .unwrap_or_default();
            words += text.unicode_words().count() as u64;
            docs += 1;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "floor: {docs} docs in {secs:.3} s = {:.0} docs/s ({words} words)",
        docs as f64 / secs.max(1e-9)
    );
}
