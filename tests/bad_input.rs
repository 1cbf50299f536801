//! The bad-input matrix: every case gives a clear message naming the file (and the place
//! where there is one), the run goes on over the other articles, and the exit status says
//! what happened. No case may ever end in a panic (exit status 101).

mod common;
use common::{run_in, Run};
use std::path::{Path, PathBuf};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

/// `check .` with the shipped rules in `dir`.
fn check(dir: &Path, extra: &[&str]) -> Run {
    let rules = rules_dir();
    let mut args = vec!["check", ".", "--rules", rules.to_str().unwrap()];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

/// A folder with two good articles that conflict, so every case can show the run went on.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good-1.txt"),
        "Russian forces control 20% of Ukraine.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("good-2.txt"),
        "Russian forces control 17% of Ukraine.\n",
    )
    .unwrap();
    dir
}

fn went_on(r: &Run) {
    assert!(
        r.stdout.contains("territory.russia-control"),
        "the good articles were still checked: {}",
        r.stdout
    );
}

#[test]
fn non_utf8_article_is_an_error_or_read_lossily_with_a_warning() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 society.\nRussian\n",
    )
    .unwrap();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, 2);
    went_on(&r);
    assert!(
        r.stderr
            .contains("latin1.txt:1: not UTF-8 text: invalid byte at offset 3"),
        "{}",
        r.stderr
    );
    let r = check(dir.path(), &["--encoding", "lossy"]);
    assert_eq!(
        r.code, 1,
        "read with a warning, and the conflict fails the run"
    );
    assert!(
        r.stderr
            .contains("latin1.txt: not UTF-8: read with 1 replacement character"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("3 articles"), "{}", r.stdout);
}

#[test]
fn binary_file_is_refused() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00",
    )
    .unwrap();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, 2);
    went_on(&r);
    assert!(
        r.stderr
            .contains("image.txt:3: binary file (NUL byte at offset 8), not an article"),
        "{}",
        r.stderr
    );
}

#[test]
fn empty_file_is_an_article_with_no_claims() {
    let dir = corpus();
    std::fs::write(dir.path().join("empty.md"), "").unwrap();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "");
    assert!(r.stdout.contains("3 articles"), "{}", r.stdout);
}

#[test]
fn a_200_mb_article_is_refused_by_size_before_it_is_read() {
    let dir = corpus();
    let f = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, 2);
    went_on(&r);
    assert!(
        r.stderr.contains(
            "huge.txt: 209715200 bytes, over the limit of 33554432 bytes for one article"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--max-article-size"), "{}", r.stderr);
}

#[test]
fn a_hundred_thousand_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..100_000 {
        let sub = dir.path().join(format!("d{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir(&sub).unwrap();
        }
        std::fs::write(sub.join(format!("{i}.txt")), "A short note.\n").unwrap();
    }
    std::fs::write(
        dir.path().join("d000/odd.txt"),
        "Russian forces control 17% of Ukraine.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("d001/even.txt"),
        "Russian forces control 20% of Ukraine.\n",
    )
    .unwrap();
    let r = check(dir.path(), &["--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["summary"]["articles"], 100_002);
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_the_walk_goes_on() {
    let dir = corpus();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, 2);
    went_on(&r);
    assert!(r.stderr.contains("loop"), "{}", r.stderr);
    assert!(
        r.stdout.contains("2 articles"),
        "each article once: {}",
        r.stdout
    );
}

#[cfg(unix)]
#[test]
fn unreadable_article_is_reported() {
    // A dangling link: unreadable whoever runs the test (root reads any mode bits).
    let dir = corpus();
    std::os::unix::fs::symlink("no-such-target.txt", dir.path().join("gone.txt")).unwrap();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, 2);
    went_on(&r);
    assert!(r.stderr.contains("gone.txt"), "{}", r.stderr);
}

#[test]
fn directory_given_as_a_rule_file() {
    let dir = corpus();
    std::fs::create_dir(dir.path().join("pack.toml")).unwrap();
    let r = run_in(dir.path(), &["check", ".", "--rules", "pack.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("pack.toml: no rule files (*.toml) here"),
        "{}",
        r.stderr
    );
}

#[test]
fn broken_front_matter_names_the_line() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("toml.md"),
        "+++\ntitle = \"x\npublished = 2026-02-05\n+++\nBody.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("yaml.md"),
        "---\ntitle: [unclosed\npublished: 2026-02-05\n---\nBody.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("open.md"), "---\ntitle: never closed\n").unwrap();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, 2);
    went_on(&r);
    insta::assert_snapshot!(r.stderr);
}

#[test]
fn impossible_dates_are_unresolved_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Russia launched its full-scale invasion of Ukraine on February 30, 2022.\n",
    )
    .unwrap();
    let rules = rules_dir();
    let r = run_in(
        dir.path(),
        &[
            "claims",
            ".",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let why = doc["claims"][0]["value"]["unresolved"].as_str().unwrap();
    assert!(why.contains("February 30, 2022 does not exist"), "{why}");
}

#[test]
fn overflowing_numbers_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let digits = "9".repeat(500);
    std::fs::write(
        dir.path().join("a.txt"),
        format!(
            "Russian forces control {digits}% of Ukraine. Ukraine has lost 10^400 soldiers. \
             Ukraine has lost {digits} soldiers. It was {digits} years ago.\n"
        ),
    )
    .unwrap();
    let rules = rules_dir();
    let r = run_in(
        dir.path(),
        &["claims", ".", "--rules", rules.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_rule_past_the_regex_size_limit() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("big.toml"),
        "[[rule]]\nid = \"big\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['(?:\\w{100}){100}{value}']\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", ".", "--rules", "big.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("pattern is too large once compiled (limit 8 MiB)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("big.toml:5:"), "{}", r.stderr);
}

#[test]
fn a_thousand_rules() {
    let dir = corpus();
    let mut pack = String::new();
    for i in 0..1000 {
        pack.push_str(&format!(
            "[[rule]]\nid = \"r{i}\"\ntitle = \"Rule {i}\"\nkind = \"count\"\n\
             patterns = ['(?i)\\bword{i}\\s+{{value}}\\s+soldiers']\n\n"
        ));
    }
    std::fs::write(dir.path().join("many.toml"), pack).unwrap();
    std::fs::write(
        dir.path().join("w.txt"),
        "word999 55,000 soldiers; word999 46,000 soldiers.\n",
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &["check", ".", "--rules", "many.toml", "--format", "json"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["findings"][0]["rule"], "r999");
}

#[test]
fn one_article_with_a_hundred_thousand_claims() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::with_capacity(4_500_000);
    for i in 0..100_000 {
        let share = if i % 2 == 0 { "20%" } else { "17%" };
        text.push_str(&format!("Russian forces control {share} of Ukraine.\n"));
    }
    std::fs::write(dir.path().join("long.txt"), text).unwrap();
    let rules = rules_dir();
    let r = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["summary"]["claims"], 100_000);
    assert_eq!(
        doc["findings"].as_array().unwrap().len(),
        1,
        "two values in one article: one finding"
    );
}

#[test]
fn the_cache_never_hides_an_encoding_error() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Russian forces control 20\xa0% of Ukraine.\n",
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let c = cache.path().to_str().unwrap();
    let r = check(dir.path(), &["--encoding", "lossy", "--cache", c]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("replacement character"), "{}", r.stderr);
    let r = check(dir.path(), &["--encoding", "lossy", "--cache", c]);
    assert!(
        r.stderr.contains("replacement character"),
        "warned again from the cache: {}",
        r.stderr
    );
    let r = check(dir.path(), &["--cache", c]);
    assert_eq!(
        r.code, 2,
        "strict reading refuses it, cached or not: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains("latin1.txt:1: not UTF-8 text"),
        "{}",
        r.stderr
    );
}
