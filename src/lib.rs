//! claimlint finds conflicting factual claims across news articles.
//!
//! The pipeline is a chain of pure functions over plain data, one module per stage:
//!
//! ```text
//! articles ─┐                                       ┌─ human (miette) / json
//!           ├─ load ─ extract ─ compare ─ findings ─┤
//! rules ────┘                                       └─ exit code
//! ```
//!
//! - [`article`]: files → [`article::Article`] (text and front-matter metadata);
//! - [`rules`]: TOML rule packs → a validated, compiled [`rules::RuleSet`];
//! - [`extract`]: `(RuleSet, Article)` → [`extract::Claim`]s, each value an interval;
//! - [`compare`]: claims grouped by rule and subject → [`finding::Finding`]s;
//! - [`relations`]: `[[relation]]`s between rules' claims (complement, part ≤ whole, sum) →
//!   findings;
//! - [`within`]: the engine's checks inside one article (unit conversions), no rule needed;
//! - [`report`]: findings → text (miette diagnostics) or JSON;
//! - [`prefilter`]: one pass per article that skips the patterns that cannot match;
//! - [`cache`]: per-article claims kept between runs (`--cache`).
//!
//! The library never prints; the `claimlint` binary owns the terminal.

#![warn(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]
// No panics from input: library code may not unwrap, expect or panic, nor index or slice
// unchecked (`v[i]`, `&v[a..]`, `&text[span]`: a string sliced off a character boundary
// panics too); tests may. Positions are read with `get` or walked with iterators; a text
// sliced with `get(..).unwrap_or_default()` reads as empty where an offset could not hold.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod article;
pub mod atomic;
pub mod baseline;
pub mod cache;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod date;
pub mod diff;
pub mod examples;
pub mod explain;
pub mod extract;
pub mod finding;
pub mod fingerprint;
#[doc(hidden)]
pub mod fuzzing;
pub mod git;
pub mod hash;
pub mod lean;
pub mod prefilter;
pub mod relations;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod value;
pub mod walk;
pub mod within;
