//! Rule tests written in rule files: `[[rule.example]]` tables.
//!
//! Each example is a short text and what the rule must read from it: the value as written,
//! optionally the subject key, or `none = true` for a text the rule must not match.

use crate::article::Article;
use crate::rules::{Rule, RuleSet};

/// An example that did not give what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFailure {
    /// The rule.
    pub rule: String,
    /// The example's position among the rule's examples, from 1.
    pub index: usize,
    /// The example text.
    pub text: String,
    /// What was expected and what was read.
    pub message: String,
}

/// Runs one rule's examples; the failures.
pub fn run_rule(rule: &Rule) -> Vec<ExampleFailure> {
    let set = RuleSet {
        rules: vec![rule.clone()],
    };
    let mut failures = Vec::new();
    for (i, ex) in rule.examples.iter().enumerate() {
        let article = Article {
            path: format!("{}#example-{}", rule.id, i + 1),
            text: ex.text.clone(),
            body_start: 0,
            meta: Default::default(),
        };
        let claims = crate::extract::extract(&set, &article);
        let fail = |message: String| ExampleFailure {
            rule: rule.id.clone(),
            index: i + 1,
            text: ex.text.clone(),
            message,
        };
        let found: Vec<String> = claims
            .iter()
            .map(|c| format!("`{}` ({})", c.text, c.subject))
            .collect();
        if ex.none {
            if !claims.is_empty() {
                failures.push(fail(format!(
                    "expected no claim, found {}",
                    found.join(", ")
                )));
            }
            continue;
        }
        let hit = claims.iter().find(|c| {
            ex.value.as_ref().is_none_or(|v| &c.text == v)
                && ex.subject.as_ref().is_none_or(|s| &c.subject == s)
        });
        if hit.is_none() {
            let want = match (&ex.value, &ex.subject) {
                (Some(v), Some(s)) => format!("`{v}` ({s})"),
                (Some(v), None) => format!("`{v}`"),
                (None, Some(s)) => format!("a claim about {s}"),
                (None, None) => "a claim".to_string(),
            };
            let got = if found.is_empty() {
                "nothing".to_string()
            } else {
                found.join(", ")
            };
            failures.push(fail(format!("expected {want}, found {got}")));
        }
    }
    failures
}

/// Runs every rule's examples; the failures, in rule order.
pub fn run(set: &RuleSet) -> Vec<ExampleFailure> {
    set.rules.iter().flat_map(run_rule).collect()
}
