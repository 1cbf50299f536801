//! Fingerprints: an identity for a finding that survives edits which move it.
//!
//! A finding's line, column and byte span change whenever text is added above it, so none
//! of them is part of its identity. The fingerprint is the BLAKE3 hash, as 64 lowercase hex
//! digits, of this canonical text (UTF-8, each line ending in `\n`):
//!
//! ```text
//! claimlint-finding-v1
//! rule <rule id>
//! subject <subject key, empty when the rule has none>
//! outcome <contradiction | change-over-time | stale>
//! site <article path> <interval>        one line per listed site, sorted, duplicates kept
//! ```
//!
//! - the article path is the path as reports show it (relative as given, `/`-separated);
//! - the interval is the value's range notation (`[19.25,19.35)`): the value as read, not as
//!   written, so rewording "20%" as "20 per cent" keeps the fingerprint, while a new figure
//!   makes a new one;
//! - sites are sorted, so which side is primary does not matter; the role of each site and
//!   the severity (a config setting) are left out.
//!
//! The baseline ([`crate::baseline`]) and `claimlint diff` ([`crate::diff`]) both match
//! findings this way. Interval notation formats numbers with Rust's shortest round-trip
//! float printing, which is the same on every platform.

use crate::finding::{Finding, Outcome};

/// The first line of the canonical text: bumped if its form ever changes.
pub const SCHEME: &str = "claimlint-finding-v1";

/// The outcome's name, as JSON and the canonical text spell it.
pub fn outcome_name(o: Outcome) -> &'static str {
    o.code()
}

/// One site as the canonical text and the baseline list it: `path interval`.
pub fn site_key(path: &str, interval: &str) -> String {
    format!("{path} {interval}")
}

/// The sorted `path interval` keys of a finding's sites.
pub fn site_keys(f: &Finding) -> Vec<String> {
    let mut keys: Vec<String> = f
        .sites
        .iter()
        .map(|s| site_key(&s.path, &s.interval))
        .collect();
    keys.sort();
    keys
}

/// The canonical text a finding's fingerprint is the hash of.
pub fn canonical(f: &Finding) -> String {
    let mut s = format!(
        "{SCHEME}\nrule {}\nsubject {}\noutcome {}\n",
        f.rule,
        f.subject,
        outcome_name(f.outcome)
    );
    for k in site_keys(f) {
        s.push_str("site ");
        s.push_str(&k);
        s.push('\n');
    }
    s
}

/// The finding's fingerprint: BLAKE3 of [`canonical`], 64 hex digits.
pub fn of(f: &Finding) -> String {
    blake3::hash(canonical(f).as_bytes()).to_hex().to_string()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::RefTime;
    use crate::finding::{Role, Site};
    use crate::rules::Severity;

    pub(crate) fn site(path: &str, line: usize, text: &str, interval: &str, role: Role) -> Site {
        Site {
            path: path.into(),
            line,
            column: 1,
            span: line * 100..line * 100 + text.len(),
            text: text.into(),
            interval: interval.into(),
            reading: text.into(),
            reference: RefTime::Unknown,
            role,
            source: None,
            term: None,
        }
    }

    pub(crate) fn finding(rule: &str, sites: Vec<Site>) -> Finding {
        Finding {
            rule: rule.into(),
            subject: String::new(),
            severity: Severity::Error,
            outcome: Outcome::Contradiction,
            message: "m".into(),
            help: "h".into(),
            sites,
            primary_articles: 1,
            other_articles: 1,
            agreeing: None,
        }
    }

    #[test]
    fn the_canonical_text_is_documented_and_the_hash_is_fixed() {
        let f = finding(
            "territory.russia-control",
            vec![
                site("b.txt", 3, "20 per cent", "[19.5,20.5)", Role::Primary),
                site("a.txt", 9, "19.3%", "[19.25,19.35)", Role::Conflicts),
            ],
        );
        assert_eq!(
            canonical(&f),
            "claimlint-finding-v1\nrule territory.russia-control\nsubject \noutcome contradiction\n\
             site a.txt [19.25,19.35)\nsite b.txt [19.5,20.5)\n"
        );
        // Pinned: a change here invalidates every baseline written so far.
        assert_eq!(
            of(&f),
            "948a65e22c22a8294680e1b067ec79fb09dc57fecd9a44d5a522889348151734"
        );
    }

    #[test]
    fn positions_wording_roles_and_severity_do_not_change_it() {
        let a = finding(
            "r",
            vec![
                site("a.txt", 1, "20%", "[19.5,20.5)", Role::Primary),
                site("b.txt", 2, "17%", "[16.5,17.5)", Role::Conflicts),
            ],
        );
        let mut b = finding(
            "r",
            vec![
                site("b.txt", 40, "17 per cent", "[16.5,17.5)", Role::Primary),
                site("a.txt", 7, "20 percent", "[19.5,20.5)", Role::Conflicts),
            ],
        );
        b.severity = Severity::Warning;
        b.message = "other".into();
        assert_eq!(of(&a), of(&b));
    }

    #[test]
    fn rule_subject_outcome_paths_and_values_do() {
        let base = || {
            finding(
                "r",
                vec![
                    site("a.txt", 1, "20%", "[19.5,20.5)", Role::Primary),
                    site("b.txt", 2, "17%", "[16.5,17.5)", Role::Conflicts),
                ],
            )
        };
        let fp = of(&base());
        let mut x = base();
        x.rule = "s".into();
        assert_ne!(of(&x), fp);
        let mut x = base();
        x.subject = "who=military".into();
        assert_ne!(of(&x), fp);
        let mut x = base();
        x.outcome = Outcome::Stale;
        assert_ne!(of(&x), fp);
        let mut x = base();
        x.sites[1].path = "c.txt".into();
        assert_ne!(of(&x), fp);
        let mut x = base();
        x.sites[1].interval = "[15.5,16.5)".into();
        assert_ne!(of(&x), fp);
    }
}
