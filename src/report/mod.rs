//! Reporting: findings and errors → text. The only module that knows miette.
//!
//! Every reporter takes plain data ([`crate::finding::Finding`]s, [`Problem`]s and a
//! [`Summary`]) and returns a `String`; the binary decides where it goes. Article text is
//! fetched through a [`Sources`] lookup only for the sites a reporter shows, so the corpus
//! need not stay in memory.

pub mod csv;
pub mod github;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod sarif;
pub mod statistics;

use serde::Serialize;

/// The version of the JSON output formats; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

/// Looks up an article's text by its shown path, for rendering snippets.
pub trait Sources {
    /// The article's full text, or `None` when it cannot be had.
    fn text(&self, path: &str) -> Option<String>;
}

impl<F: Fn(&str) -> Option<String>> Sources for F {
    fn text(&self, path: &str) -> Option<String> {
        self(path)
    }
}

/// A file claimlint could not use: an unreadable article, broken front matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The file, as shown in reports.
    pub path: String,
    /// Line, from 1, when the problem has a place.
    pub line: Option<usize>,
    /// Column in characters, from 1, when the problem has a place.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// The byte span, when the problem has a place.
    #[serde(skip)]
    pub span: Option<std::ops::Range<usize>>,
    /// The file's text, when the problem points into it.
    #[serde(skip)]
    pub text: Option<String>,
    /// How to fix it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// A second place the problem involves, labelled with its own message.
    #[serde(skip)]
    pub also: Option<Box<Problem>>,
    /// A warning (the file was used, with a caveat) rather than an error.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub warning: bool,
}

impl Problem {
    /// The problem for an article that could not be loaded.
    pub fn from_article_error(e: &crate::article::ArticleError) -> Problem {
        use crate::article::ArticleError;
        match e {
            ArticleError::FrontMatter {
                path,
                text,
                span,
                line,
                column,
                message,
            } => Problem {
                path: path.clone(),
                line: Some(*line),
                column: Some(*column),
                message: format!("bad front matter: {message}"),
                span: Some(span.clone()),
                text: Some(text.clone()),
                help: None,
                also: None,
                warning: false,
            },
            ArticleError::NotUtf8 {
                path, offset, line, ..
            } => Problem {
                path: path.clone(),
                line: Some(*line),
                column: None,
                message: format!("not UTF-8 text: invalid byte at offset {offset}"),
                span: None,
                text: None,
                help: Some("save the article as UTF-8".into()),
                also: None,
                warning: false,
            },
            ArticleError::Binary { path, line, offset } => Problem {
                line: Some(*line),
                ..Problem::plain(
                    path,
                    format!("binary file (NUL byte at offset {offset}), not an article"),
                )
            },
            ArticleError::TooLarge { path, .. } => Problem {
                help: Some("raise the limit with --max-article-size BYTES".into()),
                ..Problem::plain(path, e.to_string().replacen(&format!("{path}: "), "", 1))
            },
            ArticleError::Io { path, source } => Problem {
                path: path.clone(),
                line: None,
                column: None,
                message: format!("cannot read the article: {source}"),
                span: None,
                text: None,
                help: None,
                also: None,
                warning: false,
            },
        }
    }

    /// A problem with no place in the file.
    pub fn plain(path: &str, message: String) -> Problem {
        Problem {
            path: path.to_string(),
            line: None,
            column: None,
            message,
            span: None,
            text: None,
            help: None,
            also: None,
            warning: false,
        }
    }

    /// The problem for a rule-file error.
    pub fn from_rule_error(e: &crate::rules::RuleError) -> Problem {
        let placed = e.line > 0;
        Problem {
            path: e.path.clone(),
            line: placed.then_some(e.line),
            column: placed.then_some(e.column),
            message: e.message.clone(),
            span: placed.then(|| e.span.clone()),
            text: placed.then(|| e.text.clone()),
            help: e.help.clone(),
            also: e
                .also
                .as_deref()
                .map(|a| Box::new(Problem::from_rule_error(a))),
            warning: false,
        }
    }

    /// The problem for a path that could not be walked.
    pub fn from_walk_error(e: &crate::walk::WalkError) -> Problem {
        Problem {
            path: e.path.clone(),
            line: None,
            column: None,
            message: e.message.clone(),
            span: None,
            text: None,
            help: None,
            also: None,
            warning: false,
        }
    }
}

/// Totals for a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Findings reported.
    pub findings: usize,
    /// Files that could not be used.
    pub errors: usize,
    /// Findings left out of the report (changes over time without `--show-changes`).
    pub hidden: usize,
}
