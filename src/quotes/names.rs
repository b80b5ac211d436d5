//! The people named in an article: the fullest form of each name, and where
//! names occur (for resolving `he`/`she`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::tok::{Tok, WordSet, is_capitalized, is_possessive, strip_possessive};

/// Words that introduce a name but are not part of it.
const TITLES: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Lt.",
    "Col.",
    "Sgt.",
    "Rev.",
    "Prof.",
    "Pres.",
    "Sec.",
    "Amb.",
    "Capt.",
    "Adm.",
    "Hon.",
    "Maj.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "President",
    "Senator",
    "Sens.",
    "Reps.",
    "Representative",
    "Governor",
    "Secretary",
    "Mayor",
    "Judge",
    "Justice",
    "Chancellor",
    "Minister",
    "Prime",
    "Pope",
    "Speaker",
    "Chairman",
    "Chairwoman",
    "Chief",
    "Executive",
    "Director",
    "Leader",
    "Attorney",
    "General",
    "Vice",
    "Former",
    "Candidate",
    "Nominee",
    "Commissioner",
    "Ambassador",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Father",
    "Sister",
    "Brother",
    "Rabbi",
    "Imam",
    "Bishop",
    "Cardinal",
    "Archbishop",
    "Detective",
    "Officer",
    "Sheriff",
    "Police",
    "Coach",
    "Congressman",
    "Congresswoman",
    "Councilman",
    "Councilwoman",
    "Assemblyman",
    "Assemblywoman",
    "Democrat",
    "Republican",
    "Democratic",
    "GOP",
    "U.S.",
    "Labor",
    "Labour",
    "Deputy",
    "Majority",
    "Minority",
    "House",
    "Senate",
    "State",
    "Press",
    "CEO",
    "Founder",
    "Host",
    "Anchor",
    "Spokesman",
    "Spokeswoman",
    "Assistant",
    "Associate",
    "Acting",
    "Special",
    // French and German forms of address and office.
    "M.",
    "Mme",
    "Mme.",
    "Mlle",
    "Me",
    "Herr",
    "Frau",
    "Bürgermeister",
    "Bürgermeisterin",
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Fraktionschef",
    "Fraktionschefin",
    "Sprecher",
    "Sprecherin",
    "Ministerpräsident",
    "Ministerpräsidentin",
    "Bundeskanzler",
    "Bundeskanzlerin",
];

/// Capitalised words that are never part of a person's name (with every
/// word of [`ORG_TAIL`]).
const NOT_NAME: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Street",
    "News",
    "Post",
    "Times",
    "Congress",
    "Campaign",
    "County",
    "City",
    "States",
    "National",
    "Network",
    "Center",
    "Centre",
    "Service",
    "Church",
    "School",
    "Hall",
    "Square",
    "Journal",
    "Magazine",
    "Press",
    "Radio",
    "TV",
    "Television",
    "Fox",
    "CNN",
    "Twitter",
    "Facebook",
    "Administration",
    "Federal",
    "American",
    "Americans",
    "Washington",
    "America",
    "White",
    "Capitol",
    "Republicans",
    "Democrats",
    "Global",
    "Cloud",
    "Holding",
    "Holdings",
    "Government",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Times",
    "Daily",
    "Weekly",
    "Review",
    "Tribune",
    "Herald",
    "Globe",
    "Reuters",
    "Today",
    "Avenue",
    "Road",
    "River",
    "Island",
    "Islands",
    "Convention",
    "Conference",
    "Summit",
    "Caucus",
    "Primary",
    "Debate",
    "Act",
    "Bill",
    "Law",
    "Program",
    "Project",
    "Initiative",
    "Movement",
    "Nation",
    "Nations",
    "United",
    "Kingdom",
    "Republic",
    "Federation",
    "Supreme",
    "Security",
    "Intelligence",
    "Defense",
    "Defence",
    "Justice",
    "Treasury",
    "Media",
    "Online",
    // Place-name parts (`South Carolina`, `Las Vegas`, `New York`).
    "North",
    "South",
    "East",
    "West",
    "New",
    "Los",
    "Las",
    "San",
    "Santa",
    "Fort",
    "Lake",
    "Mount",
    "Port",
    "Gulf",
    "Middle",
    "Central",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
];

/// Capitalised words that end an organisation's or an event's name: the
/// capitalised words before them name no person.
const ORG_TAIL: &[&str] = &[
    "Authority",
    "Authorities",
    "Cup",
    "League",
    "Transit",
    "Trust",
    "Systems",
    "Partners",
    "Airlines",
    "Airways",
    "Railways",
    "Ltd",
    "Ltd.",
    "LLC",
    "Inc.",
    "Corp.",
    "Corporation",
    "Industries",
    "Organization",
    "Organisation",
    "Alliance",
    "Coalition",
    "Party",
    "Committee",
    "Department",
    "University",
    "College",
    "Council",
    "Association",
    "Company",
    "Group",
    "Foundation",
    "Institute",
    "Agency",
    "Bureau",
    "Office",
    "Union",
    "Club",
    "Hospital",
    "Bank",
    "Fund",
    "Board",
    "Commission",
    "Ministry",
    "Court",
    "Airport",
    "Station",
];

const CONNECTORS: &[&str] = &[
    "de", "da", "di", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "del",
    "dos", "du",
];

const SUFFIXES: &[&str] = &["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"];

/// Sentence-initial words that capitalisation would otherwise pull into a name.
pub(crate) const LEADING: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Then",
    "In",
    "On",
    "At",
    "For",
    "If",
    "When",
    "While",
    "As",
    "After",
    "Before",
    "Since",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "Also",
    "Still",
    "Now",
    "Meanwhile",
    "According",
    "Asked",
    "However",
    "Although",
    "Though",
    "Because",
    "Even",
    "With",
    "Without",
    "From",
    "To",
    "By",
    "Of",
    "Like",
    "Unlike",
    "Under",
    "Over",
    "During",
    "Only",
    "Not",
    "No",
    "Yes",
    "Why",
    "What",
    "Who",
    "How",
    "Where",
    "Some",
    "Many",
    "Most",
    "Both",
    "All",
    "Every",
    "Each",
    "Last",
    "Next",
    "Here",
    "There",
    "Later",
    "Earlier",
    "Instead",
    "Indeed",
    "Thus",
    "Moreover",
    "Nor",
    "Until",
    "Once",
    "Whether",
    "My",
    "Your",
    "Dear",
    "Let",
    "Said",
    "Says",
    "Told",
    "Sources",
    "Former",
    "Then-",
    "Today",
    "Tonight",
    "Yesterday",
];

/// Words right before a name that make it an object rather than the subject
/// of its clause (`accused Tom Li`, `met with Ana Ruiz`).
const OBJECT_BEFORE: &[&str] = &[
    "to",
    "by",
    "with",
    "of",
    "for",
    "about",
    "against",
    "than",
    "from",
    "at",
    "in",
    "into",
    "on",
    "like",
    "between",
    "toward",
    "towards",
    "over",
    "under",
    "among",
    "told",
    "asked",
    "met",
    "thanked",
    "called",
    "accused",
    "praised",
    "criticized",
    "criticised",
    "blamed",
    "joined",
    "defeated",
    "beat",
    "named",
    "appointed",
    "versus",
    "vs.",
    "whom",
    "the",
    "a",
    "an",
];

/// A person's gender when the text reveals it (titles `Mr.`, `Ms.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// A name occurrence: where it is and which full name it stands for.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    pos: usize,
    /// The index of the name's first token (the one at `pos`).
    token: usize,
    name: (usize, usize),
    /// The name plausibly opens its clause as its subject (not after a
    /// preposition or a verb, not a possessive).
    subject: bool,
    /// The name sits inside quotation marks (someone else's words).
    quoted: bool,
}

/// The name maps hash short strings and offsets: SipHash's resistance to
/// chosen collisions buys nothing here and cost several times as much.
type Map<K, V> = HashMap<K, V, FixedState>;

/// Person names in one article.
pub(crate) struct Names<'a> {
    text: &'a str,
    /// For each name token, the fullest name containing it: (token count,
    /// start, end), first occurrence winning ties.
    best: Map<&'a str, (usize, usize, usize)>,
    occurrences: Vec<Occurrence>,
    /// Gender per full name (by its start), from titles and pronouns; filled
    /// further while quotes are attributed (`Li said … she said`).
    gender: RefCell<Map<usize, Gender>>,
    /// Fuzzy comparisons left for this article, so that many unknown
    /// mentions against many names stay linear.
    fuzzy_budget: Cell<usize>,
}

/// Fuzzy name comparisons allowed per article.
const FUZZY_BUDGET: usize = 100_000;

/// The Jaro-Winkler similarity from which a name is a spelling variant.
const FUZZY_SIMILARITY: f64 = 0.92;

/// How often each character occurs in a word, characters bucketed by
/// their low seven bits (ASCII letters each in a bucket of their own).
///
/// Jaro matches only equal characters, so the characters two words share
/// bound its similarity: most pairs of names share too few to come near a
/// spelling variant, and are set aside without the quadratic comparison.
struct CharCounts([u8; 128]);

impl CharCounts {
    /// The counts of `w`, if no count can pass 255 (at most 255 bytes).
    fn of(w: &str) -> Option<CharCounts> {
        if w.len() > usize::from(u8::MAX) {
            return None;
        }
        let mut counts = [0u8; 128];
        for c in w.chars() {
            counts[bucket(c)] += 1;
        }
        Some(CharCounts(counts))
    }

    /// At least how many characters of `w` Jaro may match in the counted
    /// word: bucketing only merges characters, which can only raise it.
    fn shared(&self, w: &str) -> usize {
        let mut left = self.0;
        let mut shared = 0;
        for c in w.chars() {
            let n = &mut left[bucket(c)];
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
        shared
    }
}

fn bucket(c: char) -> usize {
    (u32::from(c) & 0x7f) as usize
}

/// Whether two words of `a` and `b` characters, Jaro matching at most
/// `shared` characters, may be [`FUZZY_SIMILARITY`] alike.
///
/// Jaro is `(m / a + m / b + (m - t) / m) / 3` with `m` matches, so at most
/// `(shared / a + shared / b + 1) / 3`; the Winkler prefix bonus closes at
/// most 0.4 of the gap to 1. The small margin keeps rounding from turning
/// away a pair right at the threshold.
fn jaro_winkler_may_reach(shared: usize, a: usize, b: usize) -> bool {
    if a == 0 || b == 0 {
        return true;
    }
    let shared = shared as f64;
    let jaro = (shared / a as f64 + shared / b as f64 + 1.0) / 3.0;
    0.6 * jaro + 0.4 >= FUZZY_SIMILARITY - 1e-6
}

fn eq_any(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
}

/// The longest of [`CONNECTORS`] and [`SUFFIXES`], in bytes.
const CONNECTOR_MAX_LEN: usize = 3;

pub(crate) static LEADING_SET: WordSet = WordSet::new(LEADING);

/// The bits of [`Lists::flags`]: which of this module's word lists hold a
/// word.
mod list {
    pub(super) const TITLE: u8 = 1;
    /// In [`NOT_NAME`](super::NOT_NAME) or [`ORG_TAIL`](super::ORG_TAIL).
    pub(super) const NOT_NAME: u8 = 1 << 1;
    pub(super) const ORG_TAIL: u8 = 1 << 2;
    pub(super) const LEADING: u8 = 1 << 3;
    pub(super) const OBJECT_BEFORE: u8 = 1 << 4;
    pub(super) const CONNECTOR: u8 = 1 << 5;
    pub(super) const SUFFIX: u8 = 1 << 6;
}

/// Every word of this module's lists, with the lists it is in.
///
/// The name index asks several lists about each capitalised word of an
/// article (is it a name word, a title, a sentence word, does it end an
/// organisation): one probe answers them all, where a hashed set per list
/// hashed the word once per list.
static LISTS: Lists = Lists::new(LIST_BITS);

/// Each list of this module with its bit in [`Lists::flags`].
const LIST_BITS: &[(&[&str], u8)] = &[
    (TITLES, list::TITLE),
    (NOT_NAME, list::NOT_NAME),
    (ORG_TAIL, list::NOT_NAME | list::ORG_TAIL),
    (LEADING, list::LEADING),
    (OBJECT_BEFORE, list::OBJECT_BEFORE),
    (CONNECTORS, list::CONNECTOR),
    (SUFFIXES, list::SUFFIX),
];

/// How many words [`LISTS`] may hold (those listed twice counted twice).
const LISTED: usize = TITLES.len()
    + NOT_NAME.len()
    + ORG_TAIL.len()
    + LEADING.len()
    + OBJECT_BEFORE.len()
    + CONNECTORS.len()
    + SUFFIXES.len();

/// The bits of a slot number in [`Lists`]: at most a quarter of the slots
/// are taken, so most words in no list are turned away at their first
/// slot.
const SLOT_BITS: u32 = 11;
const SLOTS: usize = 1 << SLOT_BITS;
const _: () = assert!(4 * LISTED <= SLOTS && LISTED < u16::MAX as usize);

/// A hash table of words built at compile time (open addressing, linear
/// probing), so that a look-up neither checks for lazy initialisation nor
/// runs a general-purpose hasher over the word.
struct Lists {
    /// One more than an index into `words`; zero for a free slot.
    slots: [u16; SLOTS],
    /// Each word once, with the bits of the lists holding it.
    words: [(&'static str, u8); LISTED],
}

impl Lists {
    const fn new(lists: &[(&[&'static str], u8)]) -> Lists {
        let mut t = Lists {
            slots: [0; SLOTS],
            words: [("", 0); LISTED],
        };
        let mut held = 0;
        let mut l = 0;
        while l < lists.len() {
            let (words, flags) = lists[l];
            let mut k = 0;
            while k < words.len() {
                let w = words[k];
                let mut i = slot(w.as_bytes());
                loop {
                    let at = t.slots[i] as usize;
                    if at == 0 {
                        t.words[held] = (w, flags);
                        held += 1;
                        t.slots[i] = held as u16;
                        break;
                    }
                    if bytes_eq(t.words[at - 1].0.as_bytes(), w.as_bytes()) {
                        t.words[at - 1].1 |= flags;
                        break;
                    }
                    i = (i + 1) % SLOTS;
                }
                k += 1;
            }
            l += 1;
        }
        t
    }

    /// The bits of the lists holding `w` (as it stands: lists differ in
    /// case from each other, `Me` and `me`).
    #[inline]
    fn flags(&self, w: &str) -> u8 {
        let mut i = slot(w.as_bytes());
        // A free slot always ends the probe; the bound only keeps a
        // mistaken table from looping.
        for _ in 0..SLOTS {
            let at = self.slots.get(i).map_or(0, |&at| usize::from(at));
            let Some(&(word, flags)) = at.checked_sub(1).and_then(|k| self.words.get(k)) else {
                return 0;
            };
            if word == w {
                return flags;
            }
            i = (i + 1) % SLOTS;
        }
        0
    }
}

/// The first slot probed for `w`: a hash of its length and its first and
/// last two bytes, which tell the listed words apart well enough and cost
/// no loop over the word.
#[inline]
const fn slot(w: &[u8]) -> usize {
    let n = w.len();
    if n == 0 {
        return 0;
    }
    let second = if n > 1 { w[1] } else { w[0] };
    let penult = if n > 1 { w[n - 2] } else { w[0] };
    let x = (w[0] as u32) | (second as u32) << 8 | (penult as u32) << 16 | (w[n - 1] as u32) << 24;
    ((x ^ n as u32).wrapping_mul(0x9E37_79B1) >> (32 - SLOT_BITS)) as usize
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `w` is an all-capitals word (a headline word or an acronym).
fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 1 && !w.contains('.')
}

/// Whether `w` without its possessive ending is [`all_caps`].
#[inline]
fn shouts(w: &str) -> bool {
    // Most names have a lower-case ASCII letter right after the capital,
    // which settles it: stripping the possessive keeps the second byte
    // unless that byte is the apostrophe's (or the word is just `'s`,
    // which has no letter left).
    !w.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) && shouts_slowly(w)
}

/// [`shouts`] for the words its shortcut leaves: a call of its own keeps
/// the common case small enough to inline.
#[inline(never)]
fn shouts_slowly(w: &str) -> bool {
    all_caps(strip_possessive(w))
}

/// The word of token `t` and its list bits, if the word can be part of a
/// person's name run: capitalised, not all capitals, and in neither
/// [`NOT_NAME`] nor [`ORG_TAIL`].
// Inlined: the name index asks about nearly every word of the article, and
// most are turned away by their first letter.
#[inline]
fn name_token<'t>(text: &'t str, t: &Tok) -> Option<(&'t str, u8)> {
    // Most words start with a lower-case ASCII letter: turned away before
    // the word is even sliced out.
    if !text
        .as_bytes()
        .get(t.start)
        .is_some_and(|&b| MAY_OPEN[usize::from(b)])
    {
        return None;
    }
    capital_name_token(text, t)
}

/// [`name_token`] for a token whose first byte is in [`MAY_OPEN`].
// Not inlined: the callers' loops stay small for the many tokens turned
// away before it.
#[inline(never)]
fn capital_name_token<'t>(text: &'t str, t: &Tok) -> Option<(&'t str, u8)> {
    let w = &text[t.start..t.end];
    // An upper-case ASCII letter opens most words here, and settles
    // `is_capitalized` without a call.
    let capital = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) || is_capitalized(w);
    if !capital || shouts(w) {
        return None;
    }
    let flags = LISTS.flags(w);
    (flags & list::NOT_NAME == 0).then_some((w, flags))
}

/// The index of the first token from `i` on that may open a name: a word
/// that does not start with a lower-case ASCII letter.
///
/// Most words do, and are turned away by their first byte alone, in a
/// tight loop before any slicing.
// Not inlined: on its own the loop keeps everything in registers, where
// inside the name scanner it reloaded spilled values for every token.
#[inline(never)]
fn next_capital(toks: &[Tok], bytes: &[u8], i: usize) -> Option<usize> {
    let rest = toks.get(i..)?;
    let k = rest.iter().position(|t| {
        bytes
            .get(t.start)
            .is_some_and(|&b| MAY_OPEN[usize::from(b)])
            && t.word
    })?;
    Some(i + k)
}

/// The first bytes of a word that may open a name: no lower-case ASCII
/// letter (nor other ASCII, which starts no word that is capitalised).
static MAY_OPEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || (b as u8).is_ascii_uppercase();
        b += 1;
    }
    table
};

/// A run of name words (connectors allowed inside).
struct Run<'a> {
    /// The first token after the sentence words and titles in front.
    s: usize,
    /// The end of the run's tokens.
    e: usize,
    /// From the last gendered title in front.
    gender: Option<Gender>,
    /// The first token, with the titles: the word before it tells whether
    /// the name is the subject of its clause.
    first: usize,
    /// The last word without its possessive ending: the one that names the
    /// person.
    key: &'a str,
    /// The last word is possessive.
    possessive: bool,
}

/// Words put in a map, in a filter of 1,024 bits by their [`slot`]: a
/// clear bit is certain absence.
#[derive(Default)]
struct Seen([u64; 16]);

impl Seen {
    fn bit(w: &str) -> (usize, u64) {
        let b = slot(w.as_bytes()) % 1024;
        (b / 64, 1 << (b % 64))
    }

    fn insert(&mut self, w: &str) {
        let (k, bit) = Seen::bit(w);
        self.0[k] |= bit;
    }

    fn may_hold(&self, w: &str) -> bool {
        let (k, bit) = Seen::bit(w);
        self.0[k] & bit != 0
    }
}

/// The front of a name run being stripped of sentence words and titles.
struct Front {
    /// The first token not stripped so far.
    s: usize,
    /// From the last gendered title stripped.
    gender: Option<Gender>,
    /// A word that is not stripped has been met: nothing after it is.
    done: bool,
}

impl Front {
    /// Takes in token `k` of the run, the word `w` whose list bits are
    /// `flags`.
    #[inline]
    fn take(&mut self, k: usize, w: &str, flags: u8) {
        if self.done {
            return;
        }
        if flags & (list::LEADING | list::TITLE) == 0 {
            self.done = true;
            return;
        }
        self.strip(k, w);
    }

    /// Strips token `k`, the sentence word or title `w`.
    // Not inlined: most runs strip nothing, and their scan stays small.
    #[inline(never)]
    fn strip(&mut self, k: usize, w: &str) {
        match w {
            "Mr." | "Mr" | "M." | "Herr" => self.gender = Some(Gender::Male),
            "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Mme" | "Mme." | "Mlle" | "Frau" => {
                self.gender = Some(Gender::Female)
            }
            _ => {}
        }
        self.s = k + 1;
    }
}

impl<'a> Names<'a> {
    /// Collects the names of `text`, whose tokens `toks` are, in one pass.
    /// `quoted` lists the byte ranges inside quotation marks, in order:
    /// names there are someone's words, not people the narrative is about.
    // Not inlined into its one caller: it runs once an article, and stays
    // apart in profiles.
    #[inline(never)]
    pub(crate) fn build(text: &'a str, toks: &[Tok], quoted: &[(usize, usize)]) -> Names<'a> {
        // News text has about a run of capitalised words in sixteen tokens
        // (starting sentences, naming people and places): room enough that
        // the list is seldom copied as it grows.
        let mut runs: Vec<Run<'a>> = Vec::with_capacity(toks.len() / 16);
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(at) = next_capital(toks, bytes, i) {
            i = at;
            let Some((w, flags)) = capital_name_token(text, &toks[i]) else {
                i += 1;
                continue;
            };
            // Sentence words and titles are stripped from the front as the
            // run grows (noting gendered titles), with the lists' bits
            // already at hand.
            let mut front = Front {
                s: i,
                gender: None,
                done: false,
            };
            front.take(i, w, flags);
            let mut last = w;
            let mut j = i + 1;
            let mut ends_possessive = is_possessive(w);
            while j < toks.len() && !ends_possessive {
                let u = &toks[j];
                if !u.word || u.newline_before {
                    break;
                }
                let (uw, flags) = match name_token(text, u) {
                    Some(word) => word,
                    // Every connector is short and lower-case, and only
                    // counts before a name word: most words after a name
                    // are turned away before the list is asked.
                    None if u.end.saturating_sub(u.start) <= CONNECTOR_MAX_LEN
                        && toks
                            .get(j + 1)
                            .is_some_and(|n| n.word && name_token(text, n).is_some()) =>
                    {
                        let uw = &text[u.start..u.end];
                        let flags = LISTS.flags(uw);
                        if flags & list::CONNECTOR == 0 {
                            break;
                        }
                        (uw, flags)
                    }
                    None => break,
                };
                front.take(j, uw, flags);
                last = uw;
                ends_possessive = is_possessive(uw);
                j += 1;
            }
            // A run that an organisation word ends (`Bayport Harbor
            // Authority`, `Coastal Cup`) is part of a name, not a person.
            // Every such word starts with an upper-case ASCII letter.
            if toks.get(j).is_some_and(|u| {
                u.word
                    && !u.newline_before
                    && bytes.get(u.start).is_some_and(u8::is_ascii_uppercase)
                    && LISTS.flags(&text[u.start..u.end]) & list::ORG_TAIL != 0
            }) {
                i = j + 1;
                continue;
            }
            if front.s < j {
                runs.push(Run {
                    s: front.s,
                    e: j,
                    gender: front.gender,
                    first: i,
                    key: if ends_possessive {
                        strip_possessive(last)
                    } else {
                        last
                    },
                    possessive: ends_possessive,
                });
            }
            i = j;
        }

        let mut best: Map<&'a str, (usize, usize, usize)> = Map::default();
        let mut in_best = Seen::default();
        for run in &runs {
            let n = run.e - run.s;
            if !(2..=4).contains(&n) {
                continue;
            }
            let Some(last) = toks.get(run.e - 1) else {
                continue;
            };
            let start = toks[run.s].start;
            let end = last.start + run.key.len();
            // Only the last word of a run may be possessive.
            let words = toks[run.s..run.e - 1]
                .iter()
                .map(|t| &text[t.start..t.end])
                .chain([run.key]);
            for w in words {
                if w.len() <= CONNECTOR_MAX_LEN
                    && LISTS.flags(w) & (list::CONNECTOR | list::SUFFIX) != 0
                {
                    continue;
                }
                in_best.insert(w);
                let slot = best.entry(w).or_insert((n, start, end));
                if n > slot.0 {
                    *slot = (n, start, end);
                }
            }
        }

        let mut occurrences = Vec::with_capacity(runs.len());
        let mut gender = Map::default();
        let mut q = 0;
        let inside = |pos: usize, q: &mut usize| {
            while *q < quoted.len() && quoted[*q].1 <= pos {
                *q += 1;
            }
            quoted.get(*q).is_some_and(|&(a, _)| a <= pos)
        };
        for run in &runs {
            let n = run.e - run.s;
            // Most single words (`Obama`, `London`) are in no longer name:
            // the filter tells before the map is hashed.
            if n > 4 || n == 1 && !in_best.may_hold(run.key) {
                continue;
            }
            let Some(&(_, a, b)) = best.get(run.key) else {
                continue;
            };
            let name = (a, b);
            let before = run
                .first
                .checked_sub(1)
                .map(|i| &text[toks[i].start..toks[i].end]);
            let subject = !run.possessive
                && before.is_none_or(|w| {
                    let verb = w.ends_with("ed") && w.chars().all(char::is_lowercase);
                    !(verb || LISTS.flags(w) & list::OBJECT_BEFORE != 0)
                });
            let pos = toks[run.s].start;
            occurrences.push(Occurrence {
                pos,
                token: run.s,
                name,
                subject,
                quoted: inside(pos, &mut q),
            });
            if let Some(g) = run.gender {
                gender.entry(name.0).or_insert(g);
            }
        }
        learn_from_pronouns(text, toks, &occurrences, quoted, &mut gender);
        Names {
            text,
            best,
            occurrences,
            gender: RefCell::new(gender),
            fuzzy_budget: Cell::new(FUZZY_BUDGET),
        }
    }

    /// The fullest name for a mention such as `Wu`, `Mr. Wu` or `Eddie Wu`.
    pub(crate) fn resolve(&self, start: usize, end: usize) -> Option<&'a str> {
        let mention = self.text.get(start..end)?;
        let key = mention
            .split_whitespace()
            .rev()
            .map(strip_possessive)
            .find(|w| !eq_any(w, SUFFIXES))?;
        if let Some(&(_, a, b)) = self.best.get(key) {
            return self.text.get(a..b);
        }
        // Spelling variants (Yongming / Yong-ming), within the budget.
        let budget = self.fuzzy_budget.get();
        let key_chars = key.chars().count();
        if self.best.len() <= budget && key_chars >= 4 {
            self.fuzzy_budget.set(budget - self.best.len());
            let key_letters = CharCounts::of(key);
            let mut found: Option<(f64, usize, usize)> = None;
            for (k, &(_, a, b)) in &self.best {
                // Jaro-Winkler stays under 0.9 when one name has fewer
                // than half the other's characters (at most `min / max`
                // of each is matched, and the prefix bonus closes at most
                // 0.4 of the gap to 1): no need to compare.
                let k_chars = k.chars().count();
                if 2 * k_chars.min(key_chars) < k_chars.max(key_chars) {
                    continue;
                }
                if let Some(letters) = &key_letters
                    && !jaro_winkler_may_reach(letters.shared(k), k_chars, key_chars)
                {
                    continue;
                }
                let sim = strsim::jaro_winkler(k, key);
                if sim >= FUZZY_SIMILARITY && found.is_none_or(|f| sim > f.0) {
                    found = Some((sim, a, b));
                }
            }
            if let Some((_, a, b)) = found {
                return self.text.get(a..b);
            }
        }
        None
    }

    /// The gender the text gives the person named at `start`, if any.
    pub(crate) fn gender_of(&self, name_start: usize) -> Option<Gender> {
        self.gender.borrow().get(&name_start).copied()
    }

    /// Records that `name` (a full name returned by this index) was referred
    /// to as `g`, unless the text already said otherwise.
    pub(crate) fn learn(&self, name: &str, g: Gender) {
        let start = (name.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        if start < self.text.len() {
            self.gender.borrow_mut().entry(start).or_insert(g);
        }
    }

    /// The most recent person named before `pos` whose gender does not
    /// contradict `want`.
    pub(crate) fn recent_person(&self, pos: usize, want: Option<Gender>) -> Option<&'a str> {
        self.recent(pos, want, |_| true)
    }

    /// The most recent person named outside quotation marks as a clause's
    /// subject before `pos`, whose gender does not contradict `want`: whom
    /// a `he`/`she` most likely points back to.
    pub(crate) fn recent_subject(&self, pos: usize, want: Option<Gender>) -> Option<&'a str> {
        self.recent(pos, want, |o| o.subject && !o.quoted)
    }

    fn recent(
        &self,
        pos: usize,
        want: Option<Gender>,
        keep: impl Fn(&Occurrence) -> bool,
    ) -> Option<&'a str> {
        let hi = self.occurrences.partition_point(|o| o.pos < pos);
        let lo = hi.saturating_sub(30);
        self.occurrences[lo..hi]
            .iter()
            .rev()
            .find(|o| {
                keep(o)
                    && want.is_none_or(|g| self.gender_of(o.name.0).is_none_or(|h| h == g))
                    && self.text[o.name.0..o.name.1].contains(' ')
            })
            .and_then(|o| self.text.get(o.name.0..o.name.1))
    }
}

/// Gender from the narrative: a `he`/`she`/`his`/`her` (or `er`/`sie`,
/// `il`/`elle`) outside quotes in the same or the next sentence after a
/// subject name, before any other name, is that person's.
///
/// Only the tokens from a subject name up to the next name can tell, so
/// only those are read: most tokens of an article come with no name
/// waiting for a pronoun.
fn learn_from_pronouns(
    text: &str,
    toks: &[Tok],
    occurrences: &[Occurrence],
    quoted: &[(usize, usize)],
    gender: &mut Map<usize, Gender>,
) {
    let mut q = 0;
    for (k, o) in occurrences.iter().enumerate() {
        // A pronoun can only confirm what a title or an earlier pronoun
        // already told.
        if !o.subject || o.quoted || gender.contains_key(&o.name.0) {
            continue;
        }
        let until = occurrences.get(k + 1).map_or(toks.len(), |next| next.token);
        let Some(waiting) = toks.get(o.token..until) else {
            continue;
        };
        let mut sentence_ends = 0;
        for t in waiting {
            // No sentence end or pronoun below is longer than four bytes.
            if t.end.saturating_sub(t.start) > 4 {
                continue;
            }
            // Compared as bytes, which is the same for these ASCII words
            // and spares checking the slice's character boundaries.
            let Some(w) = text.as_bytes().get(t.start..t.end) else {
                continue;
            };
            // Most short words are turned away by their first byte before
            // the comparisons.
            if !w.first().is_some_and(|&b| MAY_TELL[usize::from(b)]) {
                continue;
            }
            // Asked only of the few tokens left: the cursor moves forward
            // as far as for every token, just in fewer steps.
            while q < quoted.len() && quoted[q].1 <= t.start {
                q += 1;
            }
            if quoted.get(q).is_some_and(|&(a, _)| a <= t.start) {
                continue;
            }
            if matches!(w, b"." | b"!" | b"?") {
                sentence_ends += 1;
                if sentence_ends > 1 {
                    break;
                }
                continue;
            }
            let g = match w {
                b"he" | b"He" | b"his" | b"His" | b"him" | b"er" | b"Er" | b"il" | b"Il" => {
                    Gender::Male
                }
                b"she" | b"She" | b"her" | b"Her" | b"elle" | b"Elle" => Gender::Female,
                _ => continue,
            };
            gender.entry(o.name.0).or_insert(g);
            break;
        }
    }
}

/// The first bytes of the sentence ends and pronouns that
/// [`learn_from_pronouns`] looks for.
static MAY_TELL: [bool; 256] = {
    let mut table = [false; 256];
    let firsts = b".!?hHeEiIsS";
    let mut k = 0;
    while k < firsts.len() {
        table[firsts[k] as usize] = true;
        k += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The name index as first written, one list comparison at a time:
    /// what [`Names::build`]'s shortcuts must agree with.
    mod simple {
        use super::super::*;

        pub(super) fn name_word(w: &str) -> bool {
            is_capitalized(w)
                && !all_caps(strip_possessive(w))
                && !eq_any(w, NOT_NAME)
                && !eq_any(w, ORG_TAIL)
        }

        fn is_connector(w: &str) -> bool {
            eq_any(w, CONNECTORS)
        }

        /// The fullest name per word, the occurrences and the genders.
        pub(super) type Index<'a> = (
            Map<&'a str, (usize, usize, usize)>,
            Vec<Occurrence>,
            Map<usize, Gender>,
        );

        pub(super) fn build<'a>(
            text: &'a str,
            toks: &[Tok],
            quoted: &[(usize, usize)],
        ) -> Index<'a> {
            let mut runs: Vec<(usize, usize, Option<Gender>, usize)> = Vec::new();
            let mut i = 0;
            while i < toks.len() {
                let t = toks[i];
                let w = &text[t.start..t.end];
                if !t.word || !name_word(w) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                let mut ends_possessive = is_possessive(w);
                while j < toks.len() && !ends_possessive {
                    let u = toks[j];
                    let uw = &text[u.start..u.end];
                    if !u.word || u.newline_before {
                        break;
                    }
                    if name_word(uw)
                        || (is_connector(uw)
                            && toks
                                .get(j + 1)
                                .is_some_and(|n| n.word && name_word(&text[n.start..n.end])))
                    {
                        ends_possessive = is_possessive(uw);
                        j += 1;
                    } else {
                        break;
                    }
                }
                if toks.get(j).is_some_and(|u| {
                    u.word && !u.newline_before && eq_any(&text[u.start..u.end], ORG_TAIL)
                }) {
                    i = j + 1;
                    continue;
                }
                let mut s = i;
                let mut gender = None;
                while s < j {
                    let w = &text[toks[s].start..toks[s].end];
                    if eq_any(w, LEADING) || eq_any(w, TITLES) {
                        match w {
                            "Mr." | "Mr" | "M." | "Herr" => gender = Some(Gender::Male),
                            "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Mme" | "Mme." | "Mlle"
                            | "Frau" => gender = Some(Gender::Female),
                            _ => {}
                        }
                        s += 1;
                    } else {
                        break;
                    }
                }
                if s < j {
                    runs.push((s, j, gender, i));
                }
                i = j;
            }

            let mut best: Map<&'a str, (usize, usize, usize)> = Map::default();
            for &(s, e, _, _) in &runs {
                let n = e - s;
                if !(2..=4).contains(&n) {
                    continue;
                }
                let start = toks[s].start;
                let last = toks[e - 1];
                let end = last.start + strip_possessive(&text[last.start..last.end]).len();
                for t in &toks[s..e] {
                    let w = strip_possessive(&text[t.start..t.end]);
                    if is_connector(w) || eq_any(w, SUFFIXES) {
                        continue;
                    }
                    let slot = best.entry(w).or_insert((n, start, end));
                    if n > slot.0 {
                        *slot = (n, start, end);
                    }
                }
            }

            let inside = |pos: usize| quoted.iter().any(|&(a, b)| a <= pos && pos < b);
            let mut occurrences = Vec::new();
            let mut gender = Map::default();
            for &(s, e, g, first) in &runs {
                let n = e - s;
                let last = toks[e - 1];
                let key = strip_possessive(&text[last.start..last.end]);
                let name = if n <= 4 {
                    best.get(key).map(|&(_, a, b)| (a, b))
                } else {
                    None
                };
                let Some(name) = name else {
                    continue;
                };
                let before = first
                    .checked_sub(1)
                    .map(|i| &text[toks[i].start..toks[i].end]);
                let subject = !is_possessive(&text[last.start..last.end])
                    && before.is_none_or(|w| {
                        let verb = w.ends_with("ed") && w.chars().all(char::is_lowercase);
                        !(verb || eq_any(w, OBJECT_BEFORE))
                    });
                let pos = toks[s].start;
                occurrences.push(Occurrence {
                    pos,
                    token: s,
                    name,
                    subject,
                    quoted: inside(pos),
                });
                if let Some(g) = g {
                    gender.entry(name.0).or_insert(g);
                }
            }

            for (k, o) in occurrences.iter().enumerate() {
                if !o.subject || o.quoted {
                    continue;
                }
                let until = occurrences.get(k + 1).map_or(toks.len(), |next| next.token);
                let mut sentence_ends = 0;
                for t in &toks[o.token..until] {
                    if inside(t.start) {
                        continue;
                    }
                    let g = match &text[t.start..t.end] {
                        "." | "!" | "?" => {
                            sentence_ends += 1;
                            if sentence_ends > 1 {
                                break;
                            }
                            continue;
                        }
                        "he" | "He" | "his" | "His" | "him" | "er" | "Er" | "il" | "Il" => {
                            Gender::Male
                        }
                        "she" | "She" | "her" | "Her" | "elle" | "Elle" => Gender::Female,
                        _ => continue,
                    };
                    gender.entry(o.name.0).or_insert(g);
                    break;
                }
            }
            (best, occurrences, gender)
        }
    }

    use crate::testing::Rng;

    /// Words of every kind the name index tells apart.
    const MIXED: &[&str] = &[
        "Ana",
        "Ruiz",
        "Wu",
        "Li",
        "O’Malley",
        "O'Brien",
        "McDonald",
        "Émile",
        "Łukasz",
        "Ørsted",
        "Ñico",
        "Zoë",
        "ÉCOLE",
        "NASA",
        "U.S.",
        "G.K.",
        "A.",
        "J",
        "Xi",
        "IV",
        "Jr.",
        "Sr",
        "de",
        "van",
        "al",
        "la",
        "du",
        "Van",
        "De",
        "said",
        "says",
        "the",
        "met",
        "praised",
        "accused",
        "with",
        "to",
        "vs.",
        "ed",
        "he",
        "she",
        "her",
        "his",
        "He",
        "She",
        "elle",
        "il",
        "er",
        "Me",
        "me",
        "i",
        "I",
        "É",
        "ÉÉ",
        "Ébert’s",
        "’s",
        "'s",
        "s",
        "a",
        "an",
        "and",
        "was",
        "rained",
        "Smith's",
        "Smith’s",
        "SMITH’S",
        "Wu’S",
        "Li'S",
        "MacKenzie",
        "iPhone",
        "eBay",
        "123",
        "2024",
        "x",
        "Ab.",
        "AB.",
        "ÀB",
        "Àb",
        "ǅemal",
        "ǈ",
        "Σίσυφος",
        "ΣΊΣΥΦΟΣ",
        "Москва",
        "МОСКВА",
        "東京",
    ];

    const PUNCT: &[&str] = &[
        ".", ",", "!", "?", ";", ":", " “", "” ", " \"", "\" ", "—", " - ", "\n", "\n\n", "(", ")",
    ];

    /// A random text of name runs, list words and punctuation.
    fn random_text(rng: &mut Rng) -> String {
        let lists: &[&[&str]] = &[
            TITLES,
            NOT_NAME,
            ORG_TAIL,
            CONNECTORS,
            SUFFIXES,
            LEADING,
            OBJECT_BEFORE,
            MIXED,
            MIXED,
            MIXED,
        ];
        let mut t = String::new();
        for _ in 0..rng.below(400) {
            if rng.below(5) == 0 {
                t.push_str(rng.pick(PUNCT));
            } else {
                if !t.is_empty() && !t.ends_with(char::is_whitespace) {
                    t.push(' ');
                }
                let list = lists[rng.below(lists.len())];
                let w = rng.pick(list);
                match rng.below(12) {
                    0 => t.push_str(&w.to_uppercase()),
                    1 => t.push_str(&w.to_lowercase()),
                    2 => {
                        t.push_str(w);
                        t.push_str(rng.pick(&["'s", "’s", "’S", "’", "'"]));
                    }
                    _ => t.push_str(w),
                }
            }
        }
        t
    }

    /// Random spans of `t` (at character boundaries, in order).
    fn random_quoted(rng: &mut Rng, t: &str) -> Vec<(usize, usize)> {
        let mut cuts: Vec<usize> = (0..rng.below(8))
            .map(|_| rng.below(t.len() + 1))
            .filter(|&c| t.is_char_boundary(c))
            .collect();
        cuts.sort_unstable();
        cuts.chunks_exact(2).map(|c| (c[0], c[1])).collect()
    }

    #[test]
    fn agrees_with_the_simple_index_on_random_texts() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut toks = Vec::new();
        let (mut occurrences, mut genders) = (0, 0);
        for _ in 0..3000 {
            let t = random_text(&mut rng);
            let quoted = random_quoted(&mut rng, &t);
            super::super::tok::tokenize(&t, 0, t.len(), &mut toks);
            let fast = Names::build(&t, &toks, &quoted);
            let (best, occ, gender) = simple::build(&t, &toks, &quoted);
            assert_eq!(fast.best, best, "{t:?}");
            let key = |o: &Occurrence| (o.pos, o.token, o.name, o.subject, o.quoted);
            assert_eq!(
                fast.occurrences.iter().map(key).collect::<Vec<_>>(),
                occ.iter().map(key).collect::<Vec<_>>(),
                "{t:?} {quoted:?}"
            );
            assert_eq!(*fast.gender.borrow(), gender, "{t:?} {quoted:?}");
            occurrences += occ.len();
            genders += gender.len();
        }
        // The texts exercise what they are meant to.
        assert!(
            occurrences > 10_000 && genders > 1_000,
            "{occurrences} {genders}"
        );
    }

    #[test]
    fn one_probe_answers_every_list() {
        let lists = LIST_BITS;
        let expected = |w: &str| {
            lists
                .iter()
                .filter(|(words, _)| eq_any(w, words))
                .fold(0, |f, &(_, bit)| f | bit)
        };
        let mut words: Vec<String> = Vec::new();
        for w in lists
            .iter()
            .flat_map(|(words, _)| words.iter())
            .chain(MIXED)
        {
            words.push(w.to_string());
            words.push(w.to_lowercase());
            words.push(w.to_uppercase());
            words.push(format!("{w}s"));
            words.push(format!("x{w}"));
            words.extend(w.char_indices().map(|(k, _)| w[..k].to_string()));
        }
        for w in &words {
            assert_eq!(LISTS.flags(w), expected(w), "{w:?}");
        }
        assert!(words.iter().filter(|w| LISTS.flags(w) != 0).count() > 500);
    }

    #[test]
    fn the_pronoun_walk_keeps_every_word_it_looks_for() {
        let words = [
            ".", "!", "?", "he", "He", "his", "His", "him", "er", "Er", "il", "Il", "she", "She",
            "her", "Her", "elle", "Elle",
        ];
        assert!(words.iter().all(|w| MAY_TELL[usize::from(w.as_bytes()[0])]));
        assert!(!MAY_TELL[usize::from(b'a')] && !MAY_TELL[usize::from(b'T')]);
    }

    #[test]
    fn the_filter_keeps_every_word_put_in() {
        let mut seen = Seen::default();
        let words: Vec<&str> = MIXED.iter().chain(TITLES).copied().collect();
        for w in &words {
            seen.insert(w);
        }
        assert!(words.iter().all(|w| seen.may_hold(w)));
        // And turns most others away.
        let others = NOT_NAME.iter().filter(|w| !seen.may_hold(w)).count();
        assert!(others * 2 > NOT_NAME.len(), "{others}");
    }

    #[test]
    fn shouting_is_all_caps_without_the_possessive() {
        let mut rng = Rng(7);
        for w in MIXED.iter().chain(TITLES).chain(NOT_NAME) {
            for end in ["", "'s", "’s", "’S", "'S", "’"] {
                for w in [w.to_string(), w.to_uppercase(), w.to_lowercase()] {
                    let w = format!("{w}{end}");
                    assert_eq!(shouts(&w), simple_shouts(&w), "{w:?}");
                    assert_eq!(name_word(&w), simple::name_word(&w), "{w:?}");
                }
            }
        }
        for _ in 0..20_000 {
            let w: String = (0..rng.below(6))
                .map(|_| rng.pick(&["A", "b", "'", "’", "s", "S", ".", "É", "é", "1"]))
                .collect();
            assert_eq!(shouts(&w), simple_shouts(&w), "{w:?}");
            assert_eq!(name_word(&w), simple::name_word(&w), "{w:?}");
        }
    }

    fn name_word(w: &str) -> bool {
        let t = Tok {
            start: 0,
            end: w.len(),
            word: true,
            newline_before: false,
        };
        let found = name_token(w, &t);
        if let Some((word, flags)) = found {
            assert_eq!((word, flags), (w, LISTS.flags(w)));
        }
        found.is_some()
    }

    fn simple_shouts(w: &str) -> bool {
        all_caps(strip_possessive(w))
    }

    fn build<'a>(t: &'a str, quoted: &[(usize, usize)]) -> Names<'a> {
        let mut toks = Vec::new();
        super::super::tok::tokenize(t, 0, t.len(), &mut toks);
        Names::build(t, &toks, quoted)
    }

    #[test]
    fn shared_characters_never_turn_away_a_variant() {
        let words = [
            "Yongming",
            "Yong-ming",
            "Mohammed",
            "Muhammad",
            "Mohamed",
            "Johnson",
            "Jonson",
            "Smith",
            "Smyth",
            "Schmidt",
            "Zürich",
            "Zurich",
            "Müller",
            "Mueller",
            "Aaaaaaaa",
            "Aaaaaaab",
            "Abcdefgh",
            "Hgfedcba",
            "Ostrow",
            "Ostrov",
            "Ivanova",
            "Ivanov",
            "Katherine",
            "Catherine",
            "Kathryn",
            "Dubois",
            "Duboise",
            "Ab",
            "Ba",
        ];
        let mut reached = 0;
        for a in words {
            let counts = CharCounts::of(a).unwrap();
            for b in words {
                let (na, nb) = (a.chars().count(), b.chars().count());
                let shared = counts.shared(b);
                assert_eq!(shared, CharCounts::of(b).unwrap().shared(a), "{a} {b}");
                if strsim::jaro_winkler(b, a) >= FUZZY_SIMILARITY {
                    reached += 1;
                    assert!(jaro_winkler_may_reach(shared, nb, na), "{a} {b}");
                }
            }
        }
        assert!(reached > words.len(), "{reached}");
        // Names without much in common are set aside.
        let counts = CharCounts::of("Johnson").unwrap();
        assert!(!jaro_winkler_may_reach(counts.shared("Smith"), 5, 7));
        assert!(CharCounts::of(&"a".repeat(256)).is_none());
    }

    #[test]
    fn resolves_to_the_fullest_name() {
        let t = "Eddie Wu Yongming spoke on Monday. Later Mr. Wu left. Wu laughed.";
        let n = build(t, &[]);
        let p = t.find("Wu left").unwrap();
        assert_eq!(n.resolve(p, p + 2), Some("Eddie Wu Yongming"));
        let p = t.find("Mr. Wu").unwrap();
        assert_eq!(n.resolve(p, p + 6), Some("Eddie Wu Yongming"));
    }

    #[test]
    fn strips_titles_and_sentence_words() {
        let t = "But Sen. Elena Marsh said so. President Tom Okafor agreed.";
        let n = build(t, &[]);
        assert_eq!(n.resolve(0, 0), None);
        let p = t.find("Marsh").unwrap();
        assert_eq!(n.resolve(p, p + 5), Some("Elena Marsh"));
        let p = t.find("Okafor").unwrap();
        assert_eq!(n.resolve(p, p + 6), Some("Tom Okafor"));
    }

    #[test]
    fn recent_person_respects_titles() {
        let t = "Ms. Rita Vance met Mr. Paul Ostrow. She said";
        let n = build(t, &[]);
        let p = t.find("She").unwrap();
        assert_eq!(n.recent_person(p, None), Some("Paul Ostrow"));
        assert_eq!(n.recent_person(p, Some(Gender::Female)), Some("Rita Vance"));
    }

    #[test]
    fn recent_subject_skips_objects_quotes_and_other_genders() {
        let t = "Nora Quill spoke first and she was brief. Then Victor Hale praised \
                 Ida Brun. “I thank Carl Mott,” he said.";
        let open = t.find('“').unwrap();
        let close = t.find('”').unwrap();
        let n = build(t, &[(open + 3, close)]);
        let p = t.find("he said").unwrap();
        // Ida Brun is an object, Carl Mott is quoted.
        assert_eq!(n.recent_subject(p, Some(Gender::Male)), Some("Victor Hale"));
        // Nora Quill is a she: with no other subject she is skipped for `he`.
        let t = "Nora Quill spoke and she left. “Fine,” he said.";
        let n = build(t, &[]);
        let p = t.find("he said").unwrap();
        assert_eq!(n.recent_subject(p, Some(Gender::Male)), None);
        assert_eq!(
            n.recent_subject(p, Some(Gender::Female)),
            Some("Nora Quill")
        );
    }

    #[test]
    fn learns_gender_from_attributions_and_french_titles() {
        let t = "Mme Claire Dubois et M. Paul Girard. Ana Ruiz spoke.";
        let n = build(t, &[]);
        let p = t.len();
        assert_eq!(n.recent_person(p, Some(Gender::Male)), Some("Ana Ruiz"));
        n.learn(n.recent_person(p, None).unwrap(), Gender::Female);
        assert_eq!(n.recent_person(p, Some(Gender::Male)), Some("Paul Girard"));
        assert_eq!(n.recent_person(p, Some(Gender::Female)), Some("Ana Ruiz"));
    }

    #[test]
    fn pronoun_gender_stays_with_the_nearest_subject() {
        // `she` comes after Ida Brun was named: she is Ida Brun, and Nora
        // Quill, named before, stays unknown.
        // The male subject named before Omar Vell, with `quoted` spans.
        let male_subject_before_omar = |t: &str, quoted: &[(usize, usize)]| {
            let at_omar = t.find("Omar").unwrap();
            build(t, quoted)
                .recent_subject(at_omar, Some(Gender::Male))
                .map(str::to_string)
        };
        let t = "Nora Quill arrived. Ida Brun spoke and she left. Omar Vell waved.";
        let end = t.len();
        assert_eq!(
            build(t, &[]).recent_person(end, Some(Gender::Male)),
            Some("Omar Vell")
        );
        assert_eq!(
            male_subject_before_omar(t, &[]).as_deref(),
            Some("Nora Quill")
        );
        // Two sentence ends later a pronoun says nothing about the name.
        let t = "Nora Quill arrived. It rained. Then she left. Omar Vell waved.";
        assert_eq!(
            male_subject_before_omar(t, &[]).as_deref(),
            Some("Nora Quill")
        );
        // Within the next sentence it does, and a quoted pronoun does not.
        let t = "Nora Quill arrived. Then she left. Omar Vell waved.";
        assert_eq!(male_subject_before_omar(t, &[]), None);
        let t = "Nora Quill arrived. “Then she left.” Omar Vell waved.";
        let open = t.find('“').unwrap() + '“'.len_utf8();
        let close = t.find('”').unwrap();
        assert_eq!(
            male_subject_before_omar(t, &[(open, close)]).as_deref(),
            Some("Nora Quill")
        );
    }

    #[test]
    fn connectors_are_short() {
        assert!(
            CONNECTORS
                .iter()
                .chain(SUFFIXES)
                .all(|c| c.len() <= CONNECTOR_MAX_LEN)
        );
        let connector = |w| LISTS.flags(w) & list::CONNECTOR != 0;
        assert!(connector("van") && !connector("Van") && !connector("vanity"));
        // The run scanner asks about organisation words only when they
        // start so.
        assert!(
            ORG_TAIL
                .iter()
                .all(|w| w.as_bytes()[0].is_ascii_uppercase())
        );
    }
}
