//! Many documents at once: JSONL files, folders of `.txt` files, standard input.
//!
//! [`Documents`] reads the inputs lazily, one document at a time, so memory
//! stays bounded however large the corpus. [`run`] summarizes them on a pool
//! of threads and writes one JSON record a document, in input order: a slow
//! document holds back the output behind it, never reorders it, and at most a
//! fixed window of documents is in flight at once.

use std::collections::VecDeque;
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::{Error, Summarizer, format};

/// The text fields tried, in order, when none is named.
pub const DEFAULT_TEXT_FIELDS: [&str; 4] = ["text", "article", "body", "content"];

/// The largest document (a JSONL line or a text file) that is read: a bigger
/// one becomes an error record, so that one endless line (`bulk - < /dev/zero`)
/// cannot take all memory. News articles are a thousand times smaller.
pub const MAX_DOCUMENT_BYTES: usize = 16 << 20;

/// [`MAX_DOCUMENT_BYTES`] for messages.
const LIMIT_TEXT: &str = "the 16 MiB limit";

/// Where the text and id of a JSONL record are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The text field; `None` tries [`DEFAULT_TEXT_FIELDS`] in order.
    pub text: Option<String>,
    /// The id field; records without it get their line number.
    pub id: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            text: None,
            id: "id".to_string(),
        }
    }
}

/// One document to summarize, or the reason it cannot be.
#[derive(Debug)]
pub struct Document {
    /// The record's id, the line number, or the file path.
    pub id: Value,
    /// The text, or why there is none.
    pub text: Result<String, Error>,
}

/// An input: standard input (`-`), or a path to a JSONL file, a folder or a text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// JSONL on standard input.
    Stdin,
    /// A `.jsonl` file, a folder of `.txt` files or a single text file.
    Path(PathBuf),
}

impl From<&str> for Input {
    fn from(s: &str) -> Input {
        if s == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(s))
        }
    }
}

enum Source {
    Lines {
        reader: Box<dyn BufRead + Send>,
        line_no: u64,
    },
    Files(VecDeque<Result<PathBuf, Error>>),
}

/// Every document of a list of inputs, in order, read as they are needed.
///
/// ```no_run
/// use newsgist::corpus::{Documents, Fields, Input};
/// for doc in Documents::new(vec![Input::from("articles.jsonl")], Fields::default()) {
///     println!("{}: {}", doc.id, doc.text.map(|t| t.len()).unwrap_or(0));
/// }
/// ```
pub struct Documents {
    inputs: VecDeque<Input>,
    fields: Fields,
    current: Option<Source>,
    buf: Vec<u8>,
}

impl Documents {
    /// The documents of `inputs`, with records read through `fields`.
    pub fn new(inputs: Vec<Input>, fields: Fields) -> Documents {
        Documents {
            inputs: inputs.into(),
            fields,
            current: None,
            buf: Vec::new(),
        }
    }

    /// Reads JSONL records from any reader (the id of a record without one is
    /// its line number).
    ///
    /// ```
    /// use newsgist::corpus::{Documents, Fields};
    /// let data = "{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n";
    /// let docs: Vec<_> = Documents::from_reader(data.as_bytes(), Fields::default()).collect();
    /// assert_eq!(docs[0].id, "a");
    /// assert!(docs[1].text.is_err());
    /// ```
    pub fn from_reader<R: Read + Send + 'static>(reader: R, fields: Fields) -> Documents {
        let mut docs = Documents::new(Vec::new(), fields);
        docs.current = Some(Source::Lines {
            reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
            line_no: 0,
        });
        docs
    }

    fn open(&mut self, input: Input) -> Option<Document> {
        let path = match input {
            Input::Stdin => {
                self.current = Some(Source::Lines {
                    reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
                    line_no: 0,
                });
                return None;
            }
            Input::Path(path) => path,
        };
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return Some(path_error(&path, e)),
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            let mut seen = Vec::new();
            collect_txt(&path, &mut files, &mut seen);
            // Files that cannot be read keep their place in path order too.
            files.sort_by(|a, b| entry_path(a).cmp(&entry_path(b)));
            self.current = Some(Source::Files(files.into()));
            None
        } else if is_jsonl(&path) {
            match fs::File::open(&path) {
                Ok(file) => {
                    self.current = Some(Source::Lines {
                        reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                        line_no: 0,
                    });
                    None
                }
                Err(e) => Some(path_error(&path, e)),
            }
        } else {
            Some(read_text_file(&path))
        }
    }

    fn next_line(&mut self) -> Option<Document> {
        let Some(Source::Lines { reader, line_no }) = self.current.as_mut() else {
            return None;
        };
        loop {
            self.buf.clear();
            // One huge line must not pin its memory for the rest of the stream.
            self.buf.shrink_to(1 << 20);
            let limit = MAX_DOCUMENT_BYTES as u64 + 1;
            match reader.by_ref().take(limit).read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                // Past the limit with no line end yet: the line is too long.
                Ok(_) if self.buf.len() > MAX_DOCUMENT_BYTES && self.buf.last() != Some(&b'\n') => {
                    *line_no += 1;
                    let id = Value::from(*line_no);
                    self.buf.clear();
                    if let Err(e) = skip_line(reader) {
                        self.current = None;
                        return Some(Document {
                            id,
                            text: Err(Error::io("-", e)),
                        });
                    }
                    return Some(Document {
                        id,
                        text: Err(Error::InvalidJson {
                            message: format!("line {line_no} is longer than {}", LIMIT_TEXT),
                        }),
                    });
                }
                Ok(_) => {
                    *line_no += 1;
                    let line = trim_line(&self.buf);
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_record(line, *line_no, &self.fields));
                }
                Err(e) => {
                    *line_no += 1;
                    let id = Value::from(*line_no);
                    self.current = None;
                    return Some(Document {
                        id,
                        text: Err(Error::io("-", e)),
                    });
                }
            }
        }
    }
}

/// Reads past the end of the current line without keeping it.
fn skip_line<R: BufRead>(reader: &mut R) -> io::Result<()> {
    let mut chunk = Vec::new();
    loop {
        chunk.clear();
        let n = reader
            .by_ref()
            .take(1 << 16)
            .read_until(b'\n', &mut chunk)?;
        if n == 0 || chunk.last() == Some(&b'\n') {
            return Ok(());
        }
    }
}

impl Iterator for Documents {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            match self.current {
                Some(Source::Lines { .. }) => {
                    if let Some(doc) = self.next_line() {
                        return Some(doc);
                    }
                }
                Some(Source::Files(ref mut files)) => match files.pop_front() {
                    Some(Ok(path)) => return Some(read_text_file(&path)),
                    Some(Err(e)) => {
                        let id = match &e {
                            Error::Io { path, .. } => Value::from(path.display().to_string()),
                            _ => Value::Null,
                        };
                        return Some(Document { id, text: Err(e) });
                    }
                    None => self.current = None,
                },
                None => {
                    let input = self.inputs.pop_front()?;
                    if let Some(doc) = self.open(input) {
                        return Some(doc);
                    }
                }
            }
        }
    }
}

fn entry_path(entry: &Result<PathBuf, Error>) -> Option<&Path> {
    match entry {
        Ok(path) | Err(Error::Io { path, .. }) => Some(path),
        Err(_) => None,
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson" | "JSONL")
    )
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    while end > 0 && matches!(line[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &line[..end]
}

fn path_error(path: &Path, e: io::Error) -> Document {
    Document {
        id: Value::from(path.display().to_string()),
        text: Err(Error::io(path, e)),
    }
}

fn read_text_file(path: &Path) -> Document {
    let id = Value::from(path.display().to_string());
    let mut bytes = Vec::new();
    let read = fs::File::open(path).and_then(|file| {
        file.take(MAX_DOCUMENT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
    });
    let text = match read {
        Ok(_) if bytes.len() > MAX_DOCUMENT_BYTES => Err(Error::io(
            path,
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("the file is larger than {LIMIT_TEXT}"),
            ),
        )),
        Ok(_) => String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        }),
        Err(e) => Err(Error::io(path, e)),
    };
    Document { id, text }
}

/// Every `.txt` file below `dir`. Links to folders are followed once each, so
/// a link loop ends; folders that cannot be read become errors in the list.
fn collect_txt(dir: &Path, out: &mut Vec<Result<PathBuf, Error>>, seen: &mut Vec<PathBuf>) {
    if let Ok(real) = fs::canonicalize(dir) {
        if seen.contains(&real) {
            return;
        }
        seen.push(real);
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(Error::io(dir, e)));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.push(Err(Error::io(dir, e)));
                continue;
            }
        };
        let path = entry.path();
        let is_txt = path.extension().is_some_and(|e| e == "txt");
        // Follows links, so a link to a folder is walked and one to a file read.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => collect_txt(&path, out, seen),
            Ok(meta) if is_txt && meta.is_file() => out.push(Ok(path)),
            // A FIFO or device would block or never end: named, not read.
            Ok(_) if is_txt => out.push(Err(Error::io(
                &path,
                io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"),
            ))),
            Ok(_) => {}
            Err(e) if is_txt => out.push(Err(Error::io(&path, e))),
            Err(_) => {}
        }
    }
}

/// Parses one JSONL line into a document.
///
/// Reads the record in one pass and keeps only the id and the text: other
/// fields (a CNN/DM record also carries its highlights and source) are
/// skipped without being built, and field names are compared where they lie.
fn parse_record(line: &[u8], line_no: u64, fields: &Fields) -> Document {
    let fallback_id = Value::from(line_no);
    let line = match crate::error::utf8(line) {
        Ok(line) => line,
        Err(e) => {
            return Document {
                id: fallback_id,
                text: Err(e),
            };
        }
    };
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = RecordSeed { fields }
        .deserialize(&mut de)
        .and_then(|parsed| de.end().map(|()| parsed));
    let (id, found) = match parsed {
        Ok(Parsed::Object { id, text }) => (id, text),
        Ok(Parsed::Other(kind)) => {
            return Document {
                id: fallback_id,
                text: Err(Error::InvalidJson {
                    message: format!("line {line_no} is a JSON {kind}"),
                }),
            };
        }
        Err(e) => {
            return Document {
                id: fallback_id,
                text: Err(Error::InvalidJson {
                    message: format!("line {line_no}: {e}"),
                }),
            };
        }
    };
    let id = match id {
        Some(Value::Null) | None => fallback_id,
        Some(id) => id,
    };
    let name = |rank: usize| match &fields.text {
        Some(name) => name.clone(),
        None => DEFAULT_TEXT_FIELDS[rank].to_string(),
    };
    let text = match found {
        Some((_, Value::String(text))) => Ok(text),
        Some((rank, _)) => Err(Error::NotAString { field: name(rank) }),
        None => Err(Error::MissingField {
            field: match &fields.text {
                Some(name) => name.clone(),
                None => DEFAULT_TEXT_FIELDS.join("/"),
            },
        }),
    };
    Document { id, text }
}

/// A JSONL line: an object's id and text field (with the rank of the text
/// field among those tried: lower is preferred), or what else it was.
enum Parsed {
    Object {
        id: Option<Value>,
        text: Option<(usize, Value)>,
    },
    Other(&'static str),
}

/// What a key of a record is to us.
enum Key {
    Id,
    Text(usize),
    Other,
}

struct RecordSeed<'f> {
    fields: &'f Fields,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Parsed, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut id = None;
        let mut text: Option<(usize, Value)> = None;
        while let Some(key) = map.next_key_seed(KeySeed {
            fields: self.fields,
        })? {
            match key {
                Key::Id => id = Some(map.next_value()?),
                // The same field again replaces it, as in a JSON map; a field
                // tried later than the one found is skipped.
                Key::Text(rank) if text.as_ref().is_none_or(|(r, _)| rank <= *r) => {
                    text = Some((rank, map.next_value()?));
                }
                Key::Text(_) | Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Parsed::Object { id, text })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Parsed::Other("array"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Parsed, E> {
        Ok(Parsed::Other("null"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Parsed, E> {
        Ok(Parsed::Other("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Parsed, E> {
        Ok(Parsed::Other("number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Parsed, E> {
        Ok(Parsed::Other("number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Parsed, E> {
        Ok(Parsed::Other("number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Parsed, E> {
        Ok(Parsed::Other("string"))
    }
}

struct KeySeed<'f> {
    fields: &'f Fields,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Key, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        // The id field wins when it is also the text field.
        if key == self.fields.id {
            return Ok(Key::Id);
        }
        let rank = match &self.fields.text {
            Some(name) => (key == name).then_some(0),
            None => DEFAULT_TEXT_FIELDS.iter().position(|f| *f == key),
        };
        Ok(rank.map_or(Key::Other, Key::Text))
    }
}

/// The record line for one document, and whether it succeeded.
///
/// ```
/// use newsgist::{Summarizer, corpus::{Document, process}};
/// let doc = Document { id: "x".into(), text: Ok("Rain fell all day on Monday.".into()) };
/// let (line, ok) = process(&Summarizer::default(), &doc);
/// assert!(ok && line.starts_with(r#"{"id":"x","summary":"#));
/// ```
pub fn process(summarizer: &Summarizer, doc: &Document) -> (String, bool) {
    let result = doc
        .text
        .as_ref()
        .map_err(|e| e.to_string())
        .and_then(|text| summarizer.summarize(text).map_err(|e| e.to_string()));
    match result {
        Ok(summary) => (format::json_record(&doc.id, &summary), true),
        Err(message) => (format::error_record(&doc.id, &message), false),
    }
}

/// What a bulk run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents read.
    pub documents: usize,
    /// Documents that got an error record.
    pub failed: usize,
}

/// How a bulk run writes.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Worker threads (0: one a core).
    pub threads: usize,
    /// Flush after every record, for use as a streaming filter.
    pub flush_each: bool,
}

/// Summarizes `docs` and writes one JSON line a document to `out`, in input
/// order. `progress` is called with the count written so far.
///
/// Fails only when `out` cannot be written; a document that cannot be
/// summarized becomes an error record and is counted in [`Stats::failed`].
///
/// ```
/// use newsgist::Summarizer;
/// use newsgist::corpus::{self, Documents, Fields, RunOptions};
/// let input = "{\"id\":1,\"text\":\"Rain fell on Monday.\"}\n{\"id\":2}\n";
/// let docs = Documents::from_reader(input.as_bytes(), Fields::default());
/// let mut out = Vec::new();
/// let options = RunOptions { threads: 2, flush_each: false };
/// let stats = corpus::run(&Summarizer::default(), docs, options, &mut out, &|_| {})?;
/// assert_eq!((stats.documents, stats.failed), (2, 1));
/// assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
/// # Ok::<(), newsgist::Error>(())
/// ```
pub fn run<W: Write + Send>(
    summarizer: &Summarizer,
    docs: impl Iterator<Item = Document>,
    options: RunOptions,
    out: &mut W,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Stats, Error> {
    // One thread does it all: handing each document to a pool thread and
    // its record to a writer thread costs more than it overlaps.
    #[cfg(feature = "parallel")]
    if options.threads != 1 {
        return parallel::run(summarizer, docs, options, out, progress);
    }
    sequential(summarizer, docs, options.flush_each, out, progress)
}

fn sequential<W: Write>(
    summarizer: &Summarizer,
    docs: impl Iterator<Item = Document>,
    flush_each: bool,
    out: &mut W,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Stats, Error> {
    let mut stats = Stats::default();
    for doc in docs {
        let (line, ok) = process(summarizer, &doc);
        stats.documents += 1;
        stats.failed += usize::from(!ok);
        write_line(out, &line, flush_each)?;
        progress(stats.documents);
    }
    out.flush().map_err(|e| Error::io("-", e))?;
    Ok(stats)
}

fn write_line<W: Write>(out: &mut W, line: &str, flush: bool) -> Result<(), Error> {
    let result = out
        .write_all(line.as_bytes())
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| if flush { out.flush() } else { Ok(()) });
    result.map_err(|e| Error::io("-", e))
}

#[cfg(feature = "parallel")]
mod parallel {
    use std::collections::BTreeMap;
    use std::io::Write;
    use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

    use super::{Document, Error, RunOptions, Stats, Summarizer, process, write_line};

    /// Documents in flight per worker thread: enough to keep every worker
    /// busy while one slow document holds back the output.
    const WINDOW_PER_THREAD: usize = 16;

    /// What the reader and the workers share.
    struct Shared<'o, W> {
        out: &'o mut W,
        /// Records done but waiting for an earlier one, by document number.
        pending: BTreeMap<usize, (String, bool)>,
        /// The number of the next record to write.
        next: usize,
        /// Documents read whose record is not written yet.
        in_flight: usize,
        stats: Stats,
        /// The first write error; the run stops at it.
        error: Option<Error>,
    }

    fn lock<'m, T>(m: &'m Mutex<T>) -> MutexGuard<'m, T> {
        m.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn run<W: Write + Send>(
        summarizer: &Summarizer,
        docs: impl Iterator<Item = Document>,
        options: RunOptions,
        out: &mut W,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<Stats, Error> {
        let threads = if options.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            options.threads
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("newsgist-{i}"))
            .build()
            .map_err(|e| Error::InvalidOption(format!("cannot start {threads} threads: {e}")))?;
        let window = threads * WINDOW_PER_THREAD;
        let shared = Mutex::new(Shared {
            out,
            pending: BTreeMap::new(),
            next: 0,
            in_flight: 0,
            stats: Stats::default(),
            error: None,
        });
        let room = Condvar::new();
        // The worker that finishes a document writes every record that is
        // then ready, in order: no writer thread and no channel to wake for
        // each document. The reader, once the window is full, sleeps until
        // half of it is free, so that it too wakes once per half window
        // rather than once per document.
        pool.in_place_scope(|s| {
            for (seq, doc) in docs.enumerate() {
                {
                    let mut state = lock(&shared);
                    if state.in_flight >= window {
                        while state.in_flight > window / 2 && state.error.is_none() {
                            state = room.wait(state).unwrap_or_else(PoisonError::into_inner);
                        }
                    }
                    if state.error.is_some() {
                        break;
                    }
                    state.in_flight += 1;
                }
                let (shared, room) = (&shared, &room);
                s.spawn(move |_| {
                    let done = process(summarizer, &doc);
                    drop(doc);
                    let mut state = lock(shared);
                    let state = &mut *state;
                    state.pending.insert(seq, done);
                    while let Some((line, ok)) = state.pending.remove(&state.next) {
                        if state.error.is_none()
                            && let Err(e) = write_line(state.out, &line, options.flush_each)
                        {
                            state.error = Some(e);
                        }
                        state.next += 1;
                        state.in_flight -= 1;
                        if state.error.is_none() {
                            state.stats.documents += 1;
                            state.stats.failed += usize::from(!ok);
                            progress(state.stats.documents);
                        }
                    }
                    if state.in_flight <= window / 2 || state.error.is_some() {
                        room.notify_one();
                    }
                });
            }
        });
        let state = shared.into_inner().unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = state.error {
            return Err(e);
        }
        state.out.flush().map_err(|e| Error::io("-", e))?;
        Ok(state.stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs_of(data: &str) -> Vec<Document> {
        Documents::from_reader(io::Cursor::new(data.to_string()), Fields::default()).collect()
    }

    #[test]
    fn records_and_errors_keep_their_place() {
        let docs = docs_of(
            "{\"id\":\"a\",\"article\":\"Text.\"}\n\n[1,2]\n{\"text\":5}\n{\"body\":\"B.\"}\n{oops\n",
        );
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].text.as_deref().unwrap(), "Text.");
        assert!(matches!(docs[1].text, Err(Error::InvalidJson { .. })));
        assert_eq!(docs[1].id, 3);
        assert!(matches!(docs[2].text, Err(Error::NotAString { .. })));
        assert_eq!(docs[3].id, 5);
        assert!(matches!(docs[4].text, Err(Error::InvalidJson { .. })));
    }

    #[test]
    fn numeric_ids_come_back_as_given() {
        // Past what an f64 holds exactly, and a decimal an f64 parser could
        // round wrongly: the output record carries the same number.
        let ids = ["123456789012345678901234567890", "1.2e31", "-7", "0.1"];
        let data: String = ids
            .iter()
            .map(|id| format!("{{\"id\":{id},\"text\":\"Talks resumed.\"}}\n"))
            .collect();
        for (doc, id) in docs_of(&data).iter().zip(ids) {
            let written = serde_json::to_string(&doc.id).unwrap();
            let exact = |s: &str| s.parse::<f64>().ok();
            assert!(
                written == id || exact(&written) == exact(id),
                "{id} -> {written}"
            );
            let summary = crate::Summarizer::default()
                .summarize("Talks resumed.")
                .unwrap();
            let record = crate::format::json_record(&doc.id, &summary);
            assert!(
                record.starts_with(&format!("{{\"id\":{written},")),
                "{record}"
            );
        }
        let big = &docs_of(&data)[0];
        assert_eq!(serde_json::to_string(&big.id).unwrap(), ids[0]);
    }

    #[test]
    fn record_fields_are_picked_as_in_a_json_map() {
        let docs = docs_of(concat!(
            // The preferred field wins wherever it stands in the record.
            "{\"article\":\"A.\",\"highlights\":[\"x\"],\"text\":\"T.\"}\n",
            // A repeated field keeps its last value, escaped names included.
            "{\"id\":1,\"te\\u0078t\":\"first\",\"text\":\"last\",\"id\":2}\n",
            // A null id falls back to the line number.
            "{\"id\":null,\"body\":\"B.\",\"nested\":{\"text\":\"no\"}}\n",
            "\"just a string\"\n",
            "{\"text\":\"T.\"} trailing\n",
        ));
        assert_eq!(docs[0].text.as_deref().unwrap(), "T.");
        assert_eq!(docs[1].id, 2);
        assert_eq!(docs[1].text.as_deref().unwrap(), "last");
        assert_eq!(docs[2].id, 3);
        assert_eq!(docs[2].text.as_deref().unwrap(), "B.");
        let message = |d: &Document| d.text.as_ref().unwrap_err().to_string();
        assert_eq!(
            message(&docs[3]),
            "not a JSON object: line 4 is a JSON string"
        );
        assert!(
            message(&docs[4]).contains("trailing characters"),
            "{}",
            message(&docs[4])
        );
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_and_the_next_one_is_read() {
        let fits = format!("{{\"text\":\"{}\"}}", "a".repeat(MAX_DOCUMENT_BYTES - 11));
        assert_eq!(fits.len(), MAX_DOCUMENT_BYTES);
        let data = format!(
            "{fits}\n{}\n{{\"id\":\"next\",\"text\":\"Rain.\"}}\n{fits}",
            "x".repeat(MAX_DOCUMENT_BYTES * 2 + 5)
        );
        let docs = docs_of(&data);
        assert_eq!(docs.len(), 4);
        assert_eq!(
            docs[0].text.as_ref().map(String::len).ok(),
            Some(fits.len() - 11)
        );
        let message = docs[1].text.as_ref().unwrap_err().to_string();
        assert_eq!(
            message,
            "not a JSON object: line 2 is longer than the 16 MiB limit"
        );
        assert_eq!(docs[2].id, "next");
        assert!(docs[3].text.is_ok(), "{:?}", docs[3].text);
    }

    #[test]
    fn invalid_utf8_line_is_an_error_record() {
        let bytes = b"{\"text\":\"caf\xe9\"}\n{\"text\":\"ok.\"}\n".to_vec();
        let docs: Vec<_> =
            Documents::from_reader(io::Cursor::new(bytes), Fields::default()).collect();
        assert!(matches!(docs[0].text, Err(Error::InvalidUtf8 { .. })));
        assert!(docs[1].text.is_ok());
    }

    #[test]
    fn named_text_field_is_used() {
        let fields = Fields {
            text: Some("story".into()),
            id: "key".into(),
        };
        let docs: Vec<_> = Documents::from_reader(
            io::Cursor::new("{\"key\":9,\"story\":\"S.\",\"text\":\"T.\"}\n"),
            fields,
        )
        .collect();
        assert_eq!(docs[0].id, 9);
        assert_eq!(docs[0].text.as_deref().unwrap(), "S.");
    }

    #[test]
    fn output_order_is_input_order_at_any_thread_count() {
        let mut input = String::new();
        for i in 0..200 {
            let text = "Word ".repeat(i % 17 + 1);
            input.push_str(&format!(
                "{{\"id\":{i},\"text\":\"{text}. Next one here.\"}}\n"
            ));
        }
        let mut outputs = Vec::new();
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            let stats = run(
                &Summarizer::default(),
                docs_of(&input).into_iter(),
                RunOptions {
                    threads,
                    flush_each: false,
                },
                &mut out,
                &|_| {},
            )
            .unwrap();
            assert_eq!(stats.documents, 200);
            outputs.push(String::from_utf8(out).unwrap());
        }
        assert_eq!(outputs[0], outputs[1]);
        assert_eq!(outputs[0], outputs[2]);
        for (i, line) in outputs[0].lines().enumerate() {
            let v: Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["id"], i);
        }
    }
}
