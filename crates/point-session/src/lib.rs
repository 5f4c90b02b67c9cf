//! The signed-in session: the refresh token in the OS keychain (keyring-core with each platform's
//! store), silent restore at launch, single-flight refresh ahead of expiry, and sign-out through
//! Okta's revocation and end-session endpoints. No Tauri.

mod keychain;
mod profile;
mod session;

pub use keychain::{
    check_length, probe as probe_keychain, use_platform_store, KeychainError, MemoryKeychain,
    OsKeychain, SecretStore, DEVELOPMENT_SERVICE, MAX_UTF16_UNITS, RELEASE_SERVICE,
};
pub use profile::{Profile, ProfileCache};
pub use session::{Session, SessionError, SessionState, Status, DEFAULT_REFRESH_AHEAD};
