//! Finding the articles under the paths a user names.
//!
//! Directories are walked recursively the way ripgrep walks them (the `ignore` crate):
//! `.gitignore`, `.ignore` and hidden files are respected. Inside a directory only article
//! files are taken (`.txt`, `.md`, `.markdown`); a file named explicitly is always taken.
//! The result is sorted, so every run sees the articles in the same order.

use std::path::{Path, PathBuf};

/// File extensions taken as articles when walking a directory.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// A path that could not be walked.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct WalkError {
    /// The path, as shown in reports.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// Whether a path names an article file by its extension.
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// The article files under `inputs`, sorted and without duplicates, and the paths that could
/// not be walked.
pub fn article_paths(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Err(e) => errors.push(WalkError {
                path: crate::article::display_path(input),
                message: format!("cannot read: {e}"),
            }),
            Ok(m) if m.is_file() => found.push(input.clone()),
            Ok(_) => walk_dir(input, &mut found, &mut errors),
        }
    }
    found.sort();
    found.dedup();
    (found, errors)
}

fn walk_dir(dir: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    let walker = ignore::WalkBuilder::new(dir)
        // Respect .gitignore even outside a git repository: an archive copied out of git
        // keeps its ignore rules.
        .require_git(false)
        .follow_links(true)
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| t.is_file()) && is_article(e.path()) {
                    found.push(e.into_path());
                }
            }
            Err(e) => errors.push(WalkError {
                path: crate::article::display_path(dir),
                message: e.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_extensions() {
        assert!(is_article(Path::new("a/b.txt")));
        assert!(is_article(Path::new("a/b.MD")));
        assert!(!is_article(Path::new("a/b.toml")));
        assert!(!is_article(Path::new("a/README")));
    }

    #[test]
    fn walks_sorted_respecting_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("b.txt"), "b").unwrap();
        std::fs::write(root.join("sub/a.md"), "a").unwrap();
        std::fs::write(root.join("c.toml"), "c").unwrap();
        std::fs::write(root.join("skip.txt"), "s").unwrap();
        std::fs::write(root.join(".gitignore"), "skip.txt\n").unwrap();
        let (paths, errors) = article_paths(&[root.to_path_buf()]);
        assert!(errors.is_empty());
        let names: Vec<_> = paths
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(names, ["b.txt", "sub/a.md"]);
    }

    #[test]
    fn missing_paths_are_errors() {
        let (paths, errors) = article_paths(&[PathBuf::from("no/such/dir")]);
        assert!(paths.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0]
            .to_string()
            .starts_with("no/such/dir: cannot read"));
    }
}
