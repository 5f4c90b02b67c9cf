//! [`PointApp`]: the use cases, one method per thing a person (or the OS) does.
//!
//! - Settings: resolved at start and whenever the person sets them (manual setup, a work email
//!   the dashboard knows); the organization's parts are rebuilt then, and only then.
//! - IT's policy, enforced here: with managed Okta settings, manual setup and email lookup are
//!   refused; with allowed email domains, a typed email outside them is refused before the
//!   browser opens, and the session admits only a verified email inside them.
//! - Deep links: a sign-in link that belongs to no sign-in in progress (stray, forged, for
//!   another sign-in or provider, unreadable) is logged and shown as a notice; it changes
//!   nothing else. A genuine one completes the sign-in.
//! - Several organizations (a contractor's): one session each, each refresh token in its own
//!   keychain entry. The one in force is the user's settings' current organization; the others
//!   they signed in to wait in the settings, and switching to one restores its session without
//!   a sign-in. Signing out ends the one in force only. IT's managed Okta settings pin POINT to
//!   theirs: no adding, no switching.
//! - Events: the status goes to the window once per change.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex as SyncMutex, Weak};
use std::time::{Duration, Instant, SystemTime};

use point_auth::{OktaSettings, Prompt, SignInCallback, SignInError};
use point_config::{OktaSignOut, Refused, Resolved, SavedOrganization, Source, UserSettings};
use point_dashboard::DashboardError;
use point_dashboard::{Dashboard, DashboardClient, Me};
use point_session::{Profile, ProfileCache, SessionError, SessionState, Status};
use tokio::sync::{watch, RwLock};
use url::Url;

use crate::dashboard_cache::DashboardCache;
use crate::error::AppError;
use crate::links::{describe, IncomingLink};
use crate::organization::{http_client_for, organization_dir, organization_key, Organization};
use crate::status::{
    AppStatus, DeviceSignIn, IgnoredBecause, Notice, OrganizationChoice, OrganizationStatus,
};
use crate::support::{self, SupportContact};
use crate::surroundings::Surroundings;

/// The signed-in person's dashboard: fresh, or the last one kept, with its time and why.
#[derive(Debug, Clone)]
pub struct DashboardData {
    pub me: Me,
    pub dashboard: Dashboard,
    /// When a kept dashboard was fetched; `None` when it is fresh.
    pub as_of: Option<SystemTime>,
    pub stale: Option<Staleness>,
}

/// Why the dashboard shown is not fresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    /// Okta cannot be reached (no network, a captive portal, Okta down).
    Offline,
    /// Okta answers but the dashboard does not (an outage of the dashboard API).
    DashboardUnavailable,
}

/// What became of a deep link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkOutcome {
    /// It completed a sign-in or a sign-out: bring the window forward.
    Completed,
    /// Not for POINT, or for no sign-in in progress: ignored (a notice at most).
    Ignored,
    /// It belonged to the sign-in in progress, which failed: the window shows the error.
    Failed,
}

/// See the module documentation. Shared as `Arc<PointApp>`.
pub struct PointApp {
    surroundings: Surroundings,
    organization: RwLock<Option<Organization>>,
    /// Every organization built in this run, by key: one session per organization, whichever is
    /// in force (switching back finds the same session, never a second refresher of its token).
    built: SyncMutex<std::collections::HashMap<String, Organization>>,
    /// The name of the organization in force and the other organizations, as the user's
    /// settings list them (empty when IT or the environment set the Okta settings).
    choices: SyncMutex<(Option<String>, Vec<OrganizationChoice>)>,
    /// Held while the organization in force changes (the settings file read, changed and
    /// saved, the organization installed, the list read), so that two changes never interleave.
    changing_organization: tokio::sync::Mutex<()>,
    settings_problem: SyncMutex<Option<String>>,
    /// IT's policy as of the last time the settings were read (for the window).
    policy: SyncMutex<(bool, Vec<String>, OktaSignOut)>,
    notice: SyncMutex<Option<Notice>>,
    started: watch::Sender<bool>,
    /// Set once `start` has built (or not) the organization and published the first status.
    set_up: watch::Sender<bool>,
    /// The last status sent to the window, so each change is sent once.
    published: tokio::sync::Mutex<Option<AppStatus>>,
    /// The last failure from a deep link, until the window asks (a cold-start link may fail
    /// before the window listens).
    undelivered: SyncMutex<Option<AppError>>,
    myself: Weak<PointApp>,
    /// The dashboard fetched as soon as a launch restored the session, for the window's first
    /// ask (it is then already there, or on its way, instead of starting after the window asks).
    prefetched: tokio::sync::Mutex<Option<Prefetched>>,
    /// The loopback listener of a sign-in whose answer cannot come as a link.
    loopback: SyncMutex<Option<tokio::task::AbortHandle>>,
    /// The sign-in on another device the window started, and the task that waits for it.
    device_sign_in: SyncMutex<Option<(DeviceSignIn, tokio::task::AbortHandle)>>,
}

/// A dashboard fetch started for one person at one time.
struct Prefetched {
    /// The organization and the person it was fetched for.
    key: String,
    subject: String,
    at: Instant,
    fetch: tokio::task::JoinHandle<Result<DashboardData, AppError>>,
}

/// How long a prefetched dashboard is good for the window's first ask; older, it is fetched again.
const PREFETCH_FRESH_FOR: Duration = Duration::from_secs(30);

fn lock<T>(mutex: &SyncMutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl PointApp {
    pub fn new(surroundings: Surroundings) -> Arc<Self> {
        Arc::new_cyclic(|myself| Self {
            surroundings,
            organization: RwLock::new(None),
            built: SyncMutex::new(std::collections::HashMap::new()),
            choices: SyncMutex::new((None, Vec::new())),
            changing_organization: tokio::sync::Mutex::new(()),
            settings_problem: SyncMutex::new(None),
            policy: SyncMutex::new((false, Vec::new(), OktaSignOut::Ask)),
            notice: SyncMutex::new(None),
            started: watch::channel(false).0,
            set_up: watch::channel(false).0,
            published: tokio::sync::Mutex::new(None),
            undelivered: SyncMutex::new(None),
            myself: myself.clone(),
            prefetched: tokio::sync::Mutex::new(None),
            device_sign_in: SyncMutex::new(None),
            loopback: SyncMutex::new(None),
        })
    }

    /// The settings in force: the environment (development builds), IT's managed
    /// configuration, then the user's; with the reason IT's configuration cannot be read.
    pub fn settings(&self) -> (Resolved, Option<String>) {
        let s = &self.surroundings;
        let user = UserSettings::load(&s.config_dir);
        let (managed, problem) = match (s.managed)() {
            Ok(managed) => (managed, None),
            Err(error) => (None, Some(error.to_string())),
        };
        let resolved =
            point_config::resolve(s.identity.is_development(), &s.env, managed.as_ref(), &user);
        *lock(&self.policy) = (
            // IT's configuration unreadable: locked, as if IT managed everything (fail closed).
            problem.is_some() || resolved.may_change_okta_settings().is_err(),
            resolved
                .managed
                .as_ref()
                .map(|m| m.allowed_email_domains.clone())
                .unwrap_or_default(),
            resolved
                .managed
                .as_ref()
                .and_then(|m| m.okta_sign_out)
                .unwrap_or_default(),
        );
        (resolved, problem)
    }

    // ---- launch ----

    /// Sets POINT up from the settings in force and restores the session in the background.
    pub async fn start(&self) {
        self.start_restoring(true).await;
    }

    /// Like [`PointApp::start`], without restoring the session: the organization in force is set
    /// up, and a stored session only shows as "restoring" (its cached profile) with no request
    /// and no refresh. For `point sign-in --device`, which must not redeem the refresh token of
    /// an app that may be running.
    pub async fn set_up_without_restoring(&self) {
        self.start_restoring(false).await;
    }

    async fn start_restoring(&self, restore: bool) {
        let (resolved, managed_problem) = self.settings();
        let unreadable = managed_problem.is_some();
        *lock(&self.settings_problem) = managed_problem
            .or_else(|| resolved.okta_problem.as_ref().map(|p| p.to_string()))
            .or_else(|| resolved.api_base_problem())
            .or_else(|| resolved.proxy_problem());
        let mut restoring = false;
        // IT's configuration cannot be read: POINT does not guess what IT meant (its lock, its
        // email domains), so it signs in to nothing until IT fixes it.
        if let Some((okta, source)) = resolved.okta.clone().filter(|_| !unreadable) {
            match self.organization_for(okta, source, &resolved) {
                Ok(organization) => {
                    let session = organization.session.clone();
                    // The cached name at once: the window never shows the sign-in screen to a
                    // person who is about to be signed in.
                    session.begin_restoring();
                    self.install(organization).await;
                    if restore {
                        restoring = true;
                        let started = self.started.clone();
                        let app = self.myself.clone();
                        tokio::spawn(async move {
                            session.restore().await;
                            started.send_replace(true);
                            if let Some(app) = app.upgrade() {
                                app.prefetch_dashboard().await;
                            }
                        });
                    }
                }
                Err(error) => *lock(&self.settings_problem) = Some(error.to_string()),
            }
        }
        if !restoring {
            self.started.send_replace(true);
        }
        self.list_other_organizations(&resolved);
        self.publish().await;
        self.set_up.send_replace(true);
    }

    /// Waits (briefly) until [`PointApp::start`] has set the organization up, so that a window
    /// that asks early is not shown the sign-in screen of a person about to be signed in.
    async fn wait_until_set_up(&self) {
        let mut set_up = self.set_up.subscribe();
        let _ = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            set_up.wait_for(|done| *done),
        )
        .await;
    }

    /// Waits until [`PointApp::start`] has restored the session (or found nothing to restore).
    pub async fn wait_until_started(&self) {
        let mut started = self.started.subscribe();
        let _ = started.wait_for(|done| *done).await;
    }

    // ---- what the window shows ----

    /// The status, now.
    pub async fn status(&self) -> AppStatus {
        let (okta_settings_managed, allowed_email_domains, okta_sign_out) =
            lock(&self.policy).clone();
        let organization = self.organization.read().await.clone();
        let session = organization
            .as_ref()
            .map(|o| o.session.status())
            .unwrap_or(Status {
                state: SessionState::SignedOut,
                keychain_problem: None,
            });
        let (current_name, others) = lock(&self.choices).clone();
        let mut organizations = Vec::new();
        if let Some(current) = &organization {
            let profile = profile_of(&session.state);
            let signed_in = profile.is_some();
            organizations.push(OrganizationChoice {
                key: current.key.clone(),
                name: current_name
                    .or_else(|| profile.as_ref().and_then(|p| p.organization.clone()))
                    .unwrap_or_else(|| {
                        current
                            .session
                            .sign_in()
                            .settings()
                            .issuer
                            .host()
                            .to_string()
                    }),
                email: profile.and_then(|p| p.email),
                current: true,
                signed_in,
            });
        }
        organizations.extend(others);
        AppStatus {
            organizations,
            organization: organization.map(|o| OrganizationStatus { source: o.source }),
            settings_problem: lock(&self.settings_problem).clone(),
            okta_settings_managed,
            allowed_email_domains,
            okta_sign_out,
            session,
            notice: *lock(&self.notice),
            device_sign_in: lock(&self.device_sign_in)
                .as_ref()
                .map(|(shown, _)| shown.clone()),
        }
    }

    /// The failure of a deep link the window has not been told about (taken once).
    pub fn take_undelivered_error(&self) -> Option<AppError> {
        lock(&self.undelivered).take()
    }

    /// What a window that opens (or reloads) needs: the status, and the failure of a deep link
    /// it has not been told about (a cold-start link may fail before it listens), taken once.
    pub async fn status_for_window(&self) -> (AppStatus, Option<AppError>) {
        self.wait_until_set_up().await;
        (self.status().await, self.take_undelivered_error())
    }

    /// Clears the notice.
    pub async fn dismiss_notice(&self) {
        lock(&self.notice).take();
        self.publish().await;
    }

    /// Sends the status to the window if it changed since it was last sent.
    /// One publisher at a time, reading the status under the lock: the last one sent is the
    /// latest.
    async fn publish(&self) {
        let mut published = self.published.lock().await;
        let status = self.status().await;
        if published.as_ref() == Some(&status) {
            return;
        }
        *published = Some(status.clone());
        self.surroundings.events.status_changed(&status);
    }

    fn report(&self, error: AppError) {
        self.surroundings.events.failed(&error);
        *lock(&self.undelivered) = Some(error);
    }

    // ---- the organization in force ----

    async fn organization(&self) -> Result<Organization, AppError> {
        self.organization
            .read()
            .await
            .clone()
            .ok_or(AppError::NotConfigured)
    }

    /// Makes `organization` the one POINT signs in to.
    async fn install(&self, organization: Organization) {
        *self.organization.write().await = Some(organization);
    }

    /// The organization for these settings: the one built earlier in this run (its session
    /// and its state), or a new one whose session's changes go to the window.
    fn organization_for(
        &self,
        okta: OktaSettings,
        source: Source,
        resolved: &Resolved,
    ) -> Result<Organization, AppError> {
        let key = organization_key(&okta);
        if let Some(built) = lock(&self.built).get_mut(&key) {
            // The same organization (its issuer and Client ID): the same session, whatever
            // else the settings now say (never a second session for one refresh token).
            if okta.dpop {
                built.session.sign_in().ask_for_dpop();
            }
            built.source = source;
            return Ok(built.clone());
        }
        let organization = Organization::build(okta, source, resolved, &self.surroundings)?;
        let mut changes = organization.session.subscribe();
        let dir = organization.dir.clone();
        let app = self.myself.clone();
        tokio::spawn(async move {
            while changes.changed().await.is_ok() {
                let ended = changes.borrow_and_update().state == SessionState::Ended;
                match app.upgrade() {
                    Some(app) => {
                        if ended {
                            // The provider ended the session: its kept dashboard goes too.
                            DashboardCache::in_dir(&dir).clear();
                        }
                        app.publish().await
                    }
                    None => return,
                }
            }
        });
        lock(&self.built).insert(key, organization.clone());
        Ok(organization)
    }

    /// Reads the other organizations from the user's settings for the window (none when the
    /// Okta settings in force are not the user's: IT's or the environment's pin them).
    fn list_other_organizations(&self, resolved: &Resolved) {
        let user = UserSettings::load(&self.surroundings.config_dir);
        let theirs = matches!(resolved.okta, Some((_, Source::User)))
            && resolved.may_change_okta_settings().is_ok();
        if !theirs {
            *lock(&self.choices) = (None, Vec::new());
            return;
        }
        let others = user
            .other_organizations
            .iter()
            .filter_map(|saved| {
                let okta = saved.okta_settings().ok()?;
                let profile =
                    ProfileCache::in_dir(&organization_dir(&self.surroundings.data_dir, &okta))
                        .load();
                Some(OrganizationChoice {
                    key: organization_key(&okta),
                    name: saved
                        .organization_name
                        .clone()
                        .or_else(|| profile.as_ref().and_then(|p| p.organization.clone()))
                        .unwrap_or_else(|| okta.issuer.host().to_string()),
                    email: profile.as_ref().and_then(|p| p.email.clone()),
                    current: false,
                    signed_in: profile.is_some(),
                })
            })
            .collect();
        *lock(&self.choices) = (user.organization_name.clone(), others);
    }

    /// Whether the organization in force has a session to come back to (its profile is kept
    /// from sign-in until sign-out or the session's end).
    async fn current_has_session(&self) -> bool {
        match self.organization.read().await.as_ref() {
            Some(current) => ProfileCache::in_dir(&current.dir).load().is_some(),
            None => false,
        }
    }

    /// Puts `chosen` in force in the user's settings (the organization in force until now stays
    /// listed when it has a session) and builds it.
    async fn adopt(
        &self,
        _changing: &tokio::sync::MutexGuard<'_, ()>,
        okta: OktaSettings,
        chosen: SavedOrganization,
    ) -> Result<(), AppError> {
        // A dashboard fetched for the organization in force until now is not this one's.
        self.prefetched.lock().await.take();
        let mut user = UserSettings::load(&self.surroundings.config_dir);
        user.make_current(chosen, self.current_has_session().await);
        user.save(&self.surroundings.config_dir)
            .map_err(|e| AppError::Storage(e.to_string()))?;
        let (resolved, _) = self.settings();
        let organization = self.organization_for(okta, Source::User, &resolved)?;
        *lock(&self.settings_problem) = None;
        self.install(organization).await;
        self.list_other_organizations(&resolved);
        Ok(())
    }

    /// Switches to another organization the person signed in to here (`key` from the status):
    /// its session comes back from the keychain without a sign-in; the one in force keeps its
    /// own. Refused when IT manages the Okta settings.
    pub async fn switch_organization(&self, key: &str) -> Result<(), AppError> {
        let (resolved, unreadable) = self.settings();
        if let Some(problem) = unreadable {
            return Err(AppError::SettingsUnusable(problem));
        }
        resolved.may_change_okta_settings()?;
        let changing = self.changing_organization.lock().await;
        let current = self.organization().await.ok();
        if current.as_ref().is_some_and(|current| current.key == key) {
            // Already in force (a second click): nothing to do.
            return Ok(());
        }
        let user = UserSettings::load(&self.surroundings.config_dir);
        let Some((chosen, okta)) = user.other_organizations.iter().find_map(|saved| {
            let okta = saved.okta_settings().ok()?;
            (organization_key(&okta) == key).then(|| (saved.clone(), okta))
        }) else {
            return Err(AppError::NotConfigured);
        };
        // What was under way for the organization in force stops with it.
        self.stop_sign_ins_under_way(current.as_ref()).await;
        self.adopt(&changing, okta, chosen).await?;
        drop(changing);
        let organization = self.organization().await?;
        let session = organization.session.clone();
        if matches!(session.status().state, SessionState::SignedOut) {
            // Not restored yet in this run: the cached name now, the session from the keychain.
            session.begin_restoring();
            let app = self.myself.clone();
            tokio::spawn(async move {
                session.restore().await;
                if let Some(app) = app.upgrade() {
                    app.publish().await;
                }
            });
        }
        self.publish().await;
        Ok(())
    }

    /// Keeps in the user's settings that this organization's Okta app requires DPoP, once a
    /// sign-in found it out (Okta refused a request without a proof): the next launch proves
    /// its key from the first request, instead of asking Okta again with an authorization
    /// code it may have spent.
    async fn remember_dpop_requirement(&self, organization: &Organization) {
        let sign_in = organization.session.sign_in();
        if organization.source != Source::User || !sign_in.learned_dpop_requirement() {
            return;
        }
        let _changing = self.changing_organization.lock().await;
        let mut user = UserSettings::load(&self.surroundings.config_dir);
        let theirs = user
            .current()
            .and_then(|current| current.okta_settings().ok())
            .is_some_and(|okta| organization_key(&okta) == organization.key);
        if theirs && !user.okta_dpop {
            user.okta_dpop = true;
            if let Err(error) = user.save(&self.surroundings.config_dir) {
                tracing::warn!(%error, "could not keep that the Okta app requires DPoP");
            }
        }
    }

    /// Stops the sign-ins under way (one waiting for the browser, its loopback listener, one on
    /// another device) and the notice: before another sign-in, or a change of organization.
    async fn stop_sign_ins_under_way(&self, current: Option<&Organization>) {
        self.stop_device_sign_in();
        self.stop_listening();
        lock(&self.notice).take();
        if let Some(current) = current {
            current.session.cancel_sign_in().await;
        }
    }

    /// Signs in to another organization, found by the person's work email, keeping the one in
    /// force (and its session) to switch back to. Refused when IT manages the Okta settings.
    pub async fn sign_in_to_another_organization(&self, email: &str) -> Result<(), AppError> {
        let email = email.trim();
        let (resolved, unreadable) = self.settings();
        if let Some(problem) = unreadable {
            return Err(AppError::SettingsUnusable(problem));
        }
        resolved.may_use_email(email)?;
        let user = UserSettings::load(&self.surroundings.config_dir);
        let others_issuers: Vec<String> = user
            .current()
            .into_iter()
            .chain(user.other_organizations)
            .filter_map(|saved| saved.okta_settings().ok())
            .map(|okta| okta.issuer.as_str().to_string())
            .collect();
        self.stop_sign_ins_under_way(self.organization().await.ok().as_ref())
            .await;
        let organization = self.find_by_email(&resolved, email).await?;
        // The browser may be signed in to this Okta as the person's other account: Okta asks
        // who is signing in.
        let issuer = organization
            .session
            .sign_in()
            .settings()
            .issuer
            .as_str()
            .to_string();
        let prompt = if others_issuers.contains(&issuer) {
            Prompt::Login
        } else {
            Prompt::Default
        };
        self.begin_browser_sign_in(&organization, Some(email), prompt)
            .await
    }

    // ---- use cases ----

    /// Starts a sign-in on another device from the window: the status then carries the code
    /// and the page until the person has signed in there (signed in), declined or let the code
    /// expire (the error goes to the window as an event), or the window cancels. A second start
    /// replaces the first.
    pub async fn begin_sign_in_on_another_device(&self) -> Result<(), AppError> {
        if let (_, Some(problem)) = self.settings() {
            return Err(AppError::SettingsUnusable(problem));
        }
        let organization = self.organization().await?;
        // One sign-in at a time: a browser sign-in that waits ends.
        self.stop_sign_ins_under_way(Some(&organization)).await;
        let session = organization.session.clone();
        let (authorization, attempt) = session.begin_sign_in_on_another_device().await?;
        let shown = DeviceSignIn::of(&authorization);
        // Only the waiting is cancelled (it changes nothing); keeping the session, once the
        // person has signed in, runs to its end.
        let polling = session.clone();
        let waiting = tokio::spawn(async move {
            polling
                .wait_for_sign_in_on_another_device(&authorization)
                .await
        });
        let cancel = waiting.abort_handle();
        let app = self.myself.clone();
        let code = shown.user_code.clone();
        tokio::spawn(async move {
            let finished = match waiting.await {
                Ok(Ok(signed_in)) => {
                    let kept = session
                        .keep_sign_in_on_another_device(signed_in, attempt)
                        .await;
                    if let (Ok(_), Some(app)) = (&kept, app.upgrade()) {
                        if let Ok(organization) = app.organization().await {
                            app.remember_dpop_requirement(&organization).await;
                        }
                        app.surroundings.events.signed_in_elsewhere();
                    }
                    kept
                }
                Ok(Err(error)) => Err(error),
                // Cancelled from the window: nothing to keep or to say.
                Err(_) => return,
            };
            let Some(app) = app.upgrade() else { return };
            // This sign-in's code leaves the window (not one started since); its failure is told
            // only while the window still shows it.
            let current = {
                let mut shown = lock(&app.device_sign_in);
                let current = shown.as_ref().is_some_and(|(s, _)| s.user_code == code);
                if current {
                    shown.take();
                }
                current
            };
            if let (Err(error), true) = (finished, current) {
                let error = AppError::from(error);
                tracing::info!(%error, "sign-in on another device did not sign in");
                app.surroundings.events.failed(&error);
            }
            app.publish().await;
        });
        if let Some((_, previous)) = lock(&self.device_sign_in).replace((shown, cancel)) {
            previous.abort();
        }
        self.publish().await;
        Ok(())
    }

    /// Stops waiting for a sign-in on another device (the code then simply expires at Okta).
    pub async fn cancel_sign_in_on_another_device(&self) {
        self.stop_device_sign_in();
        // Also when the person already confirmed and the session is being kept: it is not.
        if let Ok(organization) = self.organization().await {
            organization.session.cancel_sign_in().await;
        }
        self.publish().await;
    }

    fn stop_device_sign_in(&self) {
        if let Some((_, waiting)) = lock(&self.device_sign_in).take() {
            waiting.abort();
        }
    }

    /// Signs in on another device (RFC 8628) with the organization in force, for a machine
    /// whose browser cannot hand a link back: `show` gets the code and the page as soon as Okta
    /// gives them; the session is then kept as after a browser sign-in (IT's email rule too).
    pub async fn sign_in_on_another_device(
        &self,
        show: impl FnOnce(&point_auth::DeviceAuthorization),
    ) -> Result<Profile, AppError> {
        if let (_, Some(problem)) = self.settings() {
            return Err(AppError::SettingsUnusable(problem));
        }
        let organization = self.organization().await?;
        lock(&self.notice).take();
        let signed_in = organization.session.sign_in_on_another_device(show).await;
        self.publish().await;
        Ok(signed_in?)
    }

    /// Begins a sign-in in the system browser. A typed email is checked against IT's allowed
    /// domains first; without settings, it finds the organization's Okta through the dashboard
    /// (unless IT manages the Okta settings).
    /// With `as_someone_else`, Okta asks for credentials again (`prompt=login`), even when the
    /// browser's Okta session belongs to someone else (the not-assigned trap).
    pub async fn sign_in(
        &self,
        email: Option<&str>,
        as_someone_else: bool,
    ) -> Result<(), AppError> {
        let email = email.map(str::trim).filter(|e| !e.is_empty());
        let (resolved, unreadable) = self.settings();
        if let Some(problem) = unreadable {
            return Err(AppError::SettingsUnusable(problem));
        }
        if let Some(email) = email {
            resolved.may_use_email(email)?;
        }
        let organization = match (self.organization().await, email) {
            (Ok(organization), _) => organization,
            (Err(AppError::NotConfigured), Some(email)) => {
                self.find_by_email(&resolved, email).await?
            }
            (Err(error), _) => return Err(error),
        };
        let prompt = if as_someone_else {
            Prompt::Login
        } else {
            Prompt::Default
        };
        self.begin_browser_sign_in(&organization, email, prompt)
            .await
    }

    /// Begins a sign-in to `organization` in the system browser, its answer coming as a link or
    /// (where links cannot reach POINT) to 127.0.0.1.
    async fn begin_browser_sign_in(
        &self,
        organization: &Organization,
        email: Option<&str>,
        prompt: Prompt,
    ) -> Result<(), AppError> {
        lock(&self.notice).take();
        // The check runs programs (xdg-mime): off the async workers.
        let links = self.surroundings.links_reach_app.clone();
        let links_reach_app = tokio::task::spawn_blocking(move || links())
            .await
            .unwrap_or(true);
        // One sign-in at a time: a sign-in on another device that waits stops.
        self.stop_device_sign_in();
        let url = if links_reach_app {
            self.stop_listening();
            organization
                .session
                .begin_sign_in_with(email, prompt)
                .await?
        } else {
            self.begin_sign_in_via_loopback(organization, email, prompt)
                .await?
        };
        self.publish().await;
        self.open_browser(&url)
    }

    /// Begins the sign-in with its answer coming to a listener on 127.0.0.1, when
    /// `org.pointapp.point:` links cannot reach POINT here; the listener completes it.
    async fn begin_sign_in_via_loopback(
        &self,
        organization: &Organization,
        email: Option<&str>,
        prompt: Prompt,
    ) -> Result<Url, AppError> {
        tracing::info!(
            "org.pointapp.point: links do not reach POINT here: signing in through 127.0.0.1"
        );
        let (url, answer) = organization
            .session
            .begin_sign_in_via_loopback(email, prompt)
            .await?;
        // Only the listening is cancelled (a new sign-in, Cancel); completing the sign-in once
        // the answer came (the code exchange, keeping the session) runs to its end.
        let listening = tokio::spawn(answer);
        if let Some(previous) = lock(&self.loopback).replace(listening.abort_handle()) {
            previous.abort();
        }
        let app = self.myself.clone();
        tokio::spawn(async move {
            let Ok(Some(callback)) = listening.await else {
                return;
            };
            if let Some(app) = app.upgrade() {
                if app.complete_sign_in_callback(callback).await == LinkOutcome::Completed {
                    app.surroundings.events.signed_in_elsewhere();
                }
                app.publish().await;
            }
        });
        Ok(url)
    }

    async fn find_by_email(
        &self,
        resolved: &Resolved,
        email: &str,
    ) -> Result<Organization, AppError> {
        resolved.may_change_okta_settings()?;
        // IT's proxy and roots apply to the lookup too.
        let http = http_client_for(resolved, &self.surroundings)?;
        let lookup = DashboardClient::new(resolved.api_base.0.clone(), http);
        let found = lookup.okta_settings_for_email(email).await?;
        let okta =
            OktaSettings::parse(&found.okta_domain, &found.client_id, None)?.with_dpop(found.dpop);
        let changing = self.changing_organization.lock().await;
        self.adopt(
            &changing,
            okta,
            SavedOrganization {
                okta_domain: found.okta_domain,
                client_id: found.client_id,
                organization_name: Some(found.organization_name),
                okta_dpop: found.dpop,
            },
        )
        .await?;
        self.organization().await
    }

    /// Manual setup: the Okta domain and the Native App's Client ID, as an admin gave them.
    /// Refused when IT manages the Okta settings.
    pub async fn set_up_manually(
        &self,
        okta_domain: &str,
        client_id: &str,
    ) -> Result<AppStatus, AppError> {
        let (resolved, unreadable) = self.settings();
        if unreadable.is_some() {
            // IT's configuration exists but cannot be read: it may well lock these settings.
            return Err(Refused::ManagedOktaSettings.into());
        }
        resolved.may_change_okta_settings()?;
        let okta = OktaSettings::parse(okta_domain, client_id, None)?;
        let changing = self.changing_organization.lock().await;
        self.adopt(
            &changing,
            okta,
            SavedOrganization {
                okta_domain: okta_domain.trim().to_string(),
                client_id: client_id.trim().to_string(),
                organization_name: None,
                okta_dpop: false,
            },
        )
        .await?;
        self.publish().await;
        Ok(self.status().await)
    }

    pub async fn cancel_sign_in(&self) -> Result<(), AppError> {
        self.stop_listening();
        self.organization().await?.session.cancel_sign_in().await;
        Ok(())
    }

    /// Closes the loopback listener of a sign-in, if one listens.
    fn stop_listening(&self) {
        if let Some(listening) = lock(&self.loopback).take() {
            listening.abort();
        }
    }

    /// Opens the pending sign-in's page again.
    pub async fn open_browser_again(&self) -> Result<(), AppError> {
        let url = self
            .organization()
            .await?
            .session
            .pending_sign_in_url()
            .await
            .ok_or(SignInError::NoPendingSignIn)?;
        self.open_browser(&url)
    }

    /// Signs out, and (when the person chose to, or IT's policy says so) opens Okta's
    /// end-session page, which ends their Okta session in the browser too.
    pub async fn sign_out(&self, end_okta_session: bool) -> Result<(), AppError> {
        let organization = self.organization().await?;
        organization.dashboard_cache().clear();
        let (resolved, _) = self.settings();
        let end_okta_session = match resolved.managed.and_then(|m| m.okta_sign_out) {
            Some(OktaSignOut::Always) => true,
            Some(OktaSignOut::Never) => false,
            Some(OktaSignOut::Ask) | None => end_okta_session,
        };
        if let Some(url) = organization.session.sign_out_with(end_okta_session).await? {
            self.open_browser(&url)?;
        }
        Ok(())
    }

    /// The signed-in person's dashboard (and their organization's name, kept in the profile).
    /// When Okta or the dashboard cannot be reached, the last one kept, "as of" its time.
    pub async fn dashboard(&self) -> Result<DashboardData, AppError> {
        let prefetched = self.prefetched.lock().await.take();
        if let Some(prefetched) = prefetched {
            let current = self.organization().await.ok().and_then(|o| {
                signed_in_profile(&o.session.status().state).map(|p| (o.key, p.subject))
            });
            let same_person = current.is_some_and(|(key, subject)| {
                key == prefetched.key && subject == prefetched.subject
            });
            if same_person && prefetched.at.elapsed() < PREFETCH_FRESH_FOR {
                if let Ok(result) = prefetched.fetch.await {
                    return result;
                }
            }
            // Otherwise it is left to finish on its own: cutting it short could cut a refresh.
        }
        self.fetch_dashboard().await
    }

    /// Starts fetching the dashboard of the person a launch just signed in (see `prefetched`).
    async fn prefetch_dashboard(self: Arc<Self>) {
        let Ok(organization) = self.organization().await else {
            return;
        };
        let Some(profile) = signed_in_profile(&organization.session.status().state) else {
            return;
        };
        let app = self.clone();
        let fetch = tokio::spawn(async move { app.fetch_dashboard().await });
        *self.prefetched.lock().await = Some(Prefetched {
            key: organization.key.clone(),
            subject: profile.subject,
            at: Instant::now(),
            fetch,
        });
    }

    /// Fetches the dashboard now (the person and the figures at once), or gives the kept one
    /// when the failure passes.
    async fn fetch_dashboard(&self) -> Result<DashboardData, AppError> {
        let organization = self.organization().await?;
        let session = &organization.session;
        // Whose dashboard this is, before the fetch: a sign-out and another sign-in meanwhile
        // must not file one person's figures under the other.
        let fetched_for = profile_of(&session.status().state);
        // Both run to their end (one failing must not cut the other's refresh short).
        let (me, dashboard) = tokio::join!(
            organization.dashboard.me(session),
            organization.dashboard.dashboard(session)
        );
        let fetched = me.and_then(|me| dashboard.map(|dashboard| (me, dashboard)));
        let profile = profile_of(&session.status().state);
        let cache = organization.dashboard_cache();
        match fetched {
            Ok((me, dashboard)) => {
                session.set_organization(&me.organization.name).await;
                match (fetched_for, profile_of(&session.status().state)) {
                    (Some(before), Some(now)) if before.subject == now.subject => {
                        cache.save(&now, &me, &dashboard)
                    }
                    _ => {}
                }
                Ok(DashboardData {
                    me,
                    dashboard,
                    as_of: None,
                    stale: None,
                })
            }
            Err(error) => {
                let stale = staleness(&error, &session.status().state);
                match (stale, profile.and_then(|p| cache.load(&p))) {
                    (Some(stale), Some((me, dashboard, fetched_at))) => Ok(DashboardData {
                        me,
                        dashboard,
                        as_of: Some(fetched_at),
                        stale: Some(stale),
                    }),
                    _ => Err(error.into()),
                }
            }
        }
    }

    // ---- support ----

    /// Where staff get help (IT's help desk, or POINT's).
    pub fn support_contact(&self) -> SupportContact {
        SupportContact::of(&self.settings().0)
    }

    /// Writes the support bundle (version, OS, configuration in force and where it came from,
    /// the session's state, `point doctor`'s results, the last lines of the log: nothing
    /// secret) and returns where.
    pub async fn write_support_bundle(&self) -> Result<(PathBuf, SupportContact), AppError> {
        let (resolved, problem) = self.settings();
        let identity = self.surroundings.identity;
        let checks: Vec<String> = point_doctor::run(identity)
            .await
            .into_iter()
            .map(|check| check.summary())
            .collect();
        let state = match self.organization.read().await.as_ref() {
            Some(organization) => state_name(&organization.session.status().state),
            None => "not set up",
        };
        let problem = problem.or_else(|| lock(&self.settings_problem).clone());
        let text = support::bundle_text(
            &self.surroundings.app_version,
            identity,
            &resolved,
            problem.as_deref(),
            state,
            &checks,
            &support::read_log(identity),
        );
        let path = support::bundle_path(&self.surroundings.data_dir);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        written.map_err(|e| AppError::Storage(e.to_string()))?;
        tracing::info!(path = %path.display(), "wrote a support bundle");
        Ok((path, SupportContact::of(&resolved)))
    }

    /// Opens an email to support in the mail app (through the system's opener), naming the
    /// bundle to attach.
    pub fn email_support(&self, bundle: Option<&Path>) -> Result<(), AppError> {
        let link = self.support_contact().mail_link(bundle);
        let url = Url::parse(&link).map_err(|_| AppError::BrowserDidNotOpen)?;
        self.open_browser(&url)
    }

    fn open_browser(&self, url: &Url) -> Result<(), AppError> {
        self.surroundings.browser.open(url).map_err(|_| {
            // Never the URL: after sign-out it holds the ID token.
            tracing::warn!("the system browser did not start");
            AppError::BrowserDidNotOpen
        })
    }

    // ---- deep links ----

    /// Handles a deep link the OS handed over (cold start or to the running app).
    pub async fn receive_link(&self, url: &Url) -> LinkOutcome {
        let link = IncomingLink::read(url);
        tracing::info!(url = %describe(url), "deep link received");
        let outcome = match link {
            IncomingLink::NotOurs => LinkOutcome::Ignored,
            IncomingLink::SignIn(Err(error)) => {
                tracing::info!(%error, "ignored an unreadable sign-in link");
                self.notice(IgnoredBecause::Unreadable)
            }
            IncomingLink::SignIn(Ok(callback)) => self.complete_sign_in_callback(callback).await,
            IncomingLink::SignOut(callback) => {
                let organization = self.organization().await.ok();
                match (callback, organization) {
                    (Ok(callback), Some(organization))
                        if organization.session.complete_sign_out(&callback) =>
                    {
                        LinkOutcome::Completed
                    }
                    _ => {
                        tracing::info!("ignored a sign-out link that matches no sign-out");
                        LinkOutcome::Ignored
                    }
                }
            }
        };
        self.publish().await;
        outcome
    }

    /// Completes the pending sign-in with a callback (from a deep link or the loopback
    /// listener); one that belongs to no sign-in in progress is only a notice.
    async fn complete_sign_in_callback(&self, callback: SignInCallback) -> LinkOutcome {
        // A cold start: the session restores its pending sign-in from the keychain first.
        self.wait_until_started().await;
        match self.organization().await {
            Err(_) => self.notice(IgnoredBecause::NoSignInInProgress),
            Ok(organization) => match organization.session.complete_sign_in(callback).await {
                Ok(_) => {
                    lock(&self.notice).take();
                    self.remember_dpop_requirement(&organization).await;
                    LinkOutcome::Completed
                }
                // Cancelled while its code was being exchanged: nothing was kept, nothing to say.
                Err(SessionError::SignInCancelled) => LinkOutcome::Ignored,
                Err(error) => match ignored_because(&error) {
                    Some(because) => {
                        tracing::info!(
                            code = error.code(),
                            "ignored a sign-in link that belongs to no sign-in in progress"
                        );
                        self.notice(because)
                    }
                    None => {
                        self.report(error.into());
                        LinkOutcome::Failed
                    }
                },
            },
        }
    }

    fn notice(&self, because: IgnoredBecause) -> LinkOutcome {
        *lock(&self.notice) = Some(Notice::IgnoredSignInLink(because));
        LinkOutcome::Ignored
    }
}

/// Whether a sign-in failure means the link was not this sign-in's answer (a notice), rather
/// than this sign-in failing (an error).
fn ignored_because(error: &SessionError) -> Option<IgnoredBecause> {
    match error {
        SessionError::SignIn(SignInError::NoPendingSignIn) => {
            Some(IgnoredBecause::NoSignInInProgress)
        }
        SessionError::SignIn(SignInError::StateMismatch) => Some(IgnoredBecause::NotThisSignIn),
        SessionError::SignIn(SignInError::CallbackIssuerMismatch) => {
            Some(IgnoredBecause::OtherProvider)
        }
        _ => None,
    }
}

/// The identity of a session that has one.
fn signed_in_profile(state: &SessionState) -> Option<Profile> {
    match state {
        SessionState::SignedIn { profile, .. } => Some(profile.clone()),
        _ => None,
    }
}

fn profile_of(state: &SessionState) -> Option<Profile> {
    match state {
        SessionState::SignedIn { profile, .. }
        | SessionState::Offline { profile, .. }
        | SessionState::Restoring { profile } => Some(profile.clone()),
        SessionState::SignedOut | SessionState::SigningIn { .. } | SessionState::Ended => None,
    }
}

/// Whether a failed dashboard load may show the kept one, and why: only for failures that pass
/// (never for a session that ended or a refusal).
fn staleness(error: &DashboardError, state: &SessionState) -> Option<Staleness> {
    match error {
        DashboardError::Session(error) if error.is_transient() => Some(Staleness::Offline),
        DashboardError::Offline | DashboardError::Timeout | DashboardError::Unavailable(_) => {
            Some(if matches!(state, SessionState::Offline { .. }) {
                Staleness::Offline
            } else {
                Staleness::DashboardUnavailable
            })
        }
        _ => None,
    }
}

/// The session's state in words, for the support bundle.
fn state_name(state: &SessionState) -> &'static str {
    match state {
        SessionState::SignedOut => "signed out",
        SessionState::Restoring { .. } => "restoring",
        SessionState::SigningIn { .. } => "signing in (waiting for the browser)",
        SessionState::SignedIn { .. } => "signed in",
        SessionState::Offline { .. } => "offline (signed in, retrying)",
        SessionState::Ended => "ended by the provider",
    }
}
