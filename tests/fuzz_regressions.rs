//! Replays every input kept in `tests/fuzz-regressions/<target>/` through the body of the
//! fuzz target of that name (`claimlint::fuzzing`): each one crashed claimlint once, or is
//! an edge case worth keeping. It also replays the committed corpora of `front_matter`,
//! `grammars` and `rule_file` (`fuzz/corpus/<target>/`). See docs/fuzzing.md.

use std::panic::AssertUnwindSafe;
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    read_all(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz-regressions")
            .join(target),
    )
}

/// The committed corpus of a fuzz target (`fuzz/corpus/<target>/`): every input the fuzzer
/// kept, each of which once ran clean. The `grammars-<md5>` rule files that
/// `scripts/fuzz.sh rule_file` packs from the `grammars` corpus at each run are left out:
/// they are not committed (`fuzz/.gitignore`; docs/fuzzing.md, "Keeping the corpus", for
/// the copies `cmin` keeps under other names), their texts are replayed here as the
/// `grammars` corpus, and a checkout that has just run the fuzzer would otherwise spend
/// minutes on them (about 70 ms each in the release build).
fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut found = read_all(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(target),
    );
    if target == "rule_file" {
        found.retain(|(name, _)| !name.starts_with("grammars-"));
    }
    found
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let found: Vec<_> = files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    assert!(!found.is_empty(), "no inputs in {}", dir.display());
    found
}

#[test]
fn front_matter() {
    for (_, data) in inputs("front_matter") {
        claimlint::fuzzing::front_matter(&data);
    }
}

#[test]
fn grammars() {
    let scanners = claimlint::fuzzing::scanners();
    assert_eq!(scanners.len(), 6, "every grammar compiles");
    for (_, data) in inputs("grammars") {
        claimlint::fuzzing::grammars(&scanners, &data);
    }
}

#[test]
fn rule_file() {
    for (_, data) in inputs("rule_file") {
        claimlint::fuzzing::rule_file(&data);
    }
}

#[test]
fn extract() {
    let rules = claimlint::rules::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")])
        .expect("shipped rules load");
    for (_, data) in inputs("extract") {
        claimlint::fuzzing::extract(&rules, &data);
    }
}

/// Runs every input of a committed corpus through `body`, naming the input that panics.
fn replay_corpus(target: &str, body: impl Fn(&[u8])) {
    for (name, data) in corpus(target) {
        let run = std::panic::catch_unwind(AssertUnwindSafe(|| body(&data)));
        assert!(run.is_ok(), "fuzz/corpus/{target}/{name}");
    }
}

#[test]
fn front_matter_corpus() {
    replay_corpus("front_matter", claimlint::fuzzing::front_matter);
}

#[test]
fn grammars_corpus() {
    let scanners = claimlint::fuzzing::scanners();
    replay_corpus("grammars", |data| {
        claimlint::fuzzing::grammars(&scanners, data)
    });
}

#[test]
fn rule_file_corpus() {
    replay_corpus("rule_file", claimlint::fuzzing::rule_file);
}

/// The hand-written seeds of `scripts/fuzz.sh` (`fuzz/seeds/<target>/`) are there to lead
/// the fuzzer onto paths it was slow to find alone; each must still reach its path.
#[test]
fn front_matter_seeds_reach_their_paths() {
    use claimlint::article::{decode, ArticleError, Encoding};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/front_matter");
    let read = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        claimlint::fuzzing::front_matter(&bytes);
        decode(name.to_string(), bytes, Encoding::Strict)
    };
    for name in ["yaml-disable.md", "toml-disable.md", "yaml-dots.md"] {
        let article = read(name).unwrap_or_else(|e| panic!("{name}: {e}")).article;
        let rules: Vec<_> = article
            .meta
            .disable
            .iter()
            .map(|d| d.rule.as_str())
            .collect();
        assert_eq!(rules.len(), 2, "{name}: {rules:?}");
        assert_eq!(rules[0], "territory.share", "{name}");
        for d in &article.meta.disable {
            assert_eq!(
                article.text.get(d.span.clone()),
                Some(d.rule.as_str()),
                "{name}"
            );
        }
    }
    for name in ["yaml-disable-scalar.md", "toml-disable-numbers.md"] {
        match read(name) {
            Err(e @ ArticleError::FrontMatter { .. }) => assert!(
                e.to_string().contains("must be a list of rule ids"),
                "{name}: {e}"
            ),
            other => panic!("{name}: {:?}", other.map(|l| l.article.meta)),
        }
    }
    let bom = read("bom-crlf.md").unwrap().article;
    assert_eq!(bom.meta.title.as_deref(), Some("BOM and CRLF"));
    assert!(bom.meta.published.is_some());
}

/// The `rule_file` seeds (`fuzz/seeds/rule_file/`) are a full rule and relation, every key
/// set, with one mistake planted last in its table, and the file name says which:
/// `type-<path>-<kind>` puts a value of the wrong TOML kind (or, for a name, an unknown
/// one) at `<path>`, `missing-<path>` leaves out a required key, `unknown-<table>` adds a
/// key `wrong`. Each must fail on exactly that mistake, pointing at it: that is the
/// error-reporting path the seed is there to lead the fuzzer onto. The `valid-` seeds are
/// the other side: rules and relations using every key that load, and whose own tests
/// (`[[rule.example]]`, `[[rule.pair]]`, `[[relation.pair]]`) all pass.
#[test]
fn rule_file_seeds_reach_their_paths() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/rule_file");
    let seeds = read_all(&dir);
    assert!(seeds.len() > 400, "{} seeds", seeds.len());
    for (name, bytes) in &seeds {
        claimlint::fuzzing::rule_file(bytes);
        let text = std::str::from_utf8(bytes).unwrap();
        let stem = name.strip_suffix(".toml").unwrap();
        if stem.starts_with("valid-") {
            let set = claimlint::rules::parse_sources(&[(name, text)])
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let reports = claimlint::examples::run(&set);
            assert!(reports.iter().map(|r| r.tests).sum::<usize>() > 0, "{name}");
            for r in &reports {
                assert!(r.failures.is_empty(), "{name}: {}", r.rule);
            }
            continue;
        }
        let errors = match claimlint::rules::parse_sources(&[(name, text)]) {
            Ok(_) => panic!("{name}: loaded without an error"),
            Err(errors) => errors,
        };
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let e = &errors[0];
        assert!(
            e.span.start <= e.span.end && e.span.end <= text.len(),
            "{name}"
        );
        if let Some(rest) = stem.strip_prefix("type-") {
            let (_, kind) = rest.rsplit_once('-').unwrap();
            let planted = match kind {
                "string" => "\"wrong\"",
                "integer" => "666",
                "float" => "6.5",
                "bool" => "true",
                "array" => "[666]",
                "table" => "{ wrong = 666 }",
                "date" => "1999-09-09",
                _ => panic!("{name}: unknown kind {kind}"),
            };
            let at = text.rfind(planted).unwrap();
            assert!(
                e.span.start < at + planted.len() && at < e.span.end,
                "{name}: {} at {:?}, planted at {at}",
                e.message,
                e.span
            );
            assert!(
                ["invalid type", "unknown variant", "wanted string or table"]
                    .iter()
                    .any(|m| e.message.starts_with(m)),
                "{name}: {}",
                e.message
            );
        } else if let Some(path) = stem.strip_prefix("missing-") {
            let key = path.rsplit('.').next().unwrap();
            let want = format!("missing field `{key}`");
            assert!(e.message.contains(&want), "{name}: {}", e.message);
        } else if stem.starts_with("unknown-") {
            assert!(
                e.message.contains("unknown field `wrong`"),
                "{name}: {}",
                e.message
            );
            assert_eq!(
                text.get(e.span.clone()).map(str::trim),
                Some("wrong"),
                "{name}"
            );
        } else {
            panic!("{name}: a seed name says what it is (type-, missing-, unknown-, valid-)");
        }
    }
}
