//! POINT's use cases, without Tauri, each with one owner: which organization is in force
//! (settings → one HTTP client → sign-in → session → dashboard client, built once and rebuilt
//! when the settings change), sign-in with a work email or after manual setup under IT's policy,
//! sign-out, the dashboard, and incoming deep links. The shell (`src-tauri/`) gives it the
//! machine's seams ([`Surroundings`]) and calls one method per command.

mod app;
mod dashboard_cache;
mod dashboards;
#[cfg(target_os = "linux")]
pub mod desktop_portal;
mod error;
mod links;
mod organization;
mod organizations;
pub mod sign_in_command;
mod sign_ins;
mod status;
mod support;
mod surroundings;
mod sync;
mod window;

pub use app::PointApp;
pub use dashboards::{DashboardData, Staleness};
pub use error::AppError;
pub use links::{describe, IncomingLink, LinkOutcome, SCHEME};
pub use organization::{organization_key, Organization};
pub use status::{
    AppStatus, DeviceSignIn, IgnoredBecause, Notice, OrganizationChoice, OrganizationStatus,
};
pub use support::{scrub, SupportContact, DEFAULT_SUPPORT_EMAIL, DEFAULT_SUPPORT_URL};
pub use surroundings::{AppEvents, BrowserDidNotOpen, Surroundings, SystemBrowser};
