//! The CI gate: new articles against an archive (`--corpus`, `--changed-since`), every
//! output format on one fixture corpus (`tests/corpus/gate/`), `--output`, `--statistics`.

mod common;
use common::{root, run_in, Run};
use std::path::{Path, PathBuf};
use std::process::Command;

const GATE: &str = "tests/corpus/gate";

fn run(args: &[&str]) -> Run {
    run_in(&root(), args)
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).expect("valid JSON")
}

/// The primary path and rule of every finding of a JSON report.
fn primaries(stdout: &str) -> Vec<(String, String)> {
    json(stdout)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["sites"][0]["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The SARIF document with the tool's version replaced, so snapshots survive releases.
fn without_version(s: &str) -> String {
    s.replace(
        concat!("\"version\": \"", env!("CARGO_PKG_VERSION"), "\""),
        "\"version\": \"[version]\"",
    )
}

// ---------------------------------------------------------------------------------------
// Every format on the fixture corpus: an error (46,000 against two articles giving
// 55,000: three articles) and a warning (a stale figure).

#[test]
fn format_human() {
    let r = run(&["check", GATE]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn format_json() {
    let r = run(&["check", GATE, "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = json(&r.stdout);
    assert_eq!(doc["version"], 1);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn format_json_lines() {
    let r = run(&["check", GATE, "--format", "json-lines"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    // Each line is the finding of `--format json`, with the version.
    let doc = json(&run(&["check", GATE, "--format", "json"]).stdout);
    for (line, finding) in lines.iter().zip(doc["findings"].as_array().unwrap()) {
        assert_eq!(line["version"], 1);
        let mut line = line.clone();
        line.as_object_mut().unwrap().remove("version");
        assert_eq!(&line, finding);
    }
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn format_sarif() {
    let r = run(&["check", GATE, "--format", "sarif"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = json(&r.stdout);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let first = &results[0];
    assert_eq!(first["ruleId"], "casualties.toll");
    assert_eq!(first["level"], "error");
    assert_eq!(
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/corpus/gate/a-ledger.md"
    );
    let related: Vec<_> = first["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        related,
        [
            "tests/corpus/gate/b-wire.md",
            "tests/corpus/gate/c-herald.md"
        ]
    );
    assert_eq!(results[1]["level"], "warning");
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let index = first["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "casualties.toll");
    assert_eq!(rules[index]["shortDescription"]["text"], "Casualty figures");
    insta::assert_snapshot!(without_version(&r.stdout));
}

#[test]
fn format_github() {
    let r = run(&["check", GATE, "--format", "github"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with(
            "::error file=tests/corpus/gate/a-ledger.md,line=6,col=59,endColumn=65,title=casualties.toll::"
        ),
        "{}",
        lines[0]
    );
    // The message names the other articles and the value they give.
    assert!(
        lines[0].contains("2 articles give 55,000") && lines[0].contains("b-wire.md:6"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("::warning "), "{}", lines[1]);
    // `%` in the message is escaped.
    assert!(lines[1].contains("19.3%25"), "{}", lines[1]);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn format_junit() {
    let r = run(&["check", GATE, "--format", "junit"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r
        .stdout
        .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    // The error fails; the warning is below the default --fail-on level: it passes.
    assert!(r
        .stdout
        .contains("<testsuites name=\"claimlint\" tests=\"2\" failures=\"1\" errors=\"0\">"));
    let r2 = run(&["check", GATE, "--format", "junit", "--fail-on", "warning"]);
    assert!(
        r2.stdout.contains("tests=\"2\" failures=\"2\""),
        "{}",
        r2.stdout
    );
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn junit_escapes_xml_and_reports_unusable_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a&<b>.txt"), b"bad \xff byte\n").unwrap();
    let rules = root().join("rules");
    let r = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "junit",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stdout
            .contains("<testcase name=\"a&amp;&lt;b&gt;.txt:1\" classname=\"claimlint\""),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("<error message=\"not UTF-8 text"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("errors=\"1\""), "{}", r.stdout);
}

// ---------------------------------------------------------------------------------------
// SARIF against the official SARIF 2.1.0 schema, as serde-sarif ships it.

/// `sarif-schema-2.1.0.json` from the serde-sarif package (a dev-dependency), found with
/// `cargo metadata`: the schema is third-party and not copied into this repository.
fn sarif_schema() -> serde_json::Value {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .expect("serde-sarif is a dev-dependency")["manifest_path"]
        .as_str()
        .unwrap()
        .to_string();
    let file = Path::new(&manifest)
        .parent()
        .unwrap()
        .join("src/schema.json");
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // The official schema's pattern for the `language` properties has a stray `]`: a
    // literal in ECMA-262's non-Unicode mode, but the validator's meta-schema check (format
    // "regex") refuses it. The same pattern with the `]` escaped means the same thing;
    // nothing claimlint writes uses those properties.
    fn patch(v: &mut serde_json::Value, n: &mut usize) {
        match v {
            serde_json::Value::String(s) if s == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" => {
                *s = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$".into();
                *n += 1;
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| patch(x, n)),
            serde_json::Value::Object(o) => o.values_mut().for_each(|x| patch(x, n)),
            _ => {}
        }
    }
    let mut patched = 0;
    patch(&mut schema, &mut patched);
    assert!(patched > 0, "the schema changed: look again at the patch");
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    schema
}

fn assert_valid_sarif(doc: &serde_json::Value, schema: &serde_json::Value) {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    // And the types serde-sarif generates from the same schema read it.
    let _: serde_sarif::sarif::Sarif =
        serde_json::from_value(doc.clone()).expect("serde-sarif reads the log");
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let schema = sarif_schema();
    let r = run(&["check", GATE, "--format", "sarif"]);
    assert_valid_sarif(&json(&r.stdout), &schema);
    // A clean run, and one with unusable files (tool notifications).
    let r = run(&["check", "tests/corpus/time", "--format", "sarif"]);
    assert_eq!(r.code, 0);
    assert_valid_sarif(&json(&r.stdout), &schema);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad file.txt"), b"bad \xff\n").unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Russian forces control 20% of Ukraine.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Russian forces control 17% of Ukraine.\n",
    )
    .unwrap();
    let rules = root().join("rules");
    let r = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "sarif",
        ],
    );
    assert_eq!(r.code, 2);
    let doc = json(&r.stdout);
    assert_valid_sarif(&doc, &schema);
    let inv = &doc["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(
        inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"],
        "bad%20file.txt"
    );
}

#[test]
fn the_schema_check_catches_a_broken_log() {
    // The validation is real: a result without its message is rejected.
    let schema = sarif_schema();
    let r = run(&["check", GATE, "--format", "sarif"]);
    let mut doc = json(&r.stdout);
    doc["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    assert!(!validator.is_valid(&doc));
}

// ---------------------------------------------------------------------------------------
// New articles against an archive.

#[test]
fn a_conflict_only_inside_the_archive_is_not_reported() {
    // b-wire agrees with c-herald; the stale figure is between d-front and e-explainer,
    // both archive: only the casualty conflict involves b-wire.
    let r = run(&[
        "check",
        "tests/corpus/gate/b-wire.md",
        "--corpus",
        GATE,
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        primaries(&r.stdout),
        [(
            "tests/corpus/gate/b-wire.md".to_string(),
            "casualties.toll".to_string()
        )]
    );
    let doc = json(&r.stdout);
    let sites: Vec<_> = doc["findings"][0]["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["path"].as_str().unwrap(), s["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        sites,
        [
            ("tests/corpus/gate/b-wire.md", "primary"),
            ("tests/corpus/gate/c-herald.md", "agrees"),
            ("tests/corpus/gate/a-ledger.md", "conflicts"),
        ]
    );
    // Every article is read, but the archive-only conflicts are left out.
    assert_eq!(doc["summary"]["articles"], 5);
}

#[test]
fn a_conflict_between_new_and_archive_is_on_the_new_article() {
    // d-front (new) holds the newer figure; the stale finding is turned round onto it.
    let r = run(&["check", "tests/corpus/gate/d-front.md", "--corpus", GATE]);
    assert_eq!(r.code, 0, "a warning: {}", r.stdout);
    insta::assert_snapshot!(r.stdout);
    // The new article on the primary side already.
    let r = run(&[
        "check",
        "tests/corpus/gate/e-explainer.md",
        "--corpus",
        GATE,
        "--format",
        "json",
    ]);
    assert_eq!(
        primaries(&r.stdout),
        [(
            "tests/corpus/gate/e-explainer.md".to_string(),
            "territory.russia-control".to_string()
        )]
    );
    // Several new articles, however spelled; one in both sets counts as new.
    let r = run(&[
        "check",
        "./tests/corpus/gate/a-ledger.md",
        "tests/corpus/gate/e-explainer.md",
        "--corpus",
        "tests/corpus/gate/",
        "--format",
        "json",
    ]);
    let doc = json(&r.stdout);
    assert_eq!(doc["summary"]["articles"], 5, "each article read once");
    assert_eq!(
        primaries(&r.stdout),
        [
            (
                "tests/corpus/gate/a-ledger.md".to_string(),
                "casualties.toll".to_string()
            ),
            (
                "tests/corpus/gate/e-explainer.md".to_string(),
                "territory.russia-control".to_string()
            )
        ]
    );
}

#[test]
fn corpus_needs_new_articles_and_reports_missing_ones() {
    let r = run(&["check", "--corpus", GATE]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--corpus ARCHIVE needs the new articles"),
        "{}",
        r.stderr
    );
    let r = run(&["check", "no/such.md", "--corpus", GATE]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no/such.md: cannot read"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------
// --output, --statistics, exit statuses.

#[test]
fn output_writes_the_whole_report_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.sarif");
    std::fs::write(&file, "old contents").unwrap();
    let r = run(&[
        "check",
        GATE,
        "--format",
        "sarif",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "the exit status is the run's: {}", r.stderr);
    assert_eq!(r.stdout, "", "nothing on stdout");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, run(&["check", GATE, "--format", "sarif"]).stdout);
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["report.sarif"]);
}

#[test]
fn output_failure_is_a_tool_error_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    // A folder in the way: the rename fails after the temporary file is written.
    let target = dir.path().join("report.json");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "kept").unwrap();
    let r = run(&[
        "check",
        GATE,
        "--format",
        "json",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("claimlint: cannot write the report to")
            && r.stderr.contains("report.json"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).unwrap(),
        "kept"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["report.json"], "the temporary file is removed");
    // A folder that does not exist.
    let missing = dir.path().join("no/such/dir/r.json");
    let r = run(&["check", GATE, "--output", missing.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot write the report"), "{}", r.stderr);
}

#[test]
fn statistics_follow_the_report() {
    let r = run(&["check", GATE, "--statistics"]);
    assert_eq!(r.code, 1);
    let (_, stats) = r
        .stdout
        .split_once("claims\n\n")
        .expect("after the summary");
    insta::assert_snapshot!(stats);
    // Machine formats keep stdout parseable: the statistics go to stderr.
    let r = run(&["check", GATE, "--statistics", "--format", "json"]);
    json(&r.stdout);
    assert_eq!(r.stderr, stats);
    let r = run(&["check", GATE, "--statistics", "--format", "sarif"]);
    json(&r.stdout);
    assert!(
        r.stderr.contains("1  error     casualties.toll"),
        "{}",
        r.stderr
    );
}

#[test]
fn exit_statuses_follow_fail_on() {
    for (fail_on, code) in [("error", 1), ("warning", 1), ("info", 1), ("never", 0)] {
        let r = run(&["check", GATE, "--fail-on", fail_on, "--format", "github"]);
        assert_eq!(r.code, code, "--fail-on {fail_on}");
    }
    // Only the warning is new: it fails with --fail-on warning, not by default.
    let new = "tests/corpus/gate/e-explainer.md";
    assert_eq!(run(&["check", new, "--corpus", GATE]).code, 0);
    let r = run(&["check", new, "--corpus", GATE, "--fail-on", "warning"]);
    assert_eq!(r.code, 1);
    // Nothing new conflicts: 0.
    let dir = tempfile::tempdir().unwrap();
    let fine = dir.path().join("fine.md");
    std::fs::write(&fine, "Nothing to see.\n").unwrap();
    let r = run(&[
        "check",
        fine.to_str().unwrap(),
        "--corpus",
        GATE,
        "--fail-on",
        "info",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

// ---------------------------------------------------------------------------------------
// --changed-since in a git repository made by the test.

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const TWENTY: &str = "Russian forces control 20% of Ukraine.\n";
const SEVENTEEN: &str = "Russian forces control 17% of Ukraine.\n";

/// A repository with articles committed on `main`, then a branch `work` with one change of
/// every kind.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "Claimlint Test"]);
    git(d, &["config", "user.email", "test@example.com"]);
    for name in ["keep", "modified", "renamed", "deleted", "edited"] {
        write(
            d,
            &format!("articles/{name}.md"),
            &format!("# {name}\n\nNothing.\n"),
        );
    }
    write(d, "articles/notes.toml", "x = 1\n");
    write(d, "other/outside.md", "Nothing.\n");
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "base"]);
    git(d, &["checkout", "-q", "-b", "work"]);
    write(d, "articles/added.md", "# added\n\nNothing.\n");
    write(d, "articles/modified.md", "# modified\n\nChanged.\n");
    git(d, &["mv", "articles/renamed.md", "articles/moved.md"]);
    git(d, &["rm", "-q", "articles/deleted.md"]);
    write(d, "articles/notes.toml", "x = 2\n");
    write(d, "other/outside.md", "Changed.\n");
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "work"]);
    // Not committed: a change in the work tree, and an untracked article.
    write(
        d,
        "articles/edited.md",
        "# edited\n\nChanged, not committed.\n",
    );
    write(d, "articles/untracked.md", "# untracked\n");
    write(d, ".gitignore", "ignored.md\n");
    write(d, "articles/ignored.md", "# ignored\n");
    dir
}

fn names(files: &[PathBuf], top: &Path) -> Vec<String> {
    let top = std::fs::canonicalize(top).unwrap();
    files
        .iter()
        .map(|f| {
            let f = std::fs::canonicalize(f).unwrap();
            f.strip_prefix(&top)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[test]
fn changed_since_lists_added_modified_renamed_and_untracked_files() {
    let dir = repo();
    let d = dir.path();
    let files = claimlint::git::changed_since(d, "main").unwrap();
    assert_eq!(
        names(&files, d),
        [
            ".gitignore",
            "articles/added.md",
            "articles/edited.md",
            "articles/modified.md",
            "articles/moved.md",
            "articles/notes.toml",
            "articles/untracked.md",
            "other/outside.md",
        ],
        "deleted.md, keep.md and the ignored file are not there"
    );
    // From a folder inside the repository, the same files.
    let files = claimlint::git::changed_since(&d.join("articles"), "main").unwrap();
    assert_eq!(files.len(), 8);
}

#[test]
fn changed_since_counts_only_the_branch_s_own_commits() {
    let dir = repo();
    let d = dir.path();
    // main moves on after the branch left it: not the branch's change.
    git(d, &["stash", "-q", "--include-untracked"]);
    git(d, &["checkout", "-q", "main"]);
    write(d, "articles/keep.md", "# keep\n\nChanged on main.\n");
    git(d, &["commit", "-q", "-am", "main moves"]);
    git(d, &["checkout", "-q", "work"]);
    git(d, &["stash", "pop", "-q"]);
    let files = claimlint::git::changed_since(d, "main").unwrap();
    assert!(!names(&files, d).contains(&"articles/keep.md".to_string()));
    assert!(names(&files, d).contains(&"articles/added.md".to_string()));
}

#[test]
fn changed_since_checks_the_changed_articles_against_the_rest() {
    let dir = repo();
    let d = dir.path();
    // Two archive articles that disagree (not the branch's business), and a changed one
    // that disagrees with an archive article.
    write(d, "articles/keep.md", TWENTY);
    write(d, "articles/deleted-twin.md", SEVENTEEN);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "archive conflict"]);
    let base = "HEAD";
    write(
        d,
        "articles/modified.md",
        "Russian forces control 25% of Ukraine.\n",
    );
    let rules = root().join("rules");
    let r = run_in(
        d,
        &[
            "--no-config",
            "check",
            "articles",
            "--changed-since",
            base,
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let found = primaries(&r.stdout);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|(p, _)| p == "articles/modified.md"),
        "only the changed article, spelled as the walk of `articles` spells it: {found:?}"
    );
    // Nothing changed since HEAD outside the scope: nothing to check, exit 0.
    git(d, &["stash", "-q", "--include-untracked"]);
    let r = run_in(
        d,
        &[
            "--no-config",
            "check",
            "articles",
            "--changed-since",
            "HEAD",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "sarif",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("no article changed since HEAD under articles"),
        "{}",
        r.stderr
    );
    assert_eq!(json(&r.stdout)["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn changed_since_is_limited_to_articles_under_the_paths() {
    let dir = repo();
    let d = dir.path();
    // The changed outside.md conflicts with nothing in articles/, but is not even read: a
    // conflicting figure there would show up otherwise.
    write(d, "articles/keep.md", TWENTY);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "twenty"]);
    write(d, "other/outside.md", SEVENTEEN);
    let rules = root().join("rules");
    let args = |scope: &'static str| {
        run_in(
            d,
            &[
                "--no-config",
                "check",
                scope,
                "--changed-since",
                "HEAD",
                "--corpus",
                ".",
                "--rules",
                rules.to_str().unwrap(),
                "--format",
                "json",
            ],
        )
    };
    let r = args("articles");
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(primaries(&r.stdout), []);
    // With other/ in scope, outside.md is new and conflicts with the archive's keep.md.
    let r = args("other");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(
        primaries(&r.stdout),
        [(
            "other/outside.md".to_string(),
            "territory.russia-control".to_string()
        )]
    );
}

#[test]
fn changed_since_outside_a_repository_or_with_a_bad_revision_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", TWENTY);
    let r = run_in(
        dir.path(),
        &["--no-config", "check", ".", "--changed-since", "main"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is not inside a git repository"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
    let repo = repo();
    for rev in ["no-such-branch", "--help", ""] {
        let r = run_in(
            repo.path(),
            &[
                "--no-config",
                "check",
                "articles",
                &format!("--changed-since={rev}"),
            ],
        );
        assert_eq!(r.code, 2, "{rev}");
        assert!(
            r.stderr.contains(&format!("unknown revision `{rev}`")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn changed_since_uses_the_configured_corpus() {
    let dir = repo();
    let d = dir.path();
    let rules = root().join("rules");
    write(
        d,
        "claimlint.toml",
        &format!(
            "rules = [{:?}]\ncorpus = [\"articles\"]\n",
            rules.to_str().unwrap()
        ),
    );
    write(d, "articles/keep.md", TWENTY);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "config"]);
    write(d, "articles/untracked.md", SEVENTEEN);
    // No paths: the corpus of claimlint.toml is where changes are looked for, and the archive.
    let r = run_in(
        &d.join("articles"),
        &["check", "--changed-since", "HEAD", "--format", "json"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        primaries(&r.stdout),
        [(
            "../articles/untracked.md".to_string(),
            "territory.russia-control".to_string()
        )],
        "spelled as a plain check of the configured corpus spells it"
    );
    let plain = run_in(&d.join("articles"), &["check", "--format", "json"]);
    assert!(
        primaries(&plain.stdout)
            .iter()
            .any(|(p, _)| p.starts_with("../articles/")),
        "{}",
        plain.stdout
    );
}
