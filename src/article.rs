//! Articles: a file's text and the metadata in its front matter.
//!
//! An article is plain text (`.txt`) or Markdown (`.md`). Markdown, and text too, may open
//! with front matter: TOML between `+++` lines or YAML between `---` lines. claimlint reads
//! `title`, `outlet`, `url` and `published` (or `date`) from it and ignores other keys.
//! The published date anchors relative dates ("last month") and is the reference time of
//! figures that give none.

use crate::date::Date;
use std::ops::Range;
use std::path::Path;

/// Metadata from an article's front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publication.
    pub outlet: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// The published date: `published` or, failing that, `date`.
    pub published: Option<Date>,
    /// Rules suppressed for the whole article: `claimlint-disable = ["rule.id"]`
    /// (src/suppress.rs).
    pub disable: Vec<Disabled>,
}

/// A rule named in the front matter's `claimlint-disable` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disabled {
    /// The rule id.
    pub rule: String,
    /// Where it is written in the file (the key's line when it cannot be found).
    pub span: Range<usize>,
}

/// The front-matter key that suppresses rules for a whole article.
pub const DISABLE_KEY: &str = "claimlint-disable";

/// The `claimlint-disable` list: `items` as read (`None` for a value that is not a list of
/// strings), placed by finding each id after the key in the front matter.
fn disabled(
    items: Option<Vec<String>>,
    content: &str,
    offset: usize,
    key_span: Range<usize>,
) -> Result<Vec<Disabled>, FrontMatterError> {
    let Some(items) = items else {
        return Err(FrontMatterError {
            span: key_span,
            message: format!("`{DISABLE_KEY}` must be a list of rule ids"),
        });
    };
    let from = key_span.start.saturating_sub(offset).min(content.len());
    Ok(items
        .into_iter()
        .map(|rule| {
            let span = content
                .get(from..)
                .unwrap_or_default()
                .find(rule.as_str())
                .filter(|_| !rule.is_empty())
                .map_or(key_span.clone(), |i| {
                    offset + from + i..offset + from + i + rule.len()
                });
            Disabled { rule, span }
        })
        .collect())
}

/// One article, loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The path as shown in reports: relative, `/`-separated.
    pub path: String,
    /// The whole file, front matter included, so byte offsets are offsets into the file.
    pub text: String,
    /// Where the body starts (after the front matter).
    pub body_start: usize,
    /// Front-matter metadata.
    pub meta: Meta,
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be read.
    #[error("{path}: cannot read the article: {source}")]
    Io {
        /// The article's path.
        path: String,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: not UTF-8 text: invalid byte at offset {offset} (line {line})")]
    NotUtf8 {
        /// The article's path.
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// Line of the first invalid byte, from 1.
        line: usize,
    },
    /// The file holds NUL bytes: it is binary, not an article.
    #[error("{path}: binary file (NUL byte at offset {offset}, line {line}), not an article")]
    Binary {
        /// The article's path.
        path: String,
        /// Byte offset of the first NUL.
        offset: usize,
        /// Line of the first NUL, from 1.
        line: usize,
    },
    /// The file is larger than the limit.
    #[error("{path}: {size} bytes, over the limit of {limit} bytes for one article")]
    TooLarge {
        /// The article's path.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The front matter could not be parsed.
    #[error("{path}:{line}:{column}: bad front matter: {message}")]
    FrontMatter {
        /// The article's path.
        path: String,
        /// The whole file, to point into.
        text: String,
        /// The offending bytes.
        span: Range<usize>,
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl ArticleError {
    /// The path of the article the error is about.
    pub fn path(&self) -> &str {
        match self {
            ArticleError::Io { path, .. }
            | ArticleError::NotUtf8 { path, .. }
            | ArticleError::Binary { path, .. }
            | ArticleError::TooLarge { path, .. }
            | ArticleError::FrontMatter { path, .. } => path,
        }
    }
}

/// A path as reports show it: `/`-separated, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    // A root component prints as "/"; joining it with "/" would double it.
    if joined.starts_with("//") {
        joined.get(1..).unwrap_or_default().to_string()
    } else {
        joined
    }
}

/// How article bytes become text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 or an error naming the first bad byte.
    #[default]
    Strict,
    /// UTF-8 with invalid bytes replaced by U+FFFD, and a warning.
    Lossy,
}

/// Limits and choices for reading articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// How bytes become text.
    pub encoding: Encoding,
    /// The largest article read, in bytes; larger files are an error, not a slow run.
    pub max_size: u64,
}

/// The default size limit: 32 MiB, far above any article, far below a memory problem.
pub const DEFAULT_MAX_SIZE: u64 = 32 * 1024 * 1024;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            encoding: Encoding::Strict,
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

/// An article read, and what was worth a warning on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The article.
    pub article: Article,
    /// Set when the text was repaired (lossy decoding).
    pub warning: Option<String>,
}

/// Reads and parses the article at `path` with the default options.
pub fn load(path: &Path) -> Result<Article, ArticleError> {
    load_with(path, &LoadOptions::default()).map(|l| l.article)
}

/// Reads and parses the article at `path`.
pub fn load_with(path: &Path, opts: &LoadOptions) -> Result<Loaded, ArticleError> {
    let shown = display_path(path);
    let io = |source| ArticleError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > opts.max_size {
        return Err(ArticleError::TooLarge {
            path: shown,
            size,
            limit: opts.max_size,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    decode(shown, bytes, opts.encoding)
}

/// Parses an article from its bytes (strict UTF-8); `path` is used in errors and reports.
pub fn from_bytes(path: String, bytes: Vec<u8>) -> Result<Article, ArticleError> {
    decode(path, bytes, Encoding::Strict).map(|l| l.article)
}

/// The 1-based line of byte `offset`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes
        .get(..offset)
        .unwrap_or(bytes)
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Bytes to an article: binary files are refused, text decoded as `encoding` says.
pub fn decode(path: String, bytes: Vec<u8>, encoding: Encoding) -> Result<Loaded, ArticleError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let line = line_of(&bytes, offset);
        return Err(ArticleError::Binary { path, offset, line });
    }
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = line_of(e.as_bytes(), offset);
            if encoding == Encoding::Strict {
                return Err(ArticleError::NotUtf8 { path, offset, line });
            }
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let replaced = text.matches('\u{fffd}').count();
            (
                text,
                Some(format!(
                    "not UTF-8: read with {replaced} replacement character{} (first bad byte at offset {offset}, line {line})",
                    if replaced == 1 { "" } else { "s" }
                )),
            )
        }
    };
    from_text(path, text).map(|article| Loaded { article, warning })
}

/// Parses an article from its text; `path` is used in errors and reports.
pub fn from_text(path: String, text: String) -> Result<Article, ArticleError> {
    match front_matter(&text) {
        Ok((meta, body_start)) => Ok(Article {
            path,
            text,
            body_start,
            meta,
        }),
        Err(FrontMatterError { span, message }) => {
            let (line, column) = line_col(&text, span.start);
            Err(ArticleError::FrontMatter {
                path,
                text,
                span,
                line,
                column,
                message,
            })
        }
    }
}

/// A front-matter problem: where (bytes in the file) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterError {
    /// The offending bytes, as offsets into the whole file.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = text.get(..offset).unwrap_or_default();
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = 1 + text
        .get(line_start..offset)
        .unwrap_or_default()
        .chars()
        .count();
    (line, column)
}

/// Line starts of a text, for turning many byte offsets into lines and columns without
/// rescanning the text each time.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based line and character column of byte `offset` in `text` (the text the index
    /// was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = 1 + text.get(start..offset).map_or(0, |s| s.chars().count());
        (line.max(1), column)
    }
}

/// The largest char boundary at or below `i`.
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Finds and parses front matter: the metadata and where the body starts. Text without
/// front matter gives empty metadata and body start 0.
pub fn front_matter(text: &str) -> Result<(Meta, usize), FrontMatterError> {
    // A byte-order mark may precede the fence.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = text.get(bom..).unwrap_or_default();
    let fence = if rest.starts_with("+++") {
        "+++"
    } else if rest.starts_with("---") {
        "---"
    } else {
        return Ok((Meta::default(), 0));
    };
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest.get(..first_line_end).unwrap_or_default().trim_end() != fence {
        // "---" followed by text is a rule or a dash, not a fence.
        return Ok((Meta::default(), 0));
    }
    let content_start = bom + first_line_end;
    // The closing fence: a line that is exactly the fence (YAML may also end with "...").
    let mut pos = content_start;
    let mut close = None;
    while pos < text.len() {
        let end = text
            .get(pos..)
            .unwrap_or_default()
            .find('\n')
            .map_or(text.len(), |i| pos + i + 1);
        let line = text.get(pos..end).unwrap_or_default().trim_end();
        if line == fence || (fence == "---" && line == "...") {
            close = Some((pos, end));
            break;
        }
        pos = end;
    }
    let Some((content_end, body_start)) = close else {
        return Err(FrontMatterError {
            span: bom..bom + fence.len(),
            message: format!("front matter opened with `{fence}` is never closed"),
        });
    };
    let content = text.get(content_start..content_end).unwrap_or_default();
    let meta = if fence == "+++" {
        toml_meta(content, content_start)?
    } else {
        yaml_meta(content, content_start)?
    };
    Ok((meta, body_start))
}

/// A scalar from front matter, before it is known which key it is.
enum Scalar {
    Text(String),
    Date(Date),
    Other,
}

fn build_meta(
    get: impl Fn(&str) -> Option<(Scalar, Range<usize>)>,
) -> Result<Meta, FrontMatterError> {
    let text = |key: &str| match get(key) {
        Some((Scalar::Text(s), _)) => Some(s),
        _ => None,
    };
    let mut meta = Meta {
        title: text("title"),
        outlet: text("outlet"),
        url: text("url"),
        published: None,
        disable: Vec::new(),
    };
    for key in ["published", "date"] {
        let Some((value, span)) = get(key) else {
            continue;
        };
        meta.published = Some(match value {
            Scalar::Date(d) => d,
            Scalar::Text(s) => Date::parse_iso(&s).ok_or_else(|| FrontMatterError {
                span,
                message: format!(
                    "`{key}` is `{s}`, which is not a date that exists in the form YYYY-MM-DD"
                ),
            })?,
            Scalar::Other => {
                return Err(FrontMatterError {
                    span,
                    message: format!("`{key}` must be a date (YYYY-MM-DD)"),
                })
            }
        });
        break;
    }
    Ok(meta)
}

fn toml_meta(content: &str, offset: usize) -> Result<Meta, FrontMatterError> {
    let doc: toml::Spanned<toml::Table> = toml::from_str(content).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        FrontMatterError {
            span: offset + span.start..offset + span.end.max(span.start + 1).min(content.len()),
            message: format!("TOML: {}", e.message()),
        }
    })?;
    // toml::Table does not keep value spans; find a key's line for error spans.
    let key_span = |key: &str| -> Range<usize> {
        let mut pos = 0;
        for line in content.split_inclusive('\n') {
            let t = line.trim_start();
            if t.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
            {
                let start = pos + (line.len() - t.len());
                return offset + start..offset + pos + line.trim_end().len();
            }
            pos += line.len();
        }
        offset..offset
    };
    let table = doc.into_inner();
    let disable = match table.get(DISABLE_KEY) {
        None => Vec::new(),
        Some(v) => disabled(
            v.as_array().and_then(|a| {
                a.iter()
                    .map(|x| x.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
            }),
            content,
            offset,
            key_span(DISABLE_KEY),
        )?,
    };
    let meta = build_meta(|key| {
        let v = table.get(key)?;
        let scalar = match v {
            toml::Value::String(s) => Scalar::Text(s.clone()),
            toml::Value::Datetime(dt) => match dt.date {
                Some(d) => match Date::new(i32::from(d.year), d.month, d.day) {
                    Some(date) => Scalar::Date(date),
                    None => Scalar::Other,
                },
                None => Scalar::Other,
            },
            _ => Scalar::Other,
        };
        Some((scalar, key_span(key)))
    })?;
    Ok(Meta { disable, ..meta })
}

/// A YAML parser message without its " at line L column C" parts: those count from the
/// start of the front matter, while claimlint points at the place in the file itself.
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i + " at line ".len()..).unwrap_or_default();
        let digits = |t: &str| t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let after_line = tail.get(digits(tail)..).unwrap_or_default();
        rest = match after_line.strip_prefix(" column ") {
            Some(t) => t.get(digits(t)..).unwrap_or_default(),
            None => after_line,
        };
    }
    out.push_str(rest);
    out
}

fn yaml_meta(content: &str, offset: usize) -> Result<Meta, FrontMatterError> {
    if content.trim().is_empty() {
        return Ok(Meta::default());
    }
    let value: serde_norway::Value = serde_norway::from_str(content).map_err(|e| {
        let at = e.location().map_or(0, |l| l.index());
        FrontMatterError {
            span: offset + at..offset + (at + 1).min(content.len()),
            message: format!("YAML: {}", without_positions(&e.to_string())),
        }
    })?;
    let serde_norway::Value::Mapping(map) = value else {
        return Err(FrontMatterError {
            span: offset..offset + content.trim_end().len(),
            message: "YAML front matter must be a mapping of keys to values".into(),
        });
    };
    let key_span = |key: &str| -> Range<usize> {
        let mut pos = 0;
        for line in content.split_inclusive('\n') {
            if line.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
                return offset + pos..offset + pos + line.trim_end().len();
            }
            pos += line.len();
        }
        offset..offset
    };
    let disable = match map.get(DISABLE_KEY) {
        None => Vec::new(),
        Some(v) => disabled(
            v.as_sequence().and_then(|a| {
                a.iter()
                    .map(|x| x.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
            }),
            content,
            offset,
            key_span(DISABLE_KEY),
        )?,
    };
    let meta = build_meta(|key| {
        let v = map.get(key)?;
        let scalar = match v {
            serde_norway::Value::String(s) => Scalar::Text(s.clone()),
            _ => Scalar::Other,
        };
        Some((scalar, key_span(key)))
    })?;
    Ok(Meta { disable, ..meta })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_front_matter() {
        let a = from_text("a.txt".into(), "Hello.\n---\nworld".into()).unwrap();
        assert_eq!(a.body_start, 0);
        assert_eq!(a.meta, Meta::default());
    }

    #[test]
    fn toml_front_matter() {
        let text =
            "+++\ntitle = \"Talks\"\npublished = 2026-02-05\noutlet = \"Wire\"\n+++\nBody.\n";
        let a = from_text("a.md".into(), text.into()).unwrap();
        assert_eq!(a.meta.title.as_deref(), Some("Talks"));
        assert_eq!(a.meta.outlet.as_deref(), Some("Wire"));
        assert_eq!(a.meta.published, Date::new(2026, 2, 5));
        assert_eq!(&a.text[a.body_start..], "Body.\n");
    }

    #[test]
    fn yaml_front_matter_with_date_key_and_other_keys() {
        let text = "---\ntitle: Talks\ndate: 2026-02-05\ntags: [a, b]\nurl: https://example.org/x\n---\nBody.\n";
        let a = from_text("a.md".into(), text.into()).unwrap();
        assert_eq!(a.meta.published, Date::new(2026, 2, 5));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(&a.text[a.body_start..], "Body.\n");
    }

    #[test]
    fn impossible_published_date_is_an_error_at_its_line() {
        let text = "---\ntitle: x\npublished: 2026-02-30\n---\nBody\n";
        let err = from_text("a.md".into(), text.into()).unwrap_err();
        match err {
            ArticleError::FrontMatter { line, message, .. } => {
                assert_eq!(line, 3);
                assert!(message.contains("2026-02-30"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn broken_toml_and_yaml_and_unclosed_fences() {
        let e = from_text("a.md".into(), "+++\ntitle = \n+++\n".into()).unwrap_err();
        assert!(e.to_string().starts_with("a.md:2:"), "{e}");
        let e = from_text("b.md".into(), "---\ntitle: [unclosed\n---\n".into()).unwrap_err();
        assert!(e.to_string().contains("YAML"), "{e}");
        let e = from_text("c.md".into(), "+++\ntitle = \"x\"\n".into()).unwrap_err();
        assert!(e.to_string().contains("never closed"), "{e}");
        let e = from_text("d.md".into(), "---\n- a\n- b\n---\n".into()).unwrap_err();
        assert!(e.to_string().contains("mapping"), "{e}");
    }

    #[test]
    fn claimlint_disable_lists_in_toml_and_yaml() {
        let text = "+++\nclaimlint-disable = [\"a.b\", \"c\"]\n+++\nBody.\n";
        let a = from_text("a.md".into(), text.into()).unwrap();
        let got: Vec<(&str, &str)> = a
            .meta
            .disable
            .iter()
            .map(|d| (d.rule.as_str(), &text[d.span.clone()]))
            .collect();
        assert_eq!(got, [("a.b", "a.b"), ("c", "c")]);
        let text = "---\ntitle: x\nclaimlint-disable:\n  - a.b\n---\nBody.\n";
        let a = from_text("a.md".into(), text.into()).unwrap();
        assert_eq!(a.meta.disable.len(), 1);
        assert_eq!(line_col(text, a.meta.disable[0].span.start).0, 4);
        let e = from_text(
            "a.md".into(),
            "+++\nclaimlint-disable = \"a.b\"\n+++\n".into(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:2:1: bad front matter: `claimlint-disable` must be a list of rule ids"
        );
        let e = from_text("a.md".into(), "---\nclaimlint-disable: [1]\n---\n".into()).unwrap_err();
        assert!(e.to_string().contains("must be a list of rule ids"), "{e}");
    }

    #[test]
    fn binary_and_lossy_decoding() {
        let e = from_bytes("b.bin.txt".into(), b"ab\ncd\0ef".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.bin.txt: binary file (NUL byte at offset 5, line 2), not an article"
        );
        let l = decode("x.txt".into(), b"caf\xe9 20%".to_vec(), Encoding::Lossy).unwrap();
        assert_eq!(l.article.text, "caf\u{fffd} 20%");
        assert_eq!(
            l.warning.as_deref(),
            Some(
                "not UTF-8: read with 1 replacement character (first bad byte at offset 3, line 1)"
            )
        );
        let clean = decode("y.txt".into(), b"fine".to_vec(), Encoding::Lossy).unwrap();
        assert_eq!(clean.warning, None);
    }

    #[test]
    fn empty_articles_are_fine() {
        let a = from_bytes("e.txt".into(), Vec::new()).unwrap();
        assert_eq!((a.text.as_str(), a.body_start), ("", 0));
    }

    #[test]
    fn size_limit_is_checked_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::File::create(&big).unwrap().set_len(2048).unwrap();
        let opts = LoadOptions {
            max_size: 1024,
            ..LoadOptions::default()
        };
        let e = load_with(&big, &opts).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("2048 bytes, over the limit of 1024 bytes for one article"),
            "{e}"
        );
    }

    #[test]
    fn yaml_positions_are_left_to_the_label() {
        assert_eq!(
            without_positions("bad ']' at line 2 column 10, while parsing at line 1 column 8"),
            "bad ']', while parsing"
        );
        assert_eq!(without_positions("no position"), "no position");
    }

    #[test]
    fn non_utf8_names_the_offset_and_line() {
        let e = from_bytes("x.txt".into(), b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.txt: not UTF-8 text: invalid byte at offset 7 (line 2)"
        );
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\n“q” 20%";
        let at = text.find("20").unwrap();
        assert_eq!(line_col(text, at), (2, 5));
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(
                index.line_col(text, offset),
                line_col(text, offset),
                "at {offset}"
            );
        }
    }

    #[test]
    fn display_paths_use_slashes_without_dot() {
        assert_eq!(display_path(Path::new("./seeds/a.txt")), "seeds/a.txt");
        assert_eq!(display_path(Path::new("/tmp/a.txt")), "/tmp/a.txt");
    }
}
