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
//! reference times is a change over time (info), not a contradiction; for
//! `monotonic = "increasing"` rules, a later figure below an earlier one is `decreased`
//! (or `revised`, when its sentence says the figure was revised).
//!
//! Sources: `compare = "within-source"` groups claims by source too (a claim's source is its
//! attribution's key, else its article); `compare = "across-sources"` keeps a conflict only
//! between claims of different sources.

use crate::extract::{Claim, RefTime};
use crate::finding::{Agreement, Finding, Outcome, Role, Site, MAX_SITES_PER_SIDE};
use crate::hash::{HashMap, HashSet};
use crate::rules::{CompareMode, Kind, Monotonic, RuleSet, Severity, TimeMode};
use crate::value::Interval;
use std::collections::{BTreeMap, BTreeSet};

/// One article's value in a group: the first claim that gives it, whether any claim that
/// gives it says it was revised, and the interval compared. The analysis passes positions
/// by reference; `id` (the order of creation) tells them apart and orders ties.
struct Position<'a> {
    id: usize,
    first: &'a Claim,
    revised: bool,
    iv: Interval,
}

/// The source a claim is told apart by: its attribution's key, else its article.
fn source_key(c: &Claim) -> String {
    match &c.source {
        Some(a) => format!("source:{}", a.key),
        None => format!("article:{}", c.path),
    }
}

/// Every finding among the claims, sorted.
///
/// `claims` is any sequence of claims (a slice, or every article's own list chained), so
/// that a corpus need not be copied into one vector first.
pub fn compare<'a>(rules: &RuleSet, claims: impl IntoIterator<Item = &'a Claim>) -> Vec<Finding> {
    compare_with(rules, claims, None)
}

/// The findings that involve at least one article for which `is_new` holds (by its shown
/// path), sorted: new articles checked against an archive (`check NEW --corpus ARCHIVE`).
///
/// The comparison is the same as [`compare`]'s over all the claims; what changes is who a
/// finding is about. When only one side of a finding holds new articles, that side is the
/// primary one; within each side new articles are listed first, so a new article is never
/// left out by the cap on sites, and the primary site is a new article's. A new article on
/// the majority side of an archive outlier is reported too (it conflicts with the outlier);
/// a conflict among archive articles alone is not.
pub fn compare_new<'a>(
    rules: &RuleSet,
    claims: impl IntoIterator<Item = &'a Claim>,
    is_new: &dyn Fn(&str) -> bool,
) -> Vec<Finding> {
    let mut findings = compare_with(rules, claims, Some(is_new));
    findings.retain(|f| is_new(&f.primary().path));
    findings
}

/// Which articles are new, when checking new articles against an archive.
type Focus<'a> = Option<&'a dyn Fn(&str) -> bool>;

fn compare_with<'a>(
    rules: &RuleSet,
    claims: impl IntoIterator<Item = &'a Claim>,
    focus: Focus,
) -> Vec<Finding> {
    let index: HashMap<&str, usize> = rules
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut groups: BTreeMap<(usize, &str, u8, String), Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        if c.value.is_err() {
            continue;
        }
        let Some(&ri) = index.get(&*c.rule) else {
            continue;
        };
        let Some(rule) = rules.rules.get(ri) else {
            continue;
        };
        let source = match rule.compare {
            CompareMode::WithinSource => source_key(c),
            CompareMode::All | CompareMode::AcrossSources => String::new(),
        };
        groups
            .entry((ri, &*c.subject, c.unit as u8, source))
            .or_default()
            .push(c);
    }
    let mut findings = Vec::new();
    for ((ri, _, _, _), group) in groups {
        if let Some(rule) = rules.rules.get(ri) {
            compare_group(rule, group, focus, &mut findings);
        }
    }
    crate::within::note_same_article(&mut findings);
    crate::finding::sort(&mut findings);
    findings
}

fn compare_group(
    rule: &crate::rules::Rule,
    mut group: Vec<&Claim>,
    focus: Focus,
    out: &mut Vec<Finding>,
) {
    group.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
    // Positions: one per (article, interval).
    let mut positions: Vec<Position> = Vec::new();
    let mut index: HashMap<(&str, [u64; 4]), usize> = HashMap::default();
    for c in group {
        let Ok(iv) = &c.value else { continue };
        let iv = iv.widen(rule.tolerance / 2.0);
        let key = (&*c.path, interval_bits(&iv));
        match index.get(&key).and_then(|&i| positions.get_mut(i)) {
            Some(p) => p.revised |= c.revised,
            None => {
                index.insert(key, positions.len());
                positions.push(Position {
                    id: positions.len(),
                    first: c,
                    revised: c.revised,
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
    let all: Vec<&Position> = positions.iter().collect();
    let consensus = deepest(&all);
    // Everything that conflicts with at least one consensus value. The consensus values
    // share a point, so a value conflicts with one of them exactly when it lies wholly below
    // the highest start or wholly above the lowest end.
    let Some(consensus_extent) = Extent::of(&consensus) else {
        return;
    };
    let in_consensus: HashSet<usize> = consensus.iter().map(|p| p.id).collect();
    let rest: Vec<&Position> = all
        .iter()
        .copied()
        .filter(|p| !in_consensus.contains(&p.id))
        .filter(|p| consensus_extent.misses(&p.iv))
        .collect();
    for outliers in stab(rest) {
        let Some(outlier_extent) = Extent::of(&outliers) else {
            continue;
        };
        let mut opposed: Vec<&Position> = consensus
            .iter()
            .copied()
            .filter(|c| outlier_extent.misses(&c.iv))
            .collect();
        if rule.compare == CompareMode::AcrossSources {
            // Only values some outlier of another source misses.
            opposed.retain(|c| {
                let key = source_key(c.first);
                outliers
                    .iter()
                    .any(|o| source_key(o.first) != key && !o.iv.overlaps(&c.iv))
            });
        }
        // Outliers by reference time: one extent for those without a known time, one for
        // each distinct known time.
        let mut undated: Vec<&Position> = Vec::new();
        let mut dated: Vec<(Interval, Vec<&Position>)> = Vec::new();
        for &o in &outliers {
            match o.first.reference.days() {
                None => undated.push(o),
                Some(d) => match dated.iter_mut().find(|(x, _)| x == d) {
                    Some((_, v)) => v.push(o),
                    None => dated.push((*d, vec![o])),
                },
            }
        }
        let undated_extent = Extent::of(&undated);
        let dated_extents: Vec<(Interval, Extent)> = dated
            .iter()
            .filter_map(|(d, v)| Some((*d, Extent::of(v)?)))
            .collect();
        // A consensus position contradicts when some outlier misses its value at a time
        // that can be the same (`time_ok`), checked per group of outliers by time.
        let contradicting: Vec<&Position> = opposed
            .iter()
            .copied()
            .filter(|c| {
                let iv = &c.iv;
                let days = c.first.reference.days();
                if rule.time == TimeMode::Timeless || days.is_none() {
                    return outlier_extent.misses(iv);
                }
                undated_extent.as_ref().is_some_and(|e| e.misses(iv))
                    || dated_extents
                        .iter()
                        .any(|(d, e)| days.is_none_or(|cd| cd.overlaps(d)) && e.misses(iv))
            })
            .collect();
        let severities = rule.severities();
        if !contradicting.is_empty() {
            out.push(finding(
                rule,
                focus,
                &outliers,
                &contradicting,
                Outcome::Contradiction,
                severities.contradiction,
                false,
            ));
            continue;
        }
        if opposed.is_empty() {
            continue;
        }
        // A cumulative figure that fell: the side with the later, lower figure is primary.
        if rule.monotonic == Some(Monotonic::Increasing) {
            let fell = |later: &[&Position], earlier: &[&Position]| {
                later
                    .iter()
                    .any(|x| earlier.iter().any(|y| is_decrease(x, y)))
            };
            let lower = if fell(&outliers, &opposed) {
                Some((&outliers, &opposed))
            } else if fell(&opposed, &outliers) {
                Some((&opposed, &outliers))
            } else {
                None
            };
            if let Some((lower, higher)) = lower {
                let revised = lower.iter().all(|x| x.revised);
                let (outcome, severity) = if revised {
                    (Outcome::Revised, severities.revised)
                } else {
                    (Outcome::Decreased, severities.decreased)
                };
                out.push(finding(rule, focus, lower, higher, outcome, severity, true));
                continue;
            }
        }
        // Different known times. Stale when the side with the older figure was published
        // after the newer figure was.
        let stale = |a: &[&Position], b: &[&Position]| {
            a.iter()
                .any(|x| b.iter().any(|y| is_stale(x.first, y.first)))
        };
        let finding_for = if stale(&outliers, &opposed) {
            finding(
                rule,
                focus,
                &outliers,
                &opposed,
                Outcome::Stale,
                severities.stale,
                true,
            )
        } else if stale(&opposed, &outliers) {
            finding(
                rule,
                focus,
                &opposed,
                &outliers,
                Outcome::Stale,
                severities.stale,
                true,
            )
        } else {
            finding(
                rule,
                focus,
                &outliers,
                &opposed,
                Outcome::ChangeOverTime,
                severities.change_over_time,
                false,
            )
        };
        out.push(finding_for);
    }
}

/// Whether `later` holds for a time wholly after `earlier`'s and its value lies wholly
/// below `earlier`'s.
fn is_decrease(later: &Position, earlier: &Position) -> bool {
    let (Some(t_later), Some(t_earlier)) =
        (later.first.reference.days(), earlier.first.reference.days())
    else {
        return false;
    };
    t_earlier.hi_pos() <= t_later.lo_pos() && later.iv.hi_pos() < earlier.iv.lo_pos()
}

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
fn deepest<'p, 'a>(candidates: &[&'p Position<'a>]) -> Vec<&'p Position<'a>> {
    // Starts sort before ends at the same position: both intervals hold that point.
    let mut events: Vec<(crate::value::Position, bool, &Position)> = Vec::new();
    for &p in candidates {
        events.push((p.iv.lo_pos(), false, p));
        events.push((p.iv.hi_pos(), true, p));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut active: HashMap<&str, usize> = HashMap::default();
    let mut best: Option<(usize, crate::value::Position)> = None;
    for (pos, is_end, p) in events {
        let path = &*p.first.path;
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
        Some((_, point)) => candidates
            .iter()
            .copied()
            .filter(|p| p.iv.contains_pos(point))
            .collect(),
        None => Vec::new(),
    }
}

/// Splits `values` into the fewest groups whose values share a point (stabbing by lowest
/// end first), in order of that point; each group in creation order.
///
/// Taking values in order of their upper ends, a value opens a group at its upper end
/// unless an earlier group's point (the points only grow) already holds its lower end;
/// a group takes every value not yet taken whose lower end lies at or below its point.
fn stab<'p, 'a>(mut values: Vec<&'p Position<'a>>) -> Vec<Vec<&'p Position<'a>>> {
    values.sort_by(|a, b| a.iv.hi_pos().cmp(&b.iv.hi_pos()).then(a.id.cmp(&b.id)));
    let mut by_lo = values.clone();
    by_lo.sort_by_key(|p| p.iv.lo_pos());
    let mut by_lo = by_lo.into_iter().peekable();
    let mut groups: Vec<Vec<&Position>> = Vec::new();
    let mut last_point: Option<crate::value::Position> = None;
    for p in &values {
        if last_point.is_some_and(|l| p.iv.lo_pos() <= l) {
            continue; // taken by an earlier group
        }
        let point = p.iv.hi_pos();
        let mut group = Vec::new();
        while let Some(q) = by_lo.next_if(|q| q.iv.lo_pos() <= point) {
            group.push(q);
        }
        group.sort_unstable_by_key(|q| q.id);
        groups.push(group);
        last_point = Some(point);
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
    fn of(values: &[&Position]) -> Option<Extent> {
        let ivs = || values.iter().map(|p| &p.iv);
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

fn articles(values: &[&Position]) -> usize {
    values
        .iter()
        .map(|p| &*p.first.path)
        .collect::<BTreeSet<_>>()
        .len()
}

// The sides and how to orient them, each said once at the four call sites.
#[allow(clippy::too_many_arguments)]
fn finding<'a>(
    rule: &crate::rules::Rule,
    focus: Focus,
    outliers: &[&Position<'a>],
    other: &[&Position<'a>],
    outcome: Outcome,
    severity: Severity,
    outliers_first: bool,
) -> Finding {
    let n_out = articles(outliers);
    let n_other = articles(other);
    let majority = n_other > n_out;
    // Sides in path order; in a two-sided disagreement the side holding the first path
    // goes first.
    let first_path = |side: &[&Position<'a>]| {
        side.iter()
            .map(|p| (&*p.first.path, p.first.span.start))
            .min()
    };
    // Checking new articles: the side that holds them (when only one does) is the primary.
    let is_new = |c: &Claim| focus.is_some_and(|n| n(&c.path));
    let has_new = |side: &[&Position]| side.iter().any(|p| is_new(p.first));
    let new_side = match (has_new(outliers), has_new(other)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    };
    let outliers_primary = new_side
        .unwrap_or_else(|| outliers_first || majority || first_path(outliers) <= first_path(other));
    let (primary, secondary, n_primary, n_secondary) = if outliers_primary {
        (outliers, other, n_out, n_other)
    } else {
        (other, outliers, n_other, n_out)
    };
    // Whether the other side is the majority, named in the help.
    let majority = match new_side {
        Some(_) => n_secondary > n_primary,
        None => majority,
    };
    // A stale finding turned round for a new article: its primary holds the newer figure.
    let primary_is_stale = !outliers_first || outliers_primary;
    let mut sites = Vec::new();
    let sorted = |side: &[&Position<'a>]| -> Vec<&'a Claim> {
        let mut v: Vec<&Claim> = side.iter().map(|p| p.first).collect();
        v.sort_by(|a, b| {
            (!is_new(a), &a.path, a.span.start).cmp(&(!is_new(b), &b.path, b.span.start))
        });
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
            *counts.entry(i.first.text.as_str()).or_default() += 1;
        }
        let text = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(t, _)| t.to_string())
            .unwrap_or_default();
        let reading = secondary
            .iter()
            .map(|&i| i.first)
            .find(|c| c.text == text)
            .map(|c| c.reading())
            .unwrap_or_default();
        Agreement {
            articles: n_secondary,
            text,
            reading,
        }
    });
    let help = help_text(&sites, agreeing.as_ref(), outcome, rule, primary_is_stale);
    let message = match outcome {
        Outcome::Contradiction => rule.message.clone(),
        Outcome::ChangeOverTime => format!("figure changed over time: {}", rule.title),
        Outcome::Stale if primary_is_stale => format!("out-of-date figure: {}", rule.title),
        Outcome::Stale => format!("a later article repeats an older figure: {}", rule.title),
        Outcome::Decreased => format!("a figure that can only grow fell: {}", rule.title),
        Outcome::Revised => format!("figure revised down: {}", rule.title),
    };
    Finding {
        rule: rule.id.clone(),
        subject: primary
            .first()
            .map(|p| p.first.subject.to_string())
            .unwrap_or_default(),
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
    rule: &crate::rules::Rule,
    primary_is_stale: bool,
) -> String {
    let Some(primary) = sites.first() else {
        return String::new();
    };
    let when = |s: &Site| {
        let w = match &s.reference {
            // An event's date has no reference time of its own.
            _ if rule.time == TimeMode::Timeless => String::new(),
            RefTime::Unknown => "with no date for its figure".to_string(),
            RefTime::Explicit { text, .. } => crate::extract::phrase(text),
            r => r.describe(),
        };
        match &s.source {
            Some(a) if w.is_empty() => format!("according to {}", a.short()),
            Some(a) => format!("{w}, according to {}", a.short()),
            None => w,
        }
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
        Outcome::Contradiction if rule.kind == Kind::Category => "the categories differ",
        Outcome::Contradiction => "the figures do not overlap",
        Outcome::Decreased => "the later figure is lower, but this figure can only grow",
        Outcome::Revised => "the later figure is lower, and its text says it was revised",
        Outcome::ChangeOverTime => "the figures are for different times",
        Outcome::Stale if primary_is_stale => {
            "the first figure is older, though its article was published later"
        }
        Outcome::Stale => "the other figure is older, though its article was published later",
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
            subject: Arc::from(""),
            text: crate::value::fmt_num(iv.lo.point().unwrap_or(0.0)),
            span: at..at + 2,
            line: 1,
            column: at + 1,
            value: Ok(iv),
            unit: Unit::Percent,
            hedge: None,
            reference: crate::extract::RefTime::Unknown,
            published: None,
            source: None,
            category: None,
            revised: false,
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

    fn rules_comparing(mode: &str) -> RuleSet {
        crate::rules::parse_sources(&[(
            "r.toml",
            &format!("[[rule]]\nid = \"r\"\ntitle = \"T\"\nkind = \"percentage\"\npatterns = ['{{value}}']\ncompare = \"{mode}\"\n"),
        )])
        .unwrap()
    }

    #[test]
    fn a_claim_without_attribution_is_its_own_articles() {
        let apart = [
            claim("a", 0, Interval::rounded(20.0, 1.0)),
            claim("b", 0, Interval::rounded(17.0, 1.0)),
        ];
        let together = [
            claim("a", 0, Interval::rounded(20.0, 1.0)),
            claim("a", 50, Interval::rounded(17.0, 1.0)),
        ];
        // Within a source: two articles with no attribution are two sources.
        assert!(compare(&rules_comparing("within-source"), &apart).is_empty());
        assert_eq!(
            compare(&rules_comparing("within-source"), &together).len(),
            1
        );
        // Across sources: the other way round.
        assert_eq!(compare(&rules_comparing("across-sources"), &apart).len(), 1);
        assert!(compare(&rules_comparing("across-sources"), &together).is_empty());
        // A shared attribution makes two articles one source.
        let isw = |mut c: Claim| {
            c.source = Some(Box::new(crate::extract::attribution::Attribution {
                text: "ISW".into(),
                key: "isw".into(),
            }));
            c
        };
        let quoted = [isw(apart[0].clone()), isw(apart[1].clone())];
        assert_eq!(compare(&rules_comparing("within-source"), &quoted).len(), 1);
        assert!(compare(&rules_comparing("across-sources"), &quoted).is_empty());
        assert_eq!(compare(&rules_comparing("all"), &quoted).len(), 1);
    }

    #[test]
    fn new_articles_are_primary_and_never_cut_by_the_cap() {
        // Five archive articles and a new one give 20%; an archive outlier gives 17%.
        let mut c: Vec<Claim> = (0..5)
            .map(|i| claim(&format!("m{i}"), 0, Interval::rounded(20.0, 1.0)))
            .collect();
        c.push(claim("zz-new", 0, Interval::rounded(20.0, 1.0)));
        c.push(claim("x", 0, Interval::rounded(17.0, 1.0)));
        let plain = compare(&rules(), &c);
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].primary().path, "x");
        assert!(
            plain[0].sites.iter().all(|s| s.path != "zz-new"),
            "cut by the cap"
        );
        let f = compare_new(&rules(), &c, &|p| p == "zz-new");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].primary().path, "zz-new");
        assert_eq!(f[0].primary().role, Role::Primary);
        assert_eq!((f[0].primary_articles, f[0].other_articles), (6, 1));
        assert!(f[0].agreeing.is_none(), "the primary side is the majority");
        let last = f[0].sites.last().map(|s| (s.path.as_str(), s.role));
        assert_eq!(last, Some(("x", Role::Conflicts)));
        // The outlier new: the finding as a plain check gives it.
        assert_eq!(compare_new(&rules(), &c, &|p| p == "x"), plain);
    }

    #[test]
    fn conflicts_among_archive_articles_alone_are_left_out() {
        let c = [
            claim("a", 0, Interval::rounded(20.0, 1.0)),
            claim("b", 0, Interval::rounded(17.0, 1.0)),
            claim("new", 0, Interval::rounded(20.0, 1.0).widen_ratio(0.2)),
        ];
        assert_eq!(compare(&rules(), &c).len(), 1);
        assert!(compare_new(&rules(), &c, &|p| p == "new").is_empty());
        let f = compare_new(&rules(), &c, &|p| p == "b");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].primary().path, "b");
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

    #[test]
    fn stabbing_makes_the_fewest_groups_that_share_a_point() {
        let ivs = [
            Interval::closed(1.0, 2.0),
            Interval::closed(1.5, 3.0),
            Interval::closed(2.5, 4.0),
            Interval::closed(5.0, 6.0),
            Interval::closed(0.0, 10.0),
        ];
        let claims: Vec<Claim> = ivs.iter().map(|iv| claim("a", 0, *iv)).collect();
        let positions: Vec<Position> = claims
            .iter()
            .zip(ivs)
            .enumerate()
            .map(|(id, (first, iv))| Position {
                id,
                first,
                revised: false,
                iv,
            })
            .collect();
        // Reversed, so the groups' order comes from the intervals, not the input.
        let groups = stab(positions.iter().rev().collect());
        let ids: Vec<Vec<usize>> = groups
            .iter()
            .map(|g| g.iter().map(|p| p.id).collect())
            .collect();
        // At 2: the first two and the wide one; at 4: the third; at 6: the fourth.
        assert_eq!(ids, vec![vec![0, 1, 4], vec![2], vec![3]]);
        assert!(stab(Vec::new()).is_empty());
    }
}
