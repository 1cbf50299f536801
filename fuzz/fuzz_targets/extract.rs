//! The whole engine on arbitrary articles with the shipped rules: load, extract, compare.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static RULES: LazyLock<claimlint::rules::RuleSet> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    claimlint::rules::load(&[dir]).expect("shipped rules load")
});

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) =
        claimlint::article::decode("a.md".into(), data.to_vec(), claimlint::article::Encoding::Lossy)
    else {
        return;
    };
    let claims = claimlint::extract::extract(&RULES, &loaded.article);
    for c in &claims {
        assert!(c.span.end <= loaded.article.text.len());
    }
    let _ = claimlint::compare::compare(&RULES, &claims);
});
