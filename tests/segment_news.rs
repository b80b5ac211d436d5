//! News-text cases for the English splitter, written for this project:
//! datelines, bylines and time stamps, headlines, lists, captions, quotes,
//! ellipses, abbreviations, initials, numbers, links and the paragraph
//! artifacts of scraped news (" . " where a paragraph break was, paragraphs
//! joined by a single space).

use newsgist::Lang;
use newsgist::segment::Splitter;

fn split(text: &str) -> Vec<&str> {
    Splitter::new(Lang::English)
        .split(text)
        .iter()
        .map(|s| s.text(text))
        .collect()
}

/// Asserts that `text` splits into exactly `want`.
fn check(text: &str, want: &[&str]) {
    assert_eq!(split(text), want, "input: {text:?}");
}

#[test]
fn datelines() {
    check(
        "WASHINGTON (AP) — The Senate passed the measure late Thursday. It now goes to the House.",
        &[
            "WASHINGTON (AP) — The Senate passed the measure late Thursday.",
            "It now goes to the House.",
        ],
    );
    check(
        "LONDON (Reuters) - Britain's jobless rate edged up to 4.3% in the three months to June. \
         Wage growth slowed.",
        &[
            "LONDON (Reuters) - Britain's jobless rate edged up to 4.3% in the three months to June.",
            "Wage growth slowed.",
        ],
    );
    check(
        "(CNN) A wildfire forced hundreds from their homes on Sunday. Crews worked all night.",
        &[
            "(CNN) A wildfire forced hundreds from their homes on Sunday.",
            "Crews worked all night.",
        ],
    );
    check(
        "(CNN)Two climbers were rescued from the glacier. Both are in hospital.",
        &[
            "(CNN)Two climbers were rescued from the glacier.",
            "Both are in hospital.",
        ],
    );
    check(
        "NAIROBI, Kenya (AP) — Heavy rain flooded the capital. Schools closed early.",
        &[
            "NAIROBI, Kenya (AP) — Heavy rain flooded the capital.",
            "Schools closed early.",
        ],
    );
    check(
        "BERLIN (Reuters) -\nGerman factory orders fell in May. Economists had expected a rise.",
        &[
            "BERLIN (Reuters) -\nGerman factory orders fell in May.",
            "Economists had expected a rise.",
        ],
    );
}

#[test]
fn bylines_and_time_stamps() {
    check(
        "By . Jane Doe . PUBLISHED: . 14:11 EST, 3 March 2014 . | . UPDATED: . 16:40 EST, \
         3 March 2014 . A council has banned dogs from its beaches.",
        &[
            "By . Jane Doe .",
            "PUBLISHED: . 14:11 EST, 3 March 2014 . | . UPDATED: . 16:40 EST, 3 March 2014 .",
            "A council has banned dogs from its beaches.",
        ],
    );
    check(
        "By . Daily Mail Reporter . Last updated at 9:12 AM on 5th May 2012 . Police closed the road.",
        &[
            "By . Daily Mail Reporter .",
            "Last updated at 9:12 AM on 5th May 2012 .",
            "Police closed the road.",
        ],
    );
    check(
        "By Tom Vale, Science Editor\nPublished 14:11 EST, 3 March 2014\n\nThe probe landed safely.",
        &[
            "By Tom Vale, Science Editor",
            "Published 14:11 EST, 3 March 2014",
            "The probe landed safely.",
        ],
    );
    check(
        "There are two reasons: . 1. Is the evidence sound? 2. Was it disclosed?",
        &[
            "There are two reasons: .",
            "1. Is the evidence sound?",
            "2. Was it disclosed?",
        ],
    );
    check(
        "By . Ana Ruiz and Ben Ode . The inquiry opens on Monday.",
        &[
            "By . Ana Ruiz and Ben Ode .",
            "The inquiry opens on Monday.",
        ],
    );
}

#[test]
fn headlines_and_subheads() {
    check(
        "Storm batters coast as thousands lose power\n\nHigh winds toppled trees on Monday.",
        &[
            "Storm batters coast as thousands lose power",
            "High winds toppled trees on Monday.",
        ],
    );
    check(
        "The bill passed easily.\n\nWhat happens next\n\nThe governor has ten days to sign it.",
        &[
            "The bill passed easily.",
            "What happens next",
            "The governor has ten days to sign it.",
        ],
    );
    check(
        "Rail strike called off\nUnions accepted the offer late on Friday.",
        &[
            "Rail strike called off",
            "Unions accepted the offer late on Friday.",
        ],
    );
}

#[test]
fn lists_and_bullets() {
    check(
        "The plan includes:\n• a new bridge\n• two schools\n• more buses",
        &[
            "The plan includes:",
            "• a new bridge",
            "• two schools",
            "• more buses",
        ],
    );
    check(
        "1. Taxes rise in April.\n2. Spending falls.\n3. Debt stabilises.",
        &[
            "1. Taxes rise in April.",
            "2. Spending falls.",
            "3. Debt stabilises.",
        ],
    );
    check(
        "- Police arrested two men\n- The road reopened at noon",
        &["- Police arrested two men", "- The road reopened at noon"],
    );
    check(
        "• Police arrested two men • The road reopened at noon",
        &["• Police arrested two men", "• The road reopened at noon"],
    );
}

#[test]
fn photo_captions() {
    check(
        "Rescued: The spaniel was found on a ledge below the cliff top . Coastguard teams \
         used ropes to reach her .",
        &[
            "Rescued: The spaniel was found on a ledge below the cliff top .",
            "Coastguard teams used ropes to reach her .",
        ],
    );
    check(
        "Image caption Firefighters at the scene on Tuesday\nThe blaze started in a kitchen.",
        &[
            "Image caption Firefighters at the scene on Tuesday",
            "The blaze started in a kitchen.",
        ],
    );
    check(
        "The mayor at the opening. (Photo: Ken Obi/City Press) Residents queued for hours.",
        &[
            "The mayor at the opening.",
            "(Photo: Ken Obi/City Press) Residents queued for hours.",
        ],
    );
}

#[test]
fn quotes_that_end_a_sentence() {
    check(
        "The minister called it \"a mistake.\" Critics agreed.",
        &["The minister called it \"a mistake.\"", "Critics agreed."],
    );
    check(
        "“We will rebuild.” The crowd cheered.",
        &["“We will rebuild.”", "The crowd cheered."],
    );
    check(
        "She told him, “They asked me, ‘Is it over?’” The room went quiet.",
        &[
            "She told him, “They asked me, ‘Is it over?’”",
            "The room went quiet.",
        ],
    );
    check(
        "‘We are delighted,’ said Mrs Smith. ‘It is a wonderful day.’ The event raised £2,000.",
        &[
            "‘We are delighted,’ said Mrs Smith.",
            "‘It is a wonderful day.’",
            "The event raised £2,000.",
        ],
    );
    check(
        "He shouted “Run!” and everyone ran.",
        &["He shouted “Run!” and everyone ran."],
    );
}

#[test]
fn a_quote_of_several_sentences() {
    check(
        "\"We were scared. The water kept rising. Nobody came,\" said Ana Ruiz.",
        &[
            "\"We were scared.",
            "The water kept rising.",
            "Nobody came,\" said Ana Ruiz.",
        ],
    );
    check(
        "“I love this city. I always will.” The mayor then left.",
        &[
            "“I love this city.",
            "I always will.”",
            "The mayor then left.",
        ],
    );
    check(
        "'Where was everyone? Why did no one call?' she asked.",
        &["'Where was everyone?", "Why did no one call?' she asked."],
    );
}

#[test]
fn ellipses() {
    check(
        "The talks went on... and on. Nobody was surprised.",
        &["The talks went on... and on.", "Nobody was surprised."],
    );
    check(
        "He never finished his sentence... The hall fell silent.",
        &["He never finished his sentence...", "The hall fell silent."],
    );
    check(
        "It ended there… The crowd left quietly.",
        &["It ended there…", "The crowd left quietly."],
    );
    check("We waited and waited…", &["We waited and waited…"]);
    check(
        "“I just . . . I can't,” she said.",
        &["“I just . . . I can't,” she said."],
    );
}

#[test]
fn abbreviations_before_names() {
    check(
        "Gov. Newsom signed the order. Gen. Milley disagreed.",
        &["Gov. Newsom signed the order.", "Gen. Milley disagreed."],
    );
    check(
        "The prime minister returned to No. 10 on Friday. Aides were waiting.",
        &[
            "The prime minister returned to No. 10 on Friday.",
            "Aides were waiting.",
        ],
    );
    check(
        "She grew up in St. Louis. Her father was a teacher.",
        &["She grew up in St. Louis.", "Her father was a teacher."],
    );
    check(
        "Sen. Ella Marsh and Rep. Tom Ode spoke. Lt. Gov. Kim Dale did not.",
        &[
            "Sen. Ella Marsh and Rep. Tom Ode spoke.",
            "Lt. Gov. Kim Dale did not.",
        ],
    );
    check(
        "Dr. Ines Moll and Prof. Otto Lind led the study. Mr. Lind declined to comment.",
        &[
            "Dr. Ines Moll and Prof. Otto Lind led the study.",
            "Mr. Lind declined to comment.",
        ],
    );
}

#[test]
fn initials() {
    check(
        "J. K. Rowling published a new book. Fans queued overnight.",
        &[
            "J. K. Rowling published a new book.",
            "Fans queued overnight.",
        ],
    );
    check(
        "The author J.K. Rowling lives in Edinburgh.",
        &["The author J.K. Rowling lives in Edinburgh."],
    );
    check(
        "Actress Taraji P. Henson spoke first. The panel followed.",
        &[
            "Actress Taraji P. Henson spoke first.",
            "The panel followed.",
        ],
    );
    check(
        "The late George H. W. Bush was honoured. Crowds lined the route.",
        &[
            "The late George H. W. Bush was honoured.",
            "Crowds lined the route.",
        ],
    );
}

#[test]
fn numbers_money_and_times() {
    check(
        "Inflation rose to 3.5% in March. Food prices rose fastest.",
        &[
            "Inflation rose to 3.5% in March.",
            "Food prices rose fastest.",
        ],
    );
    check(
        "The company paid $1.2 billion for the site. Shares rose 0.8 per cent.",
        &[
            "The company paid $1.2 billion for the site.",
            "Shares rose 0.8 per cent.",
        ],
    );
    check(
        "The vote is set for 4 p.m. Tuesday. Lawmakers are divided.",
        &[
            "The vote is set for 4 p.m. Tuesday.",
            "Lawmakers are divided.",
        ],
    );
    check(
        "The meeting ended at 4 p.m. The results came later.",
        &["The meeting ended at 4 p.m.", "The results came later."],
    );
    check(
        "The race starts at 10 a.m. on Sunday.",
        &["The race starts at 10 a.m. on Sunday."],
    );
    check(
        "Turnout was 61.2 per cent, up from 58.9. The count ended at 3.15am.",
        &[
            "Turnout was 61.2 per cent, up from 58.9.",
            "The count ended at 3.15am.",
        ],
    );
}

#[test]
fn links_and_email_addresses() {
    check(
        "For details visit www.cityhall.example.gov/news. Tickets are free.",
        &[
            "For details visit www.cityhall.example.gov/news.",
            "Tickets are free.",
        ],
    );
    check(
        "Send tips to news.desk@example.com. We read every message.",
        &[
            "Send tips to news.desk@example.com.",
            "We read every message.",
        ],
    );
    check(
        "Read it at https://example.org/a.b?x=1. It is long.",
        &["Read it at https://example.org/a.b?x=1.", "It is long."],
    );
    check(
        "Email Ana.Ruiz@example.com for tickets.",
        &["Email Ana.Ruiz@example.com for tickets."],
    );
}

#[test]
fn us_and_uk_at_a_sentence_end() {
    check(
        "The company moved its headquarters to the U.S. It kept an office in Dublin.",
        &[
            "The company moved its headquarters to the U.S.",
            "It kept an office in Dublin.",
        ],
    );
    check(
        "He flew back to the U.K. The trip took 11 hours.",
        &["He flew back to the U.K.", "The trip took 11 hours."],
    );
    check(
        "U.S. troops left the region. U.K. officials welcomed the move.",
        &[
            "U.S. troops left the region.",
            "U.K. officials welcomed the move.",
        ],
    );
    check(
        "The U.S. Supreme Court ruled on Monday.",
        &["The U.S. Supreme Court ruled on Monday."],
    );
}

#[test]
fn scraped_paragraph_artifacts() {
    // Daily Mail text: " . " where a paragraph break was.
    check(
        "The dog was found safe . Its owner thanked the rescuers .",
        &[
            "The dog was found safe .",
            "Its owner thanked the rescuers .",
        ],
    );
    // CNN text: paragraphs joined by one space, quotes closing a paragraph.
    check(
        "\"We will be back,\" he said. The team flew home on Monday. \"It hurts.\" Fans were quiet.",
        &[
            "\"We will be back,\" he said.",
            "The team flew home on Monday.",
            "\"It hurts.\"",
            "Fans were quiet.",
        ],
    );
}

#[test]
fn user_abbreviations() {
    let text = "The Supt. Ward spoke first. Then Insp. Kaye answered questions.";
    let plain = Splitter::new(Lang::English);
    assert_eq!(plain.split(text).len(), 2);
    let text = "Councillor Abd. Rahim spoke first. Then he left.";
    assert_eq!(plain.split(text).len(), 3);
    let custom = plain.with_abbreviations(["Abd."]);
    let got: Vec<&str> = custom.split(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(got, ["Councillor Abd. Rahim spoke first.", "Then he left."]);
}
