//! A small tokenizer for attribution windows and name runs.
//!
//! Words keep internal dots, apostrophes and hyphens (`U.S.`, `O’Malley`,
//! `R-Pa.`), and a trailing dot when the word is an abbreviation or an
//! initial, so `Mr. Wu` and `G.K. Butterfield` stay whole.

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use crate::shapes::WordShapes;

/// A fixed word list with hashed membership: the name, cue and title lists
/// run to hundreds of words and are asked about nearly every token, where a
/// linear scan of the list cost more than the rest of the attribution.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    more: &'static [&'static str],
    set: OnceLock<Lookup>,
}

/// The words hashed, and for each first byte the lengths (bit `min(len,
/// 31)`) of the words starting with it.
struct Lookup {
    set: HashSet<&'static str, FixedState>,
    lengths: [u32; 256],
    /// The shapes of the listed words: most words asked about are not in
    /// the list, and nearly all of those are turned away here before any
    /// hashing.
    shapes: WordShapes,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet::union(words, &[])
    }

    /// The words of two lists, so that a list need not repeat another.
    pub(crate) const fn union(
        words: &'static [&'static str],
        more: &'static [&'static str],
    ) -> WordSet {
        WordSet {
            words,
            more,
            set: OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        let lookup = self.lookup();
        lookup.shapes.may_hold_word(w.as_bytes()) && lookup.set.contains(w)
    }

    /// Whether a word starting with byte `first` and `len` bytes long may
    /// be in the list: false rules it out before the word is even built.
    pub(crate) fn may_contain(&self, first: u8, len: usize) -> bool {
        self.lookup().lengths[usize::from(first)] & (1 << len.min(31)) != 0
    }

    fn lookup(&self) -> &Lookup {
        self.set.get_or_init(|| {
            let mut lengths = [0u32; 256];
            for word in self.words.iter().chain(self.more) {
                if let Some(&first) = word.as_bytes().first() {
                    lengths[usize::from(first)] |= 1 << word.len().min(31);
                }
            }
            let words = || self.words.iter().chain(self.more);
            Lookup {
                set: words().copied().collect(),
                lengths,
                shapes: WordShapes::of(words().map(|w| w.as_bytes())),
            }
        })
    }
}

/// Words of some lists known only by their first and last bytes in ASCII
/// lower case and their length: a word equal to a listed one but for ASCII
/// case always passes, and most other words do not.
///
/// One cheap test that sets a word aside before several comparisons that
/// each look at it another way (as it stands, lower-cased, without ASCII
/// case).
pub(crate) struct FoldedShapes {
    lists: &'static [&'static [&'static str]],
    shapes: OnceLock<WordShapes>,
}

impl FoldedShapes {
    pub(crate) const fn new(lists: &'static [&'static [&'static str]]) -> FoldedShapes {
        FoldedShapes {
            lists,
            shapes: OnceLock::new(),
        }
    }

    /// False when `w` is no listed word, whatever the ASCII case of either.
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        self.shapes
            .get_or_init(|| {
                WordShapes::of(self.lists.iter().copied().flatten().map(|w| w.as_bytes()))
            })
            .may_hold_word(w.as_bytes())
    }
}

/// One token: a word or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// A line break lies between the previous token and this one.
    pub newline_before: bool,
}

/// Abbreviations that take a dot without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Rev", "Prof", "Pres",
    "Sec", "Amb", "Capt", "Adm", "Cmdr", "Supt", "Hon", "St", "Jr", "Sr", "Mt", "Ft", "Maj", "Cpl",
    "Corp", "Inc", "Ltd", "Co", "Messrs", "Atty", "Insp", "No", "vs", "Jan", "Feb", "Mar", "Apr",
    "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

static ABBREVIATION_SET: WordSet = WordSet::new(ABBREVIATIONS);

/// Whether `w` (without its dot) is an abbreviation or a one-letter initial.
pub(crate) fn is_abbreviation(w: &str) -> bool {
    // Every kind below is at most six bytes long (a listed abbreviation, a
    // letter, `U.S`, `R-Ky`), and most words before a full stop are longer.
    if w.len() > ABBREVIATION_MAX_LEN {
        return false;
    }
    let mut cs = w.chars();
    let single_cap = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    // `U.S`, and state abbreviations after party letters (`R-Ky`).
    single_cap
        || ABBREVIATION_SET.contains(w)
        || w.contains('.')
        || w.split_once('-')
            .is_some_and(|(a, _)| a.len() == 1 && is_capitalized(a))
}

/// The longest word [`is_abbreviation`] holds, in bytes.
const ABBREVIATION_MAX_LEN: usize = 6;

fn joiner(c: char) -> bool {
    matches!(c, '.' | '’' | '\'' | '-' | '‑' | '&')
}

/// Appends the tokens of `text[from..to]` to `out` (cleared first).
pub(crate) fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    out.clear();
    tokenize_more(text, from, to, out);
}

/// Attribution windows cut out of the tokens of the whole text.
///
/// Every quote looks at a few hundred bytes before and after it, and the
/// name index reads the whole text: tokenizing each window again cost as
/// much as the whole text once more.
pub(crate) struct Windows<'t> {
    all: &'t [Tok],
    buf: Vec<Tok>,
}

impl<'t> Windows<'t> {
    /// Windows over the text that `all` holds every token of.
    pub(crate) fn new(all: &'t [Tok]) -> Windows<'t> {
        Windows {
            all,
            buf: Vec::new(),
        }
    }

    /// The tokens [`tokenize`] gives for `text[from..to]`.
    ///
    /// A whitespace character ends any token and starts none, so between
    /// the window's first and last whitespace the tokens are those of the
    /// whole text. Only the line-break flag of a token can differ there, when
    /// its break lies before `from`, so it is taken from the gap inside
    /// the window. The ends, where the window may cut a word or hide the
    /// character after it (`said` before `'Go`, `Mr` before its dot), are
    /// tokenized on their own, unless the window cuts the text where the
    /// whole text's tokens start or end as well (see [`starts_clean`] and
    /// [`ends_clean`]): most windows begin right after a quote
    /// and a space or end right before one.
    pub(crate) fn window(&mut self, text: &str, from: usize, to: usize) -> &[Tok] {
        let Some(s) = text.get(from..to) else {
            return &[];
        };
        let bytes = text.as_bytes();
        let (front_clean, back_clean) = (starts_clean(bytes, from), ends_clean(bytes, to));
        if front_clean && back_clean {
            // Most windows, clean at both ends: the whole text's tokens
            // serve as they are, uncopied, unless the first one's line
            // break lies before the window.
            let lo = self.all.partition_point(|t| t.start < from);
            let rest = self.all.get(lo..).unwrap_or_default();
            let rest = rest.get(..to - from).unwrap_or(rest);
            let toks = rest
                .get(..rest.partition_point(|t| t.start < to))
                .unwrap_or_default();
            let break_inside = |t: &Tok| {
                let gap = text.get(from..t.start).unwrap_or_default();
                gap.bytes().any(|b| b == b'\n' || b == b'\r')
            };
            if toks
                .first()
                .is_none_or(|t| !t.newline_before || break_inside(t))
            {
                #[cfg(debug_assertions)]
                {
                    let mut whole = Vec::new();
                    tokenize(text, from, to, &mut whole);
                    debug_assert_eq!(toks, whole, "window {from}..{to}");
                }
                return toks;
            }
        }
        let out = &mut self.buf;
        out.clear();
        let front = if front_clean {
            Some(from)
        } else {
            find_space(s.as_bytes()).map(|i| from + i)
        };
        let back = if back_clean {
            Some(to)
        } else {
            rfind_space(s.as_bytes()).map(|i| from + i)
        };
        let (Some(first), Some(last)) = (front, back) else {
            tokenize_more(text, from, to, out);
            return out;
        };
        // An empty edge, the common case, is not worth a call.
        if first > from {
            tokenize_more(text, from, first, out);
        }
        let lo = self.all.partition_point(|t| t.start < first);
        // No two tokens start at the same byte, so the window's are among
        // the next `last - first`.
        let rest = self.all.get(lo..).unwrap_or_default();
        let rest = rest.get(..last - first).unwrap_or(rest);
        let mid = out.len();
        let n = rest.partition_point(|t| t.start < last);
        out.extend_from_slice(rest.get(..n).unwrap_or_default());
        let tail = out.len();
        if to > last {
            tokenize_more(text, last, to, out);
        }
        for i in [mid, tail] {
            if let Some(t) = out.get(i) {
                let gap = i.checked_sub(1).map_or(from, |p| out[p].end);
                let gap = text.get(gap..t.start).unwrap_or_default();
                out[i].newline_before = gap.bytes().any(|b| b == b'\n' || b == b'\r');
            }
        }
        #[cfg(debug_assertions)]
        {
            let mut whole = Vec::new();
            tokenize(text, from, to, &mut whole);
            debug_assert_eq!(*out, whole, "window {from}..{to}");
        }
        out
    }
}

/// Whether the tokens of the whole text that start at `from` or later
/// are those of a text starting at `from`.
///
/// So they are when the whole text's tokenizer is between tokens at
/// `from`, as it is at the start of the text and next to whitespace.
fn starts_clean(bytes: &[u8], from: usize) -> bool {
    from == 0
        || bytes.get(from).is_some_and(|&b| is_ascii_space(b))
        || bytes.get(from - 1).is_some_and(|&b| is_ascii_space(b))
}

/// Whether the tokens of the whole text that start before `to` are those
/// of a text ending at `to`.
///
/// A word reads one character past its last one at most, so they are when
/// whitespace lies at or just before `to`, which both tokenizers take for
/// an end, or at the end of the text. Elsewhere the tokens may differ even
/// where one ends at `to` (`dit` of `dit-elle` cut after the hyphen).
fn ends_clean(bytes: &[u8], to: usize) -> bool {
    to == bytes.len()
        || bytes.get(to).is_some_and(|&b| is_ascii_space(b))
        || to
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_some_and(|&b| is_ascii_space(b))
}

/// Whitespace as `char::is_whitespace` has it, for ASCII bytes.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The first ASCII whitespace byte of `s`: any whitespace divides the
/// window, and other kinds are rare enough to leave to the tokenizer.
fn find_space(s: &[u8]) -> Option<usize> {
    s.iter().position(|&b| is_ascii_space(b))
}

/// The last ASCII whitespace byte of `s`.
fn rfind_space(s: &[u8]) -> Option<usize> {
    s.iter().rposition(|&b| is_ascii_space(b))
}

/// Appends the tokens of `text[from..to]` to `out`.
fn tokenize_more(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    let Some(s) = text.get(from..to) else {
        return;
    };
    let bytes = s.as_bytes();
    // Which bytes of `s` from `base` on are ASCII letters or digits, 64 at
    // a time: most tokens are plain words, and the mask finds where one
    // starts and ends without sorting its bytes one by one. A word the mask
    // does not show is found byte by byte all the same, so the edges of an
    // attribution window, a word or two, are left without one.
    let mut base = 0;
    let mut alnum = if bytes.len() >= 64 {
        alphanumeric_mask(bytes, 0)
    } else {
        0
    };
    // `k` is the next unread byte of `s`.
    let mut k = 0;
    let mut newline = false;
    while let Some(&b) = bytes.get(k) {
        if k - base >= 64 {
            base = k;
            alnum = alphanumeric_mask(bytes, k);
        }
        if (alnum >> (k - base)) & 1 != 0 {
            let at = plain_words(out, bytes, base, alnum, k - base, from, newline);
            if at != k - base {
                newline = false;
            }
            k = base + at;
            let ahead = alnum >> at;
            // The run stops inside the mask, at the first byte past `s` at
            // the latest, since those are no letters; or at its edge.
            let mut run = k + (!ahead).trailing_zeros() as usize;
            if run == base + 64 {
                if k > base {
                    // The next mask starts at this word rather than after
                    // it, so the word is found in it like any other.
                    base = k;
                    alnum = alphanumeric_mask(bytes, k);
                    continue;
                }
                run = alphanumeric_run_end(bytes, run);
            }
            // A run followed by a space or a comma is the whole word; only
            // a joiner or another script needs the word's rules.
            let (end, hyphen) = if ends_word(bytes.get(run)) {
                (run, false)
            } else {
                word_end(s, k, run)
            };
            push_word(out, s, from, k, end, hyphen, newline);
            k = end;
            // Most words end at a space, which is skipped here rather
            // than sorted by the table.
            if bytes.get(k) == Some(&b' ') {
                k += 1;
            }
            newline = false;
            continue;
        }
        let i = k;
        // ASCII, nearly every byte of news text, is sorted by a table
        // rather than decoded and asked about as a character.
        let starts_word = match ASCII_CLASS.get(usize::from(b)) {
            Some(AsciiClass::Space) => {
                k += 1;
                continue;
            }
            Some(AsciiClass::LineBreak) => {
                newline = true;
                k += 1;
                continue;
            }
            Some(AsciiClass::AlphaNumeric) => {
                k += 1;
                true
            }
            Some(AsciiClass::Other) => {
                k += 1;
                false
            }
            None => {
                let Some(c) = s.get(k..).and_then(|r| r.chars().next()) else {
                    break;
                };
                k += c.len_utf8();
                if c.is_whitespace() {
                    continue;
                }
                c.is_alphanumeric()
            }
        };
        if starts_word {
            let (end, hyphen) = word_end(s, i, alphanumeric_run_end(bytes, k));
            push_word(out, s, from, i, end, hyphen, newline);
            k = end;
            if bytes.get(k) == Some(&b' ') {
                k += 1;
            }
        } else {
            out.push(Tok {
                start: from + i,
                end: from + k,
                word: false,
                newline_before: newline,
            });
        }
        newline = false;
    }
}

/// Pushes the words from byte `base + at` of `bytes` on that are runs of
/// letters and digits each followed by one space and the next such word,
/// as far as `alnum` (the letters and digits from `base`) shows them, and
/// returns where the first other token starts, relative to `base`.
///
/// These are the bulk of any text, and need nothing but the mask.
#[inline(always)]
fn plain_words(
    out: &mut Vec<Tok>,
    bytes: &[u8],
    base: usize,
    alnum: u64,
    mut at: usize,
    from: usize,
    mut newline: bool,
) -> usize {
    let block = bytes.get(base..).unwrap_or_default();
    let offset = from + base;
    while at < 64 {
        let end = at + (!(alnum >> at)).trailing_zeros() as usize;
        if end >= 63 || block.get(end) != Some(&b' ') || (alnum >> (end + 1)) & 1 == 0 {
            break;
        }
        out.push(Tok {
            start: offset + at,
            end: offset + end,
            word: true,
            newline_before: newline,
        });
        newline = false;
        at = end + 1;
    }
    at
}

/// Whether the byte after a word's run of letters and digits (none at the
/// end of the text) ends the word: any ASCII byte but a joiner.
fn ends_word(b: Option<&u8>) -> bool {
    b.is_none_or(|&b| b < 0x80 && !matches!(b, b'.' | b'\'' | b'-' | b'&'))
}

/// Where the word starting at byte `i` of `s` ends, its first run of
/// letters and digits ending at `k`, and whether it took in a `-`.
fn word_end(s: &str, i: usize, mut k: usize) -> (usize, bool) {
    let bytes = s.as_bytes();
    // Decodes the character at byte `k` of `s`, ASCII without the decoder.
    let char_at = |k: usize| match bytes.get(k) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => s.get(k..).and_then(|r| r.chars().next()),
    };
    // Whether the word took in a `-`, which every French inverted pronoun
    // needs.
    let mut hyphen = false;
    // The word so far ends at `k`.
    loop {
        // An ASCII byte after the run that joins nothing (a space, a
        // comma) ends the word, the common case, undecoded.
        if ends_word(bytes.get(k)) {
            break;
        }
        let j = k;
        let Some(d) = char_at(j) else {
            break;
        };
        if d.is_alphanumeric() {
            k = j + d.len_utf8();
        } else if joiner(d) {
            // Keep the joiner only when a letter or digit follows, and a
            // dot only inside abbreviations, numbers and web names
            // (`U.S.`, `3.5`, `cnn.com`), not `said.Trump`.
            let word = s.get(i..j).unwrap_or_default();
            let after = char_at(j + d.len_utf8());
            let glued = d == '.'
                && after.is_some_and(char::is_uppercase)
                && word
                    .rsplit(['.', '-'])
                    .next()
                    .is_some_and(|seg| seg.chars().count() > 2);
            if after.is_some_and(char::is_alphanumeric) && !glued {
                k = j + d.len_utf8();
                hyphen |= d == '-';
            } else {
                if d == '.' && is_abbreviation(word) {
                    k = j + 1;
                }
                break;
            }
        } else {
            break;
        }
        // Runs of ASCII letters and digits, the bulk of any word.
        k = alphanumeric_run_end(bytes, k);
    }
    (k, hyphen)
}

/// Pushes the word `s[i..k]`, `s` starting at byte `from` of the text.
///
/// Inlined into the tokenizer's loop, where a word without a hyphen, nearly
/// every word, is one push.
#[inline(always)]
fn push_word(
    out: &mut Vec<Tok>,
    s: &str,
    from: usize,
    i: usize,
    k: usize,
    hyphen: bool,
    newline: bool,
) {
    if !hyphen || !push_split(out, s, from, i, k, newline) {
        out.push(Tok {
            start: from + i,
            end: from + k,
            word: true,
            newline_before: newline,
        });
    }
}

/// Pushes the two tokens of `s[i..k]` when it ends in a French inverted
/// pronoun (`dit-elle`, `a-t-il`), and says whether it did: the pronoun
/// is the subject, so it gets a token of its own.
fn push_split(out: &mut Vec<Tok>, s: &str, from: usize, i: usize, k: usize, newline: bool) -> bool {
    let Some(word) = s.get(i..k) else {
        return false;
    };
    let split = ["-il", "-elle", "-ils", "-elles"]
        .iter()
        .find(|p| word.ends_with(*p))
        .map(|p| word.len() - p.len())
        .filter(|_| word.chars().next().is_some_and(char::is_lowercase));
    let Some(h) = split else {
        return false;
    };
    let start = from + i;
    out.push(Tok {
        start,
        end: start + h,
        word: true,
        newline_before: newline,
    });
    out.push(Tok {
        start: start + h + 1,
        end: from + k,
        word: true,
        newline_before: false,
    });
    true
}

/// Bit i set when byte `from + i` of `b` is an ASCII letter or digit, for
/// the 64 bytes from `from` (those past `b` are not).
///
/// Out of the tokenizer's loop: inlined, its constants took the registers
/// that the loop's own values then had to leave for the stack.
#[inline(never)]
fn alphanumeric_mask(b: &[u8], from: usize) -> u64 {
    let rest = b.get(from..).unwrap_or_default();
    let Some(block) = rest.first_chunk::<64>() else {
        return alphanumeric_mask_short(rest);
    };
    let mut mask = 0;
    for (i, eight) in block.chunks_exact(8).enumerate() {
        let v = eight.try_into().map_or(0, u64::from_le_bytes);
        mask |= alphanumeric_bits(v) << (8 * i);
    }
    mask
}

/// [`alphanumeric_mask`] of the last bytes of a text, under 64.
fn alphanumeric_mask_short(rest: &[u8]) -> u64 {
    let mut mask = 0;
    for (i, eight) in rest.chunks(8).take(8).enumerate() {
        let v = eight.iter().rev().fold(0, |v, &c| (v << 8) | u64::from(c));
        mask |= alphanumeric_bits(v) << (8 * i);
    }
    mask
}

/// Bit i set when byte i of `v` (eight bytes, little-endian) is an ASCII
/// letter or digit.
fn alphanumeric_bits(v: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Gathers the top bit of byte i into bit i.
    ((!not_alphanumeric(v) & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// What an ASCII byte is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    /// Whitespace other than a line break: ends a token, starts none.
    Space,
    /// `\n` or `\r`: whitespace that sets the next token's line-break flag.
    LineBreak,
    /// A letter or digit: starts or continues a word.
    AlphaNumeric,
    /// Anything else, a token of its own unless a word takes it in.
    Other,
}

/// [`AsciiClass`] by byte, agreeing with `char::is_whitespace` and
/// `char::is_alphanumeric`.
static ASCII_CLASS: [AsciiClass; 128] = {
    let mut table = [AsciiClass::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c == b'\n' || c == b'\r' {
            AsciiClass::LineBreak
        } else if c.is_ascii_whitespace() || c == 0x0b {
            AsciiClass::Space
        } else if c.is_ascii_alphanumeric() {
            AsciiClass::AlphaNumeric
        } else {
            AsciiClass::Other
        };
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits of `b` from `from` ends.
///
/// Eight bytes at a time: a word of news text nearly always ends within the
/// first eight, so the loop is one well-predicted step instead of a branch
/// a byte that mispredicts where the word ends. The eight are taken
/// straight from `b`, with no slice of the rest set up for each word.
fn alphanumeric_run_end(b: &[u8], from: usize) -> usize {
    let mut k = from;
    while let Some(eight) = b.get(k..k.saturating_add(8)) {
        let other = not_alphanumeric(eight.try_into().map_or(0, u64::from_le_bytes));
        if other != 0 {
            return k + (other.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    k + b
        .get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count()
}

/// The top bit of each byte of `v` (eight bytes, little-endian) that is
/// not an ASCII letter or digit.
fn not_alphanumeric(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Per byte, with the top bit cleared so that no sum carries over:
    // the top bit of `x + (0x80 - lo)` is set when x >= lo.
    let x = v & !HIGH;
    let at_least = |lo: u8| x.wrapping_add(ONES * u64::from(0x80 - lo)) & HIGH;
    let folded = x | (ONES * 0x20);
    let letter_at_least = |lo: u8| folded.wrapping_add(ONES * u64::from(0x80 - lo)) & HIGH;
    let digit = at_least(b'0') & !at_least(b'9' + 1);
    let letter = letter_at_least(b'a') & !letter_at_least(b'z' + 1);
    (!(digit | letter) & HIGH) | (v & HIGH)
}

/// How many words [`crate::terms::word_indices`] finds in `s`.
///
/// Ranking needs only the count of each quote's words, and walking the
/// words one by one cost half of the ranking. In ASCII text without `_`
/// a word is a run of letters and digits, two runs joined by a `.` or `'`
/// between letters or between digits, a `:` between letters, or a `,` or
/// `;` between digits (UAX-29 WB6/7, WB11/12). So the words are the runs
/// that do not start right after such a joiner, counted eight bytes at a
/// time. Other text is left to `word_indices` itself.
pub(crate) fn count_words(s: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let bytes = s.as_bytes();
    let mut count = 0;
    // Whether the byte before the current eight is a letter or digit.
    let mut after_alphanumeric = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let eights = chunks
        .by_ref()
        .map(|c| c.try_into().map_or(0, u64::from_le_bytes));
    for (k, v) in eights.chain([u64::from_le_bytes(tail)]).enumerate() {
        // `_` glues words and makes a run of its own no word; other
        // characters follow rules of their own: such text is rare.
        if (v & HIGH) | bytes_equal(v, b'_') != 0 {
            return crate::terms::word_indices(s).count();
        }
        let high = !not_alphanumeric(v) & HIGH;
        // Gathers the top bit of byte i into bit i.
        let alphanumeric = (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        let starts = alphanumeric & !((alphanumeric << 1) | after_alphanumeric);
        after_alphanumeric = alphanumeric >> 7;
        count += starts.count_ones() as usize;
        // A run right after a joiner may continue the word before it.
        let mut after_joiner = starts & !after_space(v);
        while after_joiner != 0 {
            let p = 8 * k + after_joiner.trailing_zeros() as usize;
            after_joiner &= after_joiner - 1;
            if let (Some(&prev), Some(&mid), Some(&next)) = (
                p.checked_sub(2).and_then(|i| bytes.get(i)),
                p.checked_sub(1).and_then(|i| bytes.get(i)),
                bytes.get(p),
            ) && crate::terms::joins(prev, mid, next)
            {
                count -= 1;
            }
        }
    }
    count
}

/// Bit i set when byte i - 1 of `v` is a space (bit 0 never: that byte is
/// not in `v`), so that the many runs after a space skip the joiner test.
fn after_space(v: u64) -> u64 {
    let space = (bytes_equal(v, b' ') >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    (space << 1) & 0xfe
}

/// The top bit of each byte of `v` equal to `c`, exactly.
fn bytes_equal(v: u64, c: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let y = v ^ (ONES * u64::from(c));
    !((((y & !HIGH) + !HIGH) | y) & HIGH) & HIGH
}

/// Whether the word starts with an upper-case letter.
pub(crate) fn is_capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `w` without a possessive `’s` / `'s` / trailing `’`.
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix("’S"))
        .unwrap_or(w)
}

/// Whether `w` is a possessive form.
pub(crate) fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_abbreviations_and_names_whole() {
        let t = "Mr. O’Malley, R-Pa., said U.S. G.K. Butterfield’s.";
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        let w: Vec<&str> = v.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            w,
            [
                "Mr.",
                "O’Malley",
                ",",
                "R-Pa.",
                ",",
                "said",
                "U.S.",
                "G.K.",
                "Butterfield’s",
                "."
            ]
        );
    }

    /// The tokenizer's rules read one character at a time, with nothing
    /// skipped or taken in bulk: what the fast paths must agree with.
    fn reference_tokens(text: &str, from: usize, to: usize) -> Vec<Tok> {
        let Some(s) = text.get(from..to) else {
            return Vec::new();
        };
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let at = |i: usize| chars.get(i).map(|&(_, c)| c);
        let offset = |i: usize| chars.get(i).map_or(s.len(), |&(o, _)| o);
        let mut out = Vec::new();
        let (mut i, mut newline) = (0, false);
        while let Some(c) = at(i) {
            if c.is_whitespace() {
                newline |= c == '\n' || c == '\r';
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            let mut hyphen = false;
            while c.is_alphanumeric() {
                let Some(d) = at(i) else { break };
                if d.is_alphanumeric() {
                    i += 1;
                    continue;
                }
                if !joiner(d) {
                    break;
                }
                let word = &s[offset(start)..offset(i)];
                let after = at(i + 1);
                let last_part = word.rsplit(['.', '-']).next().unwrap_or_default();
                let glued = d == '.'
                    && after.is_some_and(char::is_uppercase)
                    && last_part.chars().count() > 2;
                if after.is_some_and(char::is_alphanumeric) && !glued {
                    hyphen |= d == '-';
                    i += 1;
                    continue;
                }
                if d == '.' && is_abbreviation(word) {
                    i += 1;
                }
                break;
            }
            let (a, b) = (from + offset(start), from + offset(i));
            let word = &text[a..b];
            let pronoun = ["-il", "-elle", "-ils", "-elles"]
                .iter()
                .find(|p| word.ends_with(*p));
            match pronoun {
                Some(p) if hyphen && word.chars().next().is_some_and(char::is_lowercase) => {
                    let h = a + word.len() - p.len();
                    out.push(Tok {
                        start: a,
                        end: h,
                        word: true,
                        newline_before: newline,
                    });
                    out.push(Tok {
                        start: h + 1,
                        end: b,
                        word: true,
                        newline_before: false,
                    });
                }
                _ => out.push(Tok {
                    start: a,
                    end: b,
                    word: c.is_alphanumeric(),
                    newline_before: newline,
                }),
            }
            newline = false;
        }
        out
    }

    /// A text of `len` pieces drawn from words, joiners, marks, spaces,
    /// line breaks and other scripts, with long runs to cross the bulk
    /// steps.
    fn random_text(seed: &mut u64, len: usize) -> String {
        const PIECES: &[&str] = &[
            "the",
            "said",
            "a",
            "Mr",
            "Dr",
            "Sen",
            "U",
            "S",
            "K",
            "Wu",
            "co",
            "No",
            "x",
            "il",
            "elle",
            "ils",
            "elles",
            "dit",
            "t",
            "12",
            "3",
            "Z9",
            "abcdefghijklm",
            "ABCDEFGHIJ0123456789",
            "nopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop",
            " ",
            " ",
            " ",
            " ",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\x0b",
            "\x0c",
            "\u{a0}",
            "\u{85}",
            "\u{2028}",
            "\u{3000}",
            ".",
            ".",
            "'",
            "’",
            "-",
            "-",
            "‑",
            "&",
            ",",
            ";",
            ":",
            "\"",
            "“",
            "”",
            "(",
            ")",
            "_",
            "@",
            "/",
            "é",
            "É",
            "ß",
            "中文",
            "Ünal",
            "ça",
            "\u{1f600}",
            "\u{301}",
            "٣",
            "\x00",
            "\x7f",
        ];
        let mut next = || crate::testing::xorshift(seed);
        let mut t = String::new();
        for _ in 0..len {
            let r = next();
            let piece = PIECES[(r % PIECES.len() as u64) as usize];
            t.push_str(piece);
            // Plain words and spaces most of the time, as in news text.
            if r >> 40 & 3 != 0 {
                t.push_str(["the", "people", "x", "and"][(r >> 50 & 3) as usize]);
                t.push(' ');
            }
        }
        t
    }

    #[test]
    fn tokens_match_the_reference() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let mut tokens = Vec::new();
        for round in 0..4000 {
            let t = random_text(&mut seed, 1 + round % 90);
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let pick = |r: u64| cuts[(r % cuts.len() as u64) as usize];
            let (a, b) = (pick(seed), pick(seed >> 21));
            for (from, to) in [(0, t.len()), (a.min(b), a.max(b))] {
                tokenize(&t, from, to, &mut tokens);
                assert_eq!(tokens, reference_tokens(&t, from, to), "{:?}", &t[from..to]);
            }
        }
        let fixed = [
            "Mr. O’Malley, R-Pa., said U.S. G.K. Butterfield’s. said.Trump a-t-il",
            "abc.Def ab.Cd 3.5 cnn.com x.y.z. R-Ky. no-il Dit-elle e\u{301}t\u{e9}",
        ];
        for t in fixed {
            tokenize(t, 0, t.len(), &mut tokens);
            assert_eq!(tokens, reference_tokens(t, 0, t.len()), "{t:?}");
        }
    }

    #[test]
    fn alphanumeric_runs_are_counted_exactly() {
        for c in 0..=255u8 {
            for len in 0..20 {
                for at in 0..=len {
                    let mut b = vec![b'a'; len];
                    if at < len {
                        b[at] = c;
                    }
                    for from in 0..=len {
                        let expected = from
                            + b[from..]
                                .iter()
                                .take_while(|c| c.is_ascii_alphanumeric())
                                .count();
                        assert_eq!(
                            alphanumeric_run_end(&b, from),
                            expected,
                            "{c} at {at} of {len} from {from}"
                        );
                    }
                }
            }
        }
        assert_eq!(alphanumeric_run_end(b"Zz09AZaz@[`{/:", 0), 8);
        assert_eq!(alphanumeric_run_end(b"ab", 3), 3);
    }

    #[test]
    fn windows_match_tokenizing_the_window_alone() {
        // Cut words, a word glued to an opening mark, abbreviations losing
        // their dot, breaks before the window and French inversions.
        let texts = [
            "Mr. Li said'Go home' and\n\n\u{201c}We won,\u{201d} a-t-il dit.\r\nU.S. Sen. Wu",
            " \n said.Trump R-Ky. cnn.com 3.5 O\u{2019}Malley\u{2019}s \u{a0}dit-elle\n",
        ];
        for t in texts {
            let mut all = Vec::new();
            tokenize(t, 0, t.len(), &mut all);
            let mut windows = Windows::new(&all);
            let mut alone = Vec::new();
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for &from in &cuts {
                for &to in cuts.iter().filter(|&&to| to >= from) {
                    tokenize(t, from, to, &mut alone);
                    assert_eq!(windows.window(t, from, to), &alone[..], "{from}..{to}");
                }
            }
        }
    }

    /// Windows of random texts, which cut words, joiners and French
    /// inversions where the fixed texts above do not.
    #[test]
    fn windows_of_random_texts_match_tokenizing_the_window_alone() {
        let mut seed = 0x2545_f491_4f6c_dd1d;
        let (mut all, mut alone) = (Vec::new(), Vec::new());
        for round in 0..200 {
            let t = random_text(&mut seed, 1 + round % 30);
            tokenize(&t, 0, t.len(), &mut all);
            let mut windows = Windows::new(&all);
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for (k, &from) in cuts.iter().enumerate() {
                for &to in cuts.iter().skip(k).step_by(1 + round % 3) {
                    tokenize(&t, from, to, &mut alone);
                    assert_eq!(
                        windows.window(&t, from, to),
                        &alone[..],
                        "{:?}",
                        &t[from..to]
                    );
                }
            }
        }
    }

    #[test]
    fn words_are_counted_like_word_indices() {
        let count = |s: &str| crate::terms::word_indices(s).count();
        // Every string of up to five bytes from letters, digits, joiners,
        // spaces and `_`, and longer ones crossing the eight-byte steps.
        let alphabet = ["a", "Z", "1", ".", "'", ":", ",", ";", " ", "_", "-", "é"];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        texts.extend([
            "We can't go, and U.S. officials said 3,000.5 people left at 10:30 a.m. today."
                .to_string(),
            "abcdefg.hijklmn'opqrstu1234567,8901234;5678 x:y ".repeat(5),
            "1234567.8 abcdefg:h 1234567;8 abcdefg'h 1234567,a".to_string(),
        ]);
        for t in &texts {
            assert_eq!(count_words(t), count(t), "{t:?}");
        }
    }

    #[test]
    fn splits_french_inverted_pronouns() {
        let t = "a-t-il dit, ajoute-t-elle, dit-elle, Saint-Denis";
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        let w: Vec<&str> = v.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            w,
            [
                "a-t",
                "il",
                "dit",
                ",",
                "ajoute-t",
                "elle",
                ",",
                "dit",
                "elle",
                ",",
                "Saint-Denis"
            ]
        );
    }

    #[test]
    fn ascii_classes_agree_with_char() {
        for b in 0..128u8 {
            let c = char::from(b);
            let expected = if c == '\n' || c == '\r' {
                AsciiClass::LineBreak
            } else if c.is_whitespace() {
                AsciiClass::Space
            } else if c.is_alphanumeric() {
                AsciiClass::AlphaNumeric
            } else {
                AsciiClass::Other
            };
            assert_eq!(ASCII_CLASS[usize::from(b)], expected, "byte {b}");
        }
    }

    #[test]
    fn abbreviations_fit_the_length_limit() {
        for w in ABBREVIATIONS {
            assert!(w.len() <= ABBREVIATION_MAX_LEN, "{w}");
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["U.S", "R-Ky", "D-Calif", "É", "Z", "a.b.c.d", "Messrs"] {
            assert_eq!(is_abbreviation(w), w.len() <= 6, "{w}");
        }
        assert!(!is_abbreviation("said"));
        assert!(!is_abbreviation("Trump"));
    }

    #[test]
    fn control_and_vertical_space_bytes() {
        let t = "a\x0bb\x0c\x1fc\u{85}d\ne";
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        let w: Vec<(&str, bool)> = v
            .iter()
            .map(|k| (&t[k.start..k.end], k.newline_before))
            .collect();
        assert_eq!(
            w,
            [
                ("a", false),
                ("b", false),
                ("\x1f", false),
                ("c", false),
                ("d", false),
                ("e", true)
            ]
        );
    }

    #[test]
    fn word_sets_answer_like_their_lists() {
        static SET: WordSet = WordSet::union(ABBREVIATIONS, &["", "é", "Zürich", "a"]);
        let listed: Vec<&str> = ABBREVIATIONS
            .iter()
            .chain(&["", "é", "Zürich", "a"])
            .copied()
            .collect();
        let mut asked: Vec<String> = listed.iter().map(|w| w.to_string()).collect();
        for w in &listed {
            asked.push(w.to_lowercase());
            asked.push(w.to_uppercase());
            asked.push(format!("{w}s"));
            asked.push(format!("x{w}"));
            asked.extend(w.char_indices().map(|(i, _)| w[..i].to_string()));
        }
        asked.extend(["said", "the", "Mrx", "Zurich", "ée", "b", "\u{0}"].map(String::from));
        for w in &asked {
            assert_eq!(SET.contains(w), listed.contains(&w.as_str()), "{w:?}");
        }
        // Few words outside the list pass the shape test.
        let lookup = SET.lookup();
        let mut others = Vec::new();
        for first in b'a'..=b'z' {
            for last in b'a'..=b'z' {
                for len in 2..9 {
                    let mut w = vec![b'x'; len];
                    w[0] = first;
                    w[len - 1] = last;
                    others.push(w);
                }
            }
        }
        let passed = others
            .iter()
            .filter(|w| lookup.shapes.may_hold_word(w))
            .count();
        assert!(passed * 20 < others.len(), "{passed} of {}", others.len());
    }

    #[test]
    fn folded_shapes_keep_every_case_of_a_listed_word() {
        static WORDS: FoldedShapes = FoldedShapes::new(&[&["said", "hieß"], &["selon"]]);
        for w in [
            "said", "Said", "SAID", "sAiD", "hieß", "HIEß", "selon", "Selon",
        ] {
            assert!(WORDS.may_contain(w), "{w}");
        }
        for w in ["", "sad", "saidx", "xaid", "hie", "selo"] {
            assert!(!WORDS.may_contain(w), "{w}");
        }
    }
}
