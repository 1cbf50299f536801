//! Rule tests written in rule files, run by `claimlint rules test`.
//!
//! - `[[rule.example]]`: a short text and what the rule must read from it: the value as
//!   written, and optionally the subject key, the interval, the reference time; or
//!   `none = true` for a text the rule must not match. `published` gives the text a
//!   published date, so relative dates resolve.
//! - `[[rule.pair]]`: two short articles (`a`, `b`, optional `a_published`,
//!   `b_published`) and the verdict the engine must reach: `conflict`, `agree`,
//!   `change-over-time` or `stale`.
//! - `[[relation.pair]]`: one or two short articles (`a`, optional `b`) and whether the
//!   relation is broken (`conflict`) or holds (`agree`; every term must have a claim).

use crate::article::{Article, Meta};
use crate::date::Date;
use crate::extract::{Claim, RefTime};
use crate::finding::Outcome;
use crate::relations::{Relation, RelationVerdict};
use crate::rules::{Rule, RuleSet, Verdict};
use std::ops::Range;
use std::sync::Arc;

/// A rule test that did not give what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct TestFailure {
    /// The rule.
    pub rule: String,
    /// The rule file, as shown in reports.
    pub path: String,
    /// The rule file's text.
    pub source: Arc<str>,
    /// Where the failing test is in the rule file.
    pub span: Range<usize>,
    /// What was expected and what was found.
    pub message: String,
}

/// The outcome of one rule's tests.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleReport {
    /// The rule.
    pub rule: String,
    /// How many tests it has (examples and pairs).
    pub tests: usize,
    /// The ones that failed.
    pub failures: Vec<TestFailure>,
}

fn article(path: String, text: &str, published: Option<Date>) -> Article {
    Article {
        path,
        text: text.to_string(),
        body_start: 0,
        meta: Meta {
            published,
            ..Meta::default()
        },
    }
}

fn found(claims: &[Claim]) -> String {
    if claims.is_empty() {
        return "nothing".into();
    }
    claims
        .iter()
        .map(|c| {
            let iv = match &c.value {
                Ok(iv) => iv.notation(),
                Err(why) => format!("unresolved: {why}"),
            };
            if c.subject.is_empty() {
                format!("`{}` {iv}", c.text)
            } else {
                format!("`{}` {iv} ({})", c.text, c.subject)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn reference_as_written(r: &RefTime) -> &str {
    match r {
        RefTime::Explicit { text, .. } => text,
        _ => "none",
    }
}

/// Runs one rule's examples and pairs.
pub fn run_rule(rule: &Rule) -> RuleReport {
    let set = RuleSet {
        rules: vec![rule.clone()],
        ..RuleSet::default()
    };
    let fail = |span: &Range<usize>, message: String| TestFailure {
        rule: rule.id.clone(),
        path: rule.file.clone(),
        source: rule.source.clone(),
        span: span.clone(),
        message,
    };
    let mut failures = Vec::new();
    for (i, ex) in rule.examples.iter().enumerate() {
        let a = article(
            format!("{}#example-{}", rule.id, i + 1),
            &ex.text,
            ex.published,
        );
        let claims = crate::extract::extract(&set, &a);
        if ex.none {
            if !claims.is_empty() {
                failures.push(fail(
                    &ex.span,
                    format!("expected no claim, found {}", found(&claims)),
                ));
            }
            continue;
        }
        let hit = claims.iter().find(|c| {
            ex.value.as_ref().is_none_or(|v| &c.text == v)
                && ex.subject.as_ref().is_none_or(|s| *c.subject == **s)
                && ex
                    .interval
                    .as_ref()
                    .is_none_or(|iv| c.value.as_ref().is_ok_and(|v| &v.notation() == iv))
                && ex
                    .reference
                    .as_ref()
                    .is_none_or(|r| reference_as_written(&c.reference) == r)
        });
        if hit.is_none() {
            let mut want = Vec::new();
            if let Some(v) = &ex.value {
                want.push(format!("`{v}`"));
            }
            if let Some(iv) = &ex.interval {
                want.push(iv.clone());
            }
            if let Some(s) = &ex.subject {
                want.push(format!("({s})"));
            }
            if let Some(r) = &ex.reference {
                want.push(if r == "none" {
                    "with no reference time".to_string()
                } else {
                    crate::extract::phrase(r)
                });
            }
            let want = if want.is_empty() {
                "a claim".to_string()
            } else {
                want.join(" ")
            };
            failures.push(fail(
                &ex.span,
                format!("expected {want}, found {}", found(&claims)),
            ));
        }
    }
    for (i, pair) in rule.pairs.iter().enumerate() {
        let a = article(format!("pair-{}/a", i + 1), &pair.a, pair.a_published);
        let b = article(format!("pair-{}/b", i + 1), &pair.b, pair.b_published);
        let mut claims = crate::extract::extract(&set, &a);
        let from_a = claims.len();
        claims.extend(crate::extract::extract(&set, &b));
        if from_a == 0 || claims.len() == from_a {
            let which = if from_a == 0 { "a" } else { "b" };
            failures.push(fail(
                &pair.span,
                format!("article {which} gives no claim for this rule"),
            ));
            continue;
        }
        let findings = crate::compare::compare(&set, &claims);
        let has = |o: Outcome| findings.iter().any(|f| f.outcome == o);
        let got = if has(Outcome::Contradiction) {
            Verdict::Conflict
        } else if has(Outcome::Decreased) {
            Verdict::Decreased
        } else if has(Outcome::Revised) {
            Verdict::Revised
        } else if has(Outcome::Stale) {
            Verdict::Stale
        } else if findings.is_empty() {
            Verdict::Agree
        } else {
            Verdict::ChangeOverTime
        };
        if got != pair.verdict {
            failures.push(fail(
                &pair.span,
                format!(
                    "expected {}, the engine found {} (a: {}; b: {})",
                    verdict_name(pair.verdict),
                    verdict_name(got),
                    found(claims.get(..from_a).unwrap_or_default()),
                    found(claims.get(from_a..).unwrap_or_default()),
                ),
            ));
        }
    }
    RuleReport {
        rule: rule.id.clone(),
        tests: rule.examples.len() + rule.pairs.len(),
        failures,
    }
}

/// A verdict as rule files write it.
pub fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "conflict",
        Verdict::Agree => "agree",
        Verdict::ChangeOverTime => "change-over-time",
        Verdict::Stale => "stale",
        Verdict::Decreased => "decreased",
        Verdict::Revised => "revised",
    }
}

/// Runs one relation's tests (`[[relation.pair]]`) with the rules it names.
pub fn run_relation(set: &RuleSet, rel: &Relation) -> RuleReport {
    let sub = RuleSet {
        rules: set
            .rules
            .iter()
            .filter(|r| rel.involves(&r.id))
            .cloned()
            .collect(),
        relations: vec![rel.clone()],
        ..RuleSet::default()
    };
    let fail = |span: &Range<usize>, message: String| TestFailure {
        rule: rel.id.clone(),
        path: rel.file.clone(),
        source: rel.source.clone(),
        span: span.clone(),
        message,
    };
    let mut failures = Vec::new();
    for (i, pair) in rel.pairs.iter().enumerate() {
        let a = article(format!("pair-{}/a", i + 1), &pair.a, pair.a_published);
        let mut claims = crate::extract::extract(&sub, &a);
        if let Some(b) = &pair.b {
            let b = article(format!("pair-{}/b", i + 1), b, pair.b_published);
            claims.extend(crate::extract::extract(&sub, &b));
        }
        // Every term needs a claim, or the test proves nothing.
        let missing = rel.terms().into_iter().find(|t| {
            !claims
                .iter()
                .any(|c| *c.rule == *t.rule && t.context(&c.subject).is_some())
        });
        if let Some(t) = missing {
            failures.push(fail(
                &pair.span,
                format!(
                    "no claim for the term {} {} (found {})",
                    t.rule,
                    t.selector(),
                    found(&claims)
                ),
            ));
            continue;
        }
        let findings = crate::relations::check(&sub, &claims);
        let got = if findings.is_empty() {
            RelationVerdict::Agree
        } else {
            RelationVerdict::Conflict
        };
        if got != pair.verdict {
            let name = |v: RelationVerdict| match v {
                RelationVerdict::Conflict => "conflict",
                RelationVerdict::Agree => "agree",
            };
            failures.push(fail(
                &pair.span,
                format!(
                    "expected {}, the engine found {} ({})",
                    name(pair.verdict),
                    name(got),
                    found(&claims)
                ),
            ));
        }
    }
    RuleReport {
        rule: rel.id.clone(),
        tests: rel.pairs.len(),
        failures,
    }
}

/// Runs every rule's tests, in rule order, then every relation's.
pub fn run(set: &RuleSet) -> Vec<RuleReport> {
    set.rules
        .iter()
        .map(run_rule)
        .chain(set.relations.iter().map(|r| run_relation(set, r)))
        .collect()
}
