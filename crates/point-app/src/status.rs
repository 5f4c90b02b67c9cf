//! The app's status as the window may know it: which organization is in force and where its
//! settings come from, whether IT manages them, the session's state, and a notice. Nothing
//! secret.

use point_config::{OktaSignOut, Source};
use point_session::{Profile, SessionState, Status};

/// See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppStatus {
    /// `None` until POINT knows which Okta to use.
    pub organization: Option<OrganizationStatus>,
    /// Why the settings that were given cannot be used.
    pub settings_problem: Option<point_i18n::Message>,
    /// IT manages the Okta settings: no manual setup, no lookup by email.
    pub okta_settings_managed: bool,
    /// IT's allowed email domains (empty: any).
    pub allowed_email_domains: Vec<String>,
    /// Whether sign-out also ends the Okta session in the browser: the person's choice (`Ask`)
    /// or IT's.
    pub okta_sign_out: OktaSignOut,
    /// The person's last answer to that question (yes until they first answer).
    pub end_okta_session_remembered: bool,
    /// The session (signed out when there is no organization).
    pub session: Status,
    pub notice: Option<Notice>,
    /// A sign-in on another device that waits for the person, started from the window.
    pub device_sign_in: Option<DeviceSignIn>,
    /// Whether sign-in on another device is offered (IT may turn it off).
    pub device_sign_in_allowed: bool,
    /// The organization in force first (when there is one), then the others the person signed
    /// in to here and can switch to (none when IT or the environment set the Okta settings).
    pub organizations: Vec<OrganizationChoice>,
}

/// An organization as the window lists it. Nothing secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationChoice {
    /// A stable name for switching to it (see `organization_key`).
    pub key: String,
    /// Its POINT name (as the dashboard gave it), or its Okta's host.
    pub name: String,
    /// Who is signed in there, as last known.
    pub email: Option<String>,
    /// The organization in force.
    pub current: bool,
    /// Whether it has a session (a switch to it needs no sign-in).
    pub signed_in: bool,
}

/// What the window shows while a sign-in on another device waits: the page and the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceSignIn {
    pub user_code: String,
    pub verification_uri: url::Url,
    pub verification_uri_complete: Option<url::Url>,
    pub expires_at: std::time::SystemTime,
}

impl DeviceSignIn {
    pub fn of(authorization: &point_auth::DeviceAuthorization) -> Self {
        Self {
            user_code: authorization.user_code.clone(),
            verification_uri: authorization.verification_uri.clone(),
            verification_uri_complete: authorization.verification_uri_complete.clone(),
            expires_at: authorization.expires_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationStatus {
    /// Where the Okta settings in force came from.
    pub source: Source,
}

/// Something the person may want to know that did not change what they were doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A sign-in link arrived that belongs to no sign-in in progress (or to another one, or to
    /// another identity provider, or was unreadable): POINT ignored it.
    IgnoredSignInLink(IgnoredBecause),
    /// IT's policy no longer trusts these Okta organizations (their hosts): POINT signed out of
    /// them (refresh tokens revoked, keychain entries deleted) and forgot them.
    SignedOutOfUntrustedOkta(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredBecause {
    NoSignInInProgress,
    NotThisSignIn,
    OtherProvider,
    Unreadable,
}

/// The identity of a session that is signed in (fresh tokens).
pub(crate) fn signed_in_profile(state: &SessionState) -> Option<Profile> {
    match state {
        SessionState::SignedIn { profile, .. } => Some(profile.clone()),
        _ => None,
    }
}

/// The identity of a session that has one (signed in, offline, or being restored).
pub(crate) fn profile_of(state: &SessionState) -> Option<Profile> {
    match state {
        SessionState::SignedIn { profile, .. }
        | SessionState::Offline { profile, .. }
        | SessionState::Restoring { profile } => Some(profile.clone()),
        SessionState::SignedOut | SessionState::SigningIn { .. } | SessionState::Ended => None,
    }
}

/// The session's state in words, for the support bundle.
pub(crate) fn state_name(state: &SessionState) -> point_i18n::Message {
    point_i18n::Message::new(match state {
        SessionState::SignedOut => "bundle-state-signed-out",
        SessionState::Restoring { .. } => "bundle-state-restoring",
        SessionState::SigningIn { .. } => "bundle-state-signing-in",
        SessionState::SignedIn { .. } => "bundle-state-signed-in",
        SessionState::Offline { .. } => "bundle-state-offline",
        SessionState::Ended => "bundle-state-ended",
    })
}
