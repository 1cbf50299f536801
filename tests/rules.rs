//! The shipped rules load and pass their own examples.

use std::path::PathBuf;

#[test]
fn shipped_rules_load_and_pass_their_examples() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let set = claimlint::rules::load(&[root.join("rules")]).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(set.rules.len() >= 5);
    for rule in &set.rules {
        assert!(!rule.examples.is_empty(), "{} has no examples", rule.id);
    }
    let failures = claimlint::examples::run(&set);
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .map(|f| format!(
                "{} example {}: {}\n  {}",
                f.rule, f.index, f.message, f.text
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
