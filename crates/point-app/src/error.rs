//! What a use case can fail with, by who failed: typed causes, no UI sentences. The shell's
//! contract module maps each to `{ code, message, hint }` in one exhaustive match.

use point_auth::{ConfigError, SignInError};
use point_config::Refused;
use point_dashboard::DashboardError;
use point_i18n::Message;
use point_session::SessionError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// No Okta settings yet (and no work email to find them with).
    NotConfigured,
    /// The settings in force cannot be used (IT's configuration unreadable, a dashboard address
    /// that is not https): the reason, for the person.
    SettingsUnusable(Message),
    /// What was typed in manual setup is not an Okta domain or Client ID.
    Settings(ConfigError),
    SignIn(SignInError),
    Session(SessionError),
    Dashboard(DashboardError),
    /// The system browser did not start. Carries nothing: the URL may hold the ID token.
    BrowserDidNotOpen,
    /// The user's settings could not be saved (the OS's reason; no secret).
    Storage(String),
    /// A change IT's managed configuration does not allow.
    Refused(Refused),
}

impl AppError {
    /// What went wrong, in the person's language (and in English for logs). The hint, where
    /// there is one, is the contract's to add (`ErrorView`).
    pub fn message(&self) -> Message {
        match self {
            Self::NotConfigured => Message::new("error-not-configured"),
            Self::SettingsUnusable(reason) => reason.clone(),
            Self::Settings(error) => error.message(),
            Self::SignIn(error) => error.message(),
            Self::Session(error) => error.message(),
            Self::Dashboard(error) => error.message(),
            Self::BrowserDidNotOpen => Message::new("error-browser"),
            Self::Storage(detail) => Message::new("error-storage").with("detail", detail),
            Self::Refused(refused) => refused.message(),
        }
    }
}

point_i18n::english_display!(AppError);

macro_rules! from_cause {
    ($($variant:ident($cause:ty),)*) => {$(
        impl From<$cause> for AppError {
            fn from(error: $cause) -> Self {
                Self::$variant(error)
            }
        }
    )*};
}

from_cause! {
    Settings(ConfigError),
    SignIn(SignInError),
    Session(SessionError),
    Dashboard(DashboardError),
    Refused(Refused),
}
