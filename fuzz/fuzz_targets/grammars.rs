//! Every value grammar on arbitrary text: the regex finds, the parser reads, nothing panics,
//! and every interval read is well formed.
#![no_main]

use claimlint::extract::grammar::ParseContext;
use claimlint::extract::Scanner;
use claimlint::rules::Kind;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SCANNERS: LazyLock<Vec<Scanner>> = LazyLock::new(|| {
    [Kind::Percentage, Kind::Count, Kind::Date]
        .into_iter()
        .map(|k| Scanner::new(k.grammar()).expect("grammar compiles"))
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The first byte picks a published date, so relative dates resolve too.
    let published = data.first().and_then(|&b| {
        claimlint::date::Date::new(1990 + i32::from(b % 60), 1 + b % 12, 1 + b % 28)
    });
    for exact in [false, true] {
        let cx = ParseContext { published, exact, ..ParseContext::default() };
        for scanner in SCANNERS.iter() {
            for found in scanner.scan(text, &cx) {
                assert!(found.span.end <= text.len());
                if let Ok(iv) = found.parsed.value {
                    let _ = iv.notation();
                    let _ = claimlint::extract::describe(&iv, found.parsed.unit);
                }
            }
        }
    }
});
