//! Finding who said a quote: a speech cue (`said`, `told`, `according to`)
//! next to the quote and the noun phrase that is its subject.
//!
//! Works on small token windows right before the opening mark or right after
//! the closing one, so the cost per quote is bounded.

use super::names::Gender;
use super::tok::{
    FoldedShapes, Tok, Windows, WordSet, is_capitalized, is_possessive, strip_possessive,
};

/// How far back from an opening mark an attribution may start.
const PRE_WINDOW: usize = 320;
/// How far after a closing mark an attribution may end.
const POST_WINDOW: usize = 220;
/// How many tokens after the quote the cue may sit (`” Rep. Ann Li, D-Ore.,
/// the committee's ranking member, said`).
const POST_CUE_TOKENS: usize = 18;
/// The same after a name with an appositive (`” Ann Li, a pollster who
/// founded a firm in Ohio in 1998, said`).
const POST_CUE_TOKENS_APPOSITIVE: usize = 40;

/// How many tokens back an earlier cue of a coordinated verb is looked for
/// (`Li said …, but added`), which also bounds the recursion.
const MAX_BACK_CUE: usize = 24;

/// Speech verbs and phrases, several languages (words that cannot be
/// confused with English words).
const CUES: &[&str] = &[
    "write",
    "quip",
    "conclude",
    "add",
    "note",
    "explain",
    "argue",
    "insist",
    "warn",
    "claim",
    "reported",
    "reports",
    "report",
    "recall",
    "observe",
    "declare",
    "testify",
    "respond",
    "reply",
    "answer",
    "tweet",
    "joke",
    "admit",
    "acknowledge",
    "announce",
    "counter",
    "continue",
    "predict",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "explained",
    "explains",
    "continued",
    "continues",
    "noted",
    "notes",
    "declared",
    "declares",
    "stated",
    "argued",
    "argues",
    "insisted",
    "insists",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "answers",
    "warned",
    "warns",
    "announced",
    "acknowledged",
    "admitted",
    "admits",
    "claimed",
    "claims",
    "tweeted",
    "tweets",
    "posted",
    "testified",
    "observed",
    "remarked",
    "urged",
    "urges",
    "suggested",
    "suggests",
    "complained",
    "joked",
    "jokes",
    "quipped",
    "conceded",
    "cautioned",
    "emphasized",
    "emphasised",
    "stressed",
    "predicted",
    "countered",
    "shouted",
    "yelled",
    "reiterated",
    "promised",
    "vowed",
    "concluded",
    "mused",
    "boasted",
    "lamented",
    "charged",
    "contended",
    "maintained",
    "exclaimed",
    "whispered",
    "agreed",
    "interjected",
    "pleaded",
    "bragged",
    "wondered",
    "proclaimed",
    "confirmed",
    "denied",
    "recounted",
    "asserted",
    "alleged",
    "demanded",
    "thundered",
    "snapped",
    "scoffed",
    "retorted",
    "sighed",
    "laughed",
    "cried",
    "screamed",
    "hinted",
    "speculated",
    "reflected",
    "elaborated",
    "texted",
    "emailed",
    "explaining",
    "saying",
    "adding",
    "telling",
    "noting",
    "writing",
    "asking",
    "arguing",
    "insisting",
    "warning",
    "declaring",
    "continuing",
    "stating",
    "tweeting",
    "replying",
    "responding",
    "acknowledging",
    "admitting",
    "claiming",
    "recalling",
    "predicting",
    "concluding",
    "summed",
    "chimed",
    "went",
    "goes",
    "go",
    "pointed",
    "points",
    "fired",
    "shot",
    "read",
    "reads",
    "announces",
    "observes",
    "recounts",
    "describes",
    "described",
    "wrote",
    "sagte",
    "sagt",
    "erklärte",
    "erklärten",
    "erklärt",
    "betonte",
    "betonten",
    "meinte",
    "sagten",
    "warnte",
    "ergänzte",
    "kritisierte",
    "dijo",
    "afirmó",
    "declaró",
    "explicó",
    "aseguró",
    "señaló",
    "detto",
    "dichiarato",
    "disse",
    "afirmou",
    "declarou",
    "zei",
    "zegt",
    "déclaré",
    "affirmé",
    "expliqué",
    "souligné",
    // French: past participles after `a`/`a-t-il`, and the present tense
    // of inverted cues (`dit-elle`, `ajoute-t-il`).
    "dit",
    "ajouté",
    "confié",
    "précisé",
    "indiqué",
    "rappelé",
    "estimé",
    "assuré",
    "lancé",
    "répondu",
    "reconnu",
    "raconté",
    "insisté",
    "martelé",
    "prévenu",
    "poursuivi",
    "conclu",
    "averti",
    "dénoncé",
    "regretté",
    "annoncé",
    "commenté",
    "témoigné",
    "ajoute",
    "explique",
    "poursuit",
    "souligne",
    "affirme",
    "déclare",
    "précise",
    "estime",
    "confie",
    "assure",
    "répond",
    "raconte",
    "insiste",
    "conclut",
    "indique",
    "rappelle",
    "sagde",
    "sade",
    "сказал",
    "сказала",
    "заявил",
    "заявила",
    "dedi",
    "είπε",
];

static CUES_SET: WordSet = WordSet::new(CUES);
/// Every word a cue can start with, in any ASCII case: most words of an
/// attribution window are none, and [`Window::cue_at`] turns them away
/// before comparing them with each kind of cue.
static CUE_WORDS: FoldedShapes =
    FoldedShapes::new(&[CUES, ACCORDING, &["according", "hieß", "heißt"]]);
static ADVERBS_SET: WordSet = WordSet::new(ADVERBS);
static NP_STOP_SET: WordSet = WordSet::new(NP_STOP);
static FUNCTION_SET: WordSet = WordSet::new(FUNCTION);
static DETERMINERS_SET: WordSet = WordSet::new(DETERMINERS);
static PRONOUNS_SET: WordSet = WordSet::new(PRONOUNS);
static LEADING_SET: WordSet = WordSet::new(LEADING);

/// Cues that only count with a particle after them (`went on`, `pointed out`).
fn needs_particle(w: &str) -> Option<&'static [&'static str]> {
    match w {
        "went" | "goes" | "go" => Some(&["on"]),
        "pointed" | "points" => Some(&["out"]),
        "summed" => Some(&["up"]),
        "chimed" => Some(&["in"]),
        "fired" | "shot" => Some(&["back"]),
        _ => None,
    }
}

/// Phrases whose source follows them (`according to X`, `selon X`).
const ACCORDING: &[&str] = &["selon", "según", "secondo", "segundo", "volgens", "laut"];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "He", "She", "They", "We", "I", "It",
    // German and French subject pronouns (`sagte sie`, `a-t-il dit`).
    "er", "Er", "sie", "Sie", "il", "Il", "elle", "Elle", "ils", "Ils", "elles", "Elles",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "another", "one", "our", "The", "A", "An",
    "His", "Her", "Their", "Its", "Another", "One", "Our", "this", "This", "that", "some", "Some",
    // French and German articles (capitalised `La`/`Le` stay out: `Le Pen`).
    "la", "le", "les", "un", "une", "der", "die", "das", "den", "dem", "ein", "eine", "Der", "Die",
    "Das",
];

/// Auxiliaries between a subject and a past participle cue, in languages
/// whose participle carries the meaning (`a déclaré`, `a-t-il dit`).
const AUXILIARIES: &[&str] = &[
    "a", "ont", "avait", "avaient", "hat", "haben", "hatte", "hatten",
];

/// Words between a subject and its verb (`he also said`, `Smith later told`).
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "would",
    "will",
    "previously",
    "once",
    "again",
    "recently",
    "earlier",
    "just",
    "further",
    "reportedly",
    "subsequently",
    "repeatedly",
    "only",
    "never",
    "ever",
    "still",
    "once",
    "simply",
    "flatly",
    "bluntly",
    "publicly",
    "privately",
    "quickly",
    "often",
    "already",
    "has",
    "did",
    "does",
    "can",
    "could",
    "may",
    "might",
    "is",
    "was",
    "were",
    "been",
    "not",
    "finally",
    "first",
];

/// Lower-case words that are never a subject.
const FUNCTION: &[&str] = &[
    "to", "of", "for", "with", "by", "from", "this", "that", "not", "as", "than", "was", "is",
    "has", "his", "hers", "its", "us", "this", "thus", "always", "does", "always", "perhaps",
];

/// Words that end a descriptive noun phrase.
const NP_STOP: &[&str] = &[
    "who", "which", "that", "whose", "where", "when", "while", "and", "but", "in", "on", "at",
    "during", "after", "before", "because", "as", "told", "said",
    // German and French prepositions: `Katrin Albers nach der Abstimmung`.
    "nach", "vor", "bei", "mit", "im", "am", "zum", "zur", "für", "auf", "über", "lors", "après",
    "avant", "pendant", "devant", "dans", "à", "au", "aux", "sur", "pour", "en",
];

const LEADING: &[&str] = &[
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Then",
    "Still",
    "Now",
    "Also",
    "Meanwhile",
    "However",
    "Instead",
    "Later",
    "Earlier",
    "Indeed",
    "Asked",
    "When",
    "While",
    "After",
    "Before",
    "In",
    "On",
    "At",
    "Speaking",
    "Today",
    "Yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A capitalised word that opens sentences but names nobody (`Before`,
/// `Appearing`, `Hours`).
fn is_sentence_word(w: &str) -> bool {
    super::names::LEADING_SET.contains(w)
        || LEADING_SET.contains(w)
        || matches!(
            w,
            "Hours"
                | "Days"
                | "Minutes"
                | "Weeks"
                | "Months"
                | "Years"
                | "Each"
                | "Every"
                | "Two"
                | "Three"
                | "Four"
                | "Five"
                | "Six"
                | "Seven"
                | "Eight"
                | "Nine"
                | "Ten"
                | "Several"
                | "Many"
                | "Few"
                | "Most"
                | "Both"
        )
        || is_calendar_word(w)
        || (w.ends_with("ing") && w.chars().next().is_some_and(char::is_uppercase))
}

/// Month and weekday names (English, German, French): dates, never
/// speakers. `May`, `March` and `August` are left out: they are also names.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "April"
            | "June"
            | "July"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Januar"
            | "Februar"
            | "März"
            | "Juni"
            | "Juli"
            | "Oktober"
            | "Dezember"
            | "Montag"
            | "Dienstag"
            | "Mittwoch"
            | "Donnerstag"
            | "Freitag"
            | "Samstag"
            | "Sonntag"
            | "Janvier"
            | "Février"
            | "Avril"
            | "Juin"
            | "Juillet"
            | "Août"
            | "Septembre"
            | "Octobre"
            | "Novembre"
            | "Décembre"
    )
}

/// A four-digit year (`2016`): never a speaker.
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// A found attribution: the span naming the speaker and the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub mention: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
}

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    Pronoun(Option<Gender>),
    Name,
    Description,
}

/// Classifies a mention's text.
pub(crate) fn mention_kind(m: &str) -> MentionKind {
    match m {
        "he" | "He" | "er" | "Er" | "il" | "Il" => MentionKind::Pronoun(Some(Gender::Male)),
        "she" | "She" | "sie" | "Sie" | "elle" | "Elle" => {
            MentionKind::Pronoun(Some(Gender::Female))
        }
        _ if PRONOUNS_SET.contains(m) => MentionKind::Pronoun(None),
        _ => {
            let first = m.split_whitespace().next().unwrap_or("");
            if DETERMINERS_SET.contains(first) || !is_capitalized(first) {
                MentionKind::Description
            } else {
                MentionKind::Name
            }
        }
    }
}

struct Window<'t> {
    text: &'t str,
    toks: &'t [Tok],
}

impl Window<'_> {
    fn w(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    /// The cue at token `i`: its last token index, or None.
    ///
    /// Asked about nearly every token of a window, and few are cues: the
    /// quick test that turns most words away is inlined, the rest of the
    /// tests are in [`Window::cue_starting_with`].
    #[inline]
    fn cue_at(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i).filter(|t| t.word)?;
        let w = self.text.get(t.start..t.end).unwrap_or("");
        if !CUE_WORDS.may_contain(w) {
            return None;
        }
        self.cue_starting_with(i, w)
    }

    /// [`Window::cue_at`] for the word `w` at token `i`.
    fn cue_starting_with(&self, i: usize, w: &str) -> Option<usize> {
        if w.eq_ignore_ascii_case("according") && self.w(i + 1) == "to" {
            return Some(i + 1);
        }
        if ACCORDING.iter().any(|a| w.eq_ignore_ascii_case(a)) {
            return Some(i);
        }
        // `„…“, hieß es darin`: impersonal, the source is named before.
        if matches!(w, "hieß" | "heißt") && self.w(i + 1) == "es" {
            let more = matches!(self.w(i + 2), "darin" | "dort" | "weiter");
            return Some(i + 1 + usize::from(more));
        }
        // `Said Comey, “…”`: a capitalised cue opening the clause.
        let mut lower = [0u8; 16];
        let w = if is_capitalized(w) && w.len() <= lower.len() && w.is_ascii() {
            // Most capitalised words are names no cue could be: they are
            // turned away before the lower-case copy is made.
            let first = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
            if !CUES_SET.may_contain(first, w.len()) {
                return None;
            }
            let l = &mut lower[..w.len()];
            l.copy_from_slice(w.as_bytes());
            l.make_ascii_lowercase();
            std::str::from_utf8(l).unwrap_or(w)
        } else {
            w
        };
        if !CUES_SET.contains(w) {
            return None;
        }
        match needs_particle(w) {
            Some(ps) => ps.contains(&self.w(i + 1)).then_some(i + 1),
            None => Some(i),
        }
    }

    fn is_according(&self, i: usize) -> bool {
        let w = self.w(i);
        w.eq_ignore_ascii_case("according") || ACCORDING.iter().any(|a| w.eq_ignore_ascii_case(a))
    }

    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }

    fn name_word(&self, i: usize) -> bool {
        let w = self.w(i);
        self.is_word(i)
            && (is_capitalized(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit()))
            && self.cue_at(i).is_none()
    }

    /// A noun phrase starting at token `k`: token range.
    fn np_at(&self, mut k: usize, end: usize) -> Option<(usize, usize)> {
        while k < end && LEADING_SET.contains(self.w(k)) && self.name_word(k + 1) {
            k += 1;
        }
        if k >= end || !self.is_word(k) || self.w(k).bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // `It’s`, `Here’s`: a contraction, not someone's.
        let bare = strip_possessive(self.w(k));
        if bare.len() != self.w(k).len()
            && (PRONOUNS_SET.contains(bare) || super::names::LEADING_SET.contains(bare))
        {
            return None;
        }
        let w = self.w(k);
        if PRONOUNS_SET.contains(w) {
            return Some((k, k + 1));
        }
        if self.name_word(k) && !DETERMINERS_SET.contains(w) {
            let mut e = k + 1;
            while e < end && !is_possessive(self.w(e - 1)) {
                if self.name_word(e) {
                    e += 1;
                } else if matches!(self.w(e), "de" | "van" | "von" | "bin" | "al" | "of")
                    && self.name_word(e + 1)
                {
                    e += 2;
                } else {
                    break;
                }
            }
            // `Judicial Watch president Tom Fitton`: a title between names.
            if !is_possessive(self.w(e - 1)) {
                let mut m = e;
                while m < end && m < e + 3 && self.is_word(m) && !self.name_word(m) {
                    let w = self.w(m);
                    if NP_STOP_SET.contains(w)
                        || ADVERBS_SET.contains(w)
                        || FUNCTION_SET.contains(w)
                        || DETERMINERS_SET.contains(w)
                        || self.cue_at(m).is_some()
                    {
                        break;
                    }
                    m += 1;
                }
                if m > e && m < end && self.name_word(m) {
                    let mut f = m + 1;
                    while f < end && self.name_word(f) && !is_possessive(self.w(f - 1)) {
                        f += 1;
                    }
                    e = f;
                }
            }
            // `Clinton’s spokesman` names the spokesman, not Clinton.
            if is_possessive(self.w(e - 1)) && e < end && self.is_word(e) {
                return self.description(k, e, end);
            }
            if e == k + 1 && is_sentence_word(w) {
                return None;
            }
            return Some((k, e));
        }
        if DETERMINERS_SET.contains(w) {
            return self.description(k, k + 1, end);
        }
        // A bare plural subject (`officials said`).
        if self.cue_at(k + 1).is_some() && w.ends_with('s') {
            return Some((k, k + 1));
        }
        // Lower-case titles before a name (`former party chairman Ed Li`).
        let mut m = k;
        while m < end && m < k + 4 && self.is_word(m) && !self.name_word(m) {
            let u = self.w(m);
            if NP_STOP_SET.contains(u) || FUNCTION_SET.contains(u) || self.cue_at(m).is_some() {
                return None;
            }
            m += 1;
        }
        if m > k && m < end && self.name_word(m) {
            return self.np_at(m, end).map(|(_, e)| (k, e));
        }
        None
    }

    /// A pronoun or name ending right before token `e` (exclusive).
    fn name_ending_at(&self, e: usize, clause: usize) -> Option<(usize, usize)> {
        if e <= clause || !self.is_word(e - 1) {
            return None;
        }
        let w = self.w(e - 1);
        if PRONOUNS_SET.contains(w) {
            return Some((e - 1, e));
        }
        if !self.name_word(e - 1) {
            return None;
        }
        let mut s = e - 1;
        while s > clause && self.name_word(s - 1) && !is_possessive(self.w(s - 1)) {
            s -= 1;
        }
        while s < e - 1 && LEADING_SET.contains(self.w(s)) {
            s += 1;
        }
        (!is_sentence_word(self.w(s)) || s + 1 < e).then_some((s, e))
    }

    /// The clause's subject: its first name, pronoun or description that a
    /// lower-case word (the verb) follows (`Warren appeared …, saying`).
    fn clause_subject(&self, clause: usize, end: usize) -> Option<(usize, usize)> {
        // `Silverman, herself a supporter, drew boos upon saying`: a name
        // opening the clause, then an appositive.
        if let Some((a, b)) = self.np_at(clause, end)
            && a == clause
            && self.name_word(a)
            && self.w(b) == ","
            && !is_sentence_word(self.w(a))
            // Not a dateline (`WASHINGTON,`) or an adverb (`Likewise,`).
            && !self.w(a).chars().all(|c| !c.is_lowercase())
            && !self.w(a).ends_with("wise")
            && !self.w(a).ends_with("ly")
        {
            return Some((a, b));
        }
        let mut i = clause;
        while i < end {
            if self.is_word(i)
                && (PRONOUNS_SET.contains(self.w(i)) || self.name_word(i))
                && let Some((a, b)) = self.np_at(i, end)
            {
                if b < end && self.is_word(b) && !is_capitalized(self.w(b)) {
                    return Some((a, b));
                }
                i = b.max(i + 1);
                continue;
            }
            i += 1;
        }
        None
    }

    /// The last name or pronoun (not `it`) before `end` that a lower-case
    /// word follows: the subject nearest to a coordinated verb.
    fn last_subject(&self, clause: usize, end: usize) -> Option<(usize, usize)> {
        let mut found = None;
        let mut i = clause;
        while i < end {
            if self.is_word(i)
                && (PRONOUNS_SET.contains(self.w(i)) || self.name_word(i))
                && !matches!(self.w(i), "it" | "It")
                && let Some((a, b)) = self.np_at(i, end)
            {
                // `the Oklahoma City bombing`: a name modifying a noun is
                // no subject.
                if b < end
                    && self.is_word(b)
                    && !is_capitalized(self.w(b))
                    && !self.w(b).ends_with("ing")
                {
                    found = Some((a, b));
                }
                i = b.max(i + 1);
                continue;
            }
            i += 1;
        }
        found
    }

    /// A determiner-led description from `k`, its head words starting at `e`.
    fn description(&self, k: usize, mut e: usize, end: usize) -> Option<(usize, usize)> {
        let limit = (k + 9).min(end);
        while e < limit && self.is_word(e) && self.cue_at(e).is_none() {
            let w = self.w(e);
            if NP_STOP_SET.contains(w) || ADVERBS_SET.contains(w) {
                break;
            }
            // `Ryan’s campaign shrugged off …`: a past-tense verb ends it.
            if e > k + 1 && w.ends_with("ed") && !is_capitalized(w) {
                break;
            }
            // `Li’s letter makes a case`: a present-tense verb before its
            // object ends it too.
            if e > k + 1
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !is_capitalized(w)
                && !FUNCTION_SET.contains(w)
                && DETERMINERS_SET.contains(self.w(e + 1))
            {
                break;
            }
            e += 1;
        }
        (e > k + 1 || !DETERMINERS_SET.contains(self.w(k))).then_some((k, e))
    }

    /// The subject right before the cue at `v`; `clause` is the first token
    /// of the clause (where an appositive's head sits).
    fn np_before(&self, v: usize, clause: usize) -> Option<(usize, usize)> {
        let mut j = v;
        let mut skipped = 0;
        while j > clause && skipped < 3 {
            let w = self.w(j - 1);
            if ADVERBS_SET.contains(w)
                || AUXILIARIES.contains(&w)
                || is_calendar_word(w)
                || is_year(w)
                || matches!(w, "today" | "yesterday" | "tonight")
                || (w.ends_with("ly") && w.len() > 4 && !is_capitalized(w))
            {
                j -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if j <= clause {
            return None;
        }
        let last = j - 1;
        let w = self.w(last);
        let participle = self.w(v).ends_with("ing");
        if matches!(w, "and" | "but" | "then") && last > clause {
            // A second verb: `he laughed and said` names the one before the
            // first verb, else the clause's subject.
            if last >= clause + 2
                && self.is_word(last - 1)
                && !is_capitalized(self.w(last - 1))
                && looks_finite(self.w(last - 1))
                && let Some(np) = self.name_ending_at(last - 1, clause)
            {
                return Some(np);
            }
            // `Li said it was early but added`: the earlier cue's subject.
            // Only the nearest earlier cue is tried, so the recursion is a
            // chain and the cost stays linear in the window.
            // The search stops at a comma: `when I asked …, he looked …
            // and said` is his.
            if let Some(u) = (clause + 1..last)
                .rev()
                .take(MAX_BACK_CUE)
                .take_while(|&u| self.w(u) != ",")
                .find(|&u| self.cue_at(u) == Some(u))
                && let Some(np) = self.np_before(u, clause)
                && !matches!(self.w(np.0), "it" | "It")
            {
                return Some(np);
            }
            // Else the nearest subject before the coordinated verbs.
            return self
                .last_subject(clause, last)
                .or_else(|| self.np_at(clause, last).filter(|&(_, e)| e <= last));
        }
        if w == "," || w == ")" {
            if participle {
                // `Li said, adding` is Li's; `On Monday, Li won, saying`
                // belongs to the clause's subject.
                if last > clause
                    && self.cue_at(last - 1).is_some()
                    && let Some(np) = self.np_before(last - 1, clause)
                {
                    return Some(np);
                }
                if let Some(np) = self.clause_subject(clause, last) {
                    return Some(np);
                }
            }
            // An appositive or age between commas (`Li, 70, said`,
            // `Li, a spokesman for X, said`): the name before the first comma.
            if let Some(c) = (clause..last)
                .rev()
                .find(|&i| self.w(i) == "," || self.w(i) == "(")
                && c > clause
                && let Some(np) = self.name_ending_at(c, clause)
            {
                return Some(np);
            }
            return self.np_at(clause, last).filter(|&(_, e)| e <= last);
        }
        if participle && let Some(np) = self.clause_subject(clause, last + 1) {
            // `she released a statement saying`: the statement is hers.
            return Some(np);
        }
        if w == "who" && last >= clause + 2 && self.w(last - 1) == "," {
            // `Mike Lee, who declared …`: the name before the relative.
            let e = last - 1;
            let mut s = e;
            while s > clause && self.name_word(s - 1) {
                s -= 1;
            }
            return (s < e).then_some((s, e));
        }
        if FUNCTION_SET.contains(w) || w == "by" {
            // `began by saying`, `followed that by saying`, `had this to
            // say`.
            return if participle || w == "to" {
                self.clause_subject(clause, last)
            } else {
                None
            };
        }
        if !self.is_word(last) {
            return None;
        }
        if PRONOUNS_SET.contains(w) {
            return Some((last, last + 1));
        }
        if self.name_word(last) {
            let mut s = last;
            while s > clause
                && (self.name_word(s - 1)
                    || (matches!(self.w(s - 1), "de" | "van" | "von" | "bin" | "al")
                        && s >= 2
                        && self.name_word(s - 2)))
                && !is_possessive(self.w(s - 1))
            {
                s -= 1;
            }
            while s < last && LEADING_SET.contains(self.w(s)) {
                s += 1;
            }
            if s > clause && self.w(s - 1).eq_ignore_ascii_case("the") {
                s -= 1;
            }
            return Some((s, last + 1));
        }
        // A description: walk back to its determiner or possessive.
        let mut s = last;
        let floor = last.saturating_sub(10).max(clause);
        while s > floor && self.is_word(s - 1) {
            let p = self.w(s - 1);
            if DETERMINERS_SET.contains(p) || is_possessive(p) {
                s -= 1;
                if is_possessive(p) {
                    // Pull in the owner's name (`Clinton’s spokesman`).
                    while s > floor && self.name_word(s - 1) {
                        s -= 1;
                    }
                }
                return Some((s, last + 1));
            }
            if (NP_STOP_SET.contains(p) && p != "and") || PRONOUNS_SET.contains(p) {
                break;
            }
            s -= 1;
        }
        // A bare plural (`officials said`); other lone words (`to say`) are
        // not subjects.
        (w.ends_with('s') && !FUNCTION_SET.contains(w) && w.len() > 3).then_some((last, last + 1))
    }

    /// The subject after a cue ending at `v` (`said Smith`, `according to X`).
    fn np_after(&self, v: usize, end: usize) -> Option<(usize, usize)> {
        let mut k = v + 1;
        // `said on Tuesday Smith` is rare; `said Tuesday` is not a speaker.
        while k < end
            && matches!(
                self.w(k),
                "Monday"
                    | "Tuesday"
                    | "Wednesday"
                    | "Thursday"
                    | "Friday"
                    | "Saturday"
                    | "Sunday"
                    | "today"
                    | "yesterday"
            )
        {
            k += 1;
        }
        let (a, e) = self.np_at(k, end)?;
        Some((a, self.postmodifier(a, e, end)))
    }

    /// `np_after` for a cue that opens the words after a quote (`” said
    /// police`, `” said master of ceremonies Ed Li`), where a lower-case
    /// noun phrase can only be the speaker.
    fn np_after_opening(&self, v: usize, end: usize) -> Option<(usize, usize)> {
        self.np_after(v, end).or_else(|| {
            let k = v + 1;
            let w = self.w(k);
            let plain = self.is_word(k)
                && !is_capitalized(w)
                && !FUNCTION_SET.contains(w)
                && !NP_STOP_SET.contains(w)
                && !ADVERBS_SET.contains(w)
                && !AUXILIARIES.contains(&w)
                && self.cue_at(k).is_none()
                && !w.ends_with("ly");
            if !plain {
                return None;
            }
            let (a, e) = self.description(k, k + 1, end)?;
            Some((a, self.postmodifier(a, e, end)))
        })
    }

    /// Where a speaker named after the cue really ends: its `of`/`from`
    /// phrase or relative clause runs to the next comma or the sentence end
    /// (`said Ana Li of the port union`, `said a delegate who backs Li`).
    /// Returns `e` when nothing follows or the tail runs too long.
    fn postmodifier(&self, a: usize, e: usize, end: usize) -> usize {
        let w = self.w(e);
        let participle = !is_capitalized(w)
            && w.len() > 4
            && (w.ends_with("ed") || w.ends_with("ing"))
            && !matches!(
                w,
                "during" | "including" | "according" | "regarding" | "concerning" | "following"
            )
            && self.cue_at(e).is_none();
        if e >= end
            || !self.is_word(e)
            || is_pronoun(self.w(a))
            || !(participle || matches!(w, "of" | "from" | "who" | "whose" | "which"))
        {
            return e;
        }
        let mut f = e;
        while f < end && f < e + 24 {
            let t = self.w(f);
            if !self.is_word(f) && !matches!(t, "@" | "#" | "&" | "/" | "’" | "'") {
                break;
            }
            f += 1;
        }
        if f == end || !self.is_word(f) { f } else { e }
    }
}

/// A lower-case word that can be a finite verb (`laughed`, `smiles`), not a
/// noun such as `accent` before `and joked`.
fn looks_finite(w: &str) -> bool {
    w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")) || CUES_SET.contains(w)
}

fn is_pronoun(w: &str) -> bool {
    PRONOUNS_SET.contains(w)
}

fn char_floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn char_ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn is_sentence_end(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | "…")
}

fn is_open_mark(w: &str) -> bool {
    matches!(w, "“" | "\"" | "„" | "«" | "‘")
}

/// An attribution right after a quote that ends at `after`, within its
/// sentence and paragraph. `buf` is scratch space.
/// `continues` says the quote ended mid-sentence (`,”`, `?”`), which lets
/// any past-tense verb act as the cue (`” beamed Ana Ruiz`).
pub(crate) fn after_quote(
    text: &str,
    after: usize,
    continues: bool,
    buf: &mut Windows<'_>,
) -> Option<Found> {
    let to = char_floor(text, after.saturating_add(POST_WINDOW));
    let from = char_ceil(text, after);
    let buf = buf.window(text, from, to);
    // Cut at the sentence end, the paragraph end or the next quote.
    let mut end = buf.len();
    for (i, t) in buf.iter().enumerate() {
        // Only a line break or punctuation cuts: words are most tokens and
        // need no comparing.
        if t.word && !t.newline_before {
            continue;
        }
        let w = &text[t.start..t.end];
        // A dot before a comma or a lower-case word ends no sentence.
        let dot_inside = w == "."
            && buf.get(i + 1).is_some_and(|n| {
                let nw = &text[n.start..n.end];
                nw == "," || (n.word && !is_capitalized(nw))
            });
        if t.newline_before || (is_sentence_end(w) && !dot_inside) || is_open_mark(w) || w == "”"
        {
            end = i;
            break;
        }
    }
    let win = Window { text, toks: buf };
    let clause = (0..end).find(|&i| win.is_word(i))?;
    // `said “…” and asked staff to …`: a second verb of the sentence's
    // subject, not an attribution of the quote.
    if matches!(win.w(clause), "and" | "but" | "or") {
        return None;
    }
    // Another clause in between (`”; the vote …`) means no attribution.
    if win.toks[..clause].iter().any(|t| {
        let w = &text[t.start..t.end];
        w == ";" || w == "("
    }) {
        return None;
    }
    // `” Nate Li, the pollster who …, wrote`: a name and a long appositive
    // may push the cue further off.
    let appositive = win
        .np_at(clause, end)
        .is_some_and(|(a, b)| win.name_word(a) && win.w(b) == ",");
    let reach = if appositive {
        POST_CUE_TOKENS_APPOSITIVE
    } else {
        POST_CUE_TOKENS
    };
    let limit = end.min(clause + reach);
    let mut v = clause;
    while v < limit {
        if let Some(ve) = win.cue_at(v) {
            // `the report said`: a cue word followed by a cue is a noun.
            if ve == v && v > clause && win.cue_at(v + 1).is_some() {
                v += 1;
                continue;
            }
            let mention = if v == clause {
                win.np_after_opening(ve, end)
            } else if win.is_according(v) {
                win.np_after(ve, end)
            } else {
                // Inside `Li, the pollster who runs a firm tweeted`, the
                // relative clause's words are not the subject: Li is.
                let relative = (clause..v).find(|&i| matches!(win.w(i), "who" | "which"));
                win.np_before(v, clause)
                    .filter(|&(a, _)| !appositive || relative.is_none_or(|r| a < r))
                    .or_else(|| appositive.then(|| win.np_at(clause, end)).flatten())
                    .or_else(|| win.np_after(ve, end))
            };
            return Some(Found {
                mention: mention.map(|(a, b)| win.span(a, b)),
                cue: Some(win.span(v, ve + 1)),
            });
        }
        // A new clause with its own verb before any cue: not an attribution.
        if win.w(v) == ";" {
            return None;
        }
        v += 1;
    }
    if continues {
        // Any verb in `” beamed Ana Ruiz` or `” an angry Li retorted.` or
        // `” he mocks.`, as long as nothing follows it but the speaker.
        for k in clause..limit.min(clause + 8) {
            let w = win.w(k);
            let past = w.ends_with("ed") && w.len() > 4;
            let present = w.ends_with('s') && w.len() > 3 && k + 1 == end && k > clause;
            if !win.is_word(k) || is_capitalized(w) || !(past || present) {
                continue;
            }
            let mention = if k == clause {
                win.np_after(k, end)
            } else if k + 1 == end || win.w(k + 1) == "," {
                win.np_before(k, clause)
            } else if past {
                // `” Toomey fumed on Tuesday`: a subject opening the words
                // after the quote, then its verb, is the speaker whatever
                // follows.
                win.np_before(k, clause)
                    .filter(|&(a, b)| a == clause && b == k)
            } else {
                None
            };
            if let Some((a, b)) = mention {
                return Some(Found {
                    mention: Some(win.span(a, b)),
                    cue: Some(win.span(k, k + 1)),
                });
            }
            break;
        }
    }
    None
}

/// The subject of the sentence ending just before `end` (`Li agreed. “…”`),
/// looking no further back than `floor`: who a quote with no cue of its own
/// most likely belongs to.
pub(crate) fn previous_subject(
    text: &str,
    floor: usize,
    end: usize,
    buf: &mut Windows<'_>,
) -> Option<Found> {
    let from = char_ceil(text, floor.max(end.saturating_sub(PRE_WINDOW)));
    let buf = buf.window(text, from, char_floor(text, end));
    let win = Window { text, toks: buf };
    let mut e = buf.len();
    while e > 0 && !win.is_word(e - 1) && !is_sentence_end(win.w(e - 1)) {
        e -= 1;
    }
    if e == 0 || !is_sentence_end(win.w(e - 1)) {
        return None;
    }
    let send = e - 1;
    let start = match (0..send).rev().find(|&i| is_sentence_end(win.w(i))) {
        Some(i) => i + 1,
        // The window may have cut the sentence: only trust a real start.
        None if from <= floor => 0,
        None => return None,
    };
    if send - start > 30 {
        return None;
    }
    // The sentence's own attribution (`…, Susan said as she left.`) names
    // the speaker better than its grammatical subject.
    let cued = (start + 1..send).rev().find_map(|v| {
        win.cue_at(v)?;
        win.np_before(v, start)
            .filter(|&(a, _)| PRONOUNS_SET.contains(win.w(a)) || win.name_word(a))
    });
    let (a, b) = cued.or_else(|| win.clause_subject(start, send))?;
    let first = win.w(a);
    if !(PRONOUNS_SET.contains(first) || win.name_word(a)) {
        return None;
    }
    Some(Found {
        mention: Some(win.span(a, b)),
        cue: None,
    })
}

/// An attribution in the clause leading up to an opening mark at `open`;
/// `floor` is where the clause may start at the earliest (paragraph start or
/// the end of the previous quote).
pub(crate) fn before_quote(
    text: &str,
    floor: usize,
    open: usize,
    buf: &mut Windows<'_>,
) -> Option<Found> {
    let from = char_ceil(text, floor.max(open.saturating_sub(PRE_WINDOW)));
    let buf = buf.window(text, from, open);
    let win = Window { text, toks: buf };
    let n = buf.len();
    // The clause starts after the last sentence end or semicolon.
    let mut clause = 0;
    for i in (0..n).rev() {
        let w = win.w(i);
        if is_sentence_end(w) || w == ";" || buf[i].newline_before && i > 0 && i + 1 < n {
            clause = if buf[i].newline_before && !is_sentence_end(w) && w != ";" {
                i
            } else {
                i + 1
            };
            break;
        }
    }
    let first = (clause..n).find(|&i| win.is_word(i))?;
    let ends_colon = n > 0 && win.w(n - 1) == ":";
    // The nearest cue with a subject wins; `went on to say` and `but added`
    // fall back to an earlier cue or the clause's subject.
    let mut fallback: Option<Found> = None;
    let mut v = n;
    while v > first {
        v -= 1;
        let Some(ve) = win.cue_at(v) else { continue };
        let mention = if win.is_according(v) || v == first {
            win.np_after(ve, n)
        } else {
            win.np_before(v, first)
        };
        let found = Found {
            mention: mention.map(|(a, b)| win.span(a, b)),
            cue: Some(win.span(v, ve + 1)),
        };
        if mention.is_some() {
            return Some(found);
        }
        if fallback.is_none() {
            let after = win.np_after(ve, n);
            fallback = Some(Found {
                mention: after.map(|(a, b)| win.span(a, b)),
                ..found
            });
        }
    }
    // A cue with no subject yields to a colon intro (`Asked about it, he
    // demurred: “…”`).
    if fallback.is_some_and(|f| f.mention.is_some() || !ends_colon) {
        return fallback;
    }
    if ends_colon {
        // `HuffPollster: “…”`, else `Senator Ann Li had a message for
        // them: “…”`.
        // A name right before the colon counts when it starts the clause
        // or follows a dash (`… – HuffPollster:`); otherwise the subject,
        // after the last comma first (`When Li died, Ana Ruiz wrote:`).
        // `More from Ana Li and Ed Marr:` and `From Li’s post:` name a
        // source too.
        let named = if n >= 2 && win.name_word(n - 2) && !is_year(win.w(n - 2)) {
            let mut s = n - 2;
            while s > first
                && (win.name_word(s - 1)
                    || (win.w(s - 1) == "and" && s >= first + 2 && win.name_word(s - 2)))
            {
                s -= 1;
            }
            (s == first || matches!(win.w(s - 1), "-" | "–" | "—" | "from" | "From"))
                .then_some((s, n - 1))
        } else {
            None
        };
        let comma = (first..n - 1).rev().find(|&i| win.w(i) == ",");
        let mention = named
            .or_else(|| comma.and_then(|c| win.clause_subject(c + 1, n - 1)))
            .or_else(|| win.np_at(first, n))
            .filter(|&(a, b)| !(b == a + 1 && (is_year(win.w(a)) || is_calendar_word(win.w(a)))));
        return mention.map(|(a, b)| Found {
            mention: Some(win.span(a, b)),
            cue: None,
        });
    }
    None
}

/// Common nouns for organisations that a definite description (`the
/// agency`, `la municipalité`) uses for one named earlier.
const ORG_NOUNS: &[&str] = &[
    "agency",
    "ministry",
    "authority",
    "company",
    "department",
    "council",
    "office",
    "police",
    "coastguard",
    "court",
    "firm",
    "government",
    "commission",
    "committee",
    "board",
    "bank",
    "union",
    "operator",
    "regulator",
    "airline",
    "municipality",
    "administration",
    "foundation",
    "association",
    "institute",
    "hospital",
    "university",
    "ministère",
    "mairie",
    "municipalité",
    "régie",
    "préfecture",
    "direction",
    "société",
    "entreprise",
    "syndicat",
    "behörde",
    "ministerium",
    "stadtwerke",
    "verwaltung",
    "polizei",
    "unternehmen",
];

/// Nouns for a written statement, whose source is whoever issued it.
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "release",
    "communiqué",
    "mitteilung",
    "pressemitteilung",
    "erklärung",
];

/// Case-insensitive equality, Unicode-aware, without allocating.
fn eq_fold(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// What a description such as `the agency` or `the statement` stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stands<'t> {
    /// An organisation; the noun (`agency`) may occur in its name.
    Org(&'t str),
    /// A document; its source is the speaker.
    Statement,
}

/// Classifies a two-word definite description (`the ministry`, `la
/// municipalité`, `die Behörde`); anything else is kept as written.
pub(crate) fn description_stands_for(m: &str) -> Option<Stands<'_>> {
    let mut words = m.split_whitespace();
    let (det, noun) = (words.next()?, words.next()?);
    if words.next().is_some()
        || !matches!(
            det,
            "the" | "The" | "la" | "La" | "le" | "Le" | "die" | "Die" | "das" | "Das"
        )
    {
        return None;
    }
    let is = |list: &[&str]| list.iter().any(|x| eq_fold(x, noun));
    if is(STATEMENT_NOUNS) {
        Some(Stands::Statement)
    } else if is(ORG_NOUNS) {
        Some(Stands::Org(noun))
    } else {
        None
    }
}

/// The most recent capitalised name before `pos` (not before `floor`) with
/// `noun` among its words (`the ministry` → `The Ministry of Finance`).
pub(crate) fn org_named(
    text: &str,
    floor: usize,
    pos: usize,
    noun: &str,
    buf: &mut Windows<'_>,
) -> Option<(usize, usize)> {
    let buf = buf.window(text, char_ceil(text, floor), char_floor(text, pos));
    let win = Window { text, toks: buf };
    let i = (0..buf.len()).rev().find(|&i| {
        let w = win.w(i);
        is_capitalized(w) && eq_fold(w, noun)
    })?;
    let cap = |k: usize| win.is_word(k) && is_capitalized(win.w(k));
    let mut s = i;
    while s > 0 && cap(s - 1) && !is_sentence_end(win.w(s - 1)) {
        s -= 1;
    }
    let mut e = i + 1;
    loop {
        if cap(e) {
            e += 1;
        } else if matches!(win.w(e), "of" | "for" | "de" | "du" | "des" | "für") && cap(e + 1) {
            e += 2;
        } else {
            break;
        }
    }
    if s > 0 && win.w(s - 1).eq_ignore_ascii_case("the") {
        s -= 1;
    }
    // A lone capitalised word (`Ministry officials`) names nothing.
    (e - s >= 2).then(|| win.span(s, e))
}

/// Who issued the most recent statement mentioned before `pos` (not before
/// `floor`): the subject of `X said in a statement`, `X erklärten in einer
/// Mitteilung`, `X a indiqué dans un communiqué`.
pub(crate) fn statement_source(
    text: &str,
    floor: usize,
    pos: usize,
    buf: &mut Windows<'_>,
) -> Option<(usize, usize)> {
    let buf = buf.window(text, char_ceil(text, floor), char_floor(text, pos));
    let win = Window { text, toks: buf };
    let mut i = buf.len();
    while i > 2 {
        i -= 1;
        let w = win.w(i);
        if !STATEMENT_NOUNS.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            continue;
        }
        if !matches!(win.w(i - 2), "in" | "dans" | "via")
            || !matches!(
                win.w(i - 1),
                "a" | "an" | "its" | "their" | "einer" | "seiner" | "ihrer" | "un" | "son" | "leur"
            )
        {
            continue;
        }
        let clause = (0..i)
            .rev()
            .find(|&k| is_sentence_end(win.w(k)) || win.w(k) == ";" || is_open_mark(win.w(k)))
            .map_or(0, |k| k + 1);
        // The cue right before `in a statement` (`said`, `a indiqué`).
        let v = (clause..i - 2)
            .rev()
            .take(3)
            .find(|&k| win.cue_at(k).is_some());
        let np = match v {
            Some(v) if v > clause => win.np_before(v, clause),
            _ => win.clause_subject(clause, i - 2),
        };
        if let Some((a, b)) = np
            && !PRONOUNS_SET.contains(win.w(a))
        {
            return Some(win.span(a, b));
        }
    }
    None
}

/// Whether the word right before `open` is a speech verb (`said “…”`).
pub(crate) fn cue_word_before(text: &str, open: usize, buf: &mut Windows<'_>) -> bool {
    let from = char_ceil(text, open.saturating_sub(24));
    let buf = buf.window(text, from, open);
    let win = Window { text, toks: buf };
    buf.len()
        .checked_sub(1)
        .is_some_and(|i| win.cue_at(i).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(t: &str) -> (Option<&str>, Option<&str>) {
        let p = t.find('”').unwrap() + '”'.len_utf8();
        let mut all = Vec::new();
        super::super::tok::tokenize(t, 0, t.len(), &mut all);
        let f = after_quote(t, p, true, &mut Windows::new(&all)).unwrap_or(Found {
            mention: None,
            cue: None,
        });
        (
            f.mention.map(|(a, b)| &t[a..b]),
            f.cue.map(|(a, b)| &t[a..b]),
        )
    }

    fn before(t: &str) -> (Option<&str>, Option<&str>) {
        let p = t.find('“').unwrap();
        let mut all = Vec::new();
        super::super::tok::tokenize(t, 0, t.len(), &mut all);
        let f = before_quote(t, 0, p, &mut Windows::new(&all)).unwrap_or(Found {
            mention: None,
            cue: None,
        });
        (
            f.mention.map(|(a, b)| &t[a..b]),
            f.cue.map(|(a, b)| &t[a..b]),
        )
    }

    #[test]
    fn after_forms() {
        assert_eq!(after("“Go,” Ruiz said."), (Some("Ruiz"), Some("said")));
        assert_eq!(after("“Go,” said Ruiz."), (Some("Ruiz"), Some("said")));
        assert_eq!(
            after("“Go,” Ruiz told the crowd."),
            (Some("Ruiz"), Some("told"))
        );
        assert_eq!(after("“Go,” he added."), (Some("he"), Some("added")));
        assert_eq!(
            after("“Go,” Ana Ruiz, a spokeswoman for the city, said."),
            (Some("Ana Ruiz"), Some("said"))
        );
        assert_eq!(
            after("“Go,” the spokesman said."),
            (Some("the spokesman"), Some("said"))
        );
        assert_eq!(
            after("“Go,” said the head of the port authority."),
            (Some("the head of the port authority"), Some("said"))
        );
        assert_eq!(
            after("“Go,” Sen. Li later said."),
            (Some("Sen. Li"), Some("said"))
        );
        assert_eq!(
            after("“Go,” according to Ana Ruiz."),
            (Some("Ana Ruiz"), Some("according to"))
        );
        assert_eq!(after("“Go” is a word. He said"), (None, None));
    }

    #[test]
    fn before_forms() {
        assert_eq!(before("Ruiz said: “Go.”"), (Some("Ruiz"), Some("said")));
        assert_eq!(before("Ruiz said “Go.”"), (Some("Ruiz"), Some("said")));
        assert_eq!(
            before("It rained. According to Ana Ruiz, “it poured.”"),
            (Some("Ana Ruiz"), Some("According to"))
        );
        assert_eq!(
            before("Mr. Oduya told reporters, “Go.”"),
            (Some("Mr. Oduya"), Some("told"))
        );
        assert_eq!(
            before("Ana Ruiz had a message: “Go.”"),
            (Some("Ana Ruiz"), None)
        );
        assert_eq!(
            before("The mayor’s letter makes a plain case: “Go.”"),
            (Some("The mayor’s letter"), None)
        );
    }
}
