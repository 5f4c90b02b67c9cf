//! What the session's keychain entries hold: the session (refresh token, nonce, DPoP key,
//! in-doubt mark) and a revocation owed after an offline sign-out. Reading is pure and total.

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
        self.bound_refresh_token
            .as_deref()
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
        let (refresh_token, bound_refresh_token) = match dpop_key {
            Some(_) => (String::new(), Some(token)),
            None => (token, None),
        };
        let record = Self {
            v: 1,
            refresh_token,
            bound_refresh_token,
            nonce: nonce.map(|n| n.expose().to_string()),
            in_doubt_since,
            dpop_key: dpop_key.map(DpopKey::to_stored),
            dpop_nonces: dpop.map(Dpop::nonces).unwrap_or_default(),
        };
        serde_json::to_string(&record).unwrap_or_default()
    }
}

/// A revocation owed to the provider after an offline sign-out.
#[derive(Serialize, Deserialize)]
pub(super) struct OwedRevocation {
    pub issuer: String,
    pub client_id: String,
    pub refresh_token: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ProfileCache, PROFILE_FILE};
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
            DpopKey::from_stored(&key.to_stored()).unwrap(),
            &[("https://example.okta.com".into(), "n-1".into())],
        );
        let written = StoredSession::write(&RefreshToken::new("rt"), None, Some(&dpop), None);
        let read = StoredSession::read(&written).unwrap();
        assert_eq!(read.token(), "rt");
        // A version before DPoP finds no refresh token it could use without the key.
        let value: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert!(value.get("refresh_token").is_none(), "{value}");
        let again = DpopKey::from_stored(read.dpop_key.as_deref().unwrap()).unwrap();
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
