//! The non-secret profile cache: who is signed in (name, email, organization) and to which Okta,
//! kept in the app's data directory so POINT can start offline and show who is signed in, and
//! find the keychain entry of the session to restore. Never holds a token.

use std::io::Write;
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

    /// Writes the profile atomically (a temporary file renamed over the old one).
    pub fn save(&self, profile: &Profile) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let temporary = self.path.with_extension("json.tmp");
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(&serde_json::to_vec_pretty(profile).map_err(std::io::Error::other)?)?;
        file.sync_all()?;
        std::fs::rename(&temporary, &self.path)
    }

    pub fn clear(&self) -> std::io::Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }
}
