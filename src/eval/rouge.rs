//! ROUGE-1/2/L/Lsum of summaries against reference summaries.
//!
//! The scores follow Google's `rouge-score` package (0.1.2), the scorer the
//! summarization literature reports: text is lower-cased, every run of
//! characters other than `a-z0-9` is a token break, tokens longer than three
//! characters are stemmed; ROUGE-N counts clipped n-gram matches; ROUGE-L is
//! the longest common subsequence of the whole texts; ROUGE-Lsum splits both
//! texts at line breaks and takes, for each reference sentence, the union of
//! its longest common subsequences with every summary sentence. Scores are
//! averaged over documents.
//!
//! One difference is deliberate: `rouge-score` stems with the original Porter
//! algorithm, newsgist with Snowball's English stemmer (Porter's own
//! revision), which the rest of newsgist uses too. The two disagree on a few
//! suffixes (`-ly`, `-ness` before other suffixes, some `-e` endings); on the
//! dev sets the means differ by less than a tenth of a point.

use std::collections::HashMap;
use std::io::BufRead;

use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use serde_json::Value;

use crate::corpus::DEFAULT_TEXT_FIELDS;
use crate::{Error, Summarizer};

/// Precision, recall and F1 of one ROUGE variant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Matched units over units in the summary.
    pub precision: f64,
    /// Matched units over units in the reference.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl Prf {
    fn new(hits: usize, predicted: usize, reference: usize) -> Prf {
        if hits == 0 || predicted == 0 || reference == 0 {
            return Prf::default();
        }
        let precision = hits as f64 / predicted as f64;
        let recall = hits as f64 / reference as f64;
        Prf {
            precision,
            recall,
            f1: 2.0 * precision * recall / (precision + recall),
        }
    }

    fn add(&mut self, other: Prf) {
        self.precision += other.precision;
        self.recall += other.recall;
        self.f1 += other.f1;
    }

    fn scale(&mut self, by: f64) {
        self.precision *= by;
        self.recall *= by;
        self.f1 *= by;
    }
}

/// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of one summary, or their means.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Rouge {
    /// Unigram overlap.
    pub rouge1: Prf,
    /// Bigram overlap.
    pub rouge2: Prf,
    /// Longest common subsequence of the whole texts.
    #[serde(rename = "rougeL")]
    pub rouge_l: Prf,
    /// Summary-level LCS over sentences (line breaks).
    #[serde(rename = "rougeLsum")]
    pub rouge_lsum: Prf,
}

/// Scores summaries; keeps the stemmer and a stem cache.
pub struct Scorer {
    stemmer: Stemmer,
    stems: HashMap<String, String>,
}

impl std::fmt::Debug for Scorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scorer").finish_non_exhaustive()
    }
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer {
            stemmer: Stemmer::create(Algorithm::English),
            stems: HashMap::new(),
        }
    }
}

impl Scorer {
    /// ROUGE of `summary` against `reference`, each a list of sentences.
    ///
    /// ```
    /// use newsgist::eval::rouge::Scorer;
    /// let mut scorer = Scorer::default();
    /// let r = scorer.score(&["The cat sat on the mat."], &["The cat sat."]);
    /// assert!((r.rouge1.recall - 1.0).abs() < 1e-9);
    /// assert!((r.rouge1.precision - 0.5).abs() < 1e-9);
    /// ```
    pub fn score<S: AsRef<str>, R: AsRef<str>>(&mut self, summary: &[S], reference: &[R]) -> Rouge {
        // Sentences as the referee sees them: joined by newlines, then split
        // at every line break (a sentence holding a line break becomes two).
        let pred_sents: Vec<Vec<String>> = lines(summary).map(|l| self.tokens(l)).collect();
        let ref_sents: Vec<Vec<String>> = lines(reference).map(|l| self.tokens(l)).collect();
        let pred: Vec<&str> = pred_sents.iter().flatten().map(String::as_str).collect();
        let refs: Vec<&str> = ref_sents.iter().flatten().map(String::as_str).collect();
        Rouge {
            rouge1: ngram_overlap(&pred, &refs, 1),
            rouge2: ngram_overlap(&pred, &refs, 2),
            rouge_l: {
                let lcs = lcs_table(&refs, &pred);
                Prf::new(lcs[refs.len()][pred.len()], pred.len(), refs.len())
            },
            rouge_lsum: summary_level_lcs(&ref_sents, &pred_sents),
        }
    }

    fn tokens(&mut self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        lower
            .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
            .filter(|t| !t.is_empty())
            .map(|t| {
                if t.len() > 3 {
                    if let Some(stem) = self.stems.get(t) {
                        return stem.clone();
                    }
                    let stem = self.stemmer.stem(t).into_owned();
                    self.stems.insert(t.to_string(), stem.clone());
                    stem
                } else {
                    t.to_string()
                }
            })
            .collect()
    }
}

fn lines<S: AsRef<str>>(sentences: &[S]) -> impl Iterator<Item = &str> {
    sentences.iter().flat_map(|s| s.as_ref().split('\n'))
}

fn ngram_counts<'t>(tokens: &[&'t str], n: usize) -> HashMap<Vec<&'t str>, usize> {
    let mut counts: HashMap<Vec<&'t str>, usize> = HashMap::new();
    if tokens.len() >= n {
        for gram in tokens.windows(n) {
            *counts.entry(gram.to_vec()).or_default() += 1;
        }
    }
    counts
}

fn ngram_overlap(pred: &[&str], refs: &[&str], n: usize) -> Prf {
    let (p, r) = (ngram_counts(pred, n), ngram_counts(refs, n));
    let hits: usize = r
        .iter()
        .map(|(gram, &c)| c.min(p.get(gram).copied().unwrap_or(0)))
        .sum();
    Prf::new(
        hits,
        pred.len().saturating_sub(n - 1),
        refs.len().saturating_sub(n - 1),
    )
}

/// The LCS length table of `a` (rows) against `b` (columns).
fn lcs_table<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Vec<usize>> {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            table[i][j] = if a[i - 1] == b[j - 1] {
                table[i - 1][j - 1] + 1
            } else {
                table[i - 1][j].max(table[i][j - 1])
            };
        }
    }
    table
}

/// Indices into `reference` of one LCS with `candidate`, found the way the
/// reference implementation backtracks (so that unions agree with it).
fn lcs_indices(reference: &[String], candidate: &[String]) -> Vec<usize> {
    let table = lcs_table(reference, candidate);
    let (mut i, mut j) = (reference.len(), candidate.len());
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if table[i][j - 1] > table[i - 1][j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    out
}

fn summary_level_lcs(reference: &[Vec<String>], candidate: &[Vec<String>]) -> Prf {
    let m: usize = reference.iter().map(Vec::len).sum();
    let n: usize = candidate.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return Prf::default();
    }
    let mut left_ref: HashMap<&str, usize> = HashMap::new();
    let mut left_cand: HashMap<&str, usize> = HashMap::new();
    for t in reference.iter().flatten() {
        *left_ref.entry(t).or_default() += 1;
    }
    for t in candidate.iter().flatten() {
        *left_cand.entry(t).or_default() += 1;
    }
    let mut hits = 0;
    for r in reference {
        let mut union: Vec<usize> = candidate.iter().flat_map(|c| lcs_indices(r, c)).collect();
        union.sort_unstable();
        union.dedup();
        for i in union {
            let t = r[i].as_str();
            let (Some(c), Some(rr)) = (left_cand.get_mut(t), left_ref.get_mut(t)) else {
                continue;
            };
            if *c > 0 && *rr > 0 {
                hits += 1;
                *c -= 1;
                *rr -= 1;
            }
        }
    }
    Prf::new(hits, n, m)
}

/// Mean ROUGE over a set of documents, with the count.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Documents scored (gold records with a reference).
    pub documents: usize,
    /// Documents with no prediction, scored zero.
    pub missing: usize,
    /// Mean scores ×100.
    pub mean: Rouge,
    /// Per-document scores (×100), when asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub per_document: Vec<(Value, Rouge)>,
}

/// Where the gold's text and references are, and what is scored.
#[derive(Debug, Clone)]
pub struct GoldFields {
    /// The references: a list of sentences or one string.
    pub reference: String,
    /// The article text (default: the first of text, article, body, content).
    pub text: Option<String>,
    /// The id.
    pub id: String,
}

impl Default for GoldFields {
    fn default() -> Self {
        GoldFields {
            reference: "highlights".into(),
            text: None,
            id: "id".into(),
        }
    }
}

/// Scores newsgist's own summaries (`predictions` = `None`) or given
/// predictions (`summary[].text` per id) against the references in `gold`.
///
/// ```
/// use newsgist::Summarizer;
/// use newsgist::eval::rouge::{evaluate, GoldFields};
/// let gold = r#"{"id":"a","article":"Rain fell in the city on Monday. Roads were closed.","highlights":["Rain fell on Monday."]}"#;
/// let report = evaluate(&Summarizer::default(), gold.as_bytes(), None, &GoldFields::default(), false)?;
/// assert_eq!(report.documents, 1);
/// assert!(report.mean.rouge1.recall > 99.0);
/// # Ok::<(), newsgist::Error>(())
/// ```
pub fn evaluate(
    summarizer: &Summarizer,
    gold: impl BufRead,
    predictions: Option<&HashMap<String, Vec<String>>>,
    fields: &GoldFields,
    per_document: bool,
) -> Result<Report, Error> {
    let mut scorer = Scorer::default();
    let mut report = Report::default();
    for (line_no, line) in gold.lines().enumerate() {
        let line = line.map_err(|e| Error::io("gold", e))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Map<String, Value> =
            serde_json::from_str(&line).map_err(|e| Error::InvalidJson {
                message: format!("gold line {}: {e}", line_no + 1),
            })?;
        let id = record
            .get(&fields.id)
            .cloned()
            .unwrap_or_else(|| Value::from(line_no + 1));
        let reference: Vec<String> = match record.get(&fields.reference) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            _ => continue,
        };
        if reference.iter().all(|r| r.trim().is_empty()) {
            continue;
        }
        let summary: Vec<String> = match predictions {
            Some(preds) => match preds.get(&id_key(&id)) {
                Some(sentences) => sentences.clone(),
                None => {
                    report.missing += 1;
                    Vec::new()
                }
            },
            None => {
                let text = match &fields.text {
                    Some(name) => record.get(name).and_then(Value::as_str),
                    None => DEFAULT_TEXT_FIELDS
                        .iter()
                        .find_map(|name| record.get(*name).and_then(Value::as_str)),
                };
                text.and_then(|t| summarizer.summarize(t).ok())
                    .map(|s| s.sentences.iter().map(|x| x.text.to_string()).collect())
                    .unwrap_or_default()
            }
        };
        let mut rouge = scorer.score(&summary, &reference);
        for prf in [
            &mut rouge.rouge1,
            &mut rouge.rouge2,
            &mut rouge.rouge_l,
            &mut rouge.rouge_lsum,
        ] {
            prf.scale(100.0);
        }
        report.documents += 1;
        report.mean.rouge1.add(rouge.rouge1);
        report.mean.rouge2.add(rouge.rouge2);
        report.mean.rouge_l.add(rouge.rouge_l);
        report.mean.rouge_lsum.add(rouge.rouge_lsum);
        if per_document {
            report.per_document.push((id, rouge));
        }
    }
    if report.documents > 0 {
        let by = 1.0 / report.documents as f64;
        for prf in [
            &mut report.mean.rouge1,
            &mut report.mean.rouge2,
            &mut report.mean.rouge_l,
            &mut report.mean.rouge_lsum,
        ] {
            prf.scale(by);
        }
    }
    Ok(report)
}

/// Reads predictions: JSONL document records, `summary` a list of
/// `{"text"}` objects or of strings, keyed by id.
pub fn read_predictions(input: impl BufRead) -> Result<HashMap<String, Vec<String>>, Error> {
    let mut out = HashMap::new();
    for (line_no, line) in input.lines().enumerate() {
        let line = line.map_err(|e| Error::io("predictions", e))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Value = serde_json::from_str(&line).map_err(|e| Error::InvalidJson {
            message: format!("prediction line {}: {e}", line_no + 1),
        })?;
        let id = record.get("id").cloned().unwrap_or(Value::Null);
        let sentences = record
            .get("summary")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().or_else(|| v.get("text").and_then(Value::as_str)))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        out.insert(id_key(&id), sentences);
    }
    Ok(out)
}

/// Ids compare as strings, so `7` and `"7"` are the same document.
fn id_key(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let mut s = Scorer::default();
        let r = s.score(&["Officials met on Monday."], &["Officials met on Monday."]);
        for prf in [r.rouge1, r.rouge2, r.rouge_l, r.rouge_lsum] {
            assert!((prf.f1 - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn bigrams_and_lcs_by_hand() {
        let mut s = Scorer::default();
        // Tokens: pred = a b c d, ref = a c d e (no stemming: all short).
        let r = s.score(&["a b c d"], &["a c d e"]);
        assert!((r.rouge1.f1 - 0.75).abs() < 1e-12);
        // Bigrams: pred ab bc cd, ref ac cd de: one shared.
        assert!((r.rouge2.precision - 1.0 / 3.0).abs() < 1e-12);
        // LCS a c d = 3.
        assert!((r.rouge_l.recall - 0.75).abs() < 1e-12);
    }

    #[test]
    fn summary_level_lcs_unions_across_sentences() {
        let mut s = Scorer::default();
        // Reference sentence "a b c d"; summary sentences "a b" and "c d":
        // plain LCS over the joined text is 4 as well, but Lsum must get 4
        // from the union of two LCSs.
        let r = s.score(&["a b", "c d"], &["a b c d"]);
        assert!((r.rouge_lsum.f1 - 1.0).abs() < 1e-12);
        let r = s.score(&["c d", "a b"], &["a b c d"]);
        assert!((r.rouge_lsum.f1 - 1.0).abs() < 1e-12);
        assert!((r.rouge_l.f1 - 0.5).abs() < 1e-12);
    }

    #[test]
    fn punctuation_and_case_are_token_breaks() {
        let mut s = Scorer::default();
        let r = s.score(&["U.S. officials' plans"], &["us officials plans"]);
        // "U.S." -> "u s": two tokens, so not a perfect match.
        assert!(r.rouge1.precision < 1.0);
        let r = s.score(&["Running, RUNS!"], &["runs running"]);
        assert!((r.rouge1.f1 - 1.0).abs() < 1e-12);
    }
}
