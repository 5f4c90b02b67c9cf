//! Reading a token endpoint's answer: pure, total and fuzzed. Tokens from a 2xx, the OAuth
//! error of a 4xx, anything else (a captive portal's page, a truncated body) as unexpected; an
//! unusable 2xx that still carries a new refresh token gives that token back, since the provider
//! has rotated and it must not be lost.

use std::time::{Duration, SystemTime};

use serde::Deserialize;

use super::oauth_error;
use crate::error::SignInError;
use crate::secret::{AccessToken, IdToken, RefreshToken};

/// The longest access token lifetime believed; a longer `expires_in` is cut to this.
pub const MAX_ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);
/// The lifetime assumed when a token response has no `expires_in` (Okta's default).
const DEFAULT_ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(3600);

/// The tokens from a token response. The access token stays in memory; the refresh token goes
/// to the keychain; the ID token is kept for the end-session request.
#[derive(Debug)]
pub struct TokenSet {
    pub access_token: AccessToken,
    pub refresh_token: Option<RefreshToken>,
    pub id_token: Option<IdToken>,
    /// When the access token expires, by this device's clock.
    pub expires_at: SystemTime,
    pub scopes: Vec<String>,
    /// `token_type` DPoP (RFC 9449 §5): the access token goes with a proof of the session's key
    /// (`Authorization: DPoP`), never as a bearer token.
    pub dpop_bound: bool,
}

/// A token request that failed. When the provider answered with something unusable that still
/// carried a new refresh token (so the old one is spent), that token rides along: it must not be
/// lost.
#[derive(Debug)]
pub struct TokenFailure {
    pub error: SignInError,
    pub rotated: Option<RefreshToken>,
}

impl From<SignInError> for TokenFailure {
    fn from(error: SignInError) -> Self {
        Self {
            error,
            rotated: None,
        }
    }
}

/// Reads a token endpoint's answer: tokens (2xx), an OAuth error (4xx), or something else (a
/// captive portal's page, a truncated body). Pure and total. When a 2xx answer is unusable but
/// carries a `refresh_token`, that token is returned in the [`TokenFailure`]: the provider has
/// rotated, so it must not be lost. `now` is this device's time, for the access token's expiry.
pub fn parse_token_response(
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
    now: SystemTime,
) -> Result<TokenSet, TokenFailure> {
    let unexpected = |detail: String| SignInError::UnexpectedResponse {
        what: "token response",
        detail,
    };
    let json = content_type.is_none_or(|ct| {
        let essence = ct.split(';').next().unwrap_or_default().trim();
        essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
    });
    if !(200..300).contains(&status) {
        return Err(match json {
            true => oauth_error(status, body, "token response"),
            false => unexpected(format!("HTTP {status}")),
        }
        .into());
    }
    let answer = if json {
        serde_json::from_slice::<TokenAnswer>(body)
            .map_err(|e| e.to_string())
            .and_then(|answer| {
                let known = answer.token_type.eq_ignore_ascii_case("bearer")
                    || answer.token_type.eq_ignore_ascii_case("dpop");
                if known {
                    Ok(answer)
                } else {
                    Err(format!(
                        "token type {:?} is neither Bearer nor DPoP",
                        answer.token_type
                    ))
                }
            })
    } else {
        Err(format!(
            "{} instead of JSON",
            content_type.unwrap_or_default()
        ))
    };
    match answer {
        Ok(answer) => Ok(token_set(answer, now)),
        // Whatever went wrong, a refresh token in a 2xx answer is the provider's rotation.
        Err(detail) => Err(TokenFailure {
            error: unexpected(detail),
            rotated: rotated_refresh_token(body),
        }),
    }
}

/// The `refresh_token` of a token response that failed to parse as a whole (a bad `expires_in`,
/// an unknown `token_type`): the provider has rotated, so the new token must be kept.
pub fn rotated_refresh_token(body: &[u8]) -> Option<RefreshToken> {
    #[derive(Deserialize)]
    struct Rotated {
        refresh_token: String,
    }
    serde_json::from_slice::<Rotated>(body)
        .ok()
        .map(|r| r.refresh_token)
        .filter(|token| plausible_refresh_token(token))
        .map(RefreshToken::new)
}

/// A refresh token worth keeping: not empty, and not larger than any provider issues.
fn plausible_refresh_token(token: &str) -> bool {
    !token.is_empty() && token.len() <= 4096
}

/// When a token that lives `lifetime` from now expires: unknown lifetimes are Okta's hour,
/// and no lifetime is believed past [`MAX_ACCESS_TOKEN_LIFETIME`].
pub fn expiry_after(lifetime: Option<Duration>, now: SystemTime) -> SystemTime {
    let lifetime = lifetime
        .unwrap_or(DEFAULT_ACCESS_TOKEN_LIFETIME)
        .min(MAX_ACCESS_TOKEN_LIFETIME);
    now.checked_add(lifetime).unwrap_or(now)
}

/// A successful token answer (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3). The ID token stays a
/// string here: it is parsed and judged by [`verify_id_token`], so a bad claim in it cannot make
/// the rest of the answer, and its rotated refresh token, unreadable.
#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    token_type: String,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    id_token: Option<String>,
    #[serde(default)]
    scope: Option<String>,
}

fn token_set(answer: TokenAnswer, now: SystemTime) -> TokenSet {
    TokenSet {
        dpop_bound: answer.token_type.eq_ignore_ascii_case("dpop"),
        access_token: AccessToken::new(answer.access_token),
        refresh_token: answer
            .refresh_token
            .filter(|token| plausible_refresh_token(token))
            .map(RefreshToken::new),
        id_token: answer.id_token.map(IdToken::new),
        expires_at: expiry_after(answer.expires_in.map(Duration::from_secs), now),
        scopes: answer
            .scope
            .map(|scope| scope.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
    }
}
