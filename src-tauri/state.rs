//! The shell's state: where the app keeps its files, the settings in force, and the session and
//! dashboard client of the organization POINT is set up for. Also the one event the UI listens
//! to, `session://changed`, carrying the non-secret view of the session.

use std::path::PathBuf;
use std::sync::Arc;

use point_auth::{HttpClient, OktaSettings, OktaSignIn};
use point_config::{ManagedConfig, Resolved, Source, UserSettings};
use point_dashboard::DashboardClient;
use point_session::{
    OsKeychain, ProfileCache, SecretStore, Session, SessionState, Status, DEVELOPMENT_SERVICE,
    RELEASE_SERVICE,
};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::RwLock;

use crate::error::{AppError, CommandError};

/// The event that carries [`SessionView`] to the UI.
pub const SESSION_EVENT: &str = "session://changed";
/// The event that carries an error from a deep link (a sign-in that failed in the browser).
pub const ERROR_EVENT: &str = "session://error";

/// One organization's sign-in, session and dashboard.
#[derive(Clone)]
pub struct Organization {
    pub session: Arc<Session>,
    pub dashboard: DashboardClient,
    pub source: Source,
}

pub struct AppState {
    app: AppHandle,
    data_dir: PathBuf,
    config_dir: PathBuf,
    dev_build: bool,
    organization: RwLock<Option<Organization>>,
    problem: RwLock<Option<String>>,
    started: tokio::sync::watch::Sender<bool>,
    /// The last error from a deep link, kept until the window asks: a cold-start link may fail
    /// before the window listens for events.
    undelivered_error: std::sync::Mutex<Option<CommandError>>,
}

/// What the UI may know of the session. Nothing secret.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub configured: bool,
    /// Where the Okta settings in force came from.
    pub settings_source: Option<&'static str>,
    pub settings_problem: Option<String>,
    pub state: &'static str,
    pub name: Option<String>,
    pub email: Option<String>,
    pub organization: Option<String>,
    pub offline_reason: Option<String>,
    pub keychain_problem: Option<String>,
    pub keychain_hint: Option<String>,
    /// An error from a deep link the window has not been told about yet.
    pub error: Option<CommandError>,
}

impl AppState {
    pub fn new(app: &AppHandle) -> Result<Self, AppError> {
        let dev_build = cfg!(debug_assertions);
        let resolve_dir = |dir: tauri::Result<PathBuf>| {
            dir.map_err(|e| AppError::Storage(e.to_string()))
                // Development builds keep their own files, as they keep their own keychain entries.
                .map(|d| if dev_build { d.join("dev") } else { d })
        };
        Ok(Self {
            app: app.clone(),
            data_dir: resolve_dir(app.path().app_data_dir())?,
            config_dir: resolve_dir(app.path().app_config_dir())?,
            dev_build,
            organization: RwLock::new(None),
            problem: RwLock::new(None),
            started: tokio::sync::watch::channel(false).0,
            undelivered_error: std::sync::Mutex::new(None),
        })
    }

    fn keychain_service(&self) -> &'static str {
        if self.dev_build {
            DEVELOPMENT_SERVICE
        } else {
            RELEASE_SERVICE
        }
    }

    /// Resolves the settings in force: the environment (development builds), IT's managed
    /// configuration, then the user's. A managed configuration that cannot be read is reported.
    pub fn settings(&self) -> (Resolved, Option<String>) {
        let user = UserSettings::load(&self.config_dir);
        let (managed, problem) = match ManagedConfig::load_platform() {
            Ok(managed) => (managed, None),
            Err(error) => (None, Some(error.to_string())),
        };
        let resolved = point_config::resolve(
            self.dev_build,
            |name| std::env::var(name).ok(),
            managed.as_ref(),
            &user,
        );
        (resolved, problem)
    }

    /// Sets POINT up from the settings in force and restores the session (in the background).
    pub async fn start(&self) {
        let (resolved, managed_problem) = self.settings();
        *self.problem.write().await =
            managed_problem.or_else(|| resolved.okta_problem.as_ref().map(|p| p.to_string()));
        if let Some((okta, source)) = resolved.okta.clone() {
            match self.organization_for(okta, source, &resolved) {
                Ok(organization) => {
                    self.install(organization.clone()).await;
                    let session = organization.session.clone();
                    let started = self.started.clone();
                    tokio::spawn(async move {
                        session.restore().await;
                        started.send_replace(true);
                    });
                }
                Err(error) => *self.problem.write().await = Some(CommandError::from(error).message),
            }
        }
        if self.organization.read().await.is_none() {
            self.started.send_replace(true);
        }
        self.publish().await;
    }

    /// Waits until [`AppState::start`] has restored the session (or found nothing to restore).
    pub async fn wait_until_started(&self) {
        let mut started = self.started.subscribe();
        let _ = started.wait_for(|done| *done).await;
    }

    /// Builds the sign-in, session and dashboard client for one organization's settings.
    pub fn organization_for(
        &self,
        okta: OktaSettings,
        source: Source,
        resolved: &Resolved,
    ) -> Result<Organization, AppError> {
        let ca = resolved.ca_file.as_ref().map(|(path, _)| path.as_path());
        let http = Arc::new(HttpClient::new(ca)?);
        let sign_in = Arc::new(OktaSignIn::new(okta, http.clone()));
        let store =
            OsKeychain::open(self.keychain_service()).map(|k| Arc::new(k) as Arc<dyn SecretStore>);
        let session = Session::new(sign_in, store, ProfileCache::in_dir(&self.data_dir));
        let dashboard = DashboardClient::new(resolved.api_base.0.clone(), http);
        Ok(Organization {
            session,
            dashboard,
            source,
        })
    }

    /// Makes `organization` the one POINT signs in to, and forwards its session's changes to
    /// the UI.
    pub async fn install(&self, organization: Organization) {
        let mut changes = organization.session.subscribe();
        *self.organization.write().await = Some(organization);
        let app = self.app.clone();
        tokio::spawn(async move {
            while changes.changed().await.is_ok() {
                if let Some(state) = app.try_state::<AppState>() {
                    state.publish().await;
                }
            }
        });
    }

    pub async fn organization(&self) -> Result<Organization, AppError> {
        self.organization
            .read()
            .await
            .clone()
            .ok_or(AppError::NotConfigured)
    }

    /// Saves the user's settings (manual setup or what the work email found).
    pub fn save_user_settings(&self, settings: &UserSettings) -> Result<(), AppError> {
        settings
            .save(&self.config_dir)
            .map_err(|e| AppError::Storage(e.to_string()))
    }

    pub async fn view(&self) -> SessionView {
        let organization = self.organization.read().await.clone();
        let settings_problem = self.problem.read().await.clone();
        let Some(organization) = organization else {
            return SessionView {
                configured: false,
                settings_source: None,
                settings_problem,
                state: "signed_out",
                name: None,
                email: None,
                organization: None,
                offline_reason: None,
                keychain_problem: None,
                keychain_hint: None,
                error: None,
            };
        };
        let Status {
            state,
            keychain_problem,
        } = organization.session.status();
        let (label, profile, offline_reason) = match state {
            SessionState::SignedOut => ("signed_out", None, None),
            SessionState::SigningIn { .. } => ("signing_in", None, None),
            SessionState::SignedIn { profile, .. } => ("signed_in", Some(profile), None),
            SessionState::Offline { profile, reason } => ("offline", Some(profile), Some(reason)),
            SessionState::Ended => ("ended", None, None),
        };
        SessionView {
            configured: true,
            settings_source: Some(organization.source.describe()),
            settings_problem,
            state: label,
            name: profile.as_ref().and_then(|p| p.name.clone()),
            email: profile.as_ref().and_then(|p| p.email.clone()),
            organization: profile.as_ref().and_then(|p| p.organization.clone()),
            offline_reason,
            keychain_hint: keychain_problem.as_ref().map(|p| p.hint().to_string()),
            keychain_problem: keychain_problem.map(|p| p.to_string()),
            error: None,
        }
    }

    /// The view, with the error of a deep link the window has not seen yet (taken once).
    pub async fn view_for_window(&self) -> SessionView {
        let mut view = self.view().await;
        view.error = self.undelivered().take();
        view
    }

    fn undelivered(&self) -> std::sync::MutexGuard<'_, Option<CommandError>> {
        self.undelivered_error
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Sends the current view to the UI.
    pub async fn publish(&self) {
        let view = self.view().await;
        if let Err(error) = self.app.emit(SESSION_EVENT, view) {
            tracing::warn!(%error, "could not notify the window");
        }
    }

    /// Sends an error that happened outside a command (a deep link) to the UI.
    pub fn report(&self, error: AppError) {
        let error = CommandError::from(error);
        *self.undelivered() = Some(error.clone());
        if let Err(emit_error) = self.app.emit(ERROR_EVENT, error) {
            tracing::warn!(%emit_error, "could not notify the window");
        }
    }
}
