//! End-to-end tests of the `claimlint` binary: output snapshots and exit statuses.

mod common;
use common::{root, run_in, Run};

/// Runs claimlint in the package root.
fn run(args: &[&str]) -> Run {
    run_in(&root(), args)
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).expect("valid JSON")
}

// ---------------------------------------------------------------------------------------
// The seeds.

#[test]
fn seeds_human_report() {
    let r = run(&["check", "seeds"]);
    assert_eq!(
        r.code, 1,
        "a contradiction fails the run; stderr: {}",
        r.stderr
    );
    assert_eq!(r.stderr, "");
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn seeds_json_report() {
    let r = run(&["check", "seeds", "--format", "json"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn seeds_find_the_territory_and_office_conflicts_and_nothing_else() {
    let r = run(&["check", "seeds", "--format", "json"]);
    let doc = json(&r.stdout);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{}", r.stdout);
    // 003 calls Trump a former president where 000, 001 and 002 call him the president.
    let office = &findings[0];
    assert_eq!(office["rule"], "person.trump-office");
    assert_eq!(office["sites"][0]["path"], "seeds/003_549929fe5eb0465e.txt");
    assert_eq!(office["sites"][0]["text"], "former President");
    assert_eq!(office["agreeing"]["articles"], 3);
    let f = &findings[1];
    assert_eq!(f["rule"], "territory.russia-control");
    assert_eq!(f["severity"], "error");
    let sites = f["sites"].as_array().unwrap();
    let texts: Vec<_> = sites.iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["19.3%", "20 per cent"]);
    assert_eq!(sites[0]["path"], "seeds/003_549929fe5eb0465e.txt");
    assert_eq!(sites[1]["path"], "seeds/004_cb6d49b35ae820af.txt");
    assert_eq!(sites[0]["interval"], "[19.25,19.35)");
    assert_eq!(sites[1]["interval"], "[19.5,20.5)");
    assert_eq!(sites[1]["reference"]["source"], "explicit");
    assert_eq!(sites[1]["reference"]["text"], "February 5");
}

#[test]
fn seeds_claims_table() {
    let r = run(&["claims", "seeds"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn seeds_claims_json_keeps_subjects_apart() {
    let r = run(&["claims", "seeds", "--format", "json"]);
    assert_eq!(r.code, 0);
    let doc = json(&r.stdout);
    let claims = doc["claims"].as_array().unwrap();
    let find = |text: &str| {
        claims
            .iter()
            .find(|c| c["text"] == text)
            .unwrap_or_else(|| panic!("no claim `{text}` in {claims:#?}"))
    };
    assert_eq!(find("about 20%")["rule"], "territory.russia-control");
    let fifth = find("about a fifth");
    assert_eq!(fifth["rule"], "territory.region-control");
    assert_eq!(fifth["subject"], "who=kyiv, region=donetsk");
    assert_eq!(
        find("55,000")["subject"],
        "side=ukraine, who=military, what=killed"
    );
    assert_eq!(find("over 14,000")["subject"], "who=civilian, what=killed");
    assert_eq!(find("over 14,000")["value"]["interval"], "(14000,)");
    assert_eq!(find("2022")["rule"], "event.invasion-start");
    assert_eq!(find("2022")["value"]["interval"], "[18993,19358)");
    // Relative dates with no published date stay unresolved, and say so.
    let rel = find("last month");
    assert!(rel["value"]["unresolved"].is_string(), "{rel}");
}

// ---------------------------------------------------------------------------------------
// The test corpora.

#[test]
fn casualties_same_group_conflicts_other_groups_do_not() {
    let r = run(&["check", "tests/corpus/casualties", "--format", "json"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("casualties_json", r.stdout);
    let doc = json(&r.stdout);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", r.stdout);
    assert_eq!(
        findings[0]["subject"],
        "side=ukraine, who=military, what=killed"
    );
    let texts: Vec<_> = findings[0]["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["46,000", "55,000"]);
    insta::assert_snapshot!(run(&["check", "tests/corpus/casualties"]).stdout);
}

#[test]
fn invasion_date_conflict() {
    let r = run(&["check", "tests/corpus/invasion", "--format", "json"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("invasion_json", r.stdout);
    let doc = json(&r.stdout);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", r.stdout);
    let f = &findings[0];
    assert_eq!(f["rule"], "event.invasion-start");
    assert_eq!(f["sites"][0]["text"], "February 24, 2022");
    assert_eq!(f["sites"][1]["text"], "March 2022");
    insta::assert_snapshot!(run(&["check", "tests/corpus/invasion"]).stdout);
}

#[test]
fn outlier_is_one_finding_naming_the_majority() {
    let r = run(&["check", "tests/corpus/outlier", "--format", "json"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("outlier_json", r.stdout);
    let doc = json(&r.stdout);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", r.stdout);
    assert_eq!(
        findings[0]["sites"][0]["path"],
        "tests/corpus/outlier/zz-outlier.md"
    );
    assert_eq!(findings[0]["agreeing"]["articles"], 5);
    assert_eq!(findings[0]["agreeing"]["text"], "20 per cent");
    insta::assert_snapshot!(run(&["check", "tests/corpus/outlier"]).stdout);
}

#[test]
fn fifty_agree_one_does_not_gives_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..50 {
        std::fs::write(
            dir.path().join(format!("a{i:02}.txt")),
            "Russian forces control 20% of Ukraine.\n",
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("odd.txt"),
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
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = json(&r.stdout);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["sites"][0]["path"], "odd.txt");
    assert_eq!(f["agreeing"]["articles"], 50);
    assert_eq!(f["other_articles"], 50);
    assert_eq!(
        f["sites"].as_array().unwrap().len(),
        4,
        "the outlier and three of the fifty"
    );
}

#[test]
fn change_over_time_is_not_an_error() {
    let r = run(&["check", "tests/corpus/time"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    insta::assert_snapshot!("time_default", r.stdout);
    let r = run(&["check", "tests/corpus/time", "--show-changes"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("time_show_changes", r.stdout);
    let r = run(&[
        "check",
        "tests/corpus/time",
        "--fail-on",
        "info",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("time_json", r.stdout);
}

// ---------------------------------------------------------------------------------------
// Options and exit statuses.

#[test]
fn rules_option_replaces_the_default_rules() {
    let r = run(&["check", "seeds", "--rules", "rules/casualties.toml"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.starts_with("clean: 0 errors"), "{}", r.stdout);
    let r = run(&[
        "check",
        "seeds",
        "--rules",
        "rules/casualties.toml",
        "--rules",
        "rules/territory.toml",
    ]);
    assert_eq!(r.code, 1);
}

#[test]
fn fail_on_never_exits_zero_with_findings() {
    let r = run(&["check", "seeds", "--fail-on", "never"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("territory.russia-control"));
}

#[test]
fn bad_rule_file_exits_2_and_points_at_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['({value}']\n",
    )
    .unwrap();
    let r = run(&["check", "seeds", "--rules", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("pattern is not a valid regex"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("bad.toml:5:"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was checked"), "{}", r.stderr);
}

#[test]
fn missing_paths_exit_2() {
    let r = run(&["check", "no/such/folder"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no/such/folder: cannot read"),
        "{}",
        r.stderr
    );
    let r = run(&["check", "seeds", "--rules", "no/such/rules"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no/such/rules"), "{}", r.stderr);
}

#[test]
fn bad_arguments_exit_2_and_help_exits_0() {
    assert_eq!(run(&["check"]).code, 2);
    assert_eq!(run(&["check", "seeds", "--format", "xml"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
    let help = run(&["check", "--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Exit status:"), "{}", help.stdout);
    assert!(run(&["--help"])
        .stdout
        .contains("2  claimlint could not do its job"));
}

#[test]
fn a_bad_article_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
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
    std::fs::write(dir.path().join("c.txt"), b"Russian \xff forces\n").unwrap();
    std::fs::write(
        dir.path().join("d.md"),
        "---\ntitle: x\npublished: 2026-02-30\n---\nBody.\n",
    )
    .unwrap();
    let rules = root().join("rules");
    let r = run_in(
        dir.path(),
        &["check", ".", "--rules", rules.to_str().unwrap()],
    );
    assert_eq!(r.code, 2, "an unreadable article is a tool error");
    assert!(
        r.stdout.contains("territory.russia-control"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("2 articles"), "{}", r.stdout);
    insta::assert_snapshot!(r.stderr);
}

// ---------------------------------------------------------------------------------------
// Rule commands.

#[test]
fn rules_list_and_test() {
    let r = run(&["rules", "list"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rules_list", r.stdout);
    let r = run(&["rules", "test"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    insta::assert_snapshot!("rules_test", r.stdout);
}

#[test]
fn rules_test_fails_on_a_failing_example() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.toml");
    std::fs::write(
        &file,
        "[[rule]]\nid = \"x\"\ntitle = \"t\"\nkind = \"count\"\npatterns = ['(?i){value} soldiers']\n\
         [[rule.example]]\ntext = \"55,000 soldiers\"\nvalue = \"55,000\"\n\
         [[rule.example]]\ntext = \"12 civilians\"\nvalue = \"12\"\n\
         [[rule.example]]\ntext = \"7 soldiers\"\nnone = true\n",
    )
    .unwrap();
    let r = run(&["rules", "test", "--rules", file.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let out = r.stdout.replace(file.to_str().unwrap(), "r.toml");
    assert!(out.contains("expected `12`, found nothing"), "{out}");
    assert!(
        out.contains("expected no claim, found `7` [6.5,7.5)"),
        "{out}"
    );
    assert!(out.ends_with("1 passed, 2 failed\n"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn rules_patterns_prints_one_expanded_regex_per_pattern() {
    let r = run(&["rules", "patterns"]);
    assert_eq!(r.code, 0);
    let set = claimlint::rules::load(&[root().join("rules")]).unwrap();
    let n: usize = set.rules.iter().map(|r| r.patterns.len()).sum();
    assert_eq!(r.stdout.lines().count(), n);
    assert!(r
        .stdout
        .lines()
        .all(|l| !l.contains("{value}") && l.contains("(?P<value>")));
    for line in r.stdout.lines() {
        regex::Regex::new(line).expect("each line is a valid regex");
    }
}

#[test]
fn claims_filters_and_csv() {
    let r = run(&[
        "claims",
        "seeds",
        "--rule",
        "casualties.toll",
        "--subject",
        "who=civilian",
        "--format",
        "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
    let r = run(&["claims", "seeds", "--subject", "side=ukraine, what=killed"]);
    assert!(
        r.stdout.contains("55,000") && r.stdout.ends_with("1 claim\n"),
        "{}",
        r.stdout
    );
    let r = run(&["claims", "seeds", "--rule", "no.such.rule"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no rule `no.such.rule`"), "{}", r.stderr);
}

#[test]
fn explain_rules_and_checks() {
    let r = run(&["explain", "territory.russia-control"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("explain_rule", r.stdout);
    let r = run(&["explain", "change-over-time"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("explain_check", r.stdout);
    let r = run(&["explain", "territory.russia-contrl"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("did you mean `territory.russia-control`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn stale_figure_is_a_warning_on_the_later_article() {
    let r = run(&["check", "tests/corpus/stale"]);
    assert_eq!(
        r.code, 0,
        "a warning does not fail by default: {}",
        r.stdout
    );
    insta::assert_snapshot!("stale_human", r.stdout);
    let r = run(&[
        "check",
        "tests/corpus/stale",
        "--fail-on",
        "warning",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let doc = json(&r.stdout);
    let f = &doc["findings"][0];
    assert_eq!(f["outcome"], "stale");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["sites"][0]["path"], "tests/corpus/stale/mid-february.md");
}

// ---------------------------------------------------------------------------------------
// Time-aware comparison, categories, quantities, durations, sources.

fn findings_of(r: &Run) -> Vec<serde_json::Value> {
    json(&r.stdout)["findings"].as_array().unwrap().clone()
}

#[test]
fn a_toll_that_falls_is_one_decreased_finding_naming_the_majority() {
    let r = run(&["check", "tests/corpus/toll", "--format", "json"]);
    assert_eq!(r.code, 1, "a decrease is an error by default");
    insta::assert_snapshot!("toll_json", r.stdout);
    let f = findings_of(&r);
    assert_eq!(f.len(), 1, "{}", r.stdout);
    assert_eq!(f[0]["outcome"], "decreased");
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(f[0]["sites"][0]["path"], "tests/corpus/toll/february.md");
    assert_eq!(f[0]["agreeing"]["articles"], 6);
    assert_eq!(f[0]["agreeing"]["text"], "14,000");
    insta::assert_snapshot!("toll_human", run(&["check", "tests/corpus/toll"]).stdout);
}

#[test]
fn a_toll_said_to_be_revised_is_info() {
    let r = run(&["check", "tests/corpus/revised"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("not shown (--show-changes)"),
        "{}",
        r.stdout
    );
    let r = run(&["check", "tests/corpus/revised", "--show-changes"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("revised_human", r.stdout);
    let r = run(&[
        "check",
        "tests/corpus/revised",
        "--fail-on",
        "info",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("revised_json", r.stdout);
    let f = findings_of(&r);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["outcome"], "revised");
    assert_eq!(f[0]["severity"], "info");
    assert_eq!(f[0]["sites"][0]["path"], "tests/corpus/revised/february.md");
}

#[test]
fn one_category_against_many_is_one_finding_on_the_one() {
    let r = run(&["check", "tests/corpus/office", "--format", "json"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("office_json", r.stdout);
    let f = findings_of(&r);
    assert_eq!(f.len(), 1, "{}", r.stdout);
    assert_eq!(f[0]["rule"], "person.trump-office");
    assert_eq!(f[0]["outcome"], "contradiction");
    assert_eq!(
        f[0]["sites"][0]["path"],
        "tests/corpus/office/zz-outlier.md"
    );
    assert_eq!(f[0]["sites"][0]["reading"], "former");
    assert_eq!(f[0]["agreeing"]["articles"], 4);
    assert_eq!(f[0]["agreeing"]["reading"], "current");
    insta::assert_snapshot!(
        "office_human",
        run(&["check", "tests/corpus/office"]).stdout
    );
}

#[test]
fn reference_times_follow_the_phrase_that_governs_each_figure() {
    let r = run(&["claims", "tests/corpus/reference", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let claims = json(&r.stdout)["claims"].as_array().unwrap().clone();
    let by_text = |t: &str| claims.iter().find(|c| c["text"] == t).unwrap().clone();
    // "…701 square kilometers … in November, now controlling 19.3%": "now" dates it.
    assert_eq!(by_text("19.3%")["reference"]["source"], "published");
    // …while "in November" dates the 701 square kilometers of the same sentence.
    let gain = by_text("approximately 701 square kilometers");
    assert_eq!(gain["reference"]["text"], "in November");
    assert_eq!(gain["unit"], "square_metre");
    assert_eq!(by_text("20.4%")["reference"]["text"], "on Thursday");
    assert_eq!(by_text("20.4%")["reference"]["days"], "2026-02-19");
    assert_eq!(by_text("20.4%")["source"]["key"], "isw");
    insta::assert_snapshot!(
        "reference_claims",
        run(&["claims", "tests/corpus/reference"]).stdout
    );
    let r = run(&["check", "tests/corpus/reference", "--show-changes"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("reference_human", r.stdout);
    let r = run(&[
        "check",
        "tests/corpus/reference",
        "--fail-on",
        "info",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("reference_json", r.stdout);
    let f = findings_of(&r);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["outcome"], "change-over-time");
}

#[test]
fn quantities_compare_in_their_base_unit_and_never_across_dimensions() {
    let args = [
        "check",
        "tests/corpus/quantity",
        "--rules",
        "tests/corpus/quantity/rules.toml",
    ];
    let r = run(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("quantity_json", r.stdout);
    let f = findings_of(&r);
    assert_eq!(f.len(), 1, "701 km² and 270 sq mi agree; 20 km is a length");
    assert_eq!(f[0]["sites"][0]["text"], "500 square kilometers");
    assert_eq!(f[0]["agreeing"]["articles"], 2);
    let texts: Vec<&str> = f[0]["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(!texts.contains(&"20 km"), "{texts:?}");
    insta::assert_snapshot!("quantity_human", run(&args).stdout);
}

#[test]
fn durations_compare_in_seconds() {
    let args = [
        "check",
        "tests/corpus/duration",
        "--rules",
        "tests/corpus/duration/rules.toml",
    ];
    let r = run(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("duration_json", r.stdout);
    let f = findings_of(&r);
    assert_eq!(f.len(), 1, "five hours and 300 minutes agree");
    assert_eq!(f[0]["sites"][0]["text"], "two hours");
    assert_eq!(f[0]["agreeing"]["articles"], 2);
    insta::assert_snapshot!("duration_human", run(&args).stdout);
}

#[test]
fn sources_decide_which_claims_are_compared() {
    let r = run(&[
        "check",
        "tests/corpus/sources",
        "--rules",
        "tests/corpus/sources/rules.toml",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("sources_json", r.stdout);
    let f = findings_of(&r);
    let paths = |rule: &str| -> Vec<String> {
        let f = f.iter().find(|f| f["rule"] == rule).unwrap();
        let mut p: Vec<String> = f["sites"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                s["path"]
                    .as_str()
                    .unwrap()
                    .replace("tests/corpus/sources/", "")
            })
            .collect();
        p.sort();
        p
    };
    assert_eq!(f.len(), 3, "{}", r.stdout);
    // Every claim: the 21% against both 19%s.
    assert_eq!(paths("test.all"), ["isw-a.md", "isw-b.md", "un.md"]);
    // Across sources: ISW's 21% against the UN's 19%, not against ISW's own 19%.
    assert_eq!(paths("test.across"), ["isw-b.md", "un.md"]);
    // Within one source: ISW against itself ("ISW" and "the Institute for the Study of
    // War" are one source).
    assert_eq!(paths("test.within"), ["isw-a.md", "isw-b.md"]);
    let r = run(&[
        "check",
        "tests/corpus/sources",
        "--rules",
        "tests/corpus/sources/rules.toml",
    ]);
    insta::assert_snapshot!("sources_human", r.stdout);
}

#[test]
fn outcome_severities_are_set_per_rule() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.toml");
    let territory = std::fs::read_to_string(root().join("rules/territory.toml")).unwrap();
    let territory = territory.replacen(
        "\n[[rule.example]]",
        "\n[rule.severities]\nchange-over-time = \"warning\"\n\n[[rule.example]]",
        1,
    );
    std::fs::write(&file, territory).unwrap();
    let rules = file.to_str().unwrap();
    let r = run(&["check", "tests/corpus/time", "--rules", rules]);
    assert_eq!(r.code, 0, "a warning does not fail by default");
    assert!(r.stdout.contains("0 errors, 1 warning"), "{}", r.stdout);
    let r = run(&[
        "check",
        "tests/corpus/time",
        "--rules",
        rules,
        "--fail-on",
        "warning",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let f = findings_of(&r);
    assert_eq!(f[0]["outcome"], "change-over-time");
    assert_eq!(f[0]["severity"], "warning");
}

#[test]
fn claims_show_their_source_in_every_format() {
    let r = run(&["claims", "seeds", "--format", "json"]);
    let doc = json(&r.stdout);
    let claims = doc["claims"].as_array().unwrap();
    let c = claims.iter().find(|c| c["text"] == "19.3%").unwrap();
    assert_eq!(c["source"]["key"], "isw");
    let c = claims.iter().find(|c| c["text"] == "20 per cent").unwrap();
    assert_eq!(c["source"]["key"], "isw");
    let c = claims.iter().find(|c| c["text"] == "55,000").unwrap();
    assert!(c["source"].is_null(), "\"He said\" names no source: {c}");
    let r = run(&[
        "claims",
        "seeds",
        "--rule",
        "territory.russia-control",
        "--format",
        "csv",
    ]);
    insta::assert_snapshot!("claims_csv_sources", r.stdout);
}

#[test]
fn explain_knows_the_new_checks() {
    for code in ["decreased", "revised"] {
        let r = run(&["explain", code]);
        assert_eq!(r.code, 0, "{code}");
        assert!(r.stdout.starts_with(&format!("{code} (engine check)")));
    }
    let r = run(&["explain", "person.trump-office"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("explain_category_rule", r.stdout);
}

// ---------------------------------------------------------------------------------------
// Relations between rules, and the checks inside one article.

/// The findings of `check DIR` as (code, subject, texts of the sites).
fn relation_findings(dir: &str) -> Vec<(String, String, Vec<String>)> {
    let r = run(&["check", dir, "--format", "json", "--fail-on", "warning"]);
    assert_ne!(r.code, 2, "{}", r.stderr);
    let doc = json(&r.stdout);
    assert_eq!(r.code == 1, doc["summary"]["findings"] != 0);
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let texts = f["sites"].as_array().unwrap().iter();
            (
                f["rule"].as_str().unwrap().to_string(),
                f["subject"].as_str().unwrap().to_string(),
                texts
                    .map(|s| s["text"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn finding(code: &str, subject: &str, texts: &[&str]) -> (String, String, Vec<String>) {
    (
        code.to_string(),
        subject.to_string(),
        texts.iter().map(|t| t.to_string()).collect(),
    )
}

#[test]
fn relations_agree_and_conflict_across_articles() {
    for dir in ["complement-agree", "part-of-agree", "sum-agree"] {
        let found = relation_findings(&format!("tests/corpus/relations/{dir}"));
        assert!(found.is_empty(), "{dir}: {found:?}");
    }
    assert_eq!(
        relation_findings("tests/corpus/relations/complement-conflict"),
        [finding(
            "territory.region-shares",
            "region=donetsk",
            &["about a fifth", "60%"]
        )]
    );
    assert_eq!(
        relation_findings("tests/corpus/relations/part-of-conflict"),
        [finding(
            "casualties.civilians-within-total",
            "what=killed",
            &["over 14,000", "10,000"]
        )]
    );
    assert_eq!(
        relation_findings("tests/corpus/relations/part-of-one-article"),
        [finding(
            "casualties.children-within-civilians",
            "what=killed",
            &["At least 600", "500"]
        )]
    );
    assert_eq!(
        relation_findings("tests/corpus/relations/sum-conflict"),
        [finding(
            "casualties.military-and-civilian-total",
            "what=killed",
            &["Some 46,000", "14,000", "30,000"]
        )]
    );
}

#[test]
fn relation_reports() {
    let r = run(&["check", "tests/corpus/relations/complement-conflict"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("relation_complement_human", r.stdout);
    let r = run(&[
        "check",
        "tests/corpus/relations/sum-conflict",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("relation_sum_json", r.stdout);
    let r = run(&["check", "tests/corpus/relations/part-of-one-article"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("relation_part_of_one_article_human", r.stdout);
}

#[test]
fn unit_conversions_inside_one_article() {
    assert!(relation_findings("tests/corpus/within/conversions-agree").is_empty());
    assert_eq!(
        relation_findings("tests/corpus/within/conversions-conflict"),
        [
            finding(
                "unit-conversion",
                "",
                &["114,500 square kilometres", "44,600 square miles"]
            ),
            finding("unit-mismatch", "", &["701 square kilometers", "270 miles"]),
        ]
    );
    // Warnings: the run passes unless asked to fail on them.
    let r = run(&["check", "tests/corpus/within/conversions-conflict"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("unit_conversion_human", r.stdout);
    let r = run(&[
        "check",
        "tests/corpus/within/conversions-conflict",
        "--format",
        "json",
    ]);
    insta::assert_snapshot!("unit_conversion_json", r.stdout);
    // The cache keeps claims, not text: a cached run finds the same.
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().to_str().unwrap();
    for reused in ["0 articles reused", "1 articles reused"] {
        let cached = run(&[
            "check",
            "tests/corpus/within/conversions-conflict",
            "--format",
            "json",
            "--cache",
            dir,
        ]);
        assert_eq!(cached.stdout, r.stdout);
        assert!(cached.stderr.contains(reused), "{}", cached.stderr);
    }
}

#[test]
fn a_contradiction_inside_one_article_says_so() {
    let r = run(&["check", "tests/corpus/within/same-article"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("articles disagree on a casualty figure (within one article)"),
        "{}",
        r.stdout
    );
    insta::assert_snapshot!("same_article_human", r.stdout);
    let doc = json(
        &run(&[
            "check",
            "tests/corpus/within/same-article",
            "--format",
            "json",
        ])
        .stdout,
    );
    let f = &doc["findings"][0];
    assert_eq!(f["sites"][0]["path"], f["sites"][1]["path"]);
    insta::assert_snapshot!(
        "same_article_json",
        serde_json::to_string_pretty(f).unwrap()
    );
}

#[test]
fn explain_relations_and_the_built_in_checks() {
    let r = run(&["explain", "casualties.military-and-civilian-total"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("explain_relation", r.stdout);
    let r = run(&["explain", "casualties.toll"]);
    assert!(
        r.stdout.contains(
            "relations:\n  casualties.civilians-within-total (part-of): who=civilian ≤ who=civilian+military\n"
        ),
        "{}",
        r.stdout
    );
    let r = run(&["explain", "unit-conversion"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("explain_unit_conversion", r.stdout);
    let r = run(&["explain", "territory.region-share"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `territory.region-shares`?"),
        "{}",
        r.stderr
    );
}
