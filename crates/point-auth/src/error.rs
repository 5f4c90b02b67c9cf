//! Everything that can go wrong in a sign-in, as types a person can act on.
//!
//! Each error has a stable `code` for the UI, a message for the person signing in, and, where an
//! Okta admin must act, the admin's step from POINT's Okta setup guide. Messages never contain
//! token material, codes or verifiers.

use crate::callback::CallbackError;
use crate::config::ConfigError;
use crate::http::HttpError;

/// Why a sign-in failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    // Settings.
    #[error(transparent)]
    Config(#[from] ConfigError),

    // Reaching the provider.
    #[error("POINT could not connect to {host}. Check your internet connection and try again.")]
    Offline { host: String },
    #[error("{host} did not answer in time. Check your connection and try again.")]
    Timeout { host: String },
    #[error("The connection to {host} broke before its answer arrived. Check your connection and try again.")]
    Interrupted { host: String },
    #[error("POINT could not make a secure connection to {host} ({detail}).")]
    Tls { host: String, detail: String },
    #[error("Okta ({host}) is having problems (HTTP {status}). {}", when_again(*retry_after))]
    ProviderUnavailable {
        host: String,
        status: u16,
        /// The wait a 503 asked for (`Retry-After`), if it did.
        retry_after: Option<std::time::Duration>,
    },
    #[error("Okta's answer could not be read ({what}). Try again; if it keeps happening, contact support.")]
    UnexpectedResponse { what: &'static str, detail: String },

    // Discovery.
    #[error("The Okta domain does not lead to an Okta authorization server (HTTP {status} for its OpenID configuration).")]
    NotAnAuthorizationServer { status: u16 },
    #[error("The Okta authorization server calls itself {found}, not {expected}.")]
    IssuerMismatch { expected: String, found: String },
    #[error("The Okta authorization server does not offer PKCE with S256, which POINT requires.")]
    PkceUnsupported,

    // The callback.
    #[error("POINT received a sign-in link it cannot use: {0}.")]
    InvalidCallback(CallbackError),
    #[error("POINT received a sign-in response, but no sign-in is in progress. Start the sign-in again from POINT.")]
    NoPendingSignIn,
    #[error("The sign-in took too long and expired. Start it again.")]
    SignInExpired,
    #[error(
        "This sign-in response does not belong to the sign-in in progress, so POINT ignored it."
    )]
    StateMismatch,
    #[error("This sign-in response came from a different identity provider than the one POINT asked, so POINT ignored it.")]
    CallbackIssuerMismatch,

    // Okta refused the sign-in.
    #[error("You are not assigned to POINT in Okta.")]
    NotAssigned,
    #[error("Your organization's Okta access policy does not allow you to sign in to POINT.")]
    AccessPolicyDenied,
    #[error("Okta denied the sign-in{}.", description_suffix(.description))]
    AccessDenied { description: Option<String> },
    #[error("POINT's Okta app is not allowed to sign you in this way.")]
    GrantTypeNotEnabled,
    #[error("POINT's sign-in address is not registered in your organization's Okta app.")]
    RedirectUriNotRegistered,
    #[error("Okta does not recognize POINT's Client ID.")]
    InvalidClient,
    #[error("Okta refused the permissions POINT asks for{}.", description_suffix(.description))]
    ScopeNotAllowed { description: Option<String> },
    #[error("Okta needs you to sign in again.")]
    LoginRequired,
    #[error("Okta could not complete the sign-in ({error}{}).", description_suffix(.description))]
    AuthorizationFailed {
        error: String,
        description: Option<String>,
    },
    /// The token endpoint refused the authorization code (`invalid_grant` for a code).
    #[error("The sign-in took too long or was interrupted. Try again.")]
    CodeRejected,
    /// The token endpoint refused the refresh token (`invalid_grant` for a refresh): the
    /// provider ended the session (revoked, expired, reused, the user deactivated).
    #[error("Your session ended. Sign in again.")]
    RefreshTokenRejected,
    #[error("Okta refused to issue tokens ({error}{}).", description_suffix(.description))]
    TokenRequestRefused {
        error: String,
        description: Option<String>,
    },

    // The tokens.
    #[error("Okta's answer had no ID token. Check that the app's scopes include openid.")]
    MissingIdToken,
    #[error("Your organization's Okta does not offer sign-in on another device.")]
    DeviceGrantNotOffered,
    #[error("POINT's Okta app is not allowed to sign in on another device.")]
    DeviceGrantNotEnabled,
    #[error("The sign-in on the other device was declined.")]
    DeviceSignInDenied,
    #[error("The code expired before anyone signed in with it. Start again for a new code.")]
    DeviceCodeExpired,
    #[error("POINT could not listen on 127.0.0.1 for the sign-in's answer ({0}).")]
    LoopbackUnavailable(String),
    /// `invalid_dpop_proof` from the token endpoint: no proof where the app requires one, or a
    /// proof Okta would not take.
    #[error(
        "Okta refused POINT's proof of possession (DPoP){}.",
        description_suffix(description)
    )]
    DpopProofRefused { description: Option<String> },
    /// Okta refused the request before acting on it (HTTP 429: its rate limit for this org
    /// and endpoint was reached); `retry_after` is its "not before" (`X-Rate-Limit-Reset`,
    /// `Retry-After`) when it gave one.
    #[error("Okta is limiting requests from your organization right now. POINT tries again {}.", wait_suffix(*retry_after))]
    RateLimited {
        retry_after: Option<std::time::Duration>,
    },
    #[error("Okta's ID token failed verification: {0}.")]
    IdToken(IdTokenError),
}

/// Why an ID token was refused. Each check has its own variant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdTokenError {
    #[error("it is not signed (alg none)")]
    Unsigned,
    #[error(
        "it is signed with a shared-secret algorithm ({0}), which a public client cannot trust"
    )]
    SymmetricAlgorithm(String),
    #[error("its algorithm {0} is not accepted")]
    DisallowedAlgorithm(String),
    #[error("its signature is invalid")]
    BadSignature,
    #[error("it is signed with a key the provider does not publish")]
    UnknownSigningKey,
    #[error("it was issued by someone else")]
    WrongIssuer,
    #[error("it was issued for another application")]
    WrongAudience,
    #[error("it has several audiences but no authorized party")]
    MissingAuthorizedParty,
    #[error("its authorized party is another application")]
    WrongAuthorizedParty,
    #[error("it has expired (check this device's date and time)")]
    Expired,
    #[error("it was issued in the future (check this device's date and time)")]
    IssuedInFuture,
    #[error("it says you signed in in the future (check this device's date and time)")]
    AuthenticatedInFuture,
    #[error("it is not valid yet (check this device's date and time)")]
    NotYetValid,
    #[error("its nonce does not match this sign-in")]
    WrongNonce,
    #[error("it has no nonce")]
    MissingNonce,
    #[error("its access token hash does not match the access token")]
    WrongAccessTokenHash,
    #[error("it names a different user than the signed-in one")]
    WrongSubject,
    #[error("it is malformed ({0})")]
    Malformed(String),
}

fn description_suffix(description: &Option<String>) -> String {
    match description {
        Some(text) if !text.is_empty() => format!(": {text}"),
        _ => String::new(),
    }
}

/// When a person may expect POINT to get through to a provider that is down.
fn when_again(wait: Option<std::time::Duration>) -> String {
    match wait.filter(|w| !w.is_zero()) {
        Some(wait) => format!(
            "POINT tries again at {}.",
            crate::retry::local_time_after(wait)
        ),
        None => "Try again in a few minutes.".into(),
    }
}

/// "at 14:05:30" (this machine's time of day once `wait` has passed), or "shortly".
fn wait_suffix(wait: Option<std::time::Duration>) -> String {
    match wait.filter(|w| !w.is_zero()) {
        Some(wait) => format!("at {}", crate::retry::local_time_after(wait)),
        None => "shortly".into(),
    }
}

const HINT_ASSIGNMENTS: &str = "In the Okta Admin Console, open Applications → Applications → the POINT Native App → Assignments, and assign this person (or a group they are in).";
const HINT_ACCESS_POLICY: &str = "In the Okta Admin Console, open Security → API → Authorization Servers → the server POINT uses → Access Policies, and add a policy and rule that allow the POINT Native App with the Authorization Code and Refresh Token grants.";
const HINT_GRANT_TYPES: &str = "In the POINT Native App's General settings, under Grant type, enable Authorization Code and Refresh Token.";
const HINT_DEVICE_GRANT: &str = "In the POINT Native App's General settings, under Grant type, enable Device Authorization; on a custom authorization server, also allow the Device Authorization grant in the access policy rule for POINT (Security → API → Authorization Servers → Access Policies).";
const HINT_REDIRECT_URI: &str = "In the POINT Native App's General settings, add org.pointapp.point:/login to Sign-in redirect URIs and org.pointapp.point:/logout to Sign-out redirect URIs.";
const HINT_CLIENT_ID: &str = "Copy the Client ID from the POINT Native App (Applications → Applications → the app → General → Client Credentials) into POINT under Organization → Integrations → Okta. The app must be a Native Application, not a Web Application.";
const HINT_SCOPES: &str = "POINT asks for openid, profile, email and offline_access. On a custom authorization server, check Security → API → Authorization Servers → Scopes and the access policy rule's scopes.";
const HINT_DOMAIN: &str = "In POINT under Organization → Integrations → Okta, the domain must be your Okta organization URL (https://company.okta.com) or a custom authorization server's issuer.";
const HINT_RATE_LIMIT: &str = "Okta's rate limits for the org were reached: Reports → Rate Limits in the Admin Console shows which endpoint and which app; raise the limit for the POINT app or find what else is calling /oauth2/v1/token so often.";
const HINT_DPOP: &str = "If the POINT Native App requires DPoP (General → Proof of possession), turn DPoP on for the organization in POINT (Organization → Integrations → Okta) or in IT's managed configuration (okta_dpop = true). POINT uses DPoP with a custom authorization server (https://company.okta.com/oauth2/…) that lists ES256 in dpop_signing_alg_values_supported.";
const HINT_TLS: &str = "If your company inspects TLS traffic, ask IT to give POINT the company's root certificate (the extra CA file setting).";

impl SignInError {
    /// A stable identifier for the UI and support.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Config(_) => "invalid_settings",
            Self::Offline { .. } => "offline",
            Self::Timeout { .. } => "timeout",
            Self::Interrupted { .. } => "interrupted",
            Self::Tls { .. } => "tls",
            Self::ProviderUnavailable { .. } => "provider_unavailable",
            Self::UnexpectedResponse { .. } => "unexpected_response",
            Self::NotAnAuthorizationServer { .. } => "not_an_authorization_server",
            Self::IssuerMismatch { .. } => "issuer_mismatch",
            Self::PkceUnsupported => "pkce_unsupported",
            Self::InvalidCallback(_) => "invalid_callback",
            Self::NoPendingSignIn => "no_pending_sign_in",
            Self::SignInExpired => "sign_in_expired",
            Self::StateMismatch => "state_mismatch",
            Self::CallbackIssuerMismatch => "callback_issuer_mismatch",
            Self::NotAssigned => "not_assigned",
            Self::AccessPolicyDenied => "access_policy_denied",
            Self::AccessDenied { .. } => "access_denied",
            Self::GrantTypeNotEnabled => "grant_type_not_enabled",
            Self::RedirectUriNotRegistered => "redirect_uri_not_registered",
            Self::InvalidClient => "invalid_client",
            Self::ScopeNotAllowed { .. } => "scope_not_allowed",
            Self::LoginRequired => "login_required",
            Self::AuthorizationFailed { .. } => "authorization_failed",
            Self::CodeRejected => "code_rejected",
            Self::RefreshTokenRejected => "refresh_token_rejected",
            Self::TokenRequestRefused { .. } => "token_request_refused",
            Self::MissingIdToken => "missing_id_token",
            Self::DeviceGrantNotOffered => "device_grant_not_offered",
            Self::DeviceGrantNotEnabled => "device_grant_not_enabled",
            Self::DeviceSignInDenied => "device_sign_in_denied",
            Self::DeviceCodeExpired => "device_code_expired",
            Self::LoopbackUnavailable(_) => "loopback_unavailable",
            Self::DpopProofRefused { .. } => "dpop_proof_refused",
            Self::RateLimited { .. } => "rate_limited",
            Self::IdToken(_) => "id_token_invalid",
        }
    }

    /// What an Okta admin (or IT) must do, when it is theirs to fix.
    pub fn admin_hint(&self) -> Option<&'static str> {
        match self {
            Self::NotAssigned => Some(HINT_ASSIGNMENTS),
            Self::AccessPolicyDenied => Some(HINT_ACCESS_POLICY),
            Self::GrantTypeNotEnabled => Some(HINT_GRANT_TYPES),
            Self::DeviceGrantNotOffered | Self::DeviceGrantNotEnabled => Some(HINT_DEVICE_GRANT),
            Self::RedirectUriNotRegistered => Some(HINT_REDIRECT_URI),
            Self::InvalidClient => Some(HINT_CLIENT_ID),
            Self::ScopeNotAllowed { .. } => Some(HINT_SCOPES),
            Self::NotAnAuthorizationServer { .. } | Self::IssuerMismatch { .. } => {
                Some(HINT_DOMAIN)
            }
            Self::Tls { .. } => Some(HINT_TLS),
            Self::DpopProofRefused { .. } => Some(HINT_DPOP),
            Self::RateLimited { .. } => Some(HINT_RATE_LIMIT),
            Self::Config(ConfigError::ClientSecretNotSupported) => Some(HINT_CLIENT_ID),
            _ => None,
        }
    }

    /// Whether trying again later, unchanged, may succeed (network and provider trouble).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Self::Offline { .. }
                | Self::Timeout { .. }
                | Self::Interrupted { .. }
                | Self::ProviderUnavailable { .. }
                | Self::UnexpectedResponse { .. }
                | Self::RateLimited { .. }
        )
    }

    /// Whether the provider surely did not act on the request: it never reached it (no
    /// connection, a connect timeout), or the provider refused it before acting (its rate
    /// limit). Then nothing it carried, such as a refresh token, can have been spent.
    pub fn provider_did_not_act(&self) -> bool {
        matches!(
            self,
            Self::Offline { .. } | Self::Timeout { .. } | Self::RateLimited { .. }
        )
    }

    /// Whether an answer came back (an error page, a 5xx other than a gateway's): the request
    /// is over, so nothing of it can still be on its way to the provider. A lost answer, a
    /// cut connection and a gateway's 502/504 are not: the provider may still be acting.
    pub fn answer_came_back(&self) -> bool {
        match self {
            Self::ProviderUnavailable { status, .. } => !matches!(status, 502 | 504),
            Self::UnexpectedResponse { .. } | Self::RateLimited { .. } => true,
            _ => false,
        }
    }

    /// How long the provider asked POINT to wait before asking again, when it did.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            Self::RateLimited { retry_after } | Self::ProviderUnavailable { retry_after, .. } => {
                *retry_after
            }
            _ => None,
        }
    }

    /// Maps an OAuth error from the authorization response (the browser leg), by Okta's words.
    pub fn from_authorization_error(error: &str, description: Option<&str>) -> Self {
        let text = description.unwrap_or_default().to_ascii_lowercase();
        let description = description.map(str::to_string);
        match error {
            "access_denied" if text.contains("not assigned") => Self::NotAssigned,
            "access_denied" if text.contains("policy evaluation failed") => {
                Self::AccessPolicyDenied
            }
            "access_denied" => Self::AccessDenied { description },
            "unauthorized_client" => Self::GrantTypeNotEnabled,
            "invalid_client" => Self::InvalidClient,
            "invalid_scope" => Self::ScopeNotAllowed { description },
            "invalid_request" if text.contains("redirect_uri") => Self::RedirectUriNotRegistered,
            "login_required" | "interaction_required" | "consent_required" => Self::LoginRequired,
            "server_error" | "temporarily_unavailable" => Self::ProviderUnavailable {
                host: "Okta".into(),
                status: 503,
                retry_after: None,
            },
            _ => Self::AuthorizationFailed {
                error: error.to_string(),
                description,
            },
        }
    }

    /// Maps an OAuth error from the token endpoint.
    pub fn from_token_error(error: &str, description: Option<&str>) -> Self {
        let text = description.unwrap_or_default().to_ascii_lowercase();
        match error {
            "invalid_grant" => Self::CodeRejected,
            "invalid_client" => Self::InvalidClient,
            "unauthorized_client" => Self::GrantTypeNotEnabled,
            "invalid_scope" => Self::ScopeNotAllowed {
                description: description.map(str::to_string),
            },
            "invalid_dpop_proof" => Self::DpopProofRefused {
                description: description.map(str::to_string),
            },
            "invalid_request" if text.contains("redirect_uri") => Self::RedirectUriNotRegistered,
            _ => Self::TokenRequestRefused {
                error: error.to_string(),
                description: description.map(str::to_string),
            },
        }
    }
}

impl From<HttpError> for SignInError {
    fn from(error: HttpError) -> Self {
        match error {
            HttpError::Connect { host } => Self::Offline { host },
            HttpError::Timeout { host } => Self::Timeout { host },
            HttpError::Interrupted { host } => Self::Interrupted { host },
            HttpError::Tls { host, detail } => Self::Tls { host, detail },
            HttpError::ServerError {
                host,
                status,
                retry_after,
            } => Self::ProviderUnavailable {
                host,
                status,
                retry_after,
            },
            HttpError::TooLarge { host } => Self::UnexpectedResponse {
                what: "too large",
                detail: host,
            },
            HttpError::HeldBack { retry_after, .. } => Self::RateLimited {
                retry_after: Some(retry_after),
            },
            HttpError::Other { host, detail } => Self::UnexpectedResponse {
                what: "request failed",
                detail: format!("{host}: {detail}"),
            },
        }
    }
}

impl From<CallbackError> for SignInError {
    fn from(error: CallbackError) -> Self {
        Self::InvalidCallback(error)
    }
}

impl From<IdTokenError> for SignInError {
    fn from(error: IdTokenError) -> Self {
        Self::IdToken(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_is_told_as_the_time_point_tries_again() {
        let limited = SignInError::RateLimited {
            retry_after: Some(std::time::Duration::from_secs(120)),
        }
        .to_string();
        let at = limited
            .split("POINT tries again at ")
            .nth(1)
            .expect("a time of day");
        let at = at.trim_end_matches('.');
        assert!(
            at.len() == 8
                && at.bytes().enumerate().all(|(i, b)| if i % 3 == 2 {
                    b == b':'
                } else {
                    b.is_ascii_digit()
                }),
            "{limited}"
        );
        assert!(SignInError::RateLimited { retry_after: None }
            .to_string()
            .ends_with("POINT tries again shortly."));
        let down = SignInError::ProviderUnavailable {
            host: "co.okta.com".into(),
            status: 503,
            retry_after: Some(std::time::Duration::from_secs(60)),
        };
        assert!(down.to_string().contains("POINT tries again at "), "{down}");
    }

    #[test]
    fn okta_authorization_errors_map_to_actions() {
        let cases = [
            ("access_denied", Some("User is not assigned to the client application."), "not_assigned", true),
            ("access_denied", Some("Policy evaluation failed for this request, please check the policy configurations."), "access_policy_denied", true),
            ("access_denied", None, "access_denied", false),
            ("unauthorized_client", Some("The client is not authorized to use the provided grant type. Configured grant types: [client_credentials]."), "grant_type_not_enabled", true),
            ("invalid_client", None, "invalid_client", true),
            ("invalid_request", Some("The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: https://co-admin.okta.com/admin/app/oidc_client/instance/0oa1/#tab-general"), "redirect_uri_not_registered", true),
            ("invalid_scope", Some("One or more scopes are not configured for the authorization server resource."), "scope_not_allowed", true),
            ("login_required", None, "login_required", false),
            ("temporarily_unavailable", None, "provider_unavailable", false),
            ("something_new", Some("x"), "authorization_failed", false),
        ];
        for (error, description, code, has_hint) in cases {
            let mapped = SignInError::from_authorization_error(error, description);
            assert_eq!(mapped.code(), code, "{error} {description:?}");
            assert_eq!(mapped.admin_hint().is_some(), has_hint, "{error}");
        }
        assert!(SignInError::NotAssigned
            .admin_hint()
            .unwrap()
            .contains("Assignments"));
        assert!(SignInError::AccessPolicyDenied
            .admin_hint()
            .unwrap()
            .contains(
                "Security → API → Authorization Servers → the server POINT uses → Access Policies"
            ));
    }

    #[test]
    fn token_errors_map_to_actions() {
        assert_eq!(
            SignInError::from_token_error(
                "invalid_grant",
                Some("PKCE verification failed for code challenge method 'S256'.")
            ),
            SignInError::CodeRejected
        );
        assert_eq!(
            SignInError::from_token_error(
                "invalid_grant",
                Some("The authorization code is invalid or has expired.")
            ),
            SignInError::CodeRejected
        );
        assert_eq!(
            SignInError::from_token_error("invalid_client", None),
            SignInError::InvalidClient
        );
        assert_eq!(
            SignInError::from_token_error("unauthorized_client", None),
            SignInError::GrantTypeNotEnabled
        );
    }

    #[test]
    fn transport_errors_stay_distinct_from_protocol_errors() {
        let offline: SignInError = HttpError::Connect {
            host: "co.okta.com".into(),
        }
        .into();
        let timeout: SignInError = HttpError::Timeout {
            host: "co.okta.com".into(),
        }
        .into();
        let tls: SignInError = HttpError::Tls {
            host: "co.okta.com".into(),
            detail: "UnknownIssuer".into(),
        }
        .into();
        let down: SignInError = HttpError::ServerError {
            host: "co.okta.com".into(),
            status: 503,
            retry_after: Some(std::time::Duration::from_secs(30)),
        }
        .into();
        assert_eq!(down.retry_after(), Some(std::time::Duration::from_secs(30)));
        assert_eq!(
            [offline.code(), timeout.code(), tls.code(), down.code()],
            ["offline", "timeout", "tls", "provider_unavailable"]
        );
        assert!(offline.is_transient() && timeout.is_transient() && down.is_transient());
        assert!(!tls.is_transient());
        assert!(tls.admin_hint().unwrap().contains("root certificate"));
        assert!(!SignInError::CodeRejected.is_transient());
    }
}
