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
        let fetched = UNIX_EPOCH + Duration::from_secs(self.fetched_at);
        now.duration_since(fetched)
            .is_ok_and(|age| age < SNAPSHOT_MAX_AGE)
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
    }
}
