//! GitHub Actions workflow commands (`--format github`): one annotation per finding, shown
//! on the pull request's diff and in the run's summary.
//!
//! Each finding is a line `::error file=PATH,line=L,col=C,endColumn=E,title=RULE::MESSAGE`
//! at its primary site (`warning` for warnings, `notice` for infos); the message names the
//! other articles and the values they give. Files that could not be used are `::error`
//! lines too. GitHub reads property values up to `,` and `::`, so values are escaped as
//! its workflow-command syntax asks: `%`, CR and LF in the message; those and `:` and `,`
//! in properties.

use super::Problem;
use crate::finding::{Finding, Site};
use crate::rules::Severity;

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value (`file=`, `title=`) of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(level: &str, props: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!("::{level} {}::{}\n", props.join(","), escape_data(message))
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn at(site: &Site) -> String {
    format!("{}:{}", site.path, site.line)
}

/// The annotation's message: the headline, the value here, and what the others give.
fn message(f: &Finding) -> String {
    let primary = f.primary();
    let subject = if f.subject.is_empty() {
        String::new()
    } else {
        format!(" [{}]", f.subject)
    };
    let mut m = format!("{}{subject}: {} here", f.message, primary.label());
    match &f.agreeing {
        Some(a) => {
            for s in f
                .sites
                .iter()
                .skip(1)
                .filter(|s| s.role == crate::finding::Role::Agrees)
            {
                m.push_str(&format!("; {} gives the same", at(s)));
            }
            let examples: Vec<String> = f
                .sites
                .iter()
                .skip(1)
                .filter(|s| s.role == crate::finding::Role::Conflicts)
                .map(at)
                .collect();
            m.push_str(&format!(
                "; {} {} {} ({}), among them {}",
                a.articles,
                if a.articles == 1 {
                    "article gives"
                } else {
                    "articles give"
                },
                a.text,
                a.reading,
                examples.join(", ")
            ));
        }
        None => {
            for s in f.sites.iter().skip(1) {
                m.push_str(&format!("; {} gives {}", at(s), s.label()));
            }
            let listed = f.sites.len();
            let all = f.primary_articles + f.other_articles;
            if all > listed {
                m.push_str(&format!(" ({} more articles)", all - listed));
            }
        }
    }
    m
}

/// Every finding, then every file that could not be used, as workflow commands.
pub fn findings(findings: &[Finding], errors: &[Problem]) -> String {
    let mut out = String::new();
    for f in findings {
        let p = f.primary();
        let mut props = vec![
            ("file", p.path.clone()),
            ("line", p.line.to_string()),
            ("col", p.column.to_string()),
        ];
        if !p.text.contains('\n') {
            props.push(("endColumn", (p.column + p.text.chars().count()).to_string()));
        }
        props.push(("title", f.rule.clone()));
        out.push_str(&command(level(f.severity), &props, &message(f)));
    }
    for e in errors {
        let mut props = vec![("file", e.path.clone())];
        if let Some(l) = e.line {
            props.push(("line", l.to_string()));
        }
        if let Some(c) = e.column {
            props.push(("col", c.to_string()));
        }
        props.push(("title", "claimlint".to_string()));
        let level = if e.warning { "warning" } else { "error" };
        out.push_str(&command(level, &props, &e.message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped() {
        assert_eq!(
            escape_data("50% of a\r\nb: c, d"),
            "50%25 of a%0D%0Ab: c, d"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        // `%` first: an escape is never escaped again.
        assert_eq!(escape_property("%3A"), "%253A");
    }

    #[test]
    fn problems_are_annotations_too() {
        let mut p = Problem::plain("a, b.md", "bad: front matter".into());
        p.line = Some(3);
        assert_eq!(
            findings(&[], &[p]),
            "::error file=a%2C b.md,line=3,title=claimlint::bad: front matter\n"
        );
    }
}
