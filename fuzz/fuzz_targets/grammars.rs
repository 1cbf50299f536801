//! Every value grammar on arbitrary text.
#![no_main]

use std::sync::LazyLock;

static SCANNERS: LazyLock<Vec<claimlint::extract::Scanner>> =
    LazyLock::new(claimlint::fuzzing::scanners);

libfuzzer_sys::fuzz_target!(
    init: claimlint::fuzzing::init(),
    |data: &[u8]| claimlint::fuzzing::grammars(&SCANNERS, data)
);
