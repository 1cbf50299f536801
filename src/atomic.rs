//! Files written whole or not at all: the baseline (`claimlint baseline write`), the cache
//! (`--cache`) and reports (`--output`) all go through [`write_atomic`].

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary file [`write_atomic`] writes `path` through: a hidden file beside it,
/// named for this process.
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Replaces `path` with `content` atomically: the content goes to a temporary file in the
/// same folder (so the rename does not cross file systems), is flushed to disk, and is then
/// renamed over `path`. A run stopped before the rename leaves the old file as it was; on
/// an error the temporary file is removed.
pub fn write_atomic(path: &Path, content: &str) -> std::io::Result<()> {
    write_atomic_with(path, content, |_| Ok(()))
}

/// [`write_atomic`], calling `before_rename` with the temporary file once it is written:
/// tests use it to stop a write half-way.
pub fn write_atomic_with(
    path: &Path,
    content: &str,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if path.file_name().is_none() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a file name", path.display()),
        ));
    }
    let tmp = temporary_path(path);
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(content.as_bytes())?;
        file.sync_all()?;
        drop(file);
        before_rename(&tmp)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_writes_replace_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.toml");
        std::fs::write(&path, "old\n").unwrap();
        // Stopped after the temporary file is written, before the rename: the old file is
        // whole, the new content was only ever in the temporary file, which is removed.
        let e = write_atomic_with(&path, "new\n", |tmp| {
            assert_eq!(tmp.parent(), path.parent(), "same folder");
            assert_eq!(std::fs::read_to_string(tmp).unwrap(), "new\n");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
            Err(std::io::Error::other("interrupted"))
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "interrupted");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        assert!(!temporary_path(&path).exists());
        // A temporary file that cannot be made: an error, and the old file untouched.
        std::fs::create_dir(temporary_path(&path)).unwrap();
        assert!(write_atomic(&path, "new\n").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        std::fs::remove_dir(temporary_path(&path)).unwrap();
        // And a write that completes replaces the file and leaves nothing beside it.
        write_atomic(&path, "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["baseline.toml"]);
    }
}
