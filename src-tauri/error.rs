//! The one mapping from every error of the core crates to what the UI shows: `{ code, message,
//! hint }`. The match is exhaustive, so a new error cannot reach the UI unmapped.

use point_auth::{ConfigError, SignInError};
use point_dashboard::DashboardError;
use point_session::SessionError;
use serde::Serialize;

/// Everything a command or a deep link can fail with.
#[derive(Debug)]
pub enum AppError {
    NotConfigured,
    Config(ConfigError),
    SignIn(SignInError),
    Session(SessionError),
    Dashboard(DashboardError),
    Browser(String),
    Storage(String),
    /// A change IT's managed configuration does not allow.
    Refused(point_config::Refused),
    /// An update could not be checked for, downloaded, verified or installed.
    Update(String),
}

/// An error as the UI receives it. Never carries token material.
#[derive(Debug, Clone, Serialize)]
pub struct CommandError {
    pub code: String,
    pub message: String,
    pub hint: Option<String>,
}

impl From<AppError> for CommandError {
    fn from(error: AppError) -> Self {
        let (code, message, hint): (&str, String, Option<&str>) = match &error {
            AppError::NotConfigured => (
                "not_configured",
                "POINT doesn't know your organization's Okta yet. Enter your work email, or set up manually.".into(),
                None,
            ),
            AppError::Config(e) => ("invalid_settings", e.to_string(), None),
            AppError::SignIn(e) => (e.code(), e.to_string(), e.admin_hint()),
            AppError::Session(SessionError::SignIn(e)) => (e.code(), e.to_string(), e.admin_hint()),
            AppError::Session(SessionError::Keychain(e)) => {
                ("keychain", e.to_string(), Some(e.hint()))
            }
            AppError::Session(
                e @ (SessionError::NotSignedIn
                | SessionError::SessionEnded
                | SessionError::Superseded),
            ) => {
                (e.code(), e.to_string(), None)
            }
            AppError::Dashboard(DashboardError::Session(SessionError::SignIn(e))) => {
                (e.code(), e.to_string(), e.admin_hint())
            }
            AppError::Dashboard(e) => (e.code(), e.to_string(), None),
            AppError::Browser(detail) => (
                "browser",
                format!("POINT could not open your web browser ({detail}). Use \"Open the browser again\", or check your default browser."),
                None,
            ),
            AppError::Refused(refused) => ("managed_by_it", refused.to_string(), None),
            AppError::Update(detail) => (
                "update_failed",
                format!("POINT could not update itself ({detail}). It keeps working as it is; it tries again later."),
                Some("If this goes on, your IT department can install the new version for you."),
            ),
            AppError::Storage(detail) => (
                "storage",
                format!("POINT could not save its settings ({detail})."),
                None,
            ),
        };
        tracing::warn!(code, "command failed");
        Self {
            code: code.to_string(),
            message,
            hint: hint.map(str::to_string),
        }
    }
}

impl From<ConfigError> for AppError {
    fn from(e: ConfigError) -> Self {
        Self::Config(e)
    }
}
impl From<SignInError> for AppError {
    fn from(e: SignInError) -> Self {
        Self::SignIn(e)
    }
}
impl From<SessionError> for AppError {
    fn from(e: SessionError) -> Self {
        Self::Session(e)
    }
}
impl From<DashboardError> for AppError {
    fn from(e: DashboardError) -> Self {
        Self::Dashboard(e)
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
