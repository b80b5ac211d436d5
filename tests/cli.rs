//! The `newsgist` binary on the sample corpus: formats, budgets, quotes, the
//! `sentences` and `bulk` subcommands, exit codes and error messages.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;

mod common;
use common::TempDir;
use serde_json::Value;

const ARTICLE: &str = "corpus/politics_water_bill.txt";
const GERMAN: &str = "corpus/de_stadtrat_strassenbahn.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the crate root so that `corpus/...` paths resolve.
fn newsgist() -> Command {
    let mut cmd = Command::cargo_bin("newsgist").expect("the newsgist binary");
    cmd.current_dir(root());
    cmd
}

fn read(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `corpus/*.txt`, as `corpus/NAME.txt`, sorted.
fn corpus_files() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join("corpus"))
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| format!("corpus/{n}"))
        .collect();
    names.sort();
    names
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("run newsgist");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// Runs and requires exit code 0.
fn ok(cmd: &mut Command) -> String {
    let r = run(cmd);
    assert_eq!(r.code, Some(0), "exit code; stderr: {}", r.stderr);
    r.stdout
}

fn json(s: &str) -> Value {
    serde_json::from_str(s.trim_end()).unwrap_or_else(|e| panic!("invalid JSON ({e}): {s}"))
}

fn usize_of(v: &Value, key: &str) -> usize {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is not an unsigned integer in {v}")) as usize
}

/// Checks the shape of one document record and that every text is the byte
/// slice `input[start..end]`.
fn check_record(record: &Value, input: &str) {
    let obj = record.as_object().expect("a record is an object");
    for key in ["id", "summary", "quotes"] {
        assert!(obj.contains_key(key), "record lacks {key}: {record}");
    }
    let summary = record["summary"].as_array().expect("summary is an array");
    assert!(!summary.is_empty(), "empty summary: {record}");
    for s in summary {
        for key in ["index", "text", "start", "end", "score"] {
            assert!(s.get(key).is_some(), "summary item lacks {key}: {s}");
        }
        assert!(s["score"].is_number(), "score: {s}");
        usize_of(s, "index");
        let (start, end) = (usize_of(s, "start"), usize_of(s, "end"));
        assert_eq!(
            input.get(start..end),
            s["text"].as_str(),
            "summary text is not input[{start}..{end}]"
        );
    }
    for q in record["quotes"].as_array().expect("quotes is an array") {
        for key in [
            "text",
            "speaker",
            "speaker_mention",
            "cue",
            "kind",
            "start",
            "end",
            "score",
        ] {
            assert!(q.get(key).is_some(), "quote lacks {key}: {q}");
        }
        let (start, end) = (usize_of(q, "start"), usize_of(q, "end"));
        assert_eq!(
            input.get(start..end),
            q["text"].as_str(),
            "quote text is not input[{start}..{end}]"
        );
        let kind = q["kind"].as_str().expect("kind is a string");
        assert!(kind == "direct" || kind == "partial", "kind {kind}");
        assert!(q["speaker"].is_null() || q["speaker"].is_string(), "{q}");
        assert!(q["cue"].is_null() || q["cue"].is_string(), "{q}");
        let m = &q["speaker_mention"];
        if !m.is_null() {
            let (ms, me) = (usize_of(m, "start"), usize_of(m, "end"));
            assert_eq!(input.get(ms..me), m["text"].as_str(), "speaker_mention");
        }
    }
}

fn summary_of(record: &Value) -> &Vec<Value> {
    record["summary"].as_array().expect("summary")
}

fn quotes_of(record: &Value) -> &Vec<Value> {
    record["quotes"].as_array().expect("quotes")
}

#[test]
fn default_text_output() {
    let out = ok(newsgist().arg(ARTICLE));
    let (summary, quotes) = match out.split_once("\n\nKey quotes:\n") {
        Some((s, q)) => (s.to_string(), q.to_string()),
        None => (out.trim_end().to_string(), String::new()),
    };
    let lines: Vec<&str> = summary.lines().collect();
    assert!(
        !lines.is_empty() && lines.len() <= 3,
        "want 1 to 3 summary lines: {out}"
    );
    let input = read(ARTICLE);
    let folded_input = input.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in &lines {
        assert!(folded_input.contains(line), "not from the article: {line}");
    }
    assert!(quotes.lines().count() <= 3, "default is 3 quotes: {out}");
    for q in quotes.lines() {
        assert!(q.starts_with('\u{201c}'), "quote line: {q}");
    }
}

#[test]
fn json_output_follows_the_contract() {
    for file in corpus_files() {
        let input = read(&file);
        let out = ok(newsgist().args(["--format", "json", "--quotes", "all", &file]));
        assert_eq!(out.lines().count(), 1, "{file}: one line of JSON");
        let record = json(&out);
        assert_eq!(record["id"], file.as_str());
        check_record(&record, &input);
        let summary = summary_of(&record);
        assert!(summary.len() <= 3, "{file}: default 3 sentences");
        let idx: Vec<usize> = summary.iter().map(|s| usize_of(s, "index")).collect();
        assert!(
            idx.windows(2).all(|w| w[0] < w[1]),
            "{file}: document order"
        );
    }
}

#[test]
fn markdown_output() {
    let out = ok(newsgist().args(["--format", "markdown", ARTICLE]));
    assert!(out.starts_with("## Summary\n\n- "), "{out}");
    let record = json(&ok(newsgist().args(["--format", "json", ARTICLE])));
    let bullets = out.lines().filter(|l| l.starts_with("- ")).count();
    assert_eq!(bullets, summary_of(&record).len(), "{out}");
    if !quotes_of(&record).is_empty() {
        assert!(out.contains("\n## Key quotes\n"), "{out}");
        assert!(out.contains("\n> \u{201c}"), "{out}");
    }
}

#[test]
fn stdin_input_matches_file_input() {
    let input = read(ARTICLE);
    let from_file = ok(newsgist().arg(ARTICLE));
    let from_stdin = ok(newsgist().arg("-").write_stdin(input.clone()));
    assert_eq!(from_file, from_stdin);
    let record = json(&ok(newsgist()
        .args(["--format", "json", "-"])
        .write_stdin(input.clone())));
    assert_eq!(record["id"], "-");
    check_record(&record, &input);
}

#[test]
fn sentence_budget() {
    for n in [1usize, 2, 5] {
        let record = json(&ok(newsgist().args([
            "--format",
            "json",
            "--sentences",
            &n.to_string(),
            ARTICLE,
        ])));
        assert_eq!(summary_of(&record).len(), n, "--sentences {n}");
    }
}

/// Words as a reader counts them: white-space separated runs with a letter or
/// digit in them (a lone `:`, `–` or `%` is not a word).
fn words_in(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[test]
fn word_budget() {
    for file in corpus_files() {
        let record = json(&ok(
            newsgist().args(["--format", "json", "--words", "40", &file])
        ));
        let words: usize = summary_of(&record)
            .iter()
            .map(|s| words_in(s["text"].as_str().unwrap()))
            .sum();
        assert!(words <= 40, "{file}: {words} words with --words 40");
    }
}

#[test]
fn ratio_budget() {
    let input = read(ARTICLE);
    let sentences = json(&ok(newsgist().args([
        "sentences",
        "--format",
        "json",
        ARTICLE,
    ])));
    let total = sentences.as_array().unwrap().len();
    let record = json(&ok(
        newsgist().args(["--format", "json", "--ratio", "0.2", ARTICLE])
    ));
    check_record(&record, &input);
    let got = summary_of(&record).len();
    let want = (total as f64 * 0.2).ceil() as usize;
    assert!(
        got >= 1 && got <= want,
        "--ratio 0.2 of {total} sentences gave {got}, want at most {want}"
    );
    for bad in ["0", "1.5", "-0.1"] {
        let r = run(newsgist().args(["--ratio", bad, ARTICLE]));
        assert_eq!(r.code, Some(2), "--ratio {bad}: {}", r.stderr);
    }
}

#[test]
fn quote_limits() {
    let input = read(ARTICLE);
    let all = json(&ok(
        newsgist().args(["--format", "json", "--quotes", "all", ARTICLE])
    ));
    check_record(&all, &input);
    let starts: Vec<usize> = quotes_of(&all)
        .iter()
        .map(|q| usize_of(q, "start"))
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "--quotes all is in document order: {starts:?}"
    );
    let top3 = json(&ok(newsgist().args(["--format", "json", ARTICLE])));
    assert!(quotes_of(&top3).len() <= 3);
    assert!(quotes_of(&all).len() >= quotes_of(&top3).len());
    assert!(
        quotes_of(&all).len() > 3,
        "the politics article has more than 3 quotes"
    );
    let one = json(&ok(
        newsgist().args(["--format", "json", "--quotes", "1", ARTICLE])
    ));
    assert_eq!(quotes_of(&one).len(), 1);
    assert_eq!(
        quotes_of(&one)[0],
        quotes_of(&top3)[0],
        "--quotes 1 is the best one"
    );
    let none = json(&ok(
        newsgist().args(["--format", "json", "--quotes", "0", ARTICLE])
    ));
    assert!(quotes_of(&none).is_empty());
    let r = run(newsgist().args(["--quotes", "many", ARTICLE]));
    assert_eq!(r.code, Some(2), "--quotes many: {}", r.stderr);
}

#[test]
fn sentences_subcommand() {
    for file in [ARTICLE, GERMAN] {
        let input = read(file);
        let text = ok(newsgist().args(["sentences", file]));
        let items = json(&ok(newsgist().args([
            "sentences",
            "--format",
            "json",
            file,
        ])));
        let items = items.as_array().expect("an array");
        assert!(items.len() > 10, "{file}: {} sentences", items.len());
        assert_eq!(text.lines().count(), items.len(), "{file}: one a line");
        let mut last_end = 0;
        for (item, line) in items.iter().zip(text.lines()) {
            let (start, end) = (usize_of(item, "start"), usize_of(item, "end"));
            let t = item["text"].as_str().expect("text");
            assert_eq!(input.get(start..end), Some(t), "{file}: {start}..{end}");
            assert!(start >= last_end, "{file}: sentences overlap");
            last_end = end;
            assert_eq!(line, t.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let from_stdin = ok(newsgist()
        .args(["sentences", "--lang", "en", "-"])
        .write_stdin(read(ARTICLE)));
    assert_eq!(
        from_stdin,
        ok(newsgist().args(["sentences", "--lang", "en", ARTICLE]))
    );
}

#[test]
fn bulk_over_the_corpus_folder() {
    let out = ok(newsgist().args(["bulk", "--threads", "2", "corpus"]));
    let records: Vec<Value> = out.lines().map(json).collect();
    let files = corpus_files();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, files, "one record per .txt, sorted by path");
    for (record, file) in records.iter().zip(&files) {
        assert!(record.get("error").is_none(), "{file}: {record}");
        check_record(record, &read(file));
    }
}

#[test]
fn bulk_output_does_not_depend_on_threads() {
    let one = ok(newsgist().args(["bulk", "--threads", "1", "--quotes", "all", "corpus"]));
    let two = ok(newsgist().args(["bulk", "--threads", "2", "--quotes", "all", "corpus"]));
    assert_eq!(one, two);
    assert_eq!(one.lines().count(), corpus_files().len());
}

#[test]
fn bulk_jsonl_with_bad_records() {
    let dir = TempDir::new("cli", "jsonl");
    let article = read(ARTICLE);
    let lines = [
        serde_json::json!({"id": "first", "text": article}).to_string(),
        "{this is not json".to_string(),
        serde_json::json!({"id": "no-text", "title": "A record without text"}).to_string(),
        String::new(),
        serde_json::json!({"body": read(GERMAN)}).to_string(),
    ];
    let path = dir.path().join("docs.jsonl");
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let r = run(newsgist().args(["bulk", "--threads", "2"]).arg(&path));
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    let records: Vec<Value> = r.stdout.lines().map(json).collect();
    assert_eq!(records.len(), 4, "{}", r.stdout);
    assert_eq!(records[0]["id"], "first");
    check_record(&records[0], &article);
    assert_eq!(records[1]["id"], 2, "a bad line gets its line number");
    assert!(records[1]["error"].is_string(), "{}", records[1]);
    assert!(records[1].get("summary").is_none());
    assert_eq!(records[2]["id"], "no-text");
    assert!(records[2]["error"].is_string(), "{}", records[2]);
    assert_eq!(records[3]["id"], 5, "no id: the line number");
    check_record(&records[3], &read(GERMAN));
    assert!(
        r.stderr.contains("2 of 4"),
        "the failure count on stderr: {}",
        r.stderr
    );
}

#[test]
fn bulk_jsonl_on_stdin() {
    let input = [
        serde_json::json!({"id": 1, "text": read(ARTICLE)}).to_string(),
        serde_json::json!({"id": 2, "article": read(GERMAN)}).to_string(),
    ]
    .join("\n");
    let out = ok(newsgist().args(["bulk", "-"]).write_stdin(input));
    let ids: Vec<Value> = out.lines().map(|l| json(l)["id"].clone()).collect();
    assert_eq!(ids, [Value::from(1), Value::from(2)]);
}

#[test]
fn bulk_output_file() {
    let dir = TempDir::new("cli", "output");
    let target = dir.path().join("out.jsonl");
    let r = run(newsgist()
        .args(["bulk", "--threads", "2", "--output"])
        .arg(&target)
        .arg("corpus"));
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert!(r.stdout.is_empty(), "nothing on stdout with --output");
    let written = fs::read_to_string(&target).expect("the output file");
    assert_eq!(
        written,
        ok(newsgist().args(["bulk", "--threads", "1", "corpus"]))
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "out.jsonl")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn missing_file_is_a_one_line_error() {
    let r = run(newsgist().arg("corpus/no-such-article.txt"));
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert_eq!(r.stderr.lines().count(), 1, "one line: {:?}", r.stderr);
    assert!(r.stderr.starts_with("newsgist: "), "{:?}", r.stderr);
    assert!(r.stderr.contains("no-such-article.txt"), "{:?}", r.stderr);
}

#[test]
fn empty_input_fails() {
    let r = run(newsgist().arg("-").write_stdin("  \n\n "));
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{:?}", r.stderr);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let r = run(newsgist().args(["--no-such-flag", ARTICLE]));
    assert_eq!(r.code, Some(2));
    assert!(r.stdout.is_empty());
    let r = run(newsgist().args(["--lang", "xx", ARTICLE]));
    assert_eq!(r.code, Some(2), "unknown language: {}", r.stderr);
}

#[test]
fn eval_rouge_scores_summaries_and_predictions() {
    let dir = TempDir::new("cli", "eval-rouge");
    let gold = dir.path().join("gold.jsonl");
    fs::write(
        &gold,
        "{\"id\":\"a\",\"article\":\"Rain fell in the city on Monday. Roads were closed for hours.\",\"highlights\":[\"Rain fell in the city on Monday.\"]}\n",
    )
    .unwrap();
    let out = newsgist()
        .args([
            "eval",
            "rouge",
            "--sentences",
            "1",
            "--format",
            "json",
            "--gold",
        ])
        .arg(&gold)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["documents"], 1);
    assert!((report["mean"]["rouge1"]["f1"].as_f64().unwrap() - 100.0).abs() < 1e-9);
    let pred = dir.path().join("pred.jsonl");
    fs::write(
        &pred,
        "{\"id\":\"a\",\"summary\":[{\"text\":\"Roads were closed.\"}]}\n",
    )
    .unwrap();
    let out = newsgist()
        .args(["eval", "rouge", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("1 documents (0 without a prediction"),
        "{text}"
    );
    assert!(text.contains("rouge1    F1   0.00"), "{text}");
}

#[test]
fn eval_quotes_scores_against_gold() {
    let dir = TempDir::new("cli", "eval-quotes");
    let gold = dir.path().join("gold.jsonl");
    let text = "\u{201c}We will rebuild the pier,\u{201d} Mayor Ana Ruiz said on Monday.";
    let record = serde_json::json!({
        "id": "a",
        "text": text,
        "direct_quotes": [{"quote": "We will rebuild the pier,", "speaker": "Ana Ruiz", "span": [1, 26]}],
    });
    fs::write(&gold, format!("{record}\n")).unwrap();
    let out = newsgist()
        .args(["eval", "quotes", "--format", "json", "--gold"])
        .arg(&gold)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let scores: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(scores["gold_quotes"], 1);
    assert_eq!(scores["overlap"]["matched"], 1);
    assert_eq!(scores["speaker_head_accuracy"], 1.0);
    newsgist()
        .args(["eval", "quotes", "--gold"])
        .arg(dir.path().join("missing.jsonl"))
        .assert()
        .code(1);
}
