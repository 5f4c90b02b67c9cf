//! Writing a file with a person's data (their profile, kept dashboard, settings, a support
//! bundle): readable by its owner only, and whole or not at all. On Unix the file is created
//! 0600 (an existing one is set so too) and the folders POINT creates for it 0700; folders that
//! already exist are left as they are (the Downloads folder is the person's). Windows keeps these
//! files in the user's profile, whose ACL already admits only them.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file beside it, renamed over the old one.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    let mut temporary_name = path.as_os_str().to_owned();
    temporary_name.push(".tmp");
    let temporary = std::path::PathBuf::from(temporary_name);
    let mut file = owner_only_file(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn owner_only_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    // A temporary file left by a crash may have been created with other bits.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    Ok(file)
}

#[cfg(not(unix))]
fn owner_only_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::create(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn files_and_the_folders_made_for_them_are_the_owner_s_only() {
        let root = std::env::temp_dir().join(format!("point-private-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = root.join("made/for/it/profile.json");
        write_private(&path, b"{}").unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&root.join("made")), 0o700);
        assert_eq!(mode(&root.join("made/for/it")), 0o700);
        assert_eq!(mode(&root), 0o755, "a folder that was there is left alone");

        // A file an older version wrote world-readable becomes the owner's on the next write.
        let old = root.join("settings.json");
        std::fs::write(&old, b"old").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&old, b"new").unwrap();
        assert_eq!(mode(&old), 0o600);
        assert_eq!(std::fs::read(&old).unwrap(), b"new");
        let _ = std::fs::remove_dir_all(&root);
    }
}
