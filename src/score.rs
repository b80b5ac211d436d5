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
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let words_of = |i: usize| doc.sentence_words.get(i).copied().unwrap_or(0);
    let pick = |real_only: bool| {
        let mut chosen: Vec<usize> = Vec::new();
        let mut words = 0usize;
        for &i in &order {
            if chosen.len() >= max_sentences {
                break;
            }
            if real_only && scores[i] <= 0.0 {
                continue;
            }
            if words.saturating_add(words_of(i)) > max_words {
                continue;
            }
            if real_only && chosen.iter().any(|&j| overlap(doc, i, j) > REDUNDANCY) {
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

/// Share of the smaller sentence's stems that the other one also has.
fn overlap(doc: &DocTerms, a: usize, b: usize) -> f64 {
    let (a, b) = (doc.sentence(a), doc.sentence(b));
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    let shared = small
        .iter()
        .filter(|t| large.iter().any(|u| u.term == t.term))
        .count();
    shared as f64 / small.len() as f64
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
    let s = sentence.trim();
    let ends_like_sentence = s
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', ']', '\u{bb}'])
        .ends_with(['.', '!', '?', '\u{2026}', ':', ';']);
    // The cheap test first: most lines that fail, fail on their ending. Time
    // stamps and name lists have no running words (caseless scripts count as
    // running words).
    ends_like_sentence
        && ascii_running_words(s).unwrap_or_else(|| running_words(s)) >= 2
        && !is_trimmed_boilerplate(s)
        && !is_caption(s)
}

/// How many of the white-space separated words of `s` start with a
/// lower-case letter (or a letter of a caseless script), up to 2.
fn running_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
        })
        .take(2)
        .count()
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
        // `char::is_whitespace` on ASCII: `\t` to `\r` and the space.
        let space = b == b' ' || (b'\t'..=b'\r').contains(&b);
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
    let s = text.as_bytes();
    let starts = |p: &str| {
        s.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    // Every prefix is lower-case ASCII: its first byte rules most out.
    let first = s.first().map_or(0, |b| b | 0x20);
    if BOILERPLATE_PREFIXES
        .iter()
        .any(|p| p.as_bytes().first() == Some(&first) && starts(p))
    {
        // "By the end of the year ..." is a sentence, not a byline.
        return !(starts("by ") && text.split_whitespace().count() > 8);
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
    memchr::memchr2_iter(b'k', b'K', s).any(click)
        || memchr::memchr2_iter(b'v', b'V', s).any(scroll)
        || s.len()
            .checked_sub(20)
            .is_some_and(|i| s[i..].eq_ignore_ascii_case(b"for the latest news."))
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
