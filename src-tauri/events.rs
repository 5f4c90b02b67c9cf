//! The window's events: the use cases' changes, sent as the contract's views.

use point_app::{AppError, AppEvents, AppStatus};
use tauri::AppHandle;

use crate::contract::events::{emit, SessionChanged, SessionFailed};
use crate::contract::{ErrorView, SessionView};

pub struct WindowEvents(pub AppHandle);

impl AppEvents for WindowEvents {
    fn status_changed(&self, status: &AppStatus) {
        let view = SessionView::of(status.clone(), None);
        tracing::debug!(target: "launch", state = ?view.state, "session event to the window");
        if let Err(error) = emit::<SessionChanged, _>(&self.0, &view) {
            tracing::warn!(%error, "could not notify the window");
        }
    }

    fn failed(&self, error: &AppError) {
        if let Err(error) = emit::<SessionFailed, _>(&self.0, &ErrorView::from(error)) {
            tracing::warn!(%error, "could not notify the window");
        }
    }

    fn signed_in_elsewhere(&self) {
        crate::deep_link::focus_main_window(&self.0);
    }
}
