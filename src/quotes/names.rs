//! The people named in an article: the fullest form of each name, and where
//! names occur (for resolving `he`/`she`).

use std::cell::Cell;
use std::collections::HashMap;

use super::tok::{Tok, is_capitalized, is_possessive, strip_possessive, tokenize};

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
];

/// Capitalised words that are never part of a person's name.
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
    "Party",
    "Committee",
    "Department",
    "University",
    "College",
    "Street",
    "News",
    "Post",
    "Times",
    "Court",
    "Congress",
    "Council",
    "Association",
    "Inc.",
    "Corp.",
    "Company",
    "Group",
    "Foundation",
    "Campaign",
    "County",
    "City",
    "States",
    "National",
    "Network",
    "Institute",
    "Center",
    "Centre",
    "Agency",
    "Bureau",
    "Office",
    "Service",
    "Union",
    "Club",
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
    "Airport",
    "Station",
    "Hospital",
    "Bank",
    "Fund",
    "Board",
    "Commission",
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
    "Group",
    "Holding",
    "Holdings",
    "Ministry",
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
    name: (usize, usize),
}

/// Person names in one article.
pub(crate) struct Names<'a> {
    text: &'a str,
    /// For each name token, the fullest name containing it: (token count,
    /// start, end), first occurrence winning ties.
    best: HashMap<&'a str, (usize, usize, usize)>,
    occurrences: Vec<Occurrence>,
    gender: HashMap<usize, Gender>,
    /// Fuzzy comparisons left for this article, so that many unknown
    /// mentions against many names stay linear.
    fuzzy_budget: Cell<usize>,
}

/// Fuzzy name comparisons allowed per article.
const FUZZY_BUDGET: usize = 100_000;

fn eq_any(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
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

/// Whether the word can be part of a person's name run.
fn name_word(w: &str) -> bool {
    is_capitalized(w) && !all_caps(strip_possessive(w)) && !eq_any(w, NOT_NAME)
}

impl<'a> Names<'a> {
    /// Collects the names of `text` in one pass.
    pub(crate) fn build(text: &'a str) -> Names<'a> {
        let mut toks: Vec<Tok> = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        // Runs of name words (connectors allowed inside), as token ranges.
        let mut runs: Vec<(usize, usize, Option<Gender>)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let w = &text[t.start..t.end];
            if !(t.word && name_word(w)) {
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
                    || (eq_any(uw, CONNECTORS)
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
            // Strip sentence words and titles from the front; note gendered
            // titles.
            let mut s = i;
            let mut gender = None;
            while s < j {
                let w = &text[toks[s].start..toks[s].end];
                if eq_any(w, LEADING) || eq_any(w, TITLES) {
                    match w {
                        "Mr." | "Mr" => gender = Some(Gender::Male),
                        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => gender = Some(Gender::Female),
                        _ => {}
                    }
                    s += 1;
                } else {
                    break;
                }
            }
            if s < j {
                runs.push((s, j, gender));
            }
            i = j.max(i + 1);
        }

        let mut best: HashMap<&'a str, (usize, usize, usize)> = HashMap::new();
        for &(s, e, _) in &runs {
            let n = e - s;
            if !(2..=4).contains(&n) {
                continue;
            }
            let start = toks[s].start;
            let last = toks[e - 1];
            let end = last.start + strip_possessive(&text[last.start..last.end]).len();
            for t in &toks[s..e] {
                let w = strip_possessive(&text[t.start..t.end]);
                if eq_any(w, CONNECTORS) || eq_any(w, SUFFIXES) {
                    continue;
                }
                let slot = best.entry(w).or_insert((n, start, end));
                if n > slot.0 {
                    *slot = (n, start, end);
                }
            }
        }

        let mut occurrences = Vec::new();
        let mut gender = HashMap::new();
        for &(s, e, g) in &runs {
            let n = e - s;
            let last = toks[e - 1];
            let key = strip_possessive(&text[last.start..last.end]);
            let name = if (2..=4).contains(&n) || n == 1 {
                best.get(key).map(|&(_, a, b)| (a, b))
            } else {
                None
            };
            if let Some(name) = name {
                occurrences.push(Occurrence {
                    pos: toks[s].start,
                    name,
                });
                if let Some(g) = g {
                    gender.entry(name.0).or_insert(g);
                }
            }
        }
        Names {
            text,
            best,
            occurrences,
            gender,
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
        if self.best.len() <= budget && key.chars().count() >= 4 {
            self.fuzzy_budget.set(budget - self.best.len());
            let mut found: Option<(f64, usize, usize)> = None;
            for (k, &(_, a, b)) in &self.best {
                let sim = strsim::jaro_winkler(k, key);
                if sim >= 0.92 && found.is_none_or(|f| sim > f.0) {
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
        self.gender.get(&name_start).copied()
    }

    /// The most recent person named before `pos` whose gender does not
    /// contradict `want`.
    pub(crate) fn recent_person(&self, pos: usize, want: Option<Gender>) -> Option<&'a str> {
        let hi = self.occurrences.partition_point(|o| o.pos < pos);
        let lo = hi.saturating_sub(30);
        self.occurrences[lo..hi]
            .iter()
            .rev()
            .find(|o| {
                want.is_none_or(|g| self.gender_of(o.name.0).is_none_or(|h| h == g))
                    && self.text[o.name.0..o.name.1].contains(' ')
            })
            .and_then(|o| self.text.get(o.name.0..o.name.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_to_the_fullest_name() {
        let t = "Eddie Wu Yongming spoke on Monday. Later Mr. Wu left. Wu laughed.";
        let n = Names::build(t);
        let p = t.find("Wu left").unwrap();
        assert_eq!(n.resolve(p, p + 2), Some("Eddie Wu Yongming"));
        let p = t.find("Mr. Wu").unwrap();
        assert_eq!(n.resolve(p, p + 6), Some("Eddie Wu Yongming"));
    }

    #[test]
    fn strips_titles_and_sentence_words() {
        let t = "But Sen. Elena Marsh said so. President Tom Okafor agreed.";
        let n = Names::build(t);
        assert_eq!(n.resolve(0, 0), None);
        let p = t.find("Marsh").unwrap();
        assert_eq!(n.resolve(p, p + 5), Some("Elena Marsh"));
        let p = t.find("Okafor").unwrap();
        assert_eq!(n.resolve(p, p + 6), Some("Tom Okafor"));
    }

    #[test]
    fn recent_person_respects_titles() {
        let t = "Ms. Rita Vance met Mr. Paul Ostrow. She said";
        let n = Names::build(t);
        let p = t.find("She").unwrap();
        assert_eq!(n.recent_person(p, None), Some("Paul Ostrow"));
        assert_eq!(n.recent_person(p, Some(Gender::Female)), Some("Rita Vance"));
    }
}
