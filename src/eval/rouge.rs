//! ROUGE-1/2/L/Lsum of summaries against reference summaries.
