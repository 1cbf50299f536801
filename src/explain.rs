//! Documentation at the command line: `claimlint explain ID` for a rule, or for one of the
//! engine's own checks by its stable code.

use crate::examples::verdict_name;
use crate::rules::{Rule, TimeMode};

/// One of the engine's own checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// Stable code.
    pub code: &'static str,
    /// One line.
    pub title: &'static str,
    /// What it means and what to do.
    pub text: &'static str,
}

/// The engine's checks, each with its stable code.
pub const CHECKS: &[Check] = &[
    Check {
        code: "contradiction",
        title: "two figures for the same thing cannot both be right",
        text:
            "Claims of one rule with the same subject are compared as intervals (docs/values.md). \
When their intervals share no point and their reference times are the same or unknown, the \
finding is a contradiction, reported with the rule's id as its code and the rule's severity \
(error by default). Fix the article that is wrong, or, when both are right for different \
times, say so in the text (\"as of February 5\").",
    },
    Check {
        code: "change-over-time",
        title: "figures differ, but for different known times",
        text: "For rules with time = \"as-of\", two conflicting figures whose reference times are \
both known and do not overlap are a change over time: severity info (`change-over-time` in \
[rule.severities]), shown with --show-changes, failing the run only with --fail-on info. The \
reference time is the one the sentence gives (\"as of February 5\", \"in November\", \"since \
March 2022\", \"on Thursday\"; docs/rules.md says which phrase dates which figure), else the \
article's published date.",
    },
    Check {
        code: "stale",
        title: "a later article cites an older figure",
        text: "A change over time where the article giving the figure for the earlier time was \
published after the article giving the figure for the later time: the later article repeats \
an out-of-date figure. Severity warning; the primary site is the stale figure. Needs both \
articles' published dates (front matter).",
    },
    Check {
        code: "decreased",
        title: "a figure that can only grow fell",
        text: "For rules with monotonic = \"increasing\" (death tolls, the area taken: figures \
that add up over time), a figure given for a later reference time that lies wholly below a \
figure for an earlier time is a conflict: the primary site is the later, lower figure. \
Severity: the rule's (error by default; `decreased` in [rule.severities]). When the sentence \
of the lower figure says it was revised, the finding is `revised` instead.",
    },
    Check {
        code: "revised",
        title: "a figure that can only grow fell, and the text says it was revised",
        text: "A decrease of a monotonic = \"increasing\" figure whose sentence says the figure \
was revised (\"revised down\", \"revised downward\", \"lowered\", \"corrected\"): a \
correction, not a mistake. Severity info by default (`revised` in [rule.severities]), shown \
with --show-changes.",
    },
    Check {
        code: "outlier",
        title: "one article against many",
        text: "When the articles on one side of a conflict outnumber the other side, the finding \
is about the few: its primary site is the outlier, and it names the value the majority gives \
and how many articles give it. Findings grow with the number of conflicting values, never \
with pairs of articles.",
    },
    Check {
        code: "unresolved",
        title: "a value that could not be placed is never compared",
        text:
            "A relative date (\"last month\") or a date without a year (\"February 5\") needs the \
article's published date; an impossible date (\"February 30, 2022\") has none. Such values \
are listed by `claimlint claims` with the reason and left out of comparison. Give articles a \
`published` date in their front matter to resolve them.",
    },
    Check {
        code: "unit-conversion",
        title: "a conversion in parentheses does not agree with its figure",
        text: "Built in, no rule needed: a figure with a unit followed by its conversion in \
parentheses, \"114,500 square kilometres (44,600 square miles)\", is read as two intervals in \
one base unit, each carrying the rounding of the figure as written; when they share no point \
the conversion is wrong (114,500 km² is about 44,209 square miles). Lengths, areas, masses, \
volumes, speeds and temperatures (°C/°F) are compared; money is not. Severity warning; set \
another, or \"off\", under [severity] in claimlint.toml (\"unit-conversion\" = \"off\").",
    },
    Check {
        code: "unit-mismatch",
        title: "a figure converted into a unit of another kind",
        text: "Built in, no rule needed: a figure followed in parentheses by a figure of \
another dimension, \"701 square kilometers (270 miles)\": an area given in plain miles. \
Reported between lengths, areas, masses, speeds and temperatures; masses and volumes \
(\"500,000 barrels (68,000 tonnes)\") and money are left alone. Severity warning; set another, \
or \"off\", under [severity] in claimlint.toml.",
    },
    Check {
        code: "relation",
        title: "claims that break a relation declared between rules",
        text: "A [[relation]] in a rule file ties the figures of several rules or subjects: \
complement (the parts add up to a total, 100 by default), part-of (the part is at most the \
whole) or sum (the parts add up to the whole). Claims are brought together when the rest of \
their subject keys are the same, in one article or across articles, and the relation is \
broken only when no values inside their intervals satisfy it, after the relation's \
tolerance. Claims for different known times are never set against each other. Findings \
carry the relation's id as their code and its severity; `claimlint explain ID` shows a \
relation, and a rule's explanation lists the relations it takes part in.",
    },
];

/// The relations a rule takes part in, as text for its explanation; empty when none.
pub fn relations_of(set: &crate::rules::RuleSet, id: &str) -> String {
    let rels: Vec<_> = set.relations.iter().filter(|r| r.involves(id)).collect();
    if rels.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nrelations:\n");
    for r in rels {
        out.push_str(&format!(
            "  {} ({}): {}\n",
            r.id,
            r.kind.name(),
            r.formula()
        ));
    }
    out
}

/// The check with this code.
pub fn check(code: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| c.code == code)
}

/// A check explained, as text.
pub fn check_text(c: &Check) -> String {
    format!(
        "{} (engine check)\n\n{}\n\n{}\n",
        c.code,
        c.title,
        wrap(c.text, 90)
    )
}

/// Words filled into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += n;
    }
    out
}

/// A rule explained, as text: what it claims, how it finds and compares it, its tests.
pub fn rule_text(r: &Rule) -> String {
    let mut out = format!("{}: {}\n\n", r.id, r.title);
    if let Some(d) = &r.description {
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    out.push_str(&format!("kind:      {}\n", r.kind.name()));
    out.push_str(&format!("file:      {}\n", r.file));
    let sev = r.severities();
    out.push_str(&format!(
        "severity:  {} (change-over-time {}, stale {}, decreased {}, revised {})\n",
        sev.contradiction, sev.change_over_time, sev.stale, sev.decreased, sev.revised
    ));
    if r.monotonic.is_some() {
        out.push_str("monotonic: increasing (a later figure may not be lower)\n");
    }
    out.push_str(&format!(
        "compare:   {}\n",
        match r.compare {
            crate::rules::CompareMode::All => "all (every claim with every other)",
            crate::rules::CompareMode::AcrossSources =>
                "across-sources (only claims of different sources)",
            crate::rules::CompareMode::WithinSource =>
                "within-source (only claims of the same source)",
        }
    ));
    if let Some(c) = &r.categories {
        out.push_str(&format!("categories: {}\n", c.keys().join(", ")));
    }
    out.push_str(&format!(
        "time:      {}\n",
        match r.time {
            TimeMode::AsOf => "as-of (figures for different known times are a change over time)",
            TimeMode::Timeless => "timeless (every pair is compared)",
        }
    ));
    out.push_str(&format!(
        "reading:   {}; tolerance {}; about ±{}%, nearly −{}%\n",
        if r.exact {
            "exact figures"
        } else {
            "figures carry their rounding"
        },
        crate::value::fmt_num(r.tolerance),
        crate::value::fmt_num(r.hedges.about * 100.0),
        crate::value::fmt_num(r.hedges.nearly * 100.0),
    ));
    out.push_str(&format!("message:   {}\n", r.message));
    if !r.subjects.is_empty() {
        out.push_str("\nsubject:\n");
        for dim in &r.subjects {
            let keys = dim.keys();
            out.push_str(&format!(
                "  {}: {}\n",
                dim.name,
                if keys.is_empty() {
                    "(the captured text)".to_string()
                } else {
                    keys.join(", ")
                }
            ));
        }
    }
    out.push_str("\npatterns:\n");
    for p in &r.patterns {
        out.push_str(&format!("  {p}\n"));
    }
    if !r.examples.is_empty() {
        out.push_str("\nexamples:\n");
        for e in &r.examples {
            let what = if e.none {
                "nothing".to_string()
            } else {
                e.value.clone().unwrap_or_else(|| "a claim".into())
            };
            out.push_str(&format!("  {:?} → {what}\n", e.text));
        }
    }
    if !r.pairs.is_empty() {
        out.push_str("\npairs:\n");
        for p in &r.pairs {
            out.push_str(&format!(
                "  {:?}\n  {:?}\n    → {}\n",
                p.a,
                p.b,
                verdict_name(p.verdict)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_a_unique_code_and_wraps() {
        for c in CHECKS {
            assert_eq!(CHECKS.iter().filter(|d| d.code == c.code).count(), 1);
            assert!(check_text(c).lines().all(|l| l.chars().count() <= 90));
        }
        assert_eq!(check("outlier").map(|c| c.code), Some("outlier"));
        use crate::finding::Outcome;
        for o in [
            Outcome::Contradiction,
            Outcome::ChangeOverTime,
            Outcome::Stale,
            Outcome::Decreased,
            Outcome::Revised,
        ] {
            assert!(check(o.code()).is_some(), "no explanation for {}", o.code());
        }
        assert!(check("nope").is_none());
    }
}
