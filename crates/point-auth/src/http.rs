//! POINT's HTTP client for identity providers and the dashboard.
//!
//! One reqwest client with the trusted roots (system roots plus any extra PEM, e.g. a corporate
//! TLS-inspection CA or the dev stack's CA), no redirects (RFC 8252 §8.11 and SSRF: a token
//! endpoint that redirects is an error), connect and request timeouts, and a `POINT/<version>`
//! user agent. It learns the offset between this device's clock and the identity provider's `Date`
//! headers (only the provider's: [`HttpClient::execute_with_provider_clock`]), so a wrong device
//! clock does not break ID token checks, and counts the requests it sends. Bodies are capped as
//! they stream in. A failure after the request went out is [`HttpError::Interrupted`]: the server
//! may have acted on it (a refresh token may be spent), which callers must not treat as "never
//! sent".
//!
//! A server that asks POINT to wait (Okta's 429 with `X-Rate-Limit-Reset`, or `Retry-After` on
//! a 429 or 503) gets no request from POINT before then, from any caller: every client on the
//! network shares one [`HostGate`] for the process (session, sign-in, dashboard, `point doctor`
//! in the app's support bundle); a held-back request fails at once as [`HttpError::HeldBack`].
//!
//! Requests go to the network, or (the fast tests) to a [`Transport`] that answers them in
//! process; everything above the transport (timeouts, the clock, 5xx, the body cap) is the same
//! code for both.

use std::path::Path;

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, SystemTime};
use url::Url;

use crate::config::ConfigError;

pub const USER_AGENT: &str = concat!("POINT/", env!("CARGO_PKG_VERSION"));
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client waits for an answer, unless told otherwise.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Responses larger than this are refused (a discovery document or JWKS is a few KiB).
pub const MAX_BODY: usize = 1024 * 1024;
/// The largest clock offset believed: a `Date` further off is a broken server or proxy, not a
/// device clock (Okta's SDKs clamp too).
pub const MAX_CLOCK_OFFSET: Duration = Duration::from_secs(24 * 3600);

/// Why a request got no HTTP response, or one that is no use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    #[error("could not connect to {host}")]
    Connect { host: String },
    #[error("{host} did not answer in time")]
    Timeout { host: String },
    /// The request was sent (or may have been) but the full answer never arrived: a timeout
    /// waiting for it, or a connection closed before or while it came. The server may have acted.
    #[error("the connection to {host} broke before its answer arrived")]
    Interrupted { host: String },
    #[error("the secure connection to {host} failed: {detail}")]
    Tls { host: String, detail: String },
    /// A 5xx, with the wait a 503 asked for (`Retry-After`), if it did.
    #[error("{host} answered with HTTP {status}")]
    ServerError {
        host: String,
        status: u16,
        retry_after: Option<Duration>,
    },
    #[error("the response from {host} was too large")]
    TooLarge { host: String },
    #[error("the request to {host} failed: {detail}")]
    Other { host: String, detail: String },
    /// Not sent: the server asked POINT to wait this much longer (its rate limit, its
    /// maintenance).
    #[error("{host} asked POINT to wait before asking again")]
    HeldBack { host: String, retry_after: Duration },
}

/// The servers that asked POINT to wait, and until when: see the module documentation.
#[derive(Debug, Default)]
pub struct HostGate {
    until: std::sync::Mutex<std::collections::HashMap<String, tokio::time::Instant>>,
}

impl HostGate {
    /// The gate every network client of this process shares.
    pub fn of_process() -> std::sync::Arc<Self> {
        static GATE: std::sync::OnceLock<std::sync::Arc<HostGate>> = std::sync::OnceLock::new();
        GATE.get_or_init(Default::default).clone()
    }

    /// How much longer `server` asked to be left alone, if it did.
    pub fn held(&self, server: &str) -> Option<Duration> {
        let now = tokio::time::Instant::now();
        let mut until = self.lock();
        let left = until.get(server)?.saturating_duration_since(now);
        if left.is_zero() {
            until.remove(server);
            return None;
        }
        Some(left)
    }

    /// `server` asked for `wait`: the later of this and what it asked before.
    pub fn hold(&self, server: &str, wait: Duration) {
        let Some(at) = tokio::time::Instant::now().checked_add(wait) else {
            return;
        };
        let mut until = self.lock();
        let entry = until.entry(server.to_string()).or_insert(at);
        *entry = (*entry).max(at);
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, tokio::time::Instant>> {
        self.until
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The server a request goes to, as the gate knows it: scheme, host and port.
fn server_of(uri: &http::Uri) -> String {
    format!(
        "{}://{}",
        uri.scheme_str().unwrap_or("https"),
        uri.authority().map(|a| a.as_str()).unwrap_or_default()
    )
}

/// An answer, or why there is none: what a [`Transport`] gives back.
pub type Answer = Result<http::Response<Vec<u8>>, HttpError>;

/// Answers requests in process instead of the network: an Okta-shaped provider and dashboard
/// for tests that run without sockets, on tokio's paused clock. An answer that never comes is a
/// future that never completes: the client's request timeout then ends it as
/// [`HttpError::Interrupted`], as a lost answer on the network does.
pub trait Transport: Send + Sync {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Answer> + Send>>;
}

/// Where a client's requests go.
enum Route {
    Network(reqwest::Client),
    InProcess(std::sync::Arc<dyn Transport>),
}

/// See the module documentation.
pub struct HttpClient {
    route: Route,
    request_timeout: Duration,
    /// Server time minus local time, in seconds, from the latest `Date` header.
    clock_offset: AtomicI64,
    requests: AtomicU64,
    gate: std::sync::Arc<HostGate>,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient")
            .field("clock_offset", &self.clock_offset)
            .field("requests", &self.requests)
            .finish_non_exhaustive()
    }
}

impl HttpClient {
    /// A client trusting the system's roots and, if given, the certificates in a PEM file; it
    /// goes through the OS's proxy settings.
    pub fn new(extra_roots: Option<&Path>) -> Result<Self, ConfigError> {
        Self::with_request_timeout(extra_roots, REQUEST_TIMEOUT)
    }

    /// Like [`HttpClient::new`], through `proxy` (IT's) instead of the OS's proxy settings.
    pub fn through_proxy(
        extra_roots: Option<&Path>,
        proxy: Option<&Url>,
    ) -> Result<Self, ConfigError> {
        Self::build(extra_roots, proxy, REQUEST_TIMEOUT)
    }

    /// Like [`HttpClient::new`], giving up on an answer after `timeout` (tests of slow servers).
    pub fn with_request_timeout(
        extra_roots: Option<&Path>,
        timeout: Duration,
    ) -> Result<Self, ConfigError> {
        Self::build(extra_roots, None, timeout)
    }

    fn build(
        extra_roots: Option<&Path>,
        proxy: Option<&Url>,
        timeout: Duration,
    ) -> Result<Self, ConfigError> {
        use_ring_for_tls();
        let mut builder = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(CONNECT_TIMEOUT.min(timeout))
            .timeout(timeout)
            .https_only(false);
        if let Some(path) = extra_roots {
            for certificate in read_roots(path)? {
                builder = builder.add_root_certificate(certificate);
            }
        }
        if let Some(proxy) = proxy {
            let proxy = reqwest::Proxy::all(proxy.as_str()).map_err(|e| ConfigError::Proxy {
                proxy: proxy.to_string(),
                reason: e.to_string(),
            })?;
            builder = builder.proxy(proxy);
        }
        let inner = builder.build().map_err(|e| ConfigError::TrustedRoots {
            path: extra_roots
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            reason: e.to_string(),
        })?;
        Ok(Self::on(
            Route::Network(inner),
            timeout,
            HostGate::of_process(),
        ))
    }

    /// A client whose requests `transport` answers in process (tests), giving up on an answer
    /// after `timeout`.
    /// Its gate is its own (tests run side by side on one set of fake hosts).
    pub fn in_process(transport: std::sync::Arc<dyn Transport>, timeout: Duration) -> Self {
        Self::on(Route::InProcess(transport), timeout, Default::default())
    }

    fn on(route: Route, request_timeout: Duration, gate: std::sync::Arc<HostGate>) -> Self {
        Self {
            route,
            request_timeout,
            clock_offset: AtomicI64::new(0),
            requests: AtomicU64::new(0),
            gate,
        }
    }

    /// Sends a request. 5xx answers become [`HttpError::ServerError`]: no OAuth or API response
    /// is ever a 5xx, and they must stay distinct from protocol errors.
    pub async fn execute(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, HttpError> {
        self.send(request, false).await
    }

    /// Like [`HttpClient::execute`], for the identity provider: its `Date` header also sets the
    /// server clock that ID tokens are checked against.
    pub async fn execute_with_provider_clock(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, HttpError> {
        self.send(request, true).await
    }

    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
        learn_clock: bool,
    ) -> Result<http::Response<Vec<u8>>, HttpError> {
        let host = request.uri().host().unwrap_or("the server").to_string();
        let server = server_of(request.uri());
        if let Some(retry_after) = self.gate.held(&server) {
            return Err(HttpError::HeldBack { host, retry_after });
        }
        let response = match &self.route {
            Route::Network(client) => self.send_over_network(client, request, &host).await?,
            Route::InProcess(transport) => {
                let request = checked(request, &host)?;
                self.requests.fetch_add(1, Ordering::Relaxed);
                tokio::time::timeout(self.request_timeout, transport.send(request))
                    .await
                    .map_err(|_| HttpError::Interrupted { host: host.clone() })??
            }
        };
        if learn_clock {
            self.learn_clock(response.headers());
        }
        let status = response.status().as_u16();
        let wait = crate::retry::server_wait(status, response.headers(), self.server_now());
        if let Some(wait) = wait {
            tracing::warn!(%host, status, ?wait, "the server asked POINT to wait");
            self.gate.hold(&server, wait);
        }
        if response.status().is_server_error() {
            return Err(HttpError::ServerError {
                host,
                status,
                retry_after: wait,
            });
        }
        if response.body().len() > MAX_BODY {
            return Err(HttpError::TooLarge { host });
        }
        Ok(response)
    }

    /// Sends a request over the network and reads its answer, refusing a body past
    /// [`MAX_BODY`] as it streams in.
    async fn send_over_network(
        &self,
        client: &reqwest::Client,
        request: http::Request<Vec<u8>>,
        host: &str,
    ) -> Result<http::Response<Vec<u8>>, HttpError> {
        let host = host.to_string();
        let request = reqwest::Request::try_from(request).map_err(|e| HttpError::Other {
            host: host.clone(),
            detail: e.to_string(),
        })?;
        self.requests.fetch_add(1, Ordering::Relaxed);
        let mut response = client
            .execute(request)
            .await
            .map_err(|e| classify(&host, &e))?;
        let mut builder = http::Response::builder().status(response.status());
        for (name, value) in response.headers() {
            builder = builder.header(name, value);
        }
        if response.status().is_server_error() {
            // Its body is not read: the caller gets the status only.
            return builder.body(Vec::new()).map_err(|e| HttpError::Other {
                host,
                detail: e.to_string(),
            });
        }
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY as u64)
        {
            return Err(HttpError::TooLarge { host });
        }
        // The cap holds as bytes arrive: a chunked body is never buffered past it.
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|_| HttpError::Interrupted { host: host.clone() })?
        {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(HttpError::TooLarge { host });
            }
            body.extend_from_slice(&chunk);
        }
        builder.body(body).map_err(|e| HttpError::Other {
            host,
            detail: e.to_string(),
        })
    }

    /// How long this client waits for an answer before giving up.
    pub fn request_timeout(&self) -> Duration {
        self.request_timeout
    }

    /// How many requests this client has sent.
    pub fn request_count(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Server time minus local time, in seconds, as last seen in a `Date` header.
    pub fn clock_offset_seconds(&self) -> i64 {
        self.clock_offset.load(Ordering::Relaxed)
    }

    /// The current time as the servers see it.
    pub fn server_now(&self) -> SystemTime {
        let offset = self.clock_offset_seconds();
        let now = SystemTime::now();
        let magnitude = Duration::from_secs(offset.unsigned_abs());
        if offset >= 0 {
            now.checked_add(magnitude).unwrap_or(now)
        } else {
            now.checked_sub(magnitude).unwrap_or(now)
        }
    }

    /// Takes the server's time from a `Date` header, unless the response may come from a cache
    /// (`Age`), in which case its date is old. Offsets beyond [`MAX_CLOCK_OFFSET`] are clamped.
    fn learn_clock(&self, headers: &http::HeaderMap) {
        if headers.contains_key(reqwest::header::AGE) {
            return;
        }
        let Some(date) = headers
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
        else {
            return;
        };
        self.clock_offset
            .store(clock_offset(date, SystemTime::now()), Ordering::Relaxed);
    }
}

/// What the network would refuse to send is refused in process too: a request without an
/// absolute http(s) URL.
fn checked(
    request: http::Request<Vec<u8>>,
    host: &str,
) -> Result<http::Request<Vec<u8>>, HttpError> {
    match request.uri().scheme_str() {
        Some("http" | "https") if request.uri().host().is_some() => Ok(request),
        _ => Err(HttpError::Other {
            host: host.to_string(),
            detail: "not an absolute http(s) URL".into(),
        }),
    }
}

/// Server time minus local time in whole seconds, clamped to ±[`MAX_CLOCK_OFFSET`].
fn clock_offset(server: SystemTime, local: SystemTime) -> i64 {
    let limit = MAX_CLOCK_OFFSET.as_secs();
    match server.duration_since(local) {
        Ok(ahead) => ahead.as_secs().min(limit) as i64,
        Err(behind) => -(behind.duration().as_secs().min(limit) as i64),
    }
}

/// Makes ring rustls's crypto provider for this process, once (as Tauri's updater does): reqwest
/// is built without one of its own, so the app carries one TLS stack. Certificates are checked by
/// the OS's own verifier (rustls-platform-verifier: on Windows and macOS it also trusts the roots
/// IT installs for TLS inspection; on Linux the system store), plus any extra PEM roots.
pub fn use_ring_for_tls() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may install it first: either way one is in place.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

fn read_roots(path: &Path) -> Result<Vec<reqwest::Certificate>, ConfigError> {
    let error = |reason: String| ConfigError::TrustedRoots {
        path: path.display().to_string(),
        reason,
    };
    let pem = std::fs::read(path).map_err(|e| error(e.to_string()))?;
    let certificates =
        reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| error(e.to_string()))?;
    if certificates.is_empty() {
        return Err(error("it holds no PEM certificate".into()));
    }
    Ok(certificates)
}

/// Sorts a reqwest failure: before the request went out (no connection, TLS handshake refused,
/// connect timeout) or after (no full answer: the server may have acted on it).
fn classify(host: &str, error: &reqwest::Error) -> HttpError {
    let host = host.to_string();
    let mut chain = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(current) = source {
        chain.push(current.to_string());
        source = current.source();
    }
    let text = chain.join(": ").to_ascii_lowercase();
    let detail = chain.last().cloned().unwrap_or_default();
    if error.is_connect() {
        if error.is_timeout() {
            HttpError::Timeout { host }
        } else if text.contains("certificate")
            || text.contains("tls")
            || text.contains("handshake")
            || text.contains("unknownissuer")
        {
            HttpError::Tls { host, detail }
        } else {
            HttpError::Connect { host }
        }
    } else if error.is_timeout() || error.is_body() || error.is_decode() || error.is_request() {
        // Sent, and the answer did not come in full ("connection closed before message
        // completed", a TLS session cut without close_notify, a reset, a timeout).
        HttpError::Interrupted { host }
    } else {
        HttpError::Other { host, detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_server_that_asked_to_wait_is_left_alone_until_then() {
        let gate = HostGate::default();
        let okta = server_of(&"https://co.okta.com/oauth2/v1/token".parse().unwrap());
        let other = server_of(&"https://co.okta.com:8443/oauth2/v1/token".parse().unwrap());
        assert_eq!(okta, "https://co.okta.com");
        assert_eq!(gate.held(&okta), None);
        gate.hold(&okta, Duration::from_secs(30));
        // A shorter wait asked later does not shorten it.
        gate.hold(&okta, Duration::from_secs(5));
        assert_eq!(gate.held(&okta), Some(Duration::from_secs(30)));
        assert_eq!(gate.held(&other), None, "another server");
        tokio::time::advance(Duration::from_secs(29)).await;
        assert_eq!(gate.held(&okta), Some(Duration::from_secs(1)));
        tokio::time::advance(Duration::from_secs(1)).await;
        assert_eq!(gate.held(&okta), None);
        // A wait past what the clock can hold changes nothing.
        gate.hold(&okta, Duration::MAX);
    }

    #[test]
    fn the_clock_offset_is_signed_and_clamped() {
        let local = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let hour = Duration::from_secs(3600);
        assert_eq!(clock_offset(local + hour, local), 3600);
        assert_eq!(clock_offset(local - hour, local), -3600);
        assert_eq!(clock_offset(local, local), 0);
        let year = Duration::from_secs(365 * 24 * 3600);
        assert_eq!(clock_offset(local + year, local), 24 * 3600);
        assert_eq!(clock_offset(local - year, local), -24 * 3600);
    }

    #[test]
    fn a_cached_response_does_not_set_the_clock() {
        let client = HttpClient::new(None).unwrap();
        let mut headers = reqwest::header::HeaderMap::new();
        let an_hour_ahead = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
        headers.insert(reqwest::header::DATE, an_hour_ahead.parse().unwrap());
        headers.insert(reqwest::header::AGE, "120".parse().unwrap());
        client.learn_clock(&headers);
        assert_eq!(
            client.clock_offset_seconds(),
            0,
            "Age: the date may be stale"
        );
        headers.remove(reqwest::header::AGE);
        client.learn_clock(&headers);
        assert!((3598..=3601).contains(&client.clock_offset_seconds()));
    }
}
