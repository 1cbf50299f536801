//! Rule-file loading on arbitrary text.
#![no_main]

libfuzzer_sys::fuzz_target!(
    init: claimlint::fuzzing::init(),
    |data: &[u8]| claimlint::fuzzing::rule_file(data)
);
