//! Findings: plain data about a conflict, knowing nothing of how it is shown.
//!
//! A finding names the rule (its code), the subject, a severity and a message, and the
//! sites it involves: the first site is the primary one (the outlier, or the first article
//! of a two-sided disagreement), the others are the conflicting claims. When many articles
//! agree and one does not, the finding is about the one, and [`Agreement`] says how many
//! articles give the other value.

use crate::extract::{Claim, RefTime};
use crate::rules::Severity;
use serde::Serialize;
use std::ops::Range;

/// What kind of disagreement a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The figures cannot both be right: same or unknown reference time.
    Contradiction,
    /// The figures hold at different known times: the figure changed.
    ChangeOverTime,
    /// An article published later cites a figure for an earlier time than one already
    /// published: the primary site is out of date.
    Stale,
    /// A cumulative figure (`monotonic = "increasing"`) given for a later time is below the
    /// figure for an earlier time: the primary site is the lower, later figure.
    Decreased,
    /// A cumulative figure fell, and the text near the later figure says it was revised
    /// ("revised down", "lowered", "corrected").
    Revised,
}

impl Outcome {
    /// The outcome's code, as `claimlint explain` knows it.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Contradiction => "contradiction",
            Outcome::ChangeOverTime => "change-over-time",
            Outcome::Stale => "stale",
            Outcome::Decreased => "decreased",
            Outcome::Revised => "revised",
        }
    }
}

/// The part a site plays in a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The claim the finding is about.
    Primary,
    /// Another claim on the primary's side (same value, another article).
    Agrees,
    /// A claim that conflicts with the primary.
    Conflicts,
}

/// One claim as a finding shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Site {
    /// The article, relative and `/`-separated.
    pub path: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Byte span of the value in the file.
    pub span: Range<usize>,
    /// The value as written.
    pub text: String,
    /// The value's interval in range notation (`[19.25,19.35)`).
    pub interval: String,
    /// The interval for readers (`19.25–19.35%`).
    pub reading: String,
    /// When the figure holds.
    pub reference: RefTime,
    /// Who the sentence says the figure comes from.
    pub source: Option<crate::extract::attribution::Attribution>,
    /// The site's part in the finding.
    pub role: Role,
    /// For a relation's finding: the term the claim stands for (`whole: who=civilian+military`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

impl Site {
    /// The site of a claim.
    pub fn of(claim: &Claim, role: Role) -> Site {
        Site {
            path: claim.path.to_string(),
            line: claim.line,
            column: claim.column,
            span: claim.span.clone(),
            text: claim.text.clone(),
            interval: match &claim.value {
                Ok(iv) => iv.notation(),
                Err(_) => String::new(),
            },
            reading: claim.reading(),
            reference: claim.reference.clone(),
            source: claim.source.as_deref().cloned(),
            role,
            term: None,
        }
    }

    /// The label put under the value: "20 per cent (reads as 19.5–20.5%), as of February 5".
    pub fn label(&self) -> String {
        let mut s = if self.reading == self.text {
            self.text.clone()
        } else {
            format!("{} (reads as {})", self.text, self.reading)
        };
        match &self.reference {
            RefTime::Unknown => {}
            r => {
                s.push_str(", ");
                s.push_str(&r.describe());
            }
        }
        if let Some(a) = &self.source {
            s.push_str(", according to ");
            s.push_str(a.short());
        }
        s
    }

    /// The file name without its folders, for short mentions in help text.
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// How many articles give the value the primary conflicts with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Articles on the other side.
    pub articles: usize,
    /// The value as most of them write it.
    pub text: String,
    /// That value for readers.
    pub reading: String,
}

/// A conflict between claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id: the diagnostic code.
    pub rule: String,
    /// The subject key the claims share.
    pub subject: String,
    /// How bad it is.
    pub severity: Severity,
    /// Contradiction or change over time.
    pub outcome: Outcome,
    /// The headline.
    pub message: String,
    /// Why, in a sentence or two.
    pub help: String,
    /// The claims involved; the first is primary. At most [`MAX_SITES_PER_SIDE`] from each
    /// side; the counts are in `primary_articles` and `other_articles`.
    pub sites: Vec<Site>,
    /// Articles on the primary's side.
    pub primary_articles: usize,
    /// Articles on the other side.
    pub other_articles: usize,
    /// Set when the other side is the majority: the value most articles give.
    pub agreeing: Option<Agreement>,
}

/// The primary site of a finding that has none.
static NO_SITE: Site = Site {
    path: String::new(),
    line: 0,
    column: 0,
    span: 0..0,
    text: String::new(),
    interval: String::new(),
    reading: String::new(),
    reference: RefTime::Unknown,
    source: None,
    role: Role::Primary,
    term: None,
};

/// The most sites a finding lists from each side; the rest are counted.
pub const MAX_SITES_PER_SIDE: usize = 3;

impl Finding {
    /// The primary site: the first. The engine makes no finding without one; a finding
    /// built with no sites has an empty site here rather than a panic.
    pub fn primary(&self) -> &Site {
        self.sites.first().unwrap_or(&NO_SITE)
    }

    /// The key findings are sorted by: primary path and position, then rule and subject.
    pub fn sort_key(&self) -> (&str, usize, &str, &str) {
        let p = self.primary();
        (&p.path, p.span.start, &self.rule, &self.subject)
    }
}

/// Sorts findings into their reporting order.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_without_sites_has_an_empty_primary_site() {
        let f = Finding {
            rule: "r".into(),
            subject: String::new(),
            severity: Severity::Error,
            outcome: Outcome::Contradiction,
            message: String::new(),
            help: String::new(),
            sites: Vec::new(),
            primary_articles: 0,
            other_articles: 0,
            agreeing: None,
        };
        assert_eq!(f.primary().path, "");
        assert_eq!(f.sort_key(), ("", 0, "r", ""));
    }
}
