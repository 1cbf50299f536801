//! JUnit XML (`--format junit`), for CI systems that show test reports (GitLab, Jenkins,
//! Azure Pipelines).
//!
//! One `<testsuite>` per loaded rule (by id), one `<testcase>` per finding of that rule,
//! named after its primary site. A finding at or above the `--fail-on` level holds a
//! `<failure>` (its `type` is the severity), so the report fails exactly when the run
//! does; a finding below it is a passing test case that tells what it found in
//! `<system-out>`. Files that could not be used are test cases with an `<error>` in a last
//! suite, `claimlint`. Text is escaped for XML 1.0; characters XML cannot hold (control
//! characters) become U+FFFD.

use super::Problem;
use crate::finding::{Finding, Role};
use crate::rules::{RuleSet, Severity};

/// Escapes text for XML content and attribute values (double-quoted).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept as line breaks in attribute values, which would otherwise turn them into
            // spaces.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// What a finding says, as the body of its failure: help, then every site.
fn details(f: &Finding) -> String {
    let mut s = f.help.clone();
    for site in &f.sites {
        let role = match site.role {
            Role::Primary => "primary",
            Role::Agrees => "agrees",
            Role::Conflicts => "conflicts",
        };
        s.push_str(&format!(
            "\n{}:{}:{}: {} ({role})",
            site.path,
            site.line,
            site.column,
            site.label(),
        ));
    }
    s
}

fn testcase(f: &Finding, failing: bool) -> String {
    let p = f.primary();
    let subject = if f.subject.is_empty() {
        String::new()
    } else {
        format!(" [{}]", f.subject)
    };
    let name = format!("{}:{}:{}{subject}", p.path, p.line, p.column);
    let mut s = format!(
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">\n",
        escape(&name),
        escape(&f.rule),
        escape(&p.path),
        p.line
    );
    if failing {
        s.push_str(&format!(
            "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
            escape(&f.message),
            f.severity,
            escape(&details(f))
        ));
    } else {
        s.push_str(&format!(
            "      <system-out>{}: {}&#10;{}</system-out>\n",
            f.severity,
            escape(&f.message),
            escape(&details(f))
        ));
    }
    s.push_str("    </testcase>\n");
    s
}

/// The JUnit report: a suite per rule, a case per finding; `fail_at` is the lowest
/// severity that fails (`None`: nothing fails).
pub fn findings(
    findings: &[Finding],
    rules: &RuleSet,
    errors: &[Problem],
    fail_at: Option<Severity>,
) -> String {
    let fails = |f: &Finding| fail_at.is_some_and(|t| f.severity >= t);
    let mut ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    let mut suites = String::new();
    for id in ids {
        let mine: Vec<&Finding> = findings.iter().filter(|f| f.rule == id).collect();
        let failures = mine.iter().filter(|f| fails(f)).count();
        suites.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
            escape(id),
            mine.len()
        ));
        for f in mine {
            suites.push_str(&testcase(f, fails(f)));
        }
        suites.push_str("  </testsuite>\n");
    }
    if !errors.is_empty() {
        suites.push_str(&format!(
            "  <testsuite name=\"claimlint\" tests=\"{0}\" failures=\"0\" errors=\"{0}\" skipped=\"0\">\n",
            errors.len()
        ));
        for e in errors {
            let at = match e.line {
                Some(l) => format!("{}:{l}", e.path),
                None => e.path.clone(),
            };
            suites.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"claimlint\" file=\"{}\">\n      <error message=\"{}\"/>\n    </testcase>\n",
                escape(&at),
                escape(&e.path),
                escape(&e.message)
            ));
        }
        suites.push_str("  </testsuite>\n");
    }
    let failures = findings.iter().filter(|f| fails(f)).count();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"claimlint\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\">\n{suites}</testsuites>\n",
        findings.len() + errors.len(),
        errors.len()
    )
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("<a href=\"x\">'5' & 6</a>"),
            "&lt;a href=&quot;x&quot;&gt;&apos;5&apos; &amp; 6&lt;/a&gt;"
        );
        assert_eq!(escape("a\nb\u{1}c\u{FFFF}"), "a&#10;b\u{FFFD}c\u{FFFD}");
    }
}
