//! Article loading: front matter (TOML and YAML), decoding, line and column arithmetic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for encoding in [claimlint::article::Encoding::Strict, claimlint::article::Encoding::Lossy] {
        if let Ok(loaded) = claimlint::article::decode("f.md".into(), data.to_vec(), encoding) {
            let text = &loaded.article.text;
            assert!(loaded.article.body_start <= text.len());
            let index = claimlint::article::LineIndex::new(text);
            for offset in [0, loaded.article.body_start, text.len() / 2, text.len()] {
                assert_eq!(index.line_col(text, offset), claimlint::article::line_col(text, offset));
            }
        }
    }
});
