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
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    crate::finding::sort(&mut findings);
    findings
}

fn compare_group(rules: &RuleSet, ri: usize, mut group: Vec<&Claim>, out: &mut Vec<Finding>) {
    let rule = &rules.rules[ri];
    group.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
    // Positions: one per (article, interval).
    let mut positions: Vec<Position> = Vec::new();
    // The group is sorted by path, so one article's positions are the last ones pushed.
    let mut article_start = 0;
    for c in group {
        let Ok(iv) = &c.value else { continue };
        let iv = iv.widen(rule.tolerance / 2.0);
        if positions.last().is_some_and(|p| *p.first().path != *c.path) {
            article_start = positions.len();
        }
        match positions[article_start..]
            .iter_mut()
            .find(|p| *p.first().path == *c.path && p.iv == iv)
        {
            Some(p) => p.claims.push(c),
            None => positions.push(Position {
                claims: vec![c],
                iv,
            }),
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
    let mut in_consensus = vec![false; positions.len()];
    for &c in &consensus {
        in_consensus[c] = true;
    }
    let consensus_extent = Extent::of(&positions, &consensus);
    let mut rest: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| !in_consensus[i])
        .filter(|&i| consensus_extent.misses(&positions[i].iv))
        .collect();
    while !rest.is_empty() {
        let outliers = deepest(&positions, &rest);
        rest.retain(|i| !outliers.contains(i));
        let outlier_extent = Extent::of(&positions, &outliers);
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
        let undated_extent = (!undated.is_empty()).then(|| Extent::of(&positions, &undated));
        let dated_extents: Vec<(Interval, Extent)> = dated
            .iter()
            .map(|(d, v)| (*d, Extent::of(&positions, v)))
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
        let (outcome, severity, other) = if contradicting.is_empty() {
            (Outcome::ChangeOverTime, Severity::Info, opposed)
        } else {
            (Outcome::Contradiction, rule.severity, contradicting)
        };
        if other.is_empty() {
            continue;
        }
        out.push(finding(
            rule, &positions, &outliers, &other, outcome, severity,
        ));
    }
}

/// The positions among `candidates` that share the point held by the most articles; ties go
/// to the lowest point, so the choice is deterministic.
fn deepest(positions: &[Position], candidates: &[usize]) -> Vec<usize> {
    use crate::value::Position as Pos;
    // A sweep over the lower ends in increasing order: intervals enter at their lower end
    // and leave once the point passes their upper end; a count per article tells how many
    // distinct articles hold the point.
    let mut points: Vec<Pos> = candidates
        .iter()
        .map(|&i| positions[i].iv.lo_pos())
        .collect();
    points.sort();
    points.dedup();
    // Empty intervals hold no point: they give a candidate point but never enter.
    let held: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| !positions[i].iv.is_empty())
        .collect();
    let mut by_lo: Vec<(Pos, usize)> = held
        .iter()
        .map(|&i| (positions[i].iv.lo_pos(), i))
        .collect();
    by_lo.sort_by_key(|e| e.0);
    let mut by_hi: Vec<(Pos, usize)> = held
        .iter()
        .map(|&i| (positions[i].iv.hi_pos(), i))
        .collect();
    by_hi.sort_by_key(|e| e.0);
    let mut active: HashMap<&str, usize> = HashMap::new();
    let (mut entered, mut left) = (0, 0);
    let mut best: Option<(usize, Pos)> = None;
    for p in points {
        while entered < by_lo.len() && by_lo[entered].0 <= p {
            *active
                .entry(&*positions[by_lo[entered].1].first().path)
                .or_default() += 1;
            entered += 1;
        }
        // Every interval whose upper end is below `p` has its lower end below `p` too, so
        // it entered before it leaves.
        while left < by_hi.len() && by_hi[left].0 < p {
            let path = &*positions[by_hi[left].1].first().path;
            if let Some(n) = active.get_mut(path) {
                *n -= 1;
                if *n == 0 {
                    active.remove(path);
                }
            }
            left += 1;
        }
        if best.is_none_or(|(n, _)| active.len() > n) {
            best = Some((active.len(), p));
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

/// The ends of a set of intervals, to ask in constant time whether one of them misses a
/// given interval (shares no point with it).
struct Extent {
    max_lo: crate::value::Position,
    min_hi: crate::value::Position,
    any_empty: bool,
}

impl Extent {
    /// The extent of the positions `idx` (not empty).
    fn of(positions: &[Position], idx: &[usize]) -> Extent {
        let ivs = || idx.iter().map(|&i| &positions[i].iv);
        Extent {
            max_lo: ivs().map(Interval::lo_pos).max().expect("a non-empty set"),
            min_hi: ivs().map(Interval::hi_pos).min().expect("a non-empty set"),
            any_empty: ivs().any(Interval::is_empty),
        }
    }

    /// Whether some interval of the set does not overlap `iv`.
    fn misses(&self, iv: &Interval) -> bool {
        self.any_empty || iv.is_empty() || self.max_lo > iv.hi_pos() || iv.lo_pos() > self.min_hi
    }
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
        if majority || first_path(outliers) <= first_path(other) {
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
    };
    format!("{}; {tail}", parts.join("; "))
}
