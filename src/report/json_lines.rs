//! JSON Lines (`--format json-lines`): one finding per line, for streaming tools (`jq -c`,
//! log shippers). Each line is the finding object of `--format json` with the format's
//! `version` first; files that could not be used are not lines (they go to stderr).

use super::JSON_VERSION;
use crate::finding::Finding;
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    version: u32,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// Every finding as one line of compact JSON, in the order given.
pub fn findings(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let line = Line {
            version: JSON_VERSION,
            finding,
        };
        // Serialising plain structs of strings and numbers cannot fail.
        match serde_json::to_string(&line) {
            Ok(s) => out.push_str(&s),
            Err(e) => out.push_str(&serde_json::json!({ "error": e.to_string() }).to_string()),
        }
        out.push('\n');
    }
    out
}
