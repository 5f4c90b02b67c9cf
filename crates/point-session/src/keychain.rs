//! The OS keychain, through keyring-core and one per-platform store: the only module that uses
//! the keyring crates.
//!
//! | platform | store |
//! |---|---|
//! | Linux | Secret Service over D-Bus (GNOME Keyring, KWallet): `zbus-secret-service-keyring-store` |
//! | macOS | the login keychain: `apple-native-keyring-store` (`keychain`) |
//! | iOS | the data-protection keychain: `apple-native-keyring-store` (`protected`) |
//! | Windows | Credential Manager: `windows-native-keyring-store` |
//! | Android | Keystore-wrapped SharedPreferences: `android-native-keyring-store` (needs the app to have initialized `ndk-context`) |
//!
//! The store is chosen once, in [`use_platform_store`]. Entries live under the service
//! `org.pointapp.point` (development builds: `org.pointapp.point.dev`, so they never touch an
//! installed app's entries), one account per organization and user.

use point_i18n::Message;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Windows Credential Manager holds at most 2560 bytes, and keyring stores passwords there as
/// UTF-16: at most 1280 UTF-16 code units. POINT applies the smaller of the two everywhere so
/// that an entry that fits on one platform fits on all.
pub const MAX_UTF16_UNITS: usize = 1280;

/// Why the keychain could not be used. Nothing is ever written elsewhere instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeychainError {
    Unavailable(String),
    Locked(String),
    TooLong { units: usize, limit: usize },
    Failed(String),
    Corrupt,
}

impl KeychainError {
    /// What to do about it, for the UI and `point doctor`.
    pub fn hint(&self) -> Message {
        Message::new(match self {
            Self::Unavailable(_) if cfg!(target_os = "linux") => "hint-keychain-unavailable-linux",
            Self::Unavailable(_) => "hint-keychain-unavailable",
            Self::Locked(_) => "hint-keychain-locked",
            Self::TooLong { .. } | Self::Failed(_) | Self::Corrupt => "hint-keychain-failed",
        })
    }

    /// What went wrong, in the person's language (and in English for logs).
    pub fn message(&self) -> Message {
        match self {
            Self::Unavailable(detail) => {
                Message::new("error-keychain-unavailable").with("detail", detail)
            }
            Self::Locked(detail) => Message::new("error-keychain-locked").with("detail", detail),
            Self::TooLong { units, limit } => Message::new("error-keychain-too-long")
                .with("units", *units)
                .with("limit", *limit),
            Self::Failed(detail) => Message::new("error-keychain-failed").with("detail", detail),
            Self::Corrupt => Message::new("error-keychain-corrupt"),
        }
    }
}

point_i18n::english_display!(KeychainError);

/// Where the session keeps its secrets. [`OsKeychain`] in the app; [`MemoryKeychain`] in fast
/// unit tests. Calls may block: the session makes them off the async runtime's workers.
pub trait SecretStore: Send + Sync + 'static {
    fn read(&self, account: &str) -> Result<Option<String>, KeychainError>;
    fn write(&self, account: &str, secret: &str) -> Result<(), KeychainError>;
    /// Deletes the entry; a missing entry is not an error.
    fn delete(&self, account: &str) -> Result<(), KeychainError>;
}

/// Refuses secrets that would not fit every platform's keychain, instead of truncating them.
pub fn check_length(secret: &str) -> Result<(), KeychainError> {
    let units = secret.encode_utf16().count();
    if units > MAX_UTF16_UNITS {
        return Err(KeychainError::TooLong {
            units,
            limit: MAX_UTF16_UNITS,
        });
    }
    Ok(())
}

static PLATFORM_STORE: OnceLock<Result<(), KeychainError>> = OnceLock::new();

/// Chooses this platform's credential store, once per process. An error means the keychain is
/// unavailable for this run (for example: no D-Bus session bus or no Secret Service on Linux).
pub fn use_platform_store() -> Result<(), KeychainError> {
    PLATFORM_STORE
        .get_or_init(|| {
            let store = platform_store()?;
            keyring_core::set_default_store(store);
            Ok(())
        })
        .clone()
}

#[cfg(target_os = "linux")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeychainError> {
    let store = zbus_secret_service_keyring_store::Store::new().map_err(|e| match e {
        keyring_core::Error::NoStorageAccess(e) => KeychainError::Locked(e.to_string()),
        other => KeychainError::Unavailable(other.to_string()),
    })?;
    Ok(store)
}

#[cfg(target_os = "macos")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeychainError> {
    let store = apple_native_keyring_store::keychain::Store::new()
        .map_err(|e| KeychainError::Unavailable(e.to_string()))?;
    Ok(store)
}

#[cfg(target_os = "ios")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeychainError> {
    let store = apple_native_keyring_store::protected::Store::new()
        .map_err(|e| KeychainError::Unavailable(e.to_string()))?;
    Ok(store)
}

#[cfg(target_os = "windows")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeychainError> {
    let store = windows_native_keyring_store::Store::new()
        .map_err(|e| KeychainError::Unavailable(e.to_string()))?;
    Ok(store)
}

#[cfg(target_os = "android")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeychainError> {
    let store = android_native_keyring_store::Store::new()
        .map_err(|e| KeychainError::Unavailable(e.to_string()))?;
    Ok(store)
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "macos",
    target_os = "ios",
    target_os = "windows",
    target_os = "android"
)))]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeychainError> {
    Err(KeychainError::Unavailable(
        "no keychain support for this operating system".into(),
    ))
}

/// Writes, reads back and deletes a probe entry: whether this machine's keychain works.
pub fn probe(service: &str) -> Result<(), KeychainError> {
    const PROBE: &str = "point keychain probe";
    let keychain = OsKeychain::open(service)?;
    keychain.write(PROBE, "probe")?;
    let read = keychain.read(PROBE)?;
    keychain.delete(PROBE)?;
    match read.as_deref() {
        Some("probe") => Ok(()),
        _ => Err(KeychainError::Corrupt),
    }
}

/// The OS keychain, under one service name.
#[derive(Debug, Clone)]
pub struct OsKeychain {
    service: String,
}

impl OsKeychain {
    /// The platform's keychain under `service` (`point_config::AppIdentity::keychain_service`).
    pub fn open(service: &str) -> Result<Self, KeychainError> {
        use_platform_store()?;
        Ok(Self {
            service: service.to_string(),
        })
    }

    fn entry(&self, account: &str) -> Result<keyring_core::Entry, KeychainError> {
        keyring_core::Entry::new(&self.service, account).map_err(map_error)
    }
}

impl SecretStore for OsKeychain {
    fn read(&self, account: &str) -> Result<Option<String>, KeychainError> {
        match self.entry(account)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(error) => Err(map_error(error)),
        }
    }

    fn write(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        check_length(secret)?;
        self.entry(account)?.set_password(secret).map_err(map_error)
    }

    fn delete(&self, account: &str) -> Result<(), KeychainError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(error) => Err(map_error(error)),
        }
    }
}

fn map_error(error: keyring_core::Error) -> KeychainError {
    use keyring_core::Error;
    match error {
        Error::NoStorageAccess(e) => KeychainError::Locked(e.to_string()),
        Error::NoDefaultStore => KeychainError::Unavailable("no credential store".into()),
        Error::TooLong(_, limit) => KeychainError::TooLong {
            units: 0,
            limit: limit as usize,
        },
        Error::BadEncoding(_) | Error::BadDataFormat(..) => KeychainError::Corrupt,
        Error::PlatformFailure(e) => KeychainError::Failed(e.to_string()),
        other => KeychainError::Failed(other.to_string()),
    }
}

/// An in-memory store for fast tests. Not used by the app: without a keychain the session
/// simply keeps its tokens in memory and persists nothing.
#[derive(Debug, Default)]
pub struct MemoryKeychain {
    entries: Mutex<HashMap<String, String>>,
    /// The accounts read, in order (what a launch asks the keychain for).
    reads: Mutex<Vec<String>>,
}

impl SecretStore for MemoryKeychain {
    fn read(&self, account: &str) -> Result<Option<String>, KeychainError> {
        self.reads
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(account.to_string());
        Ok(self.lock().get(account).cloned())
    }

    fn write(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        check_length(secret)?;
        self.lock().insert(account.to_string(), secret.to_string());
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<(), KeychainError> {
        self.lock().remove(account);
        Ok(())
    }
}

impl MemoryKeychain {
    /// The accounts read so far, in order.
    pub fn reads(&self) -> Vec<String> {
        self.reads
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_checked_in_utf16_units_not_truncated() {
        assert!(check_length(&"a".repeat(1280)).is_ok());
        assert_eq!(
            check_length(&"a".repeat(1281)),
            Err(KeychainError::TooLong {
                units: 1281,
                limit: 1280
            })
        );
        // Astral characters take two UTF-16 units each.
        assert!(check_length(&"😀".repeat(640)).is_ok());
        assert!(check_length(&"😀".repeat(641)).is_err());
        let store = MemoryKeychain::default();
        assert!(store.write("a", &"x".repeat(2000)).is_err());
        assert_eq!(store.read("a"), Ok(None));
    }
}
