//! Terms: the content words of a document, lower-cased, stemmed and interned.
//!
//! Words come from UAX-29 word segmentation. Each distinct surface form is
//! lower-cased and looked up once per document in a per-thread cache that
//! holds its stop-word verdict and stem number, so a word is stemmed once per
//! thread; every later occurrence in the document is a single hash look-up.

use std::collections::HashMap;
use std::ops::Range;

use foldhash::fast::RandomState;
use rust_stemmers::Stemmer;
use unicode_segmentation::UnicodeSegmentation;

use crate::lang::Lang;
use crate::segment::Sentence;

/// A content word of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word.
    pub start: usize,
    /// Interned stem id, `0..DocTerms::num_terms()`.
    pub term: u32,
}

/// The analysed document: content-word tokens grouped by sentence.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    /// Content words (stop words removed) in document order.
    pub tokens: Vec<Token>,
    /// For each sentence, the range of `tokens` inside it.
    pub sentence_tokens: Vec<Range<usize>>,
    /// For each sentence, how many words it has, stop words included.
    pub sentence_words: Vec<usize>,
    /// The stems, indexed by term id.
    pub stems: Vec<String>,
}

impl DocTerms {
    /// How many distinct stems the document has.
    pub fn num_terms(&self) -> usize {
        self.stems.len()
    }

    /// The content tokens of sentence `i`.
    pub fn sentence(&self, i: usize) -> &[Token] {
        self.sentence_tokens
            .get(i)
            .and_then(|r| self.tokens.get(r.clone()))
            .unwrap_or(&[])
    }

    /// The content tokens whose start lies in the byte range `start..end`.
    pub fn in_span(&self, start: usize, end: usize) -> &[Token] {
        let lo = self.tokens.partition_point(|t| t.start < start);
        let hi = self.tokens.partition_point(|t| t.start < end);
        &self.tokens[lo..hi.max(lo)]
    }
}

/// Turns text into [`DocTerms`] for one language. Reusable and `Sync`.
///
/// ```
/// use newsgist::{Lang, segment, terms::Analyzer};
/// let text = "Runners were running. The runner runs.";
/// let sentences = segment::split(text);
/// let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
/// let stems: Vec<&str> = doc.tokens.iter().map(|t| doc.stems[t.term as usize].as_str()).collect();
/// assert_eq!(stems, ["runner", "run", "runner", "run"]);
/// ```
pub struct Analyzer {
    lang: Lang,
    stemmer: Stemmer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Analyzer {
    /// An analyzer with the stemmer and stop words of `lang`.
    pub fn new(lang: Lang) -> Analyzer {
        Analyzer {
            lang,
            stemmer: Stemmer::create(lang.stemmer_algorithm()),
        }
    }

    /// Tokenizes, filters and stems `text`, grouping tokens by `sentences`.
    pub fn analyze(&self, text: &str, sentences: &[Sentence]) -> DocTerms {
        let lang = self.lang;
        // Surface form -> term id, or None for a stop word.
        // Sized for the distinct words of a news article, so that it rarely
        // grows.
        // Words of up to 15 bytes (nearly all) are keyed by their bytes
        // packed into an integer: hashing and comparing it reads no string.
        let mut surface: HashMap<u128, Option<u32>, RandomState> =
            HashMap::with_capacity_and_hasher((text.len() / 12).min(4096), RandomState::default());
        let mut long_surface: HashMap<&str, Option<u32>, RandomState> = HashMap::default();
        let mut doc = DocTerms {
            tokens: Vec::with_capacity(text.len() / 8),
            sentence_tokens: Vec::with_capacity(sentences.len()),
            sentence_words: Vec::with_capacity(sentences.len()),
            stems: Vec::new(),
        };
        let mut lower = String::new();
        STEM_CACHE.with_borrow_mut(|cache| {
            cache.prepare(lang);
            cache.begin_document();
            for sentence in sentences {
                let first = doc.tokens.len();
                let mut words = 0;
                for (offset, word) in sentence.text(text).unicode_word_indices() {
                    words += 1;
                    let intern = || {
                        lower.clear();
                        if word.is_ascii() {
                            lower.push_str(word);
                            lower.make_ascii_lowercase();
                        } else {
                            lower.extend(word.chars().flat_map(char::to_lowercase).map(|c| {
                                // Curly and straight apostrophes stem alike.
                                if c == '\u{2019}' { '\'' } else { c }
                            }));
                        }
                        let stem = cache.stem(&lower, lang, &self.stemmer)?;
                        let (id, new) = cache.doc_term(stem, doc.stems.len() as u32);
                        if new {
                            doc.stems.push(String::from(&*cache.stems[stem as usize]));
                        }
                        Some(id)
                    };
                    let term = match pack(word) {
                        Some(key) => *surface.entry(key).or_insert_with(intern),
                        None => *long_surface.entry(word).or_insert_with(intern),
                    };
                    if let Some(term) = term {
                        doc.tokens.push(Token {
                            start: sentence.start + offset,
                            term,
                        });
                    }
                }
                doc.sentence_tokens.push(first..doc.tokens.len());
                doc.sentence_words.push(words);
            }
        });
        doc
    }
}

/// `w`'s bytes and length packed into one integer when it has at most 15
/// bytes; distinct words get distinct keys.
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..b.len()].copy_from_slice(b);
    key[15] = b.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// Stems of the words seen lately on this thread. News reuses its vocabulary
/// from one article to the next, so most words are stemmed once per thread
/// rather than once per document.
struct StemCache {
    lang: Option<Lang>,
    /// Lower-cased word -> its stem's number, or `None` for a stop word:
    /// short words by their [`pack`]ed key, longer ones by their text.
    short_words: HashMap<u128, Option<u32>, RandomState>,
    words: HashMap<Box<str>, Option<u32>, RandomState>,
    /// The stems, by number.
    stems: Vec<Box<str>>,
    /// Stem -> its number, so that words sharing a stem share the number.
    numbers: HashMap<Box<str>, u32, RandomState>,
    /// Stem number -> (document, term id): the current document's term ids,
    /// valid where the document number is the current one. An array rather
    /// than a map per document: one index instead of a hash per word.
    doc_terms: Vec<(u32, u32)>,
    /// The current document's number.
    doc: u32,
}

/// Words a thread remembers before starting afresh, which bounds its memory
/// (a few megabytes) however large the corpus.
const STEM_CACHE_WORDS: usize = 100_000;

thread_local! {
    static STEM_CACHE: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache {
        lang: None,
        short_words: HashMap::default(),
        words: HashMap::default(),
        stems: Vec::new(),
        numbers: HashMap::default(),
        doc_terms: Vec::new(),
        doc: 0,
    });
}

impl StemCache {
    fn prepare(&mut self, lang: Lang) {
        if self.lang != Some(lang) || self.short_words.len() + self.words.len() > STEM_CACHE_WORDS {
            self.short_words.clear();
            self.words.clear();
            self.stems.clear();
            self.numbers.clear();
            self.doc_terms.clear();
            self.lang = Some(lang);
        }
    }

    /// Starts a document: no stem has a term id yet.
    fn begin_document(&mut self) {
        self.doc = self.doc.wrapping_add(1);
        if self.doc == 0 {
            // Numbers would repeat: forget every older document.
            self.doc_terms.clear();
            self.doc = 1;
        }
    }

    /// The current document's term id for stem `number`, and whether it is
    /// new (then it is `next`).
    fn doc_term(&mut self, number: u32, next: u32) -> (u32, bool) {
        let i = number as usize;
        if i >= self.doc_terms.len() {
            self.doc_terms.resize(i + 1, (0, 0));
        }
        let slot = &mut self.doc_terms[i];
        if slot.0 == self.doc {
            (slot.1, false)
        } else {
            *slot = (self.doc, next);
            (next, true)
        }
    }

    /// The number of the stem of `lower`, or `None` when it is not a content
    /// word.
    fn stem(&mut self, lower: &str, lang: Lang, stemmer: &Stemmer) -> Option<u32> {
        let key = pack(lower);
        let known = match key {
            Some(key) => self.short_words.get(&key),
            None => self.words.get(lower),
        };
        if let Some(&number) = known {
            return number;
        }
        let is_content = lower.chars().any(char::is_alphanumeric)
            && !lang.is_stop_word(lower)
            && !lang.is_stop_word(lower.trim_end_matches("'s"));
        let number = is_content.then(|| {
            let stem = stemmer.stem(lower);
            match self.numbers.get(stem.as_ref()) {
                Some(&n) => n,
                None => {
                    let n = self.stems.len() as u32;
                    self.stems.push(Box::from(stem.as_ref()));
                    self.numbers.insert(Box::from(stem.as_ref()), n);
                    n
                }
            }
        });
        match key {
            Some(key) => self.short_words.insert(key, number),
            None => self.words.insert(Box::from(lower), number),
        };
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn stop_words_are_dropped_and_stems_shared() {
        let text = "The markets rallied. Market rallies are common.";
        let sentences = segment::split(text);
        let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
        assert_eq!(doc.sentence_tokens.len(), 2);
        assert_eq!(doc.sentence_words, [3, 4]);
        let s0: Vec<u32> = doc.sentence(0).iter().map(|t| t.term).collect();
        let s1: Vec<u32> = doc.sentence(1).iter().map(|t| t.term).collect();
        // "markets"/"Market" and "rallied"/"rallies" share stems.
        assert_eq!(s0, s1[..2]);
        assert!(!doc.stems.iter().any(|s| s == "the" || s == "are"));
    }

    #[test]
    fn token_offsets_point_at_words() {
        let text = "Café owners cheered. Prices fell 3.5%.";
        let sentences = segment::split(text);
        let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
        for t in &doc.tokens {
            assert!(text.is_char_boundary(t.start));
        }
        assert_eq!(&text[doc.tokens[0].start..doc.tokens[0].start + 5], "Café");
        assert_eq!(doc.in_span(21, text.len()).len(), doc.sentence(1).len());
    }
}
