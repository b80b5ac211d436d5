//! Per-stage and whole-pipeline benchmarks over the project's own corpus.
//!
//! `cargo bench --bench pipeline` runs them; throughput is reported in bytes
//! per second of article text.

use std::hint::black_box;

use unicode_segmentation::UnicodeSegmentation;

mod common;
use common::corpus_texts;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgist::corpus::{self, Document, RunOptions};
use newsgist::terms::Analyzer;
use newsgist::{Lang, Options, QuoteLimit, Summarizer, quotes, score, segment};

fn stages(c: &mut Criterion) {
    let texts = corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let splitter = segment::Splitter::new(Lang::English);
    let analyzer = Analyzer::new(Lang::English);
    let split: Vec<_> = texts.iter().map(|t| splitter.split(t)).collect();
    let analysed: Vec<_> = texts
        .iter()
        .zip(&split)
        .map(|(t, s)| analyzer.analyze(t, s))
        .collect();

    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(splitter.split(black_box(t)));
            }
        })
    });
    group.bench_function("terms", |b| {
        b.iter(|| {
            for (t, s) in texts.iter().zip(&split) {
                black_box(analyzer.analyze(t, s));
            }
        })
    });
    group.bench_function("score", |b| {
        b.iter(|| {
            for ((t, s), d) in texts.iter().zip(&split).zip(&analysed) {
                let scores = score::score_sentences(t, s, d);
                black_box(score::select(s, &scores, d, newsgist::Budget::Sentences(3)));
            }
        })
    });
    group.bench_function("quotes", |b| {
        b.iter(|| {
            for ((t, s), d) in texts.iter().zip(&split).zip(&analysed) {
                let mut found = quotes::find_quotes(t, s, Lang::English);
                quotes::rank(&mut found, t, d);
                black_box(found);
            }
        })
    });
    group.finish();
}

fn whole(c: &mut Criterion) {
    let texts = corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let summarizer = Summarizer::new(Options::default().quotes(QuoteLimit::All));
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    // The floor: merely finding the words, which any summarizer must do.
    group.bench_function("floor_unicode_words", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(black_box(t).unicode_words().count());
            }
        })
    });
    group.bench_function("summarize", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(summarizer.summarize(black_box(t)).ok());
            }
        })
    });
    // The bulk path end to end: records in, JSON lines out, one thread.
    group.bench_function("bulk_1_thread", |b| {
        b.iter(|| {
            let docs = texts.iter().enumerate().map(|(i, t)| Document {
                id: i.into(),
                text: Ok(t.clone()),
            });
            let mut out = Vec::with_capacity(bytes);
            let options = RunOptions {
                threads: 1,
                flush_each: false,
            };
            black_box(corpus::run(&summarizer, docs, options, &mut out, &|_| {}).ok());
            out
        })
    });
    group.finish();
}

criterion_group!(benches, stages, whole);
criterion_main!(benches);
