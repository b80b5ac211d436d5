//! Languages: ISO 639-1 codes, Snowball stemmers, stop words and a cheap detector.
//!
//! Every language that `rust-stemmers` covers has a [`Lang`] variant. Text in
//! any other language is still split and scored; it just goes unstemmed and
//! keeps its stop words.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use rust_stemmers::Algorithm;

use crate::error::Error;
use crate::terms::{KeyMap, pack};

/// A language newsgist has stemmers and stop words for.
///
/// ```
/// use newsgist::Lang;
/// let de: Lang = "de".parse().unwrap();
/// assert_eq!(de, Lang::German);
/// assert_eq!(de.code(), "de");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Swedish.
    Swedish,
    /// Danish.
    Danish,
    /// Norwegian.
    Norwegian,
    /// Finnish.
    Finnish,
    /// Hungarian.
    Hungarian,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Turkish.
    Turkish,
    /// Greek.
    Greek,
    /// Arabic.
    Arabic,
    /// Tamil.
    Tamil,
}

impl Lang {
    /// Every supported language, English first.
    pub const ALL: [Lang; 18] = [
        Lang::English,
        Lang::German,
        Lang::French,
        Lang::Spanish,
        Lang::Italian,
        Lang::Portuguese,
        Lang::Dutch,
        Lang::Swedish,
        Lang::Danish,
        Lang::Norwegian,
        Lang::Finnish,
        Lang::Hungarian,
        Lang::Romanian,
        Lang::Russian,
        Lang::Turkish,
        Lang::Greek,
        Lang::Arabic,
        Lang::Tamil,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::German => "de",
            Lang::French => "fr",
            Lang::Spanish => "es",
            Lang::Italian => "it",
            Lang::Portuguese => "pt",
            Lang::Dutch => "nl",
            Lang::Swedish => "sv",
            Lang::Danish => "da",
            Lang::Norwegian => "no",
            Lang::Finnish => "fi",
            Lang::Hungarian => "hu",
            Lang::Romanian => "ro",
            Lang::Russian => "ru",
            Lang::Turkish => "tr",
            Lang::Greek => "el",
            Lang::Arabic => "ar",
            Lang::Tamil => "ta",
        }
    }

    /// Looks a language up by its ISO 639-1 code (case-insensitive; `nb` and
    /// `nn` are taken as Norwegian).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let code = match code.as_str() {
            "nb" | "nn" => "no",
            other => other,
        };
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The Snowball algorithm for this language.
    pub fn stemmer_algorithm(self) -> Algorithm {
        match self {
            Lang::English => Algorithm::English,
            Lang::German => Algorithm::German,
            Lang::French => Algorithm::French,
            Lang::Spanish => Algorithm::Spanish,
            Lang::Italian => Algorithm::Italian,
            Lang::Portuguese => Algorithm::Portuguese,
            Lang::Dutch => Algorithm::Dutch,
            Lang::Swedish => Algorithm::Swedish,
            Lang::Danish => Algorithm::Danish,
            Lang::Norwegian => Algorithm::Norwegian,
            Lang::Finnish => Algorithm::Finnish,
            Lang::Hungarian => Algorithm::Hungarian,
            Lang::Romanian => Algorithm::Romanian,
            Lang::Russian => Algorithm::Russian,
            Lang::Turkish => Algorithm::Turkish,
            Lang::Greek => Algorithm::Greek,
            Lang::Arabic => Algorithm::Arabic,
            Lang::Tamil => Algorithm::Tamil,
        }
    }

    /// Whether `word` (lower-case) is one of the language's stop words.
    ///
    /// ```
    /// use newsgist::Lang;
    /// assert!(Lang::English.is_stop_word("the"));
    /// assert!(!Lang::English.is_stop_word("budget"));
    /// ```
    pub fn is_stop_word(self, word: &str) -> bool {
        self.stop_words().contains(word)
    }

    /// The language's stop words (lower-case), built once per process.
    fn stop_words(self) -> &'static StopWords {
        static SETS: OnceLock<Vec<StopWords>> = OnceLock::new();
        let sets = SETS.get_or_init(|| {
            Lang::ALL
                .iter()
                .map(|l| {
                    let mut set: StopWords = stop_words::lookup(l.code())
                        .unwrap_or(&[])
                        .iter()
                        .copied()
                        .collect();
                    if *l == Lang::English {
                        // News text is full of these; they carry no topic.
                        set.extend(ENGLISH_NEWS_STOP_WORDS);
                    }
                    set
                })
                .collect()
        });
        &sets[self as usize]
    }

    /// Guesses the language of `text`, or `None` when unsure or when the
    /// text is in a language newsgist does not cover.
    ///
    /// Reads at most the first [`DETECT_BYTES`] bytes (cut on a char
    /// boundary), so the cost is bounded whatever the length. The guess comes
    /// from `whatlang`'s trigram models over all the languages it knows, so a
    /// Polish or Czech text is recognised as such (and gives `None`) instead
    /// of being forced onto the closest covered language. When `whatlang` is
    /// not confident (short texts, Danish against Norwegian), its guess is
    /// kept only if the covered language whose stop words make up the largest
    /// share of the text agrees.
    ///
    /// ```
    /// use newsgist::Lang;
    /// let text = "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, \
    ///             das die Mieten in den Städten begrenzen soll.";
    /// assert_eq!(Lang::detect(text), Some(Lang::German));
    /// let polish = "Rząd przyjął we wtorek projekt ustawy, który ma obniżyć \
    ///               ceny energii dla gospodarstw domowych.";
    /// assert_eq!(Lang::detect(polish), None);
    /// ```
    pub fn detect(text: &str) -> Option<Lang> {
        let mut end = text.len().min(DETECT_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let prefix = &text[..end];
        let tally = StopWordTally::of(prefix);
        if let Some(lang) = tally.landslide() {
            // Trigram scoring costs far more than summarizing; a text whose
            // stop words all but name one language does not need it.
            return Some(lang);
        }
        let info = whatlang::detect(prefix)?;
        let lang = Lang::from_whatlang(info.lang())?;
        if info.confidence() >= DETECT_CONFIDENCE || tally.winner() == Some(lang) {
            Some(lang)
        } else {
            None
        }
    }

    /// The covered language for a `whatlang` language, if any.
    fn from_whatlang(lang: whatlang::Lang) -> Option<Lang> {
        use whatlang::Lang as W;
        Some(match lang {
            W::Eng => Lang::English,
            W::Deu => Lang::German,
            W::Fra => Lang::French,
            W::Spa => Lang::Spanish,
            W::Ita => Lang::Italian,
            W::Por => Lang::Portuguese,
            W::Nld => Lang::Dutch,
            W::Swe => Lang::Swedish,
            W::Dan => Lang::Danish,
            W::Nob => Lang::Norwegian,
            W::Fin => Lang::Finnish,
            W::Hun => Lang::Hungarian,
            W::Ron => Lang::Romanian,
            W::Rus => Lang::Russian,
            W::Tur => Lang::Turkish,
            W::Ell => Lang::Greek,
            W::Ara => Lang::Arabic,
            W::Tam => Lang::Tamil,
            _ => return None,
        })
    }
}

/// How many bytes language detection reads: enough for a sure guess on
/// news text, few enough to cost little next to summarizing.
pub const DETECT_BYTES: usize = 2048;

/// The `whatlang` confidence above which its guess stands alone.
const DETECT_CONFIDENCE: f64 = 0.5;

/// How often each covered language's stop words occur among the first words
/// of a text.
struct StopWordTally {
    hits: [usize; 18],
    words: usize,
}

impl StopWordTally {
    fn of(text: &str) -> StopWordTally {
        let index = stop_word_index();
        let mut tally = StopWordTally {
            hits: [0; 18],
            words: 0,
        };
        let mut lower = String::new();
        for (_, word) in crate::terms::word_indices(text).take(DETECT_WORDS) {
            tally.words += 1;
            // A short ASCII word is lower-cased in its packed key; any
            // other word as a string.
            let mut mask = match pack(word) {
                Some(key) if word.is_ascii() => index.short.get(key.ascii_lowercase()).unwrap_or(0),
                _ => {
                    lower.clear();
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                    index.get(&lower)
                }
            };
            while mask != 0 {
                let lang = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if let Some(hit) = tally.hits.get_mut(lang) {
                    *hit += 1;
                }
            }
            // A vote already won by a landslide is not read on: most texts
            // are decided well before `DETECT_WORDS`.
            if tally.words.is_multiple_of(LANDSLIDE_CHECK) && tally.landslide().is_some() {
                break;
            }
        }
        tally
    }

    /// The languages with the most and the second most hits.
    fn top_two(&self) -> ((usize, usize), usize) {
        let mut best = (0, 0);
        let mut second = 0;
        for (i, &count) in self.hits.iter().enumerate() {
            if count > best.1 {
                second = best.1;
                best = (i, count);
            } else if count > second {
                second = count;
            }
        }
        (best, second)
    }

    /// The covered language whose stop words make up the largest share of
    /// the words; `None` when no language clearly wins.
    fn winner(&self) -> Option<Lang> {
        let ((best, count), _) = self.top_two();
        // A tenth of running text is stop words in every covered language;
        // below that the vote is noise.
        (self.words >= 3 && count > 0 && count * 10 >= self.words).then(|| Lang::ALL[best])
    }

    /// The winner, when the vote leaves no doubt: a long enough text, a
    /// quarter or more of it one language's stop words, and three times as
    /// many as any other language's.
    fn landslide(&self) -> Option<Lang> {
        let ((best, count), second) = self.top_two();
        (self.words >= 60 && count * 4 >= self.words && count >= 3 * second)
            .then(|| Lang::ALL[best])
    }
}

type StopWords = HashSet<&'static str, foldhash::fast::RandomState>;

/// How many words the stop-word vote reads at most.
const DETECT_WORDS: usize = 150;

/// Every how many words the vote is checked for a landslide.
const LANDSLIDE_CHECK: usize = 30;

/// Every stop word of every language, mapped to the set of languages (one bit
/// each, in [`Lang::ALL`] order) that list it, so detection is one look-up a
/// word. Words of up to 15 bytes are keyed by their packed bytes, which
/// hash and compare without reading a string.
struct StopWordIndex {
    short: KeyMap,
    long: HashMap<&'static str, u32, foldhash::fast::RandomState>,
}

impl StopWordIndex {
    /// The languages listing `word`, which is lower-case (none: 0).
    fn get(&self, word: &str) -> u32 {
        match pack(word) {
            Some(key) => self.short.get(key),
            None => self.long.get(word).copied(),
        }
        .unwrap_or(0)
    }
}

fn stop_word_index() -> &'static StopWordIndex {
    static INDEX: OnceLock<StopWordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut short = KeyMap::default();
        let mut long: HashMap<&'static str, u32, foldhash::fast::RandomState> = HashMap::default();
        for (i, lang) in Lang::ALL.iter().enumerate() {
            for word in lang.stop_words() {
                match pack(word) {
                    Some(key) => short.insert(key, short.get(key).unwrap_or(0) | 1 << i),
                    None => *long.entry(*word).or_insert(0) |= 1 << i,
                }
            }
        }
        StopWordIndex { short, long }
    })
}

/// Reporting verbs and news filler that the generic stop-word list lacks.
const ENGLISH_NEWS_STOP_WORDS: [&str; 12] = [
    "said", "says", "say", "told", "also", "would", "could", "one", "two", "year", "mr", "ms",
];

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert!(!lang.stop_words().is_empty(), "{lang} has no stop words");
        }
        assert_eq!(Lang::from_code("NB"), Some(Lang::Norwegian));
        assert!("xx".parse::<Lang>().is_err());
    }

    #[test]
    fn detects_common_languages() {
        let en = "The government said on Tuesday that it would not raise taxes this year.";
        let fr =
            "Le gouvernement a annoncé mardi qu'il ne va pas augmenter les impôts cette année.";
        let es = "El gobierno dijo el martes que no subirá los impuestos este año en el país.";
        assert_eq!(Lang::detect(en), Some(Lang::English));
        assert_eq!(Lang::detect(fr), Some(Lang::French));
        assert_eq!(Lang::detect(es), Some(Lang::Spanish));
        assert_eq!(Lang::detect("12 34"), None);
    }

    #[test]
    fn the_vote_stops_at_a_landslide() {
        let en = "The council said on Monday that it would open the new bridge to \
                  traffic in the spring, and that the work on the old one was over. ";
        let de = "Der Rat sagte am Montag, dass er die neue Brücke im Frühjahr für \
                  den Verkehr öffnen werde und dass die Arbeit an der alten vorbei sei. ";
        // Sixty words of English, then German: the English landslide in
        // the first sixty words decides, and the rest is not read.
        let mixed = format!("{}{}", en.repeat(3), de.repeat(10));
        let first_sixty = StopWordTally::of(&mixed);
        assert_eq!(first_sixty.words, 60);
        assert_eq!(first_sixty.landslide(), Some(Lang::English));
        assert_eq!(Lang::detect(&mixed), Some(Lang::English));
        // German shares stop words with Dutch and Danish: no landslide, so
        // the vote reads to the end and the trigrams decide.
        let german = de.repeat(10);
        assert_eq!(StopWordTally::of(&german).words, DETECT_WORDS);
        assert_eq!(Lang::detect(&german), Some(Lang::German));
    }

    #[test]
    fn key_table_agrees_with_a_map() {
        // Every stop word, then random words over a small alphabet (so that
        // many are stop words or near misses), of lengths around the packing
        // limit.
        let mut map: HashMap<&str, u32> = HashMap::new();
        for (i, lang) in Lang::ALL.iter().enumerate() {
            for word in lang.stop_words() {
                *map.entry(word).or_insert(0) |= 1 << i;
            }
        }
        let index = stop_word_index();
        for (word, &set) in &map {
            assert_eq!(index.get(word), set, "{word:?}");
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || crate::testing::xorshift(&mut state);
        let alphabet: Vec<char> = "aeinorstdhlué ".chars().collect();
        for _ in 0..200_000 {
            let len = (next() % 18) as usize;
            let word: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let want = map.get(word.as_str()).copied().unwrap_or(0);
            assert_eq!(index.get(&word), want, "{word:?}");
        }
    }
}
