//! Comparison: claims grouped by (rule, subject) → findings.
//!
//! Within a group, each article's distinct values are *positions* (an article repeating a
//! figure counts once). Two positions conflict when their intervals, widened by the rule's
//! tolerance, share no point. The engine then finds the consensus, the largest set of
//! articles whose values share a point (a sweep over interval ends), and reports every
//! group of outliers that conflicts with it as one finding:
//!
//! - when the articles that conflict with the outliers outnumber them, the finding is about
//!   the outliers and names the majority value and how many articles give it (50 articles
//!   say 20%, one says 17%: one finding, on the one);
//! - otherwise it is a two-sided disagreement, sites in path order.
//!
//! So findings grow with the number of conflicting values, not with pairs of articles.
//! Values that overlap both sides ("about 20%" between 19.3% and 20%) are never sites.
//!
//! Time: for `time = "as-of"` rules, a conflict between two figures with known, different
//! reference times is a change over time (info), not a contradiction.

use crate::extract::{Claim, RefTime};
use crate::finding::{Agreement, Finding, Outcome, Role, Site, MAX_SITES_PER_SIDE};
use crate::rules::{RuleSet, Severity, TimeMode};
use crate::value::Interval;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One article's value in a group: the claims that give it, and the interval compared.
struct Position<'a> {
    claims: Vec<&'a Claim>,
    iv: Interval,
}

impl Position<'_> {
    fn first(&self) -> &Claim {
        self.claims[0]
    }
}

/// Every finding among the claims, sorted.
pub fn compare(rules: &RuleSet, claims: &[Claim]) -> Vec<Finding> {
    let index: HashMap<&str, usize> = rules
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut groups: BTreeMap<(usize, &str, u8), Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        if c.value.is_err() {
            continue;
        }
        let Some(&ri) = index.get(&*c.rule) else {
            continue;
        };
        groups
            .entry((ri, c.subject.as_str(), c.unit as u8))
            .or_default()
            .push(c);
    }
    let mut findings = Vec::new();
    for ((ri, _, _), group) in groups {
        compare_group(rules, ri, group, &mut findings);
    }
    crate::within::note_same_article(&mut findings);
    crate::finding::sort(&mut findings);
    findings
}

fn compare_group(rules: &RuleSet, ri: usize, mut group: Vec<&Claim>, out: &mut Vec<Finding>) {
    let rule = &rules.rules[ri];
    group.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
    // Positions: one per (article, interval).
    let mut positions: Vec<Position> = Vec::new();
    let mut index: HashMap<(&str, [u64; 4]), usize> = HashMap::new();
    for c in group {
        let Ok(iv) = &c.value else { continue };
        let iv = iv.widen(rule.tolerance / 2.0);
        let key = (&*c.path, interval_bits(&iv));
        match index.get(&key) {
            Some(&i) => positions[i].claims.push(c),
            None => {
                index.insert(key, positions.len());
                positions.push(Position {
                    claims: vec![c],
                    iv,
                });
            }
        }
    }
    if positions.len() < 2 {
        return;
    }
    // In one dimension, intervals pairwise overlap iff the highest start is below the
    // lowest end: the common case, settled without a sweep.
    let max_lo = positions.iter().map(|p| p.iv.lo_pos()).max();
    let min_hi = positions.iter().map(|p| p.iv.hi_pos()).min();
    if max_lo <= min_hi {
        return;
    }
    let all: Vec<usize> = (0..positions.len()).collect();
    let consensus = deepest(&positions, &all);
    // Everything that conflicts with at least one consensus value. The consensus values
    // share a point, so a value conflicts with one of them exactly when it lies wholly below
    // the highest start or wholly above the lowest end.
    let Some(consensus_extent) = Extent::of(&positions, &consensus) else {
        return;
    };
    let in_consensus: HashSet<usize> = consensus.iter().copied().collect();
    let rest: Vec<usize> = all
        .iter()
        .copied()
        .filter(|i| !in_consensus.contains(i))
        .filter(|&i| consensus_extent.misses(&positions[i].iv))
        .collect();
    for outliers in stab(&positions, rest) {
        let Some(outlier_extent) = Extent::of(&positions, &outliers) else {
            continue;
        };
        let opposed: Vec<usize> = consensus
            .iter()
            .copied()
            .filter(|&c| outlier_extent.misses(&positions[c].iv))
            .collect();
        // Outliers by reference time: one extent for those without a known time, one for
        // each distinct known time.
        let mut undated: Vec<usize> = Vec::new();
        let mut dated: Vec<(Interval, Vec<usize>)> = Vec::new();
        for &o in &outliers {
            match positions[o].first().reference.days() {
                None => undated.push(o),
                Some(d) => match dated.iter_mut().find(|(x, _)| x == d) {
                    Some((_, v)) => v.push(o),
                    None => dated.push((*d, vec![o])),
                },
            }
        }
        let undated_extent = Extent::of(&positions, &undated);
        let dated_extents: Vec<(Interval, Extent)> = dated
            .iter()
            .filter_map(|(d, v)| Some((*d, Extent::of(&positions, v)?)))
            .collect();
        // A consensus position contradicts when some outlier misses its value at a time
        // that can be the same (`time_ok`), checked per group of outliers by time.
        let contradicting: Vec<usize> = opposed
            .iter()
            .copied()
            .filter(|&c| {
                let iv = &positions[c].iv;
                let days = positions[c].first().reference.days();
                if rule.time == TimeMode::Timeless || days.is_none() {
                    return outlier_extent.misses(iv);
                }
                undated_extent.as_ref().is_some_and(|e| e.misses(iv))
                    || dated_extents
                        .iter()
                        .any(|(d, e)| days.is_none_or(|cd| cd.overlaps(d)) && e.misses(iv))
            })
            .collect();
        if !contradicting.is_empty() {
            out.push(finding(
                rule,
                &positions,
                &outliers,
                &contradicting,
                Outcome::Contradiction,
                rule.severity,
                false,
            ));
            continue;
        }
        if opposed.is_empty() {
            continue;
        }
        // Different known times. Stale when the side with the older figure was published
        // after the newer figure was.
        let stale = |a: &[usize], b: &[usize]| {
            a.iter().any(|&x| {
                b.iter()
                    .any(|&y| is_stale(positions[x].first(), positions[y].first()))
            })
        };
        let finding_for = if stale(&outliers, &opposed) {
            finding(
                rule,
                &positions,
                &outliers,
                &opposed,
                Outcome::Stale,
                STALE,
                true,
            )
        } else if stale(&opposed, &outliers) {
            finding(
                rule,
                &positions,
                &opposed,
                &outliers,
                Outcome::Stale,
                STALE,
                true,
            )
        } else {
            finding(
                rule,
                &positions,
                &outliers,
                &opposed,
                Outcome::ChangeOverTime,
                Severity::Info,
                false,
            )
        };
        out.push(finding_for);
    }
}

/// The severity of a stale figure.
const STALE: Severity = Severity::Warning;

/// Whether `old` is a figure for an earlier time than `new`'s, in an article published
/// after `new`'s article.
fn is_stale(old: &Claim, new: &Claim) -> bool {
    let (Some(t_old), Some(t_new)) = (old.reference.days(), new.reference.days()) else {
        return false;
    };
    let (Some(p_old), Some(p_new)) = (old.published, new.published) else {
        return false;
    };
    t_old.hi_pos() < t_new.lo_pos() && p_old > p_new
}

/// The positions among `candidates` that share the point held by the most articles: a sweep
/// over interval ends, counting distinct articles; ties go to the lowest point, so the
/// choice is deterministic.
fn deepest(positions: &[Position], candidates: &[usize]) -> Vec<usize> {
    // Starts sort before ends at the same position: both intervals hold that point.
    let mut events: Vec<(crate::value::Position, bool, usize)> = Vec::new();
    for &i in candidates {
        events.push((positions[i].iv.lo_pos(), false, i));
        events.push((positions[i].iv.hi_pos(), true, i));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut active: HashMap<&str, usize> = HashMap::new();
    let mut best: Option<(usize, crate::value::Position)> = None;
    for (pos, is_end, i) in events {
        let path = &*positions[i].first().path;
        if is_end {
            if let Some(n) = active.get_mut(path) {
                *n -= 1;
                if *n == 0 {
                    active.remove(path);
                }
            }
        } else {
            *active.entry(path).or_default() += 1;
            if best.is_none_or(|(n, _)| active.len() > n) {
                best = Some((active.len(), pos));
            }
        }
    }
    match best {
        Some((_, p)) => candidates
            .iter()
            .copied()
            .filter(|&i| positions[i].iv.contains_pos(p))
            .collect(),
        None => Vec::new(),
    }
}

/// Splits `idx` into the fewest groups whose values share a point (stabbing by lowest
/// end first), in order of that point.
fn stab(positions: &[Position], mut idx: Vec<usize>) -> Vec<Vec<usize>> {
    idx.sort_by(|&a, &b| {
        positions[a]
            .iv
            .hi_pos()
            .cmp(&positions[b].iv.hi_pos())
            .then(a.cmp(&b))
    });
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut taken = vec![false; idx.len()];
    let mut by_lo: Vec<usize> = (0..idx.len()).collect();
    by_lo.sort_by(|&a, &b| {
        positions[idx[a]]
            .iv
            .lo_pos()
            .cmp(&positions[idx[b]].iv.lo_pos())
    });
    let mut next_lo = 0;
    for k in 0..idx.len() {
        if taken[k] {
            continue;
        }
        // Every untaken value starting at or before this lowest end holds it.
        let point = positions[idx[k]].iv.hi_pos();
        let mut group = Vec::new();
        while next_lo < by_lo.len() && positions[idx[by_lo[next_lo]]].iv.lo_pos() <= point {
            let j = by_lo[next_lo];
            if !taken[j] {
                taken[j] = true;
                group.push(idx[j]);
            }
            next_lo += 1;
        }
        group.sort_unstable();
        groups.push(group);
    }
    groups
}

/// The ends of a set of intervals, to ask in constant time whether one of them misses a
/// given interval (shares no point with it): the set's values share a point, so one misses
/// `iv` exactly when `iv` lies wholly below the highest start or wholly above the lowest end.
struct Extent {
    max_lo: crate::value::Position,
    min_hi: crate::value::Position,
    any_empty: bool,
}

impl Extent {
    /// The extent of the positions `idx`; `None` for no positions.
    fn of(positions: &[Position], idx: &[usize]) -> Option<Extent> {
        let ivs = || idx.iter().map(|&i| &positions[i].iv);
        Some(Extent {
            max_lo: ivs().map(Interval::lo_pos).max()?,
            min_hi: ivs().map(Interval::hi_pos).min()?,
            any_empty: ivs().any(Interval::is_empty),
        })
    }

    /// Whether some interval of the set does not overlap `iv`.
    fn misses(&self, iv: &Interval) -> bool {
        self.any_empty || iv.is_empty() || self.max_lo > iv.hi_pos() || iv.lo_pos() > self.min_hi
    }
}

/// An interval's ends as bits, for grouping equal intervals.
fn interval_bits(iv: &Interval) -> [u64; 4] {
    use crate::value::Bound;
    let b = |x: Bound| match x {
        Bound::Unbounded => (0, 0),
        Bound::Closed(v) => (1, v.to_bits()),
        Bound::Open(v) => (2, v.to_bits()),
    };
    let (lk, lv) = b(iv.lo);
    let (hk, hv) = b(iv.hi);
    [lk, lv, hk, hv]
}

fn articles(positions: &[Position], idx: &[usize]) -> usize {
    idx.iter()
        .map(|&i| &*positions[i].first().path)
        .collect::<BTreeSet<_>>()
        .len()
}

fn finding(
    rule: &crate::rules::Rule,
    positions: &[Position],
    outliers: &[usize],
    other: &[usize],
    outcome: Outcome,
    severity: Severity,
    outliers_first: bool,
) -> Finding {
    let n_out = articles(positions, outliers);
    let n_other = articles(positions, other);
    let majority = n_other > n_out;
    // Sides in path order; in a two-sided disagreement the side holding the first path
    // goes first.
    let first_path = |side: &[usize]| {
        side.iter()
            .map(|&i| (&*positions[i].first().path, positions[i].first().span.start))
            .min()
    };
    let (primary, secondary, n_primary, n_secondary) =
        if outliers_first || majority || first_path(outliers) <= first_path(other) {
            (outliers, other, n_out, n_other)
        } else {
            (other, outliers, n_other, n_out)
        };
    let mut sites = Vec::new();
    let sorted = |side: &[usize]| -> Vec<&Claim> {
        let mut v: Vec<&Claim> = side.iter().map(|&i| positions[i].first()).collect();
        v.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
        v.truncate(MAX_SITES_PER_SIDE);
        v
    };
    for (k, c) in sorted(primary).into_iter().enumerate() {
        sites.push(Site::of(
            c,
            if k == 0 { Role::Primary } else { Role::Agrees },
        ));
    }
    let others = sorted(secondary);
    for c in &others {
        sites.push(Site::of(c, Role::Conflicts));
    }
    let agreeing = majority.then(|| {
        // The value as most of the majority write it.
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in secondary {
            *counts
                .entry(positions[i].first().text.as_str())
                .or_default() += 1;
        }
        let text = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(t, _)| t.to_string())
            .unwrap_or_default();
        let reading = secondary
            .iter()
            .map(|&i| positions[i].first())
            .find(|c| c.text == text)
            .map(|c| c.reading())
            .unwrap_or_default();
        Agreement {
            articles: n_secondary,
            text,
            reading,
        }
    });
    let help = help_text(&sites, agreeing.as_ref(), outcome, rule.time);
    let message = match outcome {
        Outcome::Contradiction => rule.message.clone(),
        Outcome::ChangeOverTime => format!("figure changed over time: {}", rule.title),
        Outcome::Stale => format!("out-of-date figure: {}", rule.title),
    };
    Finding {
        rule: rule.id.clone(),
        subject: positions[primary[0]].first().subject.clone(),
        severity,
        outcome,
        message,
        help,
        sites,
        primary_articles: n_primary,
        other_articles: n_secondary,
        agreeing,
    }
}

fn help_text(
    sites: &[Site],
    agreeing: Option<&Agreement>,
    outcome: Outcome,
    time: TimeMode,
) -> String {
    let primary = &sites[0];
    let when = |s: &Site| match &s.reference {
        // An event's date has no reference time of its own.
        _ if time == TimeMode::Timeless => String::new(),
        RefTime::Unknown => "with no date for its figure".to_string(),
        RefTime::Explicit { text, .. } => format!("as of {text}"),
        r => r.describe(),
    };
    if let Some(a) = agreeing {
        let n = if a.articles == 1 {
            "article gives"
        } else {
            "articles give"
        };
        return format!(
            "{} {n} {} ({}); {} gives {} ({}){}",
            a.articles,
            a.text,
            a.reading,
            primary.file_name(),
            primary.text,
            primary.reading,
            match when(primary) {
                w if w.is_empty() => w,
                w => format!(", {w}"),
            },
        );
    }
    let mut parts: Vec<String> = Vec::new();
    for s in sites {
        let part = format!("{} gives {} {}", s.file_name(), s.text, when(s));
        let part = part.trim_end().to_string();
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    let tail = match outcome {
        Outcome::Contradiction => "the figures do not overlap",
        Outcome::ChangeOverTime => "the figures are for different times",
        Outcome::Stale => "the first figure is older, though its article was published later",
    };
    format!("{}; {tail}", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Unit;
    use std::sync::Arc;

    fn rules() -> RuleSet {
        crate::rules::parse_sources(&[(
            "r.toml",
            "[[rule]]\nid = \"r\"\ntitle = \"T\"\nkind = \"percentage\"\npatterns = ['{value}']\n",
        )])
        .unwrap()
    }

    fn claim(path: &str, at: usize, iv: Interval) -> Claim {
        Claim {
            rule: Arc::from("r"),
            path: Arc::from(path),
            subject: String::new(),
            text: crate::value::fmt_num(iv.lo.point().unwrap_or(0.0)),
            span: at..at + 2,
            line: 1,
            column: at + 1,
            value: Ok(iv),
            unit: Unit::Percent,
            hedge: None,
            reference: crate::extract::RefTime::Unknown,
            published: None,
        }
    }

    #[test]
    fn agreeing_claims_give_nothing() {
        let c = [
            claim("a", 0, Interval::rounded(20.0, 1.0)),
            claim("b", 0, Interval::rounded(20.0, 1.0).widen_ratio(0.1)),
            claim("c", 0, Interval::rounded(19.6, 0.1)),
        ];
        assert!(compare(&rules(), &c).is_empty());
    }

    #[test]
    fn outliers_with_one_value_are_one_finding_and_two_values_two() {
        let mut c: Vec<Claim> = (0..5)
            .map(|i| claim(&format!("m{i}"), 0, Interval::rounded(20.0, 1.0)))
            .collect();
        c.push(claim("x1", 0, Interval::rounded(17.0, 1.0)));
        c.push(claim("x2", 0, Interval::rounded(17.0, 1.0)));
        let f = compare(&rules(), &c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].primary_articles, 2);
        assert_eq!(f[0].agreeing.as_ref().map(|a| a.articles), Some(5));
        c.push(claim("y", 0, Interval::rounded(30.0, 1.0)));
        let f = compare(&rules(), &c);
        assert_eq!(f.len(), 2, "17% and 30% are two conflicting values");
    }

    #[test]
    fn repeated_figures_in_one_article_count_once() {
        let c = [
            claim("a", 0, Interval::rounded(20.0, 1.0)),
            claim("a", 50, Interval::rounded(20.0, 1.0)),
            claim("a", 90, Interval::rounded(20.0, 1.0)),
            claim("b", 0, Interval::rounded(17.0, 1.0)),
        ];
        let f = compare(&rules(), &c);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].primary_articles, f[0].other_articles), (1, 1));
        assert_eq!(f[0].sites.len(), 2);
    }

    #[test]
    fn a_conflict_inside_one_article_is_found() {
        let c = [
            claim("a", 0, Interval::rounded(20.0, 1.0)),
            claim("a", 50, Interval::rounded(17.0, 1.0)),
        ];
        let f = compare(&rules(), &c);
        assert_eq!(f.len(), 1);
        assert!(f[0].sites.iter().all(|s| s.path == "a"));
        assert!(
            f[0].message.ends_with("(within one article)"),
            "{}",
            f[0].message
        );
        assert!(
            f[0].help
                .ends_with("every figure here is in the same article, a"),
            "{}",
            f[0].help
        );
    }

    #[test]
    fn many_distinct_values_stay_fast_and_bounded() {
        // 20,000 claims in one article, all different: findings, not pairs.
        let c: Vec<Claim> = (0..20_000)
            .map(|i| claim("a", i * 10, Interval::point(i as f64)))
            .collect();
        let f = compare(&rules(), &c);
        assert!(!f.is_empty());
        assert!(f.iter().all(|x| x.sites.len() <= 2 * MAX_SITES_PER_SIDE));
    }
}
