//! The whole engine on arbitrary articles with the shipped rules.
#![no_main]

use std::sync::LazyLock;

static RULES: LazyLock<claimlint::rules::RuleSet> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    claimlint::rules::load(&[dir]).unwrap_or_default()
});

libfuzzer_sys::fuzz_target!(
    init: claimlint::fuzzing::init(),
    |data: &[u8]| claimlint::fuzzing::extract(&RULES, data)
);
