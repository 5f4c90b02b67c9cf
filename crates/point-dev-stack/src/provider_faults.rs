//! The dev provider's fault switch, as tests drive it: per-endpoint faults (a status, a delay, a
//! dropped connection, a captive portal's HTML, a truncated answer; before or after the provider
//! acted on the request), an offline window, a clock offset, a key rotation that drops the old
//! key, and the refresh-token grace period. Also the provider's own counts of what it answered.

use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::{DevStack, StackError};

/// What a faulty endpoint does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Answers with an HTTP status (Okta's error body).
    Status(u16),
    /// A slow provider. Before: it takes the whole request, waits, then acts on it (even if the
    /// client has given up). After: it acts, then waits before answering.
    Delay(Duration),
    /// Closes the connection without an answer.
    Close,
    /// Answers 200 with a Wi-Fi login page in HTML.
    CaptivePortal,
    /// Sends the answer's status and half of its body, then closes the connection (phase
    /// `After` only).
    Truncate,
    /// Okta's rate limit: 429, `errorCode` E0000047 and `X-Rate-Limit-Reset` this far ahead
    /// (phase `Before` only: Okta refuses before it acts).
    RateLimited(Duration),
}

/// Whether the provider acts on the request before the fault: `After` means a refresh token
/// presented to the token endpoint is spent, though the client never sees the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultPhase {
    Before,
    After,
}

/// One fault for the next `count` requests to an endpoint (`token`, `keys`, `discovery`,
/// `revoke`, `introspect`, `authorize`, `logout`, `par`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub endpoint: &'static str,
    pub kind: FaultKind,
    pub phase: FaultPhase,
    pub count: u32,
}

impl Fault {
    /// `kind` for the next request to `endpoint`, before the provider acts on it.
    pub fn before(endpoint: &'static str, kind: FaultKind) -> Self {
        Self {
            endpoint,
            kind,
            phase: FaultPhase::Before,
            count: 1,
        }
    }

    /// `kind` for the next request to `endpoint`, after the provider acted on it.
    pub fn after(endpoint: &'static str, kind: FaultKind) -> Self {
        Self {
            phase: FaultPhase::After,
            ..Self::before(endpoint, kind)
        }
    }

    fn to_json(&self) -> serde_json::Value {
        let mut body = json!({
            "path": self.endpoint,
            "phase": self.phase,
            "count": self.count,
        });
        let (kind, extra) = match self.kind {
            FaultKind::Status(status) => ("status", Some(("status", json!(status)))),
            FaultKind::Delay(delay) => {
                ("delay", Some(("delay_ms", json!(delay.as_millis() as u64))))
            }
            FaultKind::Close => ("close", None),
            FaultKind::CaptivePortal => ("captive_portal", None),
            FaultKind::Truncate => ("truncate", None),
            FaultKind::RateLimited(reset) => {
                ("rate_limited", Some(("reset_s", json!(reset.as_secs()))))
            }
        };
        body["kind"] = json!(kind);
        if let Some((key, value)) = extra {
            body[key] = value;
        }
        body
    }
}

/// What the provider counted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProviderStats {
    /// Requests by `METHOD path`.
    #[serde(default)]
    pub requests: HashMap<String, u64>,
    /// Token grants by `grant_type:outcome`, and refresh-token reuse: `refresh_token:reuse`
    /// (a spent token presented after the grace period: Okta revokes the session) and
    /// `refresh_token:reuse_in_grace`.
    #[serde(default)]
    pub grants: HashMap<String, u64>,
    /// Faults applied, by `endpoint:kind:phase`.
    #[serde(default)]
    pub faults: HashMap<String, u64>,
}

impl ProviderStats {
    pub fn grants(&self, key: &str) -> u64 {
        self.grants.get(key).copied().unwrap_or(0)
    }

    /// Requests whose `METHOD path` ends with `suffix` (for example `GET /v1/keys`).
    pub fn requests_ending(&self, method: &str, suffix: &str) -> u64 {
        self.requests
            .iter()
            .filter(|(key, _)| key.starts_with(method) && key.ends_with(suffix))
            .map(|(_, n)| n)
            .sum()
    }

    /// Refresh tokens presented again after they were spent, past the grace period.
    pub fn refresh_token_reuse(&self) -> u64 {
        self.grants("refresh_token:reuse")
    }
}

impl DevStack {
    async fn provider_control(
        &self,
        method: reqwest::Method,
        path: &str,
        body: serde_json::Value,
    ) -> Result<(), StackError> {
        let url = self
            .issuer
            .join(path)
            .map_err(|e| StackError::Setup(e.to_string()))?;
        self.http_client()?
            .request(method, url)
            .json(&body)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map(|_| ())
            .map_err(|e| StackError::Setup(format!("provider control {path}: {e}")))
    }

    /// Queues a fault at the provider.
    pub async fn add_fault(&self, fault: Fault) -> Result<(), StackError> {
        self.provider_control(reqwest::Method::POST, "/__dev/faults", fault.to_json())
            .await
    }

    /// Removes every queued fault.
    pub async fn clear_faults(&self) -> Result<(), StackError> {
        self.provider_control(reqwest::Method::DELETE, "/__dev/faults", json!({}))
            .await
    }

    /// The provider refuses connections for `duration`, then listens again on the same port.
    pub async fn provider_offline_for(&self, duration: Duration) -> Result<(), StackError> {
        self.provider_control(
            reqwest::Method::POST,
            "/__dev/offline",
            json!({ "seconds": duration.as_secs_f64() }),
        )
        .await
    }

    /// Runs the provider's clock `seconds` off real time (its tokens and its `Date` header).
    pub async fn set_provider_clock_offset(&self, seconds: i64) -> Result<(), StackError> {
        self.provider_control(
            reqwest::Method::POST,
            "/__dev/clock",
            json!({ "offset_seconds": seconds }),
        )
        .await
    }

    /// Rotates the provider's signing key; the old one is dropped from its key set at once.
    pub async fn rotate_provider_keys(&self) -> Result<(), StackError> {
        self.provider_control(reqwest::Method::POST, "/__dev/rotate-keys", json!({}))
            .await
    }

    /// Sets how long a spent refresh token may be presented again (Okta: 0–60 s, default 30).
    pub async fn set_refresh_grace(&self, seconds: u32) -> Result<(), StackError> {
        self.provider_control(
            reqwest::Method::POST,
            "/__dev/refresh-grace",
            json!({ "seconds": seconds }),
        )
        .await
    }

    /// What the provider counted.
    /// The authorization request a browser address stands for: where the address carries a
    /// pushed request's reference (RFC 9126), the parameters POINT pushed for it, as a full
    /// authorization URL; any other address as it is. Does not use the reference up.
    pub async fn authorization_request(&self, url: &url::Url) -> Result<url::Url, StackError> {
        let Some((_, reference)) = url.query_pairs().find(|(k, _)| k == "request_uri") else {
            return Ok(url.clone());
        };
        let mut lookup = self
            .issuer
            .join("/__dev/pushed")
            .map_err(|e| StackError::Setup(e.to_string()))?;
        lookup
            .query_pairs_mut()
            .append_pair("request_uri", &reference);
        let asked: HashMap<String, String> = self.dev_get(lookup, "pushed request").await?;
        let mut full = url.clone();
        full.set_query(None);
        full.query_pairs_mut().extend_pairs(asked.iter());
        Ok(full)
    }

    pub async fn provider_stats(&self) -> Result<ProviderStats, StackError> {
        let url = self
            .issuer
            .join("/__dev/stats")
            .map_err(|e| StackError::Setup(e.to_string()))?;
        self.dev_get(url, "provider stats").await
    }
}

impl DevStack {
    /// A development API's JSON answer (the stack's own endpoints under `/__dev/`).
    pub(crate) async fn dev_get<T: serde::de::DeserializeOwned>(
        &self,
        url: url::Url,
        what: &str,
    ) -> Result<T, StackError> {
        self.http_client()?
            .get(url)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| StackError::Setup(format!("{what}: {e}")))?
            .json()
            .await
            .map_err(|e| StackError::Setup(format!("{what}: {e}")))
    }
}
