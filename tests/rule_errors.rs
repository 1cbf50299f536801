//! Every kind of rule-file problem, rendered as users see it: one snapshot each.

use claimlint::report::{human, Problem};

/// Parses rule files given as (path, text) and renders every problem.
fn render(files: &[(&str, &str)]) -> String {
    let errors = match claimlint::rules::parse_sources(files) {
        Ok(set) => panic!("expected problems, got {} rules", set.rules.len()),
        Err(e) => e,
    };
    let problems: Vec<Problem> = errors.iter().map(Problem::from_rule_error).collect();
    human::problems(&problems, human::Style::default())
}

const HEAD: &str = "[[rule]]\nid = \"casualties.toll\"\ntitle = \"Casualties\"\n";

#[test]
fn toml_syntax() {
    insta::assert_snapshot!(render(&[(
        "r.toml",
        "[[rule]]\nid = \"x\nkind = \"count\"\n"
    )]));
}

#[test]
fn unknown_key_with_did_you_mean() {
    let text = format!("{HEAD}kind = \"count\"\npaterns = ['{{value}} killed']\n");
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn missing_field() {
    let text = format!("{HEAD}kind = \"count\"\n");
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn wrong_type() {
    let text = format!("{HEAD}kind = \"count\"\npatterns = '{{value}} killed'\n");
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn unknown_kind() {
    let text = format!("{HEAD}kind = \"volume\"\npatterns = ['{{value}} litres']\n");
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn bad_regex() {
    let text = format!("{HEAD}kind = \"count\"\npatterns = ['(?i){{value}} (killed']\n");
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn pattern_without_value() {
    let text = format!("{HEAD}kind = \"count\"\npatterns = ['soldiers killed']\n");
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn synonym_with_two_keys() {
    let text = format!(
        "{HEAD}kind = \"count\"\npatterns = ['{{value}} (?P<who>soldiers|troops)']\n\
         [rule.subjects.who]\nmilitary = [\"soldiers\", \"troops\"]\nforeign = [\"troops\"]\n"
    );
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn subject_table_without_group() {
    let text = format!(
        "{HEAD}kind = \"count\"\npatterns = ['{{value}} soldiers']\n\
         [rule.subjects.who]\nmilitary = [\"soldiers\"]\n"
    );
    insta::assert_snapshot!(render(&[("r.toml", &text)]));
}

#[test]
fn duplicate_id_across_files_labels_both() {
    let text = format!("{HEAD}kind = \"count\"\npatterns = ['{{value}} soldiers']\n");
    insta::assert_snapshot!(render(&[("a.toml", &text), ("b.toml", &text)]));
}

#[test]
fn every_problem_of_a_file_at_once() {
    let text = format!(
        "# two rules, three problems\n\
         {HEAD}kind = \"count\"\npatterns = ['soldiers', '{{value}} ((']\n\n\
         [[rule]]\nid = \"other\"\ntitle = \"Other\"\nkind = \"percentage\"\npatterns = ['{{value}}']\nseverity = \"fatal\"\n"
    );
    let out = render(&[("r.toml", &text)]);
    assert_eq!(out.matches("× ").count(), 3, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn relation_naming_a_missing_rule_or_dimension() {
    // A rule with its own problem, then a relation naming a rule that does not exist and a
    // subject dimension the rule does not have: three problems, reported together.
    let text = format!(
        "{HEAD}kind = \"count\"\npatterns = ['{{value}} (?P<who>soldiers|civilians) killed']\n\
         severity = \"fatal\"\n\
         [rule.subjects.who]\nmilitary = [\"soldiers\"]\ncivilian = [\"civilians\"]\n\n\
         [[relation]]\nid = \"casualties.civilians-within-total\"\ntitle = \"Civilians within all\"\n\
         kind = \"part-of\"\n\
         part = {{ rule = \"casualties.tol\", subject = \"who=civilian\" }}\n\
         whole = {{ rule = \"casualties.toll\", subject = \"whom=civilian+military\" }}\n"
    );
    let out = render(&[("r.toml", &text)]);
    assert_eq!(out.matches("× ").count(), 2, "{out}");
    insta::assert_snapshot!(out);
    // With the rule sound, the dimension is checked against it.
    let text = text.replace("severity = \"fatal\"\n", "");
    let out = render(&[("r.toml", &text)]);
    assert_eq!(out.matches("× ").count(), 2, "{out}");
    assert!(out.contains("has no subject dimension `whom`"), "{out}");
    insta::assert_snapshot!("relation_dimension", out);
}
