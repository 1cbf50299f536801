//! JSON reports: stable, versioned, documented in `docs/json.md`.

use super::{Problem, Summary, JSON_VERSION};
use crate::extract::Claim;
use crate::finding::Finding;
use serde::Serialize;

#[derive(Serialize)]
struct FindingsDoc<'a> {
    version: u32,
    findings: &'a [Finding],
    errors: &'a [Problem],
    summary: &'a Summary,
}

#[derive(Serialize)]
struct ClaimsDoc<'a> {
    version: u32,
    claims: Vec<ClaimView<'a>>,
    errors: &'a [Problem],
}

/// A claim as JSON shows it: the claim's own fields and the value read for people.
#[derive(Serialize)]
struct ClaimView<'a> {
    #[serde(flatten)]
    claim: &'a Claim,
    reading: String,
}

fn to_string<T: Serialize>(doc: &T) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut s =
        serde_json::to_string_pretty(doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The `check` report: every finding with all its sites, the files that could not be used,
/// and totals.
pub fn findings(findings: &[Finding], errors: &[Problem], summary: &Summary) -> String {
    to_string(&FindingsDoc {
        version: JSON_VERSION,
        findings,
        errors,
        summary,
    })
}

/// The `claims` report: every claim extracted.
pub fn claims(claims: &[Claim], errors: &[Problem]) -> String {
    to_string(&ClaimsDoc {
        version: JSON_VERSION,
        claims: claims
            .iter()
            .map(|claim| ClaimView {
                claim,
                reading: claim.reading(),
            })
            .collect(),
        errors,
    })
}
