//! The editorial diff: two versions of one article, compared as text, as claims and as
//! conflicts with the rest of a corpus (`claimlint diff`, docs/review.md).
//!
//! - **Text**: a word-level diff (Myers' algorithm over words and runs of white space, from
//!   the `similar` crate), cut into hunks that show a few words of context on the changed
//!   line only, so a change in a 1,000-character paragraph shows as one short line.
//! - **Claims**: the claims of both versions grouped by rule and subject. A claim with the
//!   same value (its interval) and the same reference time in both is unchanged; the
//!   others are paired in order of position within their group (changed), and what is left
//!   appeared or vanished.
//! - **Conflicts**: the corpus is compared once with the old version and once with the new,
//!   the article under the same path both times, and the two lists of findings are matched
//!   by [fingerprint](crate::fingerprint). Findings the article plays no part in are the
//!   same in both runs and cancel out; what is left was introduced or resolved by the edit.
//!   An introduced finding with the rule, subject and outcome of a resolved one is the same
//!   conflict with other figures (20% against 19.3% became 21% against 19.3%): it is listed
//!   as changed, and is not a new conflict.

use crate::extract::Claim;
use crate::finding::{Finding, Role, Site};
use crate::hash::HashMap;
use crate::rules::RuleSet;
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use std::collections::BTreeMap;

/// Words of context shown on each side of a change.
pub const CONTEXT_WORDS: usize = 6;

/// What a part of a hunk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    /// In both versions.
    Equal,
    /// Only in the old version.
    Delete,
    /// Only in the new version.
    Insert,
}

/// A run of text of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// Which version holds it.
    pub op: Op,
    /// The text.
    pub text: String,
}

/// Changes close together, with their context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hunk {
    /// The line, from 1, where the hunk starts in the old version.
    pub old_line: usize,
    /// The line, from 1, where the hunk starts in the new version.
    pub new_line: usize,
    /// Whether the line goes on before the first part (shown as `…`).
    pub cut_before: bool,
    /// Whether the line goes on after the last part.
    pub cut_after: bool,
    /// Context, deletions and insertions, in order.
    pub parts: Vec<Part>,
}

/// The last `n` words of the last line of `s`, and whether that line has more before them.
fn tail_words(s: &str, n: usize) -> (&str, bool) {
    let line_start = s.rfind('\n').map_or(0, |i| i + 1);
    let line = s.get(line_start..).unwrap_or_default();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in line.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                in_word = false;
                if words == n {
                    let cut = !line.get(..i).unwrap_or_default().trim().is_empty();
                    return (line.get(i + c.len_utf8()..).unwrap_or_default(), cut);
                }
            }
        } else {
            in_word = true;
        }
    }
    if n == 0 {
        return ("", !line.trim().is_empty());
    }
    (line, false)
}

/// The first `n` words of the first line of `s`, and whether that line has more after them.
fn head_words(s: &str, n: usize) -> (&str, bool) {
    let line = s.get(..s.find('\n').unwrap_or(s.len())).unwrap_or_default();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                in_word = false;
                if words == n {
                    return (
                        line.get(..i).unwrap_or_default(),
                        !line.get(i..).unwrap_or_default().trim().is_empty(),
                    );
                }
            }
        } else {
            in_word = true;
        }
    }
    if n == 0 {
        return ("", !line.trim().is_empty());
    }
    (line, false)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A run of one kind of text, with the old and new lines it starts on.
type Run = (Op, String, usize, usize);

/// Merges the changes between which only a space on the same line is equal into one
/// deletion and one insertion (`[-20%-]{+17 per cent+}`, not `[-20%-]{+17+} {+per cent +}`),
/// then moves white space that both ends of a change share back out into the context.
fn blocks(runs: Vec<Run>) -> Vec<Run> {
    let is_gap = |r: &Run| r.0 == Op::Equal && !r.1.contains('\n') && r.1.trim().is_empty();
    let mut out: Vec<Run> = Vec::new();
    let mut k = 0;
    while let Some(r) = runs.get(k) {
        if r.0 == Op::Equal {
            out.push(r.clone());
            k += 1;
            continue;
        }
        let (ol, nl) = (r.2, r.3);
        let (mut del, mut ins) = (String::new(), String::new());
        while let Some(r) = runs.get(k) {
            match r.0 {
                Op::Delete => del.push_str(&r.1),
                Op::Insert => ins.push_str(&r.1),
                Op::Equal if is_gap(r) && runs.get(k + 1).is_some_and(|x| x.0 != Op::Equal) => {
                    del.push_str(&r.1);
                    ins.push_str(&r.1);
                }
                Op::Equal => break,
            }
            k += 1;
        }
        let mut before = String::new();
        let mut after = String::new();
        if !del.is_empty() && !ins.is_empty() {
            let common = |a: &str, b: &str, rev: bool| -> usize {
                let (x, y): (Vec<char>, Vec<char>) = if rev {
                    (a.chars().rev().collect(), b.chars().rev().collect())
                } else {
                    (a.chars().collect(), b.chars().collect())
                };
                x.iter()
                    .zip(&y)
                    .take_while(|(p, q)| p == q && p.is_whitespace() && **p != '\n')
                    .map(|(p, _)| p.len_utf8())
                    .sum()
            };
            let tail = common(&del, &ins, true);
            after = del.get(del.len() - tail..).unwrap_or_default().to_string();
            del.truncate(del.len() - tail);
            ins.truncate(ins.len() - tail);
            let head = common(&del, &ins, false);
            before = del.get(..head).unwrap_or_default().to_string();
            del.drain(..head);
            ins.drain(..head);
        }
        if !before.is_empty() {
            match out.last_mut() {
                Some(last) if last.0 == Op::Equal => last.1.push_str(&before),
                _ => out.push((Op::Equal, before, ol, nl)),
            }
        }
        if !del.is_empty() {
            out.push((Op::Delete, del, ol, nl));
        }
        if !ins.is_empty() {
            out.push((Op::Insert, ins, ol, nl));
        }
        if !after.is_empty() {
            match runs.get(k) {
                Some(next) if next.0 == Op::Equal => {
                    let mut next = next.clone();
                    next.1.insert_str(0, &after);
                    out.push(next);
                    k += 1;
                }
                _ => out.push((Op::Equal, after, ol, nl)),
            }
        }
    }
    out
}

/// The word-level diff of `old` and `new` as hunks with `context` words each side.
pub fn hunks(old: &str, new: &str, context: usize) -> Vec<Hunk> {
    let diff = TextDiff::configure().diff_words(old, new);
    // Runs of one kind, with the lines they start on.
    let mut runs: Vec<Run> = Vec::new();
    let (mut old_line, mut new_line) = (1, 1);
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        let value = change.value();
        match runs.last_mut() {
            Some((last, text, _, _)) if *last == op => text.push_str(value),
            _ => runs.push((op, value.to_string(), old_line, new_line)),
        }
        let breaks = value.matches('\n').count();
        if op != Op::Insert {
            old_line += breaks;
        }
        if op != Op::Delete {
            new_line += breaks;
        }
    }
    let runs = blocks(runs);
    let mut out: Vec<Hunk> = Vec::new();
    let mut current: Option<Hunk> = None;
    let n = runs.len();
    for (k, (op, text, ol, nl)) in runs.iter().enumerate() {
        if *op != Op::Equal {
            if current.is_none() {
                current = Some(Hunk {
                    old_line: *ol,
                    new_line: *nl,
                    cut_before: false,
                    cut_after: false,
                    parts: Vec::new(),
                });
            }
            if let Some(h) = current.as_mut() {
                h.parts.push(Part {
                    op: *op,
                    text: text.clone(),
                });
            }
            continue;
        }
        let first = k == 0;
        let last = k + 1 == n;
        // Equal text between two changes on one line, short enough: one hunk.
        if !first && !last && !text.contains('\n') && words(text) <= 2 * context {
            if let Some(h) = current.as_mut() {
                h.parts.push(Part {
                    op: Op::Equal,
                    text: text.clone(),
                });
            }
            continue;
        }
        if let Some(mut h) = current.take() {
            let (after, cut) = head_words(text, context);
            if !after.is_empty() {
                h.parts.push(Part {
                    op: Op::Equal,
                    text: after.to_string(),
                });
            }
            h.cut_after = cut;
            out.push(h);
        }
        if !last {
            let (before, cut) = tail_words(text, context);
            // The hunk starts on the line the change is on: the equal text's last line.
            let breaks = text.matches('\n').count();
            let (ol, nl) = (ol + breaks, nl + breaks);
            let mut h = Hunk {
                old_line: ol,
                new_line: nl,
                cut_before: cut,
                cut_after: false,
                parts: Vec::new(),
            };
            if !before.is_empty() {
                h.parts.push(Part {
                    op: Op::Equal,
                    text: before.to_string(),
                });
            }
            current = Some(h);
        }
    }
    if let Some(h) = current {
        out.push(h);
    }
    out
}

/// One claim of one version, for the claim diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimSite {
    /// The rule's id.
    pub rule: String,
    /// The subject key.
    pub subject: String,
    /// Where it is and what it says (`path` is the version's name).
    #[serde(flatten)]
    pub site: Site,
}

/// A claim whose value changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimChange {
    /// The rule's id.
    pub rule: String,
    /// The subject key.
    pub subject: String,
    /// The claim in the old version.
    pub old: Site,
    /// The claim in the new version.
    pub new: Site,
}

/// How the claims of the two versions differ.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClaimDiff {
    /// Same rule and subject, another value or reference time; by position in the new
    /// version.
    pub changed: Vec<ClaimChange>,
    /// Only in the new version.
    pub appeared: Vec<ClaimSite>,
    /// Only in the old version.
    pub vanished: Vec<ClaimSite>,
    /// Claims the same in both.
    pub unchanged: usize,
}

/// What makes two claims of the same rule and subject the same.
fn value_key(c: &Claim) -> (String, String) {
    let value = match &c.value {
        Ok(iv) => iv.notation(),
        Err(e) => format!("unresolved: {e}"),
    };
    (value, c.reference.describe())
}

fn site(c: &Claim, name: &str) -> Site {
    let mut s = Site::of(c, Role::Primary);
    s.path = name.to_string();
    s
}

/// The claim diff of two versions; sites are named `old_name` and `new_name`.
pub fn claims(old: &[Claim], new: &[Claim], old_name: &str, new_name: &str) -> ClaimDiff {
    type Group<'a> = (Vec<&'a Claim>, Vec<&'a Claim>);
    let mut groups: BTreeMap<(&str, &str), Group> = BTreeMap::new();
    for c in old {
        groups.entry((&c.rule, &c.subject)).or_default().0.push(c);
    }
    for c in new {
        groups.entry((&c.rule, &c.subject)).or_default().1.push(c);
    }
    let mut out = ClaimDiff::default();
    for ((rule, subject), (mut o, mut n)) in groups {
        o.sort_by_key(|c| c.span.start);
        n.sort_by_key(|c| c.span.start);
        // Same value, same time: unchanged, matched first so an inserted claim does not
        // shift every pairing after it.
        let mut taken = vec![false; o.len()];
        let mut rest_new = Vec::new();
        for c in n {
            let key = value_key(c);
            let unused = o.iter().zip(taken.iter_mut());
            match unused
                .into_iter()
                .find(|(c, t)| !**t && value_key(c) == key)
            {
                Some((_, t)) => {
                    *t = true;
                    out.unchanged += 1;
                }
                None => rest_new.push(c),
            }
        }
        let rest_old: Vec<&Claim> = o
            .into_iter()
            .zip(taken)
            .filter(|(_, t)| !t)
            .map(|(c, _)| c)
            .collect();
        let pairs = rest_old.len().min(rest_new.len());
        for (a, b) in rest_old.iter().zip(&rest_new) {
            out.changed.push(ClaimChange {
                rule: rule.to_string(),
                subject: subject.to_string(),
                old: site(a, old_name),
                new: site(b, new_name),
            });
        }
        let view = |c: &Claim, name: &str| ClaimSite {
            rule: rule.to_string(),
            subject: subject.to_string(),
            site: site(c, name),
        };
        out.vanished
            .extend(rest_old.iter().skip(pairs).map(|c| view(c, old_name)));
        out.appeared
            .extend(rest_new.iter().skip(pairs).map(|c| view(c, new_name)));
    }
    out.changed
        .sort_by_key(|c| (c.new.span.start, c.old.span.start));
    out.appeared.sort_by_key(|c| c.site.span.start);
    out.vanished.sort_by_key(|c| c.site.span.start);
    out
}

/// A finding with its fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyed {
    /// See [`crate::fingerprint`].
    pub fingerprint: String,
    /// The finding.
    #[serde(flatten)]
    pub finding: Finding,
}

/// Conflicts the edit made and unmade.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FindingDiff {
    /// In the run with the new version only.
    pub introduced: Vec<Keyed>,
    /// In the run with the old version only.
    pub resolved: Vec<Keyed>,
    /// A conflict of the old run and one of the new with the same rule, subject and
    /// outcome but other sites or values: the conflict goes on, with other figures.
    pub changed: Vec<ConflictChange>,
}

/// A conflict that the edit changed but did not settle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictChange {
    /// As it was.
    pub old: Keyed,
    /// As it is.
    pub new: Keyed,
}

/// The findings of `after` not in `before` (introduced) and of `before` not in `after`
/// (resolved), matched by fingerprint, each fingerprint counted as often as it occurs.
pub fn findings(before: Vec<Finding>, after: Vec<Finding>) -> FindingDiff {
    fn minus(a: Vec<Finding>, b: &[Finding]) -> Vec<Keyed> {
        let mut counts: HashMap<String, usize> = HashMap::default();
        for f in b {
            *counts.entry(crate::fingerprint::of(f)).or_default() += 1;
        }
        a.into_iter()
            .filter_map(|f| {
                let fingerprint = crate::fingerprint::of(&f);
                match counts.get_mut(&fingerprint) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        None
                    }
                    _ => Some(Keyed {
                        fingerprint,
                        finding: f,
                    }),
                }
            })
            .collect()
    }
    let mut resolved = minus(before.clone(), &after);
    let mut introduced = Vec::new();
    let mut changed = Vec::new();
    for k in minus(after, &before) {
        let f = &k.finding;
        let same = |r: &Keyed| {
            (&r.finding.rule, &r.finding.subject, r.finding.outcome)
                == (&f.rule, &f.subject, f.outcome)
        };
        match resolved.iter().position(same) {
            Some(i) => changed.push(ConflictChange {
                old: resolved.remove(i),
                new: k,
            }),
            None => introduced.push(k),
        }
    }
    FindingDiff {
        introduced,
        resolved,
        changed,
    }
}

/// One version of the article: its name in reports and its claims, extracted under the
/// path both versions share in comparison.
#[derive(Debug, Clone)]
pub struct Version {
    /// The name reports give it: a path, or `REV:path`.
    pub name: String,
    /// The path its claims carry, the same for both versions, so that findings match.
    pub path: String,
    /// The whole text.
    pub text: String,
    /// Its claims (suppressions applied).
    pub claims: Vec<Claim>,
}

/// The editorial diff of two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The old version's name.
    pub old: String,
    /// The new version's name.
    pub new: String,
    /// The word diff.
    pub hunks: Vec<Hunk>,
    /// The claims that changed.
    pub claims: ClaimDiff,
    /// The conflicts introduced and resolved.
    pub conflicts: FindingDiff,
    /// How many other articles the versions were compared with.
    pub corpus_articles: usize,
}

/// Diffs `old` and `new`, comparing each with `corpus` (the other articles' claims).
pub fn diff(
    rules: &RuleSet,
    old: &Version,
    new: &Version,
    corpus: &[Claim],
    corpus_articles: usize,
) -> Diff {
    let with = |v: &Version| {
        let mut all = corpus.to_vec();
        all.extend(v.claims.iter().cloned());
        crate::compare::compare(rules, &all)
    };
    let mut conflicts = findings(with(old), with(new));
    // Sites are shown under each version's name (fingerprints keep the shared path).
    let rename = |k: &mut Keyed, v: &Version| {
        for site in &mut k.finding.sites {
            if site.path == v.path {
                site.path = v.name.clone();
            }
        }
    };
    conflicts.introduced.iter_mut().for_each(|k| rename(k, new));
    conflicts.resolved.iter_mut().for_each(|k| rename(k, old));
    for c in &mut conflicts.changed {
        rename(&mut c.old, old);
        rename(&mut c.new, new);
    }
    Diff {
        old: old.name.clone(),
        new: new.name.clone(),
        hunks: hunks(&old.text, &new.text, CONTEXT_WORDS),
        claims: claims(&old.claims, &new.claims, &old.name, &new.name),
        conflicts,
        corpus_articles,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn subject(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" [{s}]")
    }
}

/// A site's value for people: "20 per cent, as of February 5"; the reference time only
/// when the text gives one, or when `always`.
fn value(s: &Site, always: bool) -> String {
    match &s.reference {
        crate::extract::RefTime::Unknown => s.text.clone(),
        r @ crate::extract::RefTime::Explicit { .. } => format!("{}, {}", s.text, r.describe()),
        r if always => format!("{}, {}", s.text, r.describe()),
        _ => s.text.clone(),
    }
}

/// The diff for people: the word diff in `[-old-]{+new+}` form, then the claims, then
/// the conflicts.
pub fn human(d: &Diff) -> String {
    let mut out = format!("--- {}\n+++ {}\n", d.old, d.new);
    if d.hunks.is_empty() {
        out.push_str("text: no change\n");
    }
    for h in &d.hunks {
        out.push_str(&format!("@@ -{} +{} @@\n", h.old_line, h.new_line));
        let mut line = String::new();
        if h.cut_before {
            line.push('…');
        }
        for p in &h.parts {
            match p.op {
                Op::Equal => line.push_str(&p.text),
                Op::Delete => line.push_str(&format!("[-{}-]", p.text)),
                Op::Insert => line.push_str(&format!("{{+{}+}}", p.text)),
            }
        }
        if h.cut_after {
            line.push('…');
        }
        out.push_str(line.trim_end_matches('\n'));
        out.push('\n');
    }
    let c = &d.claims;
    out.push_str(&format!(
        "\nclaims: {} changed, {} appeared, {} vanished, {} unchanged\n",
        c.changed.len(),
        c.appeared.len(),
        c.vanished.len(),
        c.unchanged
    ));
    for ch in &c.changed {
        // The times are shown when they are what changed.
        let times = ch.old.reference != ch.new.reference;
        out.push_str(&format!(
            "  changed   {}{}: {} → {} (line {} → {})\n",
            ch.rule,
            subject(&ch.subject),
            value(&ch.old, times),
            value(&ch.new, times),
            ch.old.line,
            ch.new.line
        ));
    }
    for (what, list) in [("appeared", &c.appeared), ("vanished", &c.vanished)] {
        for s in list {
            out.push_str(&format!(
                "  {what:<9} {}{}: {} (line {})\n",
                s.rule,
                subject(&s.subject),
                value(&s.site, false),
                s.site.line
            ));
        }
    }
    let f = &d.conflicts;
    let against = if d.corpus_articles == 0 {
        "conflicts within the article".to_string()
    } else {
        format!(
            "conflicts with {}",
            plural(d.corpus_articles, "other article", "other articles")
        )
    };
    out.push_str(&format!(
        "\n{against}: {} introduced, {} resolved, {} changed\n",
        f.introduced.len(),
        f.resolved.len(),
        f.changed.len()
    ));
    let head = |what: &str, x: &Finding| {
        format!(
            "  {what:<10} {}[{}]: {}{}\n",
            x.severity,
            x.rule,
            x.message,
            subject(&x.subject)
        )
    };
    let sites = |lead: &str, x: &Finding| {
        let sites: Vec<String> = x
            .sites
            .iter()
            .map(|s| format!("{}:{} {}", s.path, s.line, value(s, false)))
            .collect();
        format!("  {lead:>10} {}\n", sites.join(" ↔ "))
    };
    for (what, list) in [("introduced", &f.introduced), ("resolved", &f.resolved)] {
        for k in list {
            out.push_str(&head(what, &k.finding));
            out.push_str(&sites("", &k.finding));
        }
    }
    for c in &f.changed {
        out.push_str(&head("changed", &c.new.finding));
        out.push_str(&sites("was", &c.old.finding));
        out.push_str(&sites("now", &c.new.finding));
    }
    out
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    #[serde(flatten)]
    diff: &'a Diff,
}

/// The diff as one JSON document (docs/review.md).
pub fn json(d: &Diff) -> String {
    let doc = Doc {
        version: crate::report::JSON_VERSION,
        diff: d,
    };
    // Plain structs of strings and numbers always serialise.
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(h: &[Hunk]) -> Vec<String> {
        let d = Diff {
            old: "a".into(),
            new: "b".into(),
            hunks: h.to_vec(),
            claims: ClaimDiff::default(),
            conflicts: FindingDiff::default(),
            corpus_articles: 0,
        };
        human(&d)
            .lines()
            .skip(2)
            .take_while(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_change_in_a_long_line_shows_a_few_words_around_it() {
        let words: Vec<String> = (0..200).map(|i| format!("w{i}")).collect();
        let old = format!("Title\n{}\nEnd.\n", words.join(" "));
        let new = old.replace(" w100 ", " W100 ");
        assert_eq!(
            render(&hunks(&old, &new, 3)),
            [
                "@@ -2 +2 @@",
                "…w97 w98 w99 [-w100-]{+W100+} w101 w102 w103…"
            ]
        );
    }

    #[test]
    fn nearby_changes_share_a_hunk_and_distant_ones_do_not() {
        let old = "a b c d e f g h i j k l m n o p q r s t\n";
        let new = "a B c d e f g h i j k l m n o p q r S t\n";
        assert_eq!(
            render(&hunks(old, new, 2)),
            [
                "@@ -1 +1 @@",
                "a [-b-]{+B+} c d…",
                "@@ -1 +1 @@",
                "…q r [-s-]{+S+} t"
            ]
        );
        let new = "a B c D e f g h i j k l m n o p q r s t\n";
        assert_eq!(
            render(&hunks(old, new, 2)),
            ["@@ -1 +1 @@", "a [-b-]{+B+} c [-d-]{+D+} e f…"]
        );
    }

    #[test]
    fn a_change_of_several_words_is_one_deletion_and_one_insertion() {
        assert_eq!(
            render(&hunks(
                "They control 20% of Ukraine.\n",
                "They control 17 per cent of Ukraine.\n",
                6
            )),
            [
                "@@ -1 +1 @@",
                "They control [-20%-]{+17 per cent+} of Ukraine."
            ]
        );
        assert_eq!(
            render(&hunks("a b c d\n", "a x y d\n", 6)),
            ["@@ -1 +1 @@", "a [-b c-]{+x y+} d"]
        );
    }

    #[test]
    fn line_numbers_follow_each_version() {
        let old = "one\ntwo\nthree 19.3% here\n";
        let new = "zero\none\ntwo\nthree 20 per cent here\n";
        let h = hunks(old, new, 6);
        assert_eq!(
            render(&h),
            [
                "@@ -1 +1 @@",
                "{+zero\n+}one",
                "@@ -3 +4 @@",
                "three [-19.3%-]{+20 per cent+} here"
            ]
            .join("\n")
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
        );
        assert_eq!((h[1].old_line, h[1].new_line), (3, 4));
        assert!(hunks(old, old, 6).is_empty());
    }

    fn rules() -> RuleSet {
        crate::rules::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")])
            .unwrap()
    }

    fn version(rules: &RuleSet, name: &str, path: &str, text: &str) -> Version {
        let a = crate::article::from_text(path.into(), text.into()).unwrap();
        Version {
            name: name.into(),
            path: path.into(),
            text: text.into(),
            claims: crate::extract::extract(rules, &a),
        }
    }

    #[test]
    fn claims_changed_appeared_vanished_unchanged() {
        let r = rules();
        let old = version(
            &r,
            "old.txt",
            "a.txt",
            "Russian forces control 19.3% of Ukraine.\n\
             Officials said Ukraine has lost 46,000 soldiers.\n",
        );
        let new = version(
            &r,
            "new.txt",
            "a.txt",
            "Intro.\nRussian forces control 20 per cent of Ukraine.\n\
             Over 14,000 civilians have been killed.\n\
             Officials said Ukraine has lost 46,000 soldiers.\n",
        );
        let d = claims(&old.claims, &new.claims, &old.name, &new.name);
        assert_eq!(d.unchanged, 1, "46,000 is the same, on another line");
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].rule, "territory.russia-control");
        assert_eq!(
            (
                d.changed[0].old.text.as_str(),
                d.changed[0].new.text.as_str()
            ),
            ("19.3%", "20 per cent")
        );
        assert_eq!(d.changed[0].old.path, "old.txt");
        assert_eq!(d.appeared.len(), 1);
        assert_eq!(d.appeared[0].site.text, "Over 14,000");
        assert!(d.vanished.is_empty());
        let back = claims(&new.claims, &old.claims, "new.txt", "old.txt");
        assert_eq!((back.appeared.len(), back.vanished.len()), (0, 1));
    }

    #[test]
    fn conflicts_introduced_and_resolved_against_a_corpus() {
        let r = rules();
        let other = crate::article::from_text(
            "corpus/b.txt".into(),
            "Russian forces control 20% of Ukraine.\n".into(),
        )
        .unwrap();
        let corpus = crate::extract::extract(&r, &other);
        let old = version(
            &r,
            "a.txt",
            "a.txt",
            "Russian forces control 20% of Ukraine.\n",
        );
        let new = version(
            &r,
            "a.txt",
            "a.txt",
            "Russian forces control 17% of Ukraine.\n",
        );
        let d = diff(&r, &old, &new, &corpus, 1);
        assert_eq!(d.conflicts.introduced.len(), 1);
        // Resolved findings come from the old version's run and name it so.
        let old_17 = Version {
            name: "HEAD:a.txt".into(),
            ..new.clone()
        };
        let undo = diff(&r, &old_17, &old, &corpus, 1);
        let paths: Vec<&str> = undo.conflicts.resolved[0]
            .finding
            .sites
            .iter()
            .map(|s| s.path.as_str())
            .collect();
        assert_eq!(paths, ["HEAD:a.txt", "corpus/b.txt"]);
        let back = diff(&r, &new, &old, &corpus, 1);
        assert_eq!(back.conflicts.resolved.len(), 1);
        assert_eq!(
            back.conflicts.resolved[0].fingerprint,
            d.conflicts.introduced[0].fingerprint
        );
        // Another figure in the same conflict: changed, not introduced.
        let new_16 = version(
            &r,
            "a.txt",
            "a.txt",
            "Russian forces control 16% of Ukraine.\n",
        );
        let other_figure = diff(&r, &new, &new_16, &corpus, 1);
        assert!(other_figure.conflicts.introduced.is_empty());
        assert!(other_figure.conflicts.resolved.is_empty());
        assert_eq!(other_figure.conflicts.changed.len(), 1);
        let c = &other_figure.conflicts.changed[0];
        assert_eq!(
            (
                c.old.finding.sites[0].text.as_str(),
                c.new.finding.sites[0].text.as_str()
            ),
            ("17%", "16%")
        );
        // A conflict that stays, with its lines moved, is neither.
        let moved = version(
            &r,
            "a.txt",
            "a.txt",
            "New intro.\n\nRussian forces control 17% of Ukraine.\n",
        );
        let same = diff(&r, &new, &moved, &corpus, 1);
        assert_eq!(same.conflicts, FindingDiff::default());
    }
}
