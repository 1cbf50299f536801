//! The articles changed in a git work tree since a revision (`check --changed-since REV`).
//!
//! claimlint runs the `git` command rather than linking a git library: it is there wherever
//! a repository is, it reads every repository format and setting the user's git does, and
//! it keeps the build small. What "changed since REV" means:
//!
//! - the base is the merge base of REV and HEAD (`git merge-base REV HEAD`), so on a branch
//!   only the branch's own changes count, as `REV...HEAD` in a pull request: commits that
//!   reached REV after the branch left it are not the branch's changes;
//! - changed files are those `git diff --name-status -M -z BASE` reports between the base
//!   and the work tree: committed changes, staged and unstaged ones alike; renames are
//!   followed (the new path counts), deleted files are dropped;
//! - untracked files that are not ignored (`git ls-files --others --exclude-standard -z`)
//!   count as added.
//!
//! Paths come back absolute (joined to the work tree's top). Which of them are articles,
//! and under which folders, the caller decides.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the changed files could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// `git` could not be run at all.
    #[error("cannot run git: {0}")]
    NoGit(std::io::Error),
    /// The folder is not inside a git work tree.
    #[error("{dir} is not inside a git repository (--changed-since needs one): {message}")]
    NotARepository {
        /// The folder asked about.
        dir: String,
        /// What git said.
        message: String,
    },
    /// The revision names no commit.
    #[error("unknown revision `{rev}` (--changed-since): {message}")]
    UnknownRevision {
        /// The revision as given.
        rev: String,
        /// What git said.
        message: String,
    },
    /// Another git command failed.
    #[error("`git {command}` failed: {message}")]
    Failed {
        /// The command, without `git`.
        command: String,
        /// What git said.
        message: String,
    },
}

/// Runs git in `dir`; its stdout, or its stderr (trimmed) as the error.
fn git(dir: &Path, args: &[&str]) -> Result<Result<Vec<u8>, String>, GitError> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        // Plain, unlocalised output whatever the user's settings.
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .map_err(GitError::NoGit)?;
    if out.status.success() {
        Ok(Ok(out.stdout))
    } else {
        let mut message = String::from_utf8_lossy(&out.stderr).trim().to_string();
        if message.is_empty() {
            message = format!("exit status {}", out.status);
        }
        Ok(Err(message))
    }
}

fn failed(args: &[&str], message: String) -> GitError {
    GitError::Failed {
        command: args.join(" "),
        message,
    }
}

fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    git(dir, args)?.map_err(|m| failed(args, m))
}

/// A path git printed (bytes, relative to the top), as a path.
fn path_of(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// The paths that `git diff --name-status -z` output names as present after the change:
/// added, modified, type-changed, unmerged, and the new side of renames and copies.
pub fn parse_name_status(out: &[u8]) -> Vec<PathBuf> {
    let mut fields = out.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut paths = Vec::new();
    while let Some(status) = fields.next() {
        match status.first() {
            Some(b'R' | b'C') => {
                let _old = fields.next();
                if let Some(new) = fields.next() {
                    paths.push(path_of(new));
                }
            }
            Some(b'D') => {
                let _ = fields.next();
            }
            _ => {
                if let Some(p) = fields.next() {
                    paths.push(path_of(p));
                }
            }
        }
    }
    paths
}

/// The files added or changed since `rev` in the work tree holding `dir` (see the module
/// documentation), absolute, sorted, each once; only files that exist.
pub fn changed_since(dir: &Path, rev: &str) -> Result<Vec<PathBuf>, GitError> {
    let top = match git(dir, &["rev-parse", "--show-toplevel"])? {
        Ok(out) => PathBuf::from(String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r'])),
        Err(message) => {
            return Err(GitError::NotARepository {
                dir: crate::article::display_path(dir),
                message,
            })
        }
    };
    let unknown = |message: String| GitError::UnknownRevision {
        rev: rev.to_string(),
        message,
    };
    // A revision starting with `-` would be read as an option.
    if rev.is_empty() || rev.starts_with('-') {
        return Err(unknown("not a revision name".into()));
    }
    let commit = format!("{rev}^{{commit}}");
    let rev_sha = match git(&top, &["rev-parse", "--verify", "--quiet", &commit])? {
        Ok(out) => String::from_utf8_lossy(&out).trim().to_string(),
        Err(_) => return Err(unknown("no commit by that name".into())),
    };
    let base_args = ["merge-base", rev_sha.as_str(), "HEAD"];
    let base = String::from_utf8_lossy(&run(&top, &base_args)?)
        .trim()
        .to_string();
    let diff_args = [
        "diff",
        "--name-status",
        "-M",
        "-z",
        "--no-relative",
        "--no-ext-diff",
        base.as_str(),
        "--",
    ];
    let mut paths = parse_name_status(&run(&top, &diff_args)?);
    let untracked = run(
        &top,
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--full-name",
        ],
    )?;
    paths.extend(
        untracked
            .split(|&b| b == 0)
            .filter(|f| !f.is_empty())
            .map(path_of),
    );
    let mut files: Vec<PathBuf> = paths
        .into_iter()
        .map(|p| top.join(p))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_status_keeps_present_paths() {
        let out =
            b"M\0a.md\0A\0b c.md\0D\0gone.md\0R087\0old.md\0new.md\0C100\0x.md\0y.md\0T\0t.md\0";
        let names: Vec<PathBuf> = parse_name_status(out);
        let want: Vec<PathBuf> = ["a.md", "b c.md", "new.md", "y.md", "t.md"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(names, want);
    }
}
