//! The views: what the window is shown of the session, the dashboard, the support bundle and
//! updates, built from the use cases' types. Nothing here carries a token, a code or a callback
//! URL. Each view derives its TypeScript declaration (in tests only: see `typescript.rs`).

use point_app::{AppStatus, DashboardData, DeviceSignIn, IgnoredBecause, Notice, Staleness};
use point_config::OktaSignOut;
use point_session::SessionState;
use serde::Serialize;

use super::ErrorView;

/// Where the session stands, as the UI names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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

/// The language the window speaks: its tag (the page's `lang`), its direction (`dir`), whether
/// it is the pseudo-locale (the window then accents and lengthens every message), and its
/// catalogs (Project Fluent source, `crates/point-i18n/locales/`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LocalizationView {
    pub locale: String,
    pub direction: DirectionView,
    pub pseudo: bool,
    pub resources: Vec<String>,
}

/// Which way the window's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DirectionView {
    Ltr,
    Rtl,
}

impl LocalizationView {
    pub fn of(localization: point_i18n::Localization) -> Self {
        Self {
            locale: localization.locale.to_string(),
            direction: match localization.direction {
                point_i18n::Direction::LeftToRight => DirectionView::Ltr,
                point_i18n::Direction::RightToLeft => DirectionView::Rtl,
            },
            pseudo: localization.pseudo,
            resources: localization
                .resources
                .iter()
                .map(|r| r.to_string())
                .collect(),
        }
    }
}

/// Whether signing out also ends the Okta session in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum OktaSignOutView {
    /// The person chooses.
    Ask,
    Always,
    Never,
}

/// A notice: shown without leaving the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NoticeView {
    /// A sign-in link that belongs to no sign-in in progress was ignored.
    IgnoredSignInLink,
    /// IT's policy no longer trusts an Okta organization the person had signed in to: POINT
    /// signed out of it and forgot it.
    SignedOutOfUntrustedOkta,
}

/// What the UI may know of the app and the session. Nothing secret.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub configured: bool,
    /// Where the Okta settings in force came from.
    pub settings_source: Option<String>,
    pub settings_problem: Option<String>,
    /// IT manages the Okta settings: no manual setup, no email lookup.
    pub managed_by_it: bool,
    /// IT's allowed email domains (empty: any).
    pub allowed_email_domains: Vec<String>,
    /// Whether sign-out asks about ending the Okta session in the browser, or IT decided.
    pub okta_sign_out: OktaSignOutView,
    /// The person's last answer to "also sign out of Okta in my browser", for the sign-out
    /// confirmation's checkbox when the choice is theirs.
    pub end_okta_session_remembered: bool,
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
    /// Whether "Sign in on another device" is offered (IT may turn it off).
    pub device_sign_in_allowed: bool,
    /// The organization in force first, then the others the person can switch to.
    pub organizations: Vec<OrganizationView>,
    /// Whether the person may sign in to another organization here (the Okta settings are
    /// theirs, not IT's or the environment's).
    pub may_add_organization: bool,
}

/// An organization in the window's switcher.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DeviceSignInView {
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: Option<String>,
    /// An SVG image as a `data:` URI (the CSP allows `data:` images, nothing else).
    pub qr_code: Option<String>,
    /// When the code expires (milliseconds since the epoch).
    #[cfg_attr(test, ts(type = "number"))]
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
            Some(Notice::SignedOutOfUntrustedOkta(hosts)) => (
                Some(NoticeView::SignedOutOfUntrustedOkta),
                Some(format!(
                    "Your IT department no longer allows signing in to {} with POINT, so POINT \
                     signed you out there.",
                    hosts.join(", ")
                )),
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
            settings_source: status.organization.map(|o| o.source.message().spoken()),
            settings_problem: status.settings_problem.map(|p| p.spoken()),
            managed_by_it: status.okta_settings_managed,
            allowed_email_domains: status.allowed_email_domains,
            okta_sign_out: match status.okta_sign_out {
                OktaSignOut::Ask => OktaSignOutView::Ask,
                OktaSignOut::Always => OktaSignOutView::Always,
                OktaSignOut::Never => OktaSignOutView::Never,
            },
            end_okta_session_remembered: status.end_okta_session_remembered,
            state,
            name: profile.as_ref().and_then(|p| p.name.clone()),
            email: profile.as_ref().and_then(|p| p.email.clone()),
            organization: profile.as_ref().and_then(|p| p.organization.clone()),
            offline_reason,
            keychain_hint: keychain_problem.as_ref().map(|p| p.hint().spoken()),
            keychain_problem: keychain_problem.map(|p| p.message().spoken()),
            device_sign_in: status.device_sign_in.map(DeviceSignInView::from),
            device_sign_in_allowed: status.device_sign_in_allowed,
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

pub(super) fn ignored_link_message(because: IgnoredBecause) -> &'static str {
    match because {
        IgnoredBecause::NoSignInInProgress => "POINT received a sign-in link, but no sign-in is in progress, so it ignored it.",
        IgnoredBecause::NotThisSignIn => "POINT received a sign-in link that does not belong to the sign-in in progress, so it ignored it.",
        IgnoredBecause::OtherProvider => "POINT received a sign-in link from a different identity provider, so it ignored it.",
        IgnoredBecause::Unreadable => "POINT received a sign-in link it cannot read, so it ignored it.",
    }
}

/// Why the dashboard shown is not fresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StaleView {
    Offline,
    DashboardUnavailable,
    /// Kept from the last run, shown while the launch brings the session back.
    Restoring,
}

/// The signed-in person's dashboard.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DashboardView {
    /// When a kept dashboard was fetched (milliseconds since the epoch); `null` when fresh.
    #[cfg_attr(test, ts(type = "number | null"))]
    pub as_of: Option<u64>,
    pub stale: Option<StaleView>,
    pub name: String,
    pub email: String,
    pub role: String,
    pub organization: String,
    pub metrics: Vec<MetricView>,
    pub activity: Vec<ActivityView>,
    /// For a kept dashboard: when to ask again by itself (milliseconds from now, under POINT's
    /// one retry policy); `null` when fresh.
    #[cfg_attr(test, ts(type = "number | null"))]
    pub retry_in_ms: Option<u64>,
}

impl DashboardView {
    /// With when the window asks again (see `retry_in_ms`).
    pub fn asking_again_in(self, wait: Option<std::time::Duration>) -> Self {
        Self {
            retry_in_ms: wait.map(|w| w.as_millis() as u64),
            ..self
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MetricView {
    pub label: String,
    pub value: f64,
    pub unit: String,
    pub change_percent: f64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
                Staleness::Restoring => StaleView::Restoring,
            }),
            name: me.user.name,
            email: me.user.email,
            role: me.user.role,
            organization: me.organization.name,
            retry_in_ms: None,
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
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UpdateView {
    pub state: UpdateState,
    pub version: String,
    pub notes: Option<String>,
    /// A new major version: the UI asks the user to confirm.
    pub major: bool,
    pub message: Option<String>,
}
