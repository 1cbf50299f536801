//! The shipped rules load, and pass their own examples and pairs.

use std::path::PathBuf;

#[test]
fn shipped_rules_load_and_pass_their_tests() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let set = claimlint::rules::load(&[root.join("rules")]).unwrap_or_else(|errors| {
        let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{}", all.join("\n"))
    });
    assert!(set.rules.len() >= 5);
    for rule in &set.rules {
        assert!(!rule.examples.is_empty(), "{} has no examples", rule.id);
        assert!(!rule.pairs.is_empty(), "{} has no pair", rule.id);
    }
    let failures: Vec<String> = claimlint::examples::run(&set)
        .into_iter()
        .flat_map(|r| r.failures)
        .map(|f| {
            let (line, _) = claimlint::article::line_col(&f.source, f.span.start);
            format!("{} ({}:{line}): {}", f.rule, f.path, f.message)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checked_in_schema_is_fresh() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/rules.schema.json");
    let on_disk = std::fs::read_to_string(&path).expect("schema/rules.schema.json exists");
    assert!(
        on_disk == claimlint::rules::json_schema(),
        "schema/rules.schema.json is stale: run `cargo run -- rules schema > schema/rules.schema.json`"
    );
}

#[test]
fn shipped_rule_files_point_editors_at_the_schema() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(root.join("rules")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("#:schema ../schema/rules.schema.json\n"),
            "{} lacks the #:schema line",
            path.display()
        );
    }
}
