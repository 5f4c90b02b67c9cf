//! The errors as the window receives them: the error codes (one list, `ErrorCode`) and the one
//! exhaustive mapping from every error of the use cases to `{ code, message, hint }`.

use point_app::AppError;
use point_auth::{KeyError, SignInError};
use point_config::Refused;
use point_dashboard::DashboardError;
use point_i18n::Message;
use point_session::SessionError;
use serde::Serialize;

/// An update could not be checked for, downloaded, verified or installed (the updater's reason).
#[derive(Debug, Clone)]
pub struct UpdateFailed(pub String);

/// Every error code the UI can receive: the one list (the UI's `ErrorCode` union is generated
/// from it; the core crates' `code()` strings are checked against it in `tests.rs`).
macro_rules! error_codes {
    ($($variant:ident = $code:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        pub enum ErrorCode {
            $(#[serde(rename = $code)] $variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            #[cfg(test)]
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as the UI and support see it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    NotConfigured = "not_configured",
    SettingsUnusable = "settings_unusable",
    InvalidSettings = "invalid_settings",
    ManagedByIt = "managed_by_it",
    EmailDomainNotAllowed = "email_domain_not_allowed",
    UntrustedOkta = "untrusted_okta",
    DeviceSignInOff = "device_sign_in_off",
    EmailNotAllowed = "email_not_allowed",
    Browser = "browser",
    Storage = "storage",
    UpdateFailed = "update_failed",
    // Reaching the provider.
    Offline = "offline",
    Timeout = "timeout",
    Interrupted = "interrupted",
    Tls = "tls",
    ProviderUnavailable = "provider_unavailable",
    UnexpectedResponse = "unexpected_response",
    NotAnAuthorizationServer = "not_an_authorization_server",
    IssuerMismatch = "issuer_mismatch",
    PkceUnsupported = "pkce_unsupported",
    // The sign-in's callback.
    InvalidCallback = "invalid_callback",
    NoPendingSignIn = "no_pending_sign_in",
    SignInExpired = "sign_in_expired",
    StateMismatch = "state_mismatch",
    CallbackIssuerMismatch = "callback_issuer_mismatch",
    // Okta refused.
    NotAssigned = "not_assigned",
    AccessPolicyDenied = "access_policy_denied",
    AccessDenied = "access_denied",
    GrantTypeNotEnabled = "grant_type_not_enabled",
    RedirectUriNotRegistered = "redirect_uri_not_registered",
    InvalidClient = "invalid_client",
    ScopeNotAllowed = "scope_not_allowed",
    LoginRequired = "login_required",
    UnmetAuthenticationRequirements = "unmet_authentication_requirements",
    AuthorizationFailed = "authorization_failed",
    CodeRejected = "code_rejected",
    RefreshTokenRejected = "refresh_token_rejected",
    TokenRequestRefused = "token_request_refused",
    MissingIdToken = "missing_id_token",
    IdTokenInvalid = "id_token_invalid",
    DeviceGrantNotOffered = "device_grant_not_offered",
    DeviceGrantNotEnabled = "device_grant_not_enabled",
    DeviceSignInDenied = "device_sign_in_denied",
    DeviceCodeExpired = "device_code_expired",
    LoopbackUnavailable = "loopback_unavailable",
    DpopProofRefused = "dpop_proof_refused",
    RateLimited = "rate_limited",
    // The session's DPoP key.
    HardwareKeyRequired = "hardware_key_required",
    KeyHardwareUnavailable = "key_hardware_unavailable",
    KeyNotOnThisMachine = "key_not_on_this_machine",
    KeyUnavailable = "key_unavailable",
    // The session.
    NotSignedIn = "not_signed_in",
    SessionEnded = "session_ended",
    Superseded = "superseded",
    SignInCancelled = "sign_in_cancelled",
    Keychain = "keychain",
    // The dashboard.
    DashboardOffline = "dashboard_offline",
    DashboardTimeout = "dashboard_timeout",
    DashboardTls = "dashboard_tls",
    DashboardRefused = "dashboard_refused",
    DashboardUnavailable = "dashboard_unavailable",
    DashboardUnexpected = "dashboard_unexpected",
    OktaNotConnected = "okta_not_connected",
    StepUpRequired = "step_up_required",
}

/// An error as the UI receives it. Never carries token material or a URL with a query.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ErrorView {
    pub code: ErrorCode,
    pub message: String,
    pub hint: Option<String>,
    /// When the window asks again by itself (milliseconds from now, under POINT's one retry
    /// policy): only for a failure that passes, of a request the window repeats (the dashboard).
    #[serde(rename = "retryInMs", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "number"))]
    pub retry_in_ms: Option<u64>,
}

impl ErrorView {
    /// With when the window asks again (see `retry_in_ms`).
    pub fn asking_again_in(self, wait: Option<std::time::Duration>) -> Self {
        Self {
            retry_in_ms: wait.map(|w| w.as_millis() as u64),
            ..self
        }
    }
}

/// The view of an error: its code, and its message and hint in the person's language.
fn view(code: ErrorCode, message: Message, hint: Option<Message>) -> ErrorView {
    tracing::warn!(code = code.as_str(), "failed");
    ErrorView {
        code,
        message: message.spoken(),
        hint: hint.map(|hint| hint.spoken()),
        retry_in_ms: None,
    }
}

impl From<&AppError> for ErrorView {
    fn from(error: &AppError) -> Self {
        use ErrorCode as C;
        let hint = |id| Some(Message::new(id));
        match error {
            AppError::NotConfigured => view(C::NotConfigured, error.message(), None),
            AppError::SettingsUnusable(_) => view(
                C::SettingsUnusable,
                error.message(),
                hint("hint-settings-unusable"),
            ),
            AppError::Settings(_) => view(C::InvalidSettings, error.message(), None),
            AppError::SignIn(e) => sign_in_error(e),
            AppError::Session(e) => session_error(e),
            AppError::Dashboard(e) => dashboard_error(e),
            AppError::BrowserDidNotOpen => view(C::Browser, error.message(), None),
            AppError::Storage(_) => view(C::Storage, error.message(), None),
            AppError::Refused(Refused::ManagedOktaSettings) => {
                view(C::ManagedByIt, error.message(), None)
            }
            AppError::Refused(Refused::EmailDomain { .. }) => view(
                C::EmailDomainNotAllowed,
                error.message(),
                hint("hint-email-domain"),
            ),
            AppError::Refused(Refused::DeviceSignInOff) => {
                view(C::DeviceSignInOff, error.message(), None)
            }
            AppError::Refused(Refused::UntrustedOkta { .. }) => view(
                C::UntrustedOkta,
                error.message(),
                hint("hint-untrusted-okta"),
            ),
        }
    }
}

impl From<AppError> for ErrorView {
    fn from(error: AppError) -> Self {
        Self::from(&error)
    }
}

impl From<UpdateFailed> for ErrorView {
    fn from(UpdateFailed(detail): UpdateFailed) -> Self {
        view(
            ErrorCode::UpdateFailed,
            Message::new("error-update-failed").with("detail", detail),
            Some(Message::new("hint-update-failed")),
        )
    }
}

fn sign_in_error(error: &SignInError) -> ErrorView {
    use ErrorCode as C;
    let code = match error {
        SignInError::Config(_) => C::InvalidSettings,
        SignInError::Offline { .. } => C::Offline,
        SignInError::Timeout { .. } => C::Timeout,
        SignInError::Interrupted { .. } => C::Interrupted,
        SignInError::Tls { .. } => C::Tls,
        SignInError::ProviderUnavailable { .. } => C::ProviderUnavailable,
        SignInError::UnexpectedResponse { .. } => C::UnexpectedResponse,
        SignInError::NotAnAuthorizationServer { .. } => C::NotAnAuthorizationServer,
        SignInError::IssuerMismatch { .. } => C::IssuerMismatch,
        SignInError::PkceUnsupported => C::PkceUnsupported,
        SignInError::InvalidCallback(_) => C::InvalidCallback,
        SignInError::NoPendingSignIn => C::NoPendingSignIn,
        SignInError::SignInExpired => C::SignInExpired,
        SignInError::StateMismatch => C::StateMismatch,
        SignInError::CallbackIssuerMismatch => C::CallbackIssuerMismatch,
        SignInError::NotAssigned => C::NotAssigned,
        SignInError::AccessPolicyDenied => C::AccessPolicyDenied,
        SignInError::AccessDenied { .. } => C::AccessDenied,
        SignInError::GrantTypeNotEnabled => C::GrantTypeNotEnabled,
        SignInError::RedirectUriNotRegistered => C::RedirectUriNotRegistered,
        SignInError::InvalidClient => C::InvalidClient,
        SignInError::ScopeNotAllowed { .. } => C::ScopeNotAllowed,
        SignInError::LoginRequired => C::LoginRequired,
        SignInError::UnmetAuthenticationRequirements { .. } => C::UnmetAuthenticationRequirements,
        SignInError::AuthorizationFailed { .. } => C::AuthorizationFailed,
        SignInError::CodeRejected => C::CodeRejected,
        SignInError::RefreshTokenRejected => C::RefreshTokenRejected,
        SignInError::TokenRequestRefused { .. } => C::TokenRequestRefused,
        SignInError::MissingIdToken => C::MissingIdToken,
        SignInError::IdToken(_) => C::IdTokenInvalid,
        SignInError::DeviceGrantNotOffered => C::DeviceGrantNotOffered,
        SignInError::DeviceGrantNotEnabled => C::DeviceGrantNotEnabled,
        SignInError::DeviceSignInDenied => C::DeviceSignInDenied,
        SignInError::DeviceCodeExpired => C::DeviceCodeExpired,
        SignInError::LoopbackUnavailable(_) => C::LoopbackUnavailable,
        SignInError::DpopProofRefused { .. } => C::DpopProofRefused,
        SignInError::RateLimited { .. } => C::RateLimited,
        SignInError::Key(KeyError::NoHardware) => C::HardwareKeyRequired,
        SignInError::Key(KeyError::HardwareUnavailable(_)) => C::KeyHardwareUnavailable,
        SignInError::Key(KeyError::NotThisMachine) => C::KeyNotOnThisMachine,
        SignInError::Key(KeyError::Unreadable | KeyError::NoRandomness) => C::KeyUnavailable,
    };
    view(code, error.message(), error.admin_hint())
}

fn session_error(error: &SessionError) -> ErrorView {
    use ErrorCode as C;
    match error {
        SessionError::SignIn(e) => sign_in_error(e),
        SessionError::Keychain(e) => view(C::Keychain, e.message(), Some(e.hint())),
        SessionError::NotSignedIn => view(C::NotSignedIn, error.message(), None),
        SessionError::SessionEnded => view(C::SessionEnded, error.message(), None),
        SessionError::Superseded => view(C::Superseded, error.message(), None),
        SessionError::SignInCancelled => view(C::SignInCancelled, error.message(), None),
        SessionError::EmailNotAllowed => view(
            C::EmailNotAllowed,
            error.message(),
            Some(Message::new("hint-email-not-allowed")),
        ),
    }
}

fn dashboard_error(error: &DashboardError) -> ErrorView {
    use ErrorCode as C;
    let code = match error {
        DashboardError::Session(e) => return session_error(e),
        DashboardError::Offline => C::DashboardOffline,
        DashboardError::Timeout => C::DashboardTimeout,
        DashboardError::Tls(_) => C::DashboardTls,
        DashboardError::Refused { .. } => C::DashboardRefused,
        DashboardError::Unavailable(..) => C::DashboardUnavailable,
        DashboardError::Unexpected(_) => C::DashboardUnexpected,
        DashboardError::OktaNotConnected => C::OktaNotConnected,
        DashboardError::StepUpRequired(_) => C::StepUpRequired,
    };
    view(code, error.message(), None)
}
