//! `terms::word_indices` finds exactly the words of `unicode_word_indices`.

use newsgist::terms::word_indices;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn reference(text: &str) -> Vec<(usize, &str)> {
    text.unicode_word_indices().collect()
}

/// Text made of the characters where the word rules differ: every ASCII
/// class, white space of each kind, and non-ASCII letters, marks, joiners,
/// apostrophes, digits, emoji and regional indicators next to them.
fn tricky_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Z",
        "q",
        "7",
        "0",
        "_",
        ".",
        "'",
        ":",
        ",",
        ";",
        "\"",
        "-",
        "/",
        "@",
        "#",
        "%",
        "$",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\u{b}",
        "\u{c}",
        "é",
        "ß",
        "\u{2019}",
        "\u{2018}",
        "\u{201c}",
        "\u{301}",
        "\u{93e}",
        "\u{200d}",
        "\u{200b}",
        "\u{ad}",
        "\u{a0}",
        "\u{3000}",
        "٣",
        "カ",
        "ー",
        "中",
        "א",
        "\u{5f3}",
        "\u{5f4}",
        "👍",
        "\u{1f3fb}",
        "🇫",
        "🇷",
        "·",
        "…",
        "\u{2024}",
        "\u{fe52}",
        "\u{ff0e}",
        "word",
        "U.S.",
        "3.5",
        "1,000",
        "don't",
    ]);
    prop::collection::vec(pieces, 0..max_pieces).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn same_words_on_tricky_text(text in tricky_text(60)) {
        prop_assert_eq!(word_indices(&text).collect::<Vec<_>>(), reference(&text));
    }

    // Longer than the 64-byte blocks the ASCII path reads, so that words
    // and joiners straddle block edges.
    #[test]
    fn same_words_on_long_tricky_text(text in tricky_text(400)) {
        prop_assert_eq!(word_indices(&text).collect::<Vec<_>>(), reference(&text));
    }

    #[test]
    fn same_words_on_ascii(text in "[ -~\t\n\r]{0,80}") {
        prop_assert_eq!(word_indices(&text).collect::<Vec<_>>(), reference(&text));
    }

    #[test]
    fn same_words_on_long_ascii(text in "([a-c0-2_.':,; \n-]{1,9}){0,80}") {
        prop_assert_eq!(word_indices(&text).collect::<Vec<_>>(), reference(&text));
    }

    #[test]
    fn same_words_on_any_string(text in any::<String>()) {
        prop_assert_eq!(word_indices(&text).collect::<Vec<_>>(), reference(&text));
    }
}

#[test]
fn same_words_on_the_sample_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                word_indices(&text).collect::<Vec<_>>(),
                reference(&text),
                "{path:?}"
            );
            seen += 1;
        }
    }
    assert!(seen > 0);
}
