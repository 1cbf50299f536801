//! Article loading: front matter (TOML and YAML), decoding, line and column arithmetic.
#![no_main]

libfuzzer_sys::fuzz_target!(
    init: claimlint::fuzzing::init(),
    |data: &[u8]| claimlint::fuzzing::front_matter(data)
);
