//! Replays every input kept in `tests/fuzz-regressions/<target>/` through the body of the
//! fuzz target of that name (`claimlint::fuzzing`): each one crashed claimlint once, or is
//! an edge case worth keeping. See docs/fuzzing.md.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let found: Vec<_> = files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    assert!(!found.is_empty(), "no inputs kept for {target}");
    found
}

#[test]
fn front_matter() {
    for (_, data) in inputs("front_matter") {
        claimlint::fuzzing::front_matter(&data);
    }
}

#[test]
fn grammars() {
    let scanners = claimlint::fuzzing::scanners();
    assert_eq!(scanners.len(), 6, "every grammar compiles");
    for (_, data) in inputs("grammars") {
        claimlint::fuzzing::grammars(&scanners, &data);
    }
}

#[test]
fn rule_file() {
    for (_, data) in inputs("rule_file") {
        claimlint::fuzzing::rule_file(&data);
    }
}

#[test]
fn extract() {
    let rules = claimlint::rules::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")])
        .expect("shipped rules load");
    for (_, data) in inputs("extract") {
        claimlint::fuzzing::extract(&rules, &data);
    }
}
