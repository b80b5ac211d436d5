//! The newsgist command line: a thin layer over the library.

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsgist::corpus::{self, Documents, Fields, Input, RunOptions};
use newsgist::format::{self, Format};
use newsgist::{Budget, Error, Lang, Options, QuoteLimit, Summarizer, segment};

/// Summarize news articles: the sentences that carry the story and the key
/// quotes with who said them.
#[derive(Parser, Debug)]
#[command(
    name = "newsgist",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  newsgist article.txt\n  newsgist --format json --quotes all - < article.txt\n  newsgist sentences article.txt\n  newsgist bulk --threads 4 --output out.jsonl corpus/"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    summary: SummaryArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Text)]
    format: OutFormat,
    /// The article: a UTF-8 text file, or - for standard input.
    #[arg(value_name = "FILE|-")]
    input: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the sentences the splitter finds.
    Sentences {
        /// Language (ISO 639-1 code); detected when not given.
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SentenceFormat::Text)]
        format: SentenceFormat,
        /// The text: a file, or - for standard input.
        #[arg(value_name = "FILE|-")]
        input: String,
    },
    /// Summarize many documents (JSONL files, folders of .txt, stdin) into JSONL.
    Bulk {
        #[command(flatten)]
        summary: SummaryArgs,
        /// Worker threads (default: one a core). Output is the same for any count.
        #[arg(long, value_name = "N", default_value_t = 0)]
        threads: usize,
        /// JSONL field holding the text (default: text, article, body or content).
        #[arg(long, value_name = "NAME")]
        text_field: Option<String>,
        /// JSONL field holding the id (records without it get their line number).
        #[arg(long, value_name = "NAME", default_value = "id")]
        id_field: String,
        /// Write the records here instead of standard output (atomically, on success).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// JSONL files, folders of .txt files, text files, or - for JSONL on stdin.
        #[arg(value_name = "INPUT", required = true)]
        inputs: Vec<String>,
    },
    /// Measure quality against reference data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// ROUGE-1/2/L/Lsum of summaries against reference summaries (JSONL).
    Rouge {
        #[command(flatten)]
        summary: SummaryArgs,
        /// Gold JSONL: an article text and reference summary per line.
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        /// Score these predictions (newsgist document records) instead of
        /// summarizing the gold articles.
        #[arg(long, value_name = "FILE")]
        pred: Option<PathBuf>,
        /// Gold field with the reference: a list of sentences or a string.
        #[arg(long, value_name = "NAME", default_value = "highlights")]
        reference_field: String,
        /// Gold field with the article (default: text, article, body or content).
        #[arg(long, value_name = "NAME")]
        text_field: Option<String>,
        /// Gold field with the id.
        #[arg(long, value_name = "NAME", default_value = "id")]
        id_field: String,
        /// Also write per-document scores here (JSONL).
        #[arg(long, value_name = "FILE")]
        per_doc: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SentenceFormat::Text)]
        format: SentenceFormat,
    },
    /// Direct-quote precision/recall/F1 and speaker accuracy against gold
    /// quotations (JSONL with "text" and "direct_quotes").
    Quotes {
        /// Language (ISO 639-1 code); detected per document when not given.
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// Gold JSONL.
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SentenceFormat::Text)]
        format: SentenceFormat,
    },
}

#[derive(Args, Debug, Clone)]
struct SummaryArgs {
    /// Summary length in sentences [default: 3].
    #[arg(long, value_name = "N", group = "budget")]
    sentences: Option<usize>,
    /// Summary length in words: the best sentences that fit.
    #[arg(long, value_name = "N", group = "budget")]
    words: Option<usize>,
    /// Summary length as a share of the sentences (0 < R <= 1).
    #[arg(long, value_name = "R", group = "budget")]
    ratio: Option<f64>,
    /// Key quotes to show: a number, or "all" for every quote in document order.
    #[arg(long, value_name = "N|all", default_value = "3", value_parser = parse_quote_limit)]
    quotes: QuoteLimit,
    /// Language (ISO 639-1 code); detected per document when not given.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum OutFormat {
    Text,
    Markdown,
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum SentenceFormat {
    Text,
    Json,
}

fn parse_quote_limit(s: &str) -> Result<QuoteLimit, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(QuoteLimit::All);
    }
    s.parse::<usize>()
        .map(QuoteLimit::Top)
        .map_err(|_| format!("expected a number or \"all\", not {s:?}"))
}

impl SummaryArgs {
    fn options(&self) -> Result<Options, Error> {
        let mut options = Options::default().quotes(self.quotes);
        options.budget = match (self.sentences, self.words, self.ratio) {
            (_, Some(w), _) => Budget::Words(w),
            (_, _, Some(r)) => Budget::Ratio(r),
            (n, _, _) => Budget::Sentences(n.unwrap_or(3)),
        };
        if let Some(code) = &self.lang {
            options = options.lang(code.parse()?);
        }
        options.validate()?;
        Ok(options)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e @ (Error::InvalidOption(_) | Error::UnknownLanguage(_))) => {
            eprintln!("newsgist: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("newsgist: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Some(Command::Sentences {
            lang,
            format,
            input,
        }) => {
            let lang = lang.map(|c| c.parse::<Lang>()).transpose()?;
            let text = read_input(&input)?;
            let lang = lang.or_else(|| Lang::detect(&text)).unwrap_or_default();
            let sentences = segment::Splitter::new(lang).split(&text);
            let out = match format {
                SentenceFormat::Text => format::sentences_text(&text, &sentences),
                SentenceFormat::Json => format::sentences_json(&text, &sentences) + "\n",
            };
            print_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Bulk {
            summary,
            threads,
            text_field,
            id_field,
            output,
            inputs,
        }) => bulk(&summary, threads, text_field, id_field, output, inputs),
        Some(Command::Eval(command)) => eval(command),
        None => {
            let options = cli.summary.options()?;
            let Some(input) = cli.input else {
                return Err(Error::InvalidOption(
                    "no input: give a FILE, or - for standard input (see --help)".into(),
                ));
            };
            let text = read_input(&input)?;
            let summary = Summarizer::new(options).summarize(&text)?;
            let format = match cli.format {
                OutFormat::Text => Format::Text,
                OutFormat::Markdown => Format::Markdown,
                OutFormat::Json => Format::Json,
            };
            let out = match format {
                Format::Text => format::text(&summary),
                Format::Markdown => format::markdown(&summary),
                Format::Json => format::json_record(&input.as_str().into(), &summary) + "\n",
            };
            print_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn bulk(
    summary: &SummaryArgs,
    threads: usize,
    text_field: Option<String>,
    id_field: String,
    output: Option<PathBuf>,
    inputs: Vec<String>,
) -> Result<ExitCode, Error> {
    let summarizer = Summarizer::new(summary.options()?);
    let streaming = output.is_none() && inputs.iter().any(|i| i == "-");
    let docs = Documents::new(
        inputs.iter().map(|i| Input::from(i.as_str())).collect(),
        Fields {
            text: text_field,
            id: id_field,
        },
    );
    let bar = progress_bar();
    let progress = |n: usize| {
        if let Some(bar) = &bar {
            bar.set_position(n as u64);
        }
    };
    let run_options = RunOptions {
        threads,
        flush_each: streaming,
    };
    let stats = match &output {
        Some(path) => {
            let tmp = temporary_path(path);
            remove_on_interrupt(Some(tmp.clone()));
            let file = fs::File::create(&tmp).map_err(|e| {
                remove_on_interrupt(None);
                Error::io(&tmp, e)
            })?;
            let mut writer = io::BufWriter::new(file);
            let result = corpus::run(&summarizer, docs, run_options, &mut writer, &progress)
                .and_then(|stats| {
                    let file = writer
                        .into_inner()
                        .map_err(|e| Error::io(&tmp, e.into_error()))?;
                    file.sync_all().map_err(|e| Error::io(&tmp, e))?;
                    Ok(stats)
                });
            // Held while the temporary file is renamed or removed, so that
            // an interrupt either comes first and removes it, or finds
            // nothing left to remove.
            let mut partial = lock_partial();
            *partial = None;
            match result {
                Ok(stats) => {
                    fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
                    stats
                }
                Err(e) => {
                    let _ = fs::remove_file(&tmp);
                    return Err(e);
                }
            }
        }
        None => {
            let mut writer = io::BufWriter::with_capacity(1 << 16, io::stdout());
            corpus::run(&summarizer, docs, run_options, &mut writer, &progress)?
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if stats.failed > 0 {
        eprintln!(
            "newsgist: {} of {} documents failed (see their \"error\" records)",
            stats.failed, stats.documents
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(command: EvalCommand) -> Result<ExitCode, Error> {
    use newsgist::eval::rouge::{self, GoldFields};
    match command {
        EvalCommand::Rouge {
            summary,
            gold,
            pred,
            reference_field,
            text_field,
            id_field,
            per_doc,
            format,
        } => {
            let summarizer = Summarizer::new(summary.options()?);
            let predictions = match &pred {
                Some(path) => Some(rouge::read_predictions(open(path)?)?),
                None => None,
            };
            let fields = GoldFields {
                reference: reference_field,
                text: text_field,
                id: id_field,
            };
            let report = rouge::evaluate(
                &summarizer,
                open(&gold)?,
                predictions.as_ref(),
                &fields,
                per_doc.is_some(),
            )?;
            if let Some(path) = &per_doc {
                let mut lines = String::new();
                for (id, scores) in &report.per_document {
                    let record = serde_json::json!({ "id": id, "scores": scores });
                    lines.push_str(&record.to_string());
                    lines.push('\n');
                }
                fs::write(path, lines).map_err(|e| Error::io(path, e))?;
            }
            let out = match format {
                SentenceFormat::Json => {
                    let mut summary_only = report.clone();
                    summary_only.per_document.clear();
                    serde_json::to_string_pretty(&summary_only).unwrap_or_default() + "\n"
                }
                SentenceFormat::Text => {
                    let mut out = format!(
                        "{} documents ({} without a prediction, scored 0)\n",
                        report.documents, report.missing
                    );
                    let m = &report.mean;
                    for (name, prf) in [
                        ("rouge1", m.rouge1),
                        ("rouge2", m.rouge2),
                        ("rougeL", m.rouge_l),
                        ("rougeLsum", m.rouge_lsum),
                    ] {
                        out.push_str(&format!(
                            "  {name:<9} F1 {:6.2}  P {:6.2}  R {:6.2}\n",
                            prf.f1, prf.precision, prf.recall
                        ));
                    }
                    out
                }
            };
            print_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Quotes { lang, gold, format } => {
            let mut options = Options::default();
            if let Some(code) = lang {
                options = options.lang(code.parse()?);
            }
            let scores = newsgist::eval::quotes::evaluate(&Summarizer::new(options), open(&gold)?)
                .map_err(|e| match e {
                    Error::Io { source, .. } => Error::io(&gold, source),
                    other => other,
                })?;
            let out = match format {
                SentenceFormat::Json => {
                    serde_json::to_string_pretty(&scores).unwrap_or_default() + "\n"
                }
                SentenceFormat::Text => {
                    let pct = |x: f64| 100.0 * x;
                    let mut out = format!(
                        "{} documents, {} gold quotes, {} predicted\n",
                        scores.documents, scores.gold_quotes, scores.predicted_quotes
                    );
                    for (name, prf) in [
                        ("exact", scores.exact),
                        ("overlap", scores.overlap),
                        ("end-to-end", scores.end_to_end),
                    ] {
                        out.push_str(&format!(
                            "  {name:<10} P {:5.1}  R {:5.1}  F1 {:5.1}\n",
                            pct(prf.precision),
                            pct(prf.recall),
                            pct(prf.f1)
                        ));
                    }
                    out.push_str(&format!(
                        "  speaker on {} matched quotes: head word {:.1}%, normalised {:.1}%\n",
                        scores.speaker_checked,
                        pct(scores.speaker_head_accuracy),
                        pct(scores.speaker_normalised_accuracy)
                    ));
                    out
                }
            };
            print_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn open(path: &Path) -> Result<io::BufReader<fs::File>, Error> {
    fs::File::open(path)
        .map(io::BufReader::new)
        .map_err(|e| Error::io(path, e))
}

fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {per_sec} [{elapsed}]")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    Some(bar)
}

/// The temporary output file of a running `bulk --output`, which an interrupt
/// removes.
static PARTIAL: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Exit status after SIGINT or SIGTERM: 128 + SIGINT, as shells report it.
const INTERRUPTED: i32 = 130;

fn lock_partial() -> MutexGuard<'static, Option<PathBuf>> {
    PARTIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Makes SIGINT, SIGTERM (or Ctrl-C) remove `partial` before exiting, so
/// that an interrupted run leaves no half-written file behind; `None` once
/// it is gone or renamed.
fn remove_on_interrupt(partial: Option<PathBuf>) {
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        // Without a handler (the platform refused one) an interrupt ends
        // the process as before, leaving the hidden `.partial` file.
        let _ = ctrlc::set_handler(|| {
            // The guard is held until exit, so the run cannot rename the
            // file into place after it was removed here.
            let mut partial = lock_partial();
            if let Some(path) = partial.take() {
                let _ = fs::remove_file(path);
            }
            std::process::exit(INTERRUPTED);
        });
    });
    *lock_partial() = partial;
}

/// A name beside `path` for writing before the final rename.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    path.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

fn read_input(input: &str) -> Result<String, Error> {
    let bytes = if input == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("-", e))?;
        bytes
    } else {
        fs::read(input).map_err(|e| Error::io(input, e))?
    };
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

fn print_stdout(s: &str) -> Result<(), Error> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("-", e))
}
