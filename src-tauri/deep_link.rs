//! Hands `org.pointapp.point:` deep links from the OS (cold start or to the running app) to the
//! use cases, which route and parse them once (`point_app::IncomingLink`); brings the window
//! forward when one completed a sign-in or sign-out. Stray or forged links change nothing but a
//! notice.

use std::sync::Arc;

use point_app::{LinkOutcome, PointApp};
use tauri::{AppHandle, Manager};
use url::Url;

pub fn receive(app: &AppHandle, url: Url, how: &'static str) {
    tracing::info!(url = %point_app::describe(&url), how, "deep link");
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        let point = handle.state::<Arc<PointApp>>().inner().clone();
        if point.receive_link(&url).await == LinkOutcome::Completed {
            focus_main_window(&handle);
        }
    });
}

pub fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
