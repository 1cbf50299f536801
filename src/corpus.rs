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
use crate::rules::RuleSet;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The claims of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The article's path as shown in reports.
    pub shown: String,
    /// The file the article was read from.
    pub path: PathBuf,
    /// Its claims, in order of position, then rule.
    pub claims: Vec<Claim>,
    /// The findings of the engine's checks inside the article ([`crate::within`]).
    pub findings: Vec<crate::finding::Finding>,
    /// Set when the article was read with a caveat (lossy decoding).
    pub warning: Option<String>,
}

/// Extracts the claims of every file in `files` with `rules`, in parallel; `cache`, when
/// given, is consulted and filled; `on_file` is called once per file done (for progress).
/// One result per file, in the order of `files`.
pub fn extract_files(
    files: &[PathBuf],
    rules: &RuleSet,
    options: &LoadOptions,
    cache: Option<&Cache>,
    on_file: &(dyn Fn() + Sync),
) -> Vec<Result<Extracted, ArticleError>> {
    // The prefilter (and the engine's own patterns) take a moment to build: with a cache,
    // only once an article is not in it, so that a run that finds every article there
    // skips it; without one, at once, on every core.
    let prefilter: OnceLock<Prefilter> = OnceLock::new();
    let build = || rayon::join(|| Prefilter::for_rules(rules), extract::warm_up).0;
    if cache.is_none() {
        let _ = prefilter.set(build());
    }
    let prefilter = || prefilter.get_or_init(build);
    files
        .par_iter()
        .map(|path| {
            let r = extract_file(path, rules, options, &prefilter, cache);
            on_file();
            r
        })
        .collect()
}

fn extract_file<'p>(
    path: &PathBuf,
    rules: &RuleSet,
    options: &LoadOptions,
    prefilter: &dyn Fn() -> &'p Prefilter,
    cache: Option<&Cache>,
) -> Result<Extracted, ArticleError> {
    let shown = article::display_path(path);
    let io = |source| ArticleError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > options.max_size {
        return Err(ArticleError::TooLarge {
            path: shown,
            size,
            limit: options.max_size,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let key = cache.map(|_| cache::hash_hex(&bytes));
    if let (Some(c), Some(k)) = (cache, &key) {
        let shown_arc: Arc<str> = Arc::from(shown.as_str());
        if let Some(claims) = c.get(k, &shown_arc) {
            // Claims are cached by content, but whether the text may be read at all (and
            // with what warning) depends on this run's options: decide that again, which
            // costs a decode only for the rare file that is not clean UTF-8.
            // The checks inside the article are not cached: they need its text, which
            // is decoded again (cheap next to extraction).
            let Loaded {
                article: a,
                warning,
            } = article::decode(shown.clone(), bytes, options.encoding)?;
            let findings = crate::within::conversions(rules, &a);
            return Ok(Extracted {
                shown,
                path: path.clone(),
                claims,
                findings,
                warning,
            });
        }
    }
    let Loaded {
        article: a,
        warning,
    } = article::decode(shown.clone(), bytes, options.encoding)?;
    let claims = extract::extract_filtered(rules, Some(prefilter()), &a);
    if let (Some(c), Some(k)) = (cache, &key) {
        c.put(k, &claims);
    }
    let findings = crate::within::conversions(rules, &a);
    Ok(Extracted {
        shown,
        path: path.clone(),
        claims,
        findings,
        warning,
    })
}
