//! Project configuration: discovery, precedence, errors, and `init`.

mod common;
use common::run_in;
use std::path::Path;

/// A project: the shipped rules copied in, two conflicting articles, one draft.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.path().join("packs")).unwrap();
    std::fs::copy(
        root.join("rules/territory.toml"),
        dir.path().join("packs/territory.toml"),
    )
    .unwrap();
    let a = dir.path().join("articles");
    std::fs::create_dir_all(a.join("drafts")).unwrap();
    std::fs::write(a.join("a.md"), "Russian forces control 20% of Ukraine.\n").unwrap();
    std::fs::write(a.join("b.md"), "Russian forces control 17% of Ukraine.\n").unwrap();
    std::fs::write(
        a.join("drafts/c.md"),
        "Russian forces control 5% of Ukraine.\n",
    )
    .unwrap();
    dir
}

#[test]
fn config_is_found_from_a_subdirectory_and_sets_rules_corpus_and_globs() {
    let dir = project();
    std::fs::write(
        dir.path().join("claimlint.toml"),
        "rules = [\"packs\"]\ncorpus = [\"articles\"]\nexclude = [\"articles/drafts/**\"]\n",
    )
    .unwrap();
    let sub = dir.path().join("articles/drafts");
    let r = run_in(&sub, &["check", "--format", "json"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["summary"]["articles"], 2, "the draft is excluded");
    assert_eq!(
        doc["findings"][0]["sites"][0]["path"], "../../articles/a.md",
        "paths are shown relative to the working directory"
    );
    // --no-config: no rules/ here, no paths: a tool error.
    let r = run_in(&sub, &["check", "--no-config"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no articles given"), "{}", r.stderr);
}

#[test]
fn command_line_wins_over_config() {
    let dir = project();
    std::fs::write(
        dir.path().join("claimlint.toml"),
        "rules = [\"packs\"]\ncorpus = [\"articles\"]\nfail_on = \"never\"\n",
    )
    .unwrap();
    assert_eq!(run_in(dir.path(), &["check"]).code, 0, "fail_on = never");
    assert_eq!(run_in(dir.path(), &["check", "--fail-on", "error"]).code, 1);
}

#[test]
fn severity_overrides_apply_and_unknown_ids_are_errors() {
    let dir = project();
    let cfg = dir.path().join("claimlint.toml");
    std::fs::write(
        &cfg,
        "rules = [\"packs\"]\ncorpus = [\"articles\"]\n[severity]\n\"territory.russia-control\" = \"warning\"\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(r.code, 0, "a warning does not fail by default");
    assert!(r.stdout.contains("\"severity\": \"warning\""));
    std::fs::write(
        &cfg,
        "rules = [\"packs\"]\n[severity]\n\"territory.russia-contrl\" = \"warning\"\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "articles"]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("unknown_rule_in_config", r.stderr);
}

#[test]
fn unknown_config_keys_are_errors_with_their_place() {
    let dir = project();
    std::fs::write(
        dir.path().join("claimlint.toml"),
        "rules = [\"packs\"]\nfail-on = \"never\"\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "articles"]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("unknown_config_key", r.stderr);
}

#[test]
fn explicit_config_path() {
    let dir = project();
    std::fs::write(
        dir.path().join("other.toml"),
        "rules = [\"packs\"]\ncorpus = [\"articles\"]\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "--config", "other.toml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let r = run_in(dir.path(), &["check", "--config", "missing.toml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.toml"), "{}", r.stderr);
}

#[test]
fn init_writes_a_working_starter_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(dir.path(), &["init"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.path().join("claimlint.toml").is_file());
    let r = run_in(dir.path(), &["rules", "test"]);
    assert_eq!(
        r.code, 0,
        "the starter rules pass their tests: {}",
        r.stdout
    );
    assert!(r.stdout.ends_with("4 passed, 0 failed\n"), "{}", r.stdout);
    let r = run_in(dir.path(), &["init"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
}

#[test]
fn engine_checks_and_relations_can_be_turned_off_or_re_levelled() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    std::fs::copy(
        root.join("rules/territory.toml"),
        dir.path().join("rules/territory.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "Kyiv holds 20% of the Donetsk region. It covers 114,500 square kilometres (44,600 square miles).\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "Russia holds 60% of the Donetsk region.\n",
    )
    .unwrap();
    let codes = |config: &str| -> (i32, Vec<(String, String)>) {
        std::fs::write(dir.path().join("claimlint.toml"), config).unwrap();
        let r = run_in(dir.path(), &["check", "a.md", "b.md", "--format", "json"]);
        assert_ne!(r.code, 2, "{}", r.stderr);
        let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let found = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        (r.code, found)
    };
    let pair = |c: &str, s: &str| (c.to_string(), s.to_string());
    assert_eq!(
        codes(""),
        (
            1,
            vec![
                pair("territory.region-shares", "error"),
                pair("unit-conversion", "warning")
            ]
        )
    );
    assert_eq!(
        codes("[severity]\n\"unit-conversion\" = \"error\"\n\"territory.region-shares\" = \"warning\"\n"),
        (
            1,
            vec![
                pair("territory.region-shares", "warning"),
                pair("unit-conversion", "error")
            ]
        )
    );
    assert_eq!(
        codes("[severity]\n\"unit-conversion\" = \"off\"\n\"territory.region-shares\" = \"off\"\n"),
        (0, vec![])
    );
    // A rule cannot be turned off: that is an error at its place.
    std::fs::write(
        dir.path().join("claimlint.toml"),
        "[severity]\n\"territory.region-control\" = \"off\"\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("`territory.region-control` is a rule, which cannot be turned off"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("claimlint.toml:2:1"), "{}", r.stderr);
}
