//! Baselines: findings accepted as they are, so that a check fails only on new ones.
//!
//! `claimlint baseline write FILE PATH...` records every finding of a check over PATH by
//! its [fingerprint](crate::fingerprint), which does not depend on lines or offsets;
//! `claimlint check --baseline FILE` then hides the findings recorded there and reports
//! the entries that match nothing any more as stale.
//!
//! The file is TOML, sorted by rule, subject and sites so that its diffs read well:
//!
//! ```toml
//! version = 1
//!
//! [[finding]]
//! fingerprint = "9c1f…"          # 64 hex digits: what is matched
//! rule = "territory.russia-control"
//! subject = ""
//! outcome = "contradiction"
//! sites = ["seeds/003.txt [19.25,19.35)", "seeds/004.txt [19.5,20.5)"]
//! reason = "the wire figure is as of February 5"   # optional
//! ```
//!
//! Only `fingerprint` is matched; `rule`, `subject`, `outcome` and `sites` are the text it
//! is the hash of, kept so that people can read (and review) what was accepted. Files are
//! written through a temporary file in the same folder and a rename
//! ([`crate::atomic::write_atomic`]), so
//! an interrupted write leaves the old file whole.

use crate::finding::Finding;
use crate::fingerprint;
use crate::hash::HashSet;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// The version of the baseline format this claimlint reads and writes.
pub const VERSION: u32 = 1;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The finding's fingerprint: 64 lowercase hex digits.
    pub fingerprint: String,
    /// The rule id.
    pub rule: String,
    /// The subject key.
    pub subject: String,
    /// `contradiction`, `change-over-time` or `stale`.
    pub outcome: String,
    /// The sites as `path interval`, sorted.
    pub sites: Vec<String>,
    /// Why the finding was accepted.
    pub reason: Option<String>,
    /// The entry's line in the file it was read from (0 for entries not read from a file).
    pub line: usize,
}

impl Entry {
    /// The entry for a finding.
    pub fn of(f: &Finding, reason: Option<String>) -> Entry {
        Entry {
            fingerprint: fingerprint::of(f),
            rule: f.rule.clone(),
            subject: f.subject.clone(),
            outcome: fingerprint::outcome_name(f.outcome).to_string(),
            sites: fingerprint::site_keys(f),
            reason,
            line: 0,
        }
    }

    /// One line for people: `rule [subject] (sites)`.
    pub fn describe(&self) -> String {
        let subject = if self.subject.is_empty() {
            String::new()
        } else {
            format!(" [{}]", self.subject)
        };
        format!("{}{subject} ({})", self.rule, self.sites.join(", "))
    }
}

/// A baseline: the accepted findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

/// A baseline file that cannot be read or parsed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}{}: {message}", place(*.line, *.column))]
pub struct BaselineError {
    /// The file.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// Line, from 1, when the problem has a place.
    pub line: Option<usize>,
    /// Column in characters, from 1, when the problem has a place.
    pub column: Option<usize>,
    /// Where the problem is in the file, when it has a place.
    pub at: Option<Box<ErrorPlace>>,
}

/// The place of a baseline error in its file, for pointing at it.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorPlace {
    /// The offending bytes.
    pub span: Range<usize>,
    /// The file's text.
    pub text: String,
}

fn place(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

impl BaselineError {
    fn plain(path: &str, message: String) -> BaselineError {
        BaselineError {
            path: path.to_string(),
            message,
            line: None,
            column: None,
            at: None,
        }
    }

    fn at(path: &str, text: &str, span: Range<usize>, message: String) -> BaselineError {
        let (line, column) = crate::article::line_col(text, span.start);
        BaselineError {
            path: path.to_string(),
            message,
            line: Some(line),
            column: Some(column),
            at: Some(Box::new(ErrorPlace {
                span,
                text: text.to_string(),
            })),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    version: toml::Spanned<u32>,
    #[serde(default)]
    finding: Vec<EntryDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDoc {
    fingerprint: toml::Spanned<String>,
    rule: String,
    #[serde(default)]
    subject: String,
    outcome: String,
    #[serde(default)]
    sites: Vec<String>,
    reason: Option<String>,
}

/// Reads the baseline at `path`.
pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
    let shown = crate::article::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| BaselineError::plain(&shown, format!("cannot read the baseline: {e}")))?;
    parse(&shown, &text)
}

/// Parses a baseline's text; `path` is used in errors.
pub fn parse(path: &str, text: &str) -> Result<Baseline, BaselineError> {
    let doc: FileDoc = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let end = span.end.max(span.start + 1).min(text.len());
        BaselineError::at(
            path,
            text,
            span.start.min(end)..end,
            format!(
                "not a baseline file: {}",
                crate::rules::toml_message(text, &e)
            ),
        )
    })?;
    if *doc.version.get_ref() != VERSION {
        return Err(BaselineError::at(
            path,
            text,
            doc.version.span(),
            format!(
                "baseline version {} is not one this claimlint reads (it reads version {VERSION})",
                doc.version.get_ref()
            ),
        ));
    }
    let mut entries = Vec::new();
    for e in doc.finding {
        let fp = e.fingerprint.get_ref();
        if fp.len() != 64
            || !fp
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Err(BaselineError::at(
                path,
                text,
                e.fingerprint.span(),
                "a fingerprint is 64 lowercase hex digits".to_string(),
            ));
        }
        let (line, _) = crate::article::line_col(text, e.fingerprint.span().start);
        entries.push(Entry {
            fingerprint: fp.clone(),
            rule: e.rule,
            subject: e.subject,
            outcome: e.outcome,
            sites: e.sites,
            reason: e.reason,
            line,
        });
    }
    Ok(Baseline { entries })
}

/// Findings against a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Filtered<'b> {
    /// The findings not in the baseline, in their order.
    pub new: Vec<Finding>,
    /// How many findings the baseline hid.
    pub hidden: usize,
    /// Entries that matched no finding.
    pub stale: Vec<&'b Entry>,
}

impl Baseline {
    /// The baseline of `findings`; an entry already in `previous` keeps its reason, new
    /// entries get `reason`. Entries are sorted by rule, subject, sites and fingerprint, and
    /// each fingerprint is listed once.
    pub fn of(findings: &[Finding], reason: Option<&str>, previous: Option<&Baseline>) -> Baseline {
        let kept: BTreeMap<&str, &Option<String>> = previous
            .map(|p| {
                p.entries
                    .iter()
                    .map(|e| (e.fingerprint.as_str(), &e.reason))
                    .collect()
            })
            .unwrap_or_default();
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| {
                let mut e = Entry::of(f, reason.map(str::to_string));
                if let Some(r) = kept.get(e.fingerprint.as_str()) {
                    e.reason = (*r).clone();
                }
                e
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.rule, &a.subject, &a.sites, &a.fingerprint).cmp(&(
                &b.rule,
                &b.subject,
                &b.sites,
                &b.fingerprint,
            ))
        });
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline { entries }
    }

    /// Splits `findings` into those the baseline does not hold and a count of those it
    /// does; entries that match none of them are stale.
    pub fn filter(&self, findings: Vec<Finding>) -> Filtered<'_> {
        let known: HashSet<&str> = self
            .entries
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut seen: HashSet<String> = HashSet::default();
        let mut new = Vec::new();
        let mut hidden = 0;
        for f in findings {
            let fp = fingerprint::of(&f);
            if known.contains(fp.as_str()) {
                hidden += 1;
                seen.insert(fp);
            } else {
                new.push(f);
            }
        }
        let stale = self
            .entries
            .iter()
            .filter(|e| !seen.contains(&e.fingerprint))
            .collect();
        Filtered { new, hidden, stale }
    }

    /// The file's text: a comment, the version, then one `[[finding]]` table per entry.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::from(
            "# claimlint baseline: findings accepted as they are (docs/review.md).\n\
             # `claimlint check --baseline FILE` hides them; rewrite with `claimlint baseline write`.\n",
        );
        out.push_str(&format!("version = {VERSION}\n"));
        for e in &self.entries {
            out.push_str("\n[[finding]]\n");
            out.push_str(&format!("fingerprint = {}\n", q(&e.fingerprint)));
            out.push_str(&format!("rule = {}\n", q(&e.rule)));
            out.push_str(&format!("subject = {}\n", q(&e.subject)));
            out.push_str(&format!("outcome = {}\n", q(&e.outcome)));
            out.push_str("sites = [\n");
            for s in &e.sites {
                out.push_str(&format!("    {},\n", q(s)));
            }
            out.push_str("]\n");
            if let Some(r) = &e.reason {
                out.push_str(&format!("reason = {}\n", q(r)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Role;
    use crate::fingerprint::tests::{finding, site};

    fn two() -> Vec<Finding> {
        vec![
            finding(
                "z.rule",
                vec![
                    site("a.txt", 1, "20%", "[19.5,20.5)", Role::Primary),
                    site("b.txt", 2, "17%", "[16.5,17.5)", Role::Conflicts),
                ],
            ),
            finding(
                "a.rule",
                vec![
                    site("c.txt", 5, "3", "[2.5,3.5)", Role::Primary),
                    site("d.txt", 6, "9", "[8.5,9.5)", Role::Conflicts),
                ],
            ),
        ]
    }

    #[test]
    fn round_trip_sorted_with_reasons() {
        let b = Baseline::of(&two(), Some("known \"wire\" figure"), None);
        assert_eq!(b.entries[0].rule, "a.rule", "sorted by rule");
        let text = b.to_toml();
        let back = parse("b.toml", &text).unwrap();
        assert_eq!(back.entries.len(), 2);
        for (x, y) in b.entries.iter().zip(&back.entries) {
            assert_eq!(
                (&x.fingerprint, &x.sites, &x.reason),
                (&y.fingerprint, &y.sites, &y.reason)
            );
        }
        assert_eq!(
            back.entries[0].reason.as_deref(),
            Some("known \"wire\" figure")
        );
        assert!(back.entries[0].line > 3, "lines are kept for notes");
        // The same findings give the same bytes.
        assert_eq!(
            Baseline::of(&two(), Some("known \"wire\" figure"), None).to_toml(),
            text
        );
    }

    #[test]
    fn rewriting_keeps_the_reasons_already_given() {
        let first = Baseline::of(&two()[..1], Some("first"), None);
        let second = Baseline::of(&two(), Some("second"), Some(&first));
        let reasons: Vec<_> = second
            .entries
            .iter()
            .map(|e| (e.rule.as_str(), e.reason.as_deref()))
            .collect();
        assert_eq!(
            reasons,
            [("a.rule", Some("second")), ("z.rule", Some("first"))]
        );
    }

    #[test]
    fn filter_hides_known_keeps_new_and_names_stale() {
        let b = Baseline::of(&two()[..1], None, None);
        let mut findings = two();
        findings.remove(0);
        let f = b.filter(findings.clone());
        assert_eq!((f.new.len(), f.hidden, f.stale.len()), (1, 0, 1));
        assert_eq!(f.stale[0].rule, "z.rule");
        let f = b.filter(two());
        assert_eq!((f.new.len(), f.hidden, f.stale.len()), (1, 1, 0));
        assert_eq!(f.new[0].rule, "a.rule");
    }

    #[test]
    fn bad_files_name_the_place() {
        let e = parse("b.toml", "version = 1\n[[finding]]\nrule = \"x\"\n").unwrap_err();
        assert!(e.to_string().starts_with("b.toml:"), "{e}");
        assert!(e.to_string().contains("fingerprint"), "{e}");
        let e = parse("b.toml", "version = 1\n[[finding]]\nrule = 2024-01-02\n").unwrap_err();
        assert!(
            e.to_string()
                .contains("invalid type: date-time `2024-01-02`"),
            "{e}"
        );
        let e = parse("b.toml", "version = 2\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.toml:1:11: baseline version 2 is not one this claimlint reads (it reads version 1)"
        );
        let e = parse(
            "b.toml",
            "version = 1\n\n[[finding]]\nfingerprint = \"xyz\"\nrule = \"r\"\noutcome = \"stale\"\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.toml:4:15: a fingerprint is 64 lowercase hex digits"
        );
        let e = parse("b.toml", "version = 1\nfindings = []\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = parse("b.toml", "this is [not toml").unwrap_err();
        assert_eq!(e.line, Some(1), "{e}");
        let e = load(Path::new("no/such/baseline.toml")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("no/such/baseline.toml: cannot read the baseline:"),
            "{e}"
        );
    }
}
