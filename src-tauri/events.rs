//! The window's events: the use cases' changes, sent as the contract's views.

use point_app::{AppError, AppEvents, AppStatus};
use tauri::{AppHandle, Emitter};

use crate::contract::{ErrorView, SessionView, ERROR_EVENT, SESSION_EVENT};

pub struct WindowEvents(pub AppHandle);

impl AppEvents for WindowEvents {
    fn status_changed(&self, status: &AppStatus) {
        let view = SessionView::of(status.clone(), None);
        if let Err(error) = self.0.emit(SESSION_EVENT, view) {
            tracing::warn!(%error, "could not notify the window");
        }
    }

    fn failed(&self, error: &AppError) {
        if let Err(error) = self.0.emit(ERROR_EVENT, ErrorView::from(error)) {
            tracing::warn!(%error, "could not notify the window");
        }
    }

    fn signed_in_elsewhere(&self) {
        crate::deep_link::focus_main_window(&self.0);
    }
}
