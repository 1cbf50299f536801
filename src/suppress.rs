//! Suppressions: an article's own say that some of its claims are not to be compared.
//!
//! Three forms, in Markdown and plain text alike:
//!
//! - `<!-- claimlint-disable-next-line RULE_ID: reason -->`: the claims on the line after
//!   the one the comment ends on;
//! - `<!-- claimlint-disable RULE_ID -->` … `<!-- claimlint-enable RULE_ID -->`: the claims
//!   between the two comments (to the end of the article when no enable follows);
//! - `claimlint-disable = ["RULE_ID", …]` in the front matter (`claimlint-disable: [...]` in
//!   YAML): every claim of those rules in the article.
//!
//! A comment may name several rules (`rule.a, rule.b`) or none, which means every rule; a
//! reason after a `:` is for people and is not read. `claimlint-enable` with no rule closes
//! every open block; with rules, the blocks of those rules.
//!
//! A suppressed claim is dropped before comparison: it takes no part in any finding, and
//! in particular it does not count towards a majority or a consensus. (Hiding the findings
//! that involve it instead would still let it move the consensus and decide which other
//! article looks like the outlier.) A suppression is *used* when it drops at least one claim
//! of its rule; one that drops none is reported as a warning at its place, as is one naming
//! a rule the rule set does not have, and an enable that closes nothing. Claims found inside
//! a claimlint comment itself (a figure in a reason) are dropped too: the comment is not
//! article text.

use crate::article::{line_col, Article};
use crate::extract::Claim;
use crate::report::Problem;
use crate::rules::RuleSet;
use std::ops::Range;

/// The comment directives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `claimlint-disable-next-line`.
    NextLine,
    /// `claimlint-disable`.
    Disable,
    /// `claimlint-enable`.
    Enable,
}

impl Kind {
    /// The directive's name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::NextLine => "claimlint-disable-next-line",
            Kind::Disable => "claimlint-disable",
            Kind::Enable => "claimlint-enable",
        }
    }
}

/// A claimlint comment, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Which directive; `None` for a `claimlint-…` comment that is none of them.
    pub kind: Option<Kind>,
    /// The rule ids named, each with its byte span in the file; empty for every rule.
    pub rules: Vec<(String, Range<usize>)>,
    /// The text after `:`, when there is one.
    pub reason: Option<String>,
    /// The whole comment, `<!--` to `-->`, in the file.
    pub span: Range<usize>,
}

/// Every claimlint comment in `text[from..]`, in order. A comment is a claimlint comment
/// when its content, trimmed, starts with `claimlint-`.
pub fn directives(text: &str, from: usize) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut pos = from.min(text.len());
    while let Some(i) = text.get(pos..).unwrap_or_default().find("<!--") {
        let open = pos + i;
        let content_start = open + 4;
        let Some(j) = text.get(content_start..).unwrap_or_default().find("-->") else {
            break;
        };
        let content_end = content_start + j;
        let close = content_end + 3;
        pos = close;
        let content = text.get(content_start..content_end).unwrap_or_default();
        let lead = content.len() - content.trim_start().len();
        let body = content.trim_start();
        if !body.starts_with("claimlint-") {
            continue;
        }
        let body_start = content_start + lead;
        // The directive's name runs to the first space or colon.
        let name_len = body
            .find(|c: char| c.is_whitespace() || c == ':')
            .unwrap_or(body.len());
        let kind = match body.get(..name_len).unwrap_or_default() {
            "claimlint-disable-next-line" => Some(Kind::NextLine),
            "claimlint-disable" => Some(Kind::Disable),
            "claimlint-enable" => Some(Kind::Enable),
            _ => None,
        };
        let rest_start = body_start + name_len;
        let rest = text.get(rest_start..content_end).unwrap_or_default();
        let (ids, reason) = match rest.split_once(':') {
            Some((ids, reason)) => (ids, Some(reason.trim().to_string())),
            None => (rest, None),
        };
        let mut rules = Vec::new();
        let mut at = rest_start;
        for part in ids.split(|c: char| c == ',' || c.is_whitespace()) {
            let start = at;
            at += part.len() + 1;
            if !part.is_empty() {
                rules.push((part.to_string(), start..start + part.len()));
            }
        }
        out.push(Directive {
            kind,
            rules,
            reason: reason.filter(|r| !r.is_empty()),
            span: open..close,
        });
    }
    out
}

/// Where a suppression came from, for its notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    NextLine,
    Block,
    FrontMatter,
}

/// One rule (or every rule) suppressed over a byte range.
#[derive(Debug, Clone)]
struct Scope {
    rule: Option<String>,
    range: Range<usize>,
    origin: Origin,
    /// What notes point at: the rule id, or the directive when it names none.
    at: Range<usize>,
    /// The line the scope covers, for next-line notes.
    line: usize,
    used: bool,
}

/// An article's suppressions applied to its claims: the claims left, and the warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The claims no suppression covers, in their order.
    pub claims: Vec<Claim>,
    /// Unused suppressions, unknown rules, enables that close nothing, unknown directives.
    pub notes: Vec<Problem>,
}

fn note(article: &Article, at: &Range<usize>, message: String, help: Option<String>) -> Problem {
    let (line, column) = line_col(&article.text, at.start);
    Problem {
        path: article.path.clone(),
        line: Some(line),
        column: Some(column),
        message,
        span: Some(at.clone()),
        text: Some(article.text.clone()),
        help,
        also: None,
        warning: true,
    }
}

/// The byte range of line `n` (from 1) of `text`, without its line break.
fn line_range(text: &str, starts: &[usize], n: usize) -> Range<usize> {
    let Some(&start) = starts.get(n - 1) else {
        return text.len()..text.len();
    };
    let end = starts.get(n).map_or(text.len(), |&s| s - 1);
    start..end
}

/// Drops the claims the article's suppressions cover, and reports the suppressions that
/// do nothing or name unknown rules. Cheap when the article has none.
pub fn apply(rules: &RuleSet, article: &Article, claims: Vec<Claim>) -> Applied {
    let text = &article.text;
    let body = text.get(article.body_start..).unwrap_or_default();
    if article.meta.disable.is_empty() && !body.contains("claimlint-") {
        return Applied {
            claims,
            notes: Vec::new(),
        };
    }
    let mut notes = Vec::new();
    let mut scopes: Vec<Scope> = Vec::new();
    let known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    // Whether a named rule exists; a note when it does not.
    let check_rule = |id: &str, at: &Range<usize>, notes: &mut Vec<Problem>| -> bool {
        if rules.get(id).is_some() {
            return true;
        }
        let help = match crate::rules::did_you_mean(id, &known) {
            Some(k) => format!("did you mean `{k}`?"),
            None => "see `claimlint rules list`".to_string(),
        };
        notes.push(note(
            article,
            at,
            format!("suppression names an unknown rule `{id}`"),
            Some(help),
        ));
        false
    };
    for d in &article.meta.disable {
        if check_rule(&d.rule, &d.span, &mut notes) {
            scopes.push(Scope {
                rule: Some(d.rule.clone()),
                range: article.body_start..text.len(),
                origin: Origin::FrontMatter,
                at: d.span.clone(),
                line: 0,
                used: false,
            });
        }
    }
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let found = directives(text, article.body_start);
    // Open blocks: index into `scopes`.
    let mut open: Vec<usize> = Vec::new();
    for d in &found {
        let Some(kind) = d.kind else {
            notes.push(note(
                article,
                &d.span,
                "not a claimlint directive".to_string(),
                Some(
                    "use claimlint-disable-next-line, claimlint-disable or claimlint-enable".into(),
                ),
            ));
            continue;
        };
        let named: Vec<(Option<String>, Range<usize>)> = if d.rules.is_empty() {
            vec![(None, d.span.clone())]
        } else {
            d.rules
                .iter()
                .filter(|(id, at)| check_rule(id, at, &mut notes))
                .map(|(id, at)| (Some(id.clone()), at.clone()))
                .collect()
        };
        match kind {
            Kind::NextLine => {
                let (line, _) = line_col(text, d.span.end);
                for (rule, at) in named {
                    scopes.push(Scope {
                        rule,
                        range: line_range(text, &starts, line + 1),
                        origin: Origin::NextLine,
                        at,
                        line: line + 1,
                        used: false,
                    });
                }
            }
            Kind::Disable => {
                for (rule, at) in named {
                    open.push(scopes.len());
                    scopes.push(Scope {
                        rule,
                        range: d.span.end..text.len(),
                        origin: Origin::Block,
                        at,
                        line: 0,
                        used: false,
                    });
                }
            }
            Kind::Enable => {
                for (rule, at) in named {
                    let closing: Vec<usize> = open
                        .iter()
                        .copied()
                        .filter(|&i| {
                            rule.is_none() || scopes.get(i).is_some_and(|s| s.rule == rule)
                        })
                        .collect();
                    if closing.is_empty() {
                        let what = match &rule {
                            Some(r) => format!("claimlint-disable {r}"),
                            None => "claimlint-disable".to_string(),
                        };
                        notes.push(note(
                            article,
                            &at,
                            format!("claimlint-enable closes nothing: no {what} block is open"),
                            None,
                        ));
                    }
                    for &i in &closing {
                        if let Some(scope) = scopes.get_mut(i) {
                            scope.range.end = d.span.start;
                        }
                    }
                    open.retain(|i| !closing.contains(i));
                }
            }
        }
    }
    let mut kept = Vec::with_capacity(claims.len());
    for c in claims {
        let at = c.span.start;
        if found.iter().any(|d| d.span.contains(&at)) {
            continue;
        }
        let mut suppressed = false;
        for s in &mut scopes {
            if s.range.contains(&at) && s.rule.as_deref().is_none_or(|r| r == &*c.rule) {
                s.used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(c);
        }
    }
    for s in scopes.iter().filter(|s| !s.used) {
        let of_rule = match &s.rule {
            Some(r) => format!("no claim of `{r}`"),
            None => "no claim".to_string(),
        };
        let message = match s.origin {
            Origin::NextLine => format!("unused suppression: {of_rule} on line {}", s.line),
            Origin::Block => format!("unused suppression: {of_rule} in the block"),
            Origin::FrontMatter => format!("unused suppression: {of_rule} in the article"),
        };
        notes.push(note(
            article,
            &s.at,
            message,
            Some("remove it, or check the rule id and the line".into()),
        ));
    }
    notes.sort_by_key(|n| (n.line, n.column));
    Applied {
        claims: kept,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        crate::rules::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")])
            .unwrap()
    }

    fn run(text: &str) -> (Vec<String>, Vec<String>) {
        let rules = rules();
        let article = crate::article::from_text("a.md".into(), text.into()).unwrap();
        let claims = crate::extract::extract(&rules, &article);
        let applied = apply(&rules, &article, claims);
        (
            applied.claims.iter().map(|c| c.text.clone()).collect(),
            applied
                .notes
                .iter()
                .map(|n| format!("{}: {}", n.line.unwrap_or(0), n.message))
                .collect(),
        )
    }

    #[test]
    fn directives_are_parsed_with_rules_reasons_and_spans() {
        let text = "x <!-- claimlint-disable-next-line a.b, c-d: the wire's figure --> y\n\
                    <!--claimlint-enable-->\n<!-- a plain comment -->\n<!-- claimlint-frob x -->";
        let d = directives(text, 0);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].kind, Some(Kind::NextLine));
        let ids: Vec<&str> = d[0].rules.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(ids, ["a.b", "c-d"]);
        for (id, span) in &d[0].rules {
            assert_eq!(&text[span.clone()], id);
        }
        assert_eq!(d[0].reason.as_deref(), Some("the wire's figure"));
        assert_eq!(&text[d[0].span.clone()], &text[2..text.find(" y").unwrap()]);
        assert_eq!((d[1].kind, d[1].rules.len()), (Some(Kind::Enable), 0));
        assert_eq!(d[2].kind, None);
        // An unclosed comment is not a directive.
        assert!(directives("<!-- claimlint-disable", 0).is_empty());
    }

    #[test]
    fn next_line_drops_the_claims_of_that_line_only() {
        let (claims, notes) = run("Russian forces control 17% of Ukraine.\n\
             <!-- claimlint-disable-next-line territory.russia-control: quoting a claim -->\n\
             Russian forces control 30% of Ukraine.\n\
             Russian forces control 20% of Ukraine.\n");
        assert_eq!(claims, ["17%", "20%"]);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn next_line_for_another_rule_keeps_the_claim_and_is_unused() {
        let (claims, notes) = run("<!-- claimlint-disable-next-line casualties.toll -->\n\
             Russian forces control 30% of Ukraine.\n");
        assert_eq!(claims, ["30%"]);
        assert_eq!(
            notes,
            ["1: unused suppression: no claim of `casualties.toll` on line 2"]
        );
    }

    #[test]
    fn blocks_run_to_their_enable_or_the_end() {
        let (claims, notes) = run("Russian forces control 17% of Ukraine.\n\
             <!-- claimlint-disable territory.russia-control -->\n\
             Russian forces control 30% of Ukraine.\n\
             Russia held 31% of Ukraine, and Russian forces control 32% of Ukraine.\n\
             <!-- claimlint-enable territory.russia-control -->\n\
             Russian forces control 20% of Ukraine.\n\
             <!-- claimlint-disable -->\n\
             Russian forces control 40% of Ukraine.\n");
        assert_eq!(claims, ["17%", "20%"]);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn an_enable_with_no_rule_closes_every_block() {
        let (claims, _) = run(
            "<!-- claimlint-disable territory.russia-control casualties.toll -->\n\
             Russian forces control 30% of Ukraine.\n\
             <!-- claimlint-enable -->\n\
             Russian forces control 20% of Ukraine.\n",
        );
        assert_eq!(claims, ["20%"]);
    }

    #[test]
    fn unused_blocks_unknown_rules_stray_enables_and_unknown_directives_are_noted() {
        let (claims, notes) = run("<!-- claimlint-disable casualties.toll -->\n\
             Russian forces control 20% of Ukraine.\n\
             <!-- claimlint-enable casualties.toll -->\n\
             <!-- claimlint-enable territory.russia-control -->\n\
             <!-- claimlint-disable-next-line territory.russia-contrl -->\n\
             Russian forces control 20% of Ukraine.\n\
             <!-- claimlint-disabel -->\n");
        assert_eq!(claims, ["20%", "20%"]);
        assert_eq!(
            notes,
            [
                "1: unused suppression: no claim of `casualties.toll` in the block",
                "4: claimlint-enable closes nothing: no claimlint-disable territory.russia-control block is open",
                "5: suppression names an unknown rule `territory.russia-contrl`",
                "7: not a claimlint directive",
            ]
        );
    }

    #[test]
    fn front_matter_disables_rules_for_the_whole_article() {
        let (claims, notes) = run(
            "+++\ntitle = \"x\"\nclaimlint-disable = [\"territory.russia-control\", \"casualties.toll\", \"no.such\"]\n+++\n\
             Russian forces control 30% of Ukraine.\n\
             Officials said Ukraine has lost 46,000 soldiers.\n",
        );
        assert!(claims.is_empty(), "{claims:?}");
        assert_eq!(notes, ["3: suppression names an unknown rule `no.such`"]);
        let (claims, notes) = run(
            "---\nclaimlint-disable:\n  - casualties.toll\n---\nRussian forces control 30% of Ukraine.\n",
        );
        assert_eq!(claims, ["30%"]);
        assert_eq!(
            notes,
            ["3: unused suppression: no claim of `casualties.toll` in the article"]
        );
    }

    #[test]
    fn figures_inside_a_directive_are_not_claims() {
        let (claims, notes) = run(
            "Russian forces control 20% of Ukraine. <!-- claimlint-disable-next-line: \
             not Russian forces control 30% of Ukraine -->\n\
             Russian forces control 17% of Ukraine.\n",
        );
        assert_eq!(claims, ["20%"]);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn articles_without_suppressions_are_untouched() {
        let (claims, notes) = run("Russian forces control 20% of Ukraine. <!-- note -->\n");
        assert_eq!(claims, ["20%"]);
        assert!(notes.is_empty());
    }
}
