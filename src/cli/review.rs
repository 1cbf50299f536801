//! The editorial-review commands: `baseline write`, `check --baseline`, `diff`.
//!
//! A child of `cli`, so it shares its helpers (rule loading, reading a corpus, output);
//! the work itself is done in the library (`baseline`, `suppress`, `diff`).

use super::{
    article_inputs, load_rules, read_corpus, style, write_stderr, ReadArgs, RuleArgs, OK,
    TOOL_ERROR,
};
use claimlint::baseline::{self, Baseline, BaselineError};
use claimlint::finding::Finding;
use claimlint::report::{human, Problem};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// `check`'s baseline option.
#[derive(clap::Args, Debug)]
pub(super) struct CheckBaselineArgs {
    /// Hide the findings recorded in this baseline (`claimlint baseline write`); report
    /// its entries that match nothing any more as stale (docs/review.md).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(clap::Subcommand, Debug)]
pub(super) enum BaselineCommand {
    /// Record the findings of a check over PATH in FILE, so that `check --baseline FILE`
    /// reports only new ones.
    Write(BaselineWriteArgs),
}

#[derive(clap::Args, Debug)]
pub(super) struct BaselineWriteArgs {
    /// The baseline file to write (TOML; replaced atomically).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Articles or folders, as for `check` (default: `corpus` in claimlint.toml).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    read: ReadArgs,
    /// Why these findings are accepted: recorded with each new entry (entries already in
    /// FILE keep theirs).
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
}

fn problem_of(e: &BaselineError) -> Problem {
    Problem {
        path: e.path.clone(),
        line: e.line,
        column: e.column,
        message: e.message.clone(),
        span: e.at.as_ref().map(|a| a.span.clone()),
        text: e.at.as_ref().map(|a| a.text.clone()),
        help: None,
        also: None,
        warning: false,
    }
}

fn report_baseline_error(e: &BaselineError) {
    write_stderr(&human::problems(
        &[problem_of(e)],
        style(std::io::stderr().is_terminal()),
    ));
}

/// The baseline `check --baseline` names, read before anything is checked.
pub(super) fn load_check_baseline(args: &CheckBaselineArgs) -> Result<Option<Baseline>, u8> {
    let Some(file) = &args.baseline else {
        return Ok(None);
    };
    baseline::load(file).map(Some).map_err(|e| {
        report_baseline_error(&e);
        TOOL_ERROR
    })
}

/// The findings the baseline does not hold; its stale entries are warnings on stderr,
/// with a line of counts. Stale entries do not change the exit status.
pub(super) fn apply_baseline(
    args: &CheckBaselineArgs,
    baseline: Option<&Baseline>,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    let (Some(b), Some(file)) = (baseline, &args.baseline) else {
        return findings;
    };
    let shown = claimlint::article::display_path(file);
    let filtered = b.filter(findings);
    let notes: Vec<Problem> = filtered
        .stale
        .iter()
        .map(|e| Problem {
            line: Some(e.line),
            help: Some(
                "the finding is gone (fixed, or changed); `claimlint baseline write` drops the entry"
                    .into(),
            ),
            warning: true,
            ..Problem::plain(
                &shown,
                format!("stale baseline entry: {} matches no finding", e.describe()),
            )
        })
        .collect();
    write_stderr(&human::problems(
        &notes,
        style(std::io::stderr().is_terminal()),
    ));
    write_stderr(&format!(
        "claimlint: baseline {shown}: {} hidden, {} stale {}\n",
        plural(filtered.hidden, "finding", "findings"),
        filtered.stale.len(),
        if filtered.stale.len() == 1 {
            "entry"
        } else {
            "entries"
        }
    ));
    filtered.new
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `claimlint baseline write FILE PATH...`.
pub(super) fn baseline_command(command: &BaselineCommand) -> u8 {
    match command {
        BaselineCommand::Write(args) => baseline_write(args),
    }
}

fn baseline_write(args: &BaselineWriteArgs) -> u8 {
    let paths = match article_inputs(&args.paths) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let rules = match load_rules(&args.rules) {
        Ok(r) => r,
        Err(code) => return code,
    };
    // The old file is read first: its reasons are kept, and a file that cannot be parsed
    // is not replaced (it may hold hand-written reasons worth fixing by hand).
    let previous = if args.file.exists() {
        match baseline::load(&args.file) {
            Ok(b) => Some(b),
            Err(e) => {
                report_baseline_error(&e);
                write_stderr("claimlint: the baseline was not replaced\n");
                return TOOL_ERROR;
            }
        }
    } else {
        None
    };
    let corpus = read_corpus(&paths, &rules, &args.read);
    let err_style = style(std::io::stderr().is_terminal());
    write_stderr(&human::problems(&corpus.warnings, err_style));
    if !corpus.problems.is_empty() {
        write_stderr(&human::problems(&corpus.problems, err_style));
        write_stderr("claimlint: some articles could not be read; the baseline was not written\n");
        return TOOL_ERROR;
    }
    let findings = claimlint::compare::compare(&rules, corpus.claims());
    let b = Baseline::of(&findings, args.reason.as_deref(), previous.as_ref());
    let shown = claimlint::article::display_path(&args.file);
    if let Err(e) = claimlint::atomic::write_atomic(&args.file, &b.to_toml()) {
        write_stderr(&format!(
            "claimlint: {shown}: cannot write the baseline: {e}\n"
        ));
        return TOOL_ERROR;
    }
    let kept = previous.as_ref().map_or(0, |p| {
        b.entries
            .iter()
            .filter(|e| p.entries.iter().any(|o| o.fingerprint == e.fingerprint))
            .count()
    });
    let dropped = previous.as_ref().map_or(0, |p| {
        p.entries
            .iter()
            .filter(|o| b.entries.iter().all(|e| e.fingerprint != o.fingerprint))
            .count()
    });
    write_stderr(&format!(
        "wrote {shown}: {} ({} new, {kept} kept, {dropped} dropped)\n",
        plural(b.entries.len(), "finding", "findings"),
        b.entries.len() - kept,
    ));
    OK
}

// ---------------------------------------------------------------------------------------
// `claimlint diff`.

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DiffFormat {
    /// The word diff, the claims and the conflicts that changed, for people.
    Human,
    /// One JSON document (see docs/review.md).
    Json,
}

#[derive(clap::Args, Debug)]
pub(super) struct DiffArgs {
    /// OLD NEW: two versions of an article; with --git, the one PATH in the working copy.
    #[arg(value_name = "PATH", required = true, num_args = 1..=2)]
    paths: Vec<PathBuf>,
    /// Compare PATH with its version at this git revision (`git show REV:PATH`).
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// Other articles (files or folders) both versions are compared with; repeatable.
    #[arg(long = "corpus", value_name = "PATH")]
    corpus: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    read: ReadArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// The lowest severity of an introduced conflict that makes the run fail (exit 1)
    /// [default: error, or `fail_on` in claimlint.toml].
    #[arg(long, value_enum)]
    fail_on: Option<super::FailOn>,
}

/// Runs `git` in `dir` with `args`; its stdout, or its first line of stderr.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        return Ok(out.stdout);
    }
    let err = String::from_utf8_lossy(&out.stderr);
    Err(err
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("git failed")
        .trim()
        .to_string())
}

/// The bytes of `path` as of `rev`, through `git show REV:./FILE` run in the file's folder.
fn git_show(rev: &str, path: &Path) -> Result<Vec<u8>, String> {
    let shown = claimlint::article::display_path(path);
    if rev.starts_with('-') || rev.is_empty() {
        return Err(format!("`{rev}` is not a git revision"));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
        return Err(format!("{shown}: not a file name git can be asked for"));
    };
    git(&dir, &["rev-parse", "--show-toplevel"])
        .map_err(|e| format!("{shown}: not inside a git repository ({e})"))?;
    git(
        &dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| format!("unknown git revision `{rev}`"))?;
    git(&dir, &["show", &format!("{rev}:./{file}")])
        .map_err(|e| format!("{shown} is not in revision `{rev}` ({e})"))
}

/// Reads one version from `bytes` (named `name` in errors), as the article `as_path`.
fn version_of(
    bytes: Vec<u8>,
    name: &str,
    as_path: &str,
    rules: &claimlint::rules::RuleSet,
    read: &ReadArgs,
) -> Result<(claimlint::diff::Version, Vec<Problem>), Box<Problem>> {
    let options = read.options();
    if bytes.len() as u64 > options.max_size {
        return Err(Box::new(Problem {
            help: Some("raise the limit with --max-article-size BYTES".into()),
            ..Problem::plain(
                name,
                format!(
                    "{} bytes, over the limit of {} bytes for one article",
                    bytes.len(),
                    options.max_size
                ),
            )
        }));
    }
    let loaded = claimlint::article::decode(name.to_string(), bytes, options.encoding)
        .map_err(|e| Box::new(Problem::from_article_error(&e)))?;
    let mut notes: Vec<Problem> = loaded
        .warning
        .map(|w| Problem {
            warning: true,
            ..Problem::plain(name, w)
        })
        .into_iter()
        .collect();
    let mut article = loaded.article;
    let claims = claimlint::extract::extract(rules, &article);
    let applied = claimlint::suppress::apply(rules, &article, claims);
    notes.extend(applied.notes);
    // Both versions take part in comparison under one path, so that findings match.
    let text = std::mem::take(&mut article.text);
    let claims = applied
        .claims
        .into_iter()
        .map(|mut c| {
            c.path = std::sync::Arc::from(as_path);
            c
        })
        .collect();
    Ok((
        claimlint::diff::Version {
            name: name.to_string(),
            path: as_path.to_string(),
            text,
            claims,
        },
        notes,
    ))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Box<Problem>> {
    std::fs::read(path).map_err(|e| {
        Box::new(Problem::plain(
            &claimlint::article::display_path(path),
            format!("cannot read the article: {e}"),
        ))
    })
}

/// `claimlint diff OLD NEW` and `claimlint diff --git REV PATH`.
pub(super) fn diff(args: &DiffArgs) -> u8 {
    let err_style = style(std::io::stderr().is_terminal());
    let fail = |p: Box<Problem>| {
        write_stderr(&human::problems(&[*p], err_style));
        TOOL_ERROR
    };
    let (old_path, new_path) = match (&args.git, args.paths.as_slice()) {
        (None, [old, new]) => (Some(old.clone()), new.clone()),
        (Some(_), [path]) => (None, path.clone()),
        (None, _) => {
            write_stderr("claimlint: diff takes two files, OLD NEW (or --git REV PATH)\n");
            return TOOL_ERROR;
        }
        (Some(_), _) => {
            write_stderr("claimlint: diff --git REV takes one PATH\n");
            return TOOL_ERROR;
        }
    };
    let rules = match load_rules(&args.rules) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let new_shown = claimlint::article::display_path(&new_path);
    let (old_bytes, old_name) = match (&old_path, &args.git) {
        (Some(p), _) => match read_bytes(p) {
            Ok(b) => (b, claimlint::article::display_path(p)),
            Err(p) => return fail(p),
        },
        (None, Some(rev)) => match git_show(rev, &new_path) {
            Ok(b) => (b, format!("{rev}:{new_shown}")),
            Err(e) => {
                write_stderr(&format!("claimlint: {e}\n"));
                return TOOL_ERROR;
            }
        },
        (None, None) => return TOOL_ERROR,
    };
    let new_bytes = match read_bytes(&new_path) {
        Ok(b) => b,
        Err(p) => return fail(p),
    };
    let (old, _) = match version_of(old_bytes, &old_name, &new_shown, &rules, &args.read) {
        Ok(v) => v,
        Err(p) => return fail(p),
    };
    let (new, notes) = match version_of(new_bytes, &new_shown, &new_shown, &rules, &args.read) {
        Ok(v) => v,
        Err(p) => return fail(p),
    };
    // The corpus, without the article itself (in either version).
    let (mut corpus_claims, mut corpus_articles, mut problems, mut warnings) =
        (Vec::new(), 0, Vec::new(), notes);
    if !args.corpus.is_empty() {
        let mut corpus = read_corpus(&args.corpus, &rules, &args.read);
        let own: Vec<PathBuf> = [old_path.as_ref(), Some(&new_path)]
            .into_iter()
            .flatten()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        let excluded: Vec<String> = corpus
            .files
            .iter()
            .filter(|(shown, p)| {
                **shown == new_shown || std::fs::canonicalize(p).is_ok_and(|c| own.contains(&c))
            })
            .map(|(shown, _)| shown.clone())
            .collect();
        corpus_articles = corpus.articles - excluded.len();
        problems = std::mem::take(&mut corpus.problems);
        warnings.extend(std::mem::take(&mut corpus.warnings));
        corpus_claims = corpus
            .take_claims()
            .into_iter()
            .filter(|c| !excluded.iter().any(|e| **e == *c.path))
            .collect();
    }
    let d = claimlint::diff::diff(&rules, &old, &new, &corpus_claims, corpus_articles);
    match args.format {
        DiffFormat::Human => super::write_stdout(&claimlint::diff::human(&d)),
        DiffFormat::Json => super::write_stdout(&claimlint::diff::json(&d)),
    }
    write_stderr(&human::problems(&problems, err_style));
    write_stderr(&human::problems(&warnings, err_style));
    if !problems.is_empty() {
        return TOOL_ERROR;
    }
    let threshold = args
        .fail_on
        .or_else(|| {
            super::config()
                .and_then(|c| c.fail_on)
                .map(super::FailOn::from)
        })
        .unwrap_or(super::FailOn::Error)
        .threshold();
    match threshold {
        Some(t)
            if d.conflicts
                .introduced
                .iter()
                .any(|k| k.finding.severity >= t) =>
        {
            super::FOUND
        }
        _ => OK,
    }
}
