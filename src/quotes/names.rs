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

/// The longest of [`CONNECTORS`], in bytes.
const CONNECTOR_MAX_LEN: usize = 3;

/// Whether `w` is one of [`CONNECTORS`]: asked about the word after
/// nearly every name, which is seldom that short.
fn is_connector(w: &str) -> bool {
    w.len() <= CONNECTOR_MAX_LEN && eq_any(w, CONNECTORS)
}

static TITLE_SET: WordSet = WordSet::new(TITLES);
static NOT_NAME_SET: WordSet = WordSet::union(NOT_NAME, ORG_TAIL);
static ORG_TAIL_SET: WordSet = WordSet::new(ORG_TAIL);
pub(crate) static LEADING_SET: WordSet = WordSet::new(LEADING);
static OBJECT_BEFORE_SET: WordSet = WordSet::new(OBJECT_BEFORE);

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

/// Whether the word can be part of a person's name run.
// Inlined: the name index asks about every word of the article, and most
// are turned away by their first letter.
#[inline]
fn name_word(w: &str) -> bool {
    is_capitalized(w) && !all_caps(strip_possessive(w)) && !NOT_NAME_SET.contains(w)
}

impl<'a> Names<'a> {
    /// Collects the names of `text`, whose tokens `toks` are, in one pass.
    /// `quoted` lists the byte ranges inside quotation marks, in order:
    /// names there are someone's words, not people the narrative is about.
    pub(crate) fn build(text: &'a str, toks: &[Tok], quoted: &[(usize, usize)]) -> Names<'a> {
        // Runs of name words (connectors allowed inside), as token ranges.
        // (first name token, end, gender from a title, first token with
        // the title).
        let mut runs: Vec<(usize, usize, Option<Gender>, usize)> = Vec::new();
        let mut i = 0;
        let bytes = text.as_bytes();
        // Most words start with a lower-case ASCII letter, which no name
        // does: they are turned away by their first byte in a tight loop,
        // before any slicing.
        let may_open_name = |t: &Tok| {
            t.word
                && !bytes
                    .get(t.start)
                    .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
        };
        while let Some(skip) = toks
            .get(i..)
            .and_then(|rest| rest.iter().position(may_open_name))
        {
            i += skip;
            let t = toks[i];
            let w = &text[t.start..t.end];
            if !name_word(w) {
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
            // A run that an organisation word ends (`Bayport Harbor
            // Authority`, `Coastal Cup`) is part of a name, not a person.
            if toks.get(j).is_some_and(|u| {
                u.word && !u.newline_before && ORG_TAIL_SET.contains(&text[u.start..u.end])
            }) {
                i = j + 1;
                continue;
            }
            // Strip sentence words and titles from the front; note gendered
            // titles.
            let mut s = i;
            let mut gender = None;
            while s < j {
                let w = &text[toks[s].start..toks[s].end];
                if LEADING_SET.contains(w) || TITLE_SET.contains(w) {
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
            i = j.max(i + 1);
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

        let mut occurrences = Vec::new();
        let mut gender = Map::default();
        let mut q = 0;
        let inside = |pos: usize, q: &mut usize| {
            while *q < quoted.len() && quoted[*q].1 <= pos {
                *q += 1;
            }
            quoted.get(*q).is_some_and(|&(a, _)| a <= pos)
        };
        for &(s, e, g, first) in &runs {
            let n = e - s;
            let last = toks[e - 1];
            let key = strip_possessive(&text[last.start..last.end]);
            let name = if (2..=4).contains(&n) || n == 1 {
                best.get(key).map(|&(_, a, b)| (a, b))
            } else {
                None
            };
            if let Some(name) = name {
                let before = first
                    .checked_sub(1)
                    .map(|i| &text[toks[i].start..toks[i].end]);
                let subject = !is_possessive(&text[last.start..last.end])
                    && before.is_none_or(|w| {
                        let verb = w.ends_with("ed") && w.chars().all(char::is_lowercase);
                        !(verb || OBJECT_BEFORE_SET.contains(w))
                    });
                let pos = toks[s].start;
                occurrences.push(Occurrence {
                    pos,
                    token: s,
                    name,
                    subject,
                    quoted: inside(pos, &mut q),
                });
                if let Some(g) = g {
                    gender.entry(name.0).or_insert(g);
                }
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
        if !o.subject || o.quoted {
            continue;
        }
        let until = occurrences.get(k + 1).map_or(toks.len(), |next| next.token);
        let Some(waiting) = toks.get(o.token..until) else {
            continue;
        };
        let mut sentence_ends = 0;
        for t in waiting {
            while q < quoted.len() && quoted[q].1 <= t.start {
                q += 1;
            }
            if quoted.get(q).is_some_and(|&(a, _)| a <= t.start) {
                continue;
            }
            // No sentence end or pronoun below is longer than four bytes.
            if t.end.saturating_sub(t.start) > 4 {
                continue;
            }
            // Compared as bytes, which is the same for these ASCII words
            // and spares checking the slice's character boundaries.
            let Some(w) = text.as_bytes().get(t.start..t.end) else {
                continue;
            };
            // Every sentence end and pronoun below starts with one of
            // these bytes: most short words are turned away before the
            // comparisons.
            if !w.first().is_some_and(|b| {
                matches!(
                    b,
                    b'.' | b'!' | b'?' | b'h' | b'H' | b'e' | b'E' | b'i' | b'I' | b's' | b'S'
                )
            }) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(CONNECTORS.iter().all(|c| c.len() <= CONNECTOR_MAX_LEN));
        assert!(is_connector("van") && !is_connector("Van") && !is_connector("vanity"));
    }
}
