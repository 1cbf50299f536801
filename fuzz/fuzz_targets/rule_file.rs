//! Rule-file loading: any text gives rules or errors with spans inside the file, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match claimlint::rules::parse_sources(&[("r.toml", text)]) {
        Ok(set) => {
            let _ = claimlint::examples::run(&set);
        }
        Err(errors) => {
            for e in errors {
                assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{e:?}");
            }
        }
    }
});
