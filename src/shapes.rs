//! A quick "surely not in the list" test for word lists that are asked
//! about nearly every word: the shapes of the listed words.

/// A set of `(length, first byte, last byte)` shapes, one bit each, with
/// lengths above 15 read as 15 and bytes cut to their low five bits (a
/// letter's place in the alphabet, whatever its ASCII case).
///
/// Most words asked about are in no list, and one bit test turns nearly all
/// of them away before any hashing or comparing. A clear bit is certain; a
/// set one only says to look further. Equal words but for ASCII case have
/// the same shape.
///
/// ```ignore
/// let shapes = WordShapes::of(["said", "Dr"].iter().map(|w| w.as_bytes()));
/// assert!(shapes.may_hold_word(b"SAID") && !shapes.may_hold_word(b"sad"));
/// ```
#[derive(Debug, Clone)]
pub(crate) struct WordShapes([u64; 256]);

impl WordShapes {
    /// The shapes of `words`.
    pub(crate) fn of<'w>(words: impl Iterator<Item = &'w [u8]>) -> WordShapes {
        let mut shapes = WordShapes([0; 256]);
        for word in words {
            let bit = WordShapes::bit_of(word);
            shapes.0[bit / 64] |= 1 << (bit % 64);
        }
        shapes
    }

    /// The bit of `word`; the empty word has one of its own.
    fn bit_of(word: &[u8]) -> usize {
        let edge = |b: Option<&u8>| b.copied().unwrap_or(0);
        WordShapes::bit(word.len(), edge(word.first()), edge(word.last()))
    }

    fn bit(len: usize, first: u8, last: u8) -> usize {
        (len.min(15) << 10) | (usize::from(first & 0x1F) << 5) | usize::from(last & 0x1F)
    }

    /// Whether a word of `len` bytes that starts with `first` and ends with
    /// `last` may be in the set.
    pub(crate) fn may_hold(&self, len: usize, first: u8, last: u8) -> bool {
        let bit = WordShapes::bit(len, first, last);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// [`WordShapes::may_hold`] for the word `w`.
    pub(crate) fn may_hold_word(&self, w: &[u8]) -> bool {
        let bit = WordShapes::bit_of(w);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_keep_every_case_of_a_word_and_turn_most_others_away() {
        let shapes = WordShapes::of(["said", "hieß", "Dr"].iter().map(|w| w.as_bytes()));
        for w in ["said", "Said", "SAID", "sAiD", "hieß", "HIEß", "dr", "DR"] {
            assert!(shapes.may_hold_word(w.as_bytes()), "{w}");
        }
        for w in ["", "sad", "saidx", "xaid", "hie", "d"] {
            assert!(!shapes.may_hold_word(w.as_bytes()), "{w}");
        }
        let with_empty = WordShapes::of(["", "a"].iter().map(|w| w.as_bytes()));
        assert!(with_empty.may_hold_word(b"") && with_empty.may_hold_word(b"A"));
    }
}
