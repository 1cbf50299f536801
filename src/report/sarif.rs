//! SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards (GitHub code scanning,
//! Azure DevOps, IDE viewers).
//!
//! One run; `tool.driver` lists every loaded rule (id, title as short description,
//! description or message as full description, default level). One result per finding:
//! `ruleId` and `ruleIndex`, `level` from the severity (`error`, `warning`, `note` for
//! info), the message with the help, the primary site as the location and every other
//! site as a related location. Artifact URIs are the reported paths, `/`-separated and
//! percent-encoded: relative to the working directory, so run claimlint from the
//! repository's top for code scanning. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`). Files that could not be used are tool execution
//! notifications, and make `executionSuccessful` false.

use super::Problem;
use crate::finding::{Finding, Role, Site};
use crate::rules::{RuleSet, Severity};
use serde_json::{json, Value};

/// The schema URI written in the document.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A path as a URI reference: unreserved characters and `/` kept, every other byte
/// percent-encoded; absolute paths become `file://` URIs.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    let drive = matches!(path.as_bytes(), [d, b':', ..] if d.is_ascii_alphabetic());
    if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    for (i, b) in path.bytes().enumerate() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            b':' if drive && i == 1 => out.push(':'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(site: &Site) -> Value {
    let mut r = json!({
        "startLine": site.line,
        "startColumn": site.column,
        "byteOffset": site.span.start,
        "byteLength": site.span.len(),
        "snippet": { "text": site.text },
    });
    if !site.text.contains('\n') {
        set(&mut r, "endLine", json!(site.line));
        set(
            &mut r,
            "endColumn",
            json!(site.column + site.text.chars().count()),
        );
    }
    r
}

/// Sets a member of a JSON object (every value this module builds with `json!({...})`).
fn set(object: &mut Value, key: &str, value: Value) {
    if let Some(o) = object.as_object_mut() {
        o.insert(key.to_string(), value);
    }
}

fn physical(site: &Site) -> Value {
    json!({
        "artifactLocation": { "uri": uri(&site.path) },
        "region": region(site),
    })
}

fn result(f: &Finding, rules: &RuleSet) -> Value {
    let subject = if f.subject.is_empty() {
        String::new()
    } else {
        format!(" [{}]", f.subject)
    };
    let related: Vec<Value> = f
        .sites
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, s)| {
            let what = match s.role {
                Role::Agrees => "the same figure",
                _ => "conflicting claim",
            };
            json!({
                "id": i,
                "physicalLocation": physical(s),
                "message": { "text": format!("{what}: {}", s.label()) },
            })
        })
        .collect();
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "kind": "fail",
        "message": { "text": format!("{}{subject}: {}", f.message, f.help) },
        "locations": [ {
            "physicalLocation": physical(f.primary()),
            "message": { "text": f.primary().label() },
        } ],
        "relatedLocations": related,
        "properties": {
            "subject": f.subject,
            "outcome": f.outcome,
            "primaryArticles": f.primary_articles,
            "otherArticles": f.other_articles,
        },
    });
    if let Some(i) = rules.rules.iter().position(|x| x.id == f.rule) {
        set(&mut r, "ruleIndex", json!(i));
    }
    r
}

fn notification(p: &Problem) -> Value {
    let mut region = json!({});
    if let Some(l) = p.line {
        set(&mut region, "startLine", json!(l));
    }
    if let Some(c) = p.column {
        set(&mut region, "startColumn", json!(c));
    }
    let mut location = json!({ "artifactLocation": { "uri": uri(&p.path) } });
    if p.line.is_some() {
        set(&mut location, "region", region);
    }
    json!({
        "level": if p.warning { "warning" } else { "error" },
        "message": { "text": p.message },
        "locations": [ { "physicalLocation": location } ],
    })
}

/// The SARIF log of a `check` run: the rules, one result per finding, and the files that
/// could not be used.
pub fn findings(findings: &[Finding], rules: &RuleSet, errors: &[Problem]) -> String {
    let driver_rules: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.description.clone().unwrap_or_else(|| r.message.clone()) },
                "help": { "text": format!("claimlint explain {}", r.id) },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "kind": r.kind.name(), "file": r.file },
            })
        })
        .collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [ {
            "tool": { "driver": {
                "name": "claimlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            } },
            "invocations": [ {
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": errors.iter().map(notification).collect::<Vec<_>>(),
            } ],
            "columnKind": "unicodeCodePoints",
            "results": findings.iter().map(|f| result(f, rules)).collect::<Vec<_>>(),
        } ],
    });
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("news/a b.md"), "news/a%20b.md");
        assert_eq!(uri("news/é#1.md"), "news/%C3%A9%231.md");
        assert_eq!(uri("/srv/news/a.md"), "file:///srv/news/a.md");
        assert_eq!(uri("C:/news/a.md"), "file:///C:/news/a.md");
        assert_eq!(uri("../a.md"), "../a.md");
    }
}
