//! Direct-quote precision, recall and F1, and speaker accuracy, against gold
//! quotations with character offsets.
