//! Summarize JSONL from standard input to JSONL on standard output, in order,
//! on all cores: the library's streaming bulk path.
//!
//! `cargo run --release --example bulk_jsonl < articles.jsonl > summaries.jsonl`

use newsgist::Summarizer;
use newsgist::corpus::{self, Documents, Fields, RunOptions};

fn main() -> Result<(), newsgist::Error> {
    let docs = Documents::from_reader(std::io::stdin(), Fields::default());
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let options = RunOptions {
        threads: 0,
        flush_each: false,
    };
    let stats = corpus::run(&Summarizer::default(), docs, options, &mut out, &|_| {})?;
    eprintln!("{} documents, {} failed", stats.documents, stats.failed);
    Ok(())
}
