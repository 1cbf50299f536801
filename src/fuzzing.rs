//! The bodies of the fuzz targets (`fuzz/`), shared with the regression tests that replay
//! every input a fuzzer ever crashed on (`tests/fuzz_regressions.rs`). Each function runs
//! one part of the engine on arbitrary bytes and asserts what must hold for any input;
//! nothing here may panic otherwise.

use crate::article::{decode, line_col, Encoding, LineIndex};
use crate::extract::grammar::ParseContext;
use crate::extract::Scanner;
use crate::rules::{Kind, RuleSet};

/// Sets up a fuzz target's process before its first input: one rayon worker, so an input
/// takes the same path through the code however the threads are scheduled. With several
/// workers the work-stealing in `join` and the thread that drops a regex cache change from
/// run to run, and libFuzzer counts those changes as new coverage that no input caused
/// (docs/fuzzing.md, "Reproducible coverage"). Rule sets are compiled in parallel; the
/// targets lose nothing by it, each running on a core of its own.
pub fn init() {
    // Fails only when a pool was already built, which leaves that one in place.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global();
}

/// Article loading: front matter, decoding, and line/column arithmetic.
pub fn front_matter(data: &[u8]) {
    for encoding in [Encoding::Strict, Encoding::Lossy] {
        if let Ok(loaded) = decode("f.md".into(), data.to_vec(), encoding) {
            let text = &loaded.article.text;
            assert!(loaded.article.body_start <= text.len());
            let index = LineIndex::new(text);
            for offset in [0, loaded.article.body_start, text.len() / 2, text.len()] {
                assert_eq!(index.line_col(text, offset), line_col(text, offset));
            }
        }
    }
}

/// Every value grammar on arbitrary text, with and without a published date, rounded and
/// exact: spans inside the text, intervals printable.
pub fn grammars(scanners: &[Scanner], data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first byte picks a published date, so relative dates resolve too.
    let published = data
        .first()
        .and_then(|&b| crate::date::Date::new(1990 + i32::from(b % 60), 1 + b % 12, 1 + b % 28));
    for exact in [false, true] {
        let cx = ParseContext {
            published,
            exact,
            ..ParseContext::default()
        };
        for scanner in scanners {
            for found in scanner.scan(text, &cx) {
                assert!(found.span.end <= text.len());
                if let Ok(iv) = found.parsed.value {
                    let _ = iv.notation();
                    let _ = crate::extract::describe(&iv, found.parsed.unit);
                }
            }
        }
    }
}

/// The scanners [`grammars`] runs: every value grammar, those of the rule kinds and the
/// ones the conformance runner measures.
pub fn scanners() -> Vec<Scanner> {
    let mut grammars: Vec<&'static dyn crate::extract::grammar::Grammar> =
        [Kind::Percentage, Kind::Count, Kind::Date]
            .into_iter()
            .map(Kind::grammar)
            .collect();
    grammars.push(&crate::extract::quantity::QuantityGrammar);
    grammars.push(&crate::extract::duration::DurationGrammar);
    grammars.push(&crate::extract::number::NumberGrammar);
    grammars
        .into_iter()
        .filter_map(|g| Scanner::new(g).ok())
        .collect()
}

/// Rule-file loading: rules, or errors whose spans lie inside the file; the rules' own
/// tests run without panicking.
pub fn rule_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match crate::rules::parse_sources(&[("r.toml", text)]) {
        Ok(set) => {
            let _ = crate::examples::run(&set);
        }
        Err(errors) => {
            for e in errors {
                assert!(e.span.start <= e.span.end && e.span.end <= text.len());
            }
        }
    }
}

/// The whole engine on an arbitrary article: decode, extract, compare.
pub fn extract(rules: &RuleSet, data: &[u8]) {
    let Ok(loaded) = decode("a.md".into(), data.to_vec(), Encoding::Lossy) else {
        return;
    };
    let claims = crate::extract::extract(rules, &loaded.article);
    for c in &claims {
        assert!(c.span.end <= loaded.article.text.len());
    }
    let _ = crate::compare::compare(rules, &claims);
}
