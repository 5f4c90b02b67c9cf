//! Sign-in on another device: the device authorization grant (RFC 8628), for a machine whose
//! browser cannot hand a link back to POINT (an SSH session, a kiosk, a locked-down VDI). Okta
//! gives a short user code and a page; the person opens the page on any device (a phone), checks
//! the code and signs in there, while POINT asks the token endpoint at the interval Okta set until
//! it answers with tokens or says the sign-in is over. The answers are read by pure, total
//! functions, and the waiting rules are a pure state machine ([`Polling`]), so each is tested
//! without a clock or a network.

use std::time::{Duration, SystemTime};

use serde::Deserialize;
use url::Url;

use crate::error::SignInError;
use crate::oidc::{oauth_error, parse_token_response, TokenFailure, TokenSet};
use crate::retry::{Backoff, RetryPolicy};
use crate::secret::{DeviceCode, RefreshToken};

/// The grant type of the token request that redeems a device code.
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";
/// RFC 8628 §3.2: the interval when the provider gives none.
const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);
/// RFC 8628 §3.5: `slow_down` adds 5 seconds, for that poll and every later one.
const SLOW_DOWN_STEP: Duration = Duration::from_secs(5);
/// The longest interval believed (a provider asking for more is cut to this; Okta asks for 5 s).
/// POINT never polls sooner than the provider asks below it.
const MAX_INTERVAL: Duration = Duration::from_secs(300);
/// The longest back-off after network trouble (never shorter than the interval; see
/// [`network_backoff`]).
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// The longest code lifetime believed (Okta's is 10 minutes).
const MAX_LIFETIME: Duration = Duration::from_secs(30 * 60);
/// The longest user code shown (Okta's are 8 letters).
const MAX_USER_CODE: usize = 64;

/// What the provider gave for one sign-in on another device: what the person needs (the code
/// and the page), and what POINT keeps to itself (the device code).
pub struct DeviceAuthorization {
    device_code: DeviceCode,
    /// The code the person checks or types on the page, as the provider formats it.
    pub user_code: String,
    /// The page to open on another device.
    pub verification_uri: Url,
    /// The page with the code already filled in (for a link or a QR code), when offered.
    pub verification_uri_complete: Option<Url>,
    /// When the code stops working, by this device's clock.
    pub expires_at: SystemTime,
    /// How long to wait between two polls, as the provider asked.
    pub interval: Duration,
}

impl std::fmt::Debug for DeviceAuthorization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceAuthorization")
            .field("device_code", &self.device_code)
            .field("user_code", &self.user_code)
            .field("verification_uri", &self.verification_uri.as_str())
            .field("expires_at", &self.expires_at)
            .field("interval", &self.interval)
            .finish()
    }
}

impl DeviceAuthorization {
    pub(crate) fn device_code(&self) -> &DeviceCode {
        &self.device_code
    }
}

/// Reads the device authorization endpoint's answer. Pure and total.
pub fn parse_device_authorization(
    status: u16,
    body: &[u8],
    now: SystemTime,
) -> Result<DeviceAuthorization, SignInError> {
    #[derive(Deserialize)]
    struct Answer {
        device_code: String,
        user_code: String,
        // Okta and RFC 8628 say verification_uri; some servers used verification_url.
        #[serde(alias = "verification_url")]
        verification_uri: String,
        #[serde(default)]
        verification_uri_complete: Option<String>,
        expires_in: u64,
        #[serde(default)]
        interval: Option<u64>,
    }
    let unexpected = |detail: String| SignInError::UnexpectedResponse {
        what: "device authorization response",
        detail,
    };
    if !(200..300).contains(&status) {
        return Err(
            match oauth_error(status, body, "device authorization response") {
                SignInError::TokenRequestRefused { error, .. }
                    if error == "unauthorized_client" =>
                {
                    SignInError::DeviceGrantNotEnabled
                }
                SignInError::GrantTypeNotEnabled => SignInError::DeviceGrantNotEnabled,
                other => other,
            },
        );
    }
    let answer: Answer = serde_json::from_slice(body).map_err(|e| unexpected(e.to_string()))?;
    if answer.device_code.is_empty() {
        return Err(unexpected("an empty device_code".into()));
    }
    let user_code = answer.user_code.trim();
    if user_code.is_empty()
        || user_code.len() > MAX_USER_CODE
        || user_code.chars().any(|c| c.is_control())
    {
        return Err(unexpected("an unusable user_code".into()));
    }
    let page = |text: &str| {
        Url::parse(text)
            .ok()
            .filter(|url| url.scheme() == "https" && url.has_host())
    };
    let verification_uri = page(&answer.verification_uri)
        .ok_or_else(|| unexpected("a verification_uri that is not an https address".into()))?;
    let expires_in = Duration::from_secs(answer.expires_in).min(MAX_LIFETIME);
    if expires_in.is_zero() {
        return Err(unexpected("expires_in of 0".into()));
    }
    Ok(DeviceAuthorization {
        device_code: DeviceCode::new(answer.device_code),
        user_code: user_code.to_string(),
        verification_uri,
        verification_uri_complete: answer.verification_uri_complete.as_deref().and_then(page),
        expires_at: now + expires_in,
        interval: answer
            .interval
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_INTERVAL)
            .clamp(Duration::from_secs(1), MAX_INTERVAL),
    })
}

/// What one poll of the token endpoint answered.
#[derive(Debug)]
pub enum PollAnswer {
    Tokens(TokenSet),
    /// Nobody has signed in with the code yet.
    Pending,
    /// Polled too often: wait 5 seconds longer from now on.
    SlowDown,
    /// The person declined on the other device.
    Denied,
    /// The code expired.
    Expired,
    Failed(SignInError),
    /// A 2xx answer that could not be used but carried a refresh token: the code is spent and
    /// the provider issued a session nobody holds, which must be revoked.
    Unusable {
        error: SignInError,
        refresh_token: RefreshToken,
    },
}

/// Reads a device-code token request's answer. Pure and total.
pub fn read_poll_answer(
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
    now: SystemTime,
) -> PollAnswer {
    #[derive(Deserialize)]
    struct OAuthError {
        error: String,
    }
    if (400..500).contains(&status) {
        if let Ok(refusal) = serde_json::from_slice::<OAuthError>(body) {
            match refusal.error.as_str() {
                "authorization_pending" => return PollAnswer::Pending,
                "slow_down" => return PollAnswer::SlowDown,
                "access_denied" => return PollAnswer::Denied,
                "expired_token" => return PollAnswer::Expired,
                "unauthorized_client" => {
                    return PollAnswer::Failed(SignInError::DeviceGrantNotEnabled)
                }
                _ => {}
            }
        }
    }
    match parse_token_response(status, content_type, body, now) {
        Ok(tokens) => PollAnswer::Tokens(tokens),
        Err(TokenFailure {
            error,
            rotated: Some(refresh_token),
        }) => PollAnswer::Unusable {
            error,
            refresh_token,
        },
        Err(failure) => PollAnswer::Failed(failure.error),
    }
}

/// The waiting rules of RFC 8628 §3.5: wait the interval before each poll; `slow_down` adds 5
/// seconds for good; network trouble backs off under POINT's retry policy (twice the interval,
/// doubling up to a minute, never below the interval, never before a server's "not before") and
/// keeps trying; stop at the code's expiry, a refusal, or a failure that will not pass.
#[derive(Debug, Clone)]
pub struct Polling {
    interval: Duration,
    /// Network trouble's waits; a poll that is answered starts them again.
    backoff: Backoff,
    expires_at: SystemTime,
}

/// The retry policy of polls that met network trouble, for a given interval: the first wait is
/// twice the interval, doubling up to [`MAX_BACKOFF`] (or the interval, if that is longer). No
/// jitter: the provider's interval governs, each person's polls already start at their own
/// moment, and the rules stay a pure state machine.
fn network_backoff(interval: Duration) -> Backoff {
    RetryPolicy::new(interval.saturating_mul(2), MAX_BACKOFF.max(interval)).start_with(|_| 0)
}

/// What to do after an answer.
#[derive(Debug)]
pub enum Next {
    /// Wait this long, then poll again.
    PollAfter(Duration),
    SignedIn(Box<TokenSet>),
    Over(SignInError),
}

impl Polling {
    pub fn new(authorization: &DeviceAuthorization) -> Self {
        Self {
            interval: authorization.interval,
            backoff: network_backoff(authorization.interval),
            expires_at: authorization.expires_at,
        }
    }

    /// How long to wait before the first poll.
    pub fn first_wait(&self) -> Duration {
        self.interval
    }

    /// The provider said not to poll again before `wait` from now (a 429's `Retry-After` or
    /// `X-Rate-Limit-Reset`: [`crate::server_wait`]); call it before [`Polling::after`] with the
    /// failed answer it came with.
    pub fn not_before(&mut self, wait: Duration) {
        self.backoff.not_before(wait);
    }

    /// The next step after `answer`, at `now`.
    pub fn after(&mut self, answer: PollAnswer, now: SystemTime) -> Next {
        match answer {
            PollAnswer::Tokens(tokens) => return Next::SignedIn(Box::new(tokens)),
            PollAnswer::Pending => self.backoff.reset(),
            PollAnswer::SlowDown => {
                self.interval = (self.interval + SLOW_DOWN_STEP).min(MAX_INTERVAL);
                self.backoff = network_backoff(self.interval);
            }
            PollAnswer::Denied => return Next::Over(SignInError::DeviceSignInDenied),
            PollAnswer::Expired => return Next::Over(SignInError::DeviceCodeExpired),
            PollAnswer::Failed(error) if error.is_transient() => {
                // Okta's rate limit says when to come back: never sooner.
                if let Some(wait) = error.retry_after() {
                    self.backoff.not_before(wait);
                }
                // The policy sets no attempts and believes any server wait: always a delay.
                let wait = self
                    .backoff
                    .next_delay()
                    .unwrap_or(MAX_BACKOFF)
                    .max(self.interval);
                // Trouble that outlasts the code is said as what it is, not as an expiry.
                if now + wait >= self.expires_at {
                    return Next::Over(error);
                }
                return Next::PollAfter(wait);
            }
            // The code is spent: there is nothing more to wait for.
            PollAnswer::Failed(error) | PollAnswer::Unusable { error, .. } => {
                return Next::Over(error)
            }
        }
        self.wait(self.interval, now)
    }

    fn wait(&self, wait: Duration, now: SystemTime) -> Next {
        if now + wait >= self.expires_at {
            Next::Over(SignInError::DeviceCodeExpired)
        } else {
            Next::PollAfter(wait)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: SystemTime = SystemTime::UNIX_EPOCH;

    fn okta_answer() -> Vec<u8> {
        serde_json::json!({
            "device_code": "4ebb4d37-a2a3-4e4a-9bd3-1c5d6a1d4f8b",
            "user_code": "GDLMZQCT",
            "verification_uri": "https://company.okta.com/activate",
            "verification_uri_complete": "https://company.okta.com/activate?user_code=GDLMZQCT",
            "expires_in": 600,
            "interval": 5
        })
        .to_string()
        .into_bytes()
    }

    fn authorization(interval: u64, expires_in: u64) -> DeviceAuthorization {
        let body = serde_json::json!({
            "device_code": "d", "user_code": "ABCD-EFGH",
            "verification_uri": "https://company.okta.com/activate",
            "expires_in": expires_in, "interval": interval
        });
        parse_device_authorization(200, body.to_string().as_bytes(), NOW).unwrap()
    }

    #[test]
    fn okta_s_answer_is_read() {
        let read = parse_device_authorization(200, &okta_answer(), NOW).unwrap();
        assert_eq!(read.user_code, "GDLMZQCT");
        assert_eq!(
            read.verification_uri.as_str(),
            "https://company.okta.com/activate"
        );
        assert_eq!(
            read.verification_uri_complete.as_ref().unwrap().as_str(),
            "https://company.okta.com/activate?user_code=GDLMZQCT"
        );
        assert_eq!(read.expires_at, NOW + Duration::from_secs(600));
        assert_eq!(read.interval, Duration::from_secs(5));
        assert_eq!(
            read.device_code().expose(),
            "4ebb4d37-a2a3-4e4a-9bd3-1c5d6a1d4f8b"
        );
        // The device code never reaches a log.
        assert!(!format!(
            "{:?}",
            parse_device_authorization(200, &okta_answer(), NOW).unwrap()
        )
        .contains("4ebb4d37"));
    }

    #[test]
    fn a_rate_limited_poll_waits_as_long_as_okta_asks() {
        let authorization = parse_device_authorization(
            200,
            br#"{"device_code":"d","user_code":"ABCD-EFGH","verification_uri":"https://example.okta.com/activate","expires_in":600,"interval":5}"#,
            NOW,
        )
        .unwrap();
        let mut polling = Polling::new(&authorization);
        let limited = PollAnswer::Failed(SignInError::RateLimited {
            retry_after: Some(Duration::from_secs(45)),
        });
        let next = polling.after(limited, NOW);
        assert!(
            matches!(next, Next::PollAfter(w) if w == Duration::from_secs(45)),
            "{next:?}"
        );
        // Without a wait from Okta: the network back-off, never below the interval.
        let unsaid = PollAnswer::Failed(SignInError::RateLimited { retry_after: None });
        let next = polling.after(unsaid, NOW);
        assert!(
            matches!(next, Next::PollAfter(w) if w >= Duration::from_secs(5) && w < Duration::from_secs(45)),
            "{next:?}"
        );
    }

    #[test]
    fn bad_answers_are_typed_errors() {
        let unauthorized = br#"{"error":"unauthorized_client","error_description":"The client is not authorized to use the provided grant type."}"#;
        assert!(matches!(
            parse_device_authorization(400, unauthorized, NOW),
            Err(SignInError::DeviceGrantNotEnabled)
        ));
        for body in [
            &b"<html>portal</html>"[..],
            br#"{"device_code":"","user_code":"A","verification_uri":"https://a/x","expires_in":1}"#,
            br#"{"device_code":"d","user_code":"A","verification_uri":"http://a/x","expires_in":1}"#,
            br#"{"device_code":"d","user_code":"A","verification_uri":"https://a/x","expires_in":0}"#,
            br#"{"device_code":"d","user_code":"A\u0007","verification_uri":"https://a/x","expires_in":9}"#,
        ] {
            assert!(
                matches!(parse_device_authorization(200, body, NOW), Err(SignInError::UnexpectedResponse { .. })),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        // No interval: RFC 8628's 5 s; absurd ones are cut.
        let no_interval = br#"{"device_code":"d","user_code":"A","verification_uri":"https://a/x","expires_in":99999}"#;
        let read = parse_device_authorization(200, no_interval, NOW).unwrap();
        assert_eq!(read.interval, DEFAULT_INTERVAL);
        assert_eq!(read.expires_at, NOW + MAX_LIFETIME);
        assert_eq!(authorization(3600, 6000).interval, MAX_INTERVAL);
        assert_eq!(
            authorization(90, 600).interval,
            Duration::from_secs(90),
            "never sooner than asked"
        );
        assert_eq!(authorization(0, 600).interval, Duration::from_secs(1));
    }

    #[test]
    fn poll_answers_are_read() {
        let error = |code: &str| format!(r#"{{"error":"{code}"}}"#).into_bytes();
        let json = Some("application/json");
        assert!(matches!(
            read_poll_answer(400, json, &error("authorization_pending"), NOW),
            PollAnswer::Pending
        ));
        assert!(matches!(
            read_poll_answer(400, json, &error("slow_down"), NOW),
            PollAnswer::SlowDown
        ));
        assert!(matches!(
            read_poll_answer(400, json, &error("access_denied"), NOW),
            PollAnswer::Denied
        ));
        assert!(matches!(
            read_poll_answer(400, json, &error("expired_token"), NOW),
            PollAnswer::Expired
        ));
        assert!(matches!(
            read_poll_answer(400, json, &error("unauthorized_client"), NOW),
            PollAnswer::Failed(SignInError::DeviceGrantNotEnabled)
        ));
        assert!(matches!(
            read_poll_answer(400, json, &error("invalid_grant"), NOW),
            PollAnswer::Failed(SignInError::CodeRejected)
        ));
        assert!(matches!(
            read_poll_answer(503, Some("text/html"), b"<html>", NOW),
            PollAnswer::Failed(e) if e.is_transient()
        ));
        let tokens = br#"{"token_type":"Bearer","access_token":"a","expires_in":3600,"refresh_token":"r","id_token":"i","scope":"openid"}"#;
        assert!(matches!(
            read_poll_answer(200, json, tokens, NOW),
            PollAnswer::Tokens(_)
        ));
        // A 2xx that cannot be used but issued a refresh token: that token comes out, and
        // waiting ends (the code is spent).
        let odd = br#"{"token_type":"Mac","access_token":"a","refresh_token":"r-orphan"}"#;
        let answer = read_poll_answer(200, json, odd, NOW);
        assert!(
            matches!(&answer, PollAnswer::Unusable { refresh_token, .. } if refresh_token.expose() == "r-orphan"),
            "{answer:?}"
        );
        let mut polling = Polling::new(&authorization(5, 60));
        assert!(matches!(polling.after(answer, NOW), Next::Over(_)));
    }

    #[test]
    fn polling_waits_as_rfc_8628_says() {
        let mut polling = Polling::new(&authorization(5, 60));
        assert_eq!(polling.first_wait(), Duration::from_secs(5));
        let wait = |next: Next| match next {
            Next::PollAfter(wait) => wait.as_secs(),
            other => panic!("{other:?}"),
        };
        assert_eq!(wait(polling.after(PollAnswer::Pending, NOW)), 5);
        // slow_down: 5 s more, and it stays.
        assert_eq!(wait(polling.after(PollAnswer::SlowDown, NOW)), 10);
        assert_eq!(wait(polling.after(PollAnswer::Pending, NOW)), 10);
        // Network trouble: doubling, up to a minute, then back to the interval.
        let offline = || {
            PollAnswer::Failed(SignInError::Offline {
                host: "okta".into(),
            })
        };
        assert_eq!(wait(polling.after(offline(), NOW)), 20);
        assert_eq!(
            wait(polling.after(offline(), NOW + Duration::from_secs(1))),
            40
        );
        assert_eq!(wait(polling.after(PollAnswer::Pending, NOW)), 10);
        // A provider that says when to come back (a 429) is never polled sooner.
        polling.not_before(Duration::from_secs(30));
        assert_eq!(wait(polling.after(offline(), NOW)), 30);
        assert_eq!(wait(polling.after(offline(), NOW)), 40, "once");
        assert_eq!(wait(polling.after(PollAnswer::Pending, NOW)), 10);
        // Trouble that outlasts the code is that trouble, not an expiry.
        assert!(matches!(
            polling.after(offline(), NOW + Duration::from_secs(50)),
            Next::Over(SignInError::Offline { .. })
        ));
        // The end: the code's expiry, a refusal, a failure that will not pass.
        assert!(matches!(
            polling.after(PollAnswer::Pending, NOW + Duration::from_secs(55)),
            Next::Over(SignInError::DeviceCodeExpired)
        ));
        assert!(matches!(
            polling.after(PollAnswer::Denied, NOW),
            Next::Over(SignInError::DeviceSignInDenied)
        ));
        assert!(matches!(
            polling.after(PollAnswer::Expired, NOW),
            Next::Over(SignInError::DeviceCodeExpired)
        ));
        assert!(matches!(
            polling.after(PollAnswer::Failed(SignInError::InvalidClient), NOW),
            Next::Over(SignInError::InvalidClient)
        ));
    }

    #[test]
    fn network_trouble_never_polls_sooner_than_the_interval() {
        let offline = || {
            PollAnswer::Failed(SignInError::Offline {
                host: "okta".into(),
            })
        };
        let mut polling = Polling::new(&authorization(90, 600));
        for _ in 0..3 {
            assert!(matches!(
                polling.after(offline(), NOW),
                Next::PollAfter(wait) if wait == Duration::from_secs(90)
            ));
        }
        // From 5 s: 10, 20, 40, then a minute at most.
        let mut polling = Polling::new(&authorization(5, 600));
        let waits: Vec<u64> = (0..5)
            .map(|_| match polling.after(offline(), NOW) {
                Next::PollAfter(wait) => wait.as_secs(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(waits, [10, 20, 40, 60, 60]);
    }
}
