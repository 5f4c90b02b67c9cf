//! In-app updates (desktop): asks the update endpoint in force for a newer POINT, lets the update
//! policy (`point_config::UpdatePolicy`) decide, and installs only what the policy and the user
//! allow. The updater plugin checks each download's signature against the public key in
//! tauri.conf.json before installing it. The UI learns of updates from `update://changed`.
//! Mobile apps update through their app store: there, nothing is checked.

use serde::Serialize;
#[cfg(mobile)]
use tauri::AppHandle;

#[cfg(mobile)]
use crate::error::AppError;
#[cfg(desktop)]
pub use desktop::{install, start, view, PendingUpdate};

/// The event that carries [`UpdateView`] to the UI.
pub const UPDATE_EVENT: &str = "update://changed";

/// What the UI may know of an update.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateView {
    /// `available`, `installing`, `restart` (installed; takes effect on restart) or `failed`.
    pub state: &'static str,
    pub version: String,
    pub notes: Option<String>,
    /// A new major version: the UI asks the user to confirm.
    pub major: bool,
    pub message: Option<String>,
}

#[cfg(mobile)]
pub fn start(_: &AppHandle) {}

#[cfg(mobile)]
pub async fn view(_: &AppHandle) -> Option<UpdateView> {
    None
}

#[cfg(mobile)]
pub async fn install(_: &AppHandle) -> Result<(), AppError> {
    Err(AppError::Update(
        "on phones and tablets, POINT updates through the app store".into(),
    ))
}

#[cfg(desktop)]
mod desktop {
    use std::time::Duration;

    use point_config::{UpdateDecision, UpdatePolicy};
    use tauri::{AppHandle, Emitter, Manager};
    use tauri_plugin_updater::{Update, UpdaterExt};
    use tokio::sync::Mutex;

    use super::{UpdateView, UPDATE_EVENT};
    use crate::error::AppError;
    use crate::state::AppState;

    /// How long after start the first check waits (sign-in and restore come first), and how often
    /// the app checks again while it runs.
    const FIRST_CHECK_AFTER: Duration = Duration::from_secs(10);
    const CHECK_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
    const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

    /// The update found by the last check, if any.
    #[derive(Default)]
    pub struct PendingUpdate {
        update: Mutex<Option<(Update, UpdateView)>>,
    }

    /// Checks now and then every day, in the background, as long as the policy allows.
    pub fn start(app: &AppHandle) {
        if !has_update_key(app) {
            tracing::info!("this build carries no update key: in-app updates are off");
            return;
        }
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(FIRST_CHECK_AFTER).await;
            loop {
                let policy = app.state::<AppState>().settings().0.updates;
                if policy.url.is_none() {
                    tracing::info!(source = ?policy.source, "in-app updates are off");
                    return;
                }
                if let Err(error) = check(&app, &policy).await {
                    tracing::warn!(?error, "update check failed");
                }
                tokio::time::sleep(CHECK_EVERY).await;
            }
        });
    }

    /// Whether `plugins.updater.pubkey` was filled in when this build was made (scripts/package
    /// puts the release key's public half there); without it no update could be verified.
    fn has_update_key(app: &AppHandle) -> bool {
        app.config()
            .plugins
            .0
            .get("updater")
            .and_then(|updater| updater.get("pubkey"))
            .and_then(|key| key.as_str())
            .is_some_and(|key| !key.trim().is_empty())
    }

    async fn check(app: &AppHandle, policy: &UpdatePolicy) -> Result<(), AppError> {
        let Some(url) = policy.url.clone() else {
            return Ok(());
        };
        let decide = policy.clone();
        let current = app.package_info().version.to_string();
        let failed = |e: tauri_plugin_updater::Error| AppError::Update(e.to_string());
        let updater = app
            .updater_builder()
            .endpoints(vec![url])
            .map_err(failed)?
            .timeout(REQUEST_TIMEOUT)
            // Only versions the policy would act on count as updates.
            .version_comparator(move |current, release| {
                !matches!(
                    decide.decide(&current.to_string(), &release.version.to_string()),
                    UpdateDecision::Skip(_)
                )
            })
            .build()
            .map_err(failed)?;
        let Some(update) = updater.check().await.map_err(failed)? else {
            return Ok(());
        };
        let decision = policy.decide(&current, &update.version);
        let view = UpdateView {
            state: "available",
            version: update.version.clone(),
            notes: update.body.clone(),
            major: matches!(decision, UpdateDecision::Offer { major: true }),
            message: None,
        };
        tracing::info!(version = %update.version, ?decision, "update found");
        let pending = app.state::<PendingUpdate>();
        *pending.update.lock().await = Some((update, view.clone()));
        match decision {
            UpdateDecision::Install => install(app).await,
            UpdateDecision::Offer { .. } => {
                let _ = app.emit(UPDATE_EVENT, &view);
                Ok(())
            }
            UpdateDecision::Skip(_) => Ok(()),
        }
    }

    /// The update found by the last check, for a window that just opened.
    pub async fn view(app: &AppHandle) -> Option<UpdateView> {
        let pending = app.state::<PendingUpdate>();
        let guard = pending.update.lock().await;
        guard.as_ref().map(|(_, view)| view.clone())
    }

    /// Downloads, verifies and installs the pending update. It takes effect when POINT restarts
    /// (the UI offers to restart); nothing is installed when no check found one.
    pub async fn install(app: &AppHandle) -> Result<(), AppError> {
        let pending = app.state::<PendingUpdate>();
        let mut guard = pending.update.lock().await;
        let Some((update, view)) = guard.as_mut() else {
            return Err(AppError::Update("there is no update to install".into()));
        };
        if view.state != "available" && view.state != "failed" {
            return Ok(());
        }
        view.state = "installing";
        let _ = app.emit(UPDATE_EVENT, &*view);
        let outcome = update.download_and_install(|_, _| {}, || {}).await;
        match outcome {
            Ok(()) => {
                tracing::info!(version = %view.version, "update installed");
                view.state = "restart";
                view.message = None;
                let _ = app.emit(UPDATE_EVENT, &*view);
                Ok(())
            }
            Err(error) => {
                tracing::warn!(%error, "update could not be installed");
                view.state = "failed";
                view.message = Some(error.to_string());
                let _ = app.emit(UPDATE_EVENT, &*view);
                Err(AppError::Update(error.to_string()))
            }
        }
    }
}
