//! Built-in evaluation against reference data: ROUGE for summaries, overlap
//! precision/recall/F1 and speaker accuracy for quotes.

pub mod quotes;
pub mod rouge;
