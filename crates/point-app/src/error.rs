//! What a use case can fail with, by who failed: typed causes, no UI sentences. The shell's
//! contract module maps each to `{ code, message, hint }` in one exhaustive match.

use point_auth::{ConfigError, SignInError};
use point_config::Refused;
use point_dashboard::DashboardError;
use point_session::SessionError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    /// No Okta settings yet (and no work email to find them with).
    #[error("not configured")]
    NotConfigured,
    /// The settings in force cannot be used (IT's configuration unreadable, a dashboard address
    /// that is not https): the reason, for the person.
    #[error("{0}")]
    SettingsUnusable(String),
    /// What was typed in manual setup is not an Okta domain or Client ID.
    #[error(transparent)]
    Settings(#[from] ConfigError),
    #[error(transparent)]
    SignIn(#[from] SignInError),
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Dashboard(#[from] DashboardError),
    /// The system browser did not start. Carries nothing: the URL may hold the ID token.
    #[error("the system browser did not start")]
    BrowserDidNotOpen,
    /// The user's settings could not be saved (the OS's reason; no secret).
    #[error("{0}")]
    Storage(String),
    /// A change IT's managed configuration does not allow.
    #[error(transparent)]
    Refused(#[from] Refused),
}
