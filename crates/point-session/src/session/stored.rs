//! What the session's keychain entries hold: the session (refresh token, nonce, DPoP key,
//! in-doubt mark) and the revocations owed to the provider. Reading is pure and total.

use crate::keychain::check_length;
use point_auth::{Dpop, DpopKey, Nonce, RefreshToken};
use serde::{Deserialize, Serialize};

/// What the keychain holds for a session: the refresh token and small metadata.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredSession {
    pub v: u8,
    /// The refresh token of a session without a DPoP key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub refresh_token: String,
    /// The refresh token of a DPoP-bound session, under a name versions before DPoP do not
    /// read: one of them (an IT rollback) would otherwise refresh without the key, and rewrite
    /// the entry without it. It sees no session instead, and leaves the entry for the way back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound_refresh_token: Option<String>,
    /// The refresh token of a session whose DPoP key is in the TPM, under a name versions that
    /// cannot use such a key do not read: one of them would make a key of its own and write it
    /// over this one (which Okta then refuses the token for). It sees no session instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware_bound_refresh_token: Option<String>,
    /// The sign-in's nonce, which a refreshed ID token may repeat.
    pub nonce: Option<String>,
    /// When a redemption of this token went out whose answer was never stored (seconds since
    /// the epoch): the provider may have spent it, so ask before presenting it again.
    #[serde(default)]
    pub in_doubt_since: Option<u64>,
    /// The private key the tokens are bound to (DPoP, PKCS#8), kept with the token it guards.
    #[serde(default)]
    pub dpop_key: Option<String>,
    /// The servers' DPoP nonces (origin, nonce), so that the next run's first refresh need not
    /// ask for one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dpop_nonces: Vec<(String, String)>,
}

impl StoredSession {
    /// Reads a keychain entry. Pure and total: anything unreadable (another version, a
    /// damaged entry, no token) is no session, never a panic.
    pub fn read(secret: &str) -> Option<Self> {
        serde_json::from_str::<Self>(secret)
            .ok()
            .filter(|stored| !stored.token().is_empty())
    }

    /// The refresh token, bound or not.
    pub fn token(&self) -> &str {
        self.hardware_bound_refresh_token
            .as_deref()
            .or(self.bound_refresh_token.as_deref())
            .unwrap_or(&self.refresh_token)
    }

    /// The entry for these secrets: a secret itself, for the keychain only.
    pub fn write(
        refresh_token: &RefreshToken,
        nonce: Option<&Nonce>,
        dpop: Option<&Dpop>,
        in_doubt_since: Option<u64>,
    ) -> String {
        let dpop_key = dpop.map(Dpop::key);
        let token = refresh_token.expose().to_string();
        let (refresh_token, bound_refresh_token, hardware_bound_refresh_token) =
            match dpop_key.map(DpopKey::protection) {
                Some(point_auth::KeyProtection::Tpm) => (String::new(), None, Some(token)),
                Some(point_auth::KeyProtection::Software) => (String::new(), Some(token), None),
                None => (token, None, None),
            };
        let record = Self {
            v: 1,
            refresh_token,
            bound_refresh_token,
            hardware_bound_refresh_token,
            nonce: nonce.map(|n| n.expose().to_string()),
            in_doubt_since,
            dpop_key: dpop_key.map(DpopKey::to_stored),
            dpop_nonces: dpop.map(Dpop::nonces).unwrap_or_default(),
        };
        serde_json::to_string(&record).unwrap_or_default()
    }
}

/// Where the DPoP key of the session in `account` is kept, without reading the key or the token
/// out of the keychain entry (`point doctor`, the support bundle). `None`: no session there, or
/// one without a key.
pub fn stored_key_protection(
    store: &dyn crate::SecretStore,
    account: &str,
) -> Result<Option<point_auth::KeyProtection>, crate::KeychainError> {
    Ok(store
        .read(account)?
        .as_deref()
        .and_then(StoredSession::read)
        .and_then(|stored| stored.dpop_key)
        .map(|key| point_auth::KeyProtection::of_stored(&key)))
}

/// The revocations owed to one provider (see `owed.rs`): what its keychain entry holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct OwedRevocations {
    issuer: String,
    client_id: String,
    /// Oldest first.
    refresh_tokens: Vec<String>,
}

/// The entry of versions that owed one revocation at most.
#[derive(Deserialize)]
struct OneOwedRevocation {
    issuer: String,
    client_id: String,
    refresh_token: String,
}

impl OwedRevocations {
    pub fn new(issuer: &str, client_id: &str) -> Self {
        Self {
            issuer: issuer.to_string(),
            client_id: client_id.to_string(),
            refresh_tokens: Vec::new(),
        }
    }

    /// Reads an entry, in this version's form or the single revocation of earlier ones. Total:
    /// anything else is `None`.
    pub fn read(secret: &str) -> Option<Self> {
        if let Ok(owed) = serde_json::from_str::<Self>(secret) {
            return Some(owed);
        }
        let one = serde_json::from_str::<OneOwedRevocation>(secret).ok()?;
        Some(Self {
            issuer: one.issuer,
            client_id: one.client_id,
            refresh_tokens: vec![one.refresh_token],
        })
    }

    /// The same list, empty.
    pub fn emptied(&self) -> Self {
        Self::new(&self.issuer, &self.client_id)
    }

    /// Whether this list is for the same provider and client as `other`.
    pub fn is_for(&self, other: &Self) -> bool {
        self.issuer == other.issuer && self.client_id == other.client_id
    }

    pub fn is_empty(&self) -> bool {
        self.refresh_tokens.is_empty()
    }

    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.refresh_tokens.iter().map(String::as_str)
    }

    /// Adds a token (once); the oldest go while the entry would not fit every platform's
    /// keychain ([`crate::keychain::check_length`]).
    pub fn add(&mut self, refresh_token: &str) {
        if self.refresh_tokens.iter().any(|t| t == refresh_token) {
            return;
        }
        self.refresh_tokens.push(refresh_token.to_string());
        while self.refresh_tokens.len() > 1 && check_length(&self.write()).is_err() {
            tracing::warn!("too many revocations owed: the oldest is given up");
            self.refresh_tokens.remove(0);
        }
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ProfileCache, PROFILE_FILE};
    use point_auth::KeyHardware;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_keychain_entry_is_read_without_panic(
            secret in prop_oneof![
                ".*",
                (any::<i64>(), ".{0,20}", any::<u64>()).prop_map(|(v, token, since)| {
                    format!(r#"{{"v":{v},"refresh_token":{token:?},"nonce":null,"in_doubt_since":{since}}}"#)
                }),
            ],
        ) {
            let _ = StoredSession::read(&secret);
        }

        #[test]
        fn what_is_written_reads_back(token in "[!-~]{1,200}", nonce in proptest::option::of("[A-Za-z0-9_-]{1,60}"), in_doubt_since in proptest::option::of(any::<u64>())) {
            let written = StoredSession::write(&RefreshToken::new(token.clone()), nonce.clone().map(Nonce::new).as_ref(), None, in_doubt_since);
            let read = StoredSession::read(&written).unwrap();
            prop_assert_eq!(read.refresh_token, token);
            prop_assert_eq!(read.nonce, nonce);
            prop_assert_eq!(read.in_doubt_since, in_doubt_since);
        }

        #[test]
        fn any_profile_cache_file_is_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let dir = std::env::temp_dir().join(format!("point-profile-prop-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let cache = ProfileCache::in_dir(&dir);
            std::fs::write(dir.join(PROFILE_FILE), &bytes).unwrap();
            let _ = cache.load();
        }
    }

    #[test]
    fn the_dpop_key_is_kept_with_the_token_and_an_older_entry_has_none() {
        let key = DpopKey::generate().unwrap();
        let dpop = Dpop::with_nonces(
            DpopKey::from_stored(&key.to_stored(), &KeyHardware::none()).unwrap(),
            &[("https://example.okta.com".into(), "n-1".into())],
        );
        let written = StoredSession::write(&RefreshToken::new("rt"), None, Some(&dpop), None);
        let read = StoredSession::read(&written).unwrap();
        assert_eq!(read.token(), "rt");
        // A version before DPoP finds no refresh token it could use without the key.
        let value: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert!(value.get("refresh_token").is_none(), "{value}");
        let again =
            DpopKey::from_stored(read.dpop_key.as_deref().unwrap(), &KeyHardware::none()).unwrap();
        assert_eq!(again.thumbprint(), key.thumbprint());
        assert_eq!(
            read.dpop_nonces,
            [("https://example.okta.com".to_string(), "n-1".to_string())]
        );
        let older = StoredSession::read(r#"{"v":1,"refresh_token":"rt","nonce":null}"#).unwrap();
        assert!(older.dpop_key.is_none());
    }

    #[test]
    fn an_entry_from_before_the_doubt_flag_is_not_in_doubt() {
        let stored = StoredSession::read(r#"{"v":1,"refresh_token":"rt","nonce":null}"#).unwrap();
        assert!(stored.in_doubt_since.is_none());
        assert!(StoredSession::read(r#"{"v":1,"refresh_token":"","nonce":null}"#).is_none());
    }
}
