#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgist_fuzz::summarize(data));
