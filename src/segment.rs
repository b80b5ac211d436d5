//! Sentence splitting with byte spans.
//!
//! [`Splitter`] walks the text once, left to right, and decides at each
//! candidate boundary (terminal punctuation, line break, bullet, list marker)
//! from a bounded amount of context on either side. Every look-around is
//! either capped at a few dozen bytes or consumes what it reads, so the whole
//! pass is linear in the input length whatever the input looks like.
//!
//! The rules, in short:
//!
//! * `?`, `!` (also doubled, `?!`, Arabic `؟`) end a sentence when white space
//!   and an upper-case letter, digit or opening mark follow; closing quotes
//!   and brackets right after the mark belong to the sentence. A quoted
//!   question followed by its attribution (`"Why?" Ana Ruiz asked.`) stays
//!   one sentence.
//! * `。`, `！`, `？`, `।`, `॥`, `։`, `።`, Urdu `۔` and Burmese `။` always end a
//!   sentence.
//! * A full stop ends a sentence unless the word before it is an
//!   abbreviation. Abbreviations are data (the `LangData` tables below, one
//!   per language): *titles* such as "Dr." never end a sentence;
//!   *ambiguous* ones such as "Inc.", "U.S." or an initial end it only before
//!   a word that typically opens a sentence ("The", "He", "How"); *numeric*
//!   ones such as "No." are abbreviations only before a number. In languages that write ordinals with a dot ("am 3. Oktober")
//!   a small number before a dot is treated like an ambiguous abbreviation.
//! * Ellipses: `...` ends a sentence before a capital; the spaced `. . .`
//!   never does; a four-dot spaced ellipsis does.
//! * A full stop with no space after it ends a sentence only when a
//!   capitalised word follows directly ("world.Today") and the token is not
//!   a link or an e-mail address.
//! * Bylines and time stamps of scraped news, whose lost line breaks show
//!   as " . " ("By . Jane Doe .", "PUBLISHED: . 14:11 EST, 3 March 2014 .
//!   | . UPDATED: . …"), stay one sentence per block: a spaced stop after a
//!   lone "By", a label's colon or a separating bar does not end one.
//! * Lists: a bullet starts a new sentence, and so does the next marker of a
//!   numbered or lettered list ("1.) … 2.) …", "a. … b. …").
//! * Line breaks: a blank line always separates paragraphs. A single line
//!   break does too, unless the sentence is still running: the line ends in a
//!   dash or hyphen, or the next line starts in lower case while the current
//!   sentence reads like prose (it began with a capital or digit and already
//!   has three or more words), or the line ends in a word such as "the" or
//!   "of". A joined line break stays inside the span; an abbreviation at the
//!   end of a line leaves the decision to this rule ("the U.S.\nand …").

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::lang::Lang;

/// One sentence: a byte span of the input, trimmed of white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Which paragraph (0-based) the sentence belongs to.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text in `doc`, the text it was split from.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.start..self.end).unwrap_or("")
    }
}

/// How a known abbreviation behaves before white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Written before a name ("Dr.", "Mt."): never ends a sentence.
    Title,
    /// May end a sentence ("Inc.", "etc.", "Jan."): only before a typical
    /// sentence opener.
    Ambiguous,
    /// An abbreviation only in front of a number ("No. 5", "p. 12").
    Numeric,
}

/// The sentence-splitting data of one language: every language-specific
/// rule lives here, as data, and the scanner reads nothing else.
///
/// Each language has one table with these kinds of entries:
///
/// * `titles`: words written before a name or a noun and never last in a
///   sentence: honorifics and ranks ("Dr", "Gov", "Mme", "Sr"), street and
///   place words ("St", "Avda", "str"), and connectives ("vs", "cf", "ca").
/// * `ambiguous`: abbreviations that can also close a sentence: company
///   forms ("Inc", "GmbH"), "etc."-like list enders, units and amounts
///   ("km", "Mrd"), months and weekdays, regional names ("Calif").
/// * `numeric`: abbreviations only before a number ("No. 10", "p. 12",
///   "Nr. 5", "art. 4"); elsewhere the word is read as a plain word.
/// * `starters`: lower-cased words that often open a sentence (articles,
///   pronouns, conjunctions, "however"); an ambiguous abbreviation, an
///   initial or an ordinal ends its sentence only before one of them.
/// * `ordinal_dot`: whether the language writes ordinals with a dot ("am 3.
///   Oktober", "15. március"), so a small number before a dot is read like
///   an ambiguous abbreviation.
///
/// Entries are written without their final dot. An entry that starts with
/// an upper-case letter ("Sat", "Sen") only matches words that are
/// capitalised too, so that "Sat." (Saturday) is an abbreviation while
/// "sat." (the verb) is not; an all-lower-case entry matches any case.
/// Users add their own entries with [`Splitter::with_abbreviations`].
#[derive(Debug)]
struct LangData {
    /// Titles and other abbreviations that precede a name.
    titles: &'static [&'static str],
    /// Abbreviations that can also end a sentence.
    ambiguous: &'static [&'static str],
    /// Abbreviations that are only abbreviations before a number.
    numeric: &'static [&'static str],
    /// Lower-cased words that commonly open a sentence; an ambiguous
    /// abbreviation before one of them ends its sentence.
    starters: &'static [&'static str],
    /// Whether ordinal numbers are written with a dot ("3. Oktober").
    ordinal_dot: bool,
}

/// Months and days recur in every table, so they are listed once per language
/// below together with the other ambiguous entries.
const EN: LangData = LangData {
    titles: &[
        "mr", "mrs", "Ms", "messrs", "mmes", "dr", "prof", "Sen", "Sens", "Rep", "Reps", "Gov",
        "Govs", "Gen", "lt", "Col", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt", "brig",
        "rev", "Hon", "Pres", "supt", "insp", "Det", "Fr", "mt", "st", "atty", "Amb", "vs", "v",
        "cf", "viz", "approx", "ca",
    ],
    ambiguous: &[
        "jr", "sr", "co", "inc", "ltd", "corp", "llc", "plc", "bros", "dept", "univ", "assn",
        "ave", "blvd", "rd", "hwy", "etc", "al", "eg", "ie", "esp", "misc", "est", "govt", "intl",
        "natl", "mfg", "min", "max", "mins", "hr", "hrs", "yr", "yrs", "mos", "wk", "wks", "secs",
        "oz", "lb", "lbs", "ft", "sq", "km", "kg", "mg", "ml", "mph", "op", "eds", "ed",
        // Months; "May" needs no dot.
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        // Days. "Sun" is left out: "the Sun." is a newspaper more often than a day.
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
        // US states in the old newspaper style, only when capitalised ("Ore." but
        // not "ore.").
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
        "Ky", "La", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
        "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    ],
    numeric: &[
        "no", "nos", "nr", "n°", "nº", "p", "pp", "vol", "vols", "art", "arts", "fig", "figs",
        "ch", "chap", "sec", "para", "pt", "pts", "ex", "tel", "ext", "rm", "apt", "ste",
    ],
    starters: &[
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "it",
        "i",
        "we",
        "they",
        "you",
        "his",
        "her",
        "its",
        "our",
        "their",
        "my",
        "your",
        "there",
        "here",
        "what",
        "when",
        "where",
        "who",
        "whom",
        "why",
        "how",
        "which",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "however",
        "meanwhile",
        "still",
        "then",
        "now",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "as",
        "if",
        "while",
        "although",
        "though",
        "because",
        "since",
        "many",
        "some",
        "most",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "did",
        "do",
        "does",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "being",
        "more",
        "such",
        "also",
        "even",
        "one",
        "another",
        "other",
        "others",
        "instead",
        "later",
        "today",
        "yesterday",
        "tomorrow",
        "last",
        "next",
        "according",
        "until",
        "despite",
        "during",
        "from",
        "with",
        "without",
        "by",
        "to",
        "former",
        "critics",
        "analysts",
        "experts",
        "researchers",
        "investigators",
        "lawyers",
        "prosecutors",
        "witnesses",
    ],
    ordinal_dot: false,
};

const DE: LangData = LangData {
    titles: &[
        "hr", "hrn", "fr", "frl", "dr", "prof", "dipl", "ing", "mag", "st", "abg", "bgm", "vors",
        "gen", "kapt", "pfr", "sr", "verh", "vs", "vgl", "ca", "bzw", "z", "zzgl", "inkl", "exkl",
        "lt", "gem", "geb", "gest", "sog",
    ],
    ambiguous: &[
        "usw", "etc", "u", "ua", "uä", "od", "evtl", "ggf", "bspw", "ebd", "allg", "jh", "jhd",
        "mio", "mrd", "tsd", "std", "min", "sek", "km", "kg", "str", "pl", "tel", "abt", "abs",
        "anm", "bd", "bde", "co", "inc", "ltd", "gmbh", "ag", "e", "v", "jan", "feb", "febr",
        "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "Mo", "Di", "Mi",
        "Do", "Fr", "Sa", "So", "max", "zB", "dh", "uvm", "usf", "ff", "mwst", "rd",
    ],
    numeric: &[
        "nr", "no", "s", "abs", "art", "bd", "kap", "ziff", "lfd", "tab", "abb", "vol",
    ],
    starters: &[
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "er",
        "sie",
        "es",
        "wir",
        "ich",
        "ihr",
        "man",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "dann",
        "doch",
        "aber",
        "und",
        "auch",
        "so",
        "nun",
        "im",
        "in",
        "am",
        "auf",
        "bei",
        "mit",
        "nach",
        "vor",
        "seit",
        "als",
        "wenn",
        "weil",
        "da",
        "dort",
        "hier",
        "wie",
        "was",
        "wer",
        "wo",
        "warum",
        "nicht",
        "kein",
        "keine",
        "zudem",
        "außerdem",
        "jedoch",
        "trotzdem",
        "deshalb",
        "danach",
        "damit",
        "dabei",
        "zuvor",
        "laut",
        "zum",
        "zur",
        "für",
        "über",
        "unter",
        "ob",
        "alle",
        "viele",
        "mehr",
        "noch",
        "schon",
        "erst",
        "heute",
        "gestern",
    ],
    ordinal_dot: true,
};

const FR: LangData = LangData {
    titles: &[
        "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "pr", "prof", "mgr", "st", "ste",
        "gén", "col", "cdt", "lt", "cap", "sgt", "av", "bd", "boul", "fg", "pl", "cf", "vs", "env",
        "ca", "réf",
    ],
    ambiguous: &[
        "etc", "cie", "inc", "ltd", "sa", "éd", "éds", "coll", "ex", "anc", "dép", "hab", "km",
        "kg", "min", "max", "tél", "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov",
        "déc", "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "apr", "av", "jc", "op", "cit",
        "ibid", "hr", "mn",
    ],
    numeric: &[
        "n", "no", "n°", "nº", "nos", "p", "pp", "art", "chap", "vol", "t", "fig", "éd",
    ],
    starters: &[
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "vous",
        "je",
        "j",
        "ce",
        "cet",
        "cette",
        "ces",
        "c",
        "mais",
        "et",
        "ou",
        "donc",
        "car",
        "puis",
        "alors",
        "en",
        "au",
        "aux",
        "dans",
        "pour",
        "selon",
        "depuis",
        "si",
        "quand",
        "comment",
        "pourquoi",
        "qui",
        "que",
        "qu",
        "où",
        "lors",
        "après",
        "avant",
        "pendant",
        "cependant",
        "pourtant",
        "ainsi",
        "enfin",
        "aujourd",
        "hier",
        "demain",
        "sur",
        "avec",
        "sans",
        "par",
        "plusieurs",
        "tous",
        "toutes",
        "chaque",
        "ni",
        "non",
        "oui",
    ],
    ordinal_dot: false,
};

const ES: LangData = LangData {
    titles: &[
        "sr", "sra", "sres", "srta", "srs", "dr", "dra", "dres", "lic", "lcdo", "lcda", "ing",
        "arq", "prof", "profa", "ud", "uds", "vd", "vds", "d", "dña", "sto", "sta", "sn", "gral",
        "cnel", "cap", "tte", "av", "avda", "c", "pza", "aprox", "cf", "vs", "mons", "fr",
    ],
    ambiguous: &[
        "etc", "cía", "s", "sa", "sl", "inc", "ltd", "dpto", "depto", "admón", "atte", "izq",
        "dcha", "ej", "km", "kg", "min", "máx", "mín", "ene", "feb", "mar", "abr", "may", "jun",
        "jul", "ago", "sep", "sept", "set", "oct", "nov", "dic", "lun", "mié", "jue", "vie", "sáb",
        "dom", "ee", "uu", "eeuu", "ud", "pág", "cap",
    ],
    numeric: &[
        "no", "nº", "n°", "núm", "num", "pág", "págs", "p", "pp", "art", "cap", "vol",
    ],
    starters: &[
        "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "él", "ella", "ellos",
        "ellas", "yo", "tú", "usted", "ustedes", "nosotros", "este", "esta", "estos", "estas",
        "ese", "esa", "eso", "esto", "pero", "y", "o", "sin", "también", "entonces", "en", "con",
        "por", "para", "según", "desde", "cuando", "como", "qué", "quién", "dónde", "cómo", "si",
        "no", "sí", "además", "luego", "después", "antes", "hoy", "ayer", "mañana", "mientras",
        "aunque", "porque", "pues", "así", "al", "del", "su", "sus", "se", "hay", "fue", "es",
        "era", "todos", "cada",
    ],
    ordinal_dot: false,
};

const IT: LangData = LangData {
    titles: &[
        "sig", "sigg", "sigra", "dott", "dottssa", "prof", "profssa", "avv", "ing", "arch", "geom",
        "rag", "on", "sen", "gen", "col", "cav", "mons", "s", "ss", "sant", "p", "cfr", "ca",
    ],
    ambiguous: &[
        "ecc", "spa", "srl", "inc", "ltd", "gen", "febbr", "mar", "apr", "giu", "lug", "ago",
        "sett", "ott", "nov", "dic", "km", "kg", "min",
    ],
    numeric: &[
        "n", "nr", "num", "pag", "pagg", "art", "artt", "cap", "vol", "fig", "tab",
    ],
    starters: &[
        "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "l", "egli", "lui", "lei", "loro",
        "noi", "voi", "io", "questo", "questa", "quello", "quella", "ma", "e", "o", "però", "poi",
        "anche", "in", "con", "per", "secondo", "da", "dal", "dalla", "quando", "come", "che",
        "chi", "dove", "perché", "se", "non", "oggi", "ieri", "nel", "nella", "intanto", "infatti",
        "inoltre",
    ],
    ordinal_dot: false,
};

const PT: LangData = LangData {
    titles: &[
        "sr", "sra", "srta", "srs", "dr", "dra", "drs", "prof", "profa", "eng", "exmo", "exma",
        "d", "s", "sto", "sta", "gen", "cel", "av", "cf", "vs", "aprox",
    ],
    ambiguous: &[
        "etc", "ltda", "sa", "cia", "inc", "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago",
        "set", "out", "nov", "dez", "seg", "ter", "qua", "qui", "sex", "sáb", "dom", "km", "kg",
        "min",
    ],
    numeric: &[
        "n", "nº", "n°", "no", "núm", "pág", "págs", "p", "pp", "art", "cap", "vol",
    ],
    starters: &[
        "o", "a", "os", "as", "um", "uma", "ele", "ela", "eles", "elas", "eu", "nós", "você",
        "este", "esta", "isso", "isto", "esse", "essa", "mas", "e", "ou", "também", "então", "em",
        "no", "na", "com", "por", "para", "segundo", "desde", "quando", "como", "que", "quem",
        "onde", "se", "não", "hoje", "ontem", "após", "depois", "antes",
    ],
    ordinal_dot: false,
};

const NL: LangData = LangData {
    titles: &[
        "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "ds", "st", "zr", "vs", "ca",
        "vgl", "bijv", "bv",
    ],
    ambiguous: &[
        "enz", "etc", "nv", "bv", "inc", "ltd", "jan", "feb", "mrt", "apr", "jun", "jul", "aug",
        "sep", "sept", "okt", "nov", "dec", "ma", "di", "wo", "do", "vr", "za", "zo", "km", "kg",
        "min", "max", "mln", "mld", "blz",
    ],
    numeric: &["nr", "no", "blz", "p", "pp", "art", "hfst", "vol"],
    starters: &[
        "de", "het", "een", "hij", "zij", "ze", "het", "wij", "we", "ik", "jij", "je", "u", "dit",
        "dat", "deze", "die", "maar", "en", "of", "ook", "toen", "nu", "in", "op", "bij", "met",
        "na", "voor", "volgens", "sinds", "als", "wanneer", "hoe", "wat", "wie", "waar", "waarom",
        "niet", "geen", "er", "daar", "hier", "vandaag", "gisteren",
    ],
    ordinal_dot: false,
};

const SV: LangData = LangData {
    titles: &["hr", "fr", "dr", "prof", "st", "jfr", "ca", "resp", "kl"],
    ambiguous: &[
        "osv", "etc", "mm", "bla", "tex", "dvs", "ab", "inc", "ltd", "jan", "feb", "mars", "apr",
        "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "km", "kg", "min", "milj", "mdr",
        "kr",
    ],
    numeric: &["nr", "s", "sid", "kap", "p"],
    starters: &[
        "den", "det", "de", "en", "ett", "han", "hon", "vi", "jag", "du", "ni", "dom", "men",
        "och", "eller", "så", "nu", "då", "i", "på", "med", "efter", "enligt", "sedan", "när",
        "hur", "vad", "vem", "var", "varför", "inte", "detta", "denna", "dessa", "där", "här",
        "i dag", "igår",
    ],
    ordinal_dot: false,
};

const DA: LangData = LangData {
    titles: &[
        "hr", "fru", "frk", "dr", "prof", "st", "jf", "ca", "kl", "cand", "mag",
    ],
    ambiguous: &[
        "osv", "etc", "mv", "bl", "fx", "feks", "dvs", "aps", "as", "inc", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "km", "kg", "min", "mio",
        "mia", "kr", "ca",
    ],
    numeric: &["nr", "s", "stk", "kap", "p"],
    starters: &[
        "den", "det", "de", "en", "et", "han", "hun", "vi", "jeg", "du", "i", "men", "og", "eller",
        "så", "nu", "da", "på", "med", "efter", "ifølge", "siden", "når", "hvordan", "hvad",
        "hvem", "hvor", "hvorfor", "ikke", "dette", "disse", "der", "her",
    ],
    ordinal_dot: true,
};

const NO: LangData = LangData {
    titles: &[
        "hr", "fru", "frk", "dr", "prof", "st", "jf", "ca", "kl", "cand",
    ],
    ambiguous: &[
        "osv", "etc", "mv", "bl", "fx", "feks", "dvs", "as", "asa", "inc", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des", "km", "kg", "min", "mill",
        "mrd", "kr",
    ],
    numeric: &["nr", "s", "stk", "kap", "p"],
    starters: &[
        "den", "det", "de", "en", "et", "ei", "han", "hun", "vi", "jeg", "du", "dere", "men", "og",
        "eller", "så", "nå", "da", "i", "på", "med", "etter", "ifølge", "siden", "når", "hvordan",
        "hva", "hvem", "hvor", "hvorfor", "ikke", "dette", "disse", "der", "her",
    ],
    ordinal_dot: true,
};

const FI: LangData = LangData {
    titles: &[
        "prof", "tri", "toht", "dos", "maist", "ns", "ks", "vrt", "ts", "klo", "n",
    ],
    ambiguous: &[
        "esim", "jne", "mm", "yms", "ym", "tms", "oy", "oyj", "ab", "ry", "ko", "ao", "eaa", "jaa",
        "eKr", "jKr", "km", "kg", "min", "milj", "mrd", "tammik", "helmik", "maalisk", "huhtik",
        "toukok", "kesäk", "heinäk", "elok", "syysk", "lokak", "marrask", "jouluk",
    ],
    numeric: &["nro", "s", "sivu", "v", "p"],
    starters: &[
        "se",
        "ne",
        "hän",
        "he",
        "me",
        "minä",
        "sinä",
        "te",
        "tämä",
        "nämä",
        "tuo",
        "mutta",
        "ja",
        "tai",
        "sekä",
        "kun",
        "jos",
        "nyt",
        "sitten",
        "myös",
        "lisäksi",
        "siksi",
        "miksi",
        "mitä",
        "kuka",
        "missä",
        "miten",
        "ei",
        "vaikka",
        "koska",
        "nyt",
        "tänään",
        "eilen",
    ],
    ordinal_dot: true,
};

const HU: LangData = LangData {
    titles: &[
        "dr", "prof", "ifj", "id", "özv", "gróf", "br", "szt", "kb", "ún", "vö",
    ],
    ambiguous: &[
        "stb", "pl", "ill", "kft", "zrt", "nyrt", "bt", "rt", "inc", "jan", "febr", "márc", "ápr",
        "máj", "jún", "júl", "aug", "szept", "okt", "nov", "dec", "km", "kg", "min", "mrd",
        "millió", "ford", "szerk", "u", "krt", "stb",
    ],
    numeric: &["sz", "o", "old", "p", "fej", "ker"],
    starters: &[
        "a", "az", "egy", "ő", "ők", "mi", "ti", "én", "te", "ez", "az", "ezek", "azok", "de",
        "és", "vagy", "is", "majd", "most", "akkor", "ha", "mert", "amikor", "hogyan", "mit", "ki",
        "hol", "miért", "nem", "itt", "ott", "ma", "tegnap", "szerinte",
    ],
    ordinal_dot: true,
};

const RO: LangData = LangData {
    titles: &[
        "dl", "dna", "dra", "dr", "prof", "ing", "gen", "col", "lt", "sf", "str", "bd", "bdul",
        "cca", "pr",
    ],
    ambiguous: &[
        "etc", "sa", "srl", "inc", "ltd", "ian", "feb", "mar", "apr", "iun", "iul", "aug", "sept",
        "oct", "nov", "dec", "km", "kg", "min", "mil", "mld", "lei", "jud",
    ],
    numeric: &["nr", "pag", "p", "art", "cap", "vol", "alin"],
    starters: &[
        "el", "ea", "ei", "ele", "eu", "noi", "voi", "un", "o", "acesta", "aceasta", "acest",
        "această", "dar", "și", "sau", "apoi", "acum", "în", "pe", "la", "cu", "pentru", "după",
        "potrivit", "când", "cum", "ce", "cine", "unde", "de", "nu", "aici", "astăzi", "ieri",
    ],
    ordinal_dot: false,
};

const RU: LangData = LangData {
    titles: &[
        "г",
        "гг",
        "гр",
        "тов",
        "проф",
        "акад",
        "доц",
        "д-р",
        "ген",
        "ул",
        "пр",
        "просп",
        "пер",
        "пл",
        "наб",
        "им",
        "св",
        "ок",
        "ср",
        "см",
        "напр",
    ],
    ambiguous: &[
        "др", "пр", "т", "д", "п", "руб", "коп", "тыс", "млн", "млрд", "трлн", "км", "кг", "мин",
        "янв", "февр", "фев", "апр", "авг", "сент", "сен", "окт", "нояб", "ноя", "дек", "ооо",
        "зао", "оао", "пао", "вв", "стр",
    ],
    numeric: &[
        "№", "с", "стр", "ст", "гл", "рис", "табл", "п", "д", "кв", "корп",
    ],
    starters: &[
        "он",
        "она",
        "оно",
        "они",
        "мы",
        "вы",
        "я",
        "ты",
        "это",
        "этот",
        "эта",
        "эти",
        "но",
        "и",
        "а",
        "или",
        "однако",
        "тогда",
        "теперь",
        "в",
        "во",
        "на",
        "по",
        "с",
        "со",
        "для",
        "после",
        "до",
        "когда",
        "как",
        "что",
        "кто",
        "где",
        "почему",
        "если",
        "не",
        "нет",
        "здесь",
        "там",
        "сегодня",
        "вчера",
        "также",
        "кроме",
        "при",
    ],
    ordinal_dot: false,
};

const TR: LangData = LangData {
    titles: &[
        "dr", "prof", "doç", "av", "öğr", "gör", "yrd", "sn", "bkz", "cad", "sok", "mah", "blv",
        "apt", "vs", "vb", "vd", "örn", "yak", "mr",
    ],
    ambiguous: &[
        "ltd", "şti", "aş", "inc", "oca", "şub", "mar", "nis", "haz", "tem", "ağu", "eyl", "eki",
        "kas", "ara", "km", "kg", "dk", "sa", "yy", "bşk", "müd", "gn", "tic",
    ],
    numeric: &["no", "s", "sf", "md", "nr", "c"],
    starters: &[
        "bu", "şu", "o", "onlar", "biz", "siz", "ben", "sen", "ama", "ve", "veya", "ancak",
        "fakat", "sonra", "şimdi", "bir", "bunun", "bunu", "ne", "kim", "nerede", "neden", "nasıl",
        "eğer", "çünkü", "bugün", "dün", "ayrıca", "öte", "daha", "her",
    ],
    ordinal_dot: true,
};

const EL: LangData = LangData {
    titles: &[
        "κ", "κα", "κκ", "δρ", "καθ", "στρ", "αγ", "οδ", "λεωφ", "βλ", "πρβλ", "περ",
    ],
    ambiguous: &[
        "κλπ", "κτλ", "κ.ά", "δηλ", "ιαν", "φεβ", "μαρ", "απρ", "ιουν", "ιουλ", "αυγ", "σεπ",
        "οκτ", "νοε", "δεκ", "χλμ", "εκατ", "δισ", "χιλ", "ευρ", "αε", "επε", "ιδ", "ο.π",
    ],
    numeric: &["αρ", "σελ", "σ", "άρθ", "κεφ", "τ", "εικ"],
    starters: &[
        "ο",
        "η",
        "το",
        "οι",
        "τα",
        "ένας",
        "μια",
        "ένα",
        "αυτός",
        "αυτή",
        "αυτό",
        "αυτοί",
        "εμείς",
        "εσείς",
        "εγώ",
        "αλλά",
        "και",
        "ή",
        "όμως",
        "τότε",
        "τώρα",
        "σε",
        "στο",
        "στη",
        "στην",
        "με",
        "για",
        "μετά",
        "πριν",
        "όταν",
        "πώς",
        "τι",
        "ποιος",
        "πού",
        "γιατί",
        "αν",
        "δεν",
        "εδώ",
        "εκεί",
        "σήμερα",
        "χθες",
        "επίσης",
        "σύμφωνα",
    ],
    ordinal_dot: false,
};

const AR: LangData = LangData {
    titles: &["د", "أ", "م", "ش", "ج"],
    ambiguous: &["ص", "هـ", "ق", "ت", "كم", "كغ"],
    numeric: &["رقم", "ص"],
    starters: &[],
    ordinal_dot: false,
};

const TA: LangData = LangData {
    titles: &["திரு", "திருமதி", "செல்வி", "டாக்டர்", "பேரா", "டா", "மு", "கு"],
    ambiguous: &["கி", "மீ", "கிமீ", "ரூ"],
    numeric: &["எண்", "பக்"],
    starters: &[],
    ordinal_dot: false,
};

/// English words that never end a sentence, so a line ending in one runs on.
const ENGLISH_LINKING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or",
    "but", "as", "into", "than", "its", "their", "his", "her", "our", "my", "your", "about",
    "after", "before", "over", "under", "between", "against", "during", "that", "which", "who",
];

/// The data of `lang`.
fn lang_data(lang: Lang) -> &'static LangData {
    match lang {
        Lang::English => &EN,
        Lang::German => &DE,
        Lang::French => &FR,
        Lang::Spanish => &ES,
        Lang::Italian => &IT,
        Lang::Portuguese => &PT,
        Lang::Dutch => &NL,
        Lang::Swedish => &SV,
        Lang::Danish => &DA,
        Lang::Norwegian => &NO,
        Lang::Finnish => &FI,
        Lang::Hungarian => &HU,
        Lang::Romanian => &RO,
        Lang::Russian => &RU,
        Lang::Turkish => &TR,
        Lang::Greek => &EL,
        Lang::Arabic => &AR,
        Lang::Tamil => &TA,
    }
}

/// An abbreviation entry: its kind, and whether the word must be capitalised.
type Entry = (Kind, bool);

/// Keys are short words looked up at every full stop: a fast hash pays.
type Hasher = foldhash::fast::RandomState;
type FastMap<K, V> = HashMap<K, V, Hasher>;

/// The lookup tables of one language, built once per process.
#[derive(Debug)]
struct Rules {
    /// Lower-cased abbreviations, as bytes so that a key built in a buffer
    /// needs no UTF-8 check.
    abbreviations: FastMap<Vec<u8>, Entry>,
    /// The shapes of the keys of `abbreviations`.
    shapes: crate::shapes::WordShapes,
    /// The byte length of the longest key: a longer word needs no lookup.
    longest: usize,
    starters: HashSet<String, Hasher>,
    ordinal_dot: bool,
    greek: bool,
}

impl Rules {
    fn build(lang: Lang) -> Rules {
        let data = lang_data(lang);
        let mut abbreviations = FastMap::default();
        // Later lists win on a clash: a word that is both numeric and
        // something else ("no") is an abbreviation before a number and a
        // plain word elsewhere.
        for (list, kind) in [
            (data.ambiguous, Kind::Ambiguous),
            (data.titles, Kind::Title),
            (data.numeric, Kind::Numeric),
        ] {
            for entry in list {
                let (key, upper) = entry_key(entry);
                abbreviations.insert(key, (kind, upper));
            }
        }
        Rules {
            longest: abbreviations.keys().map(Vec::len).max().unwrap_or(0),
            shapes: crate::shapes::WordShapes::of(abbreviations.keys().map(Vec::as_slice)),
            abbreviations,
            starters: data.starters.iter().map(|s| s.to_lowercase()).collect(),
            ordinal_dot: data.ordinal_dot,
            greek: lang == Lang::Greek,
        }
    }

    fn get(lang: Lang) -> &'static Rules {
        static RULES: OnceLock<Vec<Rules>> = OnceLock::new();
        let all = RULES.get_or_init(|| Lang::ALL.iter().map(|&l| Rules::build(l)).collect());
        // `Lang::ALL` lists the variants in declaration order.
        &all[lang as usize]
    }
}

/// The lookup key of a table entry and whether it demands a capital.
fn entry_key(entry: &str) -> (Vec<u8>, bool) {
    let entry = entry.trim().trim_end_matches('.');
    let upper = entry.chars().next().is_some_and(char::is_uppercase);
    (entry.to_lowercase().into_bytes(), upper)
}

/// A sentence splitter for one language.
///
/// ```
/// use newsgist::{Lang, segment::Splitter};
/// let text = "Dr. Weiß kam am 3. Oktober. Er blieb.";
/// let sentences = Splitter::new(Lang::German).split(text);
/// let texts: Vec<&str> = sentences.iter().map(|s| s.text(text)).collect();
/// assert_eq!(texts, ["Dr. Weiß kam am 3. Oktober.", "Er blieb."]);
/// ```
#[derive(Debug, Clone)]
pub struct Splitter {
    lang: Lang,
    rules: &'static Rules,
    extra: FastMap<Vec<u8>, Entry>,
    /// The byte length of the longest abbreviation, built-in or added.
    longest: usize,
}

impl Splitter {
    /// A splitter with the built-in rules of `lang`.
    pub fn new(lang: Lang) -> Splitter {
        let rules = Rules::get(lang);
        Splitter {
            lang,
            rules,
            extra: FastMap::default(),
            longest: rules.longest,
        }
    }

    /// Adds abbreviations to the built-in ones, written with or without
    /// their final dot ("Abg." or "Abg"; "z.B." for dotted ones).
    ///
    /// An added abbreviation ends a sentence only when the next word
    /// typically opens one ("The", "He", …), like "Inc." does. An entry that
    /// starts with a capital only matches capitalised words.
    ///
    /// ```
    /// use newsgist::{Lang, segment::Splitter};
    /// let text = "The Gen.-Sekr. Meyer spoke. Then he left.";
    /// let plain = Splitter::new(Lang::English);
    /// assert_eq!(plain.split(text).len(), 3);
    /// let custom = plain.with_abbreviations(["Gen.-Sekr."]);
    /// assert_eq!(custom.split(text).len(), 2);
    /// ```
    pub fn with_abbreviations<I: IntoIterator<Item = S>, S: AsRef<str>>(
        mut self,
        extra: I,
    ) -> Self {
        for entry in extra {
            let (key, upper) = entry_key(entry.as_ref());
            if !key.is_empty() {
                self.longest = self.longest.max(key.len());
                self.extra.insert(key, (Kind::Ambiguous, upper));
            }
        }
        self
    }

    /// The language whose rules this splitter applies.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Splits `text` into sentences, in order.
    ///
    /// The spans are ascending, never overlap, are trimmed of white space and
    /// never empty.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut scan = Scan::<true>::new(self, text);
        scan.run();
        scan.out
    }

    /// Whether the ASCII word `word`, once lower-cased, may have an entry;
    /// `false` is certain, and needs neither the lower-cased word nor a hash.
    fn may_be_ascii_key(&self, word: &[u8]) -> bool {
        let (Some(first), Some(last)) = (word.first(), word.last()) else {
            return false;
        };
        word.len() <= self.longest
            && (!self.extra.is_empty()
                || self.rules.shapes.may_hold(
                    word.len(),
                    first.to_ascii_lowercase(),
                    last.to_ascii_lowercase(),
                ))
    }

    /// The entry of a lower-cased word.
    fn lookup(&self, key: &[u8]) -> Option<Entry> {
        if key.len() > self.longest {
            return None;
        }
        self.extra
            .get(key)
            .or_else(|| self.rules.abbreviations.get(key))
            .copied()
    }
}

/// Splits English text; see [`Splitter::split`].
///
/// ```
/// let text = "It rained. Then it stopped.";
/// let s = newsgist::segment::split(text);
/// assert_eq!(s[1].text(text), "Then it stopped.");
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    static EN: OnceLock<Splitter> = OnceLock::new();
    EN.get_or_init(|| Splitter::new(Lang::English)).split(text)
}

// ---------------------------------------------------------------------------
// Character classes.

/// White space for trimming and word separation; adds the invisible
/// characters that pasted news text carries around.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}' | '\u{180E}')
}

fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

const fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '］'
            | '〕'
            | '】'
            | '》'
            | '〉'
            | '＂'
    )
}

const fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
    )
}

/// ASCII bytes that, inside a word of a sentence already under way, leave
/// the scanner's state as it is: everything but white space, control
/// characters, terminal punctuation (`;` is Greek's question mark) and
/// non-ASCII bytes.
const PLAIN_IN_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x21;
    while b <= 0x7F {
        table[b] = !matches!(b as u8, b'.' | b'?' | b'!' | b';');
        b += 1;
    }
    table
};

/// The most words any rule asks a sentence to have; counting beyond this
/// changes nothing.
const WORDS_THAT_MATTER: usize = 3;

/// What [`skim_prose`] passed over: a run of plain bytes and spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Skim {
    /// The first byte that is neither [`PLAIN_IN_WORD`] nor a space, or the
    /// length.
    end: usize,
    /// The word count, raised by the words that start inside the run but
    /// only up to [`WORDS_THAT_MATTER`].
    words: usize,
    /// Where the last word that starts inside the run starts.
    last_word: Option<usize>,
    /// Whether the run ends inside a word (unchanged when the run is empty).
    in_word: bool,
}

/// Skims the run of plain bytes and spaces from `start` on; `in_word` says
/// whether byte `start - 1` belongs to a word, and `words` is the count so
/// far.
///
/// In a sentence already under way these bytes only move the word count and
/// the start of the current token, so the scanner hands whole runs of prose
/// to this function and decodes only what ends them: terminal punctuation,
/// other white space and non-ASCII characters. Only the run's last word and
/// a sentence's first few words are looked at byte by byte.
fn skim_prose(bytes: &[u8], start: usize, in_word: bool, words: usize) -> Skim {
    let end = prose_end(bytes, start);
    let mut skim = Skim {
        end,
        words,
        last_word: None,
        in_word,
    };
    let run = bytes.get(start..end).unwrap_or(&[]);
    if run.is_empty() {
        return skim;
    }
    // The run holds no white space but spaces.
    let body = run.trim_ascii_end();
    skim.in_word = body.len() == run.len();
    if !body.is_empty() {
        let word = body.iter().rposition(|&b| b == b' ').map_or(0, |p| p + 1);
        // A word at the very start may be one that began before the run.
        if word > 0 || !in_word {
            skim.last_word = Some(start + word);
        }
    }
    if skim.words < WORDS_THAT_MATTER {
        let wanted = WORDS_THAT_MATTER - skim.words;
        skim.words += count_word_starts(run, in_word, wanted);
    }
    skim
}

/// How many words start in `run`, a run of [`PLAIN_IN_WORD`] bytes and
/// spaces, counted up to `wanted`; `in_word` says whether the byte before
/// the run belongs to a word.
///
/// Eight bytes at a time, like [`prose_end`]: a sentence's first words are
/// counted at the start of every sentence.
fn count_word_starts(run: &[u8], in_word: bool, wanted: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    /// The word starts among eight bytes, and the top bit of the last byte
    /// when it is a letter, given that bit of the byte before them.
    fn starts(v: u64, letter_before: u64) -> (usize, u64) {
        // No byte is above 0x7F, so the sum sets a top bit without carrying
        // exactly for the bytes above the space.
        let letters = (v + ONES * u64::from(0x80 - b'!')) & HIGH;
        let starts = letters & !((letters << 8) | letter_before);
        (starts.count_ones() as usize, letters >> 56)
    }
    let mut count = 0;
    let mut letter_before = if in_word { 0x80 } else { 0 };
    let mut chunks = run.chunks_exact(8);
    for chunk in &mut chunks {
        if count >= wanted {
            return wanted;
        }
        let (n, last) = starts(
            chunk.try_into().map_or(0, u64::from_le_bytes),
            letter_before,
        );
        count += n;
        letter_before = last;
    }
    // The rest, padded with spaces, which start no word.
    let mut rest = [b' '; 8];
    for (slot, &b) in rest.iter_mut().zip(chunks.remainder()) {
        *slot = b;
    }
    count += starts(u64::from_le_bytes(rest), letter_before).0;
    count.min(wanted)
}

/// The first byte from `i` on that is neither [`PLAIN_IN_WORD`] nor a
/// space, or the length.
///
/// Sixteen bytes at a time: a sentence runs for a hundred-odd bytes between
/// the marks that end the run, and two words of eight bytes share one test
/// and one step of the loop. Kept out of line so that its constants stay in
/// registers rather than being reloaded in every round.
#[inline(never)]
fn prose_end(bytes: &[u8], mut i: usize) -> usize {
    let word = |chunk: &[u8]| chunk.try_into().map_or(0, u64::from_le_bytes);
    let rest = bytes.get(i..).unwrap_or(&[]);
    let mut pairs = rest.chunks_exact(16);
    for pair in &mut pairs {
        let (low, high) = pair.split_at(8);
        let (low, high) = (run_enders(word(low)), run_enders(word(high)));
        if low | high != 0 {
            let at = if low != 0 {
                low.trailing_zeros()
            } else {
                64 + high.trailing_zeros()
            };
            return i + at as usize / 8;
        }
        i += 16;
    }
    let mut chunks = pairs.remainder().chunks_exact(8);
    for chunk in &mut chunks {
        let enders = run_enders(word(chunk));
        if enders != 0 {
            return i + enders.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    let tail = chunks.remainder();
    i + tail
        .iter()
        .take_while(|&&b| b == b' ' || PLAIN_IN_WORD[usize::from(b)])
        .count()
}

/// The top bit of each of the eight bytes of `v` (little-endian) that ends
/// a run of prose: neither [`PLAIN_IN_WORD`] nor a space.
fn run_enders(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // The top bit of each byte that goes on with the run, as in
    // `classify8` of the word finder. With the top bits cleared no sum
    // below carries into the next byte, and a sum with `!HIGH` sets a
    // byte's top bit exactly when the byte is not zero.
    let x = v & !HIGH;
    let nonzero = |y: u64| y + !HIGH;
    // Space or above: no control byte.
    let from_space = x + ONES * u64::from(0x80 - b' ');
    // `;` (0x3B) and `?` (0x3F) are the only bytes that read 0x3F once
    // bit 2 is set.
    let no_semicolon_or_question = nonzero((x | (ONES * 0x04)) ^ (ONES * u64::from(b'?')));
    let no_mark = nonzero(x ^ (ONES * u64::from(b'!')))
        & nonzero(x ^ (ONES * u64::from(b'.')))
        & no_semicolon_or_question;
    // `!v`: no non-ASCII byte, which `x` no longer tells apart.
    let goes_on = from_space & no_mark & !v & HIGH;
    goes_on ^ HIGH
}

/// Whether `c` separates the word before a full stop from what precedes it
/// in its token: a bracket, a quote mark or a slash ("(CNN)U.S.").
const fn cuts_word(c: char) -> bool {
    is_opener(c) || is_closer(c) || c == '/'
}

/// [`cuts_word`] for ASCII bytes; true for every other byte, whose char
/// must be decoded to tell.
const CUTS_WORD: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = cuts_word(b as u8 as char);
        b += 1;
    }
    table
};

/// Marks that end a sentence whatever follows them.
fn is_hard_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '｡' | '।' | '॥' | '։' | '።' | '፧' | '᙮' | '۔' | '။' | '܀'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐')
}

/// The leading run of letters of `s`, lower-cased into `buf`; `None` when
/// there is none or it does not fit (no word worth looking up is that long).
fn lower_word<'b>(s: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let mut n = 0;
    for c in s.chars() {
        if !c.is_alphabetic() {
            break;
        }
        if !push_lower(c, buf, &mut n) {
            return None;
        }
    }
    if n == 0 {
        return None;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Appends `c` lower-cased to `buf[..*n]`; `false` when it does not fit.
/// ASCII, nearly every letter before a full stop, skips the Unicode tables.
#[inline]
fn push_lower(c: char, buf: &mut [u8], n: &mut usize) -> bool {
    if c.is_ascii() {
        let Some(slot) = buf.get_mut(*n) else {
            return false;
        };
        *slot = (c as u8).to_ascii_lowercase();
        *n += 1;
        return true;
    }
    for lc in c.to_lowercase() {
        if *n + lc.len_utf8() > buf.len() {
            return false;
        }
        *n += lc.encode_utf8(&mut buf[*n..]).len();
    }
    true
}

/// The most bytes of a lower-cased word looked up in the abbreviation
/// tables; a longer word reads as a plain word.
const KEY_BYTES: usize = 64;

/// `tok` lower-cased into `buf`, the key of the abbreviation tables; `None`
/// when it does not fit. ASCII, nearly every word before a full stop, is
/// lower-cased byte by byte.
fn lower_key<'b>(tok: &str, buf: &'b mut [u8; KEY_BYTES]) -> Option<&'b [u8]> {
    if tok.is_ascii() {
        let key = buf.get_mut(..tok.len())?;
        for (k, b) in key.iter_mut().zip(tok.bytes()) {
            *k = b.to_ascii_lowercase();
        }
        return Some(key);
    }
    let mut n = 0;
    for c in tok.chars() {
        if !push_lower(c, buf, &mut n) {
            return None;
        }
    }
    buf.get(..n)
}

/// Words that, right after a verb of saying, open a clause of reported
/// speech ("she said the …", "he said that …").
const REPORTED_CLAUSE_OPENERS: &[&str] = &[
    "that", "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "this",
    "these", "those", "many", "some", "most", "his", "her", "their", "its", "our", "no",
];

/// Verbs that attribute a quotation ("…?" she asked).
fn speech_verbs(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::English => &[
            "said",
            "says",
            "asked",
            "asks",
            "told",
            "added",
            "adds",
            "wrote",
            "writes",
            "shouted",
            "yelled",
            "cried",
            "exclaimed",
            "replied",
            "replies",
            "wondered",
            "explained",
            "insisted",
            "recalled",
            "tweeted",
            "posted",
            "joked",
            "laughed",
            "screamed",
            "demanded",
            "continued",
            "declared",
            "noted",
            "quipped",
        ],
        _ => &[],
    }
}

/// The largest char boundary of `text` at or below `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or above `i`.
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char at byte `i` (which must be a boundary) and its length.
///
/// An ASCII byte is always a whole char: the look-arounds, which read
/// mostly ASCII, decode nothing.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        _ => {
            let c = text.get(i..)?.chars().next()?;
            Some((c, c.len_utf8()))
        }
    }
}

/// The char that ends at byte `i` (which must be a boundary).
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|p| text.as_bytes().get(p)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..i)?.chars().next_back(),
    }
}

/// Whether ASCII byte `b` is white space for [`is_space`], which adds only
/// non-ASCII characters to ASCII's `\t` to `\r` and the space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `s` without leading white space ([`is_space`]); ASCII needs no decoding.
fn trim_space_start(s: &str) -> &str {
    let ascii = s.bytes().take_while(|&b| is_ascii_space(b)).count();
    let rest = s.get(ascii..).unwrap_or(s);
    match rest.as_bytes().first() {
        Some(b) if b.is_ascii() => rest,
        _ => rest.trim_start_matches(is_space),
    }
}

/// `s` without trailing white space ([`is_space`]); ASCII needs no decoding.
fn trim_space_end(s: &str) -> &str {
    let ascii = s.bytes().rev().take_while(|&b| is_ascii_space(b)).count();
    let rest = s.get(..s.len() - ascii).unwrap_or(s);
    match rest.as_bytes().last() {
        Some(b) if b.is_ascii() => rest,
        _ => rest.trim_end_matches(is_space),
    }
}

/// What follows a candidate boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// End of text.
    End,
    /// A line break; the line-break rule has the last word.
    LineEnd,
    /// Text follows with no white space in between.
    NoSpace,
    /// A capitalised (or uncased) word, starting at the byte offset.
    Upper(usize),
    Lower,
    Digit,
    Other,
}

/// How the word before a full stop reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Plain,
    Number { small: bool },
    Abbrev(Kind),
}

/// A list marker: "3.", "3)", "3.)", "c." or "c)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    value: u32,
    alpha: bool,
    style: u8,
    end: usize,
}

// ---------------------------------------------------------------------------
// The scanner.

/// The scanner of one text. `SKIMS` says whether runs of prose go to
/// [`skim_prose`]: always in use, and off only in tests that check that
/// skimming changes nothing. A constant rather than a field, so that the
/// check costs nothing at run time.
struct Scan<'a, const SKIMS: bool> {
    sp: &'a Splitter,
    text: &'a str,
    bytes: &'a [u8],
    out: Vec<Sentence>,
    seg_start: usize,
    paragraph: usize,
    /// Whether the current paragraph holds any text yet.
    para_content: bool,
    /// Whether the current sentence holds anything but white space.
    has_content: bool,
    /// Whether it holds anything but bullets and a leading list marker.
    has_word: bool,
    marker_seen: bool,
    /// The first letter or digit of the sentence was upper case or a digit.
    prose_start: Option<bool>,
    /// How many words the sentence has; exact up to [`WORDS_THAT_MATTER`],
    /// where skimming stops counting.
    words: usize,
    in_word: bool,
    /// Start of the current token within the sentence.
    token_start: usize,
    /// Start of the current white-space-delimited token, even when a glued
    /// sentence boundary ("world.Today") cut it.
    raw_token_start: usize,
    /// Token start and verdict of the last link check.
    link_cache: (usize, bool),
    list_expect: Option<(u32, bool, u8)>,
}

impl<'a, const SKIMS: bool> Scan<'a, SKIMS> {
    fn new(sp: &'a Splitter, text: &'a str) -> Scan<'a, SKIMS> {
        Scan {
            sp,
            text,
            bytes: text.as_bytes(),
            // News sentences run to a hundred-odd bytes: sized so that
            // most documents need no regrowth.
            out: Vec::with_capacity(text.len() / 80 + 1),
            seg_start: 0,
            paragraph: 0,
            para_content: false,
            has_content: false,
            has_word: false,
            marker_seen: false,
            prose_start: None,
            words: 0,
            in_word: false,
            token_start: 0,
            raw_token_start: 0,
            link_cache: (usize::MAX, false),
            list_expect: None,
        }
    }

    fn run(&mut self) {
        let len = self.bytes.len();
        let mut i = 0;
        while i < len {
            if SKIMS
                && self.has_word
                && self.has_content
                && self.para_content
                && self.prose_start.is_some()
                && self.list_expect.is_none()
            {
                // In a running sentence that is not a list item, plain ASCII
                // words and the spaces between them only move the token
                // bookkeeping: skim them without decoding.
                let skim = skim_prose(self.bytes, i, self.in_word, self.words);
                self.words = skim.words;
                if let Some(word) = skim.last_word {
                    self.token_start = word;
                    self.raw_token_start = word;
                }
                self.in_word = skim.in_word;
                i = skim.end;
                if i == len {
                    break;
                }
            }
            let b = self.bytes[i];
            let (c, clen) = if b < 0x80 {
                (b as char, 1)
            } else {
                match char_at(self.text, i) {
                    Some(x) => x,
                    None => {
                        // Unreachable for valid UTF-8 offsets; step on to stay total.
                        i += 1;
                        continue;
                    }
                }
            };
            let newline = is_newline(c) || (c == '\r' && self.bytes.get(i + 1) != Some(&b'\n'));
            if newline {
                i = self.line_break(i, clen);
                continue;
            }
            if is_space(c) {
                self.in_word = false;
                i += clen;
                continue;
            }
            if !self.in_word {
                let marker = if b.is_ascii_digit() || b.is_ascii_lowercase() {
                    self.marker(i)
                } else {
                    None
                };
                if let Some(m) = marker {
                    if !self.has_word && !self.marker_seen {
                        self.start_content();
                        self.marker_seen = true;
                        self.list_expect = Some((m.value + 1, m.alpha, m.style));
                        self.in_word = true;
                        self.token_start = i;
                        i = m.end;
                        continue;
                    }
                    if self.has_word && self.list_expect == Some((m.value, m.alpha, m.style)) {
                        self.cut(i);
                        continue;
                    }
                }
                self.in_word = true;
                self.token_start = i;
                self.raw_token_start = i;
                self.words += 1;
            }
            if is_bullet(c) {
                if self.has_word {
                    self.cut(i);
                }
                self.start_content();
                // A bullet may be glued to its marker ("⁃9."): let the marker
                // check run on the next char.
                self.in_word = false;
                i += clen;
                continue;
            }
            self.start_content();
            if !self.has_word {
                self.has_word = true;
                if !self.marker_seen {
                    self.list_expect = None;
                }
            }
            if self.prose_start.is_none() && c.is_alphanumeric() {
                self.prose_start = Some(c.is_uppercase() || c.is_numeric() || !c.is_lowercase());
            }
            i = match c {
                '.' => self.full_stop(i),
                '?' | '!' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '\u{37E}' => self.question(i),
                ';' if self.sp.rules.greek => self.question(i),
                '…' => self.ellipsis(i, i + clen),
                _ if is_hard_stop(c) => self.hard_stop(i),
                _ => i + clen,
            };
        }
        self.push(self.seg_start, len);
    }

    fn start_content(&mut self) {
        self.has_content = true;
        self.para_content = true;
    }

    /// Ends the current sentence at byte `at`; the next one starts there.
    fn cut(&mut self, at: usize) {
        self.push(self.seg_start, at);
        self.seg_start = at;
        self.has_content = false;
        self.has_word = false;
        self.marker_seen = false;
        self.prose_start = None;
        self.words = 0;
        self.in_word = false;
        self.token_start = at;
    }

    fn push(&mut self, start: usize, end: usize) {
        let Some(slice) = self.text.get(start..end) else {
            return;
        };
        let trimmed_front = trim_space_start(slice);
        let s = start + (slice.len() - trimmed_front.len());
        let e = s + trim_space_end(trimmed_front).len();
        if s < e {
            self.out.push(Sentence {
                start: s,
                end: e,
                paragraph: self.paragraph,
            });
        }
    }

    fn new_paragraph(&mut self) {
        if self.para_content {
            self.paragraph += 1;
            self.para_content = false;
        }
        self.list_expect = None;
    }

    /// Handles the line break at `i`; returns where scanning resumes.
    fn line_break(&mut self, i: usize, clen: usize) -> usize {
        let len = self.bytes.len();
        let mut k = i + clen;
        let mut blank = false;
        while let Some((c, l)) = char_at(self.text, k) {
            if is_newline(c) || (c == '\r' && self.bytes.get(k + 1) != Some(&b'\n')) {
                blank = true;
            } else if !is_space(c) {
                break;
            }
            k += l;
        }
        self.in_word = false;
        if !self.has_content {
            // The sentence already ended on this line.
            if self.seg_start < i {
                self.cut(i);
            }
            self.new_paragraph();
            return k;
        }
        if !blank && k < len && self.continues(i, k) {
            return k;
        }
        self.cut(i);
        self.new_paragraph();
        k
    }

    /// Whether the sentence running at the line break `i` goes on at `k`,
    /// the first char of the next line.
    fn continues(&self, i: usize, k: usize) -> bool {
        let Some((next, _)) = char_at(self.text, k) else {
            return false;
        };
        let last = self
            .text
            .get(self.seg_start..i)
            .and_then(|s| trim_space_end(s).chars().next_back());
        let Some(last) = last else {
            return false;
        };
        if is_dash(last) {
            // A dateline ("LONDON (Reuters) -") or a hyphenated word.
            return next.is_alphanumeric() || is_opener(next);
        }
        if self.words >= 2 && next.is_alphanumeric() && self.ends_in_function_word(i) {
            // "… voted late on\nTuesday": no headline ends in "on".
            return true;
        }
        next.is_lowercase()
            && self.prose_start == Some(true)
            && self.words >= 3
            && !matches!(last, ':' | ';')
    }

    /// Whether the text before `i` ends in a word that cannot end a
    /// sentence (an article, preposition or conjunction).
    fn ends_in_function_word(&self, i: usize) -> bool {
        let from = ceil_boundary(self.text, self.seg_start.max(i.saturating_sub(24)));
        let Some(head) = self.text.get(from..i) else {
            return false;
        };
        let head = trim_space_end(head);
        let word = head
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if word.is_empty() || word.len() == head.len() && from > self.seg_start {
            return false;
        }
        let list = if self.sp.lang == Lang::English {
            ENGLISH_LINKING_WORDS
        } else {
            lang_data(self.sp.lang).starters
        };
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// The byte after the closing quotes and brackets that follow `i`.
    fn skip_closers(&self, mut i: usize) -> usize {
        while let Some((c, l)) = char_at(self.text, i) {
            if is_closer(c) {
                i += l;
            } else if c == ' ' || c == '\u{A0}' || c == '\u{202F}' {
                // French puts a (narrow) space before a closing guillemet;
                // nested quotes get spaced apart ("… 'Why?' " she said).
                match char_at(self.text, i + l) {
                    Some(('»' | '›', l2)) => i += l + l2,
                    Some(('"' | '”', l2))
                        if char_at(self.text, i + l + l2).is_none_or(|(d, _)| is_space(d)) =>
                    {
                        i += l + l2
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        i
    }

    /// Classifies what follows byte `j`.
    fn next(&self, j: usize) -> Next {
        let mut k = j;
        let mut spaced = false;
        loop {
            let Some((c, l)) = char_at(self.text, k) else {
                return Next::End;
            };
            if is_newline(c) || c == '\r' {
                return Next::LineEnd;
            }
            if !is_space(c) {
                break;
            }
            spaced = true;
            k += l;
        }
        if !spaced {
            return Next::NoSpace;
        }
        for _ in 0..4 {
            match char_at(self.text, k) {
                Some((c, l)) if is_opener(c) => {
                    k += l;
                    if let Some((' ' | '\u{A0}' | '\u{202F}', l2)) = char_at(self.text, k) {
                        k += l2;
                    }
                }
                _ => break,
            }
        }
        let Some((c, _)) = char_at(self.text, k) else {
            return Next::Other;
        };
        if c.is_uppercase() {
            Next::Upper(k)
        } else if c.is_lowercase() {
            Next::Lower
        } else if c.is_numeric() || matches!(c, '$' | '£' | '€' | '¥' | '#') {
            Next::Digit
        } else if c.is_alphabetic() || is_bullet(c) {
            Next::Upper(k)
        } else {
            Next::Other
        }
    }

    /// Whether the word at `k` commonly opens a sentence.
    fn is_starter(&self, k: usize) -> bool {
        let mut buf = [0u8; 32];
        lower_word(self.text.get(k..).unwrap_or(""), &mut buf)
            .is_some_and(|w| self.sp.rules.starters.contains(w))
    }

    /// Whether a sentence starting at `next` may follow an ambiguous stop.
    fn starter_follows(&self, next: Next) -> bool {
        match next {
            Next::End | Next::LineEnd => true,
            Next::Upper(k) => self.is_starter(k),
            _ => false,
        }
    }

    /// Cuts after byte `j` when `brk`; returns where scanning resumes.
    fn cut_if(&mut self, brk: bool, j: usize) -> usize {
        if brk {
            self.cut(j);
        }
        j
    }

    fn question(&mut self, i: usize) -> usize {
        let mut j = i;
        while let Some((c, l)) = char_at(self.text, j) {
            let mark = matches!(c, '?' | '!' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '\u{37E}')
                || (c == ';' && self.sp.rules.greek);
            if !mark {
                break;
            }
            j += l;
        }
        let marks_end = j;
        let j = self.skip_closers(j);
        let next = self.next(j);
        let brk = match next {
            Next::End | Next::LineEnd | Next::Digit => true,
            // `"Why now?" Ana Ruiz asked.`: the quote is part of a sentence
            // that goes on with its attribution.
            Next::Upper(k) => {
                let quoted = self
                    .text
                    .get(marks_end..j)
                    .is_some_and(|c| c.contains(['"', '”', '’', '\'', '»']));
                !(quoted && self.attribution_follows(k))
            }
            _ => false,
        };
        self.cut_if(brk, j)
    }

    /// Whether one of the (at most five) words from `k` on is a verb of
    /// saying, as in `"…?" Ana Ruiz asked`.
    fn attribution_follows(&self, k: usize) -> bool {
        let verbs = speech_verbs(self.sp.lang);
        if verbs.is_empty() {
            return false;
        }
        // A bounded window keeps the look-ahead constant per mark.
        let end = floor_boundary(self.text, k.saturating_add(64));
        let mut rest = self.text.get(k..end).unwrap_or("");
        for _ in 0..5 {
            let mut buf = [0u8; 32];
            let Some(word) = lower_word(rest, &mut buf) else {
                return false;
            };
            if verbs.contains(&word) {
                // "… Ruiz said the plan failed" is a new sentence of reported
                // speech, not the quote's attribution.
                let after = rest.trim_start_matches(char::is_alphabetic);
                // "Told" and "asked" take an object ("told a court").
                let clause = !matches!(word, "told" | "asked")
                    && after.starts_with(' ')
                    && lower_word(after.trim_start_matches(' '), &mut buf)
                        .is_some_and(|w| REPORTED_CLAUSE_OPENERS.contains(&w));
                return !clause;
            }
            // Step over the word and what separates it from the next one.
            let skip = rest
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(rest.len(), |(n, _)| n);
            rest = &rest[skip..];
            let gap = rest
                .char_indices()
                .find(|&(_, c)| c.is_alphabetic())
                .map_or(rest.len(), |(n, _)| n);
            let between = &rest[..gap];
            // Names may hold initials ("Al J. Moss"); other punctuation ends the search.
            if between.len() > 3 || between.contains([',', ';', ':', '?', '!', '"', '“', '”']) {
                return false;
            }
            rest = &rest[gap..];
        }
        false
    }

    fn hard_stop(&mut self, i: usize) -> usize {
        let mut j = i;
        while let Some((c, l)) = char_at(self.text, j) {
            if !(is_hard_stop(c) || matches!(c, '?' | '!' | '.')) {
                break;
            }
            j += l;
        }
        let j = self.skip_closers(j);
        self.cut(j);
        j
    }

    /// An unspaced ellipsis `i..end` ("...", "....", "…").
    fn ellipsis(&mut self, i: usize, end: usize) -> usize {
        let j = self.skip_closers(end);
        // "[...]" marks an omission inside a quotation, never an ending.
        if matches!(char_before(self.text, i), Some('[' | '(')) {
            return j;
        }
        let brk = matches!(self.next(j), Next::End | Next::LineEnd | Next::Upper(_));
        self.cut_if(brk, j)
    }

    fn full_stop(&mut self, i: usize) -> usize {
        // Collect a run of dots, possibly single-spaced (". . .").
        let mut n = 1;
        let mut end = i + 1;
        let mut spaced = false;
        loop {
            match (self.bytes.get(end), self.bytes.get(end + 1)) {
                (Some(b'.'), _) => {
                    n += 1;
                    end += 1;
                }
                (Some(b' '), Some(b'.')) if n > 1 || self.spaced_ellipsis_ahead(end) => {
                    n += 1;
                    end += 2;
                    spaced = true;
                }
                _ => break,
            }
        }
        if n == 1 {
            return self.single_stop(i);
        }
        if !spaced {
            return self.ellipsis(i, end);
        }
        let attached = char_before(self.text, i).is_some_and(|c| !is_space(c));
        let j = self.skip_closers(end);
        let next = self.next(j);
        if matches!(next, Next::End | Next::LineEnd) {
            self.cut(j);
            return j;
        }
        if n >= 4 && matches!(next, Next::Upper(_)) {
            if attached {
                // "word. . . . Next": a full stop, then an ellipsis that
                // opens the next sentence.
                self.cut(i + 1);
                return i + 1;
            }
            self.cut(j);
        }
        j
    }

    /// Whether " . ." follows at `at` (so a dot then a spaced ellipsis).
    fn spaced_ellipsis_ahead(&self, at: usize) -> bool {
        self.bytes.get(at..at + 4) == Some(b" . .")
    }

    fn single_stop(&mut self, i: usize) -> usize {
        let after = i + 1;
        let (j, next) = self.after_stop(after);
        if next == Next::NoSpace {
            if j == after && self.glued_sentence(i) {
                self.cut(after);
                // Still inside the same token.
                self.in_word = true;
                self.words = 1;
            }
            return after;
        }
        if matches!(next, Next::Lower | Next::Other) {
            // No reading of the word before makes a stop end a sentence
            // when a lower-case word or a symbol follows.
            return after;
        }
        if matches!(next, Next::Upper(_) | Next::Digit) && self.label_stop(i) {
            return after;
        }
        let word = self.word_before(i);
        let brk = match (word, next) {
            (_, Next::End) => true,
            // "the U.S.\nand …": whether the sentence runs on is the
            // line-break rule's call.
            (Word::Abbrev(_), Next::LineEnd) => false,
            (_, Next::LineEnd) => true,
            (Word::Abbrev(Kind::Title), _) => false,
            (Word::Abbrev(Kind::Ambiguous), n) => self.starter_follows(n),
            (Word::Abbrev(Kind::Numeric), Next::Digit) => false,
            (Word::Number { small: true }, n) if self.sp.rules.ordinal_dot => {
                self.starter_follows(n)
            }
            (_, Next::Upper(_) | Next::Digit) => true,
            _ => false,
        };
        if !brk {
            return after;
        }
        self.cut(j);
        // A space after a sentence only ends a word, and the cut has ended
        // it already: the scan may resume past it.
        if self.bytes.get(j) == Some(&b' ') {
            j + 1
        } else {
            j
        }
    }

    /// Where the sentence of a stop ending before `after` would end (after
    /// any closing quotes and brackets), and what follows there: the same as
    /// [`Scan::skip_closers`] then [`Scan::next`].
    fn after_stop(&self, after: usize) -> (usize, Next) {
        match self.bytes.get(after..after + 2) {
            // Nearly every stop is followed by one space and an ASCII letter
            // or digit, which `skip_closers` and `next` would only confirm.
            Some(&[b' ', c]) if c.is_ascii_uppercase() => (after, Next::Upper(after + 1)),
            Some(&[b' ', c]) if c.is_ascii_lowercase() => (after, Next::Lower),
            Some(&[b' ', c]) if c.is_ascii_digit() => (after, Next::Digit),
            _ => {
                let j = self.skip_closers(after);
                (j, self.next(j))
            }
        }
    }

    /// Whether the spaced stop at `i` only marks a lost line break inside a
    /// byline or time-stamp block, as scraped news prints them ("By . Jane
    /// Doe .", "PUBLISHED: . 14:11 EST … . | . UPDATED: . …"): after a lone
    /// "By", a label's colon or a separating bar the block goes on.
    fn label_stop(&self, i: usize) -> bool {
        if !matches!(char_before(self.text, i), Some(' ' | '\u{A0}')) {
            return false;
        }
        // A bounded look-back: the marks sit right before the stop.
        let from = ceil_boundary(self.text, self.seg_start.max(i.saturating_sub(16)));
        let Some(head) = self.text.get(from..i) else {
            return false;
        };
        let head = trim_space_end(head);
        if head.ends_with([':', '|']) {
            // "reasons why: . 1. Is it …" opens a numbered list instead.
            return !self.list_marker_follows(i + 1);
        }
        from == self.seg_start && trim_space_start(head) == "By"
    }

    /// Whether white space then a numbered-list marker ("1.", "12)")
    /// follow byte `at`.
    fn list_marker_follows(&self, at: usize) -> bool {
        let rest = self.bytes.get(at..).unwrap_or(&[]);
        let spaces = rest.iter().take_while(|&&b| b == b' ').count();
        let rest = &rest[spaces..];
        let digits = rest
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
        (1..=3).contains(&digits) && matches!(rest.get(digits), Some(b'.' | b')'))
    }

    /// "world.Today": a stop glued to a capitalised word that goes on in
    /// lower case, after a real word rather than an abbreviation or link.
    fn glued_sentence(&mut self, i: usize) -> bool {
        let b1 = self.bytes.get(i + 1).copied().unwrap_or(0);
        let b2 = self.bytes.get(i + 2).copied().unwrap_or(0);
        if !(b1.is_ascii_uppercase() && b2.is_ascii_lowercase()) {
            return false;
        }
        let start = self.token_start.max(self.seg_start);
        let head = self
            .text
            .get(ceil_boundary(self.text, start.max(i.saturating_sub(48)))..i)
            .unwrap_or("");
        let part = head.rsplit('.').next().unwrap_or("");
        let alnum = part.chars().filter(|c| c.is_alphanumeric()).count();
        if alnum < 2 || part.chars().any(|c| !(c.is_alphanumeric() || c == ',')) {
            return false;
        }
        if self.is_link() {
            return false;
        }
        !matches!(self.classify(part), Word::Abbrev(_))
    }

    /// Whether the token starting at `start` is a URL or e-mail address;
    /// scans each token once.
    fn is_link(&mut self) -> bool {
        let start = self.raw_token_start;
        if self.link_cache.0 == start {
            return self.link_cache.1;
        }
        let rest = self.text.get(start..).unwrap_or("");
        let end = rest.find(is_space).unwrap_or(rest.len());
        let tok = &rest[..end];
        let link = tok.contains('@')
            || tok.contains("://")
            || tok.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."));
        self.link_cache = (start, link);
        link
    }

    /// Reads the word that ends at the full stop at `i`.
    fn word_before(&mut self, i: usize) -> Word {
        let start = self.token_start.max(self.seg_start);
        if i.saturating_sub(start) > 48 {
            return Word::Plain;
        }
        let tok = self.text.get(start..i).unwrap_or("");
        // Nearly every word before a stop holds no bracket, quote, slash,
        // `@` nor non-ASCII char: one pass tells, and the word is all there is.
        let plain = !tok.bytes().any(|b| CUTS_WORD[usize::from(b)] || b == b'@');
        let after_bracket = if plain {
            0
        } else {
            if tok.bytes().any(|b| b == b'@' || b == b'/') && self.is_link() {
                return Word::Plain;
            }
            // Only the part after any bracket or quote: "(CNN)U.S" reads as
            // "U.S". Bytes first: only a non-ASCII char needs decoding.
            match tok.bytes().rposition(|b| CUTS_WORD[usize::from(b)]) {
                None => 0,
                Some(at) if tok.as_bytes()[at].is_ascii() => at + 1,
                Some(_) => tok
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| cuts_word(c))
                    .map_or(0, |(at, c)| at + c.len_utf8()),
            }
        };
        let tok = tok.get(after_bracket..).unwrap_or(tok);
        let lead = tok
            .bytes()
            .take_while(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
            .count();
        let tok = tok.get(lead..).unwrap_or(tok);
        let tok = match tok.as_bytes().first() {
            Some(b) if b.is_ascii() => tok,
            _ => tok.trim_start_matches(|c: char| !c.is_alphanumeric()),
        };
        self.classify(tok)
    }

    fn classify(&self, tok: &str) -> Word {
        if tok.is_empty() {
            return Word::Plain;
        }
        // An ASCII word that no key looks like needs no key: ASCII keeps
        // its length when lower-cased, and its first and last letters.
        // Nearly every word before a stop is such a word, and needs no
        // decoding of chars either.
        if tok.len() <= KEY_BYTES && tok.is_ascii() && !self.sp.may_be_ascii_key(tok.as_bytes()) {
            return classify_unkeyed_ascii(tok.as_bytes());
        }
        self.classify_any(tok)
    }

    /// [`Scan::classify`] of any non-empty word, looked up or not.
    fn classify_any(&self, tok: &str) -> Word {
        let entry = if tok.len() <= KEY_BYTES
            && tok.is_ascii()
            && !self.sp.may_be_ascii_key(tok.as_bytes())
        {
            None
        } else {
            let mut buf = [0u8; KEY_BYTES];
            let Some(key) = lower_key(tok, &mut buf) else {
                return Word::Plain;
            };
            self.sp.lookup(key)
        };
        // A capitalised entry wants a capitalised word, not an acronym in
        // capitals ("SAT." is the test, not Saturday).
        let capital = || {
            tok.chars().next().is_some_and(char::is_uppercase)
                && (tok.chars().nth(1).is_none() || tok.chars().skip(1).any(char::is_lowercase))
        };
        let initial = tok.len() == 1 && tok.as_bytes()[0].is_ascii_uppercase();
        match entry {
            // "Taraji P. Henson": a capital initial, not the page number
            // abbreviation "p.".
            Some((Kind::Numeric, _)) if initial => return Word::Abbrev(Kind::Ambiguous),
            Some((kind, upper)) if !upper || capital() => return Word::Abbrev(kind),
            _ => {}
        }
        let first = tok.chars().next().unwrap_or(' ');
        if first.is_numeric() {
            if tok
                .chars()
                .all(|c| c.is_numeric() || matches!(c, ',' | '.' | ':' | '\'' | '%'))
            {
                let small = tok.len() <= 3 && tok.chars().all(|c| c.is_ascii_digit());
                return Word::Number { small };
            }
            return Word::Plain;
        }
        let mut chars = tok.chars();
        if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
            // An initial. Lower-case single letters are rarely abbreviations
            // outside the tables ("p.") and lists ("b."), which are handled
            // there; "plan b." ends its sentence.
            return Word::Abbrev(Kind::Ambiguous);
        }
        // Dotted abbreviations: "U.S", "a.m", "Ph.D", "EE.UU".
        if tok.bytes().any(|b| b == b'.') {
            let mut parts = 0;
            let dotted = tok.split('.').all(|p| {
                parts += 1;
                let mut count = 0;
                p.chars().all(|c| {
                    count += 1;
                    c.is_alphabetic()
                }) && (1..=2).contains(&count)
            });
            if dotted && parts >= 2 {
                return Word::Abbrev(Kind::Ambiguous);
            }
        }
        Word::Plain
    }

    /// A list marker starting at `i`, followed by white space.
    fn marker(&self, i: usize) -> Option<Marker> {
        let bytes = self.bytes;
        let mut k = i;
        let (value, alpha) = if bytes[i].is_ascii_lowercase() {
            k += 1;
            (u32::from(bytes[i] - b'a'), true)
        } else {
            let mut v: u32 = 0;
            while k < bytes.len() && bytes[k].is_ascii_digit() && k - i < 3 {
                v = v * 10 + u32::from(bytes[k] - b'0');
                k += 1;
            }
            (v, false)
        };
        let style = match (bytes.get(k), bytes.get(k + 1)) {
            (Some(b'.'), Some(b')')) => 3,
            (Some(b'.'), _) => 1,
            (Some(b')'), _) => 2,
            _ => return None,
        };
        k += if style == 3 { 2 } else { 1 };
        let (c, _) = char_at(self.text, k)?;
        if !is_space(c) || is_newline(c) {
            return None;
        }
        if alpha && style == 1 {
            // "a. The first item", not "a. a." nor the start of "e. coli".
            match self.next(k) {
                Next::Upper(_) => {}
                _ => return None,
            }
        }
        Some(Marker {
            value,
            alpha,
            style,
            end: k,
        })
    }
}

/// [`Scan::classify`] of a non-empty ASCII word that is no key: a number,
/// an initial, a dotted abbreviation or a plain word. For ASCII, the
/// numeric, upper-case and alphabetic chars are the ASCII digits, capitals
/// and letters, so bytes tell all.
fn classify_unkeyed_ascii(tok: &[u8]) -> Word {
    let Some(&first) = tok.first() else {
        return Word::Plain;
    };
    if first.is_ascii_digit() {
        if tok
            .iter()
            .all(|&b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':' | b'\'' | b'%'))
        {
            let small = tok.len() <= 3 && tok.iter().all(u8::is_ascii_digit);
            return Word::Number { small };
        }
        return Word::Plain;
    }
    if tok.len() == 1 && first.is_ascii_uppercase() {
        return Word::Abbrev(Kind::Ambiguous);
    }
    if tok.contains(&b'.') {
        let mut parts = 0;
        let dotted = tok.split(|&b| b == b'.').all(|p| {
            parts += 1;
            (1..=2).contains(&p.len()) && p.iter().all(u8::is_ascii_alphabetic)
        });
        if dotted && parts >= 2 {
            return Word::Abbrev(Kind::Ambiguous);
        }
    }
    Word::Plain
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::Rng;

    /// [`skim_prose`] one byte at a time.
    fn skim_bytewise(bytes: &[u8], mut i: usize, mut in_word: bool, mut words: usize) -> Skim {
        let mut last_word = None;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' {
                in_word = false;
            } else if PLAIN_IN_WORD[usize::from(b)] {
                if !in_word {
                    words = (words + 1).min(WORDS_THAT_MATTER).max(words);
                    last_word = Some(i);
                }
                in_word = true;
            } else {
                break;
            }
            i += 1;
        }
        Skim {
            end: i,
            words,
            last_word,
            in_word,
        }
    }

    #[test]
    fn prose_is_skimmed_as_the_table_says() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..4000 {
            let len = round % 40;
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.below(8) {
                    // Mostly letters and spaces, so that runs are long.
                    0 => rng.next() as u8,
                    1 | 2 => b' ',
                    _ => b'a' + rng.below(26) as u8,
                })
                .collect();
            for i in 0..=len {
                for (in_word, words) in [(false, 0), (true, 1), (false, 2), (true, 5)] {
                    assert_eq!(
                        skim_prose(&bytes, i, in_word, words),
                        skim_bytewise(&bytes, i, in_word, words),
                        "{bytes:?} from {i}"
                    );
                }
            }
        }
        for b in 0..=255u8 {
            let mut bytes = b"ab cd efgh ijk lm".to_vec();
            bytes[5] = b;
            let got = skim_prose(&bytes, 0, false, 0);
            assert_eq!(got, skim_bytewise(&bytes, 0, false, 0), "{b}");
            let plain = PLAIN_IN_WORD[usize::from(b)] || b == b' ';
            assert_eq!(got.end, if plain { bytes.len() } else { 5 }, "{b}");
        }
        let skim = skim_prose(b"  He said it was over.", 0, false, 0);
        assert_eq!(skim.end, 21);
        assert_eq!(skim.words, WORDS_THAT_MATTER);
        assert_eq!(skim.last_word, Some(17));
        assert!(skim.in_word);
        let skim = skim_prose(b"said it;", 0, true, 1);
        assert_eq!((skim.end, skim.words, skim.last_word), (7, 2, Some(5)));
        let skim = skim_prose(b"said\t", 0, true, 1);
        assert_eq!((skim.end, skim.words, skim.last_word), (4, 1, None));
    }

    #[test]
    fn a_stop_that_ends_a_sentence_steps_over_one_space() {
        let text = "It rained. 1. Then  it stopped. \nNo. It went on.\u{A0}So. \tA b.";
        assert_eq!(
            en(text),
            [
                "It rained.",
                "1. Then  it stopped.",
                "No.",
                "It went on.",
                "So.",
                "A b."
            ]
        );
        assert_eq!(paragraphs(Lang::English, text), [0, 0, 1, 1, 1, 1]);
        // A list marker after the space is read as one, whatever the space.
        for text in ["It ended. 2. Next one.", "It ended.  2. Next one."] {
            assert_eq!(en(text), ["It ended.", "2. Next one."], "{text:?}");
        }
    }

    #[test]
    fn the_word_before_a_stop_is_cut_from_brackets_quotes_and_links() {
        let splitter = Splitter::new(Lang::English);
        for (text, word) in [
            ("said.", Word::Plain),
            ("(CNN)Dr.", Word::Abbrev(Kind::Title)),
            ("\"Dr.", Word::Abbrev(Kind::Title)),
            ("“Dr.", Word::Abbrev(Kind::Title)),
            ("and/or.", Word::Plain),
            ("x/Dr.", Word::Abbrev(Kind::Title)),
            ("a@Dr.", Word::Plain),
            ("http://x.Dr.", Word::Plain),
            ("12.", Word::Number { small: true }),
        ] {
            let mut scan = Scan::<true>::new(&splitter, text);
            let stop = text.len() - 1;
            assert_eq!(scan.word_before(stop), word, "{text:?}");
        }
    }

    #[test]
    fn every_byte_ends_a_run_or_not_as_the_table_says_wherever_it_sits() {
        for b in 0..=255u8 {
            let ends = !(PLAIN_IN_WORD[usize::from(b)] || b == b' ');
            for at in 0..40 {
                let mut bytes = b"the quick brown fox jumps over lazy dogs".to_vec();
                bytes[at] = b;
                for from in [0, 3, at] {
                    let want = if ends && from <= at { at } else { bytes.len() };
                    assert_eq!(prose_end(&bytes, from), want, "{b} at {at} from {from}");
                }
            }
        }
        assert_eq!(prose_end(b"abc", 7), 7);
    }

    #[test]
    fn word_starts_are_counted_as_one_by_one() {
        let mut rng = Rng(11);
        for round in 0..3000 {
            let run: Vec<u8> = (0..round % 50)
                .map(|_| if rng.below(3) == 0 { b' ' } else { b'x' })
                .collect();
            for in_word in [false, true] {
                let mut before = in_word;
                let mut all = 0;
                for &b in &run {
                    all += usize::from(b != b' ' && !before);
                    before = b != b' ';
                }
                for wanted in [0, 1, 2, 3, 25] {
                    assert_eq!(
                        count_word_starts(&run, in_word, wanted),
                        all.min(wanted),
                        "{run:?} {in_word} {wanted}"
                    );
                }
            }
        }
        assert_eq!(count_word_starts(b"~ a\" (b)", false, 9), 3);
        assert_eq!(count_word_starts(b"ab cd", true, 9), 1);
    }

    #[test]
    fn ascii_shortcuts_agree_with_unicode() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_space(b), is_space(char::from(b)), "{b}");
        }
        for t in [
            "",
            " ",
            "\t\n",
            "  a b  ",
            "\u{A0} x \u{2029}",
            " \u{FEFF}\u{200B}",
            "é ",
            " \x0b\x0cz\r\n",
            "“ ”",
        ] {
            assert_eq!(trim_space_start(t), t.trim_start_matches(is_space), "{t:?}");
            assert_eq!(trim_space_end(t), t.trim_end_matches(is_space), "{t:?}");
            for i in 0..=t.len() + 1 {
                let at = t.get(i..).and_then(|r| r.chars().next());
                assert_eq!(char_at(t, i).map(|(c, _)| c), at, "{t:?} at {i}");
                let before = t.get(..i).and_then(|r| r.chars().next_back());
                assert_eq!(char_before(t, i), before, "{t:?} before {i}");
            }
        }
        let mut buf = [0u8; KEY_BYTES];
        assert_eq!(lower_key("U.S", &mut buf), Some(&b"u.s"[..]));
        assert_eq!(lower_key("ÉD", &mut buf), Some("éd".as_bytes()));
        assert_eq!(lower_key(&"x".repeat(65), &mut buf), None);
        assert_eq!(lower_key(&"É".repeat(40), &mut buf), None);
    }

    #[test]
    fn key_shapes_never_turn_away_an_abbreviation() {
        let mut rng = Rng(7);
        for lang in Lang::ALL {
            let splitter = Splitter::new(lang);
            for key in splitter.rules.abbreviations.keys() {
                if key.is_ascii() {
                    assert!(splitter.may_be_ascii_key(key), "{key:?}");
                    let upper = key.to_ascii_uppercase();
                    assert!(splitter.may_be_ascii_key(&upper), "{upper:?}");
                }
            }
            // Random words: a turned-away word has no entry.
            let mut turned_away = 0;
            for _ in 0..20_000 {
                let len = 1 + rng.below(7);
                let word: Vec<u8> = (0..len)
                    .map(|_| b"abcdefghijklmnopqrstuvwxyzAEIOUST.0"[rng.below(35)])
                    .collect();
                if !splitter.may_be_ascii_key(&word) {
                    turned_away += 1;
                    assert_eq!(splitter.lookup(&word.to_ascii_lowercase()), None);
                }
            }
            assert!(turned_away > 10_000, "{lang:?}: {turned_away}");
        }
        assert!(!Splitter::new(Lang::English).may_be_ascii_key(b"said"));
        // Added abbreviations have no shapes: every short word is looked up.
        let custom = Splitter::new(Lang::English).with_abbreviations(["sd."]);
        assert!(custom.may_be_ascii_key(b"said"));
        assert!(!custom.may_be_ascii_key(b""));
        assert_eq!(custom.split("He sd. Meyer left.").len(), 1);
    }

    #[test]
    fn added_abbreviations_may_be_longer_than_the_built_in_ones() {
        let plain = Splitter::new(Lang::English);
        let word = b"verwaltungsger";
        assert!(word.len() > plain.longest);
        assert_eq!(plain.lookup(word), None);
        let custom = plain.clone().with_abbreviations(["Verwaltungsger."]);
        assert_eq!(custom.lookup(word), Some((Kind::Ambiguous, true)));
        assert_eq!(custom.lookup(b"dr"), Some((Kind::Title, false)));
        let t = "The Verwaltungsger. Meyer spoke. Then he left.";
        assert_eq!(plain.split(t).len(), 3);
        assert_eq!(custom.split(t).len(), 2);
    }

    #[test]
    fn the_common_case_after_a_stop_is_read_as_in_general() {
        let splitter = Splitter::new(Lang::English);
        let mut texts: Vec<String> = (0..0x80u8)
            .flat_map(|c| {
                let c = char::from(c);
                [
                    format!("x. {c}"),
                    format!("x. {c}y"),
                    format!("x.{c} Y"),
                    format!("x.\" {c}"),
                    format!("x.) {c}y"),
                    format!("x.{c}{c} Y"),
                ]
            })
            .collect();
        texts.extend(
            [
                "x. “Y", "x. É", "x. é", "x.\" Y", "x. ", "x.", "x.  Y", "x. \" Y",
            ]
            .map(String::from),
        );
        for text in &texts {
            let scan = Scan::<true>::new(&splitter, text);
            let j = scan.skip_closers(2);
            assert_eq!(scan.after_stop(2), (j, scan.next(j)), "{text:?}");
        }
    }

    /// Splits with and without skimming, which must agree.
    fn split_both_ways(lang: Lang, text: &str) -> Vec<Sentence> {
        let splitter = Splitter::new(lang);
        let mut slow = Scan::<false>::new(&splitter, text);
        slow.run();
        let fast = splitter.split(text);
        assert_eq!(fast, slow.out, "{text:?}");
        fast
    }

    #[test]
    fn skimming_changes_no_sentence() {
        const PIECES: &[&str] = &[
            "the",
            "He",
            "U.S",
            "Dr",
            "a",
            "b",
            "c",
            "1",
            "2",
            "No",
            "of",
            "said",
            "Inc",
            "e.g",
            "www.x",
            "x@y",
            "http://a.B/c",
            "(CNN)",
            "By",
            "PUBLISHED:",
            "|",
            " ",
            " ",
            " ",
            " ",
            "\t",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            ".",
            ".",
            ". . .",
            "...",
            "?",
            "!",
            ";",
            "\"",
            "'",
            "“",
            "”",
            "»",
            "•",
            "—",
            "-",
            "é",
            "É",
            "\u{A0}",
            "。",
            ")",
            "1.",
            "a)",
            "asked",
            ",",
            ":",
        ];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let n = rng.below(60);
            let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            for lang in [Lang::English, Lang::German, Lang::Greek] {
                split_both_ways(lang, &text);
            }
        }
        let t = "The vote passed late on\nTuesday. Critics, who had lobbied for weeks, objected.";
        assert_eq!(split_both_ways(Lang::English, t).len(), 2);
    }

    fn texts(lang: Lang, text: &str) -> Vec<String> {
        Splitter::new(lang)
            .split(text)
            .iter()
            .map(|s| s.text(text).to_string())
            .collect()
    }

    fn en(text: &str) -> Vec<String> {
        texts(Lang::English, text)
    }

    fn paragraphs(lang: Lang, text: &str) -> Vec<usize> {
        Splitter::new(lang)
            .split(text)
            .iter()
            .map(|s| s.paragraph)
            .collect()
    }

    #[test]
    fn basic_terminators() {
        assert_eq!(
            en("The vote passed. Critics objected."),
            ["The vote passed.", "Critics objected."]
        );
        assert_eq!(
            en("Is it over? Nobody knows."),
            ["Is it over?", "Nobody knows."]
        );
        assert_eq!(en("Wow! That was fast."), ["Wow!", "That was fast."]);
        assert_eq!(en("Really!! We won."), ["Really!!", "We won."]);
        assert_eq!(en("Seriously?! They left."), ["Seriously?!", "They left."]);
        assert_eq!(en("Was it Jeopardy! or not?"), ["Was it Jeopardy! or not?"]);
        assert!(en("").is_empty());
        assert!(en(" \n\t\n ").is_empty());
    }

    #[test]
    fn titles_never_end_a_sentence() {
        let t = "Sen. Ortiz met Gov. Hale, Prof. Lin and Lt. Col. Reyes. Dr. Moss was absent.";
        assert_eq!(
            en(t),
            [
                "Sen. Ortiz met Gov. Hale, Prof. Lin and Lt. Col. Reyes.",
                "Dr. Moss was absent."
            ]
        );
        assert_eq!(
            en("Mrs. Patel climbed Mt. Hood with Mr. Obi. They rested."),
            ["Mrs. Patel climbed Mt. Hood with Mr. Obi.", "They rested."]
        );
    }

    #[test]
    fn ambiguous_abbreviations_end_only_before_an_opener() {
        assert_eq!(
            en("The deal went to Vexon Corp. The shares jumped."),
            ["The deal went to Vexon Corp.", "The shares jumped."]
        );
        assert_eq!(
            en("Vexon Corp. Chief Executive Ana Ruiz spoke."),
            ["Vexon Corp. Chief Executive Ana Ruiz spoke."]
        );
        assert_eq!(
            en("Bring tents, stoves, etc. We leave at dawn."),
            ["Bring tents, stoves, etc.", "We leave at dawn."]
        );
        assert_eq!(
            en("Smith et al. found no link. Others disagree."),
            ["Smith et al. found no link.", "Others disagree."]
        );
        assert_eq!(
            en("Use a mild soap, e.g. castile, i.e. one without dyes."),
            ["Use a mild soap, e.g. castile, i.e. one without dyes."]
        );
        assert_eq!(
            en("It opens Jan. 4 and closes Dec. 9. Tickets are free."),
            ["It opens Jan. 4 and closes Dec. 9.", "Tickets are free."]
        );
        assert_eq!(
            en("Bob Stone Jr. joined the firm. He was young."),
            ["Bob Stone Jr. joined the firm.", "He was young."]
        );
    }

    #[test]
    fn dotted_abbreviations() {
        assert_eq!(
            en("Rates fell in the U.K. They rose in the U.S. Treasury market."),
            [
                "Rates fell in the U.K.",
                "They rose in the U.S. Treasury market."
            ]
        );
        assert_eq!(
            en("The U.S.A. team lost. The E.U. Commission shrugged."),
            ["The U.S.A. team lost.", "The E.U. Commission shrugged."]
        );
        assert_eq!(
            en("Polls close at 8 p.m. Tuesday in most states."),
            ["Polls close at 8 p.m. Tuesday in most states."]
        );
    }

    #[test]
    fn capitalised_entries_need_capitals() {
        assert_eq!(
            en("He lives in Portland, Ore. for now. The mine had rich ore. Gold was found."),
            [
                "He lives in Portland, Ore. for now.",
                "The mine had rich ore.",
                "Gold was found."
            ]
        );
        assert_eq!(
            en("She retook the SAT. Scores rose."),
            ["She retook the SAT.", "Scores rose."]
        );
        assert_eq!(
            en("(AP)U.S. Marshals arrived."),
            ["(AP)U.S. Marshals arrived."]
        );
        assert_eq!(
            en("A sales rep. He called twice."),
            ["A sales rep.", "He called twice."]
        );
    }

    #[test]
    fn numeric_abbreviations() {
        assert_eq!(
            en("See No. 7 on p. 12 and Vol. 3 of the report."),
            ["See No. 7 on p. 12 and Vol. 3 of the report."]
        );
        assert_eq!(
            en("She said no. Then she left."),
            ["She said no.", "Then she left."]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            en("Poems by W. H. Auden were read. The hall was full."),
            ["Poems by W. H. Auden were read.", "The hall was full."]
        );
        assert_eq!(
            en("Coach Maria T. Vance resigned."),
            ["Coach Maria T. Vance resigned."]
        );
        assert_eq!(
            en("It was him and I. Was that wrong?"),
            ["It was him and I.", "Was that wrong?"]
        );
    }

    #[test]
    fn numbers_money_and_times() {
        assert_eq!(
            en("Profit rose 4.5% to $2.3 billion. Sales were flat."),
            ["Profit rose 4.5% to $2.3 billion.", "Sales were flat."]
        );
        assert_eq!(
            en("Doors open at 10.30 and the show costs €12.50 a seat."),
            ["Doors open at 10.30 and the show costs €12.50 a seat."]
        );
        assert_eq!(
            en("The fine was 2,500. It was paid."),
            ["The fine was 2,500.", "It was paid."]
        );
        assert_eq!(
            en("He was born in 1961. 40 years later he retired."),
            ["He was born in 1961.", "40 years later he retired."]
        );
    }

    #[test]
    fn links_and_email() {
        assert_eq!(
            en("Write to desk.Editor@paper.example.org. Replies are slow."),
            [
                "Write to desk.Editor@paper.example.org.",
                "Replies are slow."
            ]
        );
        assert_eq!(
            en("Read https://example.net/News.Today/story.html. It is long."),
            [
                "Read https://example.net/News.Today/story.html.",
                "It is long."
            ]
        );
        assert_eq!(
            en("Visit www.Example.com today."),
            ["Visit www.Example.com today."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            en("He paused... Then he spoke."),
            ["He paused...", "Then he spoke."]
        );
        assert_eq!(
            en("He paused…. Then he spoke."),
            ["He paused….", "Then he spoke."]
        );
        assert_eq!(
            en("He paused … Then he spoke."),
            ["He paused …", "Then he spoke."]
        );
        assert_eq!(en("We waited... and waited."), ["We waited... and waited."]);
        assert_eq!(
            en("We waited . . . and waited."),
            ["We waited . . . and waited."]
        );
        assert_eq!(
            en("So we . . . Well, we left."),
            ["So we . . . Well, we left."]
        );
        assert_eq!(
            en("It ended. . . . Nobody cried."),
            ["It ended.", ". . . Nobody cried."]
        );
        assert_eq!(
            en("It ended . . . . Nobody cried."),
            ["It ended . . . .", "Nobody cried."]
        );
        assert_eq!(en("It just ended. . . ."), ["It just ended. . . ."]);
        assert_eq!(
            en("\"Fish [...] swim in [...]\" (Doe 12)."),
            ["\"Fish [...] swim in [...]\" (Doe 12)."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay() {
        assert_eq!(
            en("\"We will win.\" The crowd cheered."),
            ["\"We will win.\"", "The crowd cheered."]
        );
        assert_eq!(
            en("“Is it true?” she asked. “Yes.”"),
            ["“Is it true?” she asked.", "“Yes.”"]
        );
        assert_eq!(
            en("She said, “He asked me, ‘Why?’” Then she left."),
            ["She said, “He asked me, ‘Why?’”", "Then she left."]
        );
        assert_eq!(
            en("(The count is final.) Lawmakers went home."),
            ["(The count is final.)", "Lawmakers went home."]
        );
        assert_eq!(
            en("He cited a paper (published in 2001.) on soil."),
            ["He cited a paper (published in 2001.) on soil."]
        );
        assert_eq!(en("That is Smith Jr.'s car."), ["That is Smith Jr.'s car."]);
    }

    #[test]
    fn quoted_question_with_attribution() {
        assert_eq!(
            en("\"Why now?\" Ana Ruiz asked. Nobody knew."),
            ["\"Why now?\" Ana Ruiz asked.", "Nobody knew."]
        );
        assert_eq!(
            en("“Stop!” Police Chief Al Moss shouted at them."),
            ["“Stop!” Police Chief Al Moss shouted at them."]
        );
        assert_eq!(
            en("\"Why now?\" The answer came later, officials said."),
            ["\"Why now?\"", "The answer came later, officials said."]
        );
        assert_eq!(
            en("Why now? Ana asked again."),
            ["Why now?", "Ana asked again."]
        );
        assert_eq!(
            en("\"Is it safe?\" Officials said the bridge would reopen."),
            ["\"Is it safe?\"", "Officials said the bridge would reopen."]
        );
        assert_eq!(
            en("\"Is it safe?\" Ana Ruiz said of the bridge."),
            ["\"Is it safe?\" Ana Ruiz said of the bridge."]
        );
        assert_eq!(
            en("\"She asked me, 'Why not?' \" Kim told a packed court. It fell silent."),
            [
                "\"She asked me, 'Why not?' \" Kim told a packed court.",
                "It fell silent."
            ]
        );
    }

    #[test]
    fn glued_sentences() {
        assert_eq!(
            en("It snowed.Schools closed.Buses ran late."),
            ["It snowed.", "Schools closed.", "Buses ran late."]
        );
        assert_eq!(
            en("The file is report.Docx here."),
            ["The file is report.", "Docx here."]
        );
        assert_eq!(en("I met Dr.Watson."), ["I met Dr.Watson."]);
    }

    #[test]
    fn lists() {
        assert_eq!(
            en("1.) Pack light 2.) Leave early"),
            ["1.) Pack light", "2.) Leave early"]
        );
        assert_eq!(
            en("1) Pack light 2) Leave early"),
            ["1) Pack light", "2) Leave early"]
        );
        assert_eq!(
            en("1. Pack light. 2. Leave early."),
            ["1. Pack light.", "2. Leave early."]
        );
        assert_eq!(
            en("a. Pack light b. Leave early c. Call home"),
            ["a. Pack light", "b. Leave early", "c. Call home"]
        );
        assert_eq!(
            en("• Pack light • Leave early"),
            ["• Pack light", "• Leave early"]
        );
        assert_eq!(en("⁃3. Pack light ⁃4. Go"), ["⁃3. Pack light", "⁃4. Go"]);
        // A number in running text is not a list item.
        assert_eq!(
            en("He scored 2. Then he left."),
            ["He scored 2.", "Then he left."]
        );
    }

    #[test]
    fn datelines_and_headlines() {
        assert_eq!(
            en("PARIS (AP) - Strikes shut the metro. Commuters walked."),
            ["PARIS (AP) - Strikes shut the metro.", "Commuters walked."]
        );
        let t = "PARIS (AP) -\nStrikes shut the metro on Monday.";
        assert_eq!(en(t), [t]);
        let t = "Metro strike enters third day\nStrikes shut the metro on Monday.";
        assert_eq!(
            en(t),
            [
                "Metro strike enters third day",
                "Strikes shut the metro on Monday."
            ]
        );
        assert_eq!(paragraphs(Lang::English, t), [0, 1]);
        assert_eq!(
            en("AI-generated image\nA fake photo spread online."),
            ["AI-generated image", "A fake photo spread online."]
        );
    }

    #[test]
    fn line_breaks_inside_a_sentence() {
        let t = "The council voted late on\nTuesday to raise fees.";
        assert_eq!(en(t), [t]);
        let t = "Reporters waited outside the\ncourt for hours.";
        let s = split(t);
        assert_eq!(s.len(), 1);
        assert!(s[0].text(t).contains('\n'));
        assert_eq!(
            en("pricing\nsupport plans\nfaq, contact\n"),
            ["pricing", "support plans", "faq, contact"]
        );
        assert_eq!(en("Menu\nhome page"), ["Menu", "home page"]);
        let t = "They moved to the U.S.\nand stayed for good.";
        assert_eq!(en(t), [t]);
        assert_eq!(
            en("They moved to the U.S.\nThe move was hard."),
            ["They moved to the U.S.", "The move was hard."]
        );
        let t = "A hyphen-\nated word joined.";
        assert_eq!(en(t), [t]);
    }

    #[test]
    fn paragraph_numbers() {
        let t = "One fell. Two rose.\n\n\nThree held.\nFour fled.\r\nFive.";
        assert_eq!(
            en(t),
            [
                "One fell.",
                "Two rose.",
                "Three held.",
                "Four fled.",
                "Five."
            ]
        );
        assert_eq!(paragraphs(Lang::English, t), [0, 0, 1, 2, 3]);
        assert_eq!(paragraphs(Lang::English, "\n\nLead.\n\nNext."), [0, 1]);
    }

    #[test]
    fn trims_invisible_and_non_breaking_space() {
        let t = "\u{FEFF}First one.\u{A0} Second one.\u{A0}\u{200B}";
        assert_eq!(en(t), ["First one.", "Second one."]);
        for s in split(t) {
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        }
    }

    #[test]
    fn german() {
        let de = |t| texts(Lang::German, t);
        assert_eq!(
            de("Die Wahl ist am 26. September. Sie ist wichtig."),
            ["Die Wahl ist am 26. September.", "Sie ist wichtig."]
        );
        assert_eq!(
            de("Er wurde 30. Das feierte er groß."),
            ["Er wurde 30.", "Das feierte er groß."]
        );
        assert_eq!(
            de("Das kostet ca. 5 Mio. Euro, z.B. für Schulen. Hr. Kühn lobt das."),
            [
                "Das kostet ca. 5 Mio. Euro, z.B. für Schulen.",
                "Hr. Kühn lobt das."
            ]
        );
        assert_eq!(
            de("Im Jahr 2020 kamen 400. Danach weniger."),
            ["Im Jahr 2020 kamen 400.", "Danach weniger."]
        );
    }

    #[test]
    fn french() {
        let fr = |t| texts(Lang::French, t);
        assert_eq!(
            fr("Vous venez ? Non, merci !"),
            ["Vous venez ?", "Non, merci !"]
        );
        assert_eq!(
            fr("M. Dubois est arrivé. Il a parlé."),
            ["M. Dubois est arrivé.", "Il a parlé."]
        );
        assert_eq!(
            fr("« C'est fini. » Il est parti."),
            ["« C'est fini. »", "Il est parti."]
        );
        assert_eq!(fr("« Non ! » dit-elle."), ["« Non ! » dit-elle."]);
    }

    #[test]
    fn spanish() {
        let es = |t| texts(Lang::Spanish, t);
        assert_eq!(
            es("¿Dónde está el Sr. Gómez? ¡No lo sé! Pregunta a la Dra. Ruiz."),
            [
                "¿Dónde está el Sr. Gómez?",
                "¡No lo sé!",
                "Pregunta a la Dra. Ruiz."
            ]
        );
        assert_eq!(es("Viajó a EE.UU. el lunes."), ["Viajó a EE.UU. el lunes."]);
    }

    #[test]
    fn other_scripts() {
        assert_eq!(
            en("今天下雨。明天晴天！真的吗？"),
            ["今天下雨。", "明天晴天！", "真的吗？"]
        );
        assert_eq!(en("他说：“好。”然后走了。"), ["他说：“好。”", "然后走了。"]);
        assert_eq!(
            en("यह पहला वाक्य है। यह दूसरा है।"),
            ["यह पहला वाक्य है।", "यह दूसरा है।"]
        );
        assert_eq!(
            texts(Lang::Arabic, "هل أنت هنا؟ نعم أنا هنا."),
            ["هل أنت هنا؟", "نعم أنا هنا."]
        );
        assert_eq!(en("Բարեւ։ Ինչպես ես։"), ["Բարեւ։", "Ինչպես ես։"]);
        assert_eq!(en("ሰላም ነው። እንዴት ነህ።"), ["ሰላም ነው።", "እንዴት ነህ።"]);
        assert_eq!(
            texts(Lang::Greek, "Τι ώρα είναι; Είναι αργά."),
            ["Τι ώρα είναι;", "Είναι αργά."]
        );
        assert_eq!(en("Wait; Then go."), ["Wait; Then go."]);
    }

    #[test]
    fn custom_abbreviations() {
        let t = "She met Insp. Ward. Then she left. The Abt. Meyer spoke.";
        let plain = Splitter::new(Lang::English);
        assert_eq!(plain.split(t).len(), 4);
        let custom = plain.clone().with_abbreviations(["Abt.", "insp"]);
        let got: Vec<&str> = custom.split(t).iter().map(|s| s.text(t)).collect();
        assert_eq!(
            got,
            [
                "She met Insp. Ward.",
                "Then she left.",
                "The Abt. Meyer spoke."
            ]
        );
    }

    #[test]
    fn splitter_is_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Splitter>();
    }

    #[test]
    fn spans_are_verbatim_and_ordered() {
        let t = "“Hi,” he said.\n\n• One\n• Two.Three\nfour . . . five!? Six…";
        let s = split(t);
        let mut last = 0;
        for x in &s {
            assert!(x.start >= last && x.start < x.end);
            assert_eq!(x.text(t), x.text(t).trim());
            last = x.end;
        }
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        use std::time::Instant;
        let started = Instant::now();
        // A 10 MB line without any punctuation.
        let long_line = "word ".repeat(2_000_000);
        assert_eq!(split(&long_line).len(), 1);
        let no_spaces = "x".repeat(1_000_000);
        assert_eq!(split(&no_spaces).len(), 1);
        // 300,000 one-letter "sentences", lower and upper case.
        let tiny = "a. ".repeat(300_000);
        assert_eq!(split(&tiny).len(), 1);
        let caps = "A. ".repeat(300_000);
        assert!(!split(&caps).is_empty());
        let tiny_q = "A? B! ".repeat(150_000);
        assert_eq!(split(&tiny_q).len(), 300_000);
        // 20,000 quote marks around a stop, and alternating with stops.
        let quotes = "\"".repeat(20_000) + "." + &"”".repeat(20_000);
        assert!(!split(&quotes).is_empty());
        let quotes = "“.” ".repeat(20_000);
        assert!(!split(&quotes).is_empty());
        let dots = ". ".repeat(100_000) + &".".repeat(100_000);
        assert!(!split(&dots).is_empty());
        let glued = "Ab.".repeat(100_000);
        assert!(!split(&glued).is_empty());
        let link = "x@y".to_string() + &".Zz".repeat(100_000);
        assert_eq!(split(&link).len(), 1);
        let breaks = "a\n".repeat(100_000);
        assert_eq!(split(&breaks).len(), 100_000);
        let joined = "The rain fell on\n".repeat(50_000);
        assert_eq!(split(&joined).len(), 1);
        let spaces = "end.".to_string() + &" ".repeat(1_000_000) + "Next.";
        assert_eq!(split(&spaces).len(), 2);
        let list = "1. a 2. b ".repeat(50_000);
        assert!(!split(&list).is_empty());
        // Quadratic behaviour would take minutes here, even unoptimised.
        assert!(started.elapsed().as_secs() < 60);
    }

    #[test]
    fn unkeyed_ascii_words_classify_as_any_word() {
        let splitter = Splitter::new(Lang::English);
        let scan = Scan::<true>::new(&splitter, "");
        let mut rng = Rng(0x5851_f42d_4c95_7f2d);
        let alphabet = b"aZsU.,:'%0917 -";
        let mut checked = 0;
        for round in 0..200_000 {
            let len = 1 + round % 9;
            let tok: String = (0..len)
                .map(|_| char::from(alphabet[rng.below(alphabet.len())]))
                .collect();
            if tok.len() <= KEY_BYTES && !splitter.may_be_ascii_key(tok.as_bytes()) {
                checked += 1;
                assert_eq!(
                    classify_unkeyed_ascii(tok.as_bytes()),
                    scan.classify_any(&tok),
                    "{tok:?}"
                );
            }
            assert_eq!(scan.classify(&tok), scan.classify_any(&tok), "{tok:?}");
        }
        assert!(checked > 100_000, "{checked}");
    }
}
