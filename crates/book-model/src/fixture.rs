//! A throw-away workspace for tests: a fresh temporary folder (in memory
//! where it can be, see [`Fixture::new`]), with helpers to write, edit and
//! read files in it and to snapshot the whole tree; it is removed when
//! dropped. Always compiled (it is a few lines of std), so that
//! xtask's tests use the same one as this crate's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A temporary folder that is removed on drop. Paths given to its methods
/// are relative to it, with `/` separators.
#[derive(Debug)]
pub struct Fixture {
    root: PathBuf,
}

impl Fixture {
    /// An empty folder, unique to this process and call, in `$TMPDIR`, else
    /// `/dev/shm` on Linux, else the system's temporary folder; `tag` only
    /// makes it easier to recognise.
    pub fn new(tag: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let root = base_dir().join(format!(
            "book-model-fixture-{tag}-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root)
            .unwrap_or_else(|e| panic!("cannot create the fixture {}: {e}", root.display()));
        Fixture { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The absolute path of `path`.
    pub fn path(&self, path: &str) -> PathBuf {
        self.root.join(path)
    }

    /// Writes `path`, creating its folders.
    pub fn write(&self, path: &str, text: impl AsRef<[u8]>) {
        let path = self.path(path);
        std::fs::create_dir_all(path.parent().expect("a file has a folder"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// Replaces the first `from` in `path` by `to`; panics if `path` has no
    /// `from`, so that a test's breakage cannot silently miss.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        if let Err(missed) = self.try_edit(path, from, to) {
            panic!("{missed}");
        }
    }

    /// [`Fixture::edit`], which says what it missed instead of panicking.
    pub fn try_edit(&self, path: &str, from: &str, to: &str) -> Result<(), String> {
        let text = self.read(path);
        if !text.contains(from) {
            return Err(format!("the fixture has no {from:?} in {path}"));
        }
        self.write(path, text.replacen(from, to, 1));
        Ok(())
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Removes the file or folder `path`.
    pub fn remove(&self, path: &str) {
        let path = self.path(path);
        let result = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// Every folder (`None`) and file (its bytes) below the root, by
    /// relative path: compare two to see what a command changed.
    pub fn tree(&self) -> BTreeMap<String, Option<Vec<u8>>> {
        fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Option<Vec<u8>>>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                let rel = crate::rel(root, &path).replace('\\', "/");
                if path.is_dir() {
                    out.insert(rel, None);
                    walk(root, &path, out);
                } else {
                    out.insert(rel, std::fs::read(&path).ok());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.root, &self.root, &mut out);
        out
    }
}

/// Where fixtures go: `$TMPDIR` if it is set, else, on Linux, the memory
/// file system `/dev/shm` when it is there, else the system's temporary
/// folder. The tidy table test makes dozens of small workspaces, and on a
/// slow disk their files cost more than the whole rest of `cargo test`
/// (measured: 0.73 s in /tmp, 0.14 s in /dev/shm, for xtask's tests).
fn base_dir() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if std::env::var_os("TMPDIR").is_none()
        && cfg!(target_os = "linux")
        && shm.is_dir()
        && std::fs::metadata(shm).is_ok_and(|m| !m.permissions().readonly())
    {
        return shm.to_path_buf();
    }
    std::env::temp_dir()
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixture_writes_edits_reads_and_is_removed_on_drop() {
        let f = Fixture::new("self");
        let other = Fixture::new("self");
        assert_ne!(f.root(), other.root(), "two fixtures share a folder");
        f.write("a/b.txt", "one two");
        f.edit("a/b.txt", "two", "three");
        assert_eq!(f.read("a/b.txt"), "one three");
        let tree: Vec<(String, bool)> = f
            .tree()
            .into_iter()
            .map(|(k, v)| (k, v.is_some()))
            .collect();
        assert_eq!(tree, [("a".into(), false), ("a/b.txt".into(), true)]);
        f.remove("a");
        assert!(f.tree().is_empty());
        let root = f.root().to_path_buf();
        drop(f);
        assert!(!root.exists(), "the fixture was not removed");
    }

    // Checked on `try_edit`, which `edit` panics with: a panic would
    // capture a backtrace under RUST_BACKTRACE=1 (slow).
    #[test]
    fn an_edit_that_misses_fails() {
        let f = Fixture::new("miss");
        f.write("a.txt", "present");
        assert_eq!(
            f.try_edit("a.txt", "absent", "x"),
            Err("the fixture has no \"absent\" in a.txt".to_owned())
        );
        assert_eq!(f.read("a.txt"), "present", "a missed edit changes nothing");
        assert_eq!(f.try_edit("a.txt", "present", "edited"), Ok(()));
        assert_eq!(f.read("a.txt"), "edited");
    }
}
