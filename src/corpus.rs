//! Reading a corpus: every article file → its claims, in parallel, one file at a time.
//!
//! Each file is read, hashed when a [`Cache`] is given (a hit skips parsing and
//! extraction), parsed, prefiltered and extracted on a rayon worker, and its text is
//! dropped as soon as its claims are out: memory holds the claims, never the corpus. The
//! results come back in the order of the files given, so output does not depend on
//! scheduling.

use crate::article::{self, ArticleError, LoadOptions, Loaded};
use crate::cache::{self, Cache};
use crate::extract::{self, Claim};
use crate::prefilter::Prefilter;
use crate::rules::{RuleError, RuleSet};
use crate::suppress;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The claims of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The article's path as shown in reports: the same string its claims hold. (The file
    /// it was read from is the one given at the same place in the list of files.)
    pub shown: Arc<str>,
    /// Its claims, in order of position, then rule.
    pub claims: Vec<Claim>,
    /// The findings of the engine's checks inside the article ([`crate::within`]).
    pub findings: Vec<crate::finding::Finding>,
    /// Set when the article was read with a caveat (lossy decoding).
    pub warning: Option<String>,
    /// Warnings about the article's suppressions (unused, unknown rules: src/suppress.rs).
    pub notes: Vec<crate::report::Problem>,
}

impl Extracted {
    /// Gives back the room its lists grew into: every article's claims are held until the
    /// comparison, and a vector grown by pushing keeps up to twice the room it needs (at
    /// 100,000 articles, tens of megabytes of peak memory).
    fn compact(mut self) -> Extracted {
        self.claims.shrink_to_fit();
        self.findings.shrink_to_fit();
        self.notes.shrink_to_fit();
        self
    }
}

/// Extracts the claims of every file in `files` with `rules`, in parallel; `cache`, when
/// given, is consulted and filled; `on_file` is called once per file done (for progress).
/// One result per file, in the order of `files`.
///
/// The rules must be compiled ([`RuleSet::is_compiled`]); with rules loaded
/// [`Compile::Deferred`](crate::rules::Compile::Deferred), use [`extract_files_cached`].
pub fn extract_files(
    files: &[PathBuf],
    rules: &RuleSet,
    options: &LoadOptions,
    cache: Option<&Cache>,
    on_file: &(dyn Fn() + Sync),
) -> Vec<Result<Extracted, ArticleError>> {
    debug_assert!(rules.is_compiled(), "extract_files needs compiled rules");
    // The prefilter (and the engine's own patterns) take a moment to build: with a cache,
    // only once an article is not in it, so that a run that finds every article there
    // skips it; without one, at once, on every core.
    let prefilter: OnceLock<Prefilter> = OnceLock::new();
    let build = || rayon::join(|| Prefilter::for_rules(rules), extract::warm_up).0;
    if cache.is_none() {
        let _ = prefilter.set(build());
    }
    let engine = || Some((rules, prefilter.get_or_init(build)));
    files
        .par_iter()
        .map(|path| {
            let r = extract_file(path, rules, options, &engine, cache);
            on_file();
            r.unwrap_or_else(|| Err(unreachable_engine(path)))
        })
        .collect()
}

/// [`extract_files`] through `cache` for rules that may not be compiled yet (loaded with
/// [`Compile::Deferred`](crate::rules::Compile::Deferred)): they are compiled, once, when
/// the first article is not found in the cache, so that a run over an unchanged corpus
/// compiles nothing. Files are still read one at a time and dropped once extracted.
///
/// # Errors
///
/// The rule errors of compiling, when an article had to be extracted and a pattern did not
/// compile (the errors [`crate::rules::load`] would have given); no article result then.
pub fn extract_files_cached(
    files: &[PathBuf],
    rules: &RuleSet,
    options: &LoadOptions,
    cache: &Cache,
    on_file: &(dyn Fn() + Sync),
) -> Result<CachedRun, Vec<RuleError>> {
    type Engine = Result<(RuleSet, Prefilter), Vec<RuleError>>;
    let engine: OnceLock<Engine> = OnceLock::new();
    let build = || -> Engine {
        let mut set = rules.clone();
        set.compile()?;
        let prefilter = rayon::join(|| Prefilter::for_rules(&set), extract::warm_up).0;
        Ok((set, prefilter))
    };
    let get = || match engine.get_or_init(build) {
        Ok((set, prefilter)) => Some((set, prefilter)),
        Err(_) => None,
    };
    let results: Vec<Option<Result<Extracted, ArticleError>>> = files
        .par_iter()
        .map(|path| {
            let r = extract_file(path, rules, options, &get, Some(cache));
            on_file();
            r
        })
        .collect();
    let compiled = match engine.get() {
        Some(Err(errors)) => return Err(errors.clone()),
        Some(Ok(_)) => !rules.is_compiled(),
        None => false,
    };
    Ok(CachedRun {
        results: results
            .into_iter()
            .zip(files)
            .map(|(r, path)| r.unwrap_or_else(|| Err(unreachable_engine(path))))
            .collect(),
        compiled,
    })
}

/// What [`extract_files_cached`] gives.
#[derive(Debug)]
pub struct CachedRun {
    /// One result per file, in the order of the files.
    pub results: Vec<Result<Extracted, ArticleError>>,
    /// Whether the rules' patterns had to be compiled (some article missed the cache and
    /// the rules came uncompiled).
    pub compiled: bool,
}

/// The shown path of an article with `claims`: the string its claims share, so that every
/// article's path is held once until the comparison.
fn shown_of(claims: &[Claim], shown: String) -> Arc<str> {
    match claims.first() {
        Some(c) => c.path.clone(),
        None => Arc::from(shown),
    }
}

/// The error for an article whose extraction found no engine: only when compiling failed,
/// which the callers report instead.
fn unreachable_engine(path: &std::path::Path) -> ArticleError {
    ArticleError::Io {
        path: article::display_path(path),
        source: std::io::Error::other("the rules could not be compiled"),
    }
}

/// The compiled rules and their prefilter, or `None` when they could not be compiled.
type EngineRef<'e> = Option<(&'e RuleSet, &'e Prefilter)>;

/// One file's claims; `None` when it had to be extracted and `engine` gave nothing.
/// `rules` are the rules' metadata (compiled or not), for suppressions.
fn extract_file<'e>(
    path: &PathBuf,
    rules: &RuleSet,
    options: &LoadOptions,
    engine: &(dyn Fn() -> EngineRef<'e> + Sync),
    cache: Option<&Cache>,
) -> Option<Result<Extracted, ArticleError>> {
    let shown = article::display_path(path);
    let io = |source| ArticleError::Io {
        path: shown.clone(),
        source,
    };
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return Some(Err(io(e))),
    };
    if size > options.max_size {
        return Some(Err(ArticleError::TooLarge {
            path: shown,
            size,
            limit: options.max_size,
        }));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Some(Err(io(e))),
    };
    let key = cache.map(|_| cache::hash_hex(&bytes));
    if let (Some(c), Some(k)) = (cache, &key) {
        let shown_arc: Arc<str> = Arc::from(shown.as_str());
        if let Some(claims) = c.get(k, &shown_arc) {
            // Claims are cached by content, but whether the text may be read at all (and
            // with what warning) depends on this run's options: decide that again, which
            // costs a decode only for the rare file that is not clean UTF-8.
            // Suppressions are applied after the cache (it keeps every claim), and the
            // checks inside the article are not cached: both need the text, decoded again
            // (cheap next to extraction).
            let has_directives = String::from_utf8_lossy(&bytes).contains("claimlint-");
            let Loaded {
                article: a,
                warning,
            } = match article::decode(shown.clone(), bytes, options.encoding) {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            };
            let findings = crate::within::conversions(rules, &a);
            let (claims, notes) = if has_directives {
                let applied = suppress::apply(rules, &a, claims);
                (applied.claims, applied.notes)
            } else {
                (claims, Vec::new())
            };
            return Some(Ok(Extracted {
                shown: shown_of(&claims, shown),
                claims,
                findings,
                warning,
                notes,
            }
            .compact()));
        }
    }
    let Loaded {
        article: a,
        warning,
    } = match article::decode(shown.clone(), bytes, options.encoding) {
        Ok(l) => l,
        Err(e) => return Some(Err(e)),
    };
    let (compiled, prefilter) = engine()?;
    let claims = extract::extract_filtered(compiled, Some(prefilter), &a);
    if let (Some(c), Some(k)) = (cache, &key) {
        c.put(k, &claims);
    }
    let findings = crate::within::conversions(rules, &a);
    // The cache keeps every claim; suppressions are the article's, applied on each read.
    let applied = suppress::apply(rules, &a, claims);
    Some(Ok(Extracted {
        shown: shown_of(&applied.claims, shown),
        claims: applied.claims,
        findings,
        warning,
        notes: applied.notes,
    }
    .compact()))
}
