//! The signed-in session: the refresh token in the OS keychain (keyring-core with each platform's
//! store), silent restore at launch, single-flight refresh ahead of expiry, and sign-out through
//! Okta's revocation and end-session endpoints. No Tauri.

mod keychain;
mod pending;
mod profile;
mod session;

pub use keychain::{
    check_length, probe as probe_keychain, use_platform_store, KeychainError, MemoryKeychain,
    OsKeychain, SecretStore, MAX_UTF16_UNITS,
};
pub use pending::PendingSignIns;
pub use profile::{Profile, ProfileCache};
pub use session::{
    stored_key_protection, Credential, EmailRule, LoopbackSignIn, Session, SessionError,
    SessionState, SignInAttempt, Status, DEFAULT_REFRESH_AHEAD,
};
