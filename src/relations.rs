//! Relations between claims: `[[relation]]` tables in rule files.
//!
//! A relation ties the figures of several *terms* (a rule and part of its subject key) to
//! each other, so that claims which cannot all be right are found even when no two of them
//! give the same subject:
//!
//! - `complement`: the parts add up to a constant, 100 by default (Kyiv's share of a region
//!   and Russia's share of it);
//! - `part-of`: the part is at most the whole (civilians killed, all killed);
//! - `sum`: the parts add up to the whole (military + civilian = total).
//!
//! Claims of the terms are brought together when the rest of their subject keys (the
//! dimensions a term does not name: the region, the side) are the same; that rest is the
//! finding's subject. Figures are intervals and the arithmetic is interval arithmetic
//! ([`add`], [`complement`], [`exceeds`]): a relation is broken only when *no* values inside
//! the intervals satisfy it, after widening by the relation's tolerance. Reference times
//! are respected as contradictions respect them: claims for different known times are never
//! set against each other. See `docs/rules.md`.

use crate::date::Date;
use crate::extract::{describe, Claim};
use crate::finding::{Finding, Outcome, Role, Site, MAX_SITES_PER_SIDE};
use crate::hash::{HashMap, HashSet};
use crate::rules::{did_you_mean, Kind, RuleError, RuleSet, Severity, TimeMode};
use crate::value::{Bound, Interval, Unit};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

// ---------------------------------------------------------------------------------------
// Interval arithmetic.

/// `a + b`: the sums of every value of `a` with every value of `b`. An end is open when
/// either end added is, and unbounded when either is.
pub fn add(a: &Interval, b: &Interval) -> Interval {
    let plus = |x: Bound, y: Bound| match (x, y) {
        (Bound::Unbounded, _) | (_, Bound::Unbounded) => Bound::Unbounded,
        (Bound::Closed(p), Bound::Closed(q)) => Bound::Closed(p + q),
        (Bound::Open(p) | Bound::Closed(p), Bound::Open(q) | Bound::Closed(q)) => {
            Bound::Open(p + q)
        }
    };
    Interval {
        lo: plus(a.lo, b.lo),
        hi: plus(a.hi, b.hi),
    }
}

/// `total − iv`: what the interval leaves of `total` (the complement of a share of 100 in
/// `[18,22]` is `[78,82]`). The ends swap; each keeps its openness.
pub fn complement(total: f64, iv: &Interval) -> Interval {
    let minus = |x: Bound| match x {
        Bound::Unbounded => Bound::Unbounded,
        Bound::Closed(p) => Bound::Closed(total - p),
        Bound::Open(p) => Bound::Open(total - p),
    };
    Interval {
        lo: minus(iv.hi),
        hi: minus(iv.lo),
    }
}

/// Whether every value of `part` is above every value of `whole`: the part's lower end lies
/// beyond the whole's upper end (equal closed ends leave the one value both may have).
pub fn exceeds(part: &Interval, whole: &Interval) -> bool {
    part.lo_pos() > whole.hi_pos()
}

// ---------------------------------------------------------------------------------------
// The file format.

/// How the terms of a relation are tied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// The `parts` add up to `total` (100 by default): two sides' shares of one region.
    Complement,
    /// The `part` is at most the `whole`: civilians killed, all killed.
    PartOf,
    /// The `parts` add up to the `whole`: military + civilian = total.
    Sum,
}

impl RelationKind {
    /// The kind's name as written in rule files.
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::Complement => "complement",
            RelationKind::PartOf => "part-of",
            RelationKind::Sum => "sum",
        }
    }
}

/// One term of a relation: the claims of a rule whose subject key has the given parts.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TermToml {
    /// The rule's id.
    #[schemars(with = "String")]
    rule: Spanned<String>,
    /// Parts of the subject key the claims must have (`who=kyiv`, `who=civilian,
    /// what=killed`); the dimensions not named must be the same across the terms.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    subject: Option<Spanned<String>>,
}

/// A relation between the claims of rules: `complement`, `part-of` or `sum`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationToml {
    /// Stable identifier and diagnostic code, unique among rules and relations.
    #[schemars(with = "String")]
    id: Spanned<String>,
    /// One line saying what the relation holds.
    title: String,
    /// A longer explanation, shown by `claimlint explain`.
    #[serde(default)]
    description: Option<String>,
    /// How the terms are tied.
    #[schemars(with = "RelationKind")]
    kind: Spanned<RelationKind>,
    /// The parts (`complement`, `sum`): two or more terms.
    #[serde(default)]
    #[schemars(with = "Option<Vec<TermToml>>")]
    parts: Option<Spanned<Vec<TermToml>>>,
    /// The part (`part-of`).
    #[serde(default)]
    part: Option<TermToml>,
    /// The whole (`part-of`, `sum`).
    #[serde(default)]
    whole: Option<TermToml>,
    /// What the parts of a `complement` add up to; default 100.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    total: Option<Spanned<f64>>,
    /// Slack in the terms' unit: how far the sum may be from the total or whole, or the
    /// part above the whole.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0))]
    tolerance: Option<Spanned<f64>>,
    /// Severity of a broken relation.
    #[serde(default)]
    severity: Severity,
    /// The headline of a finding.
    #[serde(default)]
    message: Option<String>,
    /// Relation tests: one or two articles and the verdict.
    #[serde(default)]
    #[schemars(with = "Vec<RelationPairToml>")]
    pair: Vec<Spanned<RelationPairToml>>,
}

/// What a relation test says the engine must conclude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RelationVerdict {
    /// The relation is broken.
    Conflict,
    /// Every term has a claim, and the relation holds.
    Agree,
}

/// A relation test: one or two short articles and the verdict.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationPairToml {
    /// The first article.
    a: String,
    /// The second article; leave it out to test one article alone.
    #[serde(default)]
    b: Option<String>,
    /// The first article's published date (YYYY-MM-DD).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    a_published: Option<Spanned<String>>,
    /// The second article's published date (YYYY-MM-DD).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    b_published: Option<Spanned<String>>,
    /// What the engine must conclude.
    verdict: RelationVerdict,
}

// ---------------------------------------------------------------------------------------
// The compiled form.

/// One term of a relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The rule whose claims the term takes.
    pub rule: String,
    /// The subject parts the claims must have: `(dimension, key)`, keys with `+` sorted.
    pub select: Vec<(String, String)>,
}

impl Term {
    /// The selected parts as a subject key reads (`who=kyiv`); `any subject` when none.
    pub fn selector(&self) -> String {
        if self.select.is_empty() {
            return "any subject".into();
        }
        self.select
            .iter()
            .map(|(d, k)| format!("{d}={k}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// For a claim's subject key: the rest of it (the parts of dimensions the term does not
    /// name), when the key has every selected part.
    pub fn context(&self, subject: &str) -> Option<String> {
        let parts: Vec<(&str, &str)> = subject
            .split(", ")
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once('='))
            .collect();
        for (d, k) in &self.select {
            if !parts.iter().any(|(pd, pk)| pd == d && pk == k) {
                return None;
            }
        }
        let rest: Vec<String> = parts
            .iter()
            .filter(|(pd, _)| !self.select.iter().any(|(d, _)| d == pd))
            .map(|(d, k)| format!("{d}={k}"))
            .collect();
        Some(rest.join(", "))
    }
}

/// A relation test: `[[relation.pair]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationPair {
    /// The first article's text.
    pub a: String,
    /// The second article's text, when there is one.
    pub b: Option<String>,
    /// The first article's published date.
    pub a_published: Option<Date>,
    /// The second article's published date.
    pub b_published: Option<Date>,
    /// What the engine must conclude.
    pub verdict: RelationVerdict,
    /// Where the test is in the rule file.
    pub span: Range<usize>,
}

/// A validated relation.
#[derive(Debug, Clone)]
pub struct Relation {
    /// Stable identifier, the diagnostic code.
    pub id: String,
    /// One line.
    pub title: String,
    /// Longer explanation, for `explain`.
    pub description: Option<String>,
    /// How the terms are tied.
    pub kind: RelationKind,
    /// The parts (one for `part-of`).
    pub parts: Vec<Term>,
    /// The whole (`part-of`, `sum`).
    pub whole: Option<Term>,
    /// What the parts of a `complement` add up to.
    pub total: f64,
    /// Slack in the terms' unit.
    pub tolerance: f64,
    /// Severity of a broken relation.
    pub severity: Severity,
    /// The headline of a finding.
    pub message: String,
    /// Relation tests.
    pub pairs: Vec<RelationPair>,
    /// The file it came from, as shown in reports.
    pub file: String,
    /// The rule file's text, for pointing at tests that fail.
    pub source: Arc<str>,
}

impl Relation {
    /// Every term: the parts, then the whole.
    pub fn terms(&self) -> Vec<&Term> {
        self.parts.iter().chain(self.whole.as_ref()).collect()
    }

    /// Whether the relation takes claims of the rule `id`.
    pub fn involves(&self, id: &str) -> bool {
        self.terms().iter().any(|t| t.rule == id)
    }

    /// The relation in one line: `who=civilian ≤ who=civilian+military`.
    pub fn formula(&self) -> String {
        let first = self.parts.first().map(|p| &p.rule);
        let one_rule = self.terms().iter().all(|t| Some(&t.rule) == first);
        let label = |t: &Term| {
            if one_rule {
                t.selector()
            } else {
                format!("{} {}", t.rule, t.selector())
            }
        };
        let parts: Vec<String> = self.parts.iter().map(label).collect();
        let tol = if self.tolerance > 0.0 {
            format!(" (± {})", crate::value::fmt_num(self.tolerance))
        } else {
            String::new()
        };
        match (self.kind, &self.whole) {
            (RelationKind::PartOf, Some(w)) => format!("{} ≤ {}{tol}", parts.join(", "), label(w)),
            (_, Some(w)) => format!("{} = {}{tol}", parts.join(" + "), label(w)),
            (_, None) => format!(
                "{} = {}{tol}",
                parts.join(" + "),
                crate::value::fmt_num(self.total)
            ),
        }
    }
}

/// A relation as read from a file, waiting for every rule to be known.
pub(crate) struct Pending {
    path: String,
    text: String,
    toml: RelationToml,
}

impl Pending {
    pub(crate) fn new(path: &str, text: &str, rel: Spanned<RelationToml>) -> Pending {
        Pending {
            path: path.to_string(),
            text: text.to_string(),
            toml: rel.into_inner(),
        }
    }

    /// The relation's id and where it is written.
    pub(crate) fn id(&self) -> (&str, Range<usize>) {
        (self.toml.id.get_ref(), self.toml.id.span())
    }

    /// The file it is in, and the file's text.
    pub(crate) fn place(&self) -> (&str, &str) {
        (&self.path, &self.text)
    }
}

/// The span of `needle`, found at `offset` in the string value written at `span`, when the
/// value is written plainly (no escapes); else the whole value's span.
fn inner_span(text: &str, span: &Range<usize>, offset: usize, needle: &str) -> Range<usize> {
    let start = span.start + 1 + offset;
    match text.get(start..start + needle.len()) {
        Some(s) if s == needle => start..start + needle.len(),
        _ => span.clone(),
    }
}

/// Validates and compiles the relations once every rule file is read: `all_ids` holds the
/// id of every rule parsed (also those that failed to compile, whose own problems are
/// reported already), `set` the rules that compiled.
pub(crate) fn compile(
    pending: Vec<Pending>,
    set: &RuleSet,
    all_ids: &HashSet<String>,
) -> (Vec<Relation>, Vec<RuleError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut known: Vec<&str> = all_ids.iter().map(String::as_str).collect();
    known.sort_unstable();
    for p in pending {
        let (path, text) = (p.path.as_str(), p.text.as_str());
        let err = |span: Range<usize>, message: String| RuleError::new(path, text, span, message);
        let r = p.toml;
        let mut errs: Vec<RuleError> = Vec::new();
        let id = r.id.get_ref().clone();
        let id_ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        if !id_ok {
            let mut e = err(r.id.span(), format!("bad relation id `{id}`"));
            e.help = Some("use letters, digits, `.`, `-` and `_`".into());
            errs.push(e);
        }
        let kind = *r.kind.get_ref();
        // The shape each kind needs.
        let need = |ok: bool, what: &str, errs: &mut Vec<RuleError>| {
            if !ok {
                errs.push(err(
                    r.kind.span(),
                    format!("a `{}` relation {what}", kind.name()),
                ));
            }
        };
        let n_parts = r.parts.as_ref().map_or(0, |p| p.get_ref().len());
        match kind {
            RelationKind::Complement => {
                need(n_parts >= 2, "needs `parts`, two or more", &mut errs);
                need(r.part.is_none(), "takes `parts`, not `part`", &mut errs);
                need(
                    r.whole.is_none(),
                    "takes a `total`, not a `whole`",
                    &mut errs,
                );
            }
            RelationKind::Sum => {
                need(n_parts >= 2, "needs `parts`, two or more", &mut errs);
                need(r.part.is_none(), "takes `parts`, not `part`", &mut errs);
                need(r.whole.is_some(), "needs a `whole`", &mut errs);
                need(
                    r.total.is_none(),
                    "takes a `whole`, not a `total`",
                    &mut errs,
                );
            }
            RelationKind::PartOf => {
                need(r.part.is_some(), "needs a `part`", &mut errs);
                need(r.whole.is_some(), "needs a `whole`", &mut errs);
                need(
                    r.parts.is_none(),
                    "takes one `part`, not `parts`",
                    &mut errs,
                );
                need(
                    r.total.is_none(),
                    "takes a `whole`, not a `total`",
                    &mut errs,
                );
            }
        }
        let total = match &r.total {
            Some(t) if !t.get_ref().is_finite() => {
                errs.push(err(t.span(), "total must be a finite number".into()));
                100.0
            }
            Some(t) => *t.get_ref(),
            None => 100.0,
        };
        let tolerance = match &r.tolerance {
            Some(t) if !(t.get_ref().is_finite() && *t.get_ref() >= 0.0) => {
                errs.push(err(
                    t.span(),
                    "tolerance must be a number at or above 0".into(),
                ));
                0.0
            }
            Some(t) => *t.get_ref(),
            None => 0.0,
        };
        // The terms, each checked against its rule.
        let mut first_kind: Option<Kind> = None;
        let mut term = |t: &TermToml, errs: &mut Vec<RuleError>| -> Term {
            let rule_id = t.rule.get_ref();
            let mut select = Vec::new();
            let rule = set.get(rule_id);
            if !all_ids.contains(rule_id) {
                let mut e = err(
                    t.rule.span(),
                    format!("relation `{id}` names rule `{rule_id}`, which does not exist"),
                );
                e.help = did_you_mean(rule_id, &known)
                    .map(|k| format!("did you mean `{k}`?"))
                    .or_else(|| Some("see `claimlint rules list` for the rule ids".into()));
                errs.push(e);
            }
            if let Some(rule) = rule {
                match kind {
                    RelationKind::Complement if rule.kind != Kind::Percentage => {
                        errs.push(err(
                            t.rule.span(),
                            format!(
                                "a `complement` relation adds shares, but `{rule_id}` is a {} rule",
                                rule.kind.name()
                            ),
                        ));
                    }
                    _ if rule.kind == Kind::Date => errs.push(err(
                        t.rule.span(),
                        format!("`{rule_id}` is a date rule: dates do not add up"),
                    )),
                    _ if rule.kind == Kind::Category => errs.push(err(
                        t.rule.span(),
                        format!("`{rule_id}` is a category rule: categories do not add up"),
                    )),
                    _ => match first_kind {
                        Some(k) if k != rule.kind => errs.push(err(
                            t.rule.span(),
                            format!(
                                "`{rule_id}` is a {} rule, but the relation's first term is a {} rule",
                                rule.kind.name(),
                                k.name()
                            ),
                        )),
                        _ => first_kind = Some(rule.kind),
                    },
                }
            }
            if let Some(s) = &t.subject {
                let value = s.get_ref();
                let mut offset = 0;
                for piece in value.split(',') {
                    let here = offset;
                    offset += piece.len() + 1;
                    let lead = piece.len() - piece.trim_start().len();
                    let piece_t = piece.trim();
                    if piece_t.is_empty() {
                        continue;
                    }
                    let at = here + lead;
                    let Some((dim, key)) = piece_t.split_once('=') else {
                        let mut e = err(
                            inner_span(text, &s.span(), at, piece_t),
                            format!("`{piece_t}` is not a subject part"),
                        );
                        e.help = Some("write `dimension=key`, e.g. `who=civilian`".into());
                        errs.push(e);
                        continue;
                    };
                    let (dim, key) = (dim.trim(), key.trim());
                    if let Some(rule) = rule {
                        let Some(d) = rule.subjects.iter().find(|d| d.name == dim) else {
                            let names: Vec<&str> =
                                rule.subjects.iter().map(|d| d.name.as_str()).collect();
                            let mut e = err(
                                inner_span(text, &s.span(), at, dim),
                                format!("rule `{rule_id}` has no subject dimension `{dim}`"),
                            );
                            e.help = Some(match did_you_mean(dim, &names) {
                                Some(k) => format!("did you mean `{k}`?"),
                                None if names.is_empty() => {
                                    format!("`{rule_id}` has no subject dimensions")
                                }
                                None => format!("its dimensions: {}", names.join(", ")),
                            });
                            errs.push(e);
                            continue;
                        };
                        let keys = d.keys();
                        let mut pieces: Vec<&str> = key.split('+').map(str::trim).collect();
                        if !keys.is_empty() {
                            if let Some(bad) = pieces.iter().find(|k| !keys.contains(k)) {
                                let key_at = at + piece_t.find('=').map_or(0, |i| i + 1);
                                let key_at = key_at
                                    + piece_t
                                        .get(piece_t.find('=').map_or(0, |i| i + 1)..)
                                        .unwrap_or_default()
                                        .find(bad)
                                        .unwrap_or(0);
                                let mut e = err(
                                    inner_span(text, &s.span(), key_at, bad),
                                    format!("`{bad}` is no key of `{dim}` in rule `{rule_id}`"),
                                );
                                e.help = Some(match did_you_mean(bad, &keys) {
                                    Some(k) => format!("did you mean `{k}`?"),
                                    None => format!("its keys: {}", keys.join(", ")),
                                });
                                errs.push(e);
                                continue;
                            }
                        }
                        pieces.sort_unstable();
                        select.push((dim.to_string(), pieces.join("+")));
                    }
                }
            }
            Term {
                rule: rule_id.clone(),
                select,
            }
        };
        let mut parts: Vec<Term> = Vec::new();
        if let Some(ps) = &r.parts {
            for t in ps.get_ref() {
                parts.push(term(t, &mut errs));
            }
        }
        if let Some(t) = &r.part {
            parts.push(term(t, &mut errs));
        }
        let whole = r.whole.as_ref().map(|t| term(t, &mut errs));
        let mut pairs = Vec::new();
        for pair in r.pair {
            let span = pair.span();
            let pair = pair.into_inner();
            let mut date = |v: &Option<Spanned<String>>| -> Option<Date> {
                let v = v.as_ref()?;
                let d = Date::parse_iso(v.get_ref());
                if d.is_none() {
                    errs.push(err(
                        v.span(),
                        format!(
                            "`{}` is not a date that exists in the form YYYY-MM-DD",
                            v.get_ref()
                        ),
                    ));
                }
                d
            };
            let a_published = date(&pair.a_published);
            let b_published = date(&pair.b_published);
            pairs.push(RelationPair {
                a: pair.a,
                b: pair.b,
                a_published,
                b_published,
                verdict: pair.verdict,
                span,
            });
        }
        if !errs.is_empty() {
            errors.append(&mut errs);
            continue;
        }
        let message = r
            .message
            .unwrap_or_else(|| format!("claims break a relation: {}", r.title.to_lowercase()));
        out.push(Relation {
            id,
            title: r.title,
            description: r.description,
            kind,
            parts,
            whole,
            total,
            tolerance,
            severity: r.severity,
            message,
            pairs,
            file: path.to_string(),
            source: Arc::from(text),
        });
    }
    (out, errors)
}

// ---------------------------------------------------------------------------------------
// Checking.

/// The most combinations of values looked at for one relation and one subject; beyond it
/// the rest are left out (a corpus giving that many different values for each term has
/// bigger problems, which its contradictions show).
pub const MAX_COMBINATIONS: usize = 10_000;

/// One distinct value of a term: the claims giving it, at one reference time.
struct Value<'a> {
    iv: Interval,
    days: Option<Interval>,
    claims: Vec<&'a Claim>,
}

/// Every broken relation among the claims, sorted.
///
/// `claims` is any sequence of claims, as for [`crate::compare::compare`]; it is walked
/// once per relation.
pub fn check<'a, I>(rules: &RuleSet, claims: I) -> Vec<Finding>
where
    I: IntoIterator<Item = &'a Claim> + Clone,
{
    let timeless: HashSet<&str> = rules
        .rules
        .iter()
        .filter(|r| r.time == TimeMode::Timeless)
        .map(|r| r.id.as_str())
        .collect();
    let mut findings = Vec::new();
    for rel in &rules.relations {
        let terms = rel.terms();
        // (subject rest, unit) → one list of values per term.
        let mut groups: BTreeMap<(String, u8), Vec<Vec<Value>>> = BTreeMap::new();
        let mut units: HashMap<u8, Unit> = HashMap::default();
        for c in claims.clone() {
            let Ok(iv) = &c.value else { continue };
            for (t, term) in terms.iter().enumerate() {
                if *c.rule != *term.rule {
                    continue;
                }
                let Some(rest) = term.context(&c.subject) else {
                    continue;
                };
                let days = if timeless.contains(&*c.rule) {
                    None
                } else {
                    c.reference.days().copied()
                };
                units.insert(c.unit as u8, c.unit);
                let slots = groups
                    .entry((rest, c.unit as u8))
                    .or_insert_with(|| (0..terms.len()).map(|_| Vec::new()).collect());
                let Some(slot) = slots.get_mut(t) else {
                    continue;
                };
                match slot.iter_mut().find(|v| v.iv == *iv && v.days == days) {
                    Some(v) => v.claims.push(c),
                    None => slot.push(Value {
                        iv: *iv,
                        days,
                        claims: vec![c],
                    }),
                }
            }
        }
        for ((rest, unit), mut slots) in groups {
            if slots.iter().any(Vec::is_empty) {
                continue;
            }
            for values in &mut slots {
                for v in values.iter_mut() {
                    v.claims
                        .sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
                }
            }
            let unit = units.get(&unit).copied().unwrap_or(Unit::Count);
            let mut idx = vec![0usize; slots.len()];
            for _ in 0..MAX_COMBINATIONS {
                let combo: Vec<&Value> = idx
                    .iter()
                    .zip(&slots)
                    .filter_map(|(&i, s)| s.get(i))
                    .collect();
                if same_time(&combo) && distinct(&combo) && broken(rel, &combo) {
                    findings.push(finding(rel, &rest, unit, &combo));
                }
                // The next combination, as an odometer; done when the last wheel turns over.
                let mut turned_over = true;
                for (i, values) in idx.iter_mut().zip(&slots) {
                    *i += 1;
                    if *i < values.len() {
                        turned_over = false;
                        break;
                    }
                    *i = 0;
                }
                if turned_over {
                    break;
                }
            }
        }
    }
    crate::within::note_same_article(&mut findings);
    crate::finding::sort(&mut findings);
    findings
}

/// Whether the values can be for one time: every two known reference times overlap.
fn same_time(combo: &[&Value]) -> bool {
    combo.iter().enumerate().all(|(i, a)| {
        combo.iter().skip(i + 1).all(|b| match (&a.days, &b.days) {
            (Some(x), Some(y)) => x.overlaps(y),
            _ => true,
        })
    })
}

/// Whether no claim stands for two terms at once.
fn distinct(combo: &[&Value]) -> bool {
    let mut seen: HashSet<(&str, usize)> = HashSet::default();
    combo.iter().all(|v| {
        v.claims
            .iter()
            .all(|c| seen.insert((&*c.path, c.span.start)))
    })
}

/// The sum of the parts' values.
fn parts_sum(rel: &Relation, combo: &[&Value]) -> Interval {
    let mut s = Interval::point(0.0);
    for v in combo.iter().take(rel.parts.len()) {
        s = add(&s, &v.iv);
    }
    s
}

/// Whether the values break the relation.
fn broken(rel: &Relation, combo: &[&Value]) -> bool {
    let tol = rel.tolerance;
    match rel.kind {
        RelationKind::Complement => {
            let target = Interval::closed(rel.total - tol, rel.total + tol);
            !parts_sum(rel, combo).overlaps(&target)
        }
        // The whole is the term after the parts; a relation without one has nothing to
        // break.
        RelationKind::Sum => combo
            .get(rel.parts.len())
            .is_some_and(|whole| !parts_sum(rel, combo).overlaps(&whole.iv.widen(tol))),
        RelationKind::PartOf => combo.get(rel.parts.len()).is_some_and(|whole| {
            let whole = whole.iv.widen(tol);
            combo
                .iter()
                .take(rel.parts.len())
                .any(|p| exceeds(&p.iv, &whole))
        }),
    }
}

fn articles(values: &[&Value]) -> usize {
    values
        .iter()
        .flat_map(|v| v.claims.iter().map(|c| &*c.path))
        .collect::<BTreeSet<_>>()
        .len()
}

fn finding(rel: &Relation, rest: &str, unit: Unit, combo: &[&Value]) -> Finding {
    let terms = rel.terms();
    let first = terms.first().map(|t| &t.rule);
    let one_rule = terms.iter().all(|t| Some(&t.rule) == first);
    let label = |t: &Term| {
        if one_rule {
            t.selector()
        } else {
            format!("{} {}", t.rule, t.selector())
        }
    };
    let mut sites = Vec::new();
    for (t, (v, term)) in combo.iter().zip(&terms).enumerate() {
        for (k, c) in v.claims.iter().take(MAX_SITES_PER_SIDE).enumerate() {
            let role = match (t, k) {
                (0, 0) => Role::Primary,
                (_, 0) => Role::Conflicts,
                _ => Role::Agrees,
            };
            let mut site = Site::of(c, role);
            let part = if t < rel.parts.len() { "part" } else { "whole" };
            site.term = Some(format!("{part} {}", label(term)));
            sites.push(site);
        }
    }
    let gives = |t: &Term, v: &Value| {
        let Some(c) = v.claims.first() else {
            return String::new();
        };
        let reading = c.reading();
        let shown = if reading == c.text {
            c.text.clone()
        } else {
            format!("{} ({reading})", c.text)
        };
        let file = c.path.rsplit('/').next().unwrap_or(&c.path);
        format!("{file} gives {shown} for {}", label(t))
    };
    let n = rel.parts.len();
    // Term `k`'s value, or the complement of the first part's, described.
    let value = |k: usize| {
        combo
            .get(k)
            .map_or_else(String::new, |v| describe(&v.iv, unit))
    };
    let rest_of_first = || {
        combo.first().map_or_else(String::new, |v| {
            describe(&complement(rel.total, &v.iv), unit)
        })
    };
    let tol = if rel.tolerance > 0.0 {
        format!(" ± {}", crate::value::fmt_num(rel.tolerance))
    } else {
        String::new()
    };
    let given: Vec<String> = terms.iter().zip(combo).map(|(t, v)| gives(t, v)).collect();
    let why = match rel.kind {
        RelationKind::Complement if n == 2 => format!(
            "{} leaves {} of {}{tol}, not {}",
            value(0),
            rest_of_first(),
            crate::value::fmt_num(rel.total),
            value(1),
        ),
        RelationKind::Complement => format!(
            "together they make {}, not {}{tol}",
            describe(&parts_sum(rel, combo), unit),
            crate::value::fmt_num(rel.total)
        ),
        RelationKind::Sum => format!(
            "the parts make {}, not {}{tol}",
            describe(&parts_sum(rel, combo), unit),
            value(n)
        ),
        RelationKind::PartOf => format!(
            "the part ({}) cannot be more than the whole ({}{tol})",
            value(0),
            value(n)
        ),
    };
    let whole_side: Vec<&Value> = combo.iter().skip(1).copied().collect();
    Finding {
        rule: rel.id.clone(),
        subject: rest.to_string(),
        severity: rel.severity,
        outcome: Outcome::Contradiction,
        message: rel.message.clone(),
        help: format!("{}; {why}", given.join("; ")),
        sites,
        primary_articles: articles(combo.get(..1).unwrap_or_default()),
        other_articles: articles(&whole_side),
        agreeing: None,
    }
}

/// A relation explained, as text.
pub fn relation_text(r: &Relation) -> String {
    let mut out = format!("{}: {}\n\n", r.id, r.title);
    if let Some(d) = &r.description {
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    out.push_str(&format!("relation:  {}\n", r.kind.name()));
    out.push_str(&format!("file:      {}\n", r.file));
    out.push_str(&format!("severity:  {}\n", r.severity));
    out.push_str(&format!("holds:     {}\n", r.formula()));
    out.push_str(&format!("message:   {}\n", r.message));
    out.push_str("\nterms:\n");
    for (i, t) in r.terms().iter().enumerate() {
        let role = match (r.kind, i < r.parts.len()) {
            (RelationKind::PartOf, true) => "part",
            (_, true) => "part",
            (_, false) => "whole",
        };
        out.push_str(&format!("  {role}: {} {}\n", t.rule, t.selector()));
    }
    if !r.pairs.is_empty() {
        out.push_str("\npairs:\n");
        for p in &r.pairs {
            out.push_str(&format!("  {:?}\n", p.a));
            if let Some(b) = &p.b {
                out.push_str(&format!("  {b:?}\n"));
            }
            out.push_str(&format!(
                "    → {}\n",
                match p.verdict {
                    RelationVerdict::Conflict => "conflict",
                    RelationVerdict::Agree => "agree",
                }
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::RefTime;

    fn open_lo(x: f64) -> Interval {
        Interval {
            lo: Bound::Open(x),
            hi: Bound::Unbounded,
        }
    }

    #[test]
    fn complements_swap_the_ends_and_keep_their_openness() {
        assert_eq!(
            complement(100.0, &Interval::closed(18.0, 22.0)).notation(),
            "[78,82]"
        );
        assert_eq!(
            complement(100.0, &Interval::half_open(19.5, 20.5)).notation(),
            "(79.5,80.5]"
        );
        assert_eq!(complement(100.0, &open_lo(30.0)).notation(), "(,70)");
    }

    #[test]
    fn sums_are_open_where_an_end_is_and_unbounded_where_one_is() {
        let a = Interval::half_open(45_500.0, 46_500.0);
        let b = Interval::half_open(13_500.0, 14_500.0);
        assert_eq!(add(&a, &b).notation(), "[59000,61000)");
        assert_eq!(
            add(&Interval::closed(1.0, 2.0), &Interval::closed(3.0, 4.0)).notation(),
            "[4,6]"
        );
        assert_eq!(add(&a, &open_lo(14_000.0)).notation(), "(59500,)");
    }

    #[test]
    fn a_part_exceeds_its_whole_only_when_no_values_allow_it() {
        let over_14000 = open_lo(14_000.0);
        let tens_of_thousands = Interval::half_open(20_000.0, 100_000.0);
        assert!(!exceeds(&over_14000, &tens_of_thousands));
        assert!(exceeds(
            &over_14000,
            &Interval::half_open(9_500.0, 10_500.0)
        ));
        // Touching ends: closed–closed leave the one value both may have.
        assert!(!exceeds(
            &Interval::closed(10.0, 12.0),
            &Interval::closed(5.0, 10.0)
        ));
        assert!(exceeds(
            &Interval::closed(10.0, 12.0),
            &Interval::half_open(5.0, 10.0)
        ));
        assert!(exceeds(&open_lo(10.0), &Interval::closed(5.0, 10.0)));
        // An unbounded whole holds any part.
        assert!(!exceeds(&Interval::point(1e9), &open_lo(5.0)));
    }

    const RULE: &str = r#"
[[rule]]
id = "share"
title = "Share"
kind = "percentage"
patterns = ['(?i)(?P<who>kyiv|russia) holds {value} of (?P<region>donetsk|luhansk)']
[rule.subjects.who]
kyiv = ["kyiv"]
russia = ["russia"]

[[rule]]
id = "toll"
title = "Toll"
kind = "count"
patterns = ['(?i){value} (?P<who>civilians|children|people) killed']
[rule.subjects.who]
civilian = ["civilians"]
children = ["children"]
all = ["people"]
"#;

    fn set(relations: &str) -> Result<RuleSet, Vec<RuleError>> {
        crate::rules::parse_sources(&[("r.toml", &format!("{RULE}{relations}"))])
    }

    fn claims_of(set: &RuleSet, texts: &[(&str, &str)]) -> Vec<Claim> {
        texts
            .iter()
            .flat_map(|(path, text)| {
                let a = crate::article::Article {
                    path: path.to_string(),
                    text: text.to_string(),
                    body_start: 0,
                    meta: crate::article::Meta::default(),
                };
                crate::extract::extract(set, &a)
            })
            .collect()
    }

    const SHARES: &str = r#"
[[relation]]
id = "shares"
title = "Shares"
kind = "complement"
parts = [{ rule = "share", subject = "who=kyiv" }, { rule = "share", subject = "who=russia" }]
"#;

    #[test]
    fn complements_pair_claims_of_the_same_region() {
        let s = set(SHARES).unwrap();
        let r = &s.relations[0];
        assert_eq!(r.formula(), "who=kyiv + who=russia = 100");
        let c = claims_of(
            &s,
            &[
                ("a", "Kyiv holds 20% of Donetsk."),
                (
                    "b",
                    "Russia holds 80% of Donetsk. Russia holds 50% of Luhansk.",
                ),
                ("c", "Russia holds 60% of Donetsk."),
            ],
        );
        let f = check(&s, &c);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "shares");
        assert_eq!(f[0].subject, "region=donetsk");
        let texts: Vec<_> = f[0].sites.iter().map(|s| (&*s.path, &*s.text)).collect();
        assert_eq!(texts, [("a", "20%"), ("c", "60%")]);
        assert_eq!(
            f[0].help,
            "a gives 20% (19.5–20.5%) for who=kyiv; c gives 60% (59.5–60.5%) for who=russia; \
             19.5–20.5% leaves 79.5–80.5% of 100, not 59.5–60.5%"
        );
    }

    #[test]
    fn known_different_times_are_not_set_against_each_other() {
        let s = set(SHARES).unwrap();
        let mut c = claims_of(
            &s,
            &[
                ("a", "Kyiv holds 20% of Donetsk."),
                ("c", "Russia holds 60% of Donetsk."),
            ],
        );
        let day = |d: f64| RefTime::Published {
            days: Ok(Interval::half_open(d, d + 1.0)),
        };
        c[0].reference = day(100.0);
        c[1].reference = day(200.0);
        assert!(check(&s, &c).is_empty());
        c[1].reference = day(100.0);
        assert_eq!(check(&s, &c).len(), 1);
        c[1].reference = RefTime::Unknown;
        assert_eq!(check(&s, &c).len(), 1, "an unknown time may be the same");
    }

    #[test]
    fn part_of_and_sum_within_one_article() {
        let s = set(r#"
[[relation]]
id = "kids"
title = "Kids"
kind = "part-of"
part = { rule = "toll", subject = "who=children" }
whole = { rule = "toll", subject = "who=civilian" }

[[relation]]
id = "total"
title = "Total"
kind = "sum"
parts = [{ rule = "toll", subject = "who=children" }, { rule = "toll", subject = "who=civilian" }]
whole = { rule = "toll", subject = "who=all" }
tolerance = 100
"#)
        .unwrap();
        let c = claims_of(
            &s,
            &[(
                "a",
                "600 children killed, 500 civilians killed, 1,000 people killed.",
            )],
        );
        let f = check(&s, &c);
        let codes: Vec<_> = f.iter().map(|f| f.rule.as_str()).collect();
        // 600 is [550,650), 500 [495,505), 1,000 [950,1050): 600 + 500 = [1045,1155) meets
        // 1,000 ± 100, but 600 children are more than 500 civilians.
        assert_eq!(codes, ["kids"], "{f:#?}");
        assert!(f[0].message.ends_with("(within one article)"));
        let c = claims_of(
            &s,
            &[(
                "a",
                "60 children killed, 500 civilians killed, 1,000 people killed.",
            )],
        );
        let f = check(&s, &c);
        let codes: Vec<_> = f.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(codes, ["total"], "{f:#?}");
        assert!(
            f[0].help
                .contains("the parts make 554.5–565.5, not 950–1,050 ± 100"),
            "{}",
            f[0].help
        );
    }

    #[test]
    fn bad_relations_name_every_problem_at_its_place() {
        let text = r#"
[[relation]]
id = "bad"
title = "Bad"
kind = "part-of"
part = { rule = "tol", subject = "who=children" }
whole = { rule = "toll", subject = "whom=civilian, who=kids" }
"#;
        let errs = set(text).unwrap_err();
        let msgs: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "relation `bad` names rule `tol`, which does not exist",
                "rule `toll` has no subject dimension `whom`",
                "`kids` is no key of `who` in rule `toll`",
            ]
        );
        let full = format!("{RULE}{text}");
        let at = |e: &RuleError| &full[e.span.clone()];
        assert_eq!(at(&errs[0]), "\"tol\"");
        assert_eq!(at(&errs[1]), "whom");
        assert_eq!(at(&errs[2]), "kids");
        assert_eq!(errs[0].help.as_deref(), Some("did you mean `toll`?"));
        assert_eq!(errs[1].help.as_deref(), Some("did you mean `who`?"));
    }

    #[test]
    fn dates_and_categories_do_not_add_up() {
        let office = r#"
[[rule]]
id = "office"
title = "Office"
kind = "category"
patterns = ['(?i){value}\s+donald trump']
[rule.categories]
current = ["us president"]
former = ["former president"]
"#;
        let errs = set(&format!(
            "{office}\n[[relation]]\nid = \"r\"\ntitle = \"t\"\nkind = \"part-of\"\npart = {{ rule = \"office\" }}\nwhole = {{ rule = \"toll\" }}\n"
        ))
        .unwrap_err();
        let msgs: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
        assert!(
            msgs.contains(&"`office` is a category rule: categories do not add up"),
            "{msgs:?}"
        );
    }

    #[test]
    fn shapes_kinds_and_ids_are_checked() {
        let errs = set(r#"
[[relation]]
id = "shares"
title = "Dup"
kind = "complement"
parts = [{ rule = "share" }, { rule = "toll" }]
whole = { rule = "toll" }
"#)
        .unwrap_err();
        let msgs: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
        assert!(
            msgs.contains(&"a `complement` relation takes a `total`, not a `whole`"),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"a `complement` relation adds shares, but `toll` is a count rule"),
            "{msgs:?}"
        );
        let errs = set(
            "[[relation]]\nid = \"share\"\ntitle = \"t\"\nkind = \"sum\"\nparts = [{ rule = \"toll\" }]\n",
        )
        .unwrap_err();
        let msgs: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
        assert!(msgs.contains(&"duplicate id `share`"), "{msgs:?}");
        assert!(
            msgs.contains(&"a `sum` relation needs `parts`, two or more"),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"a `sum` relation needs a `whole`"),
            "{msgs:?}"
        );
    }

    #[test]
    fn relation_tests_fail_when_they_should() {
        let s = set(&format!(
            "{SHARES}\n[[relation.pair]]\na = \"Kyiv holds 20% of Donetsk.\"\nb = \"Russia holds 80% of Donetsk.\"\nverdict = \"conflict\"\n\
             [[relation.pair]]\na = \"Kyiv holds 20% of Donetsk.\"\nverdict = \"agree\"\n\
             [[relation.pair]]\na = \"Kyiv holds 20% of Donetsk. Russia holds 60% of Donetsk.\"\nverdict = \"conflict\"\n"
        ))
        .unwrap();
        let report = crate::examples::run_relation(&s, &s.relations[0]);
        assert_eq!(report.tests, 3);
        let msgs: Vec<_> = report.failures.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(
            msgs[0].starts_with("expected conflict, the engine found agree"),
            "{}",
            msgs[0]
        );
        assert!(
            msgs[1].starts_with("no claim for the term share who=russia"),
            "{}",
            msgs[1]
        );
        // The failures point at their tests.
        assert!(report.failures[0].span.start < report.failures[1].span.start);
    }

    #[test]
    fn many_values_stay_bounded() {
        let s = set(SHARES).unwrap();
        let texts: Vec<(String, String)> = (0..300)
            .map(|i| {
                (
                    format!("a{i}"),
                    format!(
                        "Kyiv holds {i}% of Donetsk. Russia holds {}% of Donetsk.",
                        299 - i
                    ),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let f = check(&s, &claims_of(&s, &refs));
        assert!(!f.is_empty() && f.len() <= MAX_COMBINATIONS);
    }
}
