//! Hostile inputs: each gets a clear one-line error or a correct result, never
//! a panic or a hang.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

mod common;
use common::TempDir;
use newsgist::{Options, QuoteLimit, Summarizer, segment};
use serde_json::Value;

fn newsgist() -> Command {
    Command::cargo_bin("newsgist").expect("the newsgist binary")
}

/// Summarizes with every quote and checks that all spans are verbatim slices.
fn summarize_checked(text: &str) -> Option<usize> {
    let summary = Summarizer::new(Options::default().quotes(QuoteLimit::All))
        .summarize(text)
        .ok()?;
    for s in &summary.sentences {
        assert_eq!(text.get(s.start..s.end), Some(s.text));
    }
    for q in &summary.quotes {
        assert_eq!(text.get(q.start..q.end), Some(q.text));
    }
    Some(summary.sentences.len())
}

/// Writes a short, well-formed story to `path`.
fn write_story(path: impl AsRef<Path>) {
    fs::write(path, "The river rose overnight. Roads closed.").unwrap();
}

#[test]
fn empty_and_blank_texts_are_errors() {
    for text in ["", " ", "\n\n\t ", "\u{feff}", "\r\n\r\n"] {
        let err = Summarizer::default().summarize(text);
        assert!(
            matches!(err, Err(newsgist::Error::EmptyText)),
            "{text:?} gave {err:?}"
        );
    }
    newsgist()
        .arg("-")
        .write_stdin("   \n")
        .assert()
        .code(1)
        .stderr("newsgist: the document has no text\n");
}

#[test]
fn nul_bytes_bom_crlf_rtl_and_emoji_are_summarized() {
    let texts = [
        "First\0sentence here. Second \0 one.",
        "\u{feff}The council met on Monday. It voted to close the bridge.",
        "The council met.\r\nIt voted to close the bridge.\r\n\r\nTraffic moved.",
        "\u{5d4}\u{5de}\u{5de}\u{5e9}\u{5dc}\u{5d4} \u{5d4}\u{5d7}\u{5dc}\u{5d9}\u{5d8}\u{5d4}. \u{202b}text\u{202c} \u{1f600}\u{1f469}\u{200d}\u{1f52c}.",
        "\u{1f600}\u{1f600}\u{1f600}",
    ];
    for text in texts {
        assert!(summarize_checked(text).is_some_and(|n| n > 0), "{text:?}");
    }
}

#[test]
fn crlf_paragraphs_split_like_lf() {
    let crlf = "Officials met on Monday.\r\n\r\nThe vote was close.";
    let sentences = segment::split(crlf);
    let texts: Vec<&str> = sentences.iter().map(|s| s.text(crlf)).collect();
    assert_eq!(texts, ["Officials met on Monday.", "The vote was close."]);
}

#[test]
fn long_line_without_punctuation() {
    let text = "word ".repeat(400_000); // 2 MB, one line, no full stop
    assert!(summarize_checked(&text).is_some());
}

#[test]
fn many_one_letter_sentences() {
    let text = "a. ".repeat(100_000);
    assert!(summarize_checked(&text).is_some());
    let text = "A. ".repeat(100_000);
    assert!(summarize_checked(&text).is_some());
}

#[test]
fn unbalanced_quote_marks() {
    for mark in [
        "\"", "\u{201c}", "\u{201d}", "\u{ab}", "\u{2018}", "\u{201e}",
    ] {
        let text = format!(
            "{}The end came, he said.",
            format!("{mark}word ").repeat(20_000)
        );
        assert!(summarize_checked(&text).is_some(), "{mark}");
    }
    let text = "\u{201c}Open quote that never closes, said Ana Ruiz. ".repeat(2_000);
    assert!(summarize_checked(&text).is_some());
}

#[test]
fn invalid_utf8_file_is_a_clear_error() {
    let dir = TempDir::new("hostile", "utf8");
    let path = dir.path().join("latin1.txt");
    fs::write(&path, b"Caf\xe9 prices rose.").unwrap();
    newsgist()
        .arg(&path)
        .assert()
        .code(1)
        .stderr("newsgist: the text is not valid UTF-8 (first bad byte at offset 3)\n");
}

#[test]
fn directory_and_missing_file_are_clear_errors() {
    let dir = TempDir::new("hostile", "dir");
    let out = newsgist()
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let msg = String::from_utf8(out).unwrap();
    assert!(
        msg.starts_with("newsgist: ") && msg.lines().count() == 1,
        "{msg}"
    );
    assert!(msg.to_lowercase().contains("directory"), "{msg}");
    let out = newsgist()
        .arg(dir.path().join("nope.txt"))
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let msg = String::from_utf8(out).unwrap();
    assert!(
        msg.contains("nope.txt") && msg.lines().count() == 1,
        "{msg}"
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    newsgist().args(["--bogus", "x.txt"]).assert().code(2);
    newsgist()
        .args(["bulk", "--bogus", "x.jsonl"])
        .assert()
        .code(2);
    newsgist()
        .args(["--lang", "xx", "-"])
        .write_stdin("Hi there.")
        .assert()
        .code(2);
}

#[test]
fn bulk_folder_with_link_loop_and_binary_files() {
    let dir = TempDir::new("hostile", "loop");
    let sub = dir.path().join("a");
    fs::create_dir_all(&sub).unwrap();
    write_story(sub.join("one.txt"));
    fs::write(sub.join("bin.txt"), [0u8, 159, 146, 150, 255, 0, 1]).unwrap();
    fs::write(sub.join("image.png"), [137u8, 80, 78, 71]).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let assert = newsgist().arg("bulk").arg(dir.path()).assert().code(1);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{out}");
    assert!(records[0]["id"].as_str().unwrap().ends_with("bin.txt"));
    assert!(records[0]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(records[1]["summary"].is_array());
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("1 of 2"), "{err}");
}

#[test]
fn bulk_bad_records_keep_their_place() {
    let big = "The committee met again. ".repeat(40_000); // a 1 MB record
    let input = format!(
        "{{\"id\":\"a\",\"text\":\"One story here.\"}}\nnot json\n{{\"id\":\"c\"}}\n{{\"id\":\"d\",\"text\":42}}\n{{\"id\":\"e\",\"text\":\"{big}\"}}\n{{\"id\":\"f\",\"text\":\"Last one.\"}}\n"
    );
    let assert = newsgist()
        .args(["bulk", "--threads", "2", "-"])
        .write_stdin(input)
        .assert()
        .code(1);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<String> = records.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(ids, ["\"a\"", "2", "\"c\"", "\"d\"", "\"e\"", "\"f\""]);
    let failed: Vec<bool> = records.iter().map(|r| r.get("error").is_some()).collect();
    assert_eq!(failed, [false, true, true, true, false, false]);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        err,
        "newsgist: 3 of 6 documents failed (see their \"error\" records)\n"
    );
}

#[test]
fn closed_stdout_ends_quietly() {
    // `head -1` closes the pipe early; emulate with a reader that stops.
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command as Std, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("newsgist");
    let mut child = Std::new(bin)
        .args(["bulk", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..20_000 {
            let line = format!(
                "{{\"id\":{i},\"text\":\"Rain fell on the town today. Roads flooded.\"}}\n"
            );
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":0,"), "{first}");
    // Dropping the reader closes the pipe.
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// Runs `bulk` over `dir` and returns its records and exit code.
fn bulk_records(dir: &Path) -> (Vec<Value>, Option<i32>) {
    let output = newsgist().arg("bulk").arg(dir).output().unwrap();
    let records = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (records, output.status.code())
}

#[cfg(unix)]
#[test]
fn bulk_folder_with_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("hostile", "unreadable");
    write_story(dir.path().join("a.txt"));
    let locked = dir.path().join("b.txt");
    fs::write(&locked, "Nobody may read this story.").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Root (and CAP_DAC_OVERRIDE) reads through mode 000.
        eprintln!("skipped: running with the right to read unreadable files (root?)");
        return;
    }
    let (records, code) = bulk_records(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(records.len(), 2, "{records:?}");
    assert!(records[0]["summary"].is_array());
    assert!(records[1]["id"].as_str().unwrap().ends_with("b.txt"));
    let error = records[1]["error"].as_str().unwrap();
    assert!(error.to_lowercase().contains("permission"), "{error}");
}

#[cfg(unix)]
#[test]
fn bulk_folder_with_a_file_that_fails_to_read() {
    // Runs even as root: a dangling link always fails to open, and on Linux
    // /proc/self/mem opens but fails to read at offset 0.
    let dir = TempDir::new("hostile", "failing");
    write_story(dir.path().join("a.txt"));
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("b.txt")).unwrap();
    let proc_mem = Path::new("/proc/self/mem");
    let with_mem = cfg!(target_os = "linux") && proc_mem.exists();
    if with_mem {
        std::os::unix::fs::symlink(proc_mem, dir.path().join("c.txt")).unwrap();
    }
    let (records, code) = bulk_records(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(records.len(), 2 + usize::from(with_mem), "{records:?}");
    assert!(records[0]["summary"].is_array(), "{records:?}");
    for record in &records[1..] {
        let error = record["error"].as_str().unwrap();
        assert!(error.contains(".txt: "), "{error}");
        assert_eq!(error.lines().count(), 1, "{error}");
    }
}

#[cfg(unix)]
#[test]
fn bulk_folder_with_a_fifo_named_txt_does_not_hang() {
    let dir = TempDir::new("hostile", "fifo");
    write_story(dir.path().join("a.txt"));
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgist"))
        .arg("bulk")
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("bulk hangs on a FIFO in the folder");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{out}");
    assert!(records[0]["summary"].is_array());
    let error = records[1]["error"].as_str().unwrap();
    assert!(
        error.contains("pipe.txt") && error.contains("not a regular file"),
        "{error}"
    );
}

#[test]
fn non_string_text_fields_are_error_records() {
    let input = concat!(
        "{\"id\":1,\"text\":null}\n",
        "{\"id\":2,\"text\":[\"Rain fell.\"]}\n",
        "{\"id\":3,\"text\":{\"p\":\"Rain fell.\"}}\n",
        "{\"id\":4,\"text\":true}\n",
        "{\"id\":5,\"article\":3.5}\n",
        "{\"id\":6,\"text\":\"Rain fell on the town today.\"}\n",
    );
    let assert = newsgist()
        .args(["bulk", "-"])
        .write_stdin(input)
        .assert()
        .code(1);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 6, "{out}");
    for (i, record) in records[..5].iter().enumerate() {
        assert_eq!(record["id"], i + 1);
        let field = if i == 4 { "article" } else { "text" };
        assert_eq!(
            record["error"],
            format!("the {field} field is not a string"),
            "{record}"
        );
    }
    assert!(records[5]["summary"].is_array());
    // A named field that is not a string says which field it was.
    let assert = newsgist()
        .args(["bulk", "--text-field", "story", "-"])
        .write_stdin("{\"story\":17,\"text\":\"Rain fell.\"}\n")
        .assert()
        .code(1);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(
        out,
        "{\"id\":1,\"error\":\"the story field is not a string\"}\n"
    );
}

/// The files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Starts `bulk --output target -`, feeds it records without ever closing its
/// input (so it cannot finish), waits until it is writing, and kills it.
fn kill_mid_run(target: &Path) {
    stop_mid_run(target, None);
}

/// [`kill_mid_run`], but stopping it with `signal` (`INT`, `TERM`) sent by
/// `kill` when one is given, SIGKILL otherwise; returns its exit status.
fn stop_mid_run(target: &Path, signal: Option<&str>) -> std::process::ExitStatus {
    use std::io::Write;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("newsgist"))
        .args(["bulk", "--threads", "1", "--output"])
        .arg(target)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let dir = target.parent().unwrap();
    let started = std::time::Instant::now();
    // Enough records to pass the output buffer, so the temporary file has data.
    for i in 0..2_000 {
        let line =
            format!("{{\"id\":{i},\"text\":\"Rain fell on the town today. Roads flooded.\"}}\n");
        stdin.write_all(line.as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    loop {
        let partial = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with(".partial"));
        if partial.is_some_and(|e| e.metadata().is_ok_and(|m| m.len() > 0)) {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "no partial output appeared: {:?}",
            names_in(dir)
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "it finished on open input"
    );
    match signal {
        Some(signal) => {
            let sent = Std::new("kill")
                .arg(format!("-{signal}"))
                .arg(child.id().to_string())
                .status()
                .unwrap();
            assert!(sent.success(), "kill -{signal} failed");
        }
        None => child.kill().unwrap(),
    }
    let status = child.wait().unwrap();
    drop(stdin);
    status
}

#[cfg(unix)]
#[test]
fn interrupted_output_never_looks_complete() {
    let dir = TempDir::new("hostile", "interrupt");
    let target = dir.path().join("out.jsonl");
    kill_mid_run(&target);
    assert!(!target.exists(), "{:?}", names_in(dir.path()));
    // What a kill leaves is a hidden, plainly partial file, never the target.
    for name in names_in(dir.path()) {
        assert!(
            name.starts_with(".out.jsonl.") && name.ends_with(".partial"),
            "{name}"
        );
    }
    // A previous complete output survives an interrupted rerun untouched.
    let previous = "{\"id\":\"old\",\"summary\":[],\"quotes\":[]}\n";
    fs::write(&target, previous).unwrap();
    kill_mid_run(&target);
    assert_eq!(fs::read_to_string(&target).unwrap(), previous);
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_remove_the_partial_output() {
    let dir = TempDir::new("hostile", "sigint");
    let target = dir.path().join("out.jsonl");
    for signal in ["INT", "TERM"] {
        let status = stop_mid_run(&target, Some(signal));
        assert_eq!(status.code(), Some(130), "after SIG{signal}");
        assert_eq!(
            names_in(dir.path()),
            Vec::<String>::new(),
            "after SIG{signal}"
        );
    }
    // A previous complete output survives an interrupted rerun untouched.
    let previous = "{\"id\":\"old\",\"summary\":[],\"quotes\":[]}\n";
    fs::write(&target, previous).unwrap();
    let status = stop_mid_run(&target, Some("INT"));
    assert_eq!(status.code(), Some(130));
    assert_eq!(names_in(dir.path()), ["out.jsonl"]);
    assert_eq!(fs::read_to_string(&target).unwrap(), previous);
}

#[test]
fn an_endless_line_is_cut_off_not_buffered() {
    use std::io::{Read, Write};
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("newsgist"))
        .args(["bulk", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // 48 MiB without a line break, three times the per-document limit.
        let block = vec![b'x'; 1 << 20];
        for _ in 0..48 {
            stdin.write_all(&block).unwrap();
        }
        stdin
            .write_all(b"\n{\"id\":\"after\",\"text\":\"Rain fell on the town today.\"}\n")
            .unwrap();
    });
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    writer.join().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{out}");
    assert_eq!(records[0]["id"], 1);
    assert_eq!(
        records[0]["error"],
        "not a JSON object: line 1 is longer than the 16 MiB limit"
    );
    assert_eq!(records[1]["id"], "after");
    assert!(records[1]["summary"].is_array());
}

#[test]
fn an_oversized_text_file_is_an_error_record() {
    let dir = TempDir::new("hostile", "oversized");
    fs::write(dir.path().join("a.txt"), "Rain fell. ".repeat(1_600_000)).unwrap(); // 17.6 MB
    write_story(dir.path().join("b.txt"));
    let (records, code) = bulk_records(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(records.len(), 2);
    let error = records[0]["error"].as_str().unwrap();
    assert!(
        error.ends_with("a.txt: the file is larger than the 16 MiB limit"),
        "{error}"
    );
    assert!(records[1]["summary"].is_array());
}
