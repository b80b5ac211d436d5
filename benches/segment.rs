//! Sentence-splitter throughput: the project's corpus, and inputs built to
//! catch non-linear behaviour (a long text with no punctuation at all, and
//! hundreds of thousands of one-letter "sentences").
//!
//! `cargo bench --bench segment` runs them; throughput is in bytes per second.

use std::fs;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgist::Lang;
use newsgist::segment::Splitter;

/// Every corpus article, one string per file.
fn corpus_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .collect();
    assert!(!texts.is_empty(), "the corpus folder has no .txt articles");
    texts
}

fn corpus(c: &mut Criterion) {
    let texts = corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    for lang in [Lang::English, Lang::German] {
        let splitter = Splitter::new(lang);
        group.bench_function(format!("corpus/{lang}"), |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(splitter.split(black_box(t)));
                }
            })
        });
    }
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let splitter = Splitter::new(Lang::English);
    let inputs = [
        ("no_punctuation_10MB", "word ".repeat(2_000_000)),
        ("lower_one_letter_x300k", "a. ".repeat(300_000)),
        ("upper_one_letter_x300k", "A. ".repeat(300_000)),
    ];
    let mut group = c.benchmark_group("segment");
    group.sample_size(10);
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| black_box(splitter.split(black_box(text))))
        });
    }
    group.finish();
}

criterion_group!(benches, corpus, pathological);
criterion_main!(benches);
