//! End-to-end tests of the editorial-review commands: baselines, suppressions, `diff`.

mod common;
use common::{root, run_in, Run};
use std::path::Path;

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).expect("valid JSON")
}

fn rules() -> String {
    root().join("rules").to_str().unwrap().to_string()
}

/// Runs claimlint in `dir` with the shipped rules appended to `args`.
fn run_rules(dir: &Path, args: &[&str]) -> Run {
    let rules = rules();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--rules", rules.as_str()]);
    run_in(dir, &all)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn rules_of(findings: &serde_json::Value) -> Vec<String> {
    findings["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Baselines.

#[test]
fn baseline_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Russian forces control 20% of Ukraine.\n");
    write(d, "b.txt", "Russian forces control 17% of Ukraine.\n");
    let r = run_rules(d, &["check", "."]);
    assert_eq!(r.code, 1, "the corpus has a conflict: {}", r.stdout);

    let r = run_rules(
        d,
        &[
            "baseline",
            "write",
            "baseline.toml",
            ".",
            "--reason",
            "known dispute",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "wrote baseline.toml: 1 finding (1 new, 0 kept, 0 dropped)\n"
    );
    let file = std::fs::read_to_string(d.join("baseline.toml")).unwrap();
    insta::assert_snapshot!("baseline_file", file);

    // With the baseline the check is clean.
    let r = run_rules(d, &["check", ".", "--baseline", "baseline.toml"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.starts_with("clean: 0 errors"), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        "claimlint: baseline baseline.toml: 1 finding hidden, 0 stale entries\n"
    );

    // Lines move and a new conflict appears: only the new one is reported.
    write(
        d,
        "a.txt",
        "A new first paragraph.\n\nRussian forces control 20% of Ukraine.\n\
         Officials said Ukraine has lost 46,000 soldiers.\n",
    );
    write(
        d,
        "b.txt",
        "Russian forces control 17% of Ukraine.\n\
         President Zelensky said Ukraine had lost 55,000 soldiers.\n",
    );
    let r = run_rules(
        d,
        &[
            "check",
            ".",
            "--baseline",
            "baseline.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(rules_of(&json(&r.stdout)), ["casualties.toll"]);
    assert!(
        r.stderr.contains("1 finding hidden, 0 stale entries"),
        "{}",
        r.stderr
    );

    // The original conflict is resolved: its entry is stale, and says which it is.
    write(d, "b.txt", "Russian forces control 20% of Ukraine.\n");
    write(d, "a.txt", "Russian forces control 20% of Ukraine.\n");
    let r = run_rules(d, &["check", ".", "--baseline", "baseline.toml"]);
    assert_eq!(r.code, 0, "stale entries do not fail the run: {}", r.stdout);
    insta::assert_snapshot!("baseline_stale", r.stderr);

    // Writing again drops the stale entry.
    let r = run_rules(d, &["baseline", "write", "baseline.toml", "."]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr,
        "wrote baseline.toml: 0 findings (0 new, 0 kept, 1 dropped)\n"
    );
}

#[test]
fn rewriting_a_baseline_keeps_reasons_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Russian forces control 20% of Ukraine.\n");
    write(d, "b.txt", "Russian forces control 17% of Ukraine.\n");
    let r = run_rules(
        d,
        &["baseline", "write", "b.toml", ".", "--reason", "first"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    write(
        d,
        "c.txt",
        "Officials said Ukraine has lost 46,000 soldiers.\n\
         President Zelensky said Ukraine had lost 55,000 soldiers.\n",
    );
    let r = run_rules(
        d,
        &["baseline", "write", "b.toml", ".", "--reason", "second"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "wrote b.toml: 2 findings (1 new, 1 kept, 0 dropped)\n"
    );
    let text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    let casualties = text.find("casualties.toll").unwrap();
    let territory = text.find("territory.russia-control").unwrap();
    assert!(casualties < territory, "sorted by rule:\n{text}");
    assert_eq!(text.matches("reason = \"first\"").count(), 1, "{text}");
    assert_eq!(text.matches("reason = \"second\"").count(), 1, "{text}");
    let mut names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.txt", "b.toml", "b.txt", "c.txt"]);
}

#[test]
fn a_corrupt_baseline_is_an_error_at_its_place_and_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Russian forces control 20% of Ukraine.\n");
    let corrupt =
        "version = 1\n\n[[finding]]\nfingerprint = \"abc\"\nrule = \"x\"\noutcome = \"stale\"\n";
    write(d, "b.toml", corrupt);
    let r = run_rules(d, &["check", ".", "--baseline", "b.toml"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "", "nothing is checked");
    insta::assert_snapshot!("baseline_corrupt", r.stderr);
    let r = run_rules(d, &["baseline", "write", "b.toml", "."]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("b.toml:4:15"), "{}", r.stderr);
    assert!(
        r.stderr.ends_with("the baseline was not replaced\n"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(d.join("b.toml")).unwrap(), corrupt);

    write(d, "c.toml", "version = 1\n[[finding\n");
    let r = run_rules(d, &["check", ".", "--baseline", "c.toml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("c.toml:2:"), "{}", r.stderr);
    let r = run_rules(d, &["check", ".", "--baseline", "missing.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing.toml: cannot read the baseline"),
        "{}",
        r.stderr
    );
}

#[test]
fn baseline_write_refuses_a_corpus_it_cannot_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Russian forces control 20% of Ukraine.\n");
    std::fs::write(d.join("bad.txt"), b"caf\xe9\n").unwrap();
    let r = run_rules(d, &["baseline", "write", "b.toml", "."]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("the baseline was not written"),
        "{}",
        r.stderr
    );
    assert!(!d.join("b.toml").exists());
}

// ---------------------------------------------------------------------------------------
// Suppressions.

#[test]
fn suppressed_claims_take_no_part_in_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Russian forces control 20% of Ukraine.\n");
    write(
        d,
        "b.md",
        "Analysts disagree.\n\n\
         <!-- claimlint-disable-next-line territory.russia-control: a Kremlin claim, quoted -->\n\
         Russian forces control 17% of Ukraine, Moscow said.\n",
    );
    let r = run_rules(d, &["check", "."]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.stderr, "");
    assert!(r.stdout.starts_with("clean:"), "{}", r.stdout);
    // `claims` leaves it out too.
    let r = run_rules(d, &["claims", "."]);
    assert!(!r.stdout.contains("17%"), "{}", r.stdout);

    // A block, and the same through the cache (a hit applies suppressions again).
    write(
        d,
        "b.md",
        "<!-- claimlint-disable -->\nRussian forces control 17% of Ukraine.\n\
         <!-- claimlint-enable -->\nRussian forces control 20% of Ukraine.\n",
    );
    for _ in 0..2 {
        let r = run_rules(d, &["check", "a.txt", "b.md", "--cache", "cache"]);
        assert_eq!(r.code, 0, "{}", r.stdout);
    }

    // Front matter.
    write(
        d,
        "b.md",
        "---\ntitle: Moscow's version\nclaimlint-disable: [territory.russia-control]\n---\n\
         Russian forces control 17% of Ukraine.\n",
    );
    let r = run_rules(d, &["check", "a.txt", "b.md"]);
    assert_eq!(r.code, 0, "{}", r.stdout);

    // Without the suppression the conflict is there.
    write(d, "b.md", "Russian forces control 17% of Ukraine.\n");
    assert_eq!(run_rules(d, &["check", "a.txt", "b.md"]).code, 1);
}

#[test]
fn unused_and_unknown_suppressions_are_warnings_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.md",
        "+++\nclaimlint-disable = [\"casualties.toll\"]\n+++\n\
         <!-- claimlint-disable-next-line territory.russia-contrl -->\n\
         Russian forces control 20% of Ukraine.\n\
         <!-- claimlint-disable-next-line territory.russia-control -->\n\
         Nothing to see here.\n",
    );
    let r = run_rules(d, &["check", "a.md"]);
    assert_eq!(r.code, 0, "warnings do not fail the run: {}", r.stdout);
    insta::assert_snapshot!("suppression_warnings", r.stderr);
    // JSON output keeps stdout clean: the warnings are logs on stderr.
    let r = run_rules(d, &["check", "a.md", "--format", "json"]);
    assert_eq!(json(&r.stdout)["errors"], serde_json::json!([]));
    assert!(
        r.stderr.contains("unknown rule `territory.russia-contrl`"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------
// `claimlint diff`.

const OLD: &str = "+++\ntitle = \"Front line\"\npublished = 2026-02-05\n+++\n\
    Officials in Kyiv gave new figures on Wednesday as talks resumed in Geneva after a pause of several weeks. \
    Russian forces control 20% of Ukraine, the ministry said, a figure unchanged since the autumn.\n\n\
    Officials said Ukraine has lost 46,000 soldiers.\n";

const NEW: &str = "+++\ntitle = \"Front line\"\npublished = 2026-02-05\n+++\n\
    Officials in Kyiv gave new figures on Wednesday as talks resumed in Geneva after a pause of several weeks. \
    Russian forces control 17 per cent of Ukraine, the ministry said, a figure unchanged since the autumn.\n\n\
    The UN said over 14,000 civilians have been killed.\n";

/// A folder with the two versions and a corpus that agrees with the old one.
fn diff_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    write(
        d,
        "corpus/wire.txt",
        "Russian forces control 20 per cent of Ukraine.\n",
    );
    write(
        d,
        "corpus/other.txt",
        "Russian forces control 20% of Ukraine.\nOfficials said Ukraine has lost 55,000 soldiers.\n",
    );
    write(d, "old.md", OLD);
    write(d, "new.md", NEW);
    dir
}

#[test]
fn diff_of_two_files() {
    let dir = diff_folder();
    let d = dir.path();
    let r = run_rules(d, &["diff", "old.md", "new.md", "--corpus", "corpus"]);
    assert_eq!(r.code, 1, "17% conflicts with the corpus: {}", r.stderr);
    assert_eq!(r.stderr, "");
    insta::assert_snapshot!("diff_human", r.stdout);
    let r = run_rules(
        d,
        &[
            "diff", "old.md", "new.md", "--corpus", "corpus", "--format", "json",
        ],
    );
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("diff_json", r.stdout);
    let doc = json(&r.stdout);
    assert_eq!(doc["claims"]["changed"][0]["old"]["text"], "20%");
    assert_eq!(doc["claims"]["changed"][0]["new"]["text"], "17 per cent");
    let introduced = doc["conflicts"]["introduced"].as_array().unwrap();
    let resolved = doc["conflicts"]["resolved"].as_array().unwrap();
    assert_eq!(introduced.len(), 1);
    assert_eq!(introduced[0]["rule"], "territory.russia-control");
    assert_eq!(resolved.len(), 1, "46,000 vs 55,000 is gone");
    assert_eq!(resolved[0]["rule"], "casualties.toll");

    // The other way round the edit resolves the territory conflict: exit 0.
    let r = run_rules(d, &["diff", "new.md", "old.md", "--corpus", "corpus"]);
    assert_eq!(r.code, 1, "it brings back the casualties conflict");
    let r = run_rules(
        d,
        &[
            "diff",
            "new.md",
            "old.md",
            "--corpus",
            "corpus",
            "--rules",
            "rules-none",
        ],
    );
    assert_eq!(r.code, 2, "a missing rules path is an error");
    // Without a corpus only conflicts within the article count.
    let r = run_rules(d, &["diff", "old.md", "new.md"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("conflicts within the article: 0 introduced, 0 resolved, 0 changed"),
        "{}",
        r.stdout
    );
    // Another figure in a conflict that was there: changed, and not a failure.
    write(d, "newer.md", &NEW.replace("17 per cent", "16 per cent"));
    let r = run_rules(d, &["diff", "new.md", "newer.md", "--corpus", "corpus"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    insta::assert_snapshot!("diff_changed_conflict", r.stdout);
    // The same file twice: nothing changed.
    let r = run_rules(d, &["diff", "new.md", "new.md", "--corpus", "corpus"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("text: no change"), "{}", r.stdout);
}

#[test]
fn diff_excludes_the_article_from_its_corpus() {
    let dir = diff_folder();
    let d = dir.path();
    std::fs::rename(d.join("new.md"), d.join("corpus/new.md")).unwrap();
    let r = run_rules(
        d,
        &["diff", "old.md", "corpus/new.md", "--corpus", "corpus"],
    );
    assert!(
        r.stdout.contains("conflicts with 2 other articles"),
        "{}",
        r.stdout
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn diff_against_a_git_revision() {
    let dir = diff_folder();
    let d = dir.path();
    std::fs::create_dir(d.join("articles")).unwrap();
    std::fs::rename(d.join("old.md"), d.join("articles/story.md")).unwrap();
    git(d, &["init", "--quiet"]);
    git(d, &["config", "user.name", "Test Editor"]);
    git(d, &["config", "user.email", "editor@example.org"]);
    git(d, &["config", "commit.gpgsign", "false"]);
    git(d, &["add", "articles/story.md"]);
    git(d, &["commit", "--quiet", "-m", "first version"]);
    std::fs::rename(d.join("new.md"), d.join("articles/story.md")).unwrap();

    let r = run_rules(
        d,
        &[
            "diff",
            "--git",
            "HEAD",
            "articles/story.md",
            "--corpus",
            "corpus",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!("diff_git_human", r.stdout);
    // From inside the folder, with a relative path, the same revision is found.
    let r = run_rules(&d.join("articles"), &["diff", "--git", "HEAD", "story.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("--- HEAD:story.md\n+++ story.md\n"),
        "{}",
        r.stdout
    );

    let r = run_rules(d, &["diff", "--git", "no-such-rev", "articles/story.md"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "claimlint: unknown git revision `no-such-rev`\n");
    write(d, "articles/untracked.md", NEW);
    let r = run_rules(d, &["diff", "--git", "HEAD", "articles/untracked.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("claimlint: articles/untracked.md is not in revision `HEAD`"),
        "{}",
        r.stderr
    );
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "a.md", NEW);
    let r = run_rules(outside.path(), &["diff", "--git", "HEAD", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("claimlint: a.md: not inside a git repository"),
        "{}",
        r.stderr
    );
    // Argument mistakes.
    assert_eq!(run_rules(d, &["diff", "articles/story.md"]).code, 2);
    assert_eq!(
        run_rules(d, &["diff", "--git", "HEAD", "a.md", "b.md"]).code,
        2
    );
    assert_eq!(run_rules(d, &["diff", "--git", "--all", "a.md"]).code, 2);
}
