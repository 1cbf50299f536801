//! The prefilter only skips work: with it, every article gives exactly the claims it gives
//! without it.

use claimlint::article::{self, Article};
use claimlint::extract::{extract, extract_filtered};
use claimlint::prefilter::Prefilter;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn filtered_extraction_equals_plain_extraction() {
    let rules = claimlint::rules::load(&[root().join("rules")]).unwrap();
    let pre = Prefilter::for_rules(&rules);
    let patterns: usize = rules.rules.iter().map(|r| r.regexes.len()).sum();
    assert_eq!(
        pre.filtered(),
        patterns,
        "every shipped pattern has required words"
    );
    let (files, _) =
        claimlint::walk::article_paths(&[root().join("seeds"), root().join("tests/corpus")]);
    let mut articles: Vec<Article> = files.iter().map(|f| article::load(f).unwrap()).collect();
    // Every rule example, alone and all together in one text.
    let mut all = String::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        for (j, ex) in rule.examples.iter().enumerate() {
            articles.push(article::from_text(format!("ex{i}-{j}"), ex.text.clone()).unwrap());
            all.push_str(&ex.text);
            all.push('\n');
        }
    }
    // Matches of every length the capture engines take (see src/extract/captures.rs).
    let mut long = String::from("---\ntitle: t\npublished: 2026-02-05\n---\n");
    for gap in [0, 10, 40, 80, 140] {
        let filler = "and its allies, it said, ".repeat(gap / 25 + 1);
        long.push_str(&format!(
            "Russia, {filler}now controls about 19.4 per cent of Ukraine as of February 1. \
             Moscow {filler}holds nearly a fifth of Ukraine’s territory, by the end of January. \
             Russian forces {filler}still hold 20% of the country.\n"
        ));
    }
    articles.push(article::from_text("long".into(), long).unwrap());
    articles.push(article::from_text("all".into(), all.to_uppercase()).unwrap());
    articles.push(article::from_text("all-lower".into(), all.to_lowercase()).unwrap());
    let mut claims = 0;
    for a in &articles {
        let plain = extract(&rules, a);
        claims += plain.len();
        assert_eq!(extract_filtered(&rules, Some(&pre), a), plain, "{}", a.path);
    }
    assert!(claims > 40, "the test texts hold claims ({claims})");
    // The large patterns' matches went through the faster capture engine.
    let russia = rules
        .rules
        .iter()
        .take_while(|r| r.id != "territory.russia-control")
        .map(|r| r.regexes.len())
        .sum();
    assert!(pre.long_captures(russia).is_some());
}

#[test]
fn patterns_that_cannot_match_are_skipped() {
    let rules = claimlint::rules::load(&[root().join("rules")]).unwrap();
    let pre = Prefilter::for_rules(&rules);
    let patterns: usize = rules.rules.iter().map(|r| r.regexes.len()).sum();
    let c = pre.scan("Prices for bread rose 7 per cent in Odesa, officials said on Monday.");
    assert_eq!(c.count(), 0, "no pattern's words are here");
    let c = pre.scan("The UN said over 14,000 civilians have been killed.");
    assert!(c.count() >= 1 && c.count() < patterns, "{}", c.count());
}
