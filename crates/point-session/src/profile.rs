//! The non-secret profile cache: who is signed in (name, email, organization) and to which Okta,
//! kept in the app's data directory so POINT can start offline and show who is signed in, and
//! find the keychain entry of the session to restore. Never holds a token.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub issuer: String,
    pub client_id: String,
    /// Okta's user ID (the ID token's `sub`).
    pub subject: String,
    pub name: Option<String>,
    pub email: Option<String>,
    /// The POINT organization, once the dashboard has said.
    pub organization: Option<String>,
}

impl Profile {
    /// The keychain account of this user's session: one per organization and user.
    pub fn keychain_account(&self) -> String {
        format!("{} {} {}", self.issuer, self.client_id, self.subject)
    }
}

/// The profile cache file's name in the app's data directory.
pub(crate) const PROFILE_FILE: &str = "profile.json";

/// The profile cache file (`profile.json` in the app's data directory).
#[derive(Debug, Clone)]
pub struct ProfileCache {
    path: PathBuf,
}

impl ProfileCache {
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(PROFILE_FILE),
        }
    }

    /// The cached profile; `None` when there is none or it cannot be read.
    pub fn load(&self) -> Option<Profile> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Writes the profile atomically (a temporary file renamed over the old one), readable by
    /// its owner only.
    pub fn save(&self, profile: &Profile) -> std::io::Result<()> {
        let bytes = serde_json::to_vec_pretty(profile).map_err(std::io::Error::other)?;
        point_config::write_private(&self.path, &bytes)
    }

    pub fn clear(&self) -> std::io::Result<()> {
        remove(&self.path)
    }

    /// Marks (or unmarks) that a pending sign-in is kept in the keychain: an empty file beside
    /// the profile, so that a launch with none need not ask the keychain.
    pub fn mark_pending_sign_in(&self, kept: bool) -> std::io::Result<()> {
        let mark = self.path.with_file_name(PENDING_MARK_FILE);
        if kept {
            point_config::write_private(&mark, b"")
        } else {
            remove(&mark)
        }
    }

    /// Whether a pending sign-in may be kept in the keychain (see
    /// [`ProfileCache::mark_pending_sign_in`]).
    pub fn pending_sign_in_marked(&self) -> bool {
        self.path.with_file_name(PENDING_MARK_FILE).exists()
    }
}

/// The mark of a pending sign-in kept in the keychain (no secret in it).
const PENDING_MARK_FILE: &str = "pending-sign-in";

fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_profile_cache_is_its_owner_s_only() {
        let dir = std::env::temp_dir().join(format!("point-profile-mode-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = ProfileCache::in_dir(&dir);
        let profile = Profile {
            issuer: "https://example.okta.com".into(),
            client_id: "0oa1".into(),
            subject: "00u1".into(),
            name: Some("Alice".into()),
            email: Some("alice@example.com".into()),
            organization: None,
        };
        cache.save(&profile).unwrap();
        let mode = std::fs::metadata(dir.join(PROFILE_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
