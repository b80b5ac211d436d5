//! Summarize a file (or standard input) with the library and print the result.
//!
//! `cargo run --example summarize -- corpus/some-article.txt`

use std::io::Read;

use newsgist::{Options, QuoteLimit, Summarizer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) if path != "-" => text = std::fs::read_to_string(path)?,
        _ => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let summarizer = Summarizer::new(Options::default().sentences(3).quotes(QuoteLimit::Top(2)));
    let summary = summarizer.summarize(&text)?;
    for sentence in &summary.sentences {
        println!("[{}] {}", sentence.index, sentence.text);
    }
    for quote in &summary.quotes {
        let who = quote.speaker.unwrap_or("unknown speaker");
        println!("\u{201c}{}\u{201d} \u{2014} {who}", quote.text);
    }
    Ok(())
}
