//! The one error type of the library.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Everything that can go wrong, with enough context to say what and where in
/// one line.
///
/// ```
/// use newsgist::{Error, Summarizer};
/// let err = Summarizer::default().summarize("   \n ").unwrap_err();
/// assert!(matches!(err, Error::EmptyText));
/// assert_eq!(err.to_string(), "the document has no text");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The document is empty or only white space.
    EmptyText,
    /// The bytes are not UTF-8; `offset` is where the first bad byte sits.
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A file or stream could not be read or written.
    Io {
        /// The path (or `-` for standard streams).
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// A JSONL line is not a JSON object.
    InvalidJson {
        /// What the parser said.
        message: String,
    },
    /// A JSONL record lacks the text field.
    MissingField {
        /// The field (or the fields tried) that was looked for.
        field: String,
    },
    /// A JSONL record has the text field, but it is not a string.
    NotAString {
        /// The field.
        field: String,
    },
    /// An ISO 639-1 code that newsgist has no data for.
    UnknownLanguage(String),
    /// An option value that makes no sense (a zero budget, a ratio above 1).
    InvalidOption(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText => f.write_str("the document has no text"),
            Error::InvalidUtf8 { offset } => {
                write!(
                    f,
                    "the text is not valid UTF-8 (first bad byte at offset {offset})"
                )
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::InvalidJson { message } => write!(f, "not a JSON object: {message}"),
            Error::MissingField { field } => write!(f, "the record has no {field} field"),
            Error::NotAString { field } => write!(f, "the {field} field is not a string"),
            Error::UnknownLanguage(code) => write!(
                f,
                "unknown language {code:?} (use an ISO 639-1 code such as en, de, fr, es)"
            ),
            Error::InvalidOption(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Checks that `bytes` are UTF-8 and borrows them as text.
///
/// ```
/// assert!(newsgist::error::utf8(b"caf\xc3\xa9").is_ok());
/// assert!(newsgist::error::utf8(b"caf\xe9").is_err());
/// ```
pub fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })
}
