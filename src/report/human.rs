//! The human report: rustc-style diagnostics rendered by miette.
//!
//! miette labels all point into one source, so a finding is rendered as a parent diagnostic
//! on the primary article plus one related diagnostic per other site, each with its own
//! source. Sources are excerpts: the part of the line around the value (news paragraphs are
//! often a single line of a thousand characters), with `…` where the line was cut, while
//! the header keeps the real line and column.
//!
//! Code and severity come from the rule at run time, so [`miette::Diagnostic`] is
//! implemented by hand. The theme and width are fixed unless the caller asks for colour:
//! output is the same on every machine.

use super::{Problem, Sources, Summary};
use crate::finding::{Finding, Outcome, Role};
use crate::rules::Severity;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Use ANSI colours (only when writing to a terminal).
    pub color: bool,
    /// Wrap width for messages and help.
    pub width: usize,
}

impl Default for Style {
    /// No colour, width 100: the form used in CI logs and tests.
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// The widest excerpt of a line shown around a value, in characters.
const EXCERPT_CHARS: usize = 72;

/// Part of one line of an article, standing in for the whole file.
#[derive(Debug, Clone)]
struct Excerpt {
    name: String,
    text: String,
    /// 0-based line of the excerpt in the file.
    line0: usize,
    /// 0-based character column of the excerpt's first original character.
    col0: usize,
    /// Bytes added in front (`…`).
    prefix_bytes: usize,
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        // miette counts columns in bytes; reports count characters, from the real line start.
        let column = match self.text.get(self.prefix_bytes..span.offset()) {
            Some(before) if inner.line() == 0 => self.col0 + before.chars().count(),
            _ => inner.column(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.line0,
            column,
            inner.line_count(),
        )))
    }
}

/// Cuts the line around `span` down to an excerpt; returns it and the span inside it.
fn excerpt(name: &str, text: &str, span: &std::ops::Range<usize>) -> Option<(Excerpt, SourceSpan)> {
    if span.start > text.len() || !text.is_char_boundary(span.start) {
        return None;
    }
    let line_start = text
        .get(..span.start)
        .unwrap_or_default()
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(span.start..)
        .unwrap_or_default()
        .find('\n')
        .map_or(text.len(), |i| span.start + i);
    let end = crate::article::floor_char_boundary(text, span.end.min(line_end));
    let value_chars = text
        .get(span.start..end)
        .unwrap_or_default()
        .chars()
        .count();
    let room = EXCERPT_CHARS.saturating_sub(value_chars) / 2;
    let room = room.max(12);
    // Back `room` characters, then forward to the start of a word.
    let mut ws = span.start;
    for (i, _) in text
        .get(line_start..span.start)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .take(room)
    {
        ws = line_start + i;
    }
    if ws > line_start {
        if let Some(sp) = text.get(ws..span.start).unwrap_or_default().find(' ') {
            ws += sp + 1;
        }
    }
    // Forward `room` characters, then back to the end of a word.
    let mut we = end;
    for (i, c) in text
        .get(end..line_end)
        .unwrap_or_default()
        .char_indices()
        .take(room)
    {
        we = end + i + c.len_utf8();
    }
    if we < line_end {
        if let Some(sp) = text.get(end..we).unwrap_or_default().rfind(' ') {
            we = end + sp;
        }
    }
    let prefix = if ws > line_start { "…" } else { "" };
    let suffix = if we < line_end { "…" } else { "" };
    let shown = format!(
        "{prefix}{}{suffix}",
        text.get(ws..we).unwrap_or_default().trim_end_matches('\r')
    );
    let line0 = text
        .get(..line_start)
        .unwrap_or_default()
        .bytes()
        .filter(|&b| b == b'\n')
        .count();
    let col0 = text.get(line_start..ws).unwrap_or_default().chars().count();
    let offset = prefix.len() + (span.start - ws);
    Some((
        Excerpt {
            name: name.to_string(),
            text: shown,
            line0,
            col0,
            prefix_bytes: prefix.len(),
        },
        SourceSpan::new(offset.into(), end - span.start),
    ))
}

/// A diagnostic with everything decided at run time.
struct Diag {
    code: Option<String>,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Option<Box<dyn SourceCode>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diag")
            .field("code", &self.code)
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
}

fn render(diag: &Diag, style: Style) -> String {
    let mut out = String::new();
    // Rendering into a String cannot fail but for a broken source; fall back to the
    // message so nothing is lost.
    if handler(style).render_report(&mut out, diag).is_err() {
        out = format!(
            "{}: {}\n",
            diag.code.as_deref().unwrap_or("error"),
            diag.message
        );
    }
    out
}

/// One site as a source and a label, or a line saying where it is when its text cannot be
/// had.
fn site_parts(
    site: &crate::finding::Site,
    sources: &dyn Sources,
) -> (
    Option<Box<dyn SourceCode>>,
    Vec<LabeledSpan>,
    Option<String>,
) {
    let label = site.label();
    match sources
        .text(&site.path)
        .and_then(|t| excerpt(&site.path, &t, &site.span))
    {
        Some((ex, span)) => (
            Some(Box::new(ex)),
            vec![LabeledSpan::new_primary_with_span(Some(label), span)],
            None,
        ),
        None => (
            None,
            Vec::new(),
            Some(format!(
                "{}:{}:{}: {label}",
                site.path, site.line, site.column
            )),
        ),
    }
}

/// Whether `a`'s figure is for a time wholly before `b`'s.
fn is_older(a: &crate::finding::Site, b: &crate::finding::Site) -> bool {
    match (a.reference.days(), b.reference.days()) {
        (Some(x), Some(y)) => x.hi_pos() < y.lo_pos(),
        _ => false,
    }
}

/// The diagnostic for a finding.
fn finding_diag(f: &Finding, sources: &dyn Sources) -> Diag {
    let primary = f.primary();
    let (source, labels, missing) = site_parts(primary, sources);
    let mut related = Vec::new();
    // When the other side is the majority, one of its sites stands for all of them.
    let shown = if f.agreeing.is_some() {
        2.min(f.sites.len())
    } else {
        f.sites.len()
    };
    for site in f.sites.iter().take(shown).skip(1) {
        let (source, labels, missing) = site_parts(site, sources);
        let what = match (site.role, f.outcome) {
            (Role::Agrees, _) => "the same figure",
            (_, Outcome::ChangeOverTime) => "the figure at another time",
            // A stale finding turned round for a new article has the newer figure first.
            (_, Outcome::Stale) if is_older(site, primary) => "the older figure",
            (_, Outcome::Stale) => "the newer figure",
            (_, Outcome::Decreased | Outcome::Revised) => "the earlier, higher figure",
            _ => "conflicting claim",
        };
        let what = match &site.term {
            Some(t) if site.role != Role::Agrees => format!("{what}, the {t}"),
            _ => what.to_string(),
        };
        related.push(Diag {
            code: Some(f.rule.clone()),
            severity: miette::Severity::Advice,
            message: match missing {
                Some(m) => format!("{what} at {m}"),
                None => what.to_string(),
            },
            help: None,
            source,
            labels,
            related: Vec::new(),
        });
    }
    let hidden = (f.primary_articles + f.other_articles).saturating_sub(shown);
    let mut help = f.help.clone();
    if hidden > 0 {
        help.push_str(&format!(" ({hidden} more articles not shown)"));
    }
    let subject = if f.subject.is_empty() {
        String::new()
    } else {
        format!(" [{}]", f.subject)
    };
    Diag {
        code: Some(f.rule.clone()),
        severity: miette_severity(f.severity),
        message: match missing {
            Some(m) => format!("{}{subject} at {m}", f.message),
            None => format!("{}{subject}", f.message),
        },
        help: Some(help),
        source,
        labels,
        related,
    }
}

/// Renders findings, one diagnostic each, in the order given.
pub fn findings(findings: &[Finding], sources: &dyn Sources, style: Style) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&render(&finding_diag(f, sources), style));
        out.push('\n');
    }
    out
}

/// The diagnostic for a problem: pointing at its place when it has one.
fn problem_diag(p: &Problem, label: &str) -> Diag {
    let related = p
        .also
        .as_deref()
        .map(|a| {
            let mut d = problem_diag(a, &a.message);
            d.severity = miette::Severity::Advice;
            d.message = "see also".into();
            vec![d]
        })
        .unwrap_or_default();
    let severity = if p.warning {
        miette::Severity::Warning
    } else {
        miette::Severity::Error
    };
    match (&p.text, &p.span) {
        (Some(text), Some(span)) => Diag {
            code: None,
            severity,
            message: p.message.clone(),
            help: p.help.clone(),
            source: Some(Box::new(NamedSource::new(&p.path, text.clone()))),
            labels: vec![LabeledSpan::new_primary_with_span(
                Some(label.to_string()),
                SourceSpan::new(span.start.into(), span.len()),
            )],
            related,
        },
        _ => Diag {
            code: None,
            severity,
            message: match p.line {
                Some(l) => format!("{}:{l}: {}", p.path, p.message),
                None => format!("{}: {}", p.path, p.message),
            },
            help: p.help.clone(),
            source: None,
            labels: Vec::new(),
            related,
        },
    }
}

/// Renders problems (unreadable files, bad rule files), each pointing at its place when it
/// has one.
pub fn problems(problems: &[Problem], style: Style) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&render(&problem_diag(p, "here"), style));
        out.push('\n');
    }
    out
}

/// The closing line: counts of findings by severity, articles and claims, and what was
/// left out.
pub fn summary(s: &Summary, findings: &[Finding]) -> String {
    let count = |sev: Severity| findings.iter().filter(|f| f.severity == sev).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "{}: {}, {}",
        if findings.is_empty() {
            "clean"
        } else {
            "found"
        },
        plural(count(Severity::Error), "error", "errors"),
        plural(count(Severity::Warning), "warning", "warnings"),
    );
    let infos = count(Severity::Info);
    let changes = findings
        .iter()
        .filter(|f| f.severity == Severity::Info && f.outcome == Outcome::ChangeOverTime)
        .count();
    if changes > 0 {
        line.push_str(&format!(
            ", {}",
            plural(changes, "change over time", "changes over time")
        ));
    }
    if infos > changes {
        // Revised figures, or outcomes a rule made info.
        let (one, many) = if changes > 0 {
            ("other note", "other notes")
        } else {
            ("note", "notes")
        };
        line.push_str(&format!(", {}", plural(infos - changes, one, many)));
    }
    line.push_str(&format!(
        " in {}, {}",
        plural(s.articles, "article", "articles"),
        plural(s.claims, "claim", "claims"),
    ));
    if s.hidden > 0 {
        line.push_str(&format!(
            "; {} not shown (--show-changes)",
            plural(s.hidden, "change over time", "changes over time")
        ));
    }
    if s.errors > 0 {
        line.push_str(&format!(
            "; {} could not be used",
            plural(s.errors, "file", "files")
        ));
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_long_lines_at_words_and_keep_positions() {
        let line =
            "word ".repeat(40) + "now controlling 19.3% of the country and " + &"more ".repeat(40);
        let text = format!("title\n{line}\n");
        let start = text.find("19.3%").unwrap();
        let (ex, span) = excerpt("a.txt", &text, &(start..start + 5)).unwrap();
        assert!(
            ex.text.starts_with('…') && ex.text.ends_with('…'),
            "{}",
            ex.text
        );
        assert!(ex.text.chars().count() <= EXCERPT_CHARS + 2);
        assert_eq!(&ex.text[span.offset()..span.offset() + span.len()], "19.3%");
        let c = ex.read_span(&span, 0, 0).unwrap();
        assert_eq!(c.line(), 1);
        assert_eq!(
            c.column(),
            text[text.find("word").unwrap()..start].chars().count()
        );
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "Russia holds 20% of it.";
        let (ex, _) = excerpt("a.txt", text, &(13..16)).unwrap();
        assert_eq!(ex.text, text);
    }

    #[test]
    fn spans_out_of_range_give_no_excerpt() {
        assert!(excerpt("a", "abc", &(10..12)).is_none());
        assert!(excerpt("a", "é", &(1..2)).is_none());
    }
}
