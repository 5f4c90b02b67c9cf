//! What POINT keeps of a provider between runs: its discovery document and its signing keys
//! (both public), with when the discovery document was fetched, so that a signed-in launch
//! needs only its refresh. A snapshot is used only for the same issuer, for a day at most, and
//! only if it passes discovery's checks again; keys it lacks (an unknown `kid`) are fetched as
//! they would be without it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// How long a kept discovery document and its keys are used before they are fetched again.
pub const SNAPSHOT_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);
/// Larger than any discovery document and JWKS POINT would keep.
const MAX_SNAPSHOT_LEN: usize = 256 * 1024;

/// A provider's public documents, as fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderSnapshot {
    pub issuer: String,
    /// The discovery document.
    pub discovery: String,
    /// The JWKS document, once fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys: Option<String>,
    /// When the discovery document was fetched (seconds since the epoch).
    pub fetched_at: u64,
}

impl ProviderSnapshot {
    /// Reads a kept snapshot. Pure and total: anything else is `None`.
    pub fn read(text: &str) -> Option<Self> {
        if text.len() > MAX_SNAPSHOT_LEN {
            return None;
        }
        serde_json::from_str(text).ok()
    }

    /// The snapshot as kept (JSON).
    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether it is still young enough at `now` (and not from the future: a clock set back).
    pub fn is_fresh(&self, now: SystemTime) -> bool {
        self.fetched()
            .and_then(|fetched| now.duration_since(fetched).ok())
            .is_some_and(|age| age < SNAPSHOT_MAX_AGE)
    }

    /// When the discovery document was fetched; `None` for a time this system cannot hold.
    pub fn fetched(&self) -> Option<SystemTime> {
        UNIX_EPOCH.checked_add(Duration::from_secs(self.fetched_at))
    }

    /// Whether every address the discovery document names is HTTPS on the issuer's own origin,
    /// as Okta's are. A kept document is trusted only then: one edited to send tokens elsewhere
    /// is ignored (and fetched again from the issuer, over TLS).
    pub fn stays_on_issuer(&self) -> bool {
        let Ok(issuer) = url::Url::parse(&self.issuer) else {
            return false;
        };
        let Ok(serde_json::Value::Object(document)) = serde_json::from_str(&self.discovery) else {
            return false;
        };
        document
            .iter()
            .filter(|(name, _)| name.ends_with("_endpoint") || name.ends_with("_uri"))
            .all(|(_, value)| match value {
                serde_json::Value::String(address) => url::Url::parse(address)
                    .is_ok_and(|url| url.scheme() == "https" && url.origin() == issuer.origin()),
                // Not an address (a list, a flag): nothing to send a token to.
                _ => true,
            })
    }
}

/// Seconds since the epoch (0 for a clock before it).
pub(crate) fn epoch_seconds(at: SystemTime) -> u64 {
    at.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_reads_back_and_ages() {
        let snapshot = ProviderSnapshot {
            issuer: "https://example.okta.com/oauth2/default".into(),
            discovery: "{}".into(),
            keys: None,
            fetched_at: 1_800_000_000,
        };
        assert_eq!(
            ProviderSnapshot::read(&snapshot.write()),
            Some(snapshot.clone())
        );
        for bad in ["", "{", "[]", "{\"issuer\":1}"] {
            assert_eq!(ProviderSnapshot::read(bad), None, "{bad:?}");
        }
        let at = |secs: u64| UNIX_EPOCH + Duration::from_secs(secs);
        assert!(snapshot.is_fresh(at(1_800_000_000 + 60)));
        assert!(!snapshot.is_fresh(at(1_800_000_000 + 24 * 3600)));
        assert!(!snapshot.is_fresh(at(1_700_000_000)), "from the future");
        let far = ProviderSnapshot {
            fetched_at: u64::MAX,
            ..snapshot.clone()
        };
        assert!(
            !far.is_fresh(at(1_800_000_000)),
            "a time past what the clock holds"
        );
    }

    #[test]
    fn a_kept_document_is_trusted_only_when_every_address_is_the_issuer_s() {
        let kept = |discovery: &str| ProviderSnapshot {
            issuer: "https://example.okta.com/oauth2/default".into(),
            discovery: discovery.into(),
            keys: None,
            fetched_at: 0,
        };
        assert!(kept(
            r#"{"issuer":"https://example.okta.com/oauth2/default","token_endpoint":"https://example.okta.com/oauth2/default/v1/token","jwks_uri":"https://example.okta.com/oauth2/default/v1/keys","scopes_supported":["openid"]}"#
        )
        .stays_on_issuer());
        for elsewhere in [
            r#"{"token_endpoint":"https://evil.example/token"}"#,
            r#"{"token_endpoint":"http://example.okta.com/oauth2/default/v1/token"}"#,
            r#"{"revocation_endpoint":"https://example.okta.com:8443/revoke"}"#,
            r#"{"jwks_uri":"not a url"}"#,
            r#"[]"#,
        ] {
            assert!(!kept(elsewhere).stays_on_issuer(), "{elsewhere}");
        }
    }
}
