//! The command line: argument parsing, running the pipeline, writing output, exit status.

use claimlint::article;
use claimlint::config::Config;
use claimlint::corpus;
use claimlint::extract::Claim;
use claimlint::finding::Finding;
use claimlint::hash::{HashMap, HashSet};
use claimlint::report::{self, human, Problem, Summary};
use claimlint::rules::{self, RuleSet, Severity};
use claimlint::walk;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod review;

const EXIT_HELP: &str = "\
Exit status:
  0  nothing at or above the --fail-on level was found
  1  findings at or above the --fail-on level were found
  2  claimlint could not do its job: a bad rule file, an unreadable path or article,
     bad arguments, not a git repository or an unknown revision (--changed-since), a
     report that could not be written (--output)";

/// Checks news articles for conflicting factual claims.
#[derive(Parser, Debug)]
#[command(name = "claimlint", version, about, after_help = EXIT_HELP)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Use this project configuration instead of the nearest claimlint.toml.
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore claimlint.toml files.
    #[arg(long, global = true)]
    no_config: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Report claims that conflict across articles (and within one).
    #[command(after_help = EXIT_HELP)]
    Check(CheckArgs),
    /// List every claim the rules find: what the engine read, and what it did not.
    #[command(after_help = EXIT_HELP)]
    Claims(ClaimsArgs),
    /// Write a commented starter claimlint.toml and rules/starter.toml here.
    Init,
    /// Explain a rule (by id) or one of the engine's checks (by code).
    Explain {
        /// A rule id (`territory.russia-control`) or a check code (`change-over-time`).
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Work with rule files: list them, test them, print their patterns.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Record the findings of a check, so that `check --baseline` reports only new ones.
    #[command(after_help = EXIT_HELP)]
    Baseline {
        #[command(subcommand)]
        command: review::BaselineCommand,
    },
    /// Compare two versions of an article: the words, the claims and the conflicts that
    /// changed (exit 1 when the new version introduces a conflict).
    #[command(after_help = EXIT_HELP)]
    Diff(review::DiffArgs),
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// List every rule: id, kind, title and file.
    List(RuleArgs),
    /// Run the `[[rule.example]]` tests in the rule files (exit 1 when one fails).
    Test(RuleArgs),
    /// Print every rule's regex with `{value}` expanded, one a line (for `rg -f`).
    Patterns(RuleArgs),
    /// Print the JSON Schema of rule files (the copy in schema/rules.schema.json).
    Schema,
}

#[derive(clap::Args, Debug)]
struct RuleArgs {
    /// A rule file or a folder of them; repeat for more. Replaces the default `rules/`.
    #[arg(short, long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
}

impl RuleArgs {
    /// `--rules`, else `rules` in claimlint.toml, else `rules/`.
    fn paths(&self) -> Vec<PathBuf> {
        if !self.rules.is_empty() {
            return self.rules.clone();
        }
        match config() {
            Some(c) if !c.rules.is_empty() => c.rules.clone(),
            _ => vec![PathBuf::from("rules")],
        }
    }
}

/// The project configuration in force, loaded once at start.
static CONFIG: std::sync::OnceLock<Option<Config>> = std::sync::OnceLock::new();

fn config() -> Option<&'static Config> {
    CONFIG.get().and_then(Option::as_ref)
}

/// Loads `--config`, or the nearest claimlint.toml unless `--no-config`.
fn load_config(cli: &Cli) -> Result<Option<Config>, u8> {
    let file = match (&cli.config, cli.no_config) {
        (_, true) => None,
        (Some(p), false) => Some(p.clone()),
        (None, false) => std::env::current_dir().ok().and_then(|cwd| {
            claimlint::config::discover(&cwd).map(|found| relative_to_cwd(&found, &cwd))
        }),
    };
    let Some(file) = file else { return Ok(None) };
    claimlint::config::load(&file).map(Some).map_err(|errors| {
        report_rule_errors(&errors, "in the configuration");
        TOOL_ERROR
    })
}

/// A path found above the working directory, written relative to it (`../claimlint.toml`),
/// so reports show short, stable paths.
fn relative_to_cwd(path: &std::path::Path, cwd: &std::path::Path) -> PathBuf {
    for (up, ancestor) in cwd.ancestors().enumerate() {
        if let Ok(rest) = path.strip_prefix(ancestor) {
            let mut p = PathBuf::new();
            for _ in 0..up {
                p.push("..");
            }
            return p.join(rest);
        }
    }
    path.to_path_buf()
}

/// The article paths: those given, else `corpus` in claimlint.toml.
fn article_inputs(given: &[PathBuf]) -> Result<Vec<PathBuf>, u8> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    match config() {
        Some(c) if !c.corpus.is_empty() => Ok(c.corpus.clone()),
        _ => {
            write_stderr(
                "claimlint: no articles given: name files or folders, or set `corpus` in claimlint.toml\n",
            );
            Err(TOOL_ERROR)
        }
    }
}

#[derive(clap::Args, Debug)]
struct ReadArgs {
    /// How to read articles that are not valid UTF-8: refuse them (strict) or replace the
    /// bad bytes and warn (lossy).
    #[arg(long, value_enum, default_value_t = EncodingArg::Strict)]
    encoding: EncodingArg,
    /// The largest article read, in bytes (default 32 MiB); larger files are reported.
    #[arg(long, value_name = "BYTES", default_value_t = article::DEFAULT_MAX_SIZE)]
    max_article_size: u64,
}

impl ReadArgs {
    fn options(&self) -> article::LoadOptions {
        article::LoadOptions {
            encoding: match self.encoding {
                EncodingArg::Strict => article::Encoding::Strict,
                EncodingArg::Lossy => article::Encoding::Lossy,
            },
            max_size: self.max_article_size,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum EncodingArg {
    /// UTF-8 only.
    Strict,
    /// Invalid bytes become U+FFFD, with a warning.
    Lossy,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Articles (.txt, .md) or folders of them, walked recursively respecting .gitignore
    /// (default: `corpus` in claimlint.toml).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    baseline: review::CheckBaselineArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// The lowest severity that makes the run fail (exit 1) [default: error, or `fail_on` in
    /// claimlint.toml].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Also show info findings: figures that changed over time, figures revised down.
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
    #[command(flatten)]
    gate: GateArgs,
}

/// Options of `check` for gating new articles in CI (docs/ci.md).
#[derive(clap::Args, Debug)]
struct GateArgs {
    /// Check the PATHs given as new articles against this archive (a file or folder;
    /// repeatable): only findings that involve a new article are reported, each on a new
    /// article. An article in both counts as new.
    #[arg(long = "corpus", value_name = "ARCHIVE")]
    corpus: Vec<PathBuf>,
    /// Take the new articles from git: those added or changed since REV (its merge base
    /// with HEAD), committed or not, untracked ones included, under the PATHs given (default:
    /// `corpus` in claimlint.toml), which are also the archive unless --corpus is given.
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// Write the report to FILE (replaced whole, through a temporary file) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// After the report, count findings per rule and severity (on stderr for the machine
    /// formats, so that stdout stays parseable).
    #[arg(long)]
    statistics: bool,
}

#[derive(clap::Args, Debug)]
struct ClaimsArgs {
    /// Articles (.txt, .md) or folders of them (default: `corpus` in claimlint.toml).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    read: ReadArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ClaimsFormat::Table)]
    format: ClaimsFormat,
    /// Only claims of this rule (repeatable).
    #[arg(long = "rule", value_name = "ID")]
    rule: Vec<String>,
    /// Only claims with these subject parts (`who=military` or `side=ukraine, what=killed`).
    #[arg(long, value_name = "TEXT")]
    subject: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    /// Diagnostics with labels in each article.
    Human,
    /// One JSON document (see docs/json.md).
    Json,
    /// One JSON object per finding, a line each (docs/json.md).
    JsonLines,
    /// SARIF 2.1.0, for code scanning (docs/formats.md).
    Sarif,
    /// GitHub Actions annotations (docs/formats.md).
    Github,
    /// JUnit XML test report (docs/formats.md).
    Junit,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ClaimsFormat {
    /// Aligned columns.
    Table,
    /// One JSON document (see docs/json.md).
    Json,
    /// Comma-separated values with a header row, for spreadsheets.
    Csv,
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

impl From<claimlint::config::FailOn> for FailOn {
    fn from(f: claimlint::config::FailOn) -> Self {
        use claimlint::config::FailOn as C;
        match f {
            C::Error => FailOn::Error,
            C::Warning => FailOn::Warning,
            C::Info => FailOn::Info,
            C::Never => FailOn::Never,
        }
    }
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
    match load_config(&cli) {
        Ok(c) => {
            let _ = CONFIG.set(c);
        }
        Err(code) => return ExitCode::from(code),
    }
    ExitCode::from(match cli.command {
        Command::Check(args) => check(&args),
        Command::Claims(args) => claims(&args),
        Command::Init => init(),
        Command::Explain { id, rules } => explain(&id, &rules),
        Command::Rules { command } => match command {
            RulesCommand::List(args) => rules_list(&args),
            RulesCommand::Test(args) => rules_test(&args),
            RulesCommand::Patterns(args) => rules_patterns(&args),
            RulesCommand::Schema => {
                write_stdout(&claimlint::rules::json_schema());
                OK
            }
        },
        Command::Baseline { command } => review::baseline_command(&command),
        Command::Diff(args) => review::diff(&args),
    })
}

fn report_rule_errors(errors: &[claimlint::rules::RuleError], place: &str) {
    let problems: Vec<Problem> = errors.iter().map(Problem::from_rule_error).collect();
    write_stderr(&human::problems(
        &problems,
        style(std::io::stderr().is_terminal()),
    ));
    write_stderr(&format!(
        "claimlint: {} {place}; nothing was checked\n",
        if problems.len() == 1 {
            "1 problem".to_string()
        } else {
            format!("{} problems", problems.len())
        }
    ));
}

fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
    load_rules_with(args, rules::Compile::Now)
}

/// [`load_rules`], compiling the patterns now or when first needed (`--cache`).
fn load_rules_with(args: &RuleArgs, compile: rules::Compile) -> Result<RuleSet, u8> {
    let mut rules = rules::load_with(&args.paths(), compile).map_err(|errors| {
        report_rule_errors(&errors, "in the rule files");
        TOOL_ERROR
    })?;
    if let Some(c) = config() {
        c.apply(&mut rules).map_err(|errors| {
            report_rule_errors(&errors, "in the configuration");
            TOOL_ERROR
        })?;
    }
    Ok(rules)
}

/// The result of reading and extracting from every article.
#[derive(Default)]
struct Corpus {
    /// Shown path → path on disk, for fetching snippets.
    files: HashMap<String, PathBuf>,
    /// Each article's claims, articles in order of shown path, each article's claims in
    /// order of position, then rule: together, every claim sorted by (path, position,
    /// rule). Kept per article rather than copied into one vector, which at 100,000
    /// articles held a second copy of every claim at the peak.
    claims: Vec<Vec<Claim>>,
    /// Findings of the engine's checks inside articles.
    findings: Vec<Finding>,
    problems: Vec<Problem>,
    /// Articles read with a caveat (lossy decoding).
    warnings: Vec<Problem>,
    articles: usize,
    /// Whether the rules' patterns were compiled while reading (`--cache` runs).
    compiled: bool,
}

fn read_corpus(paths: &[PathBuf], rules: &RuleSet, read: &ReadArgs) -> Corpus {
    // Only a cached run compiles rules while reading (and can fail there); this one has
    // no cache.
    read_corpus_with(paths, rules, read, None, false).unwrap_or_default()
}

/// Runs over this many files or more get a progress bar (when one may be shown).
const PROGRESS_MIN_FILES: usize = 200;

/// Reads and extracts every article in parallel, through `cache` when given, with a
/// progress bar on stderr when `progress` allows one and the run is long.
fn read_corpus_with(
    paths: &[PathBuf],
    rules: &RuleSet,
    read: &ReadArgs,
    cache: Option<&claimlint::cache::Cache>,
    progress: bool,
) -> Result<Corpus, u8> {
    let (mut files, walk_errors) = walk::article_paths(paths);
    if let Some(c) = config() {
        files.retain(|f| c.takes(f));
    }
    let mut corpus = Corpus {
        files: HashMap::default(),
        claims: Vec::new(),
        findings: Vec::new(),
        problems: walk_errors.iter().map(Problem::from_walk_error).collect(),
        warnings: Vec::new(),
        articles: 0,
        compiled: false,
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
    // The prefilter and the capture engines are compiled when extraction starts (or, with
    // a cache, at the first article not in it), on the workers: once the first article is
    // done, what compiling threw away is given back (src/memory.rs).
    let first_done = std::sync::Once::new();
    let tick = || {
        first_done.call_once(crate::memory::release_free);
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let options = read.options();
    let results = match cache {
        // Rules loaded for a cached run are compiled only when an article misses the cache.
        Some(c) => match corpus::extract_files_cached(&files, rules, &options, c, &tick) {
            Ok(run) => {
                corpus.compiled = run.compiled;
                run.results
            }
            Err(errors) => {
                if let Some(b) = &bar {
                    b.finish_and_clear();
                }
                report_rule_errors(&errors, "in the rule files");
                return Err(TOOL_ERROR);
            }
        },
        None => corpus::extract_files(&files, rules, &options, None, &tick),
    };
    for (result, path) in results.into_iter().zip(files) {
        match result {
            Ok(e) => {
                if let Some(w) = e.warning {
                    corpus.warnings.push(Problem {
                        warning: true,
                        ..Problem::plain(&e.shown, w)
                    });
                }
                corpus.warnings.extend(e.notes);
                corpus.articles += 1;
                corpus.claims.push(e.claims);
                corpus.findings.extend(e.findings);
                corpus.files.insert(e.shown.to_string(), path);
            }
            Err(e) => corpus.problems.push(Problem::from_article_error(&e)),
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for claims in &mut corpus.claims {
        // Already in this order as extracted (and as cached): a check, not a reordering.
        claims.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    }
    corpus.claims.retain(|c| !c.is_empty());
    let first_path = |c: &Vec<Claim>| c.first().map(|c| c.path.clone());
    corpus.claims.sort_by_cached_key(first_path);
    Ok(corpus)
}

impl Corpus {
    /// Every claim, sorted by (path, position, rule).
    fn claims(&self) -> impl Iterator<Item = &Claim> + Clone {
        self.claims.iter().flatten()
    }

    /// How many claims were found.
    fn claim_count(&self) -> usize {
        self.claims.iter().map(Vec::len).sum()
    }

    /// Every claim, sorted by (path, position, rule), in one vector, taken out of the
    /// corpus.
    fn take_claims(&mut self) -> Vec<Claim> {
        std::mem::take(&mut self.claims)
            .into_iter()
            .flatten()
            .collect()
    }
}

/// Whether a progress bar may be drawn: stderr is a terminal and this is not CI.
fn progress_allowed() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Opens the `--cache` folder for the rule files under `rule_paths`; a message on failure.
fn open_cache(
    dir: &std::path::Path,
    rule_paths: &[PathBuf],
    rules: &RuleSet,
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
    // claimlint.toml can change what is extracted (its default hedge ratios): the ratios
    // each rule ends up with are part of the key too.
    let hedges: String = rules
        .rules
        .iter()
        .map(|r| format!("{} {:?} {:?}\n", r.id, r.hedges.about, r.hedges.nearly))
        .collect();
    sources.push(("(hedge ratios)".to_string(), hedges.into_bytes()));
    claimlint::cache::Cache::open(dir, &claimlint::cache::rules_key(&sources))
        .map_err(|e| e.to_string())
}

fn check(args: &CheckArgs) -> u8 {
    let inputs = match check_inputs(args) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let paths = inputs.paths;
    // With a cache, patterns are compiled only if an article is not found in it.
    let compile = match args.cache {
        Some(_) => rules::Compile::Deferred,
        None => rules::Compile::Now,
    };
    let rules = match load_rules_with(&args.rules, compile) {
        Ok(r) => r,
        Err(code) => return code,
    };
    // Compiling threw away more than the run keeps: give it back before the claims pile up.
    // (The first article done trims again, after the prefilter's compiling.)
    crate::memory::release_free();
    let baseline = match review::load_check_baseline(&args.baseline) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let cache = match &args.cache {
        Some(dir) => match open_cache(dir, &args.rules.paths(), &rules) {
            Ok(c) => Some(c),
            Err(e) => {
                write_stderr(&format!("claimlint: {e}\n"));
                return TOOL_ERROR;
            }
        },
        None => None,
    };
    let progress = !args.no_progress && args.format == CheckFormat::Human && progress_allowed();
    let mut corpus = match read_corpus_with(&paths, &rules, &args.read, cache.as_ref(), progress) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if !inputs.problems.is_empty() {
        let mut problems = inputs.problems;
        problems.append(&mut corpus.problems);
        corpus.problems = problems;
    }
    if let Some(c) = &cache {
        let n = c.counts();
        write_stderr(&format!(
            "claimlint: cache: {} articles reused, {} extracted, {} corrupt entries ignored; \
             patterns compiled: {}\n",
            n.hits,
            n.misses,
            n.corrupt,
            if corpus.compiled { "yes" } else { "no" }
        ));
        if let Err(e) = c.save() {
            write_stderr(&format!("claimlint: {e}\n"));
        }
    }
    let mut all = match &inputs.new {
        Some(new) => claimlint::compare::compare_new(&rules, corpus.claims(), &|p| new.contains(p)),
        None => claimlint::compare::compare(&rules, corpus.claims()),
    };
    let mut more = claimlint::relations::check(&rules, corpus.claims());
    more.extend(std::mem::take(&mut corpus.findings));
    if let Some(new) = &inputs.new {
        // Against an archive, only what involves a new article is reported.
        more.retain(|f| f.sites.iter().any(|s| new.contains(&s.path)));
    }
    all.extend(more);
    claimlint::finding::sort(&mut all);
    let all = review::apply_baseline(&args.baseline, baseline.as_ref(), all);
    let fail_on = args
        .fail_on
        .or_else(|| config().and_then(|c| c.fail_on).map(FailOn::from))
        .unwrap_or(FailOn::Error);
    let threshold = fail_on.threshold();
    let show_info = args.show_changes || threshold == Some(Severity::Info);
    let total = all.len();
    let findings: Vec<Finding> = all
        .into_iter()
        .filter(|f| show_info || f.severity > Severity::Info)
        .collect();
    let summary = Summary {
        hidden: total - findings.len(),
        articles: corpus.articles,
        claims: corpus.claim_count(),
        findings: findings.len(),
        errors: corpus.problems.len(),
    };
    // The report goes to stdout or --output; problems the format cannot hold, warnings,
    // and (for machine formats) statistics go to stderr.
    let to_terminal = args.gate.output.is_none() && std::io::stdout().is_terminal();
    let stderr_style = style(std::io::stderr().is_terminal());
    let mut logs = String::new();
    let mut out = match args.format {
        CheckFormat::Human => {
            let files = &corpus.files;
            let sources =
                |p: &str| -> Option<String> { std::fs::read_to_string(files.get(p)?).ok() };
            let mut out = human::findings(&findings, &sources, style(to_terminal));
            out.push_str(&human::summary(&summary, &findings));
            logs.push_str(&human::problems(&corpus.problems, stderr_style));
            out
        }
        CheckFormat::Json => report::json::findings(&findings, &corpus.problems, &summary),
        CheckFormat::JsonLines => {
            logs.push_str(&human::problems(&corpus.problems, stderr_style));
            report::json_lines::findings(&findings)
        }
        CheckFormat::Sarif => report::sarif::findings(&findings, &rules, &corpus.problems),
        CheckFormat::Github => report::github::findings(&findings, &corpus.problems),
        CheckFormat::Junit => {
            report::junit::findings(&findings, &rules, &corpus.problems, threshold)
        }
    };
    if args.gate.statistics {
        let stats = report::statistics::statistics(&findings);
        if args.format == CheckFormat::Human {
            out.push('\n');
            out.push_str(&stats);
        } else {
            logs.push_str(&stats);
        }
    }
    // Warnings are logs: stderr, whatever the format.
    logs.push_str(&human::problems(&corpus.warnings, stderr_style));
    let written = match &args.gate.output {
        Some(file) => claimlint::atomic::write_atomic(file, &out).map_err(|e| {
            format!(
                "claimlint: cannot write the report to {}: {e}\n",
                article::display_path(file)
            )
        }),
        None => {
            write_stdout(&out);
            Ok(())
        }
    };
    write_stderr(&logs);
    if let Err(e) = written {
        write_stderr(&e);
        return TOOL_ERROR;
    }
    exit_status(&findings, threshold, !corpus.problems.is_empty())
}

/// What `check` reads, and which of it is new.
struct CheckInputs {
    /// Paths to read: files and folders (plain check) or files (new against an archive).
    paths: Vec<PathBuf>,
    /// The shown paths of the new articles, when checking new articles against an archive.
    new: Option<HashSet<String>>,
    /// Paths that could not be walked while sorting new from archive.
    problems: Vec<Problem>,
}

/// The paths of a `check`: plain (every finding), or new articles (named, or changed since
/// a git revision) against an archive.
fn check_inputs(args: &CheckArgs) -> Result<CheckInputs, u8> {
    let gate = &args.gate;
    let new_files: Vec<PathBuf>;
    let archive: Vec<PathBuf>;
    let mut problems = Vec::new();
    if let Some(rev) = &gate.changed_since {
        let scope = if !args.paths.is_empty() {
            args.paths.clone()
        } else if !gate.corpus.is_empty() {
            gate.corpus.clone()
        } else {
            article_inputs(&[])?
        };
        new_files = changed_articles(&scope, rev)?;
        if new_files.is_empty() {
            write_stderr(&format!(
                "claimlint: no article changed since {rev} under {}; nothing to check\n",
                scope
                    .iter()
                    .map(|p| article::display_path(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        archive = if gate.corpus.is_empty() {
            scope
        } else {
            gate.corpus.clone()
        };
    } else if !gate.corpus.is_empty() {
        if args.paths.is_empty() {
            write_stderr(
                "claimlint: --corpus ARCHIVE needs the new articles: name them, or use --changed-since REV\n",
            );
            return Err(TOOL_ERROR);
        }
        let (files, errors) = walk::article_paths(&args.paths);
        problems.extend(errors.iter().map(Problem::from_walk_error));
        new_files = files;
        archive = gate.corpus.clone();
    } else {
        return Ok(CheckInputs {
            paths: article_inputs(&args.paths)?,
            new: None,
            problems,
        });
    }
    // Nothing new, nothing to check against: the archive is not read.
    let (archive_files, errors) = if new_files.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        walk::article_paths(&archive)
    };
    problems.extend(errors.iter().map(Problem::from_walk_error));
    // New first, then the archive, each file once however it is spelled.
    let mut seen = HashSet::default();
    let mut paths = Vec::new();
    let mut new = HashSet::default();
    for (f, is_new) in new_files
        .iter()
        .map(|f| (f, true))
        .chain(archive_files.iter().map(|f| (f, false)))
    {
        let key = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        if seen.insert(key) {
            if is_new {
                new.insert(article::display_path(f));
            }
            paths.push(f.clone());
        }
    }
    Ok(CheckInputs {
        paths,
        new: Some(new),
        problems,
    })
}

/// The article files under `scope` that git says changed since `rev`, each spelled from
/// the scope path it is under (so `articles/a.md`, as a walk of `articles` gives it).
fn changed_articles(scope: &[PathBuf], rev: &str) -> Result<Vec<PathBuf>, u8> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let changed = claimlint::git::changed_since(&cwd, rev).map_err(|e| {
        write_stderr(&format!("claimlint: {e}\n"));
        TOOL_ERROR
    })?;
    let mut roots = Vec::new();
    for p in scope {
        match std::fs::canonicalize(p) {
            Ok(c) => roots.push((p, c)),
            Err(e) => {
                write_stderr(&format!(
                    "claimlint: {}: cannot read: {e}\n",
                    article::display_path(p)
                ));
                return Err(TOOL_ERROR);
            }
        }
    }
    let mut files = Vec::new();
    for file in changed {
        if !walk::is_article(&file) {
            continue;
        }
        let Ok(canon) = std::fs::canonicalize(&file) else {
            continue;
        };
        if let Some((given, rest)) = roots
            .iter()
            .find_map(|(given, root)| Some((given, canon.strip_prefix(root).ok()?)))
        {
            files.push(if rest.as_os_str().is_empty() {
                given.to_path_buf()
            } else {
                given.join(rest)
            });
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
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
    let paths = match article_inputs(&args.paths) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let rules = match load_rules(&args.rules) {
        Ok(r) => r,
        Err(code) => return code,
    };
    for id in &args.rule {
        if rules.get(id).is_none() {
            write_stderr(&format!(
                "claimlint: no rule `{id}` (see `claimlint rules list`)\n"
            ));
            return TOOL_ERROR;
        }
    }
    let mut corpus = read_corpus(&paths, &rules, &args.read);
    let mut claims = corpus.take_claims();
    claims.retain(|c| {
        (args.rule.is_empty() || args.rule.iter().any(|r| **r == *c.rule))
            && args
                .subject
                .as_ref()
                .is_none_or(|s| subject_matches(&c.subject, s))
    });
    match args.format {
        ClaimsFormat::Table => write_stdout(&claims_table(&claims)),
        ClaimsFormat::Json => write_stdout(&report::json::claims(&claims, &corpus.problems)),
        ClaimsFormat::Csv => write_stdout(&report::csv::claims(&claims)),
    }
    let mut logs = corpus.warnings.clone();
    if args.format != ClaimsFormat::Json {
        logs.extend(corpus.problems.iter().cloned());
    }
    write_stderr(&human::problems(
        &logs,
        style(std::io::stderr().is_terminal()),
    ));
    if corpus.problems.is_empty() {
        OK
    } else {
        TOOL_ERROR
    }
}

/// Whether every `dim=key` part of `filter` is one of the subject's parts.
fn subject_matches(subject: &str, filter: &str) -> bool {
    let parts: Vec<&str> = subject.split(", ").collect();
    filter
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .all(|f| parts.contains(&f))
}

/// Claims as aligned columns: location, rule, subject, text as written, reading, reference,
/// source.
fn claims_table(claims: &[Claim]) -> String {
    let rows: Vec<[String; 7]> = claims
        .iter()
        .map(|c| {
            [
                format!("{}:{}:{}", c.path, c.line, c.column),
                c.rule.to_string(),
                if c.subject.is_empty() {
                    "-".into()
                } else {
                    c.subject.to_string()
                },
                c.text.clone(),
                c.reading(),
                c.reference.describe(),
                c.source
                    .as_ref()
                    .map_or_else(|| "-".to_string(), |a| a.text.clone()),
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
            "SOURCE",
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

/// Writes `content` to `path` through a temporary file and a rename, so a reader never
/// sees half a file; refuses to replace an existing file.
fn write_new(path: &std::path::Path, content: &str) -> std::io::Result<()> {
    if path.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "already exists; not replaced",
        ));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, content)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn init() -> u8 {
    let files = [
        (
            PathBuf::from(claimlint::config::FILE_NAME),
            claimlint::config::STARTER_CONFIG,
        ),
        (
            PathBuf::from("rules/starter.toml"),
            claimlint::config::STARTER_RULES,
        ),
    ];
    if let Some((p, _)) = files.iter().find(|(p, _)| p.exists()) {
        write_stderr(&format!(
            "claimlint: {} already exists; init writes nothing over existing files\n",
            article::display_path(p)
        ));
        return TOOL_ERROR;
    }
    for (path, content) in &files {
        if let Err(e) = write_new(path, content) {
            write_stderr(&format!(
                "claimlint: {}: {e}\n",
                article::display_path(path)
            ));
            return TOOL_ERROR;
        }
        write_stderr(&format!("wrote {}\n", article::display_path(path)));
    }
    OK
}

fn explain(id: &str, args: &RuleArgs) -> u8 {
    if let Some(c) = claimlint::explain::check(id) {
        write_stdout(&claimlint::explain::check_text(c));
        return OK;
    }
    let rules = match load_rules(args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Some(r) = rules.get(id) {
        let mut out = claimlint::explain::rule_text(r);
        out.push_str(&claimlint::explain::relations_of(&rules, id));
        write_stdout(&out);
        return OK;
    }
    if let Some(r) = rules.relation(id) {
        write_stdout(&claimlint::relations::relation_text(r));
        return OK;
    }
    let mut known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    known.extend(rules.relations.iter().map(|r| r.id.as_str()));
    known.extend(claimlint::explain::CHECKS.iter().map(|c| c.code));
    let hint = match claimlint::rules::did_you_mean(id, &known) {
        Some(k) => format!("; did you mean `{k}`?"),
        None => " (see `claimlint rules list`)".to_string(),
    };
    write_stderr(&format!("claimlint: no rule or check `{id}`{hint}\n"));
    TOOL_ERROR
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
        .chain(rules.relations.iter().map(|r| {
            [
                r.id.clone(),
                format!("relation: {}", r.kind.name()),
                r.title.clone(),
                r.file.clone(),
            ]
        }))
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
    let mut problems = Vec::new();
    let (mut total, mut failed) = (0, 0);
    for report in claimlint::examples::run(&rules) {
        total += report.tests;
        failed += report.failures.len();
        let status = if report.failures.is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        out.push_str(&format!(
            "{} ({} tests) ... {status}\n",
            report.rule, report.tests
        ));
        for f in report.failures {
            let (line, column) = article::line_col(&f.source, f.span.start);
            problems.push(Problem {
                path: f.path,
                line: Some(line),
                column: Some(column),
                message: format!("{}: rule test failed", f.rule),
                span: Some(f.span),
                text: Some(f.source.to_string()),
                help: Some(f.message),
                also: None,
                warning: false,
            });
        }
    }
    if !problems.is_empty() {
        out.push('\n');
        out.push_str(&human::problems(
            &problems,
            style(std::io::stdout().is_terminal()),
        ));
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
