//! `check --statistics`: how many findings of each rule and severity, most first.

use crate::finding::Finding;
use crate::rules::Severity;
use std::collections::BTreeMap;

/// A table of counts per rule and severity (most first, then by rule), and a line of
/// totals per severity.
pub fn statistics(findings: &[Finding]) -> String {
    let mut counts: BTreeMap<(&str, std::cmp::Reverse<Severity>), usize> = BTreeMap::new();
    for f in findings {
        *counts
            .entry((f.rule.as_str(), std::cmp::Reverse(f.severity)))
            .or_default() += 1;
    }
    let mut rows: Vec<(usize, &str, Severity)> = counts
        .into_iter()
        .map(|((rule, sev), n)| (n, rule, sev.0))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(b.2.cmp(&a.2)));
    let width = rows
        .iter()
        .map(|r| r.0.to_string().len())
        .max()
        .unwrap_or(1)
        .max("COUNT".len());
    let mut out = format!("{:>width$}  {:<8}  RULE\n", "COUNT", "SEVERITY");
    for (n, rule, sev) in &rows {
        out.push_str(&format!("{n:>width$}  {:<8}  {rule}\n", sev.to_string()));
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    out.push_str(&format!(
        "{} {}: {} error, {} warning, {} info\n",
        findings.len(),
        if findings.len() == 1 {
            "finding"
        } else {
            "findings"
        },
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    ));
    out
}
