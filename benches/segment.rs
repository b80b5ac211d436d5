//! Sentence-splitter throughput: the project's corpus, and inputs built to
//! catch non-linear behaviour (a long text with no punctuation at all, and
//! hundreds of thousands of one-letter "sentences").
//!
//! `cargo bench --bench segment` runs them; throughput is in bytes per second.

use std::hint::black_box;

mod common;
use common::corpus_texts;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgist::Lang;
use newsgist::segment::Splitter;

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
