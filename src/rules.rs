//! Claim rules: TOML packs → a validated, compiled [`RuleSet`].
//!
//! A rule file holds `[[rule]]` tables. A rule says what is claimed (`kind`), how to find it
//! (`patterns`, regexes in which `{value}` stands for the engine's grammar for the kind), how
//! to key it (named groups mapped through `subjects` synonym tables) and how to compare it
//! (`time`, `tolerance`, `exact`, `hedges`, `severity`). See `docs/rules.md`.
//!
//! Loading collects every problem it can find in a file instead of stopping at the first,
//! and each problem carries the byte span of its place in the TOML.

use crate::date::Date;
use crate::extract::grammar::{Grammar, HedgeRatios};
use crate::hash::{HashMap, HashSet};
use rayon::prelude::*;
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// What a rule claims; each kind has one value grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A share in percent: "19.3%", "20 per cent", "a fifth", "one in five".
    Percentage,
    /// A number of things or people: "55,000", "fifty-five thousand", "tens of thousands".
    Count,
    /// A calendar date or period: "February 24, 2022", "March 2022", "last month".
    Date,
    /// A measure with a unit, compared in its dimension's base unit: "10 miles", "16 km",
    /// "701 square kilometers", "$1.2 billion".
    Quantity,
    /// A length of time, in seconds: "five hours", "two weeks", "an hour and a half".
    Duration,
    /// One of the rule's own categories (`[rule.categories]`): "former President".
    Category,
}

/// The grammar of a category rule before its vocabulary is known: it matches nothing.
static NO_CATEGORIES: crate::extract::category::CategoryGrammar =
    crate::extract::category::CategoryGrammar::empty();

impl Kind {
    /// The value grammar for this kind.
    pub fn grammar(self) -> &'static dyn Grammar {
        match self {
            Kind::Percentage => &crate::extract::percent::PercentGrammar,
            Kind::Count => &crate::extract::count::CountGrammar,
            Kind::Date => &crate::extract::date::DateGrammar,
            Kind::Quantity => &crate::extract::quantity::QuantityGrammar,
            Kind::Duration => &crate::extract::duration::DurationGrammar,
            // A category rule's grammar is its vocabulary: see `Rule::grammar`.
            Kind::Category => &NO_CATEGORIES,
        }
    }

    /// The kind's name as written in rule files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Percentage => "percentage",
            Kind::Count => "count",
            Kind::Date => "date",
            Kind::Quantity => "quantity",
            Kind::Duration => "duration",
            Kind::Category => "category",
        }
    }
}

/// How bad a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    Default,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Shown on request; a figure that changed over time.
    Info,
    /// Worth a look; fails the run only with `--fail-on warning`.
    Warning,
    /// A contradiction; fails the run by default.
    #[default]
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Whether figures of a rule are tied to a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TimeMode {
    /// Figures hold as of a reference time; figures for different known times are a change
    /// over time, not a contradiction.
    #[default]
    AsOf,
    /// Figures do not change (the date an event happened): every pair is compared.
    Timeless,
}

/// Whether a figure can only grow (a cumulative figure: a death toll, the area taken).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Monotonic {
    /// A later figure below an earlier one is a conflict (`decreased`), unless the text
    /// near it says it was revised (`revised`).
    Increasing,
}

/// Which claims of a rule are compared, by their source (the attribution in the sentence,
/// "according to ISW"; a claim with none is its own article's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CompareMode {
    /// Every claim with every other (the default).
    #[default]
    All,
    /// Only claims of different sources: what two sources disagree on.
    AcrossSources,
    /// Only claims of the same source: one source contradicting itself.
    WithinSource,
}

/// The severity of each outcome of a rule, as `[rule.severities]` writes it.
#[derive(Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SeveritiesToml {
    /// Figures that cannot both be right (the same as `severity`; default error).
    #[serde(default)]
    contradiction: Option<Severity>,
    /// Figures for different known times (default info).
    #[serde(default)]
    change_over_time: Option<Severity>,
    /// A later article citing an older figure (default warning).
    #[serde(default)]
    stale: Option<Severity>,
    /// A cumulative figure that fell (`monotonic = "increasing"`; default: the
    /// contradiction's severity).
    #[serde(default)]
    decreased: Option<Severity>,
    /// A cumulative figure that fell, said to be revised (default info).
    #[serde(default)]
    revised: Option<Severity>,
}

/// The severity of each outcome of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Severities {
    /// Figures that cannot both be right: the rule's `severity`.
    pub contradiction: Severity,
    /// Figures for different known times.
    pub change_over_time: Severity,
    /// A later article citing an older figure.
    pub stale: Severity,
    /// A cumulative figure that fell.
    pub decreased: Severity,
    /// A cumulative figure that fell, said to be revised.
    pub revised: Severity,
}

impl Severities {
    /// The defaults, for a rule whose contradictions have severity `contradiction`.
    pub fn defaults(contradiction: Severity) -> Severities {
        Severities {
            contradiction,
            change_over_time: Severity::Info,
            stale: Severity::Warning,
            decreased: contradiction,
            revised: Severity::Info,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The file format.

/// A claimlint rule file: a pack of `[[rule]]` tables.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "claimlint rule file")]
struct FileToml {
    /// The rules of this pack.
    #[serde(default)]
    #[schemars(with = "Vec<RuleToml>")]
    rule: Vec<Spanned<RuleToml>>,
    /// Relations between the claims of rules (`complement`, `part-of`, `sum`).
    #[serde(default)]
    #[schemars(with = "Vec<crate::relations::RelationToml>")]
    relation: Vec<Spanned<crate::relations::RelationToml>>,
}

/// One claim rule: what is claimed, how to find it, how to key it and how to compare it.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RuleToml {
    /// Stable identifier and diagnostic code: letters, digits, `.`, `-`, `_`.
    #[schemars(with = "String")]
    id: Spanned<String>,
    /// One line saying what is claimed.
    title: String,
    /// A longer explanation, shown by `claimlint explain`.
    #[serde(default)]
    description: Option<String>,
    /// What is claimed; each kind has its own value grammar.
    #[schemars(with = "Kind")]
    kind: Spanned<Kind>,
    /// Regexes; `{value}` (exactly once) stands for the kind's value grammar. Named groups
    /// other than `value` are subject dimensions.
    #[schemars(with = "Vec<String>")]
    patterns: Spanned<Vec<Spanned<String>>>,
    /// The order of the subject dimensions in the subject key.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    subject: Option<Spanned<Vec<Spanned<String>>>>,
    /// Synonym tables: `[rule.subjects.GROUP]` maps each key to the words that mean it.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, BTreeMap<String, Vec<String>>>")]
    subjects: BTreeMap<Spanned<String>, BTreeMap<String, Vec<Spanned<String>>>>,
    /// Whether figures hold as of a reference time (`as-of`) or never change (`timeless`).
    #[serde(default)]
    time: TimeMode,
    /// Severity of a contradiction.
    #[serde(default)]
    #[schemars(with = "Option<Severity>")]
    severity: Option<Spanned<Severity>>,
    /// Severity of each outcome: contradiction, change-over-time, stale, decreased, revised.
    #[serde(default)]
    #[schemars(with = "Option<SeveritiesToml>")]
    severities: Option<Spanned<SeveritiesToml>>,
    /// `increasing`: a cumulative figure (a toll, the area taken) that may only grow.
    #[serde(default)]
    monotonic: Option<Monotonic>,
    /// Which claims are compared by source: `all` (default), `across-sources`,
    /// `within-source`.
    #[serde(default)]
    compare: CompareMode,
    /// For `kind = "category"`: each category and the words that mean it.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    categories: Option<Spanned<BTreeMap<String, Vec<Spanned<String>>>>>,
    /// The headline of a finding.
    #[serde(default)]
    message: Option<String>,
    /// Slack in the kind's unit (percent, things, days), split over both claims.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0))]
    tolerance: Option<Spanned<f64>>,
    /// Read bare figures as exact points instead of carrying their rounding.
    #[serde(default)]
    exact: bool,
    /// Widening ratios for hedged figures.
    #[serde(default)]
    hedges: Option<HedgesToml>,
    /// Rule tests: a text and what the rule must read from it.
    #[serde(default)]
    #[schemars(with = "Vec<ExampleToml>")]
    example: Vec<Spanned<ExampleToml>>,
    /// Rule tests: two articles and the verdict the engine must reach.
    #[serde(default)]
    #[schemars(with = "Vec<PairToml>")]
    pair: Vec<Spanned<PairToml>>,
}

/// Widening ratios for hedged figures, from 0 to below 1.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct HedgesToml {
    /// "about x" is `[x·(1−r), x·(1+r)]`; default 0.1.
    #[serde(default)]
    #[schemars(range(min = 0, max = 1))]
    about: Option<f64>,
    /// "nearly x" is `[x·(1−r), x)`; default 0.1.
    #[serde(default)]
    #[schemars(range(min = 0, max = 1))]
    nearly: Option<f64>,
}

/// A rule test: a short text and what the rule must read from it.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ExampleToml {
    /// The text.
    text: String,
    /// The value as written that must be found.
    #[serde(default)]
    value: Option<String>,
    /// The subject key it must have (`who=military, what=killed`).
    #[serde(default)]
    subject: Option<String>,
    /// The interval it must read, in range notation (`[19.25,19.35)`).
    #[serde(default)]
    interval: Option<String>,
    /// The reference time as written ("February 5"), or `none`.
    #[serde(default)]
    reference: Option<String>,
    /// A published date (YYYY-MM-DD) for the text, to resolve relative dates.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    published: Option<Spanned<String>>,
    /// The rule must find nothing in the text.
    #[serde(default)]
    none: bool,
}

/// A rule test of two short articles and the verdict.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct PairToml {
    /// The first article.
    a: String,
    /// The second article.
    b: String,
    /// The first article's published date (YYYY-MM-DD).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    a_published: Option<Spanned<String>>,
    /// The second article's published date (YYYY-MM-DD).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    b_published: Option<Spanned<String>>,
    /// What the engine must conclude.
    verdict: Verdict,
}

/// The JSON Schema of rule files, generated from the types they are read into. The copy in
/// `schema/rules.schema.json` is checked against it by a test.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(FileToml);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// What a `[[rule.pair]]` says the engine must conclude about its two articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The articles contradict each other.
    Conflict,
    /// Both give a claim, and they agree.
    Agree,
    /// The figures differ, for different times.
    ChangeOverTime,
    /// The later article cites the older figure.
    Stale,
    /// A cumulative figure fell (`monotonic = "increasing"`).
    Decreased,
    /// A cumulative figure fell, and the text says it was revised.
    Revised,
}

// ---------------------------------------------------------------------------------------
// The compiled form.

/// A rule test: a text and what the rule must read from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The text to extract from.
    pub text: String,
    /// The value as written that must be found.
    pub value: Option<String>,
    /// The subject key that must be given.
    pub subject: Option<String>,
    /// The interval that must be read, in range notation (`[19.25,19.35)`).
    pub interval: Option<String>,
    /// The reference time as written ("February 5"), or `none` for no reference time.
    pub reference: Option<String>,
    /// The published date the text is read with.
    pub published: Option<Date>,
    /// When true, the rule must find nothing in the text.
    pub none: bool,
    /// Where the example is in the rule file.
    pub span: Range<usize>,
}

/// A rule test of two articles: `[[rule.pair]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The first article's text.
    pub a: String,
    /// The second article's text.
    pub b: String,
    /// The first article's published date.
    pub a_published: Option<Date>,
    /// The second article's published date.
    pub b_published: Option<Date>,
    /// What the engine must conclude.
    pub verdict: Verdict,
    /// Where the pair is in the rule file.
    pub span: Range<usize>,
}

/// One subject dimension: a named group of the patterns and its synonym table.
#[derive(Debug, Clone)]
pub struct SubjectDim {
    /// The group's name, which is also the dimension's name.
    pub name: String,
    /// Synonyms, lower-cased, longest first, with the key each maps to.
    synonyms: Vec<(String, String)>,
}

impl SubjectDim {
    /// The keys of the synonym table, sorted.
    pub fn keys(&self) -> Vec<&str> {
        let mut k: Vec<&str> = self.synonyms.iter().map(|(_, key)| key.as_str()).collect();
        k.sort_unstable();
        k.dedup();
        k
    }

    /// The key for a captured text: the keys of every synonym found in it (longest match
    /// first, whole words), sorted and joined with `+` ("soldiers and civilians" →
    /// `civilian+military`); the text itself, lower-cased, when no synonym is found.
    pub fn key(&self, captured: &str) -> String {
        let lower = captured.to_lowercase();
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut keys: Vec<&str> = Vec::new();
        for (syn, key) in &self.synonyms {
            let mut from = 0;
            while let Some(i) = lower.get(from..).unwrap_or_default().find(syn.as_str()) {
                let start = from + i;
                let end = start + syn.len();
                from = end;
                let word_start = !lower
                    .get(..start)
                    .unwrap_or_default()
                    .chars()
                    .next_back()
                    .is_some_and(is_word);
                let word_end = !lower
                    .get(end..)
                    .unwrap_or_default()
                    .chars()
                    .next()
                    .is_some_and(is_word);
                if !word_start || !word_end || taken.iter().any(|r| r.start < end && start < r.end)
                {
                    continue;
                }
                taken.push(start..end);
                if !keys.contains(&key.as_str()) {
                    keys.push(key);
                }
            }
        }
        if keys.is_empty() {
            return lower.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        keys.sort_unstable();
        keys.join("+")
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A validated, compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable identifier, the diagnostic code (`territory.russia-control`).
    pub id: String,
    /// The same identifier, shared by every claim of the rule (one allocation per rule,
    /// not one per article).
    pub(crate) shared_id: std::sync::Arc<str>,
    /// One line saying what is claimed.
    pub title: String,
    /// Longer explanation, for `explain`.
    pub description: Option<String>,
    /// What is claimed.
    pub kind: Kind,
    /// The patterns as written, with `{value}`.
    pub patterns: Vec<String>,
    /// Where each pattern stands in the rule file.
    pub pattern_spans: Vec<Range<usize>>,
    /// The patterns compiled, `{value}` replaced by the kind's grammar; empty until
    /// [`RuleSet::compile`] when the rules were loaded with [`Compile::Deferred`].
    pub regexes: Vec<Regex>,
    /// Subject dimensions in key order.
    pub subjects: Vec<SubjectDim>,
    /// Whether figures are tied to a reference time.
    pub time: TimeMode,
    /// Severity of a contradiction.
    pub severity: Severity,
    /// Severities of the other outcomes, as `[rule.severities]` gives them (`None`: the
    /// default, see [`Rule::severities`]).
    pub outcome_severities: OutcomeSeverities,
    /// Whether the figure may only grow.
    pub monotonic: Option<Monotonic>,
    /// Which claims are compared, by source.
    pub compare: CompareMode,
    /// For `kind = "category"`: the vocabulary, the rule's grammar.
    pub categories: Option<Arc<crate::extract::category::CategoryGrammar>>,
    /// The headline of a finding.
    pub message: String,
    /// Absolute slack added to each side of every interval before comparing, in the kind's
    /// unit (percent, things, days).
    pub tolerance: f64,
    /// Whether bare figures are exact rather than rounded.
    pub exact: bool,
    /// How hedged figures widen.
    pub hedges: HedgeRatios,
    /// Whether the rule file set the ratios (a project configuration does not override
    /// them then).
    pub hedges_set: bool,
    /// Rule tests: texts and what the rule must read from them.
    pub examples: Vec<Example>,
    /// Rule tests: pairs of articles and the verdict.
    pub pairs: Vec<Pair>,
    /// The file the rule came from, as shown in reports.
    pub file: String,
    /// The rule file's text, for pointing at examples that fail.
    pub source: Arc<str>,
}

/// Every rule loaded, in file order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// The rules.
    pub rules: Vec<Rule>,
    /// The relations between rules' claims, in file order.
    pub relations: Vec<crate::relations::Relation>,
    /// Severity overrides for the engine's own checks (`unit-conversion`): `None` turns
    /// the check off. A check not listed has its documented severity.
    pub checks: BTreeMap<String, Option<Severity>>,
}

/// The outcome severities a rule file set; the rest follow the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutcomeSeverities {
    /// Figures for different known times.
    pub change_over_time: Option<Severity>,
    /// A later article citing an older figure.
    pub stale: Option<Severity>,
    /// A cumulative figure that fell.
    pub decreased: Option<Severity>,
    /// A cumulative figure that fell, said to be revised.
    pub revised: Option<Severity>,
}

impl Rule {
    /// The severity of each outcome: those the rule file set, the defaults for the rest
    /// (a decrease has the contradiction's severity, which a configuration may override).
    pub fn severities(&self) -> Severities {
        let d = Severities::defaults(self.severity);
        let o = &self.outcome_severities;
        Severities {
            contradiction: self.severity,
            change_over_time: o.change_over_time.unwrap_or(d.change_over_time),
            stale: o.stale.unwrap_or(d.stale),
            decreased: o.decreased.unwrap_or(d.decreased),
            revised: o.revised.unwrap_or(d.revised),
        }
    }

    /// The value grammar: the kind's, or for a category rule its vocabulary.
    pub fn grammar(&self) -> &dyn Grammar {
        match &self.categories {
            Some(c) => &**c,
            None => self.kind.grammar(),
        }
    }
}

impl RuleSet {
    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Whether every rule's patterns are compiled (extraction needs them).
    pub fn is_compiled(&self) -> bool {
        self.rules
            .iter()
            .all(|r| r.regexes.len() == r.patterns.len())
    }

    /// Compiles the patterns of rules loaded with [`Compile::Deferred`] (nothing to do for
    /// the others), in parallel.
    ///
    /// # Errors
    ///
    /// Every pattern that does not compile, with its place in its rule file: in practice a
    /// pattern too large once the grammar is in, since loading checked the rest.
    pub fn compile(&mut self) -> Result<(), Vec<RuleError>> {
        let mut errors = Vec::new();
        for rule in self
            .rules
            .iter_mut()
            .filter(|r| r.regexes.len() != r.patterns.len())
        {
            let grammar = rule.grammar();
            let compiled: Vec<Result<Regex, regex::Error>> = rule
                .patterns
                .par_iter()
                .map(|p| build_regex(&expand_with(p, grammar), REGEX_SIZE_LIMIT))
                .collect();
            let mut regexes = Vec::with_capacity(compiled.len());
            for ((p, span), c) in rule.patterns.iter().zip(&rule.pattern_spans).zip(compiled) {
                match c {
                    Ok(re) => regexes.push(re),
                    Err(e) => {
                        errors.push(pattern_error(&rule.file, &rule.source, span.clone(), p, &e))
                    }
                }
            }
            if regexes.len() == rule.patterns.len() {
                rule.regexes = regexes;
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The relation with this id.
    pub fn relation(&self, id: &str) -> Option<&crate::relations::Relation> {
        self.relations.iter().find(|r| r.id == id)
    }

    /// The severity an engine check runs at: its override, else `default`; `None` when the
    /// configuration turned it off.
    pub fn check_severity(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.checks.get(code) {
            Some(level) => *level,
            None => Some(default),
        }
    }
}

/// A problem in a rule file, with its place.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct RuleError {
    /// The rule file, as shown in reports.
    pub path: String,
    /// The file's text (empty when it could not be read).
    pub text: String,
    /// The offending bytes.
    pub span: Range<usize>,
    /// Line, from 1 (0 when the file could not be read).
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when known.
    pub help: Option<String>,
    /// A second place the problem involves (where a duplicate id was first defined).
    pub also: Option<Box<RuleError>>,
}

impl RuleError {
    /// A problem at `span` in the file `path` whose text is `text`.
    pub fn new(path: &str, text: &str, span: Range<usize>, message: String) -> RuleError {
        let (line, column) = crate::article::line_col(text, span.start);
        RuleError {
            path: path.to_string(),
            text: text.to_string(),
            span,
            line,
            column,
            message,
            help: None,
            also: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> RuleError {
        self.help = Some(help.into());
        self
    }
}

/// The rule files under `paths`: each path is a `.toml` file or a directory searched
/// recursively for `.toml` files, in sorted order.
pub fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<RuleError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let shown = crate::article::display_path(p);
        match std::fs::metadata(p) {
            Err(e) => errors.push(RuleError {
                line: 0,
                column: 0,
                ..RuleError::new(&shown, "", 0..0, format!("cannot read rules: {e}"))
            }),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                collect_toml(p, &mut found, &mut errors);
                found.sort();
                if found.is_empty() {
                    errors.push(RuleError {
                        line: 0,
                        column: 0,
                        ..RuleError::new(&shown, "", 0..0, "no rule files (*.toml) here".into())
                    });
                }
                files.extend(found);
            }
            Ok(_) => files.push(p.clone()),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<RuleError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let shown = crate::article::display_path(dir);
            errors.push(RuleError {
                line: 0,
                column: 0,
                ..RuleError::new(&shown, "", 0..0, format!("cannot read rules: {e}"))
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_toml(&path, out, errors);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// When a rule set's patterns are compiled to regexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compile {
    /// While loading: every problem, a pattern too large once compiled included, is known
    /// when loading returns.
    Now,
    /// Later, by [`RuleSet::compile`]. Loading still checks every pattern's syntax, its
    /// `{value}` and its groups (on the pattern with a small stand-in for the grammar);
    /// only the compiled size of the grammar-expanded regex waits. A run whose articles
    /// all come from the cache (`--cache`) then never pays for compiling.
    Deferred,
}

/// Loads every rule under `paths` (files or directories), or every problem found.
pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Vec<RuleError>> {
    load_with(paths, Compile::Now)
}

/// [`load`], compiling the patterns now or leaving that to [`RuleSet::compile`].
pub fn load_with(paths: &[PathBuf], compile: Compile) -> Result<RuleSet, Vec<RuleError>> {
    let files = rule_files(paths)?;
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for f in &files {
        let shown = crate::article::display_path(f);
        match std::fs::read(f) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => sources.push((shown, text)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    errors.push(RuleError::new(
                        &shown,
                        &text,
                        at..at + 1,
                        "rule file is not UTF-8 text".into(),
                    ));
                }
            },
            Err(e) => errors.push(RuleError {
                line: 0,
                column: 0,
                ..RuleError::new(&shown, "", 0..0, format!("cannot read rules: {e}"))
            }),
        }
    }
    let refs: Vec<(&str, &str)> = sources
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    match parse_sources_with(&refs, compile) {
        Ok(set) if errors.is_empty() => Ok(set),
        Ok(_) => Err(errors),
        Err(mut more) => {
            errors.append(&mut more);
            Err(errors)
        }
    }
}

/// Parses rule files given as `(path, text)` pairs into one set, compiling the patterns.
pub fn parse_sources(sources: &[(&str, &str)]) -> Result<RuleSet, Vec<RuleError>> {
    parse_sources_with(sources, Compile::Now)
}

/// [`parse_sources`], compiling the patterns now or leaving that to [`RuleSet::compile`].
pub fn parse_sources_with(
    sources: &[(&str, &str)],
    compile: Compile,
) -> Result<RuleSet, Vec<RuleError>> {
    let mut set = RuleSet::default();
    let mut errors = Vec::new();
    // Where each id was first defined: (path, text, span).
    let mut seen: HashMap<String, (String, String, Range<usize>)> = HashMap::default();
    let mut relations: Vec<crate::relations::Pending> = Vec::new();
    let mut unloaded: HashSet<String> = HashSet::default();
    for (path, text) in sources {
        // Syntax first: a file that is not TOML has no rules to look into.
        if let Err(e) = toml::from_str::<toml::Table>(text) {
            errors.push(RuleError::new(
                path,
                text,
                e.span().unwrap_or(0..0),
                e.message().trim().to_string(),
            ));
            continue;
        }
        // Then each `[[rule]]` on its own, so one bad rule does not hide the problems of
        // the next. The text outside the rule is blanked, not cut, so spans stay the
        // file's own.
        for chunk in rule_chunks(text) {
            let blanked = blank_outside(text, &chunk);
            let file: FileToml = match toml::from_str(&blanked) {
                Ok(f) => f,
                Err(e) => {
                    errors.push(serde_error(path, text, &e, chunk.start));
                    // The ids of rules that did not load still exist for relations, which
                    // are not to report them missing as well.
                    if let Ok(t) = toml::from_str::<toml::Table>(&blanked) {
                        let rules = t.get("rule").and_then(|r| r.as_array());
                        for r in rules.into_iter().flatten() {
                            if let Some(id) = r.get("id").and_then(|i| i.as_str()) {
                                unloaded.insert(id.to_string());
                            }
                        }
                    }
                    continue;
                }
            };
            for rel in file.relation {
                relations.push(crate::relations::Pending::new(path, text, rel));
            }
            for rule in file.rule {
                let rule_span = rule.span();
                let rule = rule.into_inner();
                let id_span = rule.id.span();
                let id = rule.id.get_ref().clone();
                if let Some((first_path, first_text, first_span)) = seen.get(&id) {
                    let mut e =
                        RuleError::new(path, text, id_span, format!("duplicate rule id `{id}`"))
                            .help("rule ids must be unique across every rule file loaded");
                    e.also = Some(Box::new(RuleError::new(
                        first_path,
                        first_text,
                        first_span.clone(),
                        "first defined here".into(),
                    )));
                    errors.push(e);
                } else {
                    seen.insert(id.clone(), (path.to_string(), text.to_string(), id_span));
                }
                match compile_rule(path, text, rule, rule_span, compile) {
                    Ok(r) => set.rules.push(r),
                    Err(mut e) => errors.append(&mut e),
                }
            }
        }
    }
    // Relations once every rule is known: ids unique among rules and relations, and every
    // rule and subject dimension they name must exist.
    let mut rule_ids: HashSet<String> = seen.keys().cloned().collect();
    rule_ids.extend(unloaded);
    for p in &relations {
        let (id, span) = p.id();
        if let Some((first_path, first_text, first_span)) = seen.get(id) {
            let (path, text) = p.place();
            let mut e = RuleError::new(path, text, span, format!("duplicate id `{id}`"))
                .help("rule and relation ids must be unique across every rule file loaded");
            e.also = Some(Box::new(RuleError::new(
                first_path,
                first_text,
                first_span.clone(),
                "first defined here".into(),
            )));
            errors.push(e);
        } else {
            let (path, text) = p.place();
            seen.insert(id.to_string(), (path.to_string(), text.to_string(), span));
        }
    }
    let (compiled, mut more) = crate::relations::compile(relations, &set, &rule_ids);
    set.relations = compiled;
    errors.append(&mut more);
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

/// The byte ranges of a rule file's parts: what precedes the first `[[rule]]` or
/// `[[relation]]`, then each of those with the tables that follow it.
fn rule_chunks(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if (t.starts_with("[[rule]]") || t.starts_with("[[relation]]")) && pos > 0 {
            starts.push(pos);
        }
        pos += line.len();
    }
    let mut chunks: Vec<Range<usize>> = starts
        .iter()
        .zip(starts.iter().skip(1))
        .map(|(&a, &b)| a..b)
        .collect();
    if let Some(&last) = starts.last() {
        chunks.push(last..text.len());
    }
    chunks
}

/// The text with every byte outside `keep` turned into a space (line breaks kept), so a
/// part of the file parses alone with the file's own offsets.
fn blank_outside(text: &str, keep: &Range<usize>) -> String {
    let bytes: Vec<u8> = text
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            if keep.contains(&i) || b == b'\n' {
                b
            } else {
                b' '
            }
        })
        .collect();
    // Only whole characters outside `keep` were replaced, byte by byte, with ASCII.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The keys a rule table may have, for "did you mean" help.
const RULE_KEYS: &[&str] = &[
    "id",
    "title",
    "description",
    "kind",
    "patterns",
    "subject",
    "subjects",
    "time",
    "severity",
    "severities",
    "monotonic",
    "compare",
    "categories",
    "message",
    "tolerance",
    "exact",
    "hedges",
    "example",
    "pair",
];

/// A serde error from a rule file, with a "did you mean" for misspelt keys.
fn serde_error(path: &str, text: &str, e: &toml::de::Error, fallback: usize) -> RuleError {
    let span = e.span().unwrap_or(fallback..fallback);
    let message = toml_message(text, e);
    let mut err = RuleError::new(path, text, span, message.clone());
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or("");
        // The known keys are listed after "expected one of"; fall back to the rule's.
        let listed: Vec<&str> = message
            .split("expected ")
            .nth(1)
            .map(|l| l.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let known = if listed.is_empty() {
            RULE_KEYS.to_vec()
        } else {
            listed
        };
        if let Some(best) = did_you_mean(unknown, &known) {
            err.help = Some(format!("did you mean `{best}`?"));
        }
    }
    err
}

/// The message of a toml error from reading `text` into one of claimlint's types (rule
/// files, `claimlint.toml`, baselines), trimmed. toml hands a date-time to serde as a
/// one-key table (`$__toml_private_datetime`), so a date where another kind of value
/// belongs reads "invalid type: map" or "unknown field `$__toml_private_datetime`"; when
/// the offending value is a date-time, the message says so instead.
pub(crate) fn toml_message(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim();
    let datetime = e
        .span()
        .and_then(|span| text.get(span))
        .map(str::trim)
        .filter(|v| v.parse::<toml::value::Datetime>().is_ok());
    let Some(value) = datetime else {
        return message.to_string();
    };
    if let Some(rest) = message.strip_prefix("invalid type: map, ") {
        format!("invalid type: date-time `{value}`, {rest}")
    } else if message.starts_with("unknown field `$__toml_private_datetime`") {
        format!("invalid type: date-time `{value}`, expected a table")
    } else {
        message.to_string()
    }
}

/// The known word closest to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) && *d < k.len())
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance between two strings, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        // cur[j + 1] from prev[j] (diagonal), prev[j + 1] (above) and cur[j] (left).
        let mut cur = Vec::with_capacity(b.len() + 1);
        let mut left = i + 1;
        cur.push(left);
        for ((cb, diag), above) in b.iter().zip(&prev).zip(prev.iter().skip(1)) {
            left = (diag + usize::from(ca != *cb)).min(above + 1).min(left + 1);
            cur.push(left);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Rewrites `\b` and `\B` outside character classes to their ASCII forms. A Unicode word
/// boundary pushes the regex engine off its fast automaton on text full of curly quotes and
/// dashes (20–40× slower); in patterns written around English words the ASCII form matches
/// the same places.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if in_class == 0 => out.push_str(r"(?-u:\b)"),
                Some('B') if in_class == 0 => out.push_str(r"(?-u:\B)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The largest compiled size a rule's pattern may take: a bound on memory and compile time
/// for patterns from untrusted rule files.
pub const REGEX_SIZE_LIMIT: usize = 8 * 1024 * 1024;

/// The most memory one thread's lazy DFA cache may take for one compiled pattern.
///
/// The regex crate's default (2 MiB) is mostly taken, for a pattern holding a grammar,
/// by the cache's fixed part, which grows with the size of the compiled pattern: the few
/// states left are cleared and rebuilt so often that the lazy DFA gives up and every search
/// runs on the much slower PikeVM (`territory.russia-control`, whose `[^.]{0,150}?` makes
/// many states, ran 50× slower). The cache grows only as states are built, so the limit
/// costs memory only for patterns that need it.
pub const DFA_CACHE_LIMIT: usize = 16 * 1024 * 1024;

/// Compiles a rule pattern (or an engine pattern built like one) with the engine's limits:
/// at most `size_limit` bytes compiled, and [`DFA_CACHE_LIMIT`] for the lazy DFA's cache.
/// `\s` in it is narrowed first to the spaces of news text ([`crate::lean`]).
///
/// # Errors
///
/// The regex crate's, when the pattern is not valid or compiles too big.
pub fn build_regex(src: &str, size_limit: usize) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(&crate::lean::news_spaces(src))
        .size_limit(size_limit)
        .dfa_size_limit(DFA_CACHE_LIMIT)
        .build()
}

/// `{value}` in a pattern replaced by the kind's grammar as the group `value`, and `\b`
/// made ASCII.
pub fn expand_pattern(pattern: &str, kind: Kind) -> String {
    expand_with(pattern, kind.grammar())
}

/// `{value}` in a pattern replaced by `grammar`'s regex as the group `value`, and `\b`
/// made ASCII.
pub fn expand_with(pattern: &str, grammar: &dyn Grammar) -> String {
    let grammar = format!("(?P<value>{})", grammar.regex());
    ascii_word_boundaries(pattern).replace("{value}", &grammar)
}

/// A pattern with `{value}` replaced by a small stand-in for the grammar, `\b` made ASCII:
/// what [`Compile::Deferred`] checks at load.
fn probe_pattern(pattern: &str) -> String {
    ascii_word_boundaries(pattern).replace("{value}", "(?P<value>(?:value))")
}

/// The rule error for a pattern (at `span`, written `src`) that did not compile.
fn pattern_error(
    path: &str,
    text: &str,
    span: Range<usize>,
    src: &str,
    e: &regex::Error,
) -> RuleError {
    match e {
        regex::Error::CompiledTooBig(_) => RuleError::new(
            path,
            text,
            span,
            format!(
                "pattern is too large once compiled (limit {} MiB)",
                REGEX_SIZE_LIMIT / (1024 * 1024)
            ),
        )
        .help("use fewer or shorter alternations and bounded repeats"),
        _ => {
            // Say what is wrong with the pattern as written, not with the grammar-expanded
            // regex the user never wrote.
            let probe = src.replace("{value}", "(?:value)");
            let named = src.replace("{value}", "(?P<value>(?:value))");
            let why = match (Regex::new(&probe), Regex::new(&named)) {
                (Err(e), _) | (Ok(_), Err(e)) => e.to_string(),
                (Ok(_), Ok(_)) => e.to_string(),
            };
            RuleError::new(path, text, span, "pattern is not a valid regex".to_string())
                .help(format!("{why}\n(`{{value}}` is shown as `(?:value)`)"))
        }
    }
}

fn compile_rule(
    path: &str,
    text: &str,
    rule: RuleToml,
    rule_span: Range<usize>,
    compile: Compile,
) -> Result<Rule, Vec<RuleError>> {
    let mut errors = Vec::new();
    let kind = *rule.kind.get_ref();
    let id = rule.id.get_ref().clone();
    let id_ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !id_ok {
        errors.push(
            RuleError::new(path, text, rule.id.span(), format!("bad rule id `{id}`"))
                .help("use letters, digits, `.`, `-` and `_`, e.g. `casualties.toll`"),
        );
    }
    if rule.patterns.get_ref().is_empty() {
        errors.push(RuleError::new(
            path,
            text,
            rule.patterns.span(),
            "a rule needs at least one pattern".into(),
        ));
    }
    let categories = compile_categories(path, text, &rule, &mut errors);
    let grammar: &dyn Grammar = match &categories {
        Some(c) => &**c,
        None => kind.grammar(),
    };
    let (severity, outcome_severities) = compile_severities(path, text, &rule, &mut errors);
    if let Some(m) = rule.monotonic {
        let numeric = matches!(
            kind,
            Kind::Count | Kind::Percentage | Kind::Quantity | Kind::Duration
        );
        if !numeric || rule.time == TimeMode::Timeless {
            errors.push(
                RuleError::new(
                    path,
                    text,
                    rule.kind.span(),
                    format!(
                        "`monotonic = \"{}\"` needs a figure tied to a time",
                        match m {
                            Monotonic::Increasing => "increasing",
                        }
                    ),
                )
                .help(
                    "use it with kind count, percentage, quantity or duration and time = \"as-of\"",
                ),
            );
        }
    }
    let mut regexes = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    // The patterns' regexes are tens of kilobytes once the grammar is in: compile them in
    // parallel, then look at the results in order. Deferred, each pattern is compiled with
    // a stand-in for the grammar instead, which finds the same syntax errors and groups
    // (the grammars have no named groups) at a fraction of the cost.
    let compiled: Vec<Option<Result<Regex, regex::Error>>> = rule
        .patterns
        .get_ref()
        .par_iter()
        .map(|p| {
            let src = p.get_ref();
            (src.matches("{value}").count() == 1).then(|| match compile {
                Compile::Now => build_regex(&expand_with(src, grammar), REGEX_SIZE_LIMIT),
                Compile::Deferred => build_regex(&probe_pattern(src), REGEX_SIZE_LIMIT),
            })
        })
        .collect();
    for (p, compiled) in rule.patterns.get_ref().iter().zip(compiled) {
        let src = p.get_ref();
        let Some(compiled) = compiled else {
            let n = src.matches("{value}").count();
            errors.push(
                RuleError::new(
                    path,
                    text,
                    p.span(),
                    format!("a pattern must hold `{{value}}` exactly once (it holds it {n} times)"),
                )
                .help("`{value}` marks where the figure stands; the engine fills in its grammar"),
            );
            continue;
        };
        match compiled {
            Ok(re) => {
                for name in re.capture_names().flatten() {
                    if name != "value" && !groups.iter().any(|g| g == name) {
                        groups.push(name.to_string());
                    }
                }
                if compile == Compile::Now {
                    regexes.push(re);
                }
            }
            Err(e) => errors.push(pattern_error(path, text, p.span(), src, &e)),
        }
    }
    // Subject dimensions: the declared order, else the groups in order of appearance.
    let order: Vec<String> = match &rule.subject {
        Some(list) => {
            for s in list.get_ref() {
                if !groups.iter().any(|g| g == s.get_ref()) && errors.is_empty() {
                    errors.push(
                        RuleError::new(
                            path,
                            text,
                            s.span(),
                            format!(
                                "subject `{}` is not a named group of any pattern",
                                s.get_ref()
                            ),
                        )
                        .help(format!("capture it with `(?P<{}>...)`", s.get_ref())),
                    );
                }
            }
            list.get_ref().iter().map(|s| s.get_ref().clone()).collect()
        }
        None => groups.clone(),
    };
    let mut subjects = Vec::new();
    for name in &order {
        let mut synonyms: Vec<(String, String)> = Vec::new();
        let mut by_word: HashMap<String, (String, Range<usize>)> = HashMap::default();
        if let Some((_, table)) = rule.subjects.iter().find(|(k, _)| k.get_ref() == name) {
            for (key, words) in table {
                for w in words {
                    let lw = w.get_ref().trim().to_lowercase();
                    if lw.is_empty() {
                        errors.push(RuleError::new(path, text, w.span(), "empty synonym".into()));
                        continue;
                    }
                    if let Some((other, _)) = by_word.get(&lw) {
                        if other != key {
                            errors.push(RuleError::new(
                                path,
                                text,
                                w.span(),
                                format!(
                                    "synonym `{lw}` maps to two subject keys: `{other}` and `{key}`"
                                ),
                            ));
                        }
                        continue;
                    }
                    by_word.insert(lw.clone(), (key.clone(), w.span()));
                    synonyms.push((lw, key.clone()));
                }
            }
        }
        synonyms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        subjects.push(SubjectDim {
            name: name.clone(),
            synonyms,
        });
    }
    for k in rule.subjects.keys() {
        if !groups.iter().any(|g| g == k.get_ref()) && errors.is_empty() {
            errors.push(
                RuleError::new(
                    path,
                    text,
                    k.span(),
                    format!(
                        "subject table `{}` names no group of any pattern",
                        k.get_ref()
                    ),
                )
                .help(format!("capture it with `(?P<{}>...)`", k.get_ref())),
            );
        }
    }
    let tolerance = match rule.tolerance {
        Some(t) if !(t.get_ref().is_finite() && *t.get_ref() >= 0.0) => {
            errors.push(RuleError::new(
                path,
                text,
                t.span(),
                "tolerance must be a number at or above 0".into(),
            ));
            0.0
        }
        Some(t) => *t.get_ref(),
        None => 0.0,
    };
    let mut hedges = HedgeRatios::default();
    if let Some(h) = &rule.hedges {
        for (v, slot) in [(h.about, &mut hedges.about), (h.nearly, &mut hedges.nearly)] {
            if let Some(v) = v {
                if !(0.0..1.0).contains(&v) {
                    errors.push(RuleError::new(
                        path,
                        text,
                        rule_span.clone(),
                        format!("hedge ratio {v} must be at least 0 and below 1"),
                    ));
                }
                *slot = v;
            }
        }
    }
    let mut date_of = |v: &Option<Spanned<String>>| -> Option<Date> {
        let v = v.as_ref()?;
        let d = Date::parse_iso(v.get_ref());
        if d.is_none() {
            errors.push(RuleError::new(
                path,
                text,
                v.span(),
                format!(
                    "`{}` is not a date that exists in the form YYYY-MM-DD",
                    v.get_ref()
                ),
            ));
        }
        d
    };
    let mut examples = Vec::new();
    for e in rule.example {
        let span = e.span();
        let e = e.into_inner();
        let published = date_of(&e.published);
        examples.push(Example {
            text: e.text,
            value: e.value,
            subject: e.subject,
            interval: e.interval,
            reference: e.reference,
            published,
            none: e.none,
            span,
        });
    }
    let mut pairs = Vec::new();
    for p in rule.pair {
        let span = p.span();
        let p = p.into_inner();
        let a_published = date_of(&p.a_published);
        let b_published = date_of(&p.b_published);
        pairs.push(Pair {
            a: p.a,
            b: p.b,
            a_published,
            b_published,
            verdict: p.verdict,
            span,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let message = rule
        .message
        .unwrap_or_else(|| format!("articles disagree: {}", rule.title.to_lowercase()));
    Ok(Rule {
        shared_id: std::sync::Arc::from(id.as_str()),
        id,
        title: rule.title,
        description: rule.description,
        kind,
        pattern_spans: rule.patterns.get_ref().iter().map(Spanned::span).collect(),
        patterns: rule
            .patterns
            .into_inner()
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        regexes,
        subjects,
        time: rule.time,
        severity,
        outcome_severities,
        monotonic: rule.monotonic,
        compare: rule.compare,
        categories,
        message,
        tolerance,
        exact: rule.exact,
        hedges,
        hedges_set: rule.hedges.is_some(),
        examples,
        pairs,
        file: path.to_string(),
        source: Arc::from(text),
    })
}

/// The vocabulary of a category rule, checked: `kind = "category"` needs
/// `[rule.categories]` and other kinds may not have it; every synonym is non-empty, starts
/// and ends with a letter or digit, and means one category.
fn compile_categories(
    path: &str,
    text: &str,
    rule: &RuleToml,
    errors: &mut Vec<RuleError>,
) -> Option<Arc<crate::extract::category::CategoryGrammar>> {
    let kind = *rule.kind.get_ref();
    let Some(table) = &rule.categories else {
        if kind == Kind::Category {
            errors.push(
                RuleError::new(
                    path,
                    text,
                    rule.kind.span(),
                    "a category rule needs `[rule.categories]`".into(),
                )
                .help("list each category and the words that mean it: `former = [\"former President\"]`"),
            );
        }
        return None;
    };
    if kind != Kind::Category {
        errors.push(
            RuleError::new(
                path,
                text,
                table.span(),
                format!(
                    "`[rule.categories]` is for kind \"category\", not \"{}\"",
                    kind.name()
                ),
            )
            .help("remove the table, or set `kind = \"category\"`"),
        );
        return None;
    }
    if table.get_ref().len() < 2 {
        errors.push(RuleError::new(
            path,
            text,
            table.span(),
            "a category rule needs at least two categories".into(),
        ));
    }
    let mut by_word: HashMap<String, String> = HashMap::default();
    let mut plain: Vec<(String, Vec<String>)> = Vec::new();
    for (key, words) in table.get_ref() {
        if words.is_empty() {
            errors.push(RuleError::new(
                path,
                text,
                table.span(),
                format!("category `{key}` has no words"),
            ));
        }
        let mut list = Vec::new();
        for w in words {
            let norm = w
                .get_ref()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let edges_ok = norm.chars().next().is_some_and(char::is_alphanumeric)
                && norm.chars().next_back().is_some_and(char::is_alphanumeric);
            if !edges_ok {
                errors.push(
                    RuleError::new(
                        path,
                        text,
                        w.span(),
                        format!(
                            "category word `{}` must start and end with a letter or digit",
                            w.get_ref()
                        ),
                    )
                    .help("words are matched whole, between word boundaries"),
                );
                continue;
            }
            match by_word.get(&norm) {
                Some(other) if other != key => errors.push(RuleError::new(
                    path,
                    text,
                    w.span(),
                    format!("category word `{norm}` means two categories: `{other}` and `{key}`"),
                )),
                _ => {
                    by_word.insert(norm, key.clone());
                }
            }
            list.push(w.get_ref().clone());
        }
        plain.push((key.clone(), list));
    }
    Some(Arc::new(crate::extract::category::CategoryGrammar::new(
        plain.iter().map(|(k, v)| (k.as_str(), v.as_slice())),
    )))
}

/// The contradiction severity (`severity`, or `contradiction` in `[rule.severities]`,
/// which must agree) and the other outcomes' severities the file sets.
fn compile_severities(
    path: &str,
    text: &str,
    rule: &RuleToml,
    errors: &mut Vec<RuleError>,
) -> (Severity, OutcomeSeverities) {
    let plain = rule.severity.as_ref().map(|s| *s.get_ref());
    let Some(table) = &rule.severities else {
        return (plain.unwrap_or_default(), OutcomeSeverities::default());
    };
    let t = table.get_ref();
    if let (Some(a), Some(b)) = (plain, t.contradiction) {
        if a != b {
            errors.push(
                RuleError::new(
                    path,
                    text,
                    table.span(),
                    format!(
                        "`severity = \"{a}\"` and `severities.contradiction = \"{b}\"` disagree"
                    ),
                )
                .help("`severity` is the contradiction's severity: give it once"),
            );
        }
    }
    (
        t.contradiction.or(plain).unwrap_or_default(),
        OutcomeSeverities {
            change_over_time: t.change_over_time,
            stale: t.stale,
            decreased: t.decreased,
            revised: t.revised,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<RuleSet, Vec<RuleError>> {
        parse_sources(&[("r.toml", text)])
    }

    const GOOD: &str = r#"
[[rule]]
id = "casualties.toll"
title = "Casualty figures"
kind = "count"
patterns = ['(?i){value}\s+(?P<who>soldiers|civilians)\s+(?P<what>killed|lost)']
[rule.subjects.who]
military = ["soldiers", "troops"]
civilian = ["civilians"]
"#;

    #[test]
    fn a_good_rule_compiles() {
        let set = parse(GOOD).unwrap();
        let r = &set.rules[0];
        assert_eq!(r.id, "casualties.toll");
        assert_eq!(r.kind, Kind::Count);
        assert_eq!(r.severity, Severity::Error);
        assert_eq!(r.time, TimeMode::AsOf);
        let names: Vec<_> = r.subjects.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["who", "what"]);
        assert_eq!(r.message, "articles disagree: casualty figures");
    }

    #[test]
    fn subject_keys_map_synonyms_longest_first() {
        let set = parse(GOOD).unwrap();
        let who = &set.rules[0].subjects[0];
        assert_eq!(who.key("Soldiers"), "military");
        assert_eq!(who.key("soldiers and civilians"), "civilian+military");
        assert_eq!(who.key("  Mercenaries  here "), "mercenaries here");
        // Whole words only: "troopship" is not "troops".
        assert_eq!(who.key("troopships"), "troopships");
    }

    #[test]
    fn toml_errors_point_at_their_place() {
        let errs = parse("[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"percentage\"\npatterns = ['{value}']\ncolour = 1\n").unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 6, "{}", errs[0]);
        assert!(
            errs[0].message.contains("unknown field `colour`"),
            "{}",
            errs[0]
        );
        let errs = parse(
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"volume\"\npatterns = ['{value}']\n",
        )
        .unwrap_err();
        assert_eq!(errs[0].line, 4);
        assert!(
            errs[0].message.contains("unknown variant `volume`"),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn every_pattern_problem_is_reported_at_once() {
        let errs = parse(
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['no placeholder', '({value}', '{value} {value}']\n",
        )
        .unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].message.contains("exactly once"));
        assert!(errs[1].message.contains("not a valid regex"));
        assert!(errs[1].help.is_some());
        assert!(errs.iter().all(|e| e.line == 5));
    }

    #[test]
    fn duplicate_ids_and_two_keys_for_one_word() {
        let one = "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['(?P<who>a) {value}']\n[rule.subjects.who]\nk1 = [\"a\"]\nk2 = [\"A\"]\n";
        let errs = parse_sources(&[("a.toml", one), ("b.toml", one)]).unwrap_err();
        let msgs: Vec<_> = errs.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs.iter().any(|m| m.contains("maps to two subject keys")),
            "{msgs:?}"
        );
        let dup = errs
            .iter()
            .find(|e| e.message.contains("duplicate"))
            .unwrap();
        assert_eq!(dup.path, "b.toml");
        let first = dup.also.as_deref().expect("points at the first definition");
        assert_eq!((first.path.as_str(), first.line), ("a.toml", 2));
    }

    #[test]
    fn subject_tables_must_name_groups() {
        let errs = parse("[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['{value}']\n[rule.subjects.who]\nk = [\"a\"]\n").unwrap_err();
        assert!(errs[0].message.contains("names no group"), "{errs:?}");
    }

    #[test]
    fn word_boundaries_become_ascii_outside_classes() {
        assert_eq!(ascii_word_boundaries(r"\bKyiv\b"), r"(?-u:\b)Kyiv(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"\\b[\b]\B"), r"\\b[\b](?-u:\B)");
        assert_eq!(ascii_word_boundaries(r"\d+\."), r"\d+\.");
    }

    fn errors_of(extra: &str, kind: &str) -> Vec<String> {
        let text = format!(
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"{kind}\"\npatterns = ['(?P<who>Trump) {{value}}']\n{extra}"
        );
        match parse(&text) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.message).collect(),
        }
    }

    #[test]
    fn a_date_where_another_value_belongs_is_called_a_date() {
        assert_eq!(
            errors_of("message = 2024-01-02\n", "count"),
            ["invalid type: date-time `2024-01-02`, expected a string"]
        );
        assert_eq!(
            errors_of("[[rule.example]]\ntext = 1999-09-09T10:00:00Z\n", "count"),
            ["invalid type: date-time `1999-09-09T10:00:00Z`, expected a string"]
        );
        assert_eq!(
            errors_of("example = [2024-01-02]\n", "count"),
            ["invalid type: date-time `2024-01-02`, expected a table"]
        );
        // Other values keep toml's own words.
        assert_eq!(
            errors_of("message = { a = 1 }\n", "count"),
            ["invalid type: map, expected a string"]
        );
    }

    #[test]
    fn category_rules_need_their_vocabulary_and_only_they_have_one() {
        let cats =
            "[rule.categories]\ncurrent = [\"President\"]\nformer = [\"former President\"]\n";
        assert_eq!(errors_of(cats, "category"), Vec::<String>::new());
        let set = parse(&format!(
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"category\"\npatterns = ['{{value}} Trump']\n{cats}"
        ))
        .unwrap();
        let r = &set.rules[0];
        assert_eq!(r.categories.as_ref().unwrap().keys(), ["current", "former"]);
        assert!(r.grammar().regex().contains("former"));
        assert!(errors_of("", "category")[0].contains("needs `[rule.categories]`"));
        assert!(errors_of(cats, "count")[0].contains("is for kind \"category\""));
        let two = "[rule.categories]\na = [\"President\"]\nb = [\"president\"]\n";
        assert!(errors_of(two, "category")[0].contains("means two categories"));
        let one = "[rule.categories]\na = [\"President\"]\n";
        assert!(errors_of(one, "category")[0].contains("at least two"));
        let edge = "[rule.categories]\na = [\"President.\"]\nb = [\"ex\"]\n";
        assert!(errors_of(edge, "category")[0].contains("start and end with a letter"));
    }

    #[test]
    fn outcome_severities_and_monotonic() {
        let set = parse(
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['{value}']\nmonotonic = \"increasing\"\ncompare = \"across-sources\"\n[rule.severities]\nstale = \"error\"\nrevised = \"warning\"\n",
        )
        .unwrap();
        let r = &set.rules[0];
        let s = r.severities();
        assert_eq!(
            (
                s.contradiction,
                s.change_over_time,
                s.stale,
                s.decreased,
                s.revised
            ),
            (
                Severity::Error,
                Severity::Info,
                Severity::Error,
                Severity::Error,
                Severity::Warning
            )
        );
        assert_eq!(r.monotonic, Some(Monotonic::Increasing));
        assert_eq!(r.compare, CompareMode::AcrossSources);
        // A decrease follows the contradiction's severity unless set.
        let set = parse("[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['{value}']\nseverity = \"warning\"\n").unwrap();
        assert_eq!(set.rules[0].severities().decreased, Severity::Warning);
        assert_eq!(set.rules[0].compare, CompareMode::All);
        let clash = "severity = \"warning\"\n[rule.severities]\ncontradiction = \"error\"\n";
        assert!(errors_of(clash, "count")[0].contains("disagree"));
        let timeless = "time = \"timeless\"\nmonotonic = \"increasing\"\n";
        assert!(errors_of(timeless, "count")[0].contains("needs a figure tied to a time"));
        assert!(errors_of("monotonic = \"increasing\"\n", "date")[0].contains("monotonic"));
        assert!(!errors_of("[rule.severities]\nchange = \"info\"\n", "count").is_empty());
    }

    #[test]
    fn oversized_patterns_hit_the_limit() {
        let big = "(?:a{1000}){1000}{value}";
        let text = format!(
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['{big}']\n"
        );
        let errs = parse(&text).unwrap_err();
        assert!(errs[0].message.contains("too large"), "{errs:?}");
    }

    fn deferred(text: &str) -> Result<RuleSet, Vec<RuleError>> {
        parse_sources_with(&[("r.toml", text)], Compile::Deferred)
    }

    #[test]
    fn deferred_loading_finds_the_same_problems_but_size() {
        let bad = [
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['(?P<who>a{value}']\n",
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['no value here']\n",
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['{value}']\nsubject = [\"who\"]\n",
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['{value}']\n[rule.subjects.who]\nk = [\"a\"]\n",
            "[[rule]]\nid = \"x y\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['(?P<value>x){value}']\n",
        ];
        for text in bad {
            let now = parse(text).unwrap_err();
            let later = deferred(text).unwrap_err();
            let show =
                |e: &[RuleError]| -> Vec<String> { e.iter().map(|e| e.to_string()).collect() };
            assert_eq!(show(&now), show(&later), "{text}");
            assert_eq!(
                now.iter().map(|e| e.help.clone()).collect::<Vec<_>>(),
                later.iter().map(|e| e.help.clone()).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    #[test]
    fn deferred_rules_compile_to_the_same_regexes_and_subjects() {
        let now = parse(GOOD).unwrap();
        let mut later = deferred(GOOD).unwrap();
        assert!(now.is_compiled());
        assert!(!later.is_compiled());
        assert!(later.rules[0].regexes.is_empty());
        let names = |s: &RuleSet| -> Vec<String> {
            s.rules[0].subjects.iter().map(|d| d.name.clone()).collect()
        };
        assert_eq!(names(&now), names(&later));
        later.compile().unwrap();
        assert!(later.is_compiled());
        let sources = |s: &RuleSet| -> Vec<String> {
            s.rules[0]
                .regexes
                .iter()
                .map(|r| r.as_str().to_string())
                .collect()
        };
        assert_eq!(sources(&now), sources(&later));
        // Compiling again is a no-op.
        later.compile().unwrap();
        assert_eq!(sources(&now), sources(&later));
    }

    #[test]
    fn a_deferred_oversized_pattern_is_reported_by_compile_at_its_place() {
        // Small as written, too large once the grammar is repeated sixty times.
        let big = r"(?:{value}\s+){1,60}";
        let text = format!(
            "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['{big}']\n"
        );
        let mut set = deferred(&text).expect("only the size is left to check");
        let errs = set.compile().unwrap_err();
        let now = parse(&text).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].to_string(), now[0].to_string());
        assert_eq!(
            (errs[0].line, errs[0].span.clone()),
            (now[0].line, now[0].span.clone())
        );
        assert!(!set.is_compiled());
    }

    #[test]
    fn the_shipped_rules_load_deferred_with_the_same_subjects() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules");
        let now = load(std::slice::from_ref(&dir)).unwrap();
        let mut later = load_with(&[dir], Compile::Deferred).unwrap();
        let keys = |s: &RuleSet| -> Vec<(String, Vec<String>)> {
            s.rules
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        r.subjects.iter().map(|d| d.name.clone()).collect(),
                    )
                })
                .collect()
        };
        assert_eq!(keys(&now), keys(&later));
        later.compile().unwrap();
        let all = |s: &RuleSet| -> Vec<String> {
            s.rules
                .iter()
                .flat_map(|r| r.regexes.iter().map(|x| x.as_str().to_string()))
                .collect()
        };
        assert_eq!(all(&now), all(&later));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("pattern", "pattern"), 0);
        assert_eq!(edit_distance("café", "cafe"), 1);
        assert_eq!(edit_distance("paterns", "patterns"), 1);
    }
}
