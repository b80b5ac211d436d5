//! Terms: the content words of a document, lower-cased, stemmed and interned.
//!
//! Words come from UAX-29 word segmentation ([`word_indices`], the words of
//! `unicode-segmentation` found faster). Each word is looked up as written
//! in a per-thread cache that holds its stem number (or stop-word verdict),
//! so a word is lower-cased and stemmed once per thread; a stem's term id in
//! the current document sits beside its number.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;

use foldhash::fast::RandomState;
use rust_stemmers::Stemmer;

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
    pub stems: Stems,
    /// How many terms have no stem in `stems`: all of them when the
    /// summarizer, which needs only their number, analysed the document.
    uncopied_stems: usize,
}

/// The stems of a document, indexed by term id: one buffer for all of them,
/// so that analysing a document does not allocate a string per stem.
///
/// ```
/// use newsgist::{Lang, segment, terms::Analyzer};
/// let text = "Markets rallied as the market rally spread.";
/// let doc = Analyzer::new(Lang::English).analyze(text, &segment::split(text));
/// assert_eq!(doc.stems.len(), 3);
/// assert_eq!(&doc.stems[0], "market");
/// assert_eq!(doc.stems.get(1), Some("ralli"));
/// assert_eq!(doc.stems.iter().collect::<Vec<_>>(), ["market", "ralli", "spread"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stems {
    /// Every stem, one after another.
    text: String,
    /// Where each stem ends in `text`; stem `i` starts where `i - 1` ends.
    ends: Vec<usize>,
}

impl Stems {
    /// How many stems there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The stem of term `term`, if there is one.
    pub fn get(&self, term: usize) -> Option<&str> {
        let end = *self.ends.get(term)?;
        let start = term.checked_sub(1).map_or(0, |i| self.ends[i]);
        self.text.get(start..end)
    }

    /// The stems in term order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Adds a stem; its term id is the count before.
    ///
    /// ```
    /// let mut stems = newsgist::terms::Stems::default();
    /// stems.push("market");
    /// stems.push("ralli");
    /// assert_eq!((stems.len(), &stems[1]), (2, "ralli"));
    /// ```
    pub fn push(&mut self, stem: &str) {
        self.text.push_str(stem);
        self.ends.push(self.text.len());
    }
}

impl std::ops::Index<usize> for Stems {
    type Output = str;

    /// The stem of term `term`; panics when there is none, as a slice does.
    fn index(&self, term: usize) -> &str {
        match self.get(term) {
            Some(stem) => stem,
            None => panic!("no stem {term} among {}", self.len()),
        }
    }
}

impl DocTerms {
    /// How many distinct stems the document has.
    pub fn num_terms(&self) -> usize {
        self.stems.len() + self.uncopied_stems
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
/// let stems: Vec<&str> = doc.tokens.iter().map(|t| &doc.stems[t.term as usize]).collect();
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
        self.analyze_keeping(text, sentences, true)
    }

    /// [`Analyzer::analyze`] without the stems' text: `doc.stems` stays
    /// empty, though [`DocTerms::num_terms`] counts the terms. Scoring and
    /// quote ranking read only term ids, so the summarizer spares copying
    /// every stem of every document.
    pub(crate) fn analyze_without_stems(&self, text: &str, sentences: &[Sentence]) -> DocTerms {
        self.analyze_keeping(text, sentences, false)
    }

    fn analyze_keeping(&self, text: &str, sentences: &[Sentence], keep_stems: bool) -> DocTerms {
        let lang = self.lang;
        let mut doc = DocTerms {
            tokens: Vec::with_capacity(text.len() / 8),
            sentence_tokens: Vec::with_capacity(sentences.len()),
            sentence_words: Vec::with_capacity(sentences.len()),
            stems: Stems::default(),
            uncopied_stems: 0,
        };
        if keep_stems {
            doc.stems.text.reserve(text.len() / 3);
            doc.stems.ends.reserve(text.len() / 12);
        }
        STEM_CACHE.with_borrow_mut(|cache| {
            cache.prepare(lang);
            cache.begin_document();
            let mut batch = std::mem::take(&mut cache.batch);
            for sentence in sentences {
                let first = doc.tokens.len();
                let mut words = 0;
                let mut spans = word_indices(sentence.text(text));
                loop {
                    // First each word's key, and a read of the slot where
                    // its look-up starts. The vocabulary outgrows the nearer
                    // caches, and these reads do not wait on one another,
                    // so the processor overlaps their misses, where one
                    // look-up after another would wait for each in turn. A
                    // batch at a time, so that a sentence without end (a
                    // megabyte with no stop) needs no list of all its words.
                    batch.clear();
                    let mut touched = 0;
                    while batch.len() < LOOKUP_BATCH
                        && let Some((start, end)) = spans.next_span()
                    {
                        let (start, end) = (sentence.start + start, sentence.start + end);
                        let key = pack_at(text.as_bytes(), start, end);
                        let hash = key.map_or(0, |key| cache.vocabulary.short_words.hash(key));
                        touched ^= cache.vocabulary.short_words.touch(hash);
                        batch.push(Pending {
                            start,
                            end,
                            key,
                            hash,
                        });
                    }
                    std::hint::black_box(touched);
                    if batch.is_empty() {
                        break;
                    }
                    words += batch.len();
                    for p in &batch {
                        let number =
                            cache.number(text, p.start, p.end, p.key, p.hash, lang, &self.stemmer);
                        let term = cache.term(number, &mut doc, keep_stems);
                        if term != STOP {
                            doc.tokens.push(Token {
                                start: p.start,
                                term,
                            });
                        }
                    }
                }
                doc.sentence_tokens.push(first..doc.tokens.len());
                doc.sentence_words.push(words);
            }
            cache.batch = batch;
        });
        doc
    }
}

/// The UAX-29 words of `text` with their byte offsets: the same items as
/// `unicode_segmentation`'s `unicode_word_indices`, found faster.
///
/// News text is nearly all ASCII, where the word rules reduce to a few byte
/// classes; runs holding other characters go to `unicode-segmentation`.
/// A run is cut only after ASCII white space followed by an ASCII byte,
/// where UAX-29 always breaks and no rule looks across, so the two halves
/// never disagree.
///
/// ```
/// use newsgist::terms::word_indices;
/// let words: Vec<(usize, &str)> = word_indices("U.S. growth hit 3.5% — “don't”").collect();
/// assert_eq!(words, [(0, "U.S"), (5, "growth"), (12, "hit"), (16, "3.5"), (28, "don't")]);
/// ```
pub fn word_indices(text: &str) -> WordIndices<'_> {
    WordIndices {
        text,
        pos: 0,
        ascii_start: 0,
        ascii_end: 0,
        slow: None,
        base: 0,
        run: 0,
        underscores: 0,
        carry: None,
    }
}

/// The iterator of [`word_indices`].
///
/// An ASCII stretch is read 64 bytes at a time: one bit a byte marks the
/// bytes inside words, and words are the runs of set bits. Finding them by
/// counting zeros, rather than testing byte after byte, spares the branch
/// mispredicted at the end of nearly every word.
#[derive(Debug)]
pub struct WordIndices<'a> {
    text: &'a str,
    /// Where the stretch after the current one starts.
    pos: usize,
    /// The all-ASCII stretch being read.
    ascii_start: usize,
    ascii_end: usize,
    /// The words of a stretch with other characters, and its offset.
    slow: Option<(usize, unicode_segmentation::UnicodeWordIndices<'a>)>,
    /// The 64-byte block being read, and its word bytes not yet returned.
    base: usize,
    run: u64,
    /// The block's `_` bytes: a word of nothing else is skipped.
    underscores: u64,
    /// The start of a word that runs on past the block.
    carry: Option<usize>,
}

/// The classes of the bytes of a 64-byte block, one bit a byte.
struct Classes {
    /// Letters, digits and `_`: the ASCII bytes that UAX-29 glues
    /// together (ALetter, Numeric, ExtendNumLet).
    word: u64,
    /// The other visible ASCII bytes, among them the joiners that [`joins`]
    /// tells apart.
    visible: u64,
    /// The `_` bytes: a word of nothing else is skipped.
    underscores: u64,
}

/// The [`Classes`] of 64 bytes (any byte outside ASCII is in none).
///
/// Written as a test of each byte into a byte array, which the compiler
/// turns into a few vector operations for sixteen bytes at a time, and
/// then a gathering of eight bytes into eight bits with one multiply: about
/// three instructions a byte, where word arithmetic on eight bytes at a
/// time took over six.
///
/// The joiners are not told apart here: a visible byte that is no word byte
/// yet has one on each side is rare (`U.S`, `3.5`, `don't`, `well-known`),
/// so testing those few costs less than more tests of every byte.
#[inline]
fn classify64(block: &[u8; 64]) -> Classes {
    let mut word = [0u8; 64];
    let mut visible = [0u8; 64];
    let mut underscore = [0u8; 64];
    let mut any_underscore = 0;
    let classes = word.iter_mut().zip(&mut visible).zip(&mut underscore);
    for (((w, v), u), &b) in classes.zip(block) {
        let is_underscore = b == b'_';
        // `|` and `&` rather than `||` and `&&`: no branches, so that the
        // loop becomes vector operations.
        let is_word =
            ((b | 0x20).wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10) | is_underscore;
        *w = u8::from(is_word);
        *v = u8::from(!is_word & (b.wrapping_sub(b'!') < 0x5f));
        *u = u8::from(is_underscore);
        any_underscore |= *u;
    }
    // Byte k of each eight (0 or 1) lands in bit 56 + k of the product.
    let gather = |bytes: &[u8; 64]| {
        let eights = bytes
            .chunks_exact(8)
            .map(|c| c.try_into().map_or(0, u64::from_le_bytes));
        eights.enumerate().fold(0, |mask, (k, eight)| {
            mask | (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k)
        })
    };
    Classes {
        word: gather(&word),
        visible: gather(&visible),
        // Rare enough to skip the gathering.
        underscores: if any_underscore == 0 {
            0
        } else {
            gather(&underscore)
        },
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `mid` joins `prev` and `next` into one word: WB6/WB7 between
/// letters (MidLetter `:`, MidNumLet `.`, Single_Quote `'`), WB11/WB12
/// between digits (MidNum `,` `;`, MidNumLet, Single_Quote).
pub(crate) fn joins(prev: u8, mid: u8, next: u8) -> bool {
    match mid {
        b'.' | b'\'' => {
            (prev.is_ascii_alphabetic() && next.is_ascii_alphabetic())
                || (prev.is_ascii_digit() && next.is_ascii_digit())
        }
        b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        b',' | b';' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// Whether UAX-29 breaks at `p` whatever comes before or after: ASCII white
/// space before it, and at it an ASCII byte that is not white space (spaces
/// stick together, and an Extend, Format or ZWJ character clings to the
/// space before it).
fn is_cut(bytes: &[u8], p: usize) -> bool {
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    p > 0 && space(bytes[p - 1]) && bytes.get(p).is_some_and(|&b| b.is_ascii() && !space(b))
}

impl<'a> Iterator for WordIndices<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (start, end) = self.next_span()?;
        // Words begin and end at characters, so this never fails.
        Some((start, self.text.get(start..end)?))
    }
}

impl WordIndices<'_> {
    /// Where the next word starts and ends: the words of [`word_indices`]
    /// without the text sliced at each, so without the two tests of
    /// character boundaries that slicing a `str` makes.
    ///
    /// Inlined for the common case, a word inside the current block that is
    /// not all `_`; everything else is [`WordIndices::next_span_slow`].
    #[inline]
    pub(crate) fn next_span(&mut self) -> Option<(usize, usize)> {
        let run = self.run;
        // Adding its lowest bit turns the lowest run of set bits into the
        // one bit just past it: zero if there is no run or if it reaches
        // the block's end.
        let past = run.wrapping_add(run & run.wrapping_neg());
        if past != 0 && self.carry.is_none() {
            self.run = run & past;
            if run & !past & !self.underscores != 0 {
                let start = self.base + run.trailing_zeros() as usize;
                return Some((start, self.base + past.trailing_zeros() as usize));
            }
        }
        self.next_span_slow()
    }

    /// The next word from wherever it lies: a word running past its block,
    /// the next block, stretch or non-ASCII stretch.
    #[inline(never)]
    fn next_span_slow(&mut self) -> Option<(usize, usize)> {
        loop {
            if let Some((base, words)) = &mut self.slow {
                if let Some((offset, word)) = words.next() {
                    let start = *base + offset;
                    return Some((start, start + word.len()));
                }
                self.slow = None;
            }
            let (start, end) = if let Some(span) = self.next_run() {
                span
            } else if self.base + 64 < self.ascii_end {
                self.load_block(self.base + 64);
                continue;
            } else if let Some(start) = self.carry.take() {
                (start, self.ascii_end)
            } else if self.pos < self.text.len() {
                self.next_stretch();
                continue;
            } else {
                return None;
            };
            // A run of `_` alone is no word: UAX-29 keeps only segments
            // with a letter or digit.
            let bytes = self.text.as_bytes().get(start..end).unwrap_or_default();
            if !bytes.iter().all(|&b| b == b'_') {
                return Some((start, end));
            }
        }
    }

    /// The next word of the current block (start, end), if it ends there.
    fn next_run(&mut self) -> Option<(usize, usize)> {
        if let Some(start) = self.carry {
            let len = (!self.run).trailing_zeros() as usize;
            if len == 64 {
                self.run = 0;
                return None;
            }
            self.carry = None;
            self.run &= !((1u64 << len) - 1);
            return Some((start, self.base + len));
        }
        if self.run == 0 {
            return None;
        }
        let at = self.run.trailing_zeros() as usize;
        let len = (!(self.run >> at)).trailing_zeros() as usize;
        if at + len >= 64 {
            self.carry = Some(self.base + at);
            self.run = 0;
            return None;
        }
        self.run &= !(((1u64 << len) - 1) << at);
        Some((self.base + at, self.base + at + len))
    }

    /// Marks the word bytes of the block at `base` of the ASCII stretch.
    fn load_block(&mut self, base: usize) {
        let bytes = self.text.as_bytes();
        let end = (base + 64).min(self.ascii_end);
        let block = bytes.get(base..end).unwrap_or_default();
        let Classes {
            mut word,
            visible,
            underscores,
        } = match block.first_chunk::<64>() {
            Some(full) => classify64(full),
            None => {
                // Zeros after the block's bytes are in no class.
                let mut padded = [0; 64];
                if let Some(head) = padded.get_mut(..block.len()) {
                    head.copy_from_slice(block);
                }
                classify64(&padded)
            }
        };
        // The bytes just outside the block, for the joiners at its edges.
        let before = u64::from(base > self.ascii_start && is_word_byte(bytes[base - 1]));
        let after = u64::from(end < self.ascii_end && is_word_byte(bytes[end]));
        let mut candidates = visible & ((word << 1) | before) & ((word >> 1) | (after << 63));
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let p = base + i;
            if joins(bytes[p - 1], bytes[p], bytes[p + 1]) {
                word |= 1 << i;
            }
        }
        self.base = base;
        self.run = word;
        self.underscores = underscores;
    }

    /// Sets up the stretch starting at `pos` (a cut or the start): all-ASCII
    /// up to the last cut before the next other character, or else the
    /// stretch up to the next cut for `unicode-segmentation`.
    fn next_stretch(&mut self) {
        use unicode_segmentation::UnicodeSegmentation;
        let bytes = self.text.as_bytes();
        let pos = self.pos;
        // Most texts are all ASCII.
        let rest = bytes.get(pos..).unwrap_or_default();
        let other = if all_ascii(rest) {
            None
        } else {
            rest.iter().position(|b| !b.is_ascii())
        };
        let ascii_end = match other {
            None => Some(bytes.len()),
            Some(other) => (pos + 1..=pos + other).rev().find(|&p| is_cut(bytes, p)),
        };
        if let Some(end) = ascii_end {
            self.ascii_start = pos;
            self.ascii_end = end;
            self.pos = end;
            self.load_block(pos);
            return;
        }
        let other = pos + other.unwrap_or(0);
        let end = (other + 1..bytes.len())
            .find(|&p| is_cut(bytes, p))
            .unwrap_or(bytes.len());
        if let Some(stretch) = self.text.get(pos..end) {
            self.slow = Some((pos, stretch.unicode_word_indices()));
        }
        self.pos = end;
        self.ascii_start = end;
        self.ascii_end = end;
        self.base = end;
        self.run = 0;
        self.underscores = 0;
    }
}

/// Whether `bytes` are all ASCII. The standard `is_ascii` reads 64 bytes
/// at a time but the bytes after the last 64 one by one, which is most of a
/// sentence; this reads those eight at a time.
fn all_ascii(bytes: &[u8]) -> bool {
    let (blocks, rest) = bytes.split_at(bytes.len() - bytes.len() % 64);
    blocks.is_ascii()
        && rest
            .chunks(8)
            .all(|c| le_bytes(c) & 0x8080_8080_8080_8080 == 0)
}

/// `w`'s bytes and length packed into one key when it has at most 15
/// bytes; distinct words get distinct keys.
///
/// Built from a few overlapping loads rather than by copying the word into
/// a buffer: a copy of varying length is a call to `memcpy`, and this runs
/// for every word.
pub(crate) fn pack(w: &str) -> Option<Key> {
    pack_bytes(w.as_bytes())
}

/// [`pack`] of a word's bytes.
fn pack_bytes(b: &[u8]) -> Option<Key> {
    let len = b.len();
    match b.split_at_checked(8) {
        _ if len > 15 => None,
        Some((lo, hi)) => Some(Key(le_bytes(lo), le_bytes(hi) | (len as u64) << 56)),
        None => Some(Key(le_bytes(b), (len as u64) << 56)),
    }
}

/// [`pack`] of the word at `start..end` of `text`. Where the text goes on
/// for 16 bytes from the word's start, one whole 16-byte load with the
/// bytes past the word masked off: fewer steps than loads fitted to the
/// word's length.
#[inline]
fn pack_at(text: &[u8], start: usize, end: usize) -> Option<Key> {
    let len = end.wrapping_sub(start);
    if len > 15 {
        return None;
    }
    match (
        text.get(start..).and_then(<[u8]>::first_chunk::<16>),
        KEEP.get(len),
    ) {
        (Some(sixteen), Some(&(keep_lo, keep_hi))) => {
            let (lo, hi) = sixteen.split_at(8);
            let half = |h: &[u8]| h.try_into().map_or(0, u64::from_le_bytes);
            Some(Key(
                half(lo) & keep_lo,
                half(hi) & keep_hi | (len as u64) << 56,
            ))
        }
        _ => text.get(start..end).and_then(pack_bytes),
    }
}

/// For each length up to 15, the masks of the bytes of a word of that
/// length in the two halves of a 16-byte load. A look-up rather than a
/// 128-bit mask shifted into place, which takes a dozen instructions for
/// every word.
const KEEP: [(u64, u64); 16] = {
    const fn ones(bytes: usize) -> u64 {
        if bytes >= 8 {
            u64::MAX
        } else {
            (1 << (8 * bytes)) - 1
        }
    }
    let mut keep = [(0, 0); 16];
    let mut len = 0;
    while len < 16 {
        keep[len] = (ones(len), ones(len.saturating_sub(8)));
        len += 1;
    }
    keep
};

/// The little-endian value of `b` (at most 8 bytes), zero above.
fn le_bytes(b: &[u8]) -> u64 {
    let n = b.len();
    let u32_at = |i: usize| {
        b.get(i..i + 4)
            .and_then(|s| s.try_into().ok())
            .map_or(0, |a: [u8; 4]| u64::from(u32::from_le_bytes(a)))
    };
    let byte = |i: usize| b.get(i).map_or(0, |&x| u64::from(x));
    match n {
        8 => b.try_into().map_or(0, u64::from_le_bytes),
        // Two overlapping halves: the bytes they share are the same in both.
        4..=7 => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
        1..=3 => byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1)),
        _ => 0,
    }
}

/// A word of up to 15 bytes and its length, packed (see [`pack`]): hashing
/// and comparing it reads no string. Two halves rather than a `u128` keep a
/// map entry at 24 bytes instead of 32.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Key(u64, u64);

impl Key {
    /// Whether the packed word is all ASCII (the length byte always is).
    fn is_ascii(self) -> bool {
        (self.0 | self.1) & 0x8080_8080_8080_8080 == 0
    }

    /// The key of the ASCII-lower-cased word: `A`..`Z` gain 0x20, eight
    /// bytes at a time; the length byte is below `A`.
    pub(crate) fn ascii_lowercase(self) -> Key {
        fn lower(v: u64) -> u64 {
            const ONES: u64 = 0x0101_0101_0101_0101;
            // Per byte (all below 0x80): the top bit is set from `A` up,
            // and from past `Z` up.
            let from_a = v + ONES * (0x80 - u64::from(b'A'));
            let past_z = v + ONES * (0x80 - u64::from(b'Z') - 1);
            v | ((from_a & !past_z & (ONES * 0x80)) >> 2)
        }
        Key(lower(self.0), lower(self.1))
    }
}

/// The term id of a stop word (or any word that is not a content word).
const STOP: u32 = u32::MAX;

/// Stems of the words seen lately on this thread. News reuses its vocabulary
/// from one article to the next, so most words are stemmed once per thread
/// rather than once per document.
struct StemCache {
    lang: Option<Lang>,
    /// The words and stems of `lang`.
    vocabulary: Vocabulary,
    /// The current document's number.
    doc: u32,
    /// Scratch space for lower-casing.
    lower: String,
    /// The vocabularies of the other languages seen lately, set aside
    /// rather than dropped, so that a corpus mixing languages does not stem
    /// every document afresh; with the words they hold.
    shelved: Vec<(Lang, Vocabulary)>,
    shelved_words: usize,
    /// The words of the sentence being read, reused from one to the next.
    batch: Vec<Pending>,
}

/// Words whose vocabulary slots are read ahead together: more than a
/// sentence's worth seldom adds to the overlap.
const LOOKUP_BATCH: usize = 64;

/// A word found but not yet looked up.
struct Pending {
    start: usize,
    end: usize,
    key: Option<Key>,
    /// `key`'s hash in the vocabulary (0 without a key).
    hash: u64,
}

/// One language's words and stems.
#[derive(Default)]
struct Vocabulary {
    /// Words of up to 15 bytes by their [`pack`]ed key -> the number of
    /// their stem, or [`STOP`]. A word is here both as written and
    /// lower-cased: as written, so that nearly every word is one look-up
    /// without lower-casing; lower-cased, so that "Market" and "market" are
    /// stemmed once. (Lower-casing twice changes nothing, so the two kinds
    /// of key never disagree.)
    short_words: KeyMap,
    /// Longer words, lower-cased -> stem number or [`STOP`].
    words: HashMap<Box<str>, u32, RandomState>,
    /// For each stem number, the last document that used the stem (high
    /// half) and the stem's term id there (low half). Eight bytes a stem,
    /// apart from the stems' text, so that the entries a document reads
    /// share cache lines.
    uses: Vec<u64>,
    /// The stems' text by number, read only when a document keeps its
    /// stems.
    texts: Stems,
    /// Stem -> its number, so that words sharing a stem share the number.
    numbers: HashMap<Box<str>, u32, RandomState>,
}

impl Vocabulary {
    fn words(&self) -> usize {
        self.short_words.len() + self.words.len()
    }

    /// The number of the stem of `lower` (a lower-cased word), or [`STOP`]
    /// when it is not a content word; a word not seen before is stemmed.
    fn stem(&mut self, lower: &str, lang: Lang, stemmer: &Stemmer) -> u32 {
        let key = pack(lower);
        let known = match key {
            Some(key) => self.short_words.get(key),
            None => self.words.get(lower).copied(),
        };
        if let Some(number) = known {
            return number;
        }
        let is_content = lower.chars().any(char::is_alphanumeric)
            && !lang.is_stop_word(lower)
            && !lang.is_stop_word(without_possessives(lower));
        let number = if is_content {
            let stem = stemmer.stem(lower);
            match self.numbers.get(stem.as_ref()) {
                Some(&n) => n,
                None => {
                    let n = self.uses.len() as u32;
                    self.uses.push(0);
                    self.texts.push(&stem);
                    self.numbers.insert(Box::from(stem.as_ref()), n);
                    n
                }
            }
        } else {
            STOP
        };
        match key {
            Some(key) => self.short_words.insert(key, number),
            None => {
                self.words.insert(Box::from(lower), number);
            }
        }
        number
    }
}

/// Words of up to 15 bytes by their [`pack`]ed key -> a number (a stem
/// number here, a set of languages for the stop words): an open-addressing
/// table with linear probing.
///
/// Written out rather than a `HashMap` so that the slot where a look-up
/// starts can be read ahead of the look-up (see `analyze_keeping`), which
/// the standard map does not offer.
#[derive(Default)]
pub(crate) struct KeyMap {
    /// A power of two long, or empty; [`EMPTY_KEY`] marks a free slot.
    slots: Vec<(Key, u32)>,
    len: usize,
    hasher: RandomState,
}

/// No word packs to this key: a packed key holds the word's length, and no
/// word is empty.
const EMPTY_KEY: Key = Key(0, 0);

/// The fewest slots a table that holds anything has.
const MIN_SLOTS: usize = 1 << 10;

impl KeyMap {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn hash(&self, key: Key) -> u64 {
        self.hasher.hash_one(key)
    }

    /// A read of the slot where the look-up of `hash` starts, for the
    /// caller to fold into a value it keeps, so that the read is done.
    #[inline]
    fn touch(&self, hash: u64) -> u64 {
        let mask = self.slots.len().wrapping_sub(1);
        self.slots
            .get(hash as usize & mask)
            .map_or(0, |slot| slot.0.0)
    }

    pub(crate) fn get(&self, key: Key) -> Option<u32> {
        self.get_hashed(key, self.hash(key))
    }

    #[inline]
    fn get_hashed(&self, key: Key, hash: u64) -> Option<u32> {
        if key == EMPTY_KEY {
            return None;
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        // The table is never more than three quarters full, so a free slot
        // ends every probe.
        loop {
            let &(slot_key, number) = self.slots.get(at)?;
            if slot_key == key {
                return Some(number);
            }
            if slot_key == EMPTY_KEY {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    pub(crate) fn insert(&mut self, key: Key, number: u32) {
        if key == EMPTY_KEY {
            return;
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = self.hash(key) as usize & mask;
        while let Some(slot) = self.slots.get_mut(at) {
            if slot.0 == key {
                slot.1 = number;
                return;
            }
            if slot.0 == EMPTY_KEY {
                *slot = (key, number);
                self.len += 1;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let slots = (self.slots.len() * 2).max(MIN_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![(EMPTY_KEY, 0); slots]);
        self.len = 0;
        for (key, number) in old {
            if key != EMPTY_KEY {
                self.insert(key, number);
            }
        }
    }
}

/// `word` without every `'s` at its end, like `trim_end_matches("'s")`
/// but without setting up a substring search for each new word.
fn without_possessives(mut word: &str) -> &str {
    while let Some(rest) = word.strip_suffix("'s") {
        word = rest;
    }
    word
}

/// Words a thread remembers, in all languages together, before starting
/// afresh, which bounds its memory (a few megabytes) however large the
/// corpus.
const STEM_CACHE_WORDS: usize = 100_000;

thread_local! {
    static STEM_CACHE: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache {
        lang: None,
        vocabulary: Vocabulary::default(),
        doc: 0,
        lower: String::new(),
        shelved: Vec::new(),
        shelved_words: 0,
        batch: Vec::new(),
    });
}

impl StemCache {
    fn prepare(&mut self, lang: Lang) {
        if self.lang != Some(lang) {
            let current = std::mem::take(&mut self.vocabulary);
            if let Some(previous) = self.lang {
                self.shelved_words += current.words();
                self.shelved.push((previous, current));
            }
            if let Some(k) = self.shelved.iter().position(|(l, _)| *l == lang) {
                let (_, vocabulary) = self.shelved.swap_remove(k);
                self.shelved_words -= vocabulary.words();
                self.vocabulary = vocabulary;
            }
            self.lang = Some(lang);
        }
        if self.vocabulary.words() + self.shelved_words > STEM_CACHE_WORDS {
            self.vocabulary = Vocabulary::default();
            self.shelved.clear();
            self.shelved_words = 0;
        }
    }

    /// Starts a document: no stem has a term id yet.
    fn begin_document(&mut self) {
        self.doc = self.doc.wrapping_add(1);
        if self.doc == 0 {
            // Numbers would repeat: forget every older document.
            let vocabularies = std::iter::once(&mut self.vocabulary)
                .chain(self.shelved.iter_mut().map(|(_, v)| v));
            for vocabulary in vocabularies {
                vocabulary.uses.fill(0);
            }
            self.doc = 1;
        }
    }

    /// The number of the stem of the word at `start..end` of `text` as
    /// written, or [`STOP`]. A known word is found by its key alone (`key`
    /// and `hash` as [`pack_at`] and [`KeyMap::hash`] give them): only a
    /// new one is sliced out of the text.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn number(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        key: Option<Key>,
        hash: u64,
        lang: Lang,
        stemmer: &Stemmer,
    ) -> u32 {
        if let Some(key) = key
            && let Some(number) = self.vocabulary.short_words.get_hashed(key, hash)
        {
            return number;
        }
        // Words begin and end at characters: never empty but for a bug,
        // and "" is no content word.
        let word = text.get(start..end).unwrap_or_default();
        self.learn(word, key, lang, stemmer)
    }

    /// [`StemCache::number`] for a word not found as written (`key` is its
    /// [`pack`]ed key, if it is short): found lower-cased, or stemmed; and
    /// remembered as written.
    #[inline(never)]
    fn learn(&mut self, word: &str, key: Option<Key>, lang: Lang, stemmer: &Stemmer) -> u32 {
        let vocabulary = &mut self.vocabulary;
        let known = key
            .filter(|key| key.is_ascii())
            .and_then(|key| vocabulary.short_words.get(key.ascii_lowercase()));
        let number = match known {
            Some(number) => number,
            None => {
                let lower = &mut self.lower;
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
                vocabulary.stem(lower, lang, stemmer)
            }
        };
        if let Some(key) = key {
            vocabulary.short_words.insert(key, number);
        }
        number
    }

    /// The current document's term id for stem `number`, or [`STOP`]; a
    /// stem `doc` has not used yet gets the next id, and its text joins
    /// `doc.stems` when `keep_stems`.
    #[inline]
    fn term(&mut self, number: u32, doc: &mut DocTerms, keep_stems: bool) -> u32 {
        let Some(used) = self.vocabulary.uses.get_mut(number as usize) else {
            return STOP;
        };
        if (*used >> 32) as u32 == self.doc {
            return *used as u32;
        }
        let term = doc.num_terms() as u32;
        *used = u64::from(self.doc) << 32 | u64::from(term);
        if keep_stems {
            // Every number has its text; were one missing, an empty stem
            // would still keep the ids in step.
            let stem = self.vocabulary.texts.get(number as usize);
            doc.stems.push(stem.unwrap_or_default());
        } else {
            doc.uncopied_stems += 1;
        }
        term
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn switching_language_sets_the_vocabulary_aside() {
        let english = "The runners were running through the park.";
        let german = "Die Läufer liefen durch den großen Park.";
        let analyze = |lang: Lang, text: &str| {
            Analyzer::new(lang).analyze(text, &segment::split(text));
        };
        analyze(Lang::German, german);
        let german_words = STEM_CACHE.with_borrow(|c| c.vocabulary.words());
        assert!(german_words > 0);
        analyze(Lang::English, english);
        STEM_CACHE.with_borrow(|c| {
            assert_eq!(c.lang, Some(Lang::English));
            assert!(c.shelved.iter().any(|(l, _)| *l == Lang::German));
        });
        analyze(Lang::German, german);
        STEM_CACHE.with_borrow(|c| {
            assert_eq!(c.vocabulary.words(), german_words);
            assert!(c.shelved.iter().any(|(l, _)| *l == Lang::English));
        });
    }

    #[test]
    fn a_long_sentence_reads_like_short_ones() {
        // Three look-up batches and a bit: the terms must not depend on
        // where a batch ends.
        let words = [
            "harbor", "the", "Vessel", "vessels", "of", "cranes", "CRANE", "docked",
        ];
        let text: String = (0..3 * LOOKUP_BATCH + 5)
            .map(|i| words[i % words.len()])
            .collect::<Vec<_>>()
            .join(" ");
        let whole = [Sentence {
            start: 0,
            end: text.len(),
            paragraph: 0,
        }];
        // The same words as sentences of at most three words.
        let mut short = Vec::new();
        let starts: Vec<usize> = word_indices(&text).map(|(at, _)| at).collect();
        for group in starts.chunks(3) {
            let end = starts
                .get(starts.partition_point(|&at| at <= group[group.len() - 1]))
                .map_or(text.len(), |&next| next - 1);
            short.push(Sentence {
                start: group[0],
                end,
                paragraph: 0,
            });
        }
        let analyzer = Analyzer::new(Lang::English);
        let long = analyzer.analyze(&text, &whole);
        let split = analyzer.analyze(&text, &short);
        assert_eq!(long.sentence_words, [3 * LOOKUP_BATCH + 5]);
        assert_eq!(long.tokens, split.tokens);
        assert_eq!(
            long.stems.iter().collect::<Vec<_>>(),
            ["harbor", "vessel", "crane", "dock"]
        );
    }

    #[test]
    fn without_stems_the_terms_are_the_same() {
        let text = "Zürich's MARKETS rallied. The market in ZÜRICH rallies; \
                    internationalisation internationalization Internationalisation.";
        let sentences = segment::split(text);
        let analyzer = Analyzer::new(Lang::English);
        let kept = analyzer.analyze(text, &sentences);
        let counted = analyzer.analyze_without_stems(text, &sentences);
        assert_eq!(counted.tokens, kept.tokens);
        assert_eq!(counted.sentence_tokens, kept.sentence_tokens);
        assert_eq!(counted.sentence_words, kept.sentence_words);
        assert!(counted.stems.is_empty());
        assert_eq!(counted.num_terms(), kept.num_terms());
        assert_eq!(
            kept.stems.iter().collect::<Vec<_>>(),
            [
                "zürich",
                "market",
                "ralli",
                "internationalis",
                "internation"
            ]
        );
        let terms: Vec<u32> = kept.tokens.iter().map(|t| t.term).collect();
        assert_eq!(terms, [0, 1, 2, 1, 0, 2, 3, 4, 3]);
    }

    #[test]
    fn words_are_found_as_written_and_lower_cased() {
        let text = "Rallied RALLIED rallied Über ÜBER über.";
        Analyzer::new(Lang::English).analyze(text, &segment::split(text));
        STEM_CACHE.with_borrow(|c| {
            let number = |w: &str| c.vocabulary.short_words.get(pack(w)?);
            assert!(number("rallied").is_some());
            assert_eq!(number("Rallied"), number("rallied"));
            assert_eq!(number("RALLIED"), number("rallied"));
            assert!(number("über").is_some());
            assert_eq!(number("Über"), number("über"));
            assert_eq!(number("ÜBER"), number("über"));
            assert_ne!(number("über"), number("rallied"));
        });
    }

    /// One map holds words as written and lower-cased, which is sound only
    /// if lower-casing a lower-cased word changes nothing.
    #[test]
    fn lower_casing_twice_changes_nothing() {
        let lower = |c: char| -> String {
            c.to_lowercase()
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .collect()
        };
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let once = lower(c);
            let twice: String = once.chars().map(lower).collect();
            assert_eq!(once, twice, "{c:?}");
        }
    }

    #[test]
    fn document_numbers_wrap_without_stale_term_ids() {
        let analyzer = Analyzer::new(Lang::English);
        let analyze = |text: &str| analyzer.analyze(text, &segment::split(text));
        let fresh = analyze("Prices fell as markets rallied.");
        STEM_CACHE.with_borrow_mut(|c| c.doc = 0);
        // Document 1 gives "markets" and "rallied" the ids 0 and 1.
        analyze("Markets rallied.");
        STEM_CACHE.with_borrow_mut(|c| c.doc = u32::MAX);
        // The next document is number 1 again.
        let wrapped = analyze("Prices fell as markets rallied.");
        assert_eq!(wrapped.tokens, fresh.tokens);
        assert_eq!(wrapped.stems, fresh.stems);
        STEM_CACHE.with_borrow(|c| assert_eq!(c.doc, 1));
    }

    #[test]
    fn keys_packed_in_place_are_the_keys_of_the_words() {
        let text = "Zürich's markets rallied: 3.5% in 2024, abcdefghijklmnopq x".as_bytes();
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let expected = text.get(start..end).and_then(pack_bytes);
                assert!(pack_at(text, start, end) == expected, "{start}..{end}");
            }
            assert!(pack_at(text, start + 1, start).is_none());
        }
    }

    #[test]
    fn ascii_is_told_from_the_rest_everywhere() {
        let mut bytes = vec![b'a'; 200];
        assert!(all_ascii(&bytes) && all_ascii(&[]));
        for at in 0..bytes.len() {
            bytes[at] = 0xc3;
            for len in [at + 1, at + 8, 64, 130, 200] {
                let part = &bytes[..len.clamp(at + 1, 200)];
                assert!(!all_ascii(part), "{at} {len}");
                assert!(all_ascii(&part[..at]), "{at} {len}");
            }
            bytes[at] = b'a';
        }
    }

    #[test]
    fn word_spans_are_the_words() {
        let text = "U.S. growth hit 3.5% — “don't” __ a_b Zürich’s 1,000 x";
        let mut words = word_indices(text);
        let mut spans = Vec::new();
        while let Some((start, end)) = words.next_span() {
            spans.push((start, &text[start..end]));
        }
        assert_eq!(spans, word_indices(text).collect::<Vec<_>>());
        assert_eq!(spans.len(), 9);
    }

    #[test]
    fn short_words_answer_like_a_hash_map() {
        let mut table = KeyMap::default();
        let mut map = HashMap::new();
        assert_eq!(table.get(Key(1, 2)), None);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for i in 0..20_000u32 {
            crate::testing::xorshift(&mut state);
            // Few distinct keys at first, so that some are written twice;
            // then enough to make the table grow several times.
            let key = Key(state % (u64::from(i) + 50), 1 << 56);
            table.insert(key, i);
            map.insert(key, i);
            let probe = Key(state.rotate_left(7) % 4_000, 1 << 56);
            assert_eq!(table.get(probe), map.get(&probe).copied());
        }
        assert_eq!(table.len(), map.len());
        for (&key, &number) in &map {
            assert_eq!(table.get(key), Some(number));
            assert_eq!(table.get_hashed(key, table.hash(key)), Some(number));
        }
        // The free-slot marker is no word's key, and never stored.
        table.insert(EMPTY_KEY, 7);
        assert_eq!(table.get(EMPTY_KEY), None);
        assert_eq!(table.len(), map.len());
        assert!(table.slots.len().is_power_of_two() && table.len() * 4 <= table.slots.len() * 3);
    }

    #[test]
    fn keys_are_the_packed_bytes() {
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "Abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "ABCDEFGHI",
            "abcdefghij",
            "Zürich",
            "@[`{AZaz09",
            "abcdefghijklmno",
            "abcdefghijklmnop",
        ] {
            let expected = (w.len() <= 15).then(|| {
                let mut b = [0u8; 16];
                b[..w.len()].copy_from_slice(w.as_bytes());
                b[15] = w.len() as u8;
                let half = |h: &[u8]| u64::from_le_bytes(h.try_into().unwrap());
                Key(half(&b[..8]), half(&b[8..]))
            });
            assert!(pack(w) == expected, "{w}");
            assert_eq!(
                pack(w).map(Key::is_ascii),
                pack(w).map(|_| w.is_ascii()),
                "{w}"
            );
            if w.is_ascii() && w.len() <= 15 {
                assert!(
                    pack(w).map(Key::ascii_lowercase) == pack(&w.to_ascii_lowercase()),
                    "{w}"
                );
            }
        }
        for c in 0..0x80u8 {
            for n in [1, 7, 8, 15] {
                let w = String::from_utf8(vec![c; n]).unwrap();
                assert!(pack(&w).map(Key::ascii_lowercase) == pack(&w.to_ascii_lowercase()));
            }
        }
    }

    /// The [`Classes`] of `block`, found one byte at a time.
    fn classes_byte_by_byte(block: &[u8; 64]) -> (u64, u64, u64) {
        let (mut word, mut visible, mut underscores) = (0, 0, 0);
        for (i, &b) in block.iter().enumerate() {
            let is_word = b.is_ascii_alphanumeric() || b == b'_';
            word |= u64::from(is_word) << i;
            visible |= u64::from(b.is_ascii_graphic() && !is_word || b == 0x7f) << i;
            underscores |= u64::from(b == b'_') << i;
        }
        (word, visible, underscores)
    }

    #[test]
    fn blocks_are_classified_as_byte_by_byte() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut random = || crate::testing::xorshift(&mut x);
        let mut block = [0u8; 64];
        for round in 0..5_000 {
            for b in &mut block {
                let r = random();
                // Any byte, any ASCII byte, or the bytes that matter most.
                *b = match round % 3 {
                    0 => r as u8,
                    1 => r as u8 & 0x7f,
                    _ => b"_aZ.'9 \x80"[(r % 8) as usize],
                };
            }
            let c = classify64(&block);
            let found = (c.word, c.visible, c.underscores);
            assert_eq!(found, classes_byte_by_byte(&block), "{block:?}");
        }
        for b in 0..=255u8 {
            let c = classify64(&[b; 64]);
            let found = (c.word, c.visible, c.underscores);
            assert_eq!(found, classes_byte_by_byte(&[b; 64]), "{b}");
        }
    }

    #[test]
    fn words_of_underscores_alone_are_skipped() {
        // Within a block, across blocks, and at a stretch's end.
        let long = format!("{} a_b {}__ _x", "_".repeat(70), "y".repeat(60));
        let words: Vec<(usize, &str)> = word_indices(&long).collect();
        let tail = "y".repeat(60) + "__";
        assert_eq!(words, [(71, "a_b"), (75, tail.as_str()), (138, "_x")]);
        let words: Vec<&str> = word_indices("__ x_ __ 1").map(|(_, w)| w).collect();
        assert_eq!(words, ["x_", "1"]);
    }

    #[test]
    fn possessives_are_trimmed_as_by_the_standard_library() {
        for w in [
            "", "'s", "it's", "it's's", "its", "s", "'", "x's'", "'s's's", "us's",
        ] {
            assert_eq!(without_possessives(w), w.trim_end_matches("'s"), "{w:?}");
        }
    }

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
        assert_eq!(doc.stems.iter().count(), doc.num_terms());
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
