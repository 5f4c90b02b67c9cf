//! The client of POINT's dashboard API, following docs/dashboard-api.md: typed methods for
//! `/api/v1/me`, `/api/v1/dashboard` and the public `/api/v1/sso/okta`.
//!
//! Requests go through the sign-in's HTTP client (same trusted roots, timeouts, no redirects).
//! The access token comes from the session; a `401` with `invalid_token` leads to one refresh
//! and one retry, never a loop. A DPoP-bound token (RFC 9449) goes as `Authorization: DPoP` with
//! a proof of the session's key for each request, and a `use_dpop_nonce` answer gets one more
//! try with the dashboard's nonce (a protocol step, not a retry: see `point_auth::RetryPolicy`).
//! GETs are idempotent: connection failures, timeouts, 5xx and 429 are retried under [`RETRIES`],
//! POINT's one retry policy: [`ATTEMPTS`] in all, with jittered, doubling waits, never sooner than
//! a 429 says.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use point_auth::{
    resource_asks_for_nonce, server_wait, AuthenticationRequirement, Backoff, HttpClient,
    HttpError, RetryPolicy, SignInError, DPOP_HEADER,
};
use point_session::{Credential, Session, SessionError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use url::Url;

/// Attempts per GET, the first included.
pub const ATTEMPTS: u32 = 3;
/// The first wait between attempts; it doubles (never past [`MAX_WAIT`]), plus up to as much
/// again of jitter.
const FIRST_WAIT: Duration = Duration::from_millis(200);
const MAX_WAIT: Duration = Duration::from_secs(5);
/// Someone is waiting on these GETs: a 429 that asks for a longer wait is given back (the window
/// retries later) rather than slept on.
const LONGEST_SERVER_WAIT: Duration = Duration::from_secs(5);
/// The GETs' retry policy: 200 ms, then 400 ms, each plus up to as much again; three attempts.
pub const RETRIES: RetryPolicy = RetryPolicy::new(FIRST_WAIT, MAX_WAIT)
    .with_jitter(1.0)
    .with_attempts(ATTEMPTS)
    .with_longest_server_wait(LONGEST_SERVER_WAIT);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub user: User,
    pub organization: Organization,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metric {
    pub key: String,
    pub label: String,
    pub value: f64,
    pub unit: String,
    pub change_percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub at: String,
    pub actor: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub organization: Organization,
    pub generated_at: u64,
    pub metrics: Vec<Metric>,
    pub activity: Vec<Activity>,
}

/// What an organization's admin saved in POINT for its Okta Native App.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OktaIntegration {
    pub organization_id: String,
    pub organization_name: String,
    pub client_id: String,
    pub okta_domain: String,
    /// The Okta app requires DPoP-bound tokens (an older dashboard does not say: false).
    #[serde(default)]
    pub dpop: bool,
}

/// Why a dashboard call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DashboardError {
    Offline,
    Timeout,
    Tls(String),
    /// A 4xx: the dashboard's error code and, when it gave one, its message (in the person's
    /// language: it heard `Accept-Language`).
    Refused {
        status: u16,
        code: String,
        message: Option<String>,
    },
    /// A 5xx, with the wait a 503 asked for (`Retry-After`), if it did.
    Unavailable(u16, Option<std::time::Duration>),
    Unexpected(String),
    OktaNotConnected,
    /// The sign-in behind the token is not strong or recent enough for this request (a `401`
    /// with `insufficient_user_authentication`, RFC 9470): what the dashboard asks.
    StepUpRequired(AuthenticationRequirement),
    Session(SessionError),
}

impl DashboardError {
    /// What went wrong, in the person's language (and in English for logs).
    pub fn message(&self) -> point_i18n::Message {
        use point_i18n::Message as M;
        match self {
            Self::Offline => M::new("error-dashboard-offline"),
            Self::Timeout => M::new("error-dashboard-timeout"),
            Self::Tls(detail) => M::new("error-dashboard-tls").with("detail", detail),
            Self::Refused {
                message: Some(message),
                ..
            } => M::new("error-dashboard-said").with("message", message),
            Self::Refused { status, .. } => {
                M::new("error-dashboard-refused").with("status", status.to_string())
            }
            Self::Unavailable(status, _) => {
                M::new("error-dashboard-unavailable").with("status", status.to_string())
            }
            Self::Unexpected(detail) => M::new("error-dashboard-unexpected").with("detail", detail),
            Self::OktaNotConnected => M::new("error-okta-not-connected"),
            Self::StepUpRequired(asked) => asked.message(),
            Self::Session(error) => error.message(),
        }
    }
}

point_i18n::english_display!(DashboardError);

impl From<SessionError> for DashboardError {
    fn from(error: SessionError) -> Self {
        Self::Session(error)
    }
}

impl DashboardError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Offline => "dashboard_offline",
            Self::Timeout => "dashboard_timeout",
            Self::Tls(_) => "dashboard_tls",
            Self::Refused { .. } => "dashboard_refused",
            Self::Unavailable(..) => "dashboard_unavailable",
            Self::Unexpected(_) => "dashboard_unexpected",
            Self::OktaNotConnected => "okta_not_connected",
            Self::StepUpRequired(_) => "step_up_required",
            Self::Session(error) => error.code(),
        }
    }
}

impl From<HttpError> for DashboardError {
    fn from(error: HttpError) -> Self {
        match error {
            HttpError::Connect { .. } => Self::Offline,
            HttpError::Timeout { .. } | HttpError::Interrupted { .. } => Self::Timeout,
            HttpError::Tls { detail, .. } => Self::Tls(detail),
            HttpError::ServerError {
                status,
                retry_after,
                ..
            } => Self::Unavailable(status, retry_after),
            HttpError::TooLarge { .. } => Self::Unexpected("too large".into()),
            // Not sent: the dashboard asked POINT to wait (its 429 or 503).
            HttpError::HeldBack { retry_after, .. } => Self::Unavailable(429, Some(retry_after)),
            HttpError::Other { detail, .. } => Self::Unexpected(detail),
        }
    }
}

/// See the crate documentation.
#[derive(Clone)]
pub struct DashboardClient {
    base: Url,
    http: Arc<HttpClient>,
    /// The person's language, for the labels and summaries the dashboard sends.
    accept_language: Option<String>,
}

impl DashboardClient {
    pub fn new(base: Url, http: Arc<HttpClient>) -> Self {
        Self {
            base,
            http,
            accept_language: None,
        }
    }

    /// Asks the dashboard for its words in this language (`Accept-Language`, e.g.
    /// `de, en;q=0.5`).
    pub fn speaking(mut self, accept_language: &str) -> Self {
        self.accept_language = Some(accept_language.to_string());
        self
    }

    /// The signed-in user and organization.
    pub async fn me(&self, session: &Session) -> Result<Me, DashboardError> {
        self.signed_in_get(session, "/api/v1/me").await
    }

    /// The organization's dashboard.
    pub async fn dashboard(&self, session: &Session) -> Result<Dashboard, DashboardError> {
        self.signed_in_get(session, "/api/v1/dashboard").await
    }

    /// The Okta settings an organization saved for the email's domain (public endpoint).
    pub async fn okta_settings_for_email(
        &self,
        email: &str,
    ) -> Result<OktaIntegration, DashboardError> {
        let mut url = self.url("/api/v1/sso/okta")?;
        url.query_pairs_mut().append_pair("email", email.trim());
        let response = self.get_with_retries(&url, None).await?;
        match response.status().as_u16() {
            200 => parse(response.body()),
            404 => Err(DashboardError::OktaNotConnected),
            status => Err(refused(status, response.body())),
        }
    }

    async fn signed_in_get<T: DeserializeOwned>(
        &self,
        session: &Session,
        path: &str,
    ) -> Result<T, DashboardError> {
        let url = self.url(path)?;
        let credential = session.credential().await?;
        let response = self.signed_in_get_once(&url, &credential).await?;
        let response = if is_invalid_token(&response) {
            // The token was refused: refresh once and retry once.
            session.discard_access_token(&credential.access_token).await;
            let credential = session.credential().await?;
            self.signed_in_get_once(&url, &credential).await?
        } else {
            response
        };
        if let Some(asked) = step_up_asked(&response) {
            // The token is good, the sign-in behind it not strong or recent enough for this
            // (RFC 9470): a refresh would not change that, a stronger sign-in does.
            return Err(DashboardError::StepUpRequired(asked));
        }
        match response.status().as_u16() {
            200 => parse(response.body()),
            status => Err(refused(status, response.body())),
        }
    }

    /// A GET with the credential. A DPoP-bound token goes with a proof; a dashboard that asks
    /// for a nonce of its own (`use_dpop_nonce`) gets the request once more with it.
    async fn signed_in_get_once(
        &self,
        url: &Url,
        credential: &Credential,
    ) -> Result<http::Response<Vec<u8>>, DashboardError> {
        let response = self.get_with_retries(url, Some(credential)).await?;
        let Some(dpop) = &credential.dpop else {
            return Ok(response);
        };
        dpop.remember_nonce(url, response.headers());
        let asks = resource_asks_for_nonce(response.status().as_u16(), response.headers());
        if asks && dpop.has_nonce_for(url) {
            return self.get_with_retries(url, Some(credential)).await;
        }
        Ok(response)
    }

    /// A GET under [`RETRIES`] (each attempt with a new proof).
    async fn get_with_retries(
        &self,
        url: &Url,
        credential: Option<&Credential>,
    ) -> Result<http::Response<Vec<u8>>, DashboardError> {
        let http = &self.http;
        retrying(
            RETRIES.start(),
            || http.server_now(),
            || async {
                let mut request = get(url, credential, http.server_now())?;
                if let Some(language) = self
                    .accept_language
                    .as_deref()
                    .and_then(|l| http::HeaderValue::from_str(l).ok())
                {
                    request
                        .headers_mut()
                        .insert(http::header::ACCEPT_LANGUAGE, language);
                }
                tracing::debug!(target: "launch", path = url.path(), "a dashboard request goes out");
                let response = http.execute(request).await?;
                tracing::debug!(target: "launch", path = url.path(), status = response.status().as_u16(), "a dashboard answer");
                Ok(response)
            },
        )
        .await
    }

    fn url(&self, path: &str) -> Result<Url, DashboardError> {
        self.base
            .join(path)
            .map_err(|e| DashboardError::Unexpected(e.to_string()))
    }
}

/// Sends with `send` until it gets an answer worth keeping, waiting as `backoff` says between
/// attempts: connection failures, timeouts and 5xx are tried again, and so is a 429, never sooner
/// than its `Retry-After` or `X-Rate-Limit-Reset` (read at `now`, the servers' time). When the
/// attempts are spent, or the server asks for a longer wait than the policy takes, the last
/// outcome is the answer.
async fn retrying<Send, Sent>(
    mut backoff: Backoff,
    now: impl Fn() -> SystemTime,
    mut send: Send,
) -> Result<http::Response<Vec<u8>>, DashboardError>
where
    Send: FnMut() -> Sent,
    Sent: Future<Output = Result<http::Response<Vec<u8>>, DashboardError>>,
{
    loop {
        let outcome = send().await;
        match &outcome {
            Err(DashboardError::Unavailable(429, Some(wait))) if *wait <= LONGEST_SERVER_WAIT => {
                // Held back by the process's gate (a 429 it remembers, met a moment before the
                // server's "not before" this loop read): nothing went out, so no attempt is
                // spent; it goes when the gate opens.
                tokio::time::sleep(*wait).await;
                continue;
            }
            Ok(response) if response.status() == http::StatusCode::TOO_MANY_REQUESTS => {
                if let Some(wait) = server_wait(429, response.headers(), now()) {
                    backoff.not_before(wait);
                }
            }
            Err(DashboardError::Unavailable(_, retry_after)) => {
                if let Some(wait) = retry_after {
                    backoff.not_before(*wait);
                }
            }
            Err(DashboardError::Offline | DashboardError::Timeout) => {}
            _ => return outcome,
        }
        match backoff.next_delay() {
            Some(delay) => tokio::time::sleep(delay).await,
            None => return outcome,
        }
    }
}

/// A GET request; with a credential, `Authorization: Bearer`, or for a DPoP-bound token
/// `Authorization: DPoP` and a proof for this request (`now`: the servers' time).
fn get(
    url: &Url,
    credential: Option<&Credential>,
    now: SystemTime,
) -> Result<http::Request<Vec<u8>>, DashboardError> {
    let mut request =
        http::Request::get(url.as_str()).header(http::header::ACCEPT, "application/json");
    match credential {
        Some(Credential {
            access_token,
            dpop: Some(dpop),
        }) => {
            // A key that cannot sign (its TPM busy or gone) sends nothing: the session's error.
            let proof = dpop
                .proof("GET", url, Some(access_token), now)
                .map_err(|e| DashboardError::Session(SessionError::from(SignInError::from(e))))?;
            request = request
                .header(
                    http::header::AUTHORIZATION,
                    format!("DPoP {}", access_token.expose()),
                )
                .header(DPOP_HEADER, proof);
        }
        Some(Credential {
            access_token,
            dpop: None,
        }) => {
            request = request.header(
                http::header::AUTHORIZATION,
                format!("Bearer {}", access_token.expose()),
            );
        }
        None => {}
    }
    request
        .body(Vec::new())
        .map_err(|e| DashboardError::Unexpected(e.to_string()))
}

fn is_invalid_token(response: &http::Response<Vec<u8>>) -> bool {
    response.status() == http::StatusCode::UNAUTHORIZED
        && response
            .headers()
            .get_all(http::header::WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.contains("invalid_token"))
}

/// What a `401` asks of the sign-in (RFC 9470's `insufficient_user_authentication`), if that
/// is what it says.
fn step_up_asked(response: &http::Response<Vec<u8>>) -> Option<AuthenticationRequirement> {
    if response.status() != http::StatusCode::UNAUTHORIZED {
        return None;
    }
    response
        .headers()
        .get_all(http::header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(point_auth::step_up_challenge)
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, DashboardError> {
    serde_json::from_slice(body).map_err(|e| DashboardError::Unexpected(e.to_string()))
}

fn refused(status: u16, body: &[u8]) -> DashboardError {
    #[derive(Deserialize)]
    struct ErrorBody {
        error: String,
        message: String,
    }
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(error) => DashboardError::Refused {
            status,
            code: error.error,
            message: Some(error.message),
        },
        Err(_) => DashboardError::Refused {
            status,
            code: "http_error".into(),
            message: None,
        },
    }
}

#[cfg(test)]
mod tests {
    //! The GETs' retries against a fake server, on tokio's paused clock: what is tried again,
    //! how often, and how long it waits (to the millisecond: the jitter is fixed).

    use std::collections::VecDeque;
    use std::sync::Mutex;
    use std::time::UNIX_EPOCH;

    use tokio::time::Instant;

    use super::*;

    const NOW: SystemTime = UNIX_EPOCH;

    fn answer(
        status: u16,
        headers: &[(&str, &str)],
    ) -> Result<http::Response<Vec<u8>>, DashboardError> {
        let mut response = http::Response::builder().status(status);
        for (name, value) in headers {
            response = response.header(*name, *value);
        }
        Ok(response.body(Vec::new()).unwrap())
    }

    /// Plays `script` one outcome per attempt (then 200s); says how many attempts there were,
    /// when the last one went out, and the outcome.
    async fn run(
        backoff: Backoff,
        script: Vec<Result<http::Response<Vec<u8>>, DashboardError>>,
    ) -> (usize, Duration, Result<u16, DashboardError>) {
        let script = Mutex::new(VecDeque::from(script));
        let attempts = Mutex::new(Vec::new());
        let start = Instant::now();
        let outcome = retrying(
            backoff,
            || NOW,
            || {
                attempts.lock().unwrap().push(start.elapsed());
                let next = script.lock().unwrap().pop_front();
                async move { next.unwrap_or_else(|| answer(200, &[])) }
            },
        )
        .await;
        let attempts = attempts.into_inner().unwrap();
        (
            attempts.len(),
            *attempts.last().unwrap(),
            outcome.map(|response| response.status().as_u16()),
        )
    }

    fn no_jitter(_: u64) -> u64 {
        0
    }
    fn most_jitter(bound: u64) -> u64 {
        bound
    }
    const fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[tokio::test(start_paused = true)]
    async fn passing_trouble_is_tried_again_with_doubling_waits() {
        let trouble = vec![Err(DashboardError::Offline), Err(DashboardError::Timeout)];
        assert_eq!(
            run(RETRIES.start_with(no_jitter), trouble.clone()).await,
            (3, ms(200 + 400), Ok(200))
        );
        // With the most jitter: as much again.
        assert_eq!(
            run(RETRIES.start_with(most_jitter), trouble).await,
            (3, ms(400 + 800), Ok(200))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn three_attempts_in_all_then_the_last_failure() {
        let outage = vec![Err(DashboardError::Unavailable(503, None)); 5];
        assert_eq!(
            run(RETRIES.start_with(no_jitter), outage).await,
            (3, ms(600), Err(DashboardError::Unavailable(503, None)))
        );
        // Production's jitter: up to as much again, never less.
        let start = Instant::now();
        let outage = vec![Err(DashboardError::Offline); 5];
        let (attempts, _, outcome) = run(RETRIES.start(), outage).await;
        assert_eq!((attempts, outcome), (3, Err(DashboardError::Offline)));
        assert!(
            (ms(600)..=ms(1200)).contains(&start.elapsed()),
            "{:?}",
            start.elapsed()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_503_is_tried_again_no_sooner_than_its_retry_after() {
        let outage = vec![Err(DashboardError::Unavailable(503, Some(ms(1500))))];
        assert_eq!(
            run(RETRIES.start_with(no_jitter), outage).await,
            (2, ms(1500), Ok(200))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn what_will_not_pass_is_not_tried_again() {
        for failure in [
            Err(DashboardError::Tls("unknown issuer".into())),
            Err(DashboardError::Unexpected("too large".into())),
            Err(DashboardError::Session(SessionError::NotSignedIn)),
            answer(
                401,
                &[("www-authenticate", r#"Bearer error="invalid_token""#)],
            ),
            answer(403, &[]),
            answer(404, &[]),
        ] {
            let expected = failure
                .as_ref()
                .map(|r| r.status().as_u16())
                .map_err(Clone::clone);
            assert_eq!(
                run(RETRIES.start_with(no_jitter), vec![failure]).await,
                (1, Duration::ZERO, expected)
            );
        }
    }

    #[test]
    fn a_401_that_asks_for_a_stronger_sign_in_is_a_step_up_not_a_refresh() {
        let challenge = r#"Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:okta:loa:2fa:any", max_age=900"#;
        let response = answer(401, &[("www-authenticate", challenge)]).unwrap();
        assert!(
            !is_invalid_token(&response),
            "no refresh: it would not help"
        );
        let asked = step_up_asked(&response).expect("a step-up");
        assert_eq!(asked.acr_values, ["urn:okta:loa:2fa:any"]);
        assert_eq!(asked.max_age, Some(Duration::from_secs(900)));
        let error = DashboardError::StepUpRequired(asked);
        assert_eq!(error.code(), "step_up_required");
        assert!(error.to_string().contains("two factors"), "{error}");
        // Not every 401, and not another status with the same words.
        let expired = answer(
            401,
            &[("www-authenticate", r#"Bearer error="invalid_token""#)],
        );
        assert_eq!(step_up_asked(&expired.unwrap()), None);
        let forbidden = answer(403, &[("www-authenticate", challenge)]).unwrap();
        assert_eq!(step_up_asked(&forbidden), None);
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_is_tried_again_no_sooner_than_it_says() {
        // Retry-After in seconds, then Okta's reset (epoch seconds, from the servers' time).
        let limited = vec![
            answer(429, &[("retry-after", "2")]),
            answer(429, &[("x-rate-limit-reset", "3")]),
        ];
        assert_eq!(
            run(RETRIES.start_with(no_jitter), limited).await,
            (3, ms(2000 + 3000), Ok(200))
        );
        // Without a word of when: the policy's waits.
        let limited = vec![answer(429, &[]), answer(429, &[("retry-after", "soon")])];
        assert_eq!(
            run(RETRIES.start_with(no_jitter), limited).await,
            (3, ms(600), Ok(200))
        );
        // Longer than someone should wait on a screen: given back at once.
        let limited = vec![answer(429, &[("retry-after", "60")])];
        assert_eq!(
            run(RETRIES.start_with(no_jitter), limited).await,
            (1, Duration::ZERO, Ok(429))
        );
        // Still limited after the last attempt: the 429 is the answer.
        let limited = vec![answer(429, &[]); 3];
        assert_eq!(
            run(RETRIES.start_with(no_jitter), limited).await,
            (3, ms(600), Ok(429))
        );
    }

    /// The client itself (production's jitter) against the in-process Okta and dashboard.
    #[tokio::test(start_paused = true)]
    async fn the_client_waits_out_okta_s_rate_limit_and_an_outage() {
        use point_fake_okta::{Endpoint, FakeOkta, Fault, DASHBOARD};

        let okta = FakeOkta::new();
        let client = DashboardClient::new(
            Url::parse(DASHBOARD).unwrap(),
            okta.http_client(Duration::from_secs(30)),
        );
        let lookup = || client.okta_settings_for_email("alice@example.com");

        // A 429 whose reset is 3 s ahead (whole epoch seconds: 2 to 3 s from now), then a 503
        // (200 to 400 ms doubled, plus up to as much again), then the answer.
        okta.fail_next(
            Endpoint::EmailLookup,
            Fault::RateLimited(Duration::from_secs(3)),
        );
        okta.fail_next(Endpoint::EmailLookup, Fault::Status(503));
        let start = Instant::now();
        let found = lookup().await.unwrap();
        assert_eq!(found.organization_name, "Example Corp");
        assert_eq!(okta.count(Endpoint::EmailLookup), 3);
        assert!(
            (ms(2000 + 400)..=ms(3000 + 800)).contains(&start.elapsed()),
            "{:?}",
            start.elapsed()
        );

        // A rate limit that lasts a minute is given back at once, as the dashboard's refusal.
        okta.fail_next(
            Endpoint::EmailLookup,
            Fault::RateLimited(Duration::from_secs(60)),
        );
        let start = Instant::now();
        assert!(matches!(
            lookup().await,
            Err(DashboardError::Refused { status: 429, .. })
        ));
        assert_eq!(start.elapsed(), Duration::ZERO);
        assert_eq!(okta.count(Endpoint::EmailLookup), 4);
        // Within that minute nothing goes to the dashboard: the next lookup is held back.
        assert!(matches!(
            lookup().await,
            Err(DashboardError::Unavailable(429, Some(_)))
        ));
        assert_eq!(okta.count(Endpoint::EmailLookup), 4);
        tokio::time::sleep(Duration::from_secs(60)).await;

        // No connection three times: three attempts, then offline.
        let start = Instant::now();
        for _ in 0..3 {
            okta.fail_next(Endpoint::EmailLookup, Fault::Unreachable);
        }
        assert_eq!(lookup().await.unwrap_err(), DashboardError::Offline);
        assert!((ms(600)..=ms(1200)).contains(&start.elapsed()));
    }
}
