//! Everything that can go wrong in a sign-in, as types a person can act on.
//!
//! Each error has a stable `code` for the UI, a message for the person signing in, and, where an
//! Okta admin must act, the admin's step from POINT's Okta setup guide. Messages never contain
//! token material, codes or verifiers.

use crate::callback::CallbackError;
use crate::config::ConfigError;
use crate::dpop::KeyError;
use crate::http::HttpError;
use point_i18n::Message;

/// Why a sign-in failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInError {
    // Settings.
    Config(ConfigError),

    // Reaching the provider.
    Offline {
        host: String,
    },
    Timeout {
        host: String,
    },
    Interrupted {
        host: String,
    },
    Tls {
        host: String,
        detail: String,
    },
    ProviderUnavailable {
        host: String,
        status: u16,
        /// The wait a 503 asked for (`Retry-After`), if it did.
        retry_after: Option<std::time::Duration>,
    },
    UnexpectedResponse {
        what: &'static str,
        detail: String,
    },

    // Discovery.
    NotAnAuthorizationServer {
        status: u16,
    },
    IssuerMismatch {
        expected: String,
        found: String,
    },
    PkceUnsupported,

    // The callback.
    InvalidCallback(CallbackError),
    NoPendingSignIn,
    SignInExpired,
    StateMismatch,
    CallbackIssuerMismatch,

    // Okta refused the sign-in.
    NotAssigned,
    AccessPolicyDenied,
    AccessDenied {
        description: Option<String>,
    },
    GrantTypeNotEnabled,
    RedirectUriNotRegistered,
    InvalidClient,
    ScopeNotAllowed {
        description: Option<String>,
    },
    LoginRequired,
    /// Okta could not meet the `acr_values` or `max_age` asked (`unmet_authentication_requirements`,
    /// OpenID Connect Core Unmet Authentication Requirements 1.0).
    UnmetAuthenticationRequirements {
        description: Option<String>,
    },
    AuthorizationFailed {
        error: String,
        description: Option<String>,
    },
    /// The token endpoint refused the authorization code (`invalid_grant` for a code).
    CodeRejected,
    /// The token endpoint refused the refresh token (`invalid_grant` for a refresh): the
    /// provider ended the session (revoked, expired, reused, the user deactivated).
    RefreshTokenRejected,
    TokenRequestRefused {
        error: String,
        description: Option<String>,
    },

    // The tokens.
    MissingIdToken,
    DeviceGrantNotOffered,
    DeviceGrantNotEnabled,
    DeviceSignInDenied,
    DeviceCodeExpired,
    LoopbackUnavailable(String),
    /// `invalid_dpop_proof` from the token endpoint: no proof where the app requires one, or a
    /// proof Okta would not take.
    DpopProofRefused {
        description: Option<String>,
    },
    /// Okta refused the request before acting on it (HTTP 429: its rate limit for this org
    /// and endpoint was reached); `retry_after` is its "not before" (`X-Rate-Limit-Reset`,
    /// `Retry-After`) when it gave one.
    RateLimited {
        retry_after: Option<std::time::Duration>,
    },
    IdToken(IdTokenError),
    /// The session's DPoP key could not be made or used (nothing was sent).
    Key(KeyError),
}

/// Why an ID token was refused. Each check has its own variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdTokenError {
    Unsigned,
    SymmetricAlgorithm(String),
    DisallowedAlgorithm(String),
    BadSignature,
    UnknownSigningKey,
    WrongIssuer,
    WrongAudience,
    MissingAuthorizedParty,
    WrongAuthorizedParty,
    Expired,
    IssuedInFuture,
    AuthenticatedInFuture,
    NotYetValid,
    WrongNonce,
    MissingNonce,
    WrongAccessTokenHash,
    WrongSubject,
    /// A step-up (or IT's minimum) asked for `asked` and the token shows `got`.
    WeakerThanAsked {
        asked: String,
        got: Option<String>,
    },
    /// A recent sign-in was asked (`max_age`) and the token does not say when.
    MissingAuthTime,
    /// A recent sign-in was asked (`max_age`) and the token's is older.
    AuthenticatedTooLongAgo,
    Malformed(String),
}

/// Okta's own description, when it gave one: `with` (the message that places it) or `without`.
fn described(description: &Option<String>, with: &'static str, without: &'static str) -> Message {
    match description {
        Some(text) if !text.is_empty() => Message::new(with).with("description", text),
        _ => Message::new(without),
    }
}

/// "at 14:05:30" (this machine's time of day once `wait` has passed) when the wait is known.
fn until(wait: Option<std::time::Duration>, known: &'static str, unknown: &'static str) -> Message {
    match wait.filter(|w| !w.is_zero()) {
        Some(wait) => Message::new(known).with("time", crate::retry::local_time_after(wait)),
        None => Message::new(unknown),
    }
}

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
            Self::UnmetAuthenticationRequirements { .. } => "unmet_authentication_requirements",
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
            Self::Key(KeyError::NoHardware) => "hardware_key_required",
            Self::Key(KeyError::HardwareUnavailable(_)) => "key_hardware_unavailable",
            Self::Key(KeyError::NotThisMachine) => "key_not_on_this_machine",
            Self::Key(KeyError::Unreadable | KeyError::NoRandomness) => "key_unavailable",
        }
    }

    /// What the person says to them, in their language (and in English for logs).
    pub fn message(&self) -> Message {
        use Message as M;
        match self {
            Self::Config(error) => error.message(),
            Self::Offline { host } => M::new("error-offline").with("host", host),
            Self::Timeout { host } => M::new("error-timeout").with("host", host),
            Self::Interrupted { host } => M::new("error-interrupted").with("host", host),
            Self::Tls { host, detail } => M::new("error-tls")
                .with("host", host)
                .with("detail", detail),
            Self::ProviderUnavailable {
                host,
                status,
                retry_after,
            } => until(
                *retry_after,
                "error-provider-unavailable-until",
                "error-provider-unavailable",
            )
            .with("host", host)
            .with("status", status.to_string()),
            Self::UnexpectedResponse { what, .. } => {
                M::new("error-unexpected-response").with("what", *what)
            }
            Self::NotAnAuthorizationServer { status } => {
                M::new("error-not-an-authorization-server").with("status", status.to_string())
            }
            Self::IssuerMismatch { expected, found } => M::new("error-issuer-mismatch")
                .with("expected", expected)
                .with("found", found),
            Self::PkceUnsupported => M::new("error-pkce-unsupported"),
            Self::InvalidCallback(reason) => {
                M::new("error-invalid-callback").with("reason", reason.message())
            }
            Self::NoPendingSignIn => M::new("error-no-pending-sign-in"),
            Self::SignInExpired => M::new("error-sign-in-expired"),
            Self::StateMismatch => M::new("error-state-mismatch"),
            Self::CallbackIssuerMismatch => M::new("error-callback-issuer-mismatch"),
            Self::NotAssigned => M::new("error-not-assigned"),
            Self::AccessPolicyDenied => M::new("error-access-policy-denied"),
            Self::AccessDenied { description } => described(
                description,
                "error-access-denied-described",
                "error-access-denied",
            ),
            Self::GrantTypeNotEnabled => M::new("error-grant-type-not-enabled"),
            Self::RedirectUriNotRegistered => M::new("error-redirect-uri-not-registered"),
            Self::InvalidClient => M::new("error-invalid-client"),
            Self::ScopeNotAllowed { description } => described(
                description,
                "error-scope-not-allowed-described",
                "error-scope-not-allowed",
            ),
            Self::LoginRequired => M::new("error-login-required"),
            Self::UnmetAuthenticationRequirements { description } => described(
                description,
                "error-unmet-authentication-described",
                "error-unmet-authentication",
            ),
            Self::AuthorizationFailed { error, description } => described(
                description,
                "error-authorization-failed-described",
                "error-authorization-failed",
            )
            .with("error", error),
            Self::CodeRejected => M::new("error-code-rejected"),
            Self::RefreshTokenRejected => M::new("error-refresh-token-rejected"),
            Self::TokenRequestRefused { error, description } => described(
                description,
                "error-token-request-refused-described",
                "error-token-request-refused",
            )
            .with("error", error),
            Self::MissingIdToken => M::new("error-missing-id-token"),
            Self::DeviceGrantNotOffered => M::new("error-device-grant-not-offered"),
            Self::DeviceGrantNotEnabled => M::new("error-device-grant-not-enabled"),
            Self::DeviceSignInDenied => M::new("error-device-sign-in-denied"),
            Self::DeviceCodeExpired => M::new("error-device-code-expired"),
            Self::LoopbackUnavailable(detail) => {
                M::new("error-loopback-unavailable").with("detail", detail)
            }
            Self::DpopProofRefused { description } => described(
                description,
                "error-dpop-proof-refused-described",
                "error-dpop-proof-refused",
            ),
            Self::RateLimited { retry_after } => until(
                *retry_after,
                "error-rate-limited-until",
                "error-rate-limited",
            ),
            Self::IdToken(reason) => M::new("error-id-token").with("reason", reason.message()),
            Self::Key(KeyError::NoHardware) => M::new("error-hardware-key-required"),
            Self::Key(KeyError::HardwareUnavailable(reason)) => {
                M::new("error-key-hardware-unavailable").with("reason", reason)
            }
            Self::Key(KeyError::NotThisMachine) => M::new("error-key-not-on-this-machine"),
            Self::Key(KeyError::Unreadable | KeyError::NoRandomness) => {
                M::new("error-key-unavailable")
            }
        }
    }

    /// What an Okta admin (or IT) must do, when it is theirs to fix.
    pub fn admin_hint(&self) -> Option<Message> {
        let id = match self {
            Self::NotAssigned => "hint-assignments",
            Self::AccessPolicyDenied => "hint-access-policy",
            Self::GrantTypeNotEnabled => "hint-grant-types",
            Self::DeviceGrantNotOffered | Self::DeviceGrantNotEnabled => "hint-device-grant",
            Self::RedirectUriNotRegistered => "hint-redirect-uri",
            Self::InvalidClient => "hint-client-id",
            Self::ScopeNotAllowed { .. } => "hint-scopes",
            Self::NotAnAuthorizationServer { .. } | Self::IssuerMismatch { .. } => "hint-domain",
            Self::Tls { .. } => "hint-tls",
            Self::DpopProofRefused { .. } => "hint-dpop",
            Self::RateLimited { .. } => "hint-rate-limit",
            Self::UnmetAuthenticationRequirements { .. } => "hint-unmet-authentication",
            Self::Key(KeyError::NoHardware) => "hint-hardware-key-required",
            Self::Key(KeyError::HardwareUnavailable(_)) => "hint-key-hardware",
            Self::Config(ConfigError::ClientSecretNotSupported) => "hint-client-id",
            _ => return None,
        };
        Some(Message::new(id))
    }

    /// Whether trying again later, unchanged, may succeed (network and provider trouble).
    pub fn is_transient(&self) -> bool {
        match self {
            // The key's own judgement (a TPM that may be back), in one place.
            Self::Key(error) => error.is_transient(),
            _ => matches!(
                self,
                Self::Offline { .. }
                    | Self::Timeout { .. }
                    | Self::Interrupted { .. }
                    | Self::ProviderUnavailable { .. }
                    | Self::UnexpectedResponse { .. }
                    | Self::RateLimited { .. }
            ),
        }
    }

    /// Whether the provider surely did not act on the request: it never reached it (no
    /// connection, a connect timeout), or the provider refused it before acting (its rate
    /// limit). Then nothing it carried, such as a refresh token, can have been spent.
    pub fn provider_did_not_act(&self) -> bool {
        matches!(
            self,
            Self::Offline { .. } | Self::Timeout { .. } | Self::RateLimited { .. } | Self::Key(_)
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
            "unmet_authentication_requirements" => {
                Self::UnmetAuthenticationRequirements { description }
            }
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

impl From<ConfigError> for SignInError {
    fn from(error: ConfigError) -> Self {
        Self::Config(error)
    }
}

point_i18n::english_display!(SignInError);

point_i18n::english_display!(IdTokenError);

impl IdTokenError {
    /// Why the token was refused, as the reason in `error-id-token`.
    pub fn message(&self) -> Message {
        match self {
            Self::Unsigned => Message::new("id-token-unsigned"),
            Self::SymmetricAlgorithm(alg) => {
                Message::new("id-token-symmetric").with("algorithm", alg)
            }
            Self::DisallowedAlgorithm(alg) => {
                Message::new("id-token-disallowed-algorithm").with("algorithm", alg)
            }
            Self::BadSignature => Message::new("id-token-bad-signature"),
            Self::UnknownSigningKey => Message::new("id-token-unknown-key"),
            Self::WrongIssuer => Message::new("id-token-wrong-issuer"),
            Self::WrongAudience => Message::new("id-token-wrong-audience"),
            Self::MissingAuthorizedParty => Message::new("id-token-missing-authorized-party"),
            Self::WrongAuthorizedParty => Message::new("id-token-wrong-authorized-party"),
            Self::Expired => Message::new("id-token-expired"),
            Self::IssuedInFuture => Message::new("id-token-issued-in-future"),
            Self::AuthenticatedInFuture => Message::new("id-token-authenticated-in-future"),
            Self::NotYetValid => Message::new("id-token-not-yet-valid"),
            Self::WrongNonce => Message::new("id-token-wrong-nonce"),
            Self::MissingNonce => Message::new("id-token-missing-nonce"),
            Self::WrongAccessTokenHash => Message::new("id-token-wrong-access-token-hash"),
            Self::WrongSubject => Message::new("id-token-wrong-subject"),
            Self::WeakerThanAsked { asked, got } => Message::new("id-token-weaker-than-asked")
                .with("asked", asked)
                .with("got", got.as_deref().unwrap_or("-")),
            Self::MissingAuthTime => Message::new("id-token-missing-auth-time"),
            Self::AuthenticatedTooLongAgo => Message::new("id-token-authenticated-too-long-ago"),
            Self::Malformed(detail) => Message::new("id-token-malformed").with("detail", detail),
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

impl From<KeyError> for SignInError {
    fn from(error: KeyError) -> Self {
        Self::Key(error)
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
            .english()
            .contains("Assignments"));
        assert!(SignInError::AccessPolicyDenied
            .admin_hint()
            .unwrap()
            .english()
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
        assert!(tls
            .admin_hint()
            .unwrap()
            .english()
            .contains("root certificate"));
        assert!(!SignInError::CodeRejected.is_transient());
    }
}
