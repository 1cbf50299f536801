//! `check --cache DIR`: reuse, exact recomputation, corrupt entries; and the parallel,
//! prefiltered reading of a corpus giving the same claims as the plain engine.

mod common;
use common::{root, run_in, Run};

/// A work folder with a copy of the shipped rules and of the seed articles.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["rules", "seeds"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for e in std::fs::read_dir(root().join(sub)).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).unwrap();
        }
    }
    dir
}

/// The cache statistics line of a run: (reused, extracted, corrupt).
fn stats(r: &Run) -> (u64, u64, u64) {
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with("claimlint: cache:"))
        .unwrap_or_else(|| panic!("no cache line in {:?}", r.stderr));
    let nums: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (nums[0], nums[1], nums[2])
}

const CHECK: [&str; 6] = ["check", "seeds", "--format", "json", "--cache", "cache"];

#[test]
fn a_second_run_reuses_every_article_and_reports_the_same() {
    let w = workspace();
    let first = run_in(w.path(), &CHECK);
    assert_eq!(first.code, 1, "{}", first.stderr);
    assert_eq!(stats(&first), (0, 5, 0));
    let second = run_in(w.path(), &CHECK);
    assert_eq!(stats(&second), (5, 0, 0));
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(second.code, first.code);
    // The same as a run without the cache.
    let plain = run_in(w.path(), &["check", "seeds", "--format", "json"]);
    assert_eq!(plain.stdout, first.stdout);
    assert_eq!(plain.stderr, "", "no cache line without --cache");
}

#[test]
fn changing_one_article_recomputes_only_it() {
    let w = workspace();
    run_in(w.path(), &CHECK);
    let seed = w.path().join("seeds/004_cb6d49b35ae820af.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(&seed, text.replace("20 per cent", "19.3 per cent")).unwrap();
    let r = run_in(w.path(), &CHECK);
    assert_eq!(stats(&r), (4, 1, 0));
    // The edit is seen: the two articles now agree on the territory; only the seeds'
    // other conflict (Trump's office) is left.
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", r.stdout);
    assert_eq!(findings[0]["rule"], "person.trump-office");
    // And the new version is cached in turn.
    assert_eq!(stats(&run_in(w.path(), &CHECK)), (5, 0, 0));
}

/// Whether the run's cache line says the patterns were compiled.
fn compiled(r: &Run) -> bool {
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with("claimlint: cache:"))
        .unwrap_or_else(|| panic!("no cache line in {:?}", r.stderr));
    match line.rsplit("patterns compiled: ").next() {
        Some("yes") => true,
        Some("no") => false,
        other => panic!("no compile note in {line:?}: {other:?}"),
    }
}

#[test]
fn patterns_are_compiled_only_when_an_article_misses_the_cache() {
    let w = workspace();
    assert!(
        compiled(&run_in(w.path(), &CHECK)),
        "the first run extracts"
    );
    let second = run_in(w.path(), &CHECK);
    assert_eq!(stats(&second), (5, 0, 0));
    assert!(
        !compiled(&second),
        "every article was cached: nothing to compile"
    );
    let seed = w.path().join("seeds/002_55eaebadb46f2d73.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(&seed, format!("{text}\n")).unwrap();
    let third = run_in(w.path(), &CHECK);
    assert_eq!(stats(&third), (4, 1, 0));
    assert!(
        compiled(&third),
        "one article to extract: the patterns are needed"
    );
}

#[test]
fn a_rule_too_large_to_compile_is_the_same_error_with_a_cache() {
    let w = workspace();
    std::fs::write(
        w.path().join("rules/big.toml"),
        "[[rule]]\nid = \"big\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['(?:{value}\\s+){1,60}']\n",
    )
    .unwrap();
    let plain = run_in(w.path(), &["check", "seeds", "--format", "json"]);
    let cached = run_in(w.path(), &CHECK);
    assert_eq!(plain.code, 2, "{}", plain.stderr);
    assert_eq!(cached.code, 2, "{}", cached.stderr);
    assert!(
        cached
            .stderr
            .contains("pattern is too large once compiled (limit 8 MiB)"),
        "{}",
        cached.stderr
    );
    assert!(
        cached.stderr.contains("rules/big.toml:5:"),
        "{}",
        cached.stderr
    );
    assert_eq!(cached.stdout, "", "nothing was checked");
    assert_eq!(plain.stderr, cached.stderr);
}

#[test]
fn changing_the_configured_hedge_ratios_recomputes_everything() {
    let w = workspace();
    let config = w.path().join("claimlint.toml");
    std::fs::write(&config, "[hedges]\nabout = 0.1\n").unwrap();
    let first = run_in(w.path(), &CHECK);
    assert_eq!(stats(&first), (0, 5, 0), "{}", first.stderr);
    assert_eq!(stats(&run_in(w.path(), &CHECK)), (5, 0, 0));
    // "about 20%" reads differently now: cached claims would be wrong.
    std::fs::write(&config, "[hedges]\nabout = 0.01\n").unwrap();
    let r = run_in(w.path(), &CHECK);
    assert_eq!(stats(&r), (0, 5, 0), "{}", r.stderr);
    let plain = run_in(w.path(), &["check", "seeds", "--format", "json"]);
    assert_eq!(r.stdout, plain.stdout);
}

#[test]
fn moving_an_article_reuses_its_entry_under_the_new_path() {
    let w = workspace();
    run_in(w.path(), &CHECK);
    let from = w.path().join("seeds/003_549929fe5eb0465e.txt");
    std::fs::rename(&from, w.path().join("seeds/moved.txt")).unwrap();
    let r = run_in(w.path(), &CHECK);
    assert_eq!(stats(&r), (5, 0, 0));
    assert!(r.stdout.contains("seeds/moved.txt"), "{}", r.stdout);
    assert!(!r.stdout.contains("003_549929fe5eb0465e"), "{}", r.stdout);
}

#[test]
fn changing_a_rule_recomputes_everything() {
    let w = workspace();
    run_in(w.path(), &CHECK);
    let rule = w.path().join("rules/events.toml");
    let text = std::fs::read_to_string(&rule).unwrap();
    std::fs::write(&rule, format!("# edited\n{text}")).unwrap();
    assert_eq!(stats(&run_in(w.path(), &CHECK)), (0, 5, 0));
    assert_eq!(stats(&run_in(w.path(), &CHECK)), (5, 0, 0));
}

#[test]
fn a_corrupt_entry_is_ignored_and_rebuilt() {
    let w = workspace();
    let first = run_in(w.path(), &CHECK);
    let file = std::fs::read_dir(w.path().join("cache"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .expect("a cache file");
    let text = std::fs::read_to_string(&file).unwrap();
    // Change a figure inside one entry: its JSON no longer matches its hash.
    let damaged = text.replacen("\"19.3%\"", "\"29.3%\"", 1);
    assert_ne!(damaged, text, "the territory figure is cached");
    std::fs::write(&file, damaged).unwrap();
    let r = run_in(w.path(), &CHECK);
    assert_eq!(stats(&r), (4, 1, 1));
    assert_eq!(r.stdout, first.stdout, "the damaged figure is not trusted");
    assert_eq!(
        stats(&run_in(w.path(), &CHECK)),
        (5, 0, 0),
        "and it is rewritten"
    );
    // Garbage is not fatal either.
    std::fs::write(&file, "not a cache\n\u{0}\u{1}").unwrap();
    let r = run_in(w.path(), &CHECK);
    assert_eq!(stats(&r), (0, 5, 2), "two lines, two corrupt entries");
    assert_eq!(r.stdout, first.stdout);
}

#[test]
fn an_unusable_cache_folder_is_a_tool_error() {
    let w = workspace();
    std::fs::write(w.path().join("blocker"), "a file, not a folder").unwrap();
    let r = run_in(
        w.path(),
        &[
            "check",
            "seeds",
            "--cache",
            "blocker/cache",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot use the cache"), "{}", r.stderr);
}

#[test]
fn many_articles_in_parallel_are_reported_in_order_without_progress_output() {
    // 300 articles, more than the progress bar's threshold; stderr is not a terminal here,
    // so nothing but the report may be written.
    let w = tempfile::tempdir().unwrap();
    let dir = w.path().join("many");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..300 {
        let share = if i == 137 { "25%" } else { "20 per cent" };
        std::fs::write(
            dir.join(format!("a{i:03}.md")),
            format!(
                "---\npublished: 2026-02-06\n---\nRussian forces remain in control of {share} of Ukraine as of February 5.\n"
            ),
        )
        .unwrap();
    }
    let rules = root().join("rules");
    let rules = rules.to_str().unwrap();
    let a = run_in(w.path(), &["claims", "many", "--rules", rules]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stderr, "");
    let lines: Vec<&str> = a.stdout.lines().skip(1).take(300).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "claims come out in path order");
    let r = run_in(
        w.path(),
        &["check", "many", "--rules", rules, "--format", "json"],
    );
    assert_eq!(r.stderr, "");
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "one outlier, one finding");
    assert_eq!(findings[0]["sites"][0]["path"], "many/a137.md");
    // At most three sites per side however many agree.
    assert_eq!(findings[0]["sites"].as_array().unwrap().len(), 4);
    assert_eq!(doc["summary"]["claims"], 300);
}
