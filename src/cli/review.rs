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
use std::path::PathBuf;

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
    let findings = claimlint::compare::compare(&rules, &corpus.claims);
    let b = Baseline::of(&findings, args.reason.as_deref(), previous.as_ref());
    let shown = claimlint::article::display_path(&args.file);
    if let Err(e) = baseline::write_atomic(&args.file, &b.to_toml()) {
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
