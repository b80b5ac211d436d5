//! Sentence scoring and selection.
//!
//! Each sentence gets a TF-IDF vector over its stems (IDF counted over the
//! document's sentences). Its score blends how close that vector is to the
//! whole document's (centrality), how much of what the rest of the story goes
//! on to say it sets out (forward centrality, after PacSum's position-aware
//! centrality) and where it stands (news puts the story first). The lead, the
//! first story sentence, always ranks first. Boilerplate is set aside:
//! bylines, datelines, time stamps, captions and calls to click or read more.
//! Selection then takes the best sentences that fit the budget, skipping
//! near-repeats of one already taken.

use std::ops::Range;

use crate::Budget;
use crate::segment::Sentence;
use crate::terms::DocTerms;

/// Weight of a sentence's position. News puts the story first, but the lead
/// alone (position only) is weaker on both dev sets than the blend; see the
/// README's ablation.
const POSITION_WEIGHT: f64 = 0.3;
/// Weight of centrality: the cosine between the sentence and the document.
const CENTRALITY_WEIGHT: f64 = 0.7;
/// Weight of forward centrality: how much the rest of the story, after the
/// sentence, goes on to develop what it says. A lead sets out what later
/// paragraphs elaborate; a closing aside is echoed by nothing that follows.
const FORWARD_WEIGHT: f64 = 0.35;
/// Sentences longer than this many words are discounted in proportion: a
/// long sentence packs several facts, and a reader's summary wants crisp
/// ones (news style guides aim for sentences well under 30 words).
const LONG_SENTENCE_WORDS: usize = 30;
/// A sentence sharing more than this share of its stems with a chosen one is
/// a repeat.
const REDUNDANCY: f64 = 0.6;
/// Sentences shorter than this many words are rarely a story's point.
const MIN_WORDS: usize = 6;
/// Fewer words than this is a label, a time stamp or a name, never a summary.
const MIN_STORY_WORDS: usize = 4;

/// Scores every sentence; higher is more summary-worthy. Boilerplate scores 0,
/// and the lead (the first story sentence of six words or more) scores highest.
///
/// ```
/// use newsgist::{Lang, segment, terms::Analyzer, score};
/// let text = "Storms hit the coast on Friday, cutting power to thousands of homes. \
///             Power crews worked overnight to restore the lines to homes. \
///             Scroll down for video.";
/// let sentences = segment::split(text);
/// let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
/// let scores = score::score_sentences(text, &sentences, &doc);
/// assert!(scores[0] > scores[1]);
/// assert_eq!(scores[2], 0.0);
/// ```
pub fn score_sentences(text: &str, sentences: &[Sentence], doc: &DocTerms) -> Vec<f64> {
    let n = sentences.len();
    if n == 0 {
        return Vec::new();
    }
    // One pass over the tokens counts each stem's sentence frequency and
    // document count, and lists each sentence's distinct stems in the order
    // they first occur, with their counts: the TF-IDF pass reads those lists
    // rather than counting the tokens again.
    let mut stats = vec![TermStat::NEW; doc.num_terms()];
    // At most one entry per token: sized once rather than grown.
    let mut entries: Vec<Entry> = Vec::with_capacity(doc.tokens.len());
    let mut rows = vec![Row::default(); n];
    for (i, row) in rows.iter_mut().enumerate() {
        let first = entries.len();
        for t in doc.sentence(i) {
            let stat = &mut stats[t.term as usize];
            stat.tf_doc += 1;
            if stat.last_seen != i {
                stat.last_seen = i;
                stat.df += 1;
                stat.entry = entries.len();
                entries.push(Entry {
                    term: t.term,
                    tf: 1,
                    weight: 0.0,
                });
            } else if let Some(entry) = entries.get_mut(stat.entry) {
                entry.tf += 1;
            }
        }
        row.vector = first..entries.len();
    }
    // The IDF depends on the sentence frequency alone, which takes few
    // values: one logarithm per value rather than per stem.
    let mut idf_of_df = vec![f64::NAN; n + 1];
    let mut doc_norm = 0.0f64;
    for stat in &mut stats {
        let d = stat.df;
        let idf = || ((n as f64 + 1.0) / (d as f64 + 1.0)).ln() + 1.0;
        stat.idf = match idf_of_df.get_mut(d as usize) {
            Some(known) if !known.is_nan() => *known,
            Some(slot) => {
                *slot = idf();
                *slot
            }
            None => idf(),
        };
        stat.doc_weight = stat.tf_doc as f64 * stat.idf;
        // Squares are never negative, so this sum in term order is the
        // same as `Iterator::sum` over them.
        doc_norm += stat.doc_weight * stat.doc_weight;
    }
    let doc_norm = doc_norm.sqrt();

    // Each story sentence's TF-IDF vector: its entries' weights, kept for
    // the forward pass. Any other sentence keeps no vector.
    // Position counts story sentences only: a headline, byline block or
    // caption ahead of the lead must not push the lead down.
    let mut story_position = 0usize;
    for (i, (sentence, row)) in sentences.iter().zip(&mut rows).enumerate() {
        let words = doc.sentence_words.get(i).copied().unwrap_or(0);
        if words < MIN_STORY_WORDS || !is_story_sentence(sentence.text(text)) {
            row.vector = 0..0;
            continue;
        }
        let (mut dot, mut norm) = (0.0, 0.0);
        for entry in entries.get_mut(row.vector.clone()).unwrap_or_default() {
            let stat = &stats[entry.term as usize];
            let w = entry.tf as f64 * stat.idf;
            dot += w * stat.doc_weight;
            norm += w * w;
            entry.weight = w;
        }
        let norm = norm.sqrt();
        row.norm = norm;
        row.centrality = if norm > 0.0 && doc_norm > 0.0 {
            dot / (norm * doc_norm)
        } else {
            0.0
        };
        row.position = story_position;
        row.story = true;
        story_position += 1;
    }

    forward_centrality(&entries, &mut rows, stats.len());
    let max_forward = rows.iter().map(|row| row.forward).fold(0.0, f64::max);

    let mut scores = vec![0.0; n];
    for (i, (row, score)) in rows.iter().zip(&mut scores).enumerate() {
        if !row.story {
            continue;
        }
        let words = doc.sentence_words.get(i).copied().unwrap_or(0);
        let centrality = row.centrality;
        let forward = if max_forward > 0.0 {
            row.forward / max_forward
        } else {
            0.0
        };
        let position = 1.0 / (1.0 + row.position as f64).sqrt();
        let mut s =
            CENTRALITY_WEIGHT * centrality + FORWARD_WEIGHT * forward + POSITION_WEIGHT * position;
        if words < MIN_WORDS {
            s *= words as f64 / MIN_WORDS as f64;
        }
        if words > LONG_SENTENCE_WORDS {
            s *= LONG_SENTENCE_WORDS as f64 / words as f64;
        }
        *score = s;
    }
    // The lead is always kept: news puts the story's point in its first
    // sentence, and a summary without it reads as if the story were missing.
    let lead = (0..n)
        .find(|&i| rows[i].story && doc.sentence_words.get(i).copied().unwrap_or(0) >= MIN_WORDS);
    if let Some(lead) = lead {
        let top = scores
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != lead)
            .map(|(_, &s)| s)
            .fold(0.0, f64::max);
        if scores[lead] <= top {
            scores[lead] = top.next_up();
        }
    }
    scores
}

/// What the scorer knows of one stem of the document.
#[derive(Clone, Copy, Debug)]
struct TermStat {
    /// How many times it occurs in the document.
    tf_doc: u32,
    /// How many sentences it occurs in.
    df: u32,
    /// The last sentence it was seen in.
    last_seen: usize,
    /// Its entry in that sentence's list of stems.
    entry: usize,
    /// Its inverse sentence frequency.
    idf: f64,
    /// Its weight in the whole document's TF-IDF vector.
    doc_weight: f64,
}

impl TermStat {
    /// A stem not seen yet.
    const NEW: TermStat = TermStat {
        tf_doc: 0,
        df: 0,
        last_seen: usize::MAX,
        entry: 0,
        idf: 0.0,
        doc_weight: 0.0,
    };
}

/// One distinct stem of a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    /// The stem's term id.
    term: u32,
    /// How many times it occurs in the sentence.
    tf: u32,
    /// Its TF-IDF weight in the sentence (set for story sentences only).
    weight: f64,
}

/// What the scorer knows of one sentence.
#[derive(Clone, Debug, Default)]
struct Row {
    /// Its distinct stems, as a range of the entries (empty unless it tells
    /// the story).
    vector: Range<usize>,
    /// The length of its TF-IDF vector (0 unless it tells the story).
    norm: f64,
    /// The cosine between it and the whole document.
    centrality: f64,
    /// See [`forward_centrality`].
    forward: f64,
    /// How many story sentences come before it.
    position: usize,
    /// Whether it tells the story (see [`is_story_sentence`]).
    story: bool,
}

/// Forward centrality of each sentence, into `rows[i].forward`: its unit
/// TF-IDF vector against the summed TF-IDF of every sentence after it, in
/// one backward pass. Later sentences count by their weight, so that a run
/// of short quotes sharing one word does not outweigh the paragraphs that
/// carry the story. `rows[i].vector` indexes sentence `i`'s weights in
/// `entries`; `rows[i].norm` is its length (0 for a sentence that is not a
/// candidate).
fn forward_centrality(entries: &[Entry], rows: &mut [Row], num_terms: usize) {
    let mut later = vec![0.0f64; num_terms];
    for row in rows.iter_mut().rev() {
        let vector = entries.get(row.vector.clone()).unwrap_or(&[]);
        if row.norm > 0.0 {
            let dot: f64 = vector
                .iter()
                .map(|e| e.weight * later.get(e.term as usize).copied().unwrap_or(0.0))
                .sum();
            row.forward = dot / row.norm;
        }
        for e in vector {
            if let Some(sum) = later.get_mut(e.term as usize) {
                *sum += e.weight;
            }
        }
    }
}

/// Picks the sentences to keep under `budget`: best first, no near-repeats,
/// returned in document order.
///
/// ```
/// use newsgist::{Budget, Lang, segment, terms::Analyzer, score};
/// let text = "One two three four five six. Seven eight nine ten eleven twelve. Thirteen.";
/// let sentences = segment::split(text);
/// let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
/// let scores = [0.2, 0.9, 0.5];
/// assert_eq!(score::select(&sentences, &scores, &doc, Budget::Sentences(2)), [1, 2]);
/// assert_eq!(score::select(&sentences, &scores, &doc, Budget::Words(7)), [1, 2]);
/// ```
pub fn select(
    sentences: &[Sentence],
    scores: &[f64],
    doc: &DocTerms,
    budget: Budget,
) -> Vec<usize> {
    let n = sentences.len().min(scores.len());
    let (max_sentences, max_words) = match budget {
        Budget::Sentences(k) => (k, usize::MAX),
        Budget::Words(w) => (usize::MAX, w),
        Budget::Ratio(r) => (((n as f64) * r).ceil() as usize, usize::MAX),
    };
    // Best first, ties in document order: sorted as integer pairs, and no two
    // pairs are equal, so an unstable sort gives the one order.
    let mut order: Vec<(i64, usize)> = scores[..n]
        .iter()
        .enumerate()
        .map(|(i, &score)| (!total_order_key(score), i))
        .collect();
    order.sort_unstable();
    let words_of = |i: usize| doc.sentence_words.get(i).copied().unwrap_or(0);
    let mut overlap = Overlap::new(doc);
    let mut pick = |real_only: bool| {
        let mut chosen: Vec<usize> = Vec::new();
        let mut words = 0usize;
        for &(_, i) in &order {
            if chosen.len() >= max_sentences {
                break;
            }
            if real_only && scores[i] <= 0.0 {
                continue;
            }
            if words.saturating_add(words_of(i)) > max_words {
                continue;
            }
            if real_only && chosen.iter().any(|&j| overlap.share(i, j) > REDUNDANCY) {
                continue;
            }
            words += words_of(i);
            chosen.push(i);
        }
        chosen
    };
    let mut chosen = pick(true);
    if chosen.is_empty() {
        // Every sentence was boilerplate or a repeat: something beats nothing.
        chosen = pick(false);
    }
    chosen.sort_unstable();
    chosen
}

/// An integer that orders as [`f64::total_cmp`] orders `x`: the bits, with
/// those after the sign flipped for a negative number.
fn total_order_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

/// How much two sentences of a document share.
struct Overlap<'a> {
    doc: &'a DocTerms,
    /// For each term, the last comparison that saw it in its larger
    /// sentence.
    seen: Vec<usize>,
    /// How many comparisons have been made.
    comparisons: usize,
}

impl<'a> Overlap<'a> {
    /// Comparisons of `doc`'s sentences.
    fn new(doc: &'a DocTerms) -> Overlap<'a> {
        Overlap {
            doc,
            seen: vec![0; doc.num_terms()],
            comparisons: 0,
        }
    }

    /// Share of the smaller sentence's stems that the other one also has.
    fn share(&mut self, a: usize, b: usize) -> f64 {
        let (a, b) = (self.doc.sentence(a), self.doc.sentence(b));
        let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if small.is_empty() {
            return 0.0;
        }
        // Marking the larger sentence's terms, rather than searching it for
        // each of the smaller one's, keeps a comparison linear.
        self.comparisons += 1;
        for u in large {
            if let Some(seen) = self.seen.get_mut(u.term as usize) {
                *seen = self.comparisons;
            }
        }
        let shared = small
            .iter()
            .filter(|t| self.seen.get(t.term as usize) == Some(&self.comparisons))
            .count();
        shared as f64 / small.len() as f64
    }
}

/// Whether a sentence tells the story: not boilerplate, not a headline or
/// subhead (no closing punctuation), not a photo caption (`Label: text`).
///
/// ```
/// use newsgist::score::is_story_sentence;
/// assert!(is_story_sentence("The council voted 7-2 to close the bridge."));
/// assert!(!is_story_sentence("Council votes to close bridge"));
/// assert!(!is_story_sentence("Safe and sound: the dog is carried up the cliff on Sunday"));
/// assert!(!is_story_sentence("Mystery: the men were found dead in Milan ."));
/// assert!(!is_story_sentence("14:11 EST, 3 March 2024 ."));
/// ```
pub fn is_story_sentence(sentence: &str) -> bool {
    // The splitter trims its sentences: an ASCII letter or mark at both ends
    // leaves nothing to trim.
    let s = match sentence.as_bytes() {
        [first, .., last] if is_ascii_visible(*first) && is_ascii_visible(*last) => sentence,
        _ => sentence.trim(),
    };
    let ends_like_sentence = s
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', ']', '\u{bb}'])
        .ends_with(['.', '!', '?', '\u{2026}', ':', ';']);
    if !ends_like_sentence {
        return false;
    }
    // The other tests would each read most of the sentence: one pass over
    // its bytes answers the common case, an ASCII sentence with no room for
    // a boilerplate phrase or a caption.
    let scan = Scan::of(s.as_bytes());
    // Time stamps and name lists have no running words (caseless scripts
    // count as running words).
    let running = if scan.non_ascii {
        ascii_running_words(s).unwrap_or_else(|| running_words(s))
    } else {
        scan.running_words
    };
    if running < 2 {
        return false;
    }
    if scan.non_ascii || scan.may_hold_phrase {
        return !is_trimmed_boilerplate(s) && !is_caption(s);
    }
    !boilerplate_ascii(s, false)
}

/// What one pass over a sentence's bytes tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scan {
    /// Some byte is not ASCII.
    non_ascii: bool,
    /// It may hold a boilerplate phrase or a caption's `: `. False only when
    /// it has no `: ` and none of the byte triples that the phrases cannot
    /// do without, `k h` ("click here to") and `r v` ("scroll down for
    /// video"), in either case.
    may_hold_phrase: bool,
    /// How many of its white-space separated words start with a lower-case
    /// ASCII letter, exact up to 255, when it is ASCII (see
    /// [`ascii_running_words`]).
    running_words: usize,
}

impl Scan {
    /// Sixteen bytes at a time, which the compiler turns into vector
    /// instructions.
    const LANES: usize = 16;

    /// The scan of `s`.
    fn of(s: &[u8]) -> Scan {
        const LANES: usize = Scan::LANES;
        // Every run of three bytes, as three slices side by side.
        let runs = s.len().saturating_sub(2);
        let first = s.get(..runs).unwrap_or_default();
        let second = s.get(1..runs + 1).unwrap_or_default();
        let third = s.get(2..runs + 2).unwrap_or_default();
        let (firsts, _) = first.as_chunks::<LANES>();
        let (seconds, _) = second.as_chunks::<LANES>();
        let (thirds, _) = third.as_chunks::<LANES>();
        let mut lanes = Lanes::default();
        for ((a, b), c) in firsts.iter().zip(seconds).zip(thirds) {
            lanes.add(a, b, c, 0);
        }
        // The runs left over: the last full block again when there is one,
        // counting only its runs not read yet, else a block padded with zero
        // bytes, which match nothing.
        let rest = runs % LANES;
        if rest != 0 {
            let last = |part: &[u8]| match part.last_chunk::<LANES>() {
                Some(block) => *block,
                None => {
                    let mut block = [0; LANES];
                    for (lane, &byte) in block.iter_mut().zip(part) {
                        *lane = byte;
                    }
                    block
                }
            };
            let seen = if runs < LANES { 0 } else { LANES - rest };
            lanes.add(&last(first), &last(second), &last(third), seen);
        }
        // The top bit of every byte.
        const TOP_BITS: u128 = u128::MAX / 0xff * 0x80;
        // The first byte follows no byte, and the last two start no run.
        let end = s.get(runs..).unwrap_or_default();
        let mut running_words =
            lanes.word_starts() + usize::from(s.first().is_some_and(u8::is_ascii_lowercase));
        if let [before, last] = *end {
            running_words += usize::from(is_ascii_space(before) && last.is_ascii_lowercase());
        }
        Scan {
            non_ascii: u128::from_ne_bytes(lanes.high) & TOP_BITS != 0 || !end.is_ascii(),
            may_hold_phrase: u128::from_ne_bytes(lanes.phrase) != 0 || end == b": ",
            running_words,
        }
    }
}

/// What [`Scan`] has found so far, lane by lane: the lanes stay in vector
/// registers through the pass and are summed up once at its end.
#[derive(Clone, Copy, Debug, Default)]
struct Lanes {
    /// The first bytes of the runs, ORed: the top bit tells a non-ASCII one.
    high: [u8; Scan::LANES],
    /// Non-zero where a run is one of the triples of
    /// [`Scan::may_hold_phrase`].
    phrase: [u8; Scan::LANES],
    /// How many second bytes are lower-case ASCII letters after white
    /// space, up to 255 a lane.
    starts: [u8; Scan::LANES],
}

impl Lanes {
    /// Reads the runs `a[i]`, `b[i]`, `c[i]`, counting word starts from lane
    /// `from` on. No branch, so that the compiler reads them as vectors.
    fn add(&mut self, a: &[u8; 16], b: &[u8; 16], c: &[u8; 16], from: usize) {
        for i in 0..Scan::LANES {
            let (x, y, z) = (a[i], b[i], c[i]);
            let (x_lower, z_lower) = (x | 0x20, z | 0x20);
            let triple = (x_lower == b'k') & (z_lower == b'h')
                | (x_lower == b'r') & (z_lower == b'v')
                | (x == b':');
            let start = (i >= from) & is_ascii_space(x) & y.is_ascii_lowercase();
            self.high[i] |= x;
            self.phrase[i] |= u8::from(triple & (y == b' '));
            self.starts[i] = self.starts[i].saturating_add(u8::from(start));
        }
    }

    /// How many word starts the lanes have counted, or 255 if more.
    fn word_starts(&self) -> usize {
        // The sixteen counts summed as one number: by pairs into eight 16-bit
        // sums, then four at a time by a multiplication that gathers them in
        // the top 16 bits of a 64-bit half. No sum comes near 2^16.
        const EVEN_BYTES: u128 = u128::MAX / 0xffff * 0xff;
        let lanes = u128::from_le_bytes(self.starts);
        let pairs = (lanes & EVEN_BYTES) + ((lanes >> 8) & EVEN_BYTES);
        let sum = |half: u64| (half.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        (sum(pairs as u64) + sum((pairs >> 64) as u64)).min(255)
    }
}

/// Whether `b` is an ASCII character other than white space (a control
/// character counts).
fn is_ascii_visible(b: u8) -> bool {
    b.is_ascii() && !is_ascii_space(b)
}

/// `char::is_whitespace` on ASCII: `\t` to `\r` and the space.
fn is_ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// How many of the white-space separated words of `s` start with a
/// lower-case letter (or a letter of a caseless script), up to 2.
fn running_words(s: &str) -> usize {
    // `split_whitespace` by hand: a word starts at a character that is not
    // white space, after one that is or at the start.
    let mut count = 0;
    let mut after_space = true;
    for c in s.chars() {
        let space = c.is_whitespace();
        if after_space && !space && c.is_alphabetic() && !c.is_uppercase() {
            count += 1;
            if count == 2 {
                break;
            }
        }
        after_space = space;
    }
    count
}

/// How many of the white-space separated words of `s` start with a
/// lower-case letter, up to 2, when that is decided before any non-ASCII
/// byte (which may be white space or a letter); else `None`.
fn ascii_running_words(s: &str) -> Option<usize> {
    let mut count = 0;
    let mut after_space = true;
    for &b in s.as_bytes() {
        if !b.is_ascii() {
            return None;
        }
        let space = is_ascii_space(b);
        if after_space && !space && b.is_ascii_lowercase() {
            count += 1;
            if count == 2 {
                break;
            }
        }
        after_space = space;
    }
    Some(count)
}

/// Photo captions in scraped news: a short label and a colon, then a
/// description that ends without a full stop or with a detached one (` .`).
fn is_caption(s: &str) -> bool {
    // The first `: `, found by its colon (a byte search, not a substring one).
    let bytes = s.as_bytes();
    let Some(colon) = memchr::memchr_iter(b':', bytes).find(|&k| bytes.get(k + 1) == Some(&b' '))
    else {
        return false;
    };
    let label = &s[..colon];
    let label_words = label.split_whitespace().count();
    let label_is_title = label_words <= 4
        && label.chars().next().is_some_and(char::is_uppercase)
        && !label.contains(['"', '\u{201c}', ',']);
    label_is_title && (s.ends_with(" .") || !s.ends_with(['.', '!', '?']))
}

/// Lines that frame an article rather than tell it: bylines, publication
/// stamps, picture credits, and invitations to click, scroll, share or read on.
pub fn is_boilerplate(sentence: &str) -> bool {
    is_trimmed_boilerplate(sentence.trim())
}

/// [`is_boilerplate`] for a sentence without white space at either end.
fn is_trimmed_boilerplate(s: &str) -> bool {
    // Only U+0130 and U+212A (Kelvin) lower-case to ASCII letters; without
    // them, matching the ASCII patterns below byte by byte, ignoring ASCII
    // case, is the same as lower-casing first, and allocates nothing.
    if s.is_ascii() || !(s.contains('\u{130}') || s.contains('\u{212a}')) {
        return is_boilerplate_ascii(s);
    }
    let lower_prefix: String = s.chars().take(40).flat_map(char::to_lowercase).collect();
    if BOILERPLATE_PREFIXES
        .iter()
        .any(|p| lower_prefix.starts_with(p))
    {
        // "By the end of the year ..." is a sentence, not a byline.
        return !(lower_prefix.starts_with("by ") && s.split_whitespace().count() > 8);
    }
    let lower_all = s.to_lowercase();
    lower_all.contains("scroll down for video")
        || lower_all.contains("click here to")
        || lower_all.ends_with("for the latest news.")
}

/// [`is_boilerplate`] for a text without the two characters that lower-case
/// to ASCII letters.
fn is_boilerplate_ascii(text: &str) -> bool {
    boilerplate_ascii(text, true)
}

/// [`is_boilerplate_ascii`], looking for the phrases inside the text only
/// when `phrases` is true (false tells that the text has none).
fn boilerplate_ascii(text: &str, phrases: bool) -> bool {
    let s = text.as_bytes();
    let starts = |p: &str| {
        s.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    // Only the prefixes that begin with the text's first byte can match.
    let mut prefixes = s.first().map_or(0, |&b| PREFIXES_BY_FIRST[usize::from(b)]);
    while prefixes != 0 {
        let k = prefixes.trailing_zeros() as usize;
        prefixes &= prefixes - 1;
        if BOILERPLATE_PREFIXES.get(k).is_some_and(|p| starts(p)) {
            // "By the end of the year ..." is a sentence, not a byline.
            return !(starts("by ") && text.split_whitespace().nth(8).is_some());
        }
    }
    let at = |i: usize, p: &[u8]| {
        s.get(i..i + p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p))
    };
    // Each phrase has a rare letter at a fixed place, the `k` of "click"
    // and the `v` of "video": `memchr` finds those many bytes at a time, and
    // only there is the phrase compared.
    let click = |k: usize| k.checked_sub(4).is_some_and(|i| at(i, b"click here to"));
    let scroll = |v: usize| {
        v.checked_sub(16)
            .is_some_and(|i| at(i, b"scroll down for video"))
    };
    phrases
        && (memchr::memchr2_iter(b'k', b'K', s).any(click)
            || memchr::memchr2_iter(b'v', b'V', s).any(scroll))
        || s.len()
            .checked_sub(20)
            // The `s.` at the end turns most sentences away first.
            .is_some_and(|i| {
                matches!(s, [.., b's' | b'S', b'.'])
                    && s[i..].eq_ignore_ascii_case(b"for the latest news.")
            })
}

/// Lower-case openings of boilerplate lines.
const BOILERPLATE_PREFIXES: [&str; 17] = [
    "by ",
    "published:",
    "updated:",
    "last updated",
    "scroll down",
    "read more",
    "click here",
    "follow us",
    "follow @",
    "sign up",
    "subscribe",
    "share this",
    "photo:",
    "image:",
    "picture:",
    "copyright",
    "all rights reserved",
];

/// For each byte, the [`BOILERPLATE_PREFIXES`] (bit `k` for the `k`th) that
/// begin with it, in either case.
const PREFIXES_BY_FIRST: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < BOILERPLATE_PREFIXES.len() {
        let first = BOILERPLATE_PREFIXES[k].as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] |= 1 << k;
        table[first.to_ascii_uppercase() as usize] |= 1 << k;
        k += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lang, segment, terms::Analyzer};

    fn analyse(text: &str) -> (Vec<Sentence>, DocTerms) {
        let sentences = segment::split(text);
        let doc = Analyzer::new(Lang::English).analyze(text, &sentences);
        (sentences, doc)
    }

    #[test]
    fn boilerplate_is_recognised() {
        assert!(is_boilerplate("By . Associated Press ."));
        assert!(is_boilerplate("PUBLISHED: . 14:11 EST, 3 March 2014 ."));
        assert!(is_boilerplate("Scroll down for video"));
        assert!(!is_boilerplate(
            "By the end of the week, the council had voted twice on the plan."
        ));
    }

    #[test]
    fn phrases_are_found_wherever_they_fall() {
        // Not at the start, where they are prefixes.
        for pad in 1..20 {
            for phrase in ["Scroll down for VIDEO", "click here to"] {
                let line = format!("{}{phrase} now", "x".repeat(pad));
                assert!(is_boilerplate(&line), "{line}");
                let line = format!("{}{} now", "x".repeat(pad), &phrase[..phrase.len() - 1]);
                assert!(!is_boilerplate(&line), "{line}");
            }
        }
    }

    /// [`is_story_sentence`] as plainly as it can be written.
    fn is_story_sentence_simple(sentence: &str) -> bool {
        let s = sentence.trim();
        let ends_like_sentence = s
            .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', ']', '\u{bb}'])
            .ends_with(['.', '!', '?', '\u{2026}', ':', ';']);
        ends_like_sentence
            && running_words_simple(s) >= 2
            && !is_boilerplate_simple(s)
            && !is_caption(s)
    }

    /// [`is_boilerplate`] on a trimmed sentence, by lower-casing it first.
    fn is_boilerplate_simple(s: &str) -> bool {
        let lower = s.to_lowercase();
        if BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            return !(lower.starts_with("by ") && s.split_whitespace().count() > 8);
        }
        lower.contains("scroll down for video")
            || lower.contains("click here to")
            || lower.ends_with("for the latest news.")
    }

    /// Sentences pieced together from words, phrases and bytes that the
    /// story-sentence tests look for, in any case and with any spacing.
    fn sentence_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let pieces = vec![
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "\u{2003}",
            "\x1f",
            "\0",
            ".",
            " .",
            "!",
            "?",
            ":",
            ": ",
            ";",
            ",",
            "\"",
            "\u{201c}",
            "\u{201d}",
            ")",
            "\u{2026}",
            "a",
            "the",
            "The",
            "river",
            "K",
            "k",
            "h",
            "H",
            "r",
            "v",
            "V",
            "k h",
            "R V",
            "\u{e9}t\u{e9}",
            "\u{c9}cole",
            "\u{130}",
            "\u{212a}",
            "\u{4e2d}\u{6587}",
            "click here to",
            "CLICK HERE TO",
            "click here t",
            "Scroll down for video",
            "scroll down for VIDEO",
            "for the latest news.",
            "For The Latest NEWS.",
            "by ",
            "By ",
            "BY",
            "published:",
            "Updated: ",
            "photo:",
            "All rights reserved",
            "subscribe",
            "Mystery: ",
            "Safe and sound: ",
        ];
        proptest::collection::vec(proptest::sample::select(pieces), 0..60)
            .prop_map(|pieces| pieces.concat())
    }

    /// [`running_words`] by `split_whitespace`.
    fn running_words_simple(s: &str) -> usize {
        s.split_whitespace()
            .filter(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
            })
            .take(2)
            .count()
    }

    proptest::proptest! {
        #[test]
        fn running_words_are_counted_as_split_whitespace_counts_them(s in sentence_pieces()) {
            proptest::prop_assert_eq!(running_words(&s), running_words_simple(&s));
        }

        #[test]
        fn story_sentences_are_found_as_the_simple_tests_find_them(s in sentence_pieces()) {
            proptest::prop_assert_eq!(is_story_sentence(&s), is_story_sentence_simple(&s));
            proptest::prop_assert_eq!(is_boilerplate(&s), is_boilerplate_simple(s.trim()));
        }

        #[test]
        fn story_sentences_of_any_bytes_are_found_as_the_simple_tests_find_them(
            s in "[ -~\t\n\r\x0b\x0c\x1f\u{a0}\u{e9}\u{130}\u{212a}]{0,100}",
        ) {
            proptest::prop_assert_eq!(is_story_sentence(&s), is_story_sentence_simple(&s));
        }

        #[test]
        fn the_scan_rules_out_only_what_is_not_there(s in sentence_pieces()) {
            let scan = Scan::of(s.as_bytes());
            proptest::prop_assert_eq!(scan.non_ascii, !s.is_ascii());
            if s.is_ascii() {
                proptest::prop_assert_eq!(scan.running_words.min(2), running_words(&s));
            }
            if !scan.may_hold_phrase {
                let lower = s.to_lowercase();
                proptest::prop_assert!(!lower.contains("click here to"));
                proptest::prop_assert!(!lower.contains("scroll down for video"));
                proptest::prop_assert!(!s.contains(": "));
            }
        }
    }

    #[test]
    fn the_scan_counts_running_words_across_its_blocks() {
        // Word starts in the first block, in the block read twice at the
        // end, at the very end and nowhere else.
        for len in 0..70 {
            for at in 0..len {
                let mut s = vec![b'X'; len];
                s[at] = b'a';
                if at > 0 {
                    s[at - 1] = b' ';
                }
                let s = String::from_utf8(s).unwrap();
                assert_eq!(Scan::of(s.as_bytes()).running_words, 1, "{s:?}");
                let twice = format!("{s} {s}");
                assert_eq!(Scan::of(twice.as_bytes()).running_words, 2, "{twice:?}");
            }
        }
    }

    #[test]
    fn running_words_are_counted_as_split_whitespace_does() {
        for s in [
            "",
            "a",
            "a b",
            "A b C d",
            "A\x0bb\x0cc",
            "1a b2 c",
            "x\u{a0}y",
            "A\u{a0}b c",
            "a b\u{a0}c",
            "\u{e9}t\u{e9} a",
            "A\x1fb c",
        ] {
            let fast = ascii_running_words(s);
            assert!(fast.is_none_or(|n| n == running_words(s)), "{s:?}");
        }
    }

    #[test]
    fn repeats_are_skipped() {
        let text = "The bridge reopened after repairs on Monday morning. \
                    The bridge reopened after repairs on Monday. \
                    Traffic returned to normal across the city by noon.";
        let (sentences, doc) = analyse(text);
        let chosen = select(&sentences, &[0.9, 0.8, 0.5], &doc, Budget::Sentences(2));
        assert_eq!(chosen, [0, 2]);
    }

    #[test]
    fn total_order_keys_order_as_total_cmp() {
        let values = [
            f64::NEG_INFINITY,
            -1.5,
            -0.0,
            0.0,
            f64::MIN_POSITIVE,
            0.25,
            0.25f64.next_up(),
            1.0,
            f64::INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        for a in values {
            for b in values {
                let keys = total_order_key(a).cmp(&total_order_key(b));
                assert_eq!(keys, a.total_cmp(&b), "{a} {b}");
            }
        }
    }

    #[test]
    fn overlap_is_the_share_of_the_smaller_sentence() {
        let text = "The bridge reopened after repairs on Monday morning. \
                    Bridge repairs took a week. \
                    The bridge reopened, the bridge reopened, on Monday. \
                    Nothing else.";
        let (_, doc) = analyse(text);
        let n = doc.sentence_tokens.len();
        let mut overlap = Overlap::new(&doc);
        for a in 0..n {
            for b in 0..n {
                let (x, y) = (doc.sentence(a), doc.sentence(b));
                let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
                let shared = small
                    .iter()
                    .filter(|t| large.iter().any(|u| u.term == t.term))
                    .count();
                let share = if small.is_empty() {
                    0.0
                } else {
                    shared as f64 / small.len() as f64
                };
                assert_eq!(overlap.share(a, b), share, "{a} {b}");
            }
        }
    }

    #[test]
    fn word_budget_is_never_exceeded() {
        let text =
            "Alpha beta gamma delta epsilon zeta eta. Theta iota kappa. Lambda mu nu xi omicron.";
        let (sentences, doc) = analyse(text);
        for budget in 0..20 {
            let chosen = select(&sentences, &[0.9, 0.8, 0.7], &doc, Budget::Words(budget));
            let words: usize = chosen.iter().map(|&i| doc.sentence_words[i]).sum();
            assert!(words <= budget, "{words} words for a budget of {budget}");
        }
    }

    #[test]
    fn ratio_rounds_up() {
        let text = "One a b c d e f. Two a b c d e f g. Three h i j k l m. Four n o p q r s.";
        let (sentences, doc) = analyse(text);
        let scores = [0.4, 0.3, 0.2, 0.1];
        assert_eq!(
            select(&sentences, &scores, &doc, Budget::Ratio(0.3)).len(),
            2
        );
    }
    #[test]
    fn forward_centrality_counts_only_what_follows() {
        // Sentences 0 and 1 share term 0; sentence 2 has only term 1.
        let entry = |term, weight| Entry {
            term,
            tf: 1,
            weight,
        };
        let entries = [entry(0, 2.0), entry(0, 1.0), entry(1, 3.0)];
        let mut rows: Vec<Row> = (0..3)
            .map(|i| Row {
                vector: i..i + 1,
                norm: entries[i].weight,
                ..Row::default()
            })
            .collect();
        forward_centrality(&entries, &mut rows, 2);
        let forward: Vec<f64> = rows.iter().map(|row| row.forward).collect();
        assert_eq!(forward, [1.0, 0.0, 0.0]);
    }

    #[test]
    fn a_sentence_the_story_develops_outranks_an_earlier_aside() {
        // Sentence 1 looks back at the lead's parking charges; sentence 2
        // opens the ferry fares that the rest of the story is about.
        let text = "Parking charges at the pier rose last year, and parking charges \
                    at the market rose too. \
                    Riders complained about parking charges at the pier. \
                    Ferry fares will rise next spring, the council decided. \
                    Riders said higher ferry fares would hurt daily commuters. \
                    Ferry operators blamed fuel for the higher fares.";
        let (sentences, doc) = analyse(text);
        let scores = score_sentences(text, &sentences, &doc);
        assert!(scores[2] > scores[1], "{scores:?}");
    }

    #[test]
    fn the_lead_ranks_first_even_when_less_central() {
        let text = "Sirens woke a quiet street in Marden before dawn on Tuesday. \
                    Firefighters said the warehouse fire spread to two shops. \
                    The warehouse fire burned for six hours, firefighters said. \
                    Firefighters kept the warehouse fire from the shops nearby. \
                    The warehouse fire and the shops were insured, owners said.";
        let (sentences, doc) = analyse(text);
        let scores = score_sentences(text, &sentences, &doc);
        let top = scores[1..].iter().copied().fold(0.0, f64::max);
        assert!(scores[0] > top, "{scores:?}");
        assert_eq!(select(&sentences, &scores, &doc, Budget::Sentences(1)), [0]);
    }

    #[test]
    fn a_short_first_line_is_not_the_lead() {
        let text = "Fire in Marden. \
                    Firefighters said the warehouse fire spread to two shops on Tuesday. \
                    The warehouse fire burned for six hours, firefighters said.";
        let (sentences, doc) = analyse(text);
        let scores = score_sentences(text, &sentences, &doc);
        assert!(scores[1] > scores[0] && scores[1] > scores[2], "{scores:?}");
    }
}
