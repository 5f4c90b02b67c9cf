//! Everything that crosses to the webview, in one place: the views, the session and update state
//! enums, the notice, and the error codes with the one exhaustive mapping from every error to
//! `{ code, message, hint }`. Nothing here carries a token, a code or a callback URL.
//! `contract.json` (beside this file) is what the UI receives for each of them; the contract test
//! fails when it changes, so a change shows up in review, and checks that `ui/main.js` uses
//! exactly these names.

use point_app::{
    AppError, AppStatus, DashboardData, DeviceSignIn, IgnoredBecause, Notice, Staleness,
};
use point_auth::{ConfigError, SignInError};
use point_config::{OktaSignOut, Refused};
use point_dashboard::DashboardError;
use point_session::{SessionError, SessionState};
use serde::Serialize;

/// The event that carries [`SessionView`] (once per change).
pub const SESSION_EVENT: &str = "session://changed";
/// The event that carries an [`ErrorView`] from outside a command (a sign-in's deep link).
pub const ERROR_EVENT: &str = "session://error";
/// The event that carries an [`UpdateView`] (or `null`).
pub const UPDATE_EVENT: &str = "update://changed";

/// Where the session stands, as the UI names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStateView {
    SignedOut,
    /// Launching with a stored session: the cached name, "signing you in".
    Restoring,
    SigningIn,
    SignedIn,
    Offline,
    Ended,
}

/// Whether signing out also ends the Okta session in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OktaSignOutView {
    /// The person chooses.
    Ask,
    Always,
    Never,
}

/// A notice: shown without leaving the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeView {
    /// A sign-in link that belongs to no sign-in in progress was ignored.
    IgnoredSignInLink,
}

/// What the UI may know of the app and the session. Nothing secret.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub configured: bool,
    /// Where the Okta settings in force came from.
    pub settings_source: Option<&'static str>,
    pub settings_problem: Option<String>,
    /// IT manages the Okta settings: no manual setup, no email lookup.
    pub managed_by_it: bool,
    /// IT's allowed email domains (empty: any).
    pub allowed_email_domains: Vec<String>,
    /// Whether sign-out asks about ending the Okta session in the browser, or IT decided.
    pub okta_sign_out: OktaSignOutView,
    pub state: SessionStateView,
    pub name: Option<String>,
    pub email: Option<String>,
    pub organization: Option<String>,
    pub offline_reason: Option<String>,
    pub keychain_problem: Option<String>,
    pub keychain_hint: Option<String>,
    pub notice: Option<NoticeView>,
    pub notice_message: Option<String>,
    /// An error from a deep link the window has not been told about yet.
    pub error: Option<ErrorView>,
    /// A sign-in on another device that waits for the person.
    pub device_sign_in: Option<DeviceSignInView>,
    /// The organization in force first, then the others the person can switch to.
    pub organizations: Vec<OrganizationView>,
    /// Whether the person may sign in to another organization here (the Okta settings are
    /// theirs, not IT's or the environment's).
    pub may_add_organization: bool,
}

/// An organization in the window's switcher.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationView {
    /// What `switch_organization` takes.
    pub key: String,
    pub name: String,
    pub email: Option<String>,
    pub current: bool,
    pub signed_in: bool,
}

/// What the window shows for a sign-in on another device: the page, the code, and a QR code of
/// the page with the code in it (for a phone's camera).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSignInView {
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: Option<String>,
    /// An SVG image as a `data:` URI (the CSP allows `data:` images, nothing else).
    pub qr_code: Option<String>,
    /// When the code expires (milliseconds since the epoch).
    pub expires_at: u64,
}

impl From<DeviceSignIn> for DeviceSignInView {
    fn from(shown: DeviceSignIn) -> Self {
        let page = shown
            .verification_uri_complete
            .as_ref()
            .unwrap_or(&shown.verification_uri);
        Self {
            qr_code: qr_code(page.as_str()),
            user_code: shown.user_code,
            verification_uri: shown.verification_uri.to_string(),
            verification_uri_complete: shown.verification_uri_complete.map(|u| u.to_string()),
            expires_at: shown
                .expires_at
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as u64)
                .unwrap_or_default(),
        }
    }
}

/// `text` as a QR code: an SVG `data:` URI, black on white with the quiet zone (phones read it
/// in dark mode too).
fn qr_code(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build();
    let encoded: String = url::form_urlencoded::byte_serialize(svg.as_bytes()).collect();
    Some(format!(
        "data:image/svg+xml,{}",
        encoded.replace('+', "%20")
    ))
}

impl SessionView {
    pub fn of(status: AppStatus, error: Option<ErrorView>) -> Self {
        let (state, profile, offline_reason) = match status.session.state {
            SessionState::SignedOut => (SessionStateView::SignedOut, None, None),
            SessionState::Restoring { profile } => {
                (SessionStateView::Restoring, Some(profile), None)
            }
            SessionState::SigningIn { .. } => (SessionStateView::SigningIn, None, None),
            SessionState::SignedIn { profile, .. } => {
                (SessionStateView::SignedIn, Some(profile), None)
            }
            SessionState::Offline { profile, reason } => {
                (SessionStateView::Offline, Some(profile), Some(reason))
            }
            SessionState::Ended => (SessionStateView::Ended, None, None),
        };
        let (notice, notice_message) = match status.notice {
            Some(Notice::IgnoredSignInLink(because)) => (
                Some(NoticeView::IgnoredSignInLink),
                Some(ignored_link_message(because).to_string()),
            ),
            None => (None, None),
        };
        let keychain_problem = status.session.keychain_problem;
        let may_add_organization = !status.okta_settings_managed
            && status
                .organization
                .as_ref()
                .is_some_and(|o| o.source == point_config::Source::User);
        Self {
            may_add_organization,
            configured: status.organization.is_some(),
            settings_source: status.organization.map(|o| o.source.describe()),
            settings_problem: status.settings_problem,
            managed_by_it: status.okta_settings_managed,
            allowed_email_domains: status.allowed_email_domains,
            okta_sign_out: match status.okta_sign_out {
                OktaSignOut::Ask => OktaSignOutView::Ask,
                OktaSignOut::Always => OktaSignOutView::Always,
                OktaSignOut::Never => OktaSignOutView::Never,
            },
            state,
            name: profile.as_ref().and_then(|p| p.name.clone()),
            email: profile.as_ref().and_then(|p| p.email.clone()),
            organization: profile.as_ref().and_then(|p| p.organization.clone()),
            offline_reason,
            keychain_hint: keychain_problem.as_ref().map(|p| p.hint().to_string()),
            keychain_problem: keychain_problem.map(|p| p.to_string()),
            device_sign_in: status.device_sign_in.map(DeviceSignInView::from),
            organizations: status
                .organizations
                .into_iter()
                .map(|choice| OrganizationView {
                    key: choice.key,
                    name: choice.name,
                    email: choice.email,
                    current: choice.current,
                    signed_in: choice.signed_in,
                })
                .collect(),
            notice,
            notice_message,
            error,
        }
    }
}

fn ignored_link_message(because: IgnoredBecause) -> &'static str {
    match because {
        IgnoredBecause::NoSignInInProgress => "POINT received a sign-in link, but no sign-in is in progress, so it ignored it.",
        IgnoredBecause::NotThisSignIn => "POINT received a sign-in link that does not belong to the sign-in in progress, so it ignored it.",
        IgnoredBecause::OtherProvider => "POINT received a sign-in link from a different identity provider, so it ignored it.",
        IgnoredBecause::Unreadable => "POINT received a sign-in link it cannot read, so it ignored it.",
    }
}

/// Why the dashboard shown is not fresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StaleView {
    Offline,
    DashboardUnavailable,
}

/// The signed-in person's dashboard.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DashboardView {
    /// When a kept dashboard was fetched (milliseconds since the epoch); `null` when fresh.
    pub as_of: Option<u64>,
    pub stale: Option<StaleView>,
    pub name: String,
    pub email: String,
    pub role: String,
    pub organization: String,
    pub metrics: Vec<MetricView>,
    pub activity: Vec<ActivityView>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricView {
    pub label: String,
    pub value: f64,
    pub unit: String,
    pub change_percent: f64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub at: String,
    pub actor: String,
    pub summary: String,
}

impl From<DashboardData> for DashboardView {
    fn from(data: DashboardData) -> Self {
        let DashboardData {
            me,
            dashboard,
            as_of,
            stale,
        } = data;
        Self {
            as_of: as_of.and_then(|t| {
                t.duration_since(std::time::UNIX_EPOCH)
                    .ok()
                    .map(|d| d.as_millis() as u64)
            }),
            stale: stale.map(|s| match s {
                Staleness::Offline => StaleView::Offline,
                Staleness::DashboardUnavailable => StaleView::DashboardUnavailable,
            }),
            name: me.user.name,
            email: me.user.email,
            role: me.user.role,
            organization: me.organization.name,
            metrics: dashboard
                .metrics
                .into_iter()
                .map(|m| MetricView {
                    label: m.label,
                    value: m.value,
                    unit: m.unit,
                    change_percent: m.change_percent,
                })
                .collect(),
            activity: dashboard
                .activity
                .into_iter()
                .map(|a| ActivityView {
                    at: a.at,
                    actor: a.actor,
                    summary: a.summary,
                })
                .collect(),
        }
    }
}

/// The support bundle just written, and where to send it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportView {
    /// Where the bundle was saved (a path on this computer; nothing secret).
    pub bundle_path: String,
    pub email: String,
    pub url: String,
}

impl SupportView {
    pub fn of((path, contact): (std::path::PathBuf, point_app::SupportContact)) -> Self {
        Self {
            bundle_path: path.display().to_string(),
            email: contact.email,
            url: contact.url,
        }
    }
}

/// Where an update stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateState {
    Available,
    Installing,
    /// Installed; takes effect on restart.
    Restart,
    Failed,
}

/// The update the last check found.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateView {
    pub state: UpdateState,
    pub version: String,
    pub notes: Option<String>,
    /// A new major version: the UI asks the user to confirm.
    pub major: bool,
    pub message: Option<String>,
}

/// An update could not be checked for, downloaded, verified or installed (the updater's reason).
#[derive(Debug, Clone)]
pub struct UpdateFailed(pub String);

/// Every error code the UI can receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotConfigured,
    SettingsUnusable,
    InvalidSettings,
    ManagedByIt,
    EmailDomainNotAllowed,
    EmailNotAllowed,
    Browser,
    Storage,
    UpdateFailed,
    // Reaching the provider.
    Offline,
    Timeout,
    Interrupted,
    Tls,
    ProviderUnavailable,
    UnexpectedResponse,
    NotAnAuthorizationServer,
    IssuerMismatch,
    PkceUnsupported,
    // The sign-in's callback.
    InvalidCallback,
    NoPendingSignIn,
    SignInExpired,
    StateMismatch,
    CallbackIssuerMismatch,
    // Okta refused.
    NotAssigned,
    AccessPolicyDenied,
    AccessDenied,
    GrantTypeNotEnabled,
    RedirectUriNotRegistered,
    InvalidClient,
    ScopeNotAllowed,
    LoginRequired,
    AuthorizationFailed,
    CodeRejected,
    RefreshTokenRejected,
    TokenRequestRefused,
    MissingIdToken,
    IdTokenInvalid,
    DeviceGrantNotOffered,
    DeviceGrantNotEnabled,
    DeviceSignInDenied,
    DeviceCodeExpired,
    LoopbackUnavailable,
    DpopProofRefused,
    // The session.
    NotSignedIn,
    SessionEnded,
    Superseded,
    Keychain,
    // The dashboard.
    DashboardOffline,
    DashboardTimeout,
    DashboardTls,
    DashboardRefused,
    DashboardUnavailable,
    DashboardUnexpected,
    OktaNotConnected,
}

/// An error as the UI receives it. Never carries token material or a URL with a query.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorView {
    pub code: ErrorCode,
    pub message: String,
    pub hint: Option<String>,
}

fn view(code: ErrorCode, message: String, hint: Option<&str>) -> ErrorView {
    tracing::warn!(?code, "failed");
    ErrorView {
        code,
        message,
        hint: hint.map(str::to_string),
    }
}

impl From<&AppError> for ErrorView {
    fn from(error: &AppError) -> Self {
        use ErrorCode as C;
        match error {
            AppError::NotConfigured => view(
                C::NotConfigured,
                "POINT doesn't know your organization's Okta yet. Enter your work email, or set up manually.".into(),
                None,
            ),
            AppError::SettingsUnusable(reason) => view(C::SettingsUnusable, reason.clone(), Some("Your IT department can correct POINT's configuration on this computer.")),
            AppError::Settings(e) => config_error(e),
            AppError::SignIn(e) => sign_in_error(e),
            AppError::Session(e) => session_error(e),
            AppError::Dashboard(e) => dashboard_error(e),
            AppError::BrowserDidNotOpen => view(
                C::Browser,
                "POINT could not open your web browser. Use \"Open the browser again\", or check your default browser.".into(),
                None,
            ),
            AppError::Storage(detail) => view(
                C::Storage,
                format!("POINT could not save its settings ({detail})."),
                None,
            ),
            AppError::Refused(refused @ Refused::ManagedOktaSettings) => {
                view(C::ManagedByIt, refused.to_string(), None)
            }
            AppError::Refused(refused @ Refused::EmailDomain { .. }) => view(
                C::EmailDomainNotAllowed,
                refused.to_string(),
                Some("Use your work email address, or ask your IT department."),
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
            format!("POINT could not update itself ({detail}). It keeps working as it is; it tries again later."),
            Some("If this goes on, your IT department can install the new version for you."),
        )
    }
}

fn config_error(error: &ConfigError) -> ErrorView {
    view(ErrorCode::InvalidSettings, error.to_string(), None)
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
    };
    view(code, error.to_string(), error.admin_hint())
}

fn session_error(error: &SessionError) -> ErrorView {
    use ErrorCode as C;
    match error {
        SessionError::SignIn(e) => sign_in_error(e),
        SessionError::Keychain(e) => view(C::Keychain, e.to_string(), Some(e.hint())),
        SessionError::NotSignedIn => view(C::NotSignedIn, error.to_string(), None),
        SessionError::SessionEnded => view(C::SessionEnded, error.to_string(), None),
        SessionError::Superseded => view(C::Superseded, error.to_string(), None),
        SessionError::EmailNotAllowed => view(
            C::EmailNotAllowed,
            error.to_string(),
            Some("Sign in with your work account. If your browser signed you in as someone else, sign out of Okta there first."),
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
        DashboardError::Unavailable(_) => C::DashboardUnavailable,
        DashboardError::Unexpected(_) => C::DashboardUnexpected,
        DashboardError::OktaNotConnected => C::OktaNotConnected,
    };
    view(code, error.to_string(), None)
}

pub type CommandResult<T> = Result<T, ErrorView>;

#[cfg(test)]
mod tests {
    //! The contract test: what the UI receives, serialised, against `contract.json`
    //! (`POINT_UPDATE_CONTRACT=1 cargo test -p point contract` rewrites it after a deliberate
    //! change), and `ui/main.js` against those names.

    use std::collections::BTreeSet;
    use std::time::SystemTime;

    use point_app::{OrganizationChoice, OrganizationStatus};
    use point_auth::{CallbackError, IdTokenError};
    use point_config::Source;
    use point_session::{KeychainError, Profile, Status};
    use serde_json::{json, Value};

    use super::*;

    const CONTRACT: &str = "src-tauri/contract.json";
    const UI: &str = "ui/main.js";

    /// One error of each code (every variant of `ErrorCode` appears once).
    fn every_error() -> Vec<AppError> {
        let e = |error: SignInError| AppError::SignIn(error);
        let host = || "company.okta.com".to_string();
        vec![
            AppError::NotConfigured,
            AppError::SettingsUnusable("The dashboard address from managed by your IT department (http://dash.example.org) is not an https:// address.".into()),
            AppError::Settings(ConfigError::NotHttps),
            AppError::Refused(Refused::ManagedOktaSettings),
            AppError::Refused(Refused::EmailDomain { allowed: "example.com".into() }),
            AppError::Session(SessionError::EmailNotAllowed),
            AppError::BrowserDidNotOpen,
            AppError::Storage("permission denied".into()),
            e(SignInError::Offline { host: host() }),
            e(SignInError::Timeout { host: host() }),
            e(SignInError::Interrupted { host: host() }),
            e(SignInError::Tls { host: host(), detail: "unknown issuer".into() }),
            e(SignInError::ProviderUnavailable { host: host(), status: 503 }),
            e(SignInError::UnexpectedResponse { what: "token response", detail: "HTTP 200".into() }),
            e(SignInError::NotAnAuthorizationServer { status: 404 }),
            e(SignInError::IssuerMismatch { expected: "https://a".into(), found: "https://b".into() }),
            e(SignInError::PkceUnsupported),
            e(SignInError::InvalidCallback(CallbackError::Missing("code"))),
            e(SignInError::NoPendingSignIn),
            e(SignInError::SignInExpired),
            e(SignInError::StateMismatch),
            e(SignInError::CallbackIssuerMismatch),
            e(SignInError::NotAssigned),
            e(SignInError::AccessPolicyDenied),
            e(SignInError::AccessDenied { description: None }),
            e(SignInError::GrantTypeNotEnabled),
            e(SignInError::RedirectUriNotRegistered),
            e(SignInError::InvalidClient),
            e(SignInError::ScopeNotAllowed { description: None }),
            e(SignInError::LoginRequired),
            e(SignInError::AuthorizationFailed { error: "server_error".into(), description: None }),
            e(SignInError::CodeRejected),
            e(SignInError::RefreshTokenRejected),
            e(SignInError::TokenRequestRefused { error: "invalid_request".into(), description: None }),
            e(SignInError::MissingIdToken),
            e(SignInError::IdToken(IdTokenError::Expired)),
            e(SignInError::DeviceGrantNotOffered),
            e(SignInError::DeviceGrantNotEnabled),
            e(SignInError::DeviceSignInDenied),
            e(SignInError::DeviceCodeExpired),
            e(SignInError::LoopbackUnavailable("address in use".into())),
            e(SignInError::DpopProofRefused { description: Some("The DPoP proof JWT header is missing.".into()) }),
            AppError::Session(SessionError::NotSignedIn),
            AppError::Session(SessionError::SessionEnded),
            AppError::Session(SessionError::Superseded),
            AppError::Session(SessionError::Keychain(KeychainError::Locked("it is locked".into()))),
            AppError::Dashboard(DashboardError::Offline),
            AppError::Dashboard(DashboardError::Timeout),
            AppError::Dashboard(DashboardError::Tls("unknown issuer".into())),
            AppError::Dashboard(DashboardError::Refused { status: 403, code: "forbidden".into(), message: "You may not see this dashboard.".into() }),
            AppError::Dashboard(DashboardError::Unavailable(502)),
            AppError::Dashboard(DashboardError::Unexpected("not JSON".into())),
            AppError::Dashboard(DashboardError::OktaNotConnected),
        ]
    }

    fn profile() -> Profile {
        Profile {
            issuer: "https://company.okta.com".into(),
            client_id: "0oa1".into(),
            subject: "00u1".into(),
            name: Some("Alice Anderson".into()),
            email: Some("alice@example.com".into()),
            organization: Some("Example Corp".into()),
        }
    }

    fn status(state: SessionState) -> AppStatus {
        AppStatus {
            organization: Some(OrganizationStatus {
                source: Source::Managed,
            }),
            settings_problem: None,
            okta_settings_managed: true,
            allowed_email_domains: vec!["example.com".into()],
            okta_sign_out: OktaSignOut::Ask,
            session: Status {
                state,
                keychain_problem: None,
            },
            notice: None,
            device_sign_in: None,
            organizations: vec![OrganizationChoice {
                key: "3f2a9c0e1b7d5a64".into(),
                name: "Example Corp".into(),
                email: Some("alice@example.com".into()),
                current: true,
                signed_in: true,
            }],
        }
    }

    fn contract() -> Value {
        let mut errors = serde_json::Map::new();
        for error in every_error() {
            let view = ErrorView::from(&error);
            let code = serde_json::to_value(view.code).unwrap();
            let code = code.as_str().unwrap().to_string();
            assert!(!errors.contains_key(&code), "{code} twice");
            errors.insert(code, json!({ "message": view.message, "hint": view.hint }));
        }
        errors.insert(
            "update_failed".into(),
            serde_json::to_value(ErrorView::from(UpdateFailed("signature mismatch".into())))
                .unwrap(),
        );
        let sessions = [
            SessionState::SignedOut,
            SessionState::Restoring { profile: profile() },
            SessionState::SigningIn {
                expires_at: SystemTime::UNIX_EPOCH,
            },
            SessionState::SignedIn {
                profile: profile(),
                access_expires_at: SystemTime::UNIX_EPOCH,
            },
            SessionState::Offline {
                profile: profile(),
                reason: "POINT could not reach company.okta.com.".into(),
            },
            SessionState::Ended,
        ]
        .into_iter()
        .map(|state| serde_json::to_value(SessionView::of(status(state), None)).unwrap())
        .collect::<Vec<_>>();
        let mut device = status(SessionState::SignedOut);
        device.device_sign_in = Some(point_app::DeviceSignIn {
            user_code: "GDLM-ZQCT".into(),
            verification_uri: "https://company.okta.com/activate".parse().unwrap(),
            verification_uri_complete: Some(
                "https://company.okta.com/activate?user_code=GDLM-ZQCT"
                    .parse()
                    .unwrap(),
            ),
            expires_at: SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_600),
        });
        let device_view = serde_json::to_value(SessionView::of(device, None)).unwrap();
        // The QR code is an SVG data: URI of the page with the code (its pixels are the qrcode
        // crate's; only its presence and kind are the contract).
        let qr = device_view["deviceSignIn"]["qrCode"]
            .as_str()
            .unwrap_or_default();
        assert!(qr.starts_with("data:image/svg+xml,"), "{qr}");
        let mut device_view = device_view;
        device_view["deviceSignIn"]["qrCode"] = Value::String("data:image/svg+xml,…".into());
        let mut unconfigured = status(SessionState::SignedOut);
        unconfigured.organization = None;
        unconfigured.okta_settings_managed = false;
        unconfigured.allowed_email_domains = vec![];
        unconfigured.settings_problem = Some("The Okta domain must be an https:// address.".into());
        unconfigured.session.keychain_problem =
            Some(KeychainError::Unavailable("no Secret Service".into()));
        unconfigured.notice = Some(Notice::IgnoredSignInLink(
            IgnoredBecause::NoSignInInProgress,
        ));
        let notices: Vec<Value> = [
            IgnoredBecause::NoSignInInProgress,
            IgnoredBecause::NotThisSignIn,
            IgnoredBecause::OtherProvider,
            IgnoredBecause::Unreadable,
        ]
        .into_iter()
        .map(|because| Value::String(ignored_link_message(because).into()))
        .collect();
        let data: DashboardData = DashboardData {
            as_of: Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_000)),
            stale: Some(Staleness::Offline),
            me: serde_json::from_value(json!({"user": {"id": "u1", "name": "Alice Anderson", "email": "alice@example.com", "role": "admin"}, "organization": {"id": "o1", "name": "Example Corp"}})).unwrap(),
            dashboard: serde_json::from_value(json!({"organization": {"id": "o1", "name": "Example Corp"}, "generatedAt": 1795000000, "metrics": [{"key": "revenue", "label": "Revenue", "value": 1200.0, "unit": "USD", "changePercent": 3.5}], "activity": [{"at": "2026-11-25T10:42:00Z", "actor": "Bob", "summary": "closed a deal"}]})).unwrap(),
        };
        let updates: Vec<Value> = [
            UpdateState::Available,
            UpdateState::Installing,
            UpdateState::Restart,
            UpdateState::Failed,
        ]
        .into_iter()
        .map(|state| {
            serde_json::to_value(UpdateView {
                state,
                version: "1.2.0".into(),
                notes: None,
                major: false,
                message: None,
            })
            .unwrap()
        })
        .collect();
        let support = SupportView::of((
            "/home/ann/Downloads/POINT-support-1795000000.txt".into(),
            point_app::SupportContact {
                email: point_app::DEFAULT_SUPPORT_EMAIL.into(),
                url: point_app::DEFAULT_SUPPORT_URL.into(),
            },
        ));
        json!({
            "supportView": serde_json::to_value(support).unwrap(),
            "events": [SESSION_EVENT, ERROR_EVENT, UPDATE_EVENT],
            "commands": ["session_state", "sign_in", "cancel_sign_in", "sign_in_on_another_device", "cancel_sign_in_on_another_device", "switch_organization", "sign_in_to_another_organization", "open_browser_again", "sign_out", "dismiss_notice", "dashboard", "set_up_manually", "support_bundle", "email_support", "update_state", "install_update", "restart"],
            "sessionViews": sessions,
            "sessionViewDeviceSignIn": device_view,
            "sessionViewUnconfigured": serde_json::to_value(SessionView::of(unconfigured, Some(ErrorView::from(&AppError::NotConfigured)))).unwrap(),
            "noticeMessages": notices,
            "dashboardView": serde_json::to_value(DashboardView::from(data)).unwrap(),
            "updateViews": updates,
            "errors": errors,
        })
    }

    #[test]
    fn what_the_ui_receives_is_the_reviewed_contract() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let now = serde_json::to_string_pretty(&contract()).unwrap() + "\n";
        let path = root.join(CONTRACT);
        if std::env::var_os("POINT_UPDATE_CONTRACT").is_some() {
            std::fs::write(&path, &now).unwrap();
        }
        let reviewed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            reviewed == now,
            "what the UI receives changed: review the difference, then run POINT_UPDATE_CONTRACT=1 cargo test -p point contract\n{now}"
        );
    }

    #[test]
    fn every_error_code_is_in_the_contract_once() {
        let codes: BTreeSet<String> = every_error()
            .iter()
            .map(|e| {
                serde_json::to_value(ErrorView::from(e).code)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            codes.len() + 1,
            contract()["errors"].as_object().unwrap().len()
        );
        // Every ErrorCode variant has an example: a variant without one fails to compile here.
        let all = |code: ErrorCode| -> &'static str {
            use ErrorCode as C;
            match code {
                C::NotConfigured
                | C::SettingsUnusable
                | C::InvalidSettings
                | C::ManagedByIt
                | C::EmailDomainNotAllowed
                | C::EmailNotAllowed
                | C::Browser
                | C::Storage
                | C::UpdateFailed
                | C::Offline
                | C::Timeout
                | C::Interrupted
                | C::Tls
                | C::ProviderUnavailable
                | C::UnexpectedResponse
                | C::NotAnAuthorizationServer
                | C::IssuerMismatch
                | C::PkceUnsupported
                | C::InvalidCallback
                | C::NoPendingSignIn
                | C::SignInExpired
                | C::StateMismatch
                | C::CallbackIssuerMismatch
                | C::NotAssigned
                | C::AccessPolicyDenied
                | C::AccessDenied
                | C::GrantTypeNotEnabled
                | C::RedirectUriNotRegistered
                | C::InvalidClient
                | C::ScopeNotAllowed
                | C::LoginRequired
                | C::AuthorizationFailed
                | C::CodeRejected
                | C::RefreshTokenRejected
                | C::TokenRequestRefused
                | C::MissingIdToken
                | C::IdTokenInvalid
                | C::DeviceGrantNotOffered
                | C::DeviceGrantNotEnabled
                | C::DeviceSignInDenied
                | C::DeviceCodeExpired
                | C::LoopbackUnavailable
                | C::DpopProofRefused
                | C::NotSignedIn
                | C::SessionEnded
                | C::Superseded
                | C::Keychain
                | C::DashboardOffline
                | C::DashboardTimeout
                | C::DashboardTls
                | C::DashboardRefused
                | C::DashboardUnavailable
                | C::DashboardUnexpected
                | C::OktaNotConnected => "listed",
            }
        };
        // 54 variants: the match above lists them all; the examples cover all but update_failed.
        assert_eq!(all(ErrorCode::Offline), "listed");
        assert_eq!(codes.len(), 53, "{codes:?}");
    }

    /// The names `ui/main.js` reads: `view.x`, `data.x`, `update.x`, `error.x`, `metric.x`,
    /// `item.x`; and the strings it compares states and codes with.
    fn names_read(script: &str, object: &str) -> BTreeSet<String> {
        let needle = format!("{object}.");
        let mut names = BTreeSet::new();
        for (at, _) in script.match_indices(&needle) {
            let before = script[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let rest = &script[at + needle.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
        names
    }

    fn keys(value: &Value) -> BTreeSet<String> {
        value.as_object().unwrap().keys().cloned().collect()
    }

    fn quoted_after(script: &str, marker: &str) -> BTreeSet<String> {
        script
            .match_indices(marker)
            .filter_map(|(at, _)| {
                let rest = script[at + marker.len()..].trim_start();
                let rest = rest.strip_prefix('"')?;
                Some(rest[..rest.find('"')?].to_string())
            })
            .collect()
    }

    #[test]
    fn the_ui_reads_exactly_the_contracts_names() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let script = std::fs::read_to_string(root.join(UI)).unwrap();
        let contract = contract();
        let session_keys = keys(&contract["sessionViews"][0]);
        let read: BTreeSet<String> = names_read(&script, "view")
            .union(&names_read(&script, "initial"))
            .cloned()
            .collect();
        assert_eq!(
            read, session_keys,
            "SessionView fields: the UI reads {read:?}"
        );
        for (object, value) in [
            ("data", &contract["dashboardView"]),
            ("metric", &contract["dashboardView"]["metrics"][0]),
            ("item", &contract["dashboardView"]["activity"][0]),
            ("update", &contract["updateViews"][0]),
            ("pendingUpdate", &contract["updateViews"][0]),
            ("error", &contract["errors"]["not_configured"]),
            ("lastError", &contract["errors"]["not_configured"]),
            ("support", &contract["supportView"]),
        ] {
            let mut fields = keys(value);
            if object.ends_with("rror") {
                fields.insert("code".into());
            }
            let read = names_read(&script, object);
            let unknown: Vec<_> = read.difference(&fields).collect();
            assert!(
                unknown.is_empty(),
                "{object}: the UI reads {unknown:?}, which the contract does not have"
            );
        }
        let states: BTreeSet<String> = contract["sessionViews"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["state"].as_str().unwrap().to_string())
            .chain(
                contract["updateViews"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v["state"].as_str().unwrap().to_string()),
            )
            .collect();
        let compared: BTreeSet<String> = quoted_after(&script, "case")
            .union(&quoted_after(&script, "state ==="))
            .cloned()
            .chain(quoted_after(&script, "state !=="))
            .collect();
        let unknown: Vec<_> = compared.difference(&states).collect();
        assert!(
            unknown.is_empty(),
            "the UI compares states with {unknown:?}"
        );
        let codes = keys(&contract["errors"]);
        let compared = quoted_after(&script, "code ===");
        assert!(!compared.is_empty());
        let unknown: Vec<_> = compared.difference(&codes).collect();
        assert!(
            unknown.is_empty(),
            "the UI compares error codes with {unknown:?}"
        );
        let invoked: BTreeSet<String> = quoted_after(&script, "invoke(")
            .union(&quoted_after(&script, "run("))
            .cloned()
            .collect();
        let commands: BTreeSet<String> = contract["commands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        let unknown: Vec<_> = invoked.difference(&commands).collect();
        assert!(unknown.is_empty(), "the UI invokes {unknown:?}");
        // Each command is registered with Tauri's ACL and granted to the window.
        let build = std::fs::read_to_string(root.join("src-tauri/build.rs")).unwrap();
        let capability = std::fs::read_to_string(root.join("capabilities/default.json")).unwrap();
        for command in &commands {
            assert!(
                build.contains(&format!("\"{command}\"")),
                "{command} not in build.rs"
            );
            let permission = format!("\"allow-{}\"", command.replace('_', "-"));
            assert!(capability.contains(&permission), "{permission} not granted");
        }
        for event in contract["events"].as_array().unwrap() {
            assert!(
                script.contains(&format!("listen(\"{}\"", event.as_str().unwrap())),
                "the UI listens to {event}"
            );
        }
    }
}
