//! Per-article claims kept between runs (`claimlint check --cache DIR`).
//!
//! An entry holds the claims extracted from one article. It is keyed by two hashes
//! (BLAKE3): the article's bytes and the rule set's ([`rules_key`]: every rule file's path
//! and contents and the claimlint version). A changed article misses its entry and is
//! extracted again; a changed rule file changes the rule-set key, so every article is.
//!
//! One file per rule set, `DIR/<rule-set key>.jsonl`, one entry a line:
//! `<article hash> <hash of the JSON> <JSON>`. It is read once when the cache is opened and
//! written once at the end of a run that changed anything ([`Cache::save`]): to a temporary
//! file in `DIR`, then renamed into place, so a reader never sees half a file. A line whose
//! JSON does not match its hash, or does not parse, is ignored and its article extracted
//! again. The file keeps the entries of the articles of the last run; files of other rule
//! sets are left in place (delete `DIR` to reclaim the space).

use crate::extract::grammar::Hedge;
use crate::extract::{Claim, RefTime};
use crate::hash::HashMap;
use crate::value::{Interval, Unit};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The entry format's version, part of the rule-set key.
const FORMAT: u32 = 1;

/// A content hash, as lower-case hex.
pub fn hash_hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The rule-set key: a hash of every rule file (shown path and contents, in order), the
/// claimlint version and the cache format.
pub fn rules_key(files: &[(String, Vec<u8>)]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(b"claimlint ");
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&FORMAT.to_le_bytes());
    for (path, bytes) in files {
        h.update(&(path.len() as u64).to_le_bytes());
        h.update(path.as_bytes());
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize().to_hex().to_string()
}

/// An open cache for one rule set. Safe to share between threads.
#[derive(Debug)]
pub struct Cache {
    file: PathBuf,
    /// Article hash → the entry's JSON, as read (checked against its hash).
    stored: HashMap<String, String>,
    /// Entries of this run: article hash → JSON (hits and new ones).
    used: Mutex<HashMap<String, Arc<str>>>,
    corrupt: u64,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// What a run did with the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Articles whose claims came from the cache.
    pub hits: u64,
    /// Articles extracted because they had no sound entry.
    pub misses: u64,
    /// Entries found corrupt (ignored; their articles are extracted again).
    pub corrupt: u64,
}

/// Why the cache could not be opened or saved.
#[derive(Debug, thiserror::Error)]
#[error("cannot use the cache {path}: {source}")]
pub struct CacheError {
    /// The folder or file.
    pub path: String,
    /// What the operating system said.
    pub source: std::io::Error,
}

impl Cache {
    /// Opens (creating the folder if needed) the cache under `dir` for the rule set
    /// `rules_key`, reading its entries.
    pub fn open(dir: &Path, rules_key: &str) -> Result<Cache, CacheError> {
        let err = |p: &Path| {
            let path = crate::article::display_path(p);
            move |source| CacheError { path, source }
        };
        std::fs::create_dir_all(dir).map_err(err(dir))?;
        let file = dir.join(format!(
            "{}.jsonl",
            rules_key.get(..rules_key.len().min(32)).unwrap_or_default()
        ));
        let text = match std::fs::read(&file) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(err(&file)(e)),
        };
        // Checking each line's hash is most of the work: in parallel.
        let parsed: Vec<Option<(String, String)>> = text
            .par_lines()
            .filter(|l| !l.is_empty())
            .map(|line| parse_line(line).map(|(k, j)| (k.to_string(), j.to_string())))
            .collect();
        let mut stored = HashMap::with_capacity_and_hasher(parsed.len(), Default::default());
        let mut corrupt = 0;
        for entry in parsed {
            match entry {
                Some((key, json)) => {
                    stored.insert(key, json);
                }
                None => corrupt += 1,
            }
        }
        Ok(Cache {
            file,
            stored,
            used: Mutex::new(HashMap::default()),
            corrupt,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        })
    }

    /// The claims stored for the article with content hash `content`, re-labelled with
    /// `path` (the article's shown path); `None` when there is no sound entry.
    pub fn get(&self, content: &str, path: &Arc<str>) -> Option<Vec<Claim>> {
        let claims = self.stored.get(content).and_then(|json| {
            let stored: Vec<Stored> = serde_json::from_str(json).ok()?;
            self.remember(content, Arc::from(json.as_str()));
            Some(stored.into_iter().map(|c| c.into_claim(path)).collect())
        });
        let counter = if claims.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        claims
    }

    /// Records the claims of the article with content hash `content`, for [`Cache::save`].
    pub fn put(&self, content: &str, claims: &[Claim]) {
        let stored: Vec<Stored> = claims.iter().map(Stored::from_claim).collect();
        if let Ok(json) = serde_json::to_string(&stored) {
            self.remember(content, Arc::from(json));
        }
    }

    fn remember(&self, content: &str, json: Arc<str>) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(content.to_string(), json);
        }
    }

    /// Writes this run's entries, atomically, when they differ from what was read. Returns
    /// whether the file was written.
    pub fn save(&self) -> Result<bool, CacheError> {
        let used = match self.used.lock() {
            Ok(u) => u,
            Err(poisoned) => poisoned.into_inner(),
        };
        let unchanged = self.corrupt == 0
            && used.len() == self.stored.len()
            && used
                .iter()
                .all(|(k, v)| self.stored.get(k).is_some_and(|s| **s == **v));
        if unchanged {
            return Ok(false);
        }
        let mut entries: Vec<(&String, _)> = used.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::new();
        for (k, json) in entries {
            out.push_str(k);
            out.push(' ');
            out.push_str(&hash_hex(json.as_bytes()));
            out.push(' ');
            out.push_str(json);
            out.push('\n');
        }
        match crate::atomic::write_atomic(&self.file, &out) {
            Ok(()) => Ok(true),
            Err(source) => Err(CacheError {
                path: crate::article::display_path(&self.file),
                source,
            }),
        }
    }

    /// What the cache did so far.
    pub fn counts(&self) -> Counts {
        Counts {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            corrupt: self.corrupt,
        }
    }

    /// The cache file of this rule set.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// `<article hash> <JSON hash> <JSON>` → the article hash and the JSON, when the JSON
/// matches its hash.
fn parse_line(line: &str) -> Option<(&str, &str)> {
    let (key, rest) = line.split_once(' ')?;
    let (sum, json) = rest.split_once(' ')?;
    let hex = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
    (hex(key) && hex(sum) && hash_hex(json.as_bytes()) == sum).then_some((key, json))
}

/// A [`Claim`] without its path, in a form that reads back exactly (the JSON report's form
/// prints intervals as notation).
#[derive(Serialize, Deserialize)]
struct Stored {
    rule: Arc<str>,
    subject: String,
    text: String,
    span: Range<usize>,
    line: usize,
    column: usize,
    value: Result<Interval, String>,
    unit: Unit,
    hedge: Option<Hedge>,
    reference: StoredRef,
    /// The article's published date, `YYYY-MM-DD`.
    published: Option<String>,
    #[serde(default)]
    source: Option<Box<crate::extract::attribution::Attribution>>,
    #[serde(default)]
    category: Option<Box<str>>,
    #[serde(default)]
    revised: bool,
}

#[derive(Serialize, Deserialize)]
enum StoredRef {
    Unknown,
    Explicit {
        text: String,
        days: Result<Interval, String>,
    },
    Published {
        days: Result<Interval, String>,
    },
}

impl Stored {
    fn from_claim(c: &Claim) -> Stored {
        Stored {
            rule: c.rule.clone(),
            subject: c.subject.to_string(),
            text: c.text.clone(),
            span: c.span.clone(),
            line: c.line,
            column: c.column,
            value: c.value.clone(),
            unit: c.unit,
            hedge: c.hedge,
            reference: match &c.reference {
                RefTime::Unknown => StoredRef::Unknown,
                RefTime::Explicit { text, days } => StoredRef::Explicit {
                    text: text.clone(),
                    days: days.clone(),
                },
                RefTime::Published { days } => StoredRef::Published { days: days.clone() },
            },
            published: c.published.map(|d| d.to_string()),
            source: c.source.clone(),
            category: c.category.clone(),
            revised: c.revised,
        }
    }

    fn into_claim(self, path: &Arc<str>) -> Claim {
        Claim {
            rule: self.rule,
            path: path.clone(),
            subject: crate::extract::intern_subject(self.subject),
            text: self.text,
            span: self.span,
            line: self.line,
            column: self.column,
            value: self.value,
            unit: self.unit,
            hedge: self.hedge,
            reference: match self.reference {
                StoredRef::Unknown => RefTime::Unknown,
                StoredRef::Explicit { text, days } => RefTime::Explicit { text, days },
                StoredRef::Published { days } => RefTime::Published { days },
            },
            published: self
                .published
                .as_deref()
                .and_then(crate::date::Date::parse_iso),
            source: self.source,
            category: self.category,
            revised: self.revised,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_sources;

    fn claims_of(text: &str) -> Vec<Claim> {
        let rules = parse_sources(&[(
            "r.toml",
            "[[rule]]\nid = \"t\"\ntitle = \"t\"\nkind = \"percentage\"\npatterns = ['(?i)controls\\s+{value}\\s+of\\s+ukraine']\n",
        )])
        .unwrap();
        let a = crate::article::from_text("a.md".into(), text.into()).unwrap();
        crate::extract::extract(&rules, &a)
    }

    #[test]
    fn entries_read_back_exactly_under_the_new_path() {
        let dir = tempfile::tempdir().unwrap();
        let key = rules_key(&[]);
        let cache = Cache::open(dir.path(), &key).unwrap();
        let claims = claims_of(
            "---\npublished: 2026-02-05\n---\nISW said, in a corrected count, that Russia controls about 20% of Ukraine as of February 1.\n",
        );
        assert_eq!(claims.len(), 1);
        // The source and the revision mark are stored too.
        assert_eq!(
            claims[0].source.as_ref().map(|a| a.key.as_str()),
            Some("isw")
        );
        assert!(claims[0].revised);
        let h = hash_hex(b"article");
        assert!(cache.get(&h, &Arc::from("a.md")).is_none());
        cache.put(&h, &claims);
        assert!(cache.save().unwrap());
        let cache = Cache::open(dir.path(), &key).unwrap();
        assert_eq!(cache.get(&h, &Arc::from("a.md")).unwrap(), claims);
        let moved = cache.get(&h, &Arc::from("b.md")).unwrap();
        assert_eq!(&*moved[0].path, "b.md");
        assert_eq!(
            cache.counts(),
            Counts {
                hits: 2,
                misses: 0,
                corrupt: 0
            }
        );
        assert!(!cache.save().unwrap(), "nothing changed, nothing written");
    }

    #[test]
    fn corrupt_entries_are_ignored_and_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let key = rules_key(&[]);
        let cache = Cache::open(dir.path(), &key).unwrap();
        let (a, b) = (hash_hex(b"a"), hash_hex(b"b"));
        cache.put(&a, &[]);
        cache.put(&b, &[]);
        cache.save().unwrap();
        let file = cache.file().to_path_buf();
        let text = std::fs::read_to_string(&file).unwrap();
        // Damage the entry of `a`: its JSON no longer matches its hash.
        let damaged = text.replacen(&format!("{a} "), &format!("{a} 0"), 1);
        std::fs::write(&file, damaged).unwrap();
        let cache = Cache::open(dir.path(), &key).unwrap();
        assert_eq!(cache.counts().corrupt, 1);
        assert!(cache.get(&a, &Arc::from("a.md")).is_none());
        assert!(cache.get(&b, &Arc::from("b.md")).is_some());
        cache.put(&a, &[]);
        assert!(cache.save().unwrap());
        let cache = Cache::open(dir.path(), &key).unwrap();
        assert_eq!(cache.counts().corrupt, 0);
        assert!(cache.get(&a, &Arc::from("a.md")).is_some());
        // A truncated file loses only its last entry; no temporary files are left.
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, &text[..text.len() - 3]).unwrap();
        assert_eq!(Cache::open(dir.path(), &key).unwrap().counts().corrupt, 1);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn rule_keys_change_with_any_rule_file() {
        let a = rules_key(&[("r.toml".into(), b"one".to_vec())]);
        assert_eq!(a, rules_key(&[("r.toml".into(), b"one".to_vec())]));
        assert_ne!(a, rules_key(&[("r.toml".into(), b"two".to_vec())]));
        assert_ne!(a, rules_key(&[("s.toml".into(), b"one".to_vec())]));
    }
}
