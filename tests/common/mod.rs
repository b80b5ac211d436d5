//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};

/// A fresh, empty folder under the system temporary folder, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// `suite` and `name` keep parallel tests and test binaries apart.
    pub fn new(suite: &str, name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("newsgist-{suite}-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
