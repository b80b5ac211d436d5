//! newsgist reads a news article and returns what a busy reader needs: the few
//! sentences that carry the story, and the key direct quotes with who said them.
//!
//! The pipeline runs one way, one module per stage:
//! text → [`segment`] (sentences) → [`terms`] (stemmed content words) →
//! [`score`] (ranked sentences) and [`quotes`] (attributed quotations) →
//! [`format`](mod@format) (text, Markdown, JSON). [`corpus`] runs it over many documents.
//!
//! Every sentence and quote returned borrows the input: its `text` is exactly
//! `input[start..end]`, with byte offsets.
//!
//! ```
//! use newsgist::{Options, Summarizer};
//!
//! let article = "The city council approved a new budget on Monday. \
//!     It raises spending on parks by 12 percent. \
//!     \"This is a good day for families,\" Mayor Ana Ruiz said. \
//!     Critics said the plan ignores road repairs. \
//!     The budget takes effect in July.";
//! let summarizer = Summarizer::new(Options::default().sentences(2));
//! let summary = summarizer.summarize(article)?;
//! assert_eq!(summary.sentences.len(), 2);
//! for s in &summary.sentences {
//!     assert_eq!(s.text, &article[s.start..s.end]);
//! }
//! assert_eq!(summary.quotes[0].text, "This is a good day for families");
//! assert_eq!(summary.quotes[0].speaker, Some("Ana Ruiz"));
//! # Ok::<(), newsgist::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod corpus;
pub mod error;
pub mod eval;
pub mod format;
pub mod lang;
pub mod quotes;
pub mod score;
pub mod segment;
mod shapes;
pub mod terms;
#[cfg(test)]
mod testing;

pub use error::Error;
pub use lang::Lang;
pub use quotes::{Mention, Quote, QuoteKind};
pub use segment::Sentence;

use serde::Serialize;

/// How long the summary may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words (the best set of sentences that fits).
    Words(usize),
    /// This share of the document's sentences, rounded up (0 < ratio ≤ 1).
    Ratio(f64),
}

/// How many quotes to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteLimit {
    /// The `n` key quotes, best first.
    Top(usize),
    /// Every direct and partial quote, in document order.
    All,
}

/// What a [`Summarizer`] produces: budget, quotes and language.
///
/// ```
/// use newsgist::{Budget, Lang, Options, QuoteLimit};
/// let options = Options::default().words(60).quotes(QuoteLimit::All).lang(Lang::French);
/// assert_eq!(options.budget, Budget::Words(60));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The summary's length.
    pub budget: Budget,
    /// How many quotes.
    pub quotes: QuoteLimit,
    /// The language; `None` detects it per document (English when unsure).
    pub lang: Option<Lang>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            budget: Budget::Sentences(3),
            quotes: QuoteLimit::Top(3),
            lang: None,
        }
    }
}

impl Options {
    /// At most `n` sentences.
    pub fn sentences(mut self, n: usize) -> Self {
        self.budget = Budget::Sentences(n);
        self
    }

    /// At most `n` words.
    pub fn words(mut self, n: usize) -> Self {
        self.budget = Budget::Words(n);
        self
    }

    /// This share of the sentences.
    pub fn ratio(mut self, ratio: f64) -> Self {
        self.budget = Budget::Ratio(ratio);
        self
    }

    /// How many quotes.
    pub fn quotes(mut self, limit: QuoteLimit) -> Self {
        self.quotes = limit;
        self
    }

    /// A fixed language instead of detection.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }

    /// Checks the values: a ratio must lie in (0, 1].
    pub fn validate(&self) -> Result<(), Error> {
        if let Budget::Ratio(r) = self.budget
            && !(r > 0.0 && r <= 1.0)
        {
            return Err(Error::InvalidOption(format!(
                "the ratio must be above 0 and at most 1, not {r}"
            )));
        }
        Ok(())
    }
}

/// A sentence chosen for the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence<'a> {
    /// Position among all sentences of the document (0-based).
    pub index: usize,
    /// The sentence, exactly `input[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The ranker's score: higher ranks first, and the lead ranks first of all.
    pub score: f64,
}

/// The summary of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<'a> {
    /// The language the document was processed as.
    #[serde(skip)]
    pub lang: Lang,
    /// The chosen sentences, in document order.
    #[serde(rename = "summary")]
    pub sentences: Vec<SummarySentence<'a>>,
    /// Key quotes: best first with [`QuoteLimit::Top`], in document order
    /// with [`QuoteLimit::All`].
    pub quotes: Vec<Quote<'a>>,
}

/// A reusable summarizer; cheap to share between threads.
///
/// ```
/// use newsgist::Summarizer;
/// fn assert_send_sync<T: Send + Sync>() {}
/// assert_send_sync::<Summarizer>();
/// ```
#[derive(Debug, Clone, Default)]
pub struct Summarizer {
    options: Options,
}

impl Summarizer {
    /// A summarizer with these options.
    pub fn new(options: Options) -> Summarizer {
        Summarizer { options }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Summarizes one article.
    ///
    /// Fails only on an empty (or white-space) text or invalid options; any
    /// other text, however odd, gets a summary.
    pub fn summarize<'a>(&self, text: &'a str) -> Result<Summary<'a>, Error> {
        self.options.validate()?;
        if text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .is_empty()
        {
            return Err(Error::EmptyText);
        }
        let lang = self
            .options
            .lang
            .or_else(|| Lang::detect(text))
            .unwrap_or_default();
        let sentences = segment::Splitter::new(lang).split(text);
        let doc_terms = terms::Analyzer::new(lang).analyze_without_stems(text, &sentences);
        let scores = score::score_sentences(text, &sentences, &doc_terms);
        let chosen = score::select(&sentences, &scores, &doc_terms, self.options.budget);
        let summary: Vec<SummarySentence<'a>> = chosen
            .into_iter()
            .map(|i| {
                let s = sentences[i];
                SummarySentence {
                    index: i,
                    text: s.text(text),
                    start: s.start,
                    end: s.end,
                    score: round4(scores[i]),
                }
            })
            .collect();
        let mut found = quotes::find_quotes(text, &sentences, lang);
        let chosen_spans: Vec<(usize, usize)> = summary
            .iter()
            .map(|s: &SummarySentence<'_>| (s.start, s.end))
            .collect();
        quotes::rank_with_summary(&mut found, text, &doc_terms, &chosen_spans);
        let found = quotes::limit(found, self.options.quotes);
        Ok(Summary {
            lang,
            sentences: summary,
            quotes: found,
        })
    }
}

/// Rounds a score for display, so that JSON stays short and stable.
pub(crate) fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
