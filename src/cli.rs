//! The command line: argument parsing, running the pipeline, writing output, exit status.

use claimlint::corpus;
use claimlint::extract::Claim;
use claimlint::finding::Finding;
use claimlint::report::{self, human, Problem, Summary};
use claimlint::rules::{self, RuleSet, Severity};
use claimlint::walk;
use clap::{Parser, Subcommand, ValueEnum};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_HELP: &str = "\
Exit status:
  0  nothing at or above the --fail-on level was found
  1  findings at or above the --fail-on level were found
  2  claimlint could not do its job: a bad rule file, an unreadable path or article,
     bad arguments";

/// Checks news articles for conflicting factual claims.
#[derive(Parser, Debug)]
#[command(name = "claimlint", version, about, after_help = EXIT_HELP)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Report claims that conflict across articles (and within one).
    #[command(after_help = EXIT_HELP)]
    Check(CheckArgs),
    /// List every claim the rules find: what the engine read, and what it did not.
    #[command(after_help = EXIT_HELP)]
    Claims(ClaimsArgs),
    /// Work with rule files: list them, test them, print their patterns.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// List every rule: id, kind, title and file.
    List(RuleArgs),
    /// Run the `[[rule.example]]` tests in the rule files (exit 1 when one fails).
    Test(RuleArgs),
    /// Print every rule's regex with `{value}` expanded, one a line (for `rg -f`).
    Patterns(RuleArgs),
}

#[derive(clap::Args, Debug)]
struct RuleArgs {
    /// A rule file or a folder of them; repeat for more. Replaces the default `rules/`.
    #[arg(short, long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
}

impl RuleArgs {
    fn paths(&self) -> Vec<PathBuf> {
        if self.rules.is_empty() {
            vec![PathBuf::from("rules")]
        } else {
            self.rules.clone()
        }
    }
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Articles (.txt, .md) or folders of them, walked recursively respecting .gitignore.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// The lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Also show figures that changed over time (info level).
    #[arg(long)]
    show_changes: bool,
    /// Keep each article's claims in DIR, keyed by the article's and the rules' content,
    /// and reuse them on later runs.
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// Never show the progress bar (shown on stderr for long runs when it is a terminal,
    /// outside CI and for human output only).
    #[arg(long)]
    no_progress: bool,
}

#[derive(clap::Args, Debug)]
struct ClaimsArgs {
    /// Articles (.txt, .md) or folders of them.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ClaimsFormat::Table)]
    format: ClaimsFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    /// Diagnostics with labels in each article.
    Human,
    /// One JSON document (see docs/json.md).
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ClaimsFormat {
    /// Aligned columns.
    Table,
    /// One JSON document (see docs/json.md).
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FailOn {
    /// Fail on errors.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding, changes over time included.
    Info,
    /// Never fail on findings (exit 2 still reports tool errors).
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Exit statuses.
const OK: u8 = 0;
const FOUND: u8 = 1;
const TOOL_ERROR: u8 = 2;

fn style(stream_is_terminal: bool) -> human::Style {
    human::Style {
        color: stream_is_terminal && std::env::var_os("NO_COLOR").is_none(),
        width: 100,
    }
}

fn write_stdout(s: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`claimlint check | head`) is not an error worth a panic.
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

fn write_stderr(s: &str) {
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
}

/// Parses arguments and runs; the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { TOOL_ERROR } else { OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    ExitCode::from(match cli.command {
        Command::Check(args) => check(&args),
        Command::Claims(args) => claims(&args),
        Command::Rules { command } => match command {
            RulesCommand::List(args) => rules_list(&args),
            RulesCommand::Test(args) => rules_test(&args),
            RulesCommand::Patterns(args) => rules_patterns(&args),
        },
    })
}

fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
    rules::load(&args.paths()).map_err(|errors| {
        let problems: Vec<Problem> = errors.iter().map(Problem::from_rule_error).collect();
        write_stderr(&human::problems(
            &problems,
            style(std::io::stderr().is_terminal()),
        ));
        write_stderr(&format!(
            "claimlint: {} in the rule files; nothing was checked\n",
            if problems.len() == 1 {
                "1 problem".to_string()
            } else {
                format!("{} problems", problems.len())
            }
        ));
        TOOL_ERROR
    })
}

/// The result of reading and extracting from every article.
struct Corpus {
    /// Shown path → path on disk, for fetching snippets.
    files: HashMap<String, PathBuf>,
    claims: Vec<Claim>,
    problems: Vec<Problem>,
    articles: usize,
}

fn read_corpus(paths: &[PathBuf], rules: &RuleSet) -> Corpus {
    read_corpus_with(paths, rules, None, false)
}

/// Runs over this many files or more get a progress bar (when one may be shown).
const PROGRESS_MIN_FILES: usize = 200;

/// Reads and extracts every article in parallel, through `cache` when given, with a
/// progress bar on stderr when `progress` allows one and the run is long.
fn read_corpus_with(
    paths: &[PathBuf],
    rules: &RuleSet,
    cache: Option<&claimlint::cache::Cache>,
    progress: bool,
) -> Corpus {
    let (files, walk_errors) = walk::article_paths(paths);
    let mut corpus = Corpus {
        files: HashMap::new(),
        claims: Vec::new(),
        problems: walk_errors.iter().map(Problem::from_walk_error).collect(),
        articles: 0,
    };
    let bar = (progress && files.len() >= PROGRESS_MIN_FILES).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} articles, {per_sec}, {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    for result in corpus::extract_files(&files, rules, cache, &tick) {
        match result {
            Ok(e) => {
                corpus.articles += 1;
                corpus.claims.extend(e.claims);
                corpus.files.insert(e.shown, e.path);
            }
            Err(e) => corpus.problems.push(Problem::from_article_error(&e)),
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    corpus
        .claims
        .sort_by(|a, b| (&a.path, a.span.start, &a.rule).cmp(&(&b.path, b.span.start, &b.rule)));
    corpus
}

/// Whether a progress bar may be drawn: stderr is a terminal and this is not CI.
fn progress_allowed() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Opens the `--cache` folder for the rule files under `rule_paths`; a message on failure.
fn open_cache(
    dir: &std::path::Path,
    rule_paths: &[PathBuf],
) -> Result<claimlint::cache::Cache, String> {
    let files = rules::rule_files(rule_paths).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let mut sources = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        sources.push((claimlint::article::display_path(&f), bytes));
    }
    claimlint::cache::Cache::open(dir, &claimlint::cache::rules_key(&sources))
        .map_err(|e| e.to_string())
}

fn check(args: &CheckArgs) -> u8 {
    let rules = match load_rules(&args.rules) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let cache = match &args.cache {
        Some(dir) => match open_cache(dir, &args.rules.paths()) {
            Ok(c) => Some(c),
            Err(e) => {
                write_stderr(&format!("claimlint: {e}\n"));
                return TOOL_ERROR;
            }
        },
        None => None,
    };
    let progress = !args.no_progress && args.format == CheckFormat::Human && progress_allowed();
    let corpus = read_corpus_with(&args.paths, &rules, cache.as_ref(), progress);
    if let Some(c) = &cache {
        let n = c.counts();
        write_stderr(&format!(
            "claimlint: cache: {} articles reused, {} extracted, {} corrupt entries ignored\n",
            n.hits, n.misses, n.corrupt
        ));
        if let Err(e) = c.save() {
            write_stderr(&format!("claimlint: {e}\n"));
        }
    }
    let all = claimlint::compare::compare(&rules, &corpus.claims);
    let threshold = args.fail_on.threshold();
    let show_info = args.show_changes || threshold == Some(Severity::Info);
    let total = all.len();
    let findings: Vec<Finding> = all
        .into_iter()
        .filter(|f| show_info || f.severity > Severity::Info)
        .collect();
    let summary = Summary {
        hidden: total - findings.len(),
        articles: corpus.articles,
        claims: corpus.claims.len(),
        findings: findings.len(),
        errors: corpus.problems.len(),
    };
    match args.format {
        CheckFormat::Human => {
            let files = &corpus.files;
            let sources =
                |p: &str| -> Option<String> { std::fs::read_to_string(files.get(p)?).ok() };
            let out_style = style(std::io::stdout().is_terminal());
            let mut out = human::findings(&findings, &sources, out_style);
            out.push_str(&human::summary(&summary, &findings));
            write_stdout(&out);
            write_stderr(&human::problems(
                &corpus.problems,
                style(std::io::stderr().is_terminal()),
            ));
        }
        CheckFormat::Json => {
            write_stdout(&report::json::findings(
                &findings,
                &corpus.problems,
                &summary,
            ));
        }
    }
    exit_status(&findings, threshold, !corpus.problems.is_empty())
}

fn exit_status(findings: &[Finding], threshold: Option<Severity>, tool_error: bool) -> u8 {
    if tool_error {
        return TOOL_ERROR;
    }
    match threshold {
        Some(t) if findings.iter().any(|f| f.severity >= t) => FOUND,
        _ => OK,
    }
}

fn claims(args: &ClaimsArgs) -> u8 {
    let rules = match load_rules(&args.rules) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let corpus = read_corpus(&args.paths, &rules);
    match args.format {
        ClaimsFormat::Table => {
            write_stdout(&claims_table(&corpus.claims));
            write_stderr(&human::problems(
                &corpus.problems,
                style(std::io::stderr().is_terminal()),
            ));
        }
        ClaimsFormat::Json => write_stdout(&report::json::claims(&corpus.claims, &corpus.problems)),
    }
    if corpus.problems.is_empty() {
        OK
    } else {
        TOOL_ERROR
    }
}

/// Claims as aligned columns: location, rule, subject, text as written, reading, reference.
fn claims_table(claims: &[Claim]) -> String {
    let rows: Vec<[String; 6]> = claims
        .iter()
        .map(|c| {
            [
                format!("{}:{}:{}", c.path, c.line, c.column),
                c.rule.to_string(),
                if c.subject.is_empty() {
                    "-".into()
                } else {
                    c.subject.clone()
                },
                c.text.clone(),
                c.reading(),
                c.reference.describe(),
            ]
        })
        .collect();
    let mut out = table(
        &[
            "LOCATION",
            "RULE",
            "SUBJECT",
            "TEXT",
            "READS AS",
            "REFERENCE",
        ],
        &rows,
    );
    out.push_str(&format!(
        "{} {}\n",
        claims.len(),
        if claims.len() == 1 { "claim" } else { "claims" }
    ));
    out
}

fn rules_list(args: &RuleArgs) -> u8 {
    let rules = match load_rules(args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let rows: Vec<[String; 4]> = rules
        .rules
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                r.kind.name().to_string(),
                r.title.clone(),
                r.file.clone(),
            ]
        })
        .collect();
    write_stdout(&table(&["ID", "KIND", "TITLE", "FILE"], &rows));
    OK
}

fn rules_patterns(args: &RuleArgs) -> u8 {
    let rules = match load_rules(args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut out = String::new();
    for re in rules.rules.iter().flat_map(|r| &r.regexes) {
        out.push_str(re.as_str());
        out.push('\n');
    }
    write_stdout(&out);
    OK
}

fn rules_test(args: &RuleArgs) -> u8 {
    let rules = match load_rules(args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut out = String::new();
    let mut failed = 0;
    let mut total = 0;
    for rule in &rules.rules {
        let failures = claimlint::examples::run_rule(rule);
        total += rule.examples.len();
        failed += failures.len();
        let status = if failures.is_empty() { "ok" } else { "FAILED" };
        out.push_str(&format!(
            "{} ({} examples) ... {status}\n",
            rule.id,
            rule.examples.len()
        ));
        for f in failures {
            out.push_str(&format!(
                "  example {}: {}\n    {}\n",
                f.index, f.message, f.text
            ));
        }
    }
    out.push_str(&format!("{} passed, {failed} failed\n", total - failed));
    write_stdout(&out);
    if failed == 0 {
        OK
    } else {
        FOUND
    }
}

/// Rows as aligned columns under a header.
fn table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let head = header.map(String::from);
    for r in std::iter::once(&head).chain(rows) {
        let mut line = String::new();
        for (cell, w) in r.iter().zip(widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(w - cell.chars().count() + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
