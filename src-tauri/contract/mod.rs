//! Everything that crosses to the webview, in one place: the views (`views.rs`), the errors with
//! their codes and the one exhaustive mapping to `{ code, message, hint }` (`errors.rs`), the
//! commands with their arguments and answers (`commands.rs`) and the events with their payloads
//! (`events.rs`). Nothing here carries a token, a code or a callback URL.
//!
//! The UI's types are generated from these (`typescript.rs`, in tests: ts-rs derives, so the app
//! carries none of it) into `contract.d.ts` beside this file, with `examples.ts`, what the UI
//! receives for each view and error, typed by it; `tests.rs` fails when either is stale
//! (`POINT_UPDATE_CONTRACT=1 cargo test -p point --lib contract` rewrites them), and
//! `scripts/check-ui` type-checks `ui/` against them.

pub mod commands;
mod errors;
pub mod events;
mod views;

pub use errors::{ErrorCode, ErrorView, UpdateFailed};
pub use views::{
    ActivityView, DashboardView, DeviceSignInView, DirectionView, LocalizationView, MetricView,
    NoticeView, OktaSignOutView, OrganizationView, SessionStateView, SessionView, StaleView,
    SupportView, UpdateState, UpdateView,
};

#[cfg(test)]
mod error_code_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod typescript;
