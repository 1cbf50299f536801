//! What keeps a large corpus's claims small in memory (docs/performance.md, "Memory"):
//! each article's claims in a list of their own, holding no spare room, sharing their
//! strings; the comparison reads the lists in place. Memory itself is measured by
//! `scripts/bench.sh`, not here.

use claimlint::article::LoadOptions;
use claimlint::corpus::{extract_files, Extracted};
use claimlint::extract::Claim;
use std::path::PathBuf;
use std::sync::Arc;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extracted() -> (claimlint::rules::RuleSet, Vec<Extracted>) {
    let rules = claimlint::rules::load(&[root().join("rules")]).unwrap();
    let (files, _) =
        claimlint::walk::article_paths(&[root().join("seeds"), root().join("tests/corpus")]);
    let results = extract_files(&files, &rules, &LoadOptions::default(), None, &|| {});
    let all: Vec<Extracted> = results.into_iter().map(Result::unwrap).collect();
    assert!(all.iter().filter(|e| e.claims.len() > 1).count() > 3);
    (rules, all)
}

#[test]
fn each_article_holds_its_claims_without_spare_room_and_shares_its_path() {
    let (_, all) = extracted();
    for e in &all {
        assert_eq!(e.claims.capacity(), e.claims.len(), "{}", e.shown);
        for c in &e.claims {
            assert!(Arc::ptr_eq(&c.path, &e.shown), "{}", e.shown);
        }
    }
}

#[test]
fn the_claims_of_a_rule_share_its_id() {
    let (_, all) = extracted();
    let claims: Vec<&Claim> = all.iter().flat_map(|e| &e.claims).collect();
    for a in &claims {
        for b in &claims {
            if a.rule == b.rule {
                assert!(Arc::ptr_eq(&a.rule, &b.rule), "{}", a.rule);
            }
        }
    }
}

#[test]
fn comparing_the_lists_in_place_finds_what_one_vector_finds() {
    let (rules, all) = extracted();
    let flat: Vec<Claim> = all.iter().flat_map(|e| e.claims.clone()).collect();
    let in_place = claimlint::compare::compare(&rules, all.iter().flat_map(|e| &e.claims));
    assert!(!in_place.is_empty());
    assert_eq!(in_place, claimlint::compare::compare(&rules, &flat));
    assert_eq!(
        claimlint::relations::check(&rules, all.iter().flat_map(|e| &e.claims)),
        claimlint::relations::check(&rules, &flat)
    );
}
