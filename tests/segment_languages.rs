//! Golden-rule style cases for every language newsgist covers, written for
//! this project: abbreviations from each language's table, ordinal dots,
//! the language's own question and exclamation marks, numbers. Each case is
//! the input and the sentences it must split into.
//!
//! The same texts double as a language-detection check: joined per language
//! they must be recognised as that language.

use newsgist::Lang;
use newsgist::segment::Splitter;

type Case = (&'static str, &'static [&'static str]);

const EN: &[Case] = &[
    (
        "Gov. Ana Pruitt signed the bill on a rainy afternoon. It takes effect in May.",
        &[
            "Gov. Ana Pruitt signed the bill on a rainy afternoon.",
            "It takes effect in May.",
        ],
    ),
    (
        "The firm, Larkspur Inc., hired 40 people. Its shares rose 2.5% in early trading.",
        &[
            "The firm, Larkspur Inc., hired 40 people.",
            "Its shares rose 2.5% in early trading.",
        ],
    ),
    (
        "Did the vote pass? Officials would not say when they left the chamber.",
        &[
            "Did the vote pass?",
            "Officials would not say when they left the chamber.",
        ],
    ),
    (
        "She moved to St. Paul in 2019. Her sister followed a year later.",
        &[
            "She moved to St. Paul in 2019.",
            "Her sister followed a year later.",
        ],
    ),
];

const DE: &[Case] = &[
    (
        "Am 3. Oktober feiert Deutschland die Einheit. Viele Menschen haben frei.",
        &[
            "Am 3. Oktober feiert Deutschland die Einheit.",
            "Viele Menschen haben frei.",
        ],
    ),
    (
        "Prof. Dr. Annette Vogel leitet das Institut. Sie forscht seit 20 Jahren.",
        &[
            "Prof. Dr. Annette Vogel leitet das Institut.",
            "Sie forscht seit 20 Jahren.",
        ],
    ),
    (
        "Die Stadt plant neue Radwege, Parkbänke usw. Die Kosten sind noch offen.",
        &[
            "Die Stadt plant neue Radwege, Parkbänke usw.",
            "Die Kosten sind noch offen.",
        ],
    ),
    (
        "Der Umsatz stieg um 3,5 Prozent auf 1,2 Mrd. Euro. Das war mehr als erwartet.",
        &[
            "Der Umsatz stieg um 3,5 Prozent auf 1,2 Mrd. Euro.",
            "Das war mehr als erwartet.",
        ],
    ),
    (
        "Sie kam als 2. ins Ziel. Wie geht es weiter? Das weiß noch niemand.",
        &[
            "Sie kam als 2. ins Ziel.",
            "Wie geht es weiter?",
            "Das weiß noch niemand.",
        ],
    ),
];

const FR: &[Case] = &[
    (
        "M. Lefèvre a rencontré Mme Garnier hier. Ils ont parlé du budget de la ville.",
        &[
            "M. Lefèvre a rencontré Mme Garnier hier.",
            "Ils ont parlé du budget de la ville.",
        ],
    ),
    (
        "Vraiment ? Oui, c'est confirmé ! La décision tombe demain.",
        &[
            "Vraiment ?",
            "Oui, c'est confirmé !",
            "La décision tombe demain.",
        ],
    ),
    (
        "« Nous ne céderons pas », a déclaré le maire. Les syndicats répondront demain.",
        &[
            "« Nous ne céderons pas », a déclaré le maire.",
            "Les syndicats répondront demain.",
        ],
    ),
    (
        "Les prix de l'énergie, des loyers, etc. Les ménages paient plus cette année.",
        &[
            "Les prix de l'énergie, des loyers, etc.",
            "Les ménages paient plus cette année.",
        ],
    ),
    (
        "Le texte figure p. 12 du rapport. Il sera publié lundi.",
        &["Le texte figure p. 12 du rapport.", "Il sera publié lundi."],
    ),
];

const ES: &[Case] = &[
    (
        "¿Quién ganó las elecciones? Nadie lo sabe todavía.",
        &["¿Quién ganó las elecciones?", "Nadie lo sabe todavía."],
    ),
    (
        "¡Qué sorpresa! El Sr. Martínez llegó temprano a la reunión.",
        &[
            "¡Qué sorpresa!",
            "El Sr. Martínez llegó temprano a la reunión.",
        ],
    ),
    (
        "La Dra. López trabaja en la Avda. Libertad, núm. 5. Atiende por la mañana.",
        &[
            "La Dra. López trabaja en la Avda. Libertad, núm. 5.",
            "Atiende por la mañana.",
        ],
    ),
    (
        "Las ventas crecieron un 4,2 % en EE. UU. el año pasado. La empresa está contenta.",
        &[
            "Las ventas crecieron un 4,2 % en EE. UU. el año pasado.",
            "La empresa está contenta.",
        ],
    ),
    (
        "El concierto empieza aprox. a las 10. Habrá música en la plaza.",
        &[
            "El concierto empieza aprox. a las 10.",
            "Habrá música en la plaza.",
        ],
    ),
];

const IT: &[Case] = &[
    (
        "Il sig. Rossi è arrivato a Roma. Ha incontrato il sindaco nel pomeriggio.",
        &[
            "Il sig. Rossi è arrivato a Roma.",
            "Ha incontrato il sindaco nel pomeriggio.",
        ],
    ),
    (
        "Il dott. Bianchi ha parlato con l'avv. Conti. Poi è partito per Milano.",
        &[
            "Il dott. Bianchi ha parlato con l'avv. Conti.",
            "Poi è partito per Milano.",
        ],
    ),
    (
        "Chi ha vinto la partita? Non lo sappiamo ancora.",
        &["Chi ha vinto la partita?", "Non lo sappiamo ancora."],
    ),
    (
        "La norma è all'art. 4 del decreto (in vigore da maggio). La misura scade a giugno.",
        &[
            "La norma è all'art. 4 del decreto (in vigore da maggio).",
            "La misura scade a giugno.",
        ],
    ),
    (
        "Al mercato c'erano mele, pere, ecc. Il mercato era pieno di gente.",
        &[
            "Al mercato c'erano mele, pere, ecc.",
            "Il mercato era pieno di gente.",
        ],
    ),
];

const PT: &[Case] = &[
    (
        "O Sr. Almeida chegou cedo. Ele falou com a Dra. Costa sobre o hospital.",
        &[
            "O Sr. Almeida chegou cedo.",
            "Ele falou com a Dra. Costa sobre o hospital.",
        ],
    ),
    (
        "Quem venceu o jogo? Ninguém sabe ainda.",
        &["Quem venceu o jogo?", "Ninguém sabe ainda."],
    ),
    (
        "A inflação subiu 4,1% em jan. e caiu em fev. O governo comemorou os números.",
        &[
            "A inflação subiu 4,1% em jan. e caiu em fev.",
            "O governo comemorou os números.",
        ],
    ),
    (
        "A loja fica na Av. Paulista, nº 100. Abre às nove horas.",
        &[
            "A loja fica na Av. Paulista, nº 100.",
            "Abre às nove horas.",
        ],
    ),
    (
        "Compraram livros, cadernos etc. Depois foram embora para casa.",
        &[
            "Compraram livros, cadernos etc.",
            "Depois foram embora para casa.",
        ],
    ),
];

const NL: &[Case] = &[
    (
        "Dhr. Jansen en mevr. De Vries waren aanwezig. Zij stemden tegen het plan.",
        &[
            "Dhr. Jansen en mevr. De Vries waren aanwezig.",
            "Zij stemden tegen het plan.",
        ],
    ),
    (
        "De prijs steeg met 2,5 procent, bijv. bij brood. Dat viel veel klanten op.",
        &[
            "De prijs steeg met 2,5 procent, bijv. bij brood.",
            "Dat viel veel klanten op.",
        ],
    ),
    (
        "Wie heeft de verkiezingen gewonnen? Dat is nog onduidelijk.",
        &[
            "Wie heeft de verkiezingen gewonnen?",
            "Dat is nog onduidelijk.",
        ],
    ),
    (
        "Ze kochten appels, peren enz. De markt was erg druk.",
        &["Ze kochten appels, peren enz.", "De markt was erg druk."],
    ),
    (
        "Het bedrijf maakte 3 mld. euro winst. Beleggers waren blij met het resultaat.",
        &[
            "Het bedrijf maakte 3 mld. euro winst.",
            "Beleggers waren blij met het resultaat.",
        ],
    ),
];

const SV: &[Case] = &[
    (
        "Hon köpte bröd, mjölk osv. Sedan gick hon hem till lägenheten.",
        &[
            "Hon köpte bröd, mjölk osv.",
            "Sedan gick hon hem till lägenheten.",
        ],
    ),
    (
        "Mötet börjar kl. 10 i morgon. Alla är välkomna att delta.",
        &[
            "Mötet börjar kl. 10 i morgon.",
            "Alla är välkomna att delta.",
        ],
    ),
    (
        "Vem vann valet? Ingen vet ännu.",
        &["Vem vann valet?", "Ingen vet ännu."],
    ),
    (
        "Dr. Lindqvist talade om bl.a. klimatet och skolan. Publiken lyssnade noga.",
        &[
            "Dr. Lindqvist talade om bl.a. klimatet och skolan.",
            "Publiken lyssnade noga.",
        ],
    ),
    (
        "Priset steg med 3,2 procent, dvs. mer än väntat. Det oroar många ekonomer.",
        &[
            "Priset steg med 3,2 procent, dvs. mer än väntat.",
            "Det oroar många ekonomer.",
        ],
    ),
];

const DA: &[Case] = &[
    (
        "Mødet holdes den 5. marts i Aarhus. Alle kan deltage i debatten.",
        &[
            "Mødet holdes den 5. marts i Aarhus.",
            "Alle kan deltage i debatten.",
        ],
    ),
    (
        "Hun købte æbler, pærer mv. Så gik hun hjem til sin familie.",
        &[
            "Hun købte æbler, pærer mv.",
            "Så gik hun hjem til sin familie.",
        ],
    ),
    (
        "Hvem vandt kampen i går? Det ved ingen endnu.",
        &["Hvem vandt kampen i går?", "Det ved ingen endnu."],
    ),
    (
        "Butikken åbner kl. 9 i morgen. Der er gode tilbud på grøntsager.",
        &[
            "Butikken åbner kl. 9 i morgen.",
            "Der er gode tilbud på grøntsager.",
        ],
    ),
    (
        "Prisen steg med 2,1 mio. kr. sidste år. Det overraskede mange borgere.",
        &[
            "Prisen steg med 2,1 mio. kr. sidste år.",
            "Det overraskede mange borgere.",
        ],
    ),
];

const NO: &[Case] = &[
    (
        "Møtet starter kl. 10 i morgen. Alle er velkomne til å komme.",
        &[
            "Møtet starter kl. 10 i morgen.",
            "Alle er velkomne til å komme.",
        ],
    ),
    (
        "Den 17. mai feirer Norge grunnloven. Barna går i tog gjennom byen.",
        &[
            "Den 17. mai feirer Norge grunnloven.",
            "Barna går i tog gjennom byen.",
        ],
    ),
    (
        "Hvem vant valget i høst? Det vet ingen ennå.",
        &["Hvem vant valget i høst?", "Det vet ingen ennå."],
    ),
    (
        "De kjøpte epler, pærer osv. Så dro de hjem igjen.",
        &["De kjøpte epler, pærer osv.", "Så dro de hjem igjen."],
    ),
    (
        "Selskapet tjente 4 mrd. kroner i fjor. Aksjen steg kraftig etterpå.",
        &[
            "Selskapet tjente 4 mrd. kroner i fjor.",
            "Aksjen steg kraftig etterpå.",
        ],
    ),
];

const FI: &[Case] = &[
    (
        "Hinnat nousivat esim. Helsingissä ja Tampereella. Se yllätti monet asukkaat.",
        &[
            "Hinnat nousivat esim. Helsingissä ja Tampereella.",
            "Se yllätti monet asukkaat.",
        ],
    ),
    (
        "Suomi itsenäistyi 6. joulukuuta 1917. Se on tärkeä päivä kaikille.",
        &[
            "Suomi itsenäistyi 6. joulukuuta 1917.",
            "Se on tärkeä päivä kaikille.",
        ],
    ),
    (
        "Kuka voitti vaalit? Sitä ei vielä tiedetä.",
        &["Kuka voitti vaalit?", "Sitä ei vielä tiedetä."],
    ),
    (
        "Yhtiö teki 2 milj. euron voiton. Osakkeet nousivat heti aamulla.",
        &[
            "Yhtiö teki 2 milj. euron voiton.",
            "Osakkeet nousivat heti aamulla.",
        ],
    ),
    (
        "Hän osti omenoita, päärynöitä jne. Sitten hän lähti kotiin.",
        &[
            "Hän osti omenoita, päärynöitä jne.",
            "Sitten hän lähti kotiin.",
        ],
    ),
];

const HU: &[Case] = &[
    (
        "Dr. Kovács Anna tartott előadást. A terem teljesen megtelt.",
        &[
            "Dr. Kovács Anna tartott előadást.",
            "A terem teljesen megtelt.",
        ],
    ),
    (
        "A találkozó március 15. után lesz. Mindenki ott lesz a városházán.",
        &[
            "A találkozó március 15. után lesz.",
            "Mindenki ott lesz a városházán.",
        ],
    ),
    (
        "Ki nyerte a választást? Még senki sem tudja.",
        &["Ki nyerte a választást?", "Még senki sem tudja."],
    ),
    (
        "Vettek almát, körtét stb. Majd hazamentek a gyerekekkel.",
        &[
            "Vettek almát, körtét stb.",
            "Majd hazamentek a gyerekekkel.",
        ],
    ),
    (
        "A cég 3 mrd. forint nyereséget ért el. A részvények emelkedtek.",
        &[
            "A cég 3 mrd. forint nyereséget ért el.",
            "A részvények emelkedtek.",
        ],
    ),
];

const RO: &[Case] = &[
    (
        "Dl. Popescu a vorbit cu dna. Ionescu. Apoi au plecat împreună.",
        &[
            "Dl. Popescu a vorbit cu dna. Ionescu.",
            "Apoi au plecat împreună.",
        ],
    ),
    (
        "Cine a câștigat alegerile? Nimeni nu știe încă.",
        &["Cine a câștigat alegerile?", "Nimeni nu știe încă."],
    ),
    (
        "Prețurile au crescut în ian. și feb. anul acesta. Guvernul este îngrijorat.",
        &[
            "Prețurile au crescut în ian. și feb. anul acesta.",
            "Guvernul este îngrijorat.",
        ],
    ),
    (
        "Au cumpărat mere, pere etc. Apoi au plecat acasă.",
        &["Au cumpărat mere, pere etc.", "Apoi au plecat acasă."],
    ),
    (
        "Sediul este pe str. Victoriei nr. 12. Intrarea este liberă.",
        &[
            "Sediul este pe str. Victoriei nr. 12.",
            "Intrarea este liberă.",
        ],
    ),
];

const RU: &[Case] = &[
    (
        "Встреча прошла в г. Москве. Участники обсудили бюджет на следующий год.",
        &[
            "Встреча прошла в г. Москве.",
            "Участники обсудили бюджет на следующий год.",
        ],
    ),
    (
        "Кто победил на выборах? Пока никто не знает.",
        &["Кто победил на выборах?", "Пока никто не знает."],
    ),
    (
        "Цены выросли на 5 млн руб. в прошлом году. Это очень много.",
        &[
            "Цены выросли на 5 млн руб. в прошлом году.",
            "Это очень много.",
        ],
    ),
    (
        "Проф. Иванов говорил о науке, школах и т. д. Это было интересно.",
        &[
            "Проф. Иванов говорил о науке, школах и т. д.",
            "Это было интересно.",
        ],
    ),
    (
        "Компания заработала 2 млрд. рублей. Акции компании выросли.",
        &[
            "Компания заработала 2 млрд. рублей.",
            "Акции компании выросли.",
        ],
    ),
];

const TR: &[Case] = &[
    (
        "Dr. Ayşe Yılmaz toplantıya katıldı. Konuşması çok beğenildi.",
        &[
            "Dr. Ayşe Yılmaz toplantıya katıldı.",
            "Konuşması çok beğenildi.",
        ],
    ),
    (
        "Takım ligi 3. sırada bitirdi. Taraftarlar yine de mutluydu.",
        &[
            "Takım ligi 3. sırada bitirdi.",
            "Taraftarlar yine de mutluydu.",
        ],
    ),
    (
        "Maçı kim kazandı? Henüz kimse bilmiyor.",
        &["Maçı kim kazandı?", "Henüz kimse bilmiyor."],
    ),
    (
        "Prof. Dr. Mehmet Kaya yeni kitabını tanıttı. Kitap çok satıyor.",
        &[
            "Prof. Dr. Mehmet Kaya yeni kitabını tanıttı.",
            "Kitap çok satıyor.",
        ],
    ),
    (
        "Meyve, sebze vb. ürünlerin fiyatı arttı. Halk bu durumdan tedirgin.",
        &[
            "Meyve, sebze vb. ürünlerin fiyatı arttı.",
            "Halk bu durumdan tedirgin.",
        ],
    ),
];

const EL: &[Case] = &[
    (
        "Τι ώρα φεύγει το τρένο; Κανείς δεν ξέρει ακόμα.",
        &["Τι ώρα φεύγει το τρένο;", "Κανείς δεν ξέρει ακόμα."],
    ),
    (
        "Ο κ. Παπαδόπουλος μίλησε στη Βουλή. Η ομιλία του ήταν σύντομη.",
        &[
            "Ο κ. Παπαδόπουλος μίλησε στη Βουλή.",
            "Η ομιλία του ήταν σύντομη.",
        ],
    ),
    (
        "Αγόρασαν φρούτα, λαχανικά κλπ. Μετά γύρισαν στο σπίτι.",
        &["Αγόρασαν φρούτα, λαχανικά κλπ.", "Μετά γύρισαν στο σπίτι."],
    ),
    (
        "Η εταιρεία είχε κέρδη 2 εκατ. ευρώ. Οι μετοχές ανέβηκαν αμέσως.",
        &[
            "Η εταιρεία είχε κέρδη 2 εκατ. ευρώ.",
            "Οι μετοχές ανέβηκαν αμέσως.",
        ],
    ),
    (
        "Ο Δρ. Νικολάου εξήγησε τα αποτελέσματα. Ήταν θετικά για όλους.",
        &[
            "Ο Δρ. Νικολάου εξήγησε τα αποτελέσματα.",
            "Ήταν θετικά για όλους.",
        ],
    ),
];

const AR: &[Case] = &[
    (
        "هل وصل الوفد إلى المدينة؟ نعم، وصل صباح اليوم.",
        &["هل وصل الوفد إلى المدينة؟", "نعم، وصل صباح اليوم."],
    ),
    (
        "قال د. أحمد إن الوضع مستقر. ثم غادر القاعة بسرعة.",
        &["قال د. أحمد إن الوضع مستقر.", "ثم غادر القاعة بسرعة."],
    ),
    (
        "ارتفعت الأسعار بنسبة 3.5% هذا العام. وقال الخبراء إن ذلك كان متوقعا.",
        &[
            "ارتفعت الأسعار بنسبة 3.5% هذا العام.",
            "وقال الخبراء إن ذلك كان متوقعا.",
        ],
    ),
    (
        "انتهى الاجتماع بعد الظهر! وغادر الجميع إلى منازلهم.",
        &["انتهى الاجتماع بعد الظهر!", "وغادر الجميع إلى منازلهم."],
    ),
    (
        "بلغ عدد السكان 5 ملايين نسمة. ويعيش معظمهم في المدن الكبيرة.",
        &[
            "بلغ عدد السكان 5 ملايين نسمة.",
            "ويعيش معظمهم في المدن الكبيرة.",
        ],
    ),
];

const TA: &[Case] = &[
    (
        "திரு. குமார் இன்று சென்னை வந்தார். அவர் மக்களை சந்தித்தார்.",
        &["திரு. குமார் இன்று சென்னை வந்தார்.", "அவர் மக்களை சந்தித்தார்."],
    ),
    (
        "நீங்கள் எங்கே போகிறீர்கள்? நான் வீட்டுக்குப் போகிறேன்.",
        &["நீங்கள் எங்கே போகிறீர்கள்?", "நான் வீட்டுக்குப் போகிறேன்."],
    ),
    (
        "கலைஞர் மு. கருணாநிதி பல நூல்களை எழுதினார். அவை மிகவும் புகழ் பெற்றவை.",
        &[
            "கலைஞர் மு. கருணாநிதி பல நூல்களை எழுதினார்.",
            "அவை மிகவும் புகழ் பெற்றவை.",
        ],
    ),
    (
        "விலை 2.5 சதவீதம் உயர்ந்தது. மக்கள் கவலை அடைந்தனர்.",
        &["விலை 2.5 சதவீதம் உயர்ந்தது.", "மக்கள் கவலை அடைந்தனர்."],
    ),
    ("அருமை! மீண்டும் சந்திப்போம்.", &["அருமை!", "மீண்டும் சந்திப்போம்."]),
];

/// Every language with its cases, in [`Lang::ALL`] order.
const ALL: [(Lang, &[Case]); 18] = [
    (Lang::English, EN),
    (Lang::German, DE),
    (Lang::French, FR),
    (Lang::Spanish, ES),
    (Lang::Italian, IT),
    (Lang::Portuguese, PT),
    (Lang::Dutch, NL),
    (Lang::Swedish, SV),
    (Lang::Danish, DA),
    (Lang::Norwegian, NO),
    (Lang::Finnish, FI),
    (Lang::Hungarian, HU),
    (Lang::Romanian, RO),
    (Lang::Russian, RU),
    (Lang::Turkish, TR),
    (Lang::Greek, EL),
    (Lang::Arabic, AR),
    (Lang::Tamil, TA),
];

/// Splits every case of `lang`; returns the failures, described.
fn failures(lang: Lang, cases: &[Case]) -> Vec<String> {
    let splitter = Splitter::new(lang);
    let mut failed = Vec::new();
    for (input, want) in cases {
        let got: Vec<&str> = splitter
            .split(input)
            .iter()
            .map(|s| s.text(input))
            .collect();
        if got != *want {
            failed.push(format!(
                "{lang}: {input:?}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    failed
}

macro_rules! language_tests {
    ($($name:ident => $index:expr),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let (lang, cases) = ALL[$index];
                assert!(cases.len() >= 4, "{lang} needs at least four cases");
                let failed = failures(lang, cases);
                assert!(failed.is_empty(), "{}", failed.join("\n"));
            }
        )*
    };
}

language_tests! {
    english => 0, german => 1, french => 2, spanish => 3, italian => 4, portuguese => 5,
    dutch => 6, swedish => 7, danish => 8, norwegian => 9, finnish => 10, hungarian => 11,
    romanian => 12, russian => 13, turkish => 14, greek => 15, arabic => 16, tamil => 17,
}

#[test]
fn tables_are_in_lang_order() {
    for (i, (lang, _)) in ALL.iter().enumerate() {
        assert_eq!(*lang, Lang::ALL[i]);
    }
}

#[test]
fn scripts_beyond_the_covered_languages() {
    let cases: &[Case] = &[
        (
            "雨が降った。傘を持っていく！",
            &["雨が降った。", "傘を持っていく！"],
        ),
        ("他来了吗？来了。", &["他来了吗？", "来了。"]),
        ("बारिश हुई। सड़कें भीग गईं।", &["बारिश हुई।", "सड़कें भीग गईं।"]),
        ("Անձրեւ է։ Գնանք տուն։", &["Անձրեւ է։", "Գնանք տուն։"]),
        ("ዝናብ ጣለ። ቤት እንሂድ።", &["ዝናብ ጣለ።", "ቤት እንሂድ።"]),
        ("بارش ہوئی۔ ہم گھر گئے۔", &["بارش ہوئی۔", "ہم گھر گئے۔"]),
        ("မိုးရွာတယ်။ အိမ်ပြန်မယ်။", &["မိုးရွာတယ်။", "အိမ်ပြန်မယ်။"]),
        ("آیا او آمد؟ بله آمد.", &["آیا او آمد؟", "بله آمد."]),
    ];
    let failed = failures(Lang::English, cases);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Language detection on the texts above, one document per language, and
/// on texts in languages newsgist does not cover (which must give `None`).
#[test]
fn detection_accuracy_on_the_language_cases() {
    let mut right = 0;
    let mut wrong = Vec::new();
    for (lang, cases) in ALL {
        let doc: Vec<&str> = cases.iter().map(|(t, _)| *t).collect();
        let doc = doc.join(" ");
        let got = Lang::detect(&doc);
        if got == Some(lang) {
            right += 1;
        } else {
            wrong.push(format!("{lang}: got {got:?}"));
        }
    }
    println!("detection on the language cases: {right}/18 right; wrong: {wrong:?}");
    assert_eq!(right, 18, "{wrong:?}");

    // Single cases are one or two short sentences: harder, and a `None`
    // (unsure) counts as wrong here.
    let (mut right, mut mistaken, mut total) = (0, 0, 0);
    for (lang, cases) in ALL {
        for (text, _) in cases {
            total += 1;
            match Lang::detect(text) {
                Some(got) if got == lang => right += 1,
                got => {
                    mistaken += usize::from(got.is_some());
                    println!("single case {lang}: got {got:?} for {text:?}");
                }
            }
        }
    }
    println!("detection on single cases: {right}/{total} right, {mistaken} wrong, the rest unsure");
    assert!(right * 100 >= total * 85, "{right}/{total}");
    // Unsure is fine (the caller falls back to English); wrong is not.
    assert_eq!(mistaken, 0);

    let uncovered = [
        "Rząd przyjął we wtorek projekt ustawy, który ma obniżyć ceny energii dla \
         gospodarstw domowych. Opozycja zapowiada głosowanie przeciw.",
        "Vláda ve čtvrtek schválila nový zákon o dopravě. Opozice s ním nesouhlasí \
         a chce se obrátit na soud.",
        "Pemerintah mengumumkan kebijakan baru pada hari Senin. Para pedagang \
         menyambut baik keputusan tersebut.",
    ];
    for text in uncovered {
        assert_eq!(Lang::detect(text), None, "{text}");
    }
}

/// Language detection on the project's sample articles: files named
/// `de_…` and `fr_…` are German and French, the rest English.
#[test]
fn detection_accuracy_on_the_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus folder is missing")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let (mut right, mut total) = (0, 0);
    for path in &paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let want = match name.split('_').next() {
            Some("de") => Lang::German,
            Some("fr") => Lang::French,
            _ => Lang::English,
        };
        let text = std::fs::read_to_string(path).expect("unreadable corpus file");
        total += 1;
        let got = Lang::detect(&text);
        if got == Some(want) {
            right += 1;
        } else {
            println!("{name}: want {want}, got {got:?}");
        }
    }
    println!("detection on corpus/: {right}/{total} right");
    assert!(total > 0);
    assert_eq!(right, total);
}

/// Detection reads a bounded prefix cut on a char boundary and never
/// panics, whatever the text.
#[test]
fn detection_is_total_and_bounded() {
    for text in ["", " ", "12 34 56", "!!!", "\u{FEFF}", "a", "日本語"] {
        let _ = Lang::detect(text);
    }
    // The 2,048-byte cut falls inside a multi-byte char here.
    let text = format!("{}{}", "x", "ü".repeat(5_000));
    let _ = Lang::detect(&text);
    // A long text is judged by its beginning only.
    let german = ALL[1]
        .1
        .iter()
        .map(|(t, _)| *t)
        .collect::<Vec<_>>()
        .join(" ");
    let long = format!(
        "{} {}",
        [german.as_str(); 5].join(" "),
        "The council met on Tuesday and voted. ".repeat(50_000)
    );
    assert!(long.len() > 1_000_000);
    assert_eq!(Lang::detect(&long), Some(Lang::German));
}
