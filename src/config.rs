//! Project configuration: `claimlint.toml`.
//!
//! claimlint looks for `claimlint.toml` in the working directory and then in each parent
//! directory, and uses the first it finds (`--config PATH` names one, `--no-config` ignores
//! them). Paths and globs in it are relative to the directory that holds it. Command-line
//! options win over the file; the file wins over the defaults.
//!
//! ```toml
//! rules = ["rules"]                 # rule files or folders (default: rules/)
//! corpus = ["articles"]             # what `check` and `claims` read when given no paths
//! include = ["**/*.md"]             # only articles matching one of these globs
//! exclude = ["drafts/**"]           # never articles matching one of these
//! fail_on = "error"                 # error | warning | info | never
//!
//! [severity]                        # per-rule severity overrides
//! "casualties.toll" = "warning"
//! "unit-conversion" = "off"         # engine checks and relations: also "off"
//!
//! [hedges]                          # widening ratios for rules that set none
//! about = 0.1
//! nearly = 0.1
//! ```

use crate::extract::grammar::HedgeRatios;
use crate::rules::{RuleError, RuleSet, Severity};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name looked for.
pub const FILE_NAME: &str = "claimlint.toml";

/// The lowest severity that fails a run, as the config file writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// Fail on errors.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail on findings.
    Never,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigToml {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    corpus: Vec<String>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    hedges: Option<HedgesToml>,
}

/// A level in `[severity]`: a severity, or `off` (engine checks and relations only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Level {
    Off,
    Info,
    Warning,
    Error,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HedgesToml {
    #[serde(default)]
    about: Option<Spanned<f64>>,
    #[serde(default)]
    nearly: Option<Spanned<f64>>,
}

/// A loaded project configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it came from, as shown in reports.
    pub path: String,
    /// The file's text, for pointing at problems found later (an unknown rule id).
    pub text: String,
    /// The directory paths in it are relative to.
    pub dir: PathBuf,
    /// Rule files or folders, resolved against `dir`.
    pub rules: Vec<PathBuf>,
    /// Article files or folders, resolved against `dir`.
    pub corpus: Vec<PathBuf>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    /// The failing level, when set.
    pub fail_on: Option<FailOn>,
    /// Severity overrides: rule id (with its span in the file) → severity.
    pub severity: Vec<(Spanned<String>, Severity)>,
    /// Engine checks and relations turned off (`"unit-conversion" = "off"`), with their
    /// spans in the file.
    pub off: Vec<Spanned<String>>,
    /// Widening ratios for rules that set none.
    pub hedges: Option<HedgeRatios>,
}

/// The nearest `claimlint.toml` at or above `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

fn error(path: &str, text: &str, span: std::ops::Range<usize>, message: String) -> RuleError {
    RuleError::new(path, text, span, message)
}

fn globs(
    path: &str,
    text: &str,
    list: &[Spanned<String>],
    errors: &mut Vec<RuleError>,
) -> Option<GlobSet> {
    if list.is_empty() {
        return None;
    }
    let mut b = GlobSetBuilder::new();
    for g in list {
        match Glob::new(g.get_ref()) {
            Ok(glob) => {
                b.add(glob);
            }
            Err(e) => errors.push(error(path, text, g.span(), format!("bad glob: {e}"))),
        }
    }
    b.build().ok()
}

/// Loads a configuration file; every problem in it, each with its place.
pub fn load(file: &Path) -> Result<Config, Vec<RuleError>> {
    let shown = crate::article::display_path(file);
    let text = std::fs::read_to_string(file).map_err(|e| {
        vec![RuleError {
            line: 0,
            column: 0,
            ..error(
                &shown,
                "",
                0..0,
                format!("cannot read the configuration: {e}"),
            )
        }]
    })?;
    let dir = file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    parse(&shown, &text, &dir)
}

/// Parses a configuration's text; `dir` is what its paths are relative to.
pub fn parse(path: &str, text: &str, dir: &Path) -> Result<Config, Vec<RuleError>> {
    let raw: ConfigToml = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let mut err = error(path, text, span, crate::rules::toml_message(text, &e));
        if let Some(rest) = e.message().strip_prefix("unknown field `") {
            let unknown = rest.split('`').next().unwrap_or("");
            let known = [
                "rules", "corpus", "include", "exclude", "fail_on", "severity", "hedges",
            ];
            if let Some(best) = crate::rules::did_you_mean(unknown, &known) {
                err.help = Some(format!("did you mean `{best}`?"));
            }
        }
        vec![err]
    })?;
    let mut errors = Vec::new();
    let include = globs(path, text, &raw.include, &mut errors);
    let exclude = globs(path, text, &raw.exclude, &mut errors);
    let mut hedges = None;
    if let Some(h) = raw.hedges {
        let mut ratios = HedgeRatios::default();
        for (v, slot) in [(h.about, &mut ratios.about), (h.nearly, &mut ratios.nearly)] {
            if let Some(v) = v {
                if !(0.0..1.0).contains(v.get_ref()) {
                    errors.push(error(
                        path,
                        text,
                        v.span(),
                        "a hedge ratio must be at least 0 and below 1".into(),
                    ));
                }
                *slot = *v.get_ref();
            }
        }
        hedges = Some(ratios);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Config {
        path: path.to_string(),
        text: text.to_string(),
        dir: dir.to_path_buf(),
        rules: raw.rules.iter().map(|r| dir.join(r)).collect(),
        corpus: raw.corpus.iter().map(|c| dir.join(c)).collect(),
        include,
        exclude,
        fail_on: raw.fail_on,
        severity: raw
            .severity
            .iter()
            .filter_map(|(k, v)| {
                let sev = match v {
                    Level::Off => return None,
                    Level::Info => Severity::Info,
                    Level::Warning => Severity::Warning,
                    Level::Error => Severity::Error,
                };
                Some((k.clone(), sev))
            })
            .collect(),
        off: raw
            .severity
            .iter()
            .filter(|(_, v)| **v == Level::Off)
            .map(|(k, _)| k.clone())
            .collect(),
        hedges,
    })
}

impl Config {
    /// Whether an article passes the include and exclude globs, matched against its path
    /// relative to the configuration's directory.
    pub fn takes(&self, article: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let rel = relative_to(article, &self.dir);
        if self.exclude.as_ref().is_some_and(|g| g.is_match(&rel)) {
            return false;
        }
        self.include.as_ref().is_none_or(|g| g.is_match(&rel))
    }

    /// Applies severity overrides and default hedge ratios to the rules; an override naming
    /// no rule, relation or engine check ([`crate::within::CHECKS`]) is an error at its
    /// place, and so is `off` for a rule.
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), Vec<RuleError>> {
        let mut errors = Vec::new();
        let levels = self
            .severity
            .iter()
            .map(|(id, sev)| (id, Some(*sev)))
            .chain(self.off.iter().map(|id| (id, None)));
        let is_check = |id: &str| crate::within::CHECKS.contains(&id);
        for (id, level) in levels {
            let name = id.get_ref().as_str();
            if is_check(name) {
                rules.checks.insert(name.to_string(), level);
                continue;
            }
            if let Some(i) = rules.relations.iter().position(|r| r.id == name) {
                match level {
                    Some(sev) => {
                        if let Some(r) = rules.relations.get_mut(i) {
                            r.severity = sev;
                        }
                    }
                    None => {
                        rules.relations.remove(i);
                    }
                }
                continue;
            }
            match rules.rules.iter_mut().find(|r| r.id == name) {
                Some(r) => match level {
                    Some(sev) => r.severity = sev,
                    None => {
                        let mut e = error(
                            &self.path,
                            &self.text,
                            id.span(),
                            format!("`{name}` is a rule, which cannot be turned off"),
                        );
                        e.help = Some(
                            "`off` is for the engine's checks and for relations; give the \
                             rule a severity, or leave its file out of `rules`"
                                .into(),
                        );
                        errors.push(e);
                    }
                },
                None => {
                    let mut known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
                    known.extend(rules.relations.iter().map(|r| r.id.as_str()));
                    known.extend(crate::within::CHECKS.iter().copied());
                    let mut e = error(
                        &self.path,
                        &self.text,
                        id.span(),
                        format!("severity override for `{}`, which is no rule", id.get_ref()),
                    );
                    e.help = crate::rules::did_you_mean(id.get_ref(), &known)
                        .map(|k| format!("did you mean `{k}`?"));
                    errors.push(e);
                }
            }
        }
        if let Some(h) = self.hedges {
            for r in &mut rules.rules {
                if !r.hedges_set {
                    r.hedges = h;
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// `path` relative to `dir`, `/`-separated; both made absolute first when they can be.
fn relative_to(path: &Path, dir: &Path) -> String {
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (p, d) = (abs(path), abs(dir));
    let rel = p.strip_prefix(&d).map(Path::to_path_buf).unwrap_or(p);
    crate::article::display_path(&rel)
}

/// A commented starter configuration, written by `claimlint init`.
pub const STARTER_CONFIG: &str = r#"# claimlint project configuration. Paths and globs are relative to this file.
# Command-line options win over what is set here.

# Rule files or folders of them.
rules = ["rules"]

# What `claimlint check` and `claimlint claims` read when given no paths.
corpus = ["articles"]

# Only articles matching one of these globs (all articles when empty) ...
include = []
# ... and never those matching one of these.
exclude = ["drafts/**"]

# The lowest severity that fails a run: error | warning | info | never.
fail_on = "error"

# Severity overrides: error | warning | info, for rules, relations and the engine's
# checks inside one article; relations and those checks also take "off".
[severity]
# "example.share" = "warning"
# "unit-conversion" = "off"

# How much hedged figures widen, for rules that set no [rule.hedges] of their own:
# "about x" is [x(1-about), x(1+about)], "nearly x" is [x(1-nearly), x).
[hedges]
about = 0.1
nearly = 0.1
"#;

/// A starter rule pack with tests, written by `claimlint init` as `rules/starter.toml`.
pub const STARTER_RULES: &str = r#"# A starter rule pack. Each [[rule]] says what is claimed (kind), how to find it
# (patterns, with {value} where the figure stands) and how to compare it.
# `claimlint rules test` runs the examples and pairs; `claimlint explain ID` shows a rule.
# Editor support: `claimlint rules schema > rules.schema.json`, then put the line
# `#:schema ../rules.schema.json` first in this file (taplo / Even Better TOML).

[[rule]]
id = "example.unemployment-rate"
title = "Unemployment rate"
kind = "percentage"
patterns = [
  '(?i)\bunemployment(?:\s+rate)?\s+(?:is|was|stood at|rose to|fell to|of)\s+{value}',
]
time = "as-of"
message = "articles disagree on the unemployment rate"

[[rule.example]]
text = "The unemployment rate stood at 4.2% in March."
value = "4.2%"

[[rule.example]]
text = "Unemployment claims rose sharply."
none = true

[[rule.pair]]
a = "The unemployment rate was 4.2% as of March 31."
b = "The unemployment rate stood at 5.1% as of March 31."
verdict = "conflict"

[[rule.pair]]
a = "The unemployment rate was 4.2% as of March 31."
b = "Unemployment is about 4% as of March 31."
verdict = "agree"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_walks_up_to_the_nearest_file() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(discover(&deep), None);
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        std::fs::write(dir.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(dir.path().join("a").join(FILE_NAME)));
    }

    #[test]
    fn paths_resolve_against_the_file_and_globs_filter() {
        let dir = tempfile::tempdir().unwrap();
        let c = parse(
            "claimlint.toml",
            "rules = [\"packs\"]\ninclude = [\"**/*.md\"]\nexclude = [\"drafts/**\"]\n",
            dir.path(),
        )
        .unwrap();
        assert_eq!(c.rules, [dir.path().join("packs")]);
        assert!(c.takes(&dir.path().join("news/a.md")));
        assert!(!c.takes(&dir.path().join("news/a.txt")));
        assert!(!c.takes(&dir.path().join("drafts/b.md")));
    }

    #[test]
    fn bad_values_are_errors_at_their_place() {
        let errs = parse("c.toml", "[hedges]\nabout = 1.5\n", Path::new(".")).unwrap_err();
        assert_eq!((errs[0].line, errs[0].column), (2, 9));
        let errs = parse("c.toml", "include = [\"a[\"]\n", Path::new(".")).unwrap_err();
        assert!(errs[0].message.starts_with("bad glob"), "{}", errs[0]);
        let errs = parse("c.toml", "fail_on = \"sometimes\"\n", Path::new(".")).unwrap_err();
        assert!(errs[0].message.contains("unknown variant"), "{}", errs[0]);
        let errs = parse("c.toml", "include = [2024-01-02]\n", Path::new(".")).unwrap_err();
        assert!(
            errs[0]
                .message
                .starts_with("invalid type: date-time `2024-01-02`"),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn the_starter_config_parses() {
        let c = parse("claimlint.toml", STARTER_CONFIG, Path::new(".")).unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Error));
        assert_eq!(c.hedges, Some(HedgeRatios::default()));
    }
}
