//! [`PointApp`]: the use cases, one short method per thing a person (or the OS) does, over the
//! parts that each own one decision:
//!
//! - [`Organizations`] (`organizations.rs`): the settings in force and IT's policy, which
//!   organization is in force, one session per organization per run, switching, the list.
//! - [`SignIns`] (`sign_ins.rs`): the one sign-in under way (browser, loopback, device), its
//!   start and cancel.
//! - [`Dashboards`] (`dashboards.rs`): the dashboard, fresh or kept, and the launch's prefetch.
//! - [`WindowFeed`] (`window.rs`): what the window is told (status once per change, notices,
//!   failures outside a command).
//! - Deep-link routing lives with the link parser (`links.rs`); the support bundle with
//!   `support.rs`.
//!
//! IT's policy is enforced here, not in the window: with managed Okta settings, manual setup,
//! email lookup, adding and switching are refused; with allowed email domains, a typed email
//! outside them is refused before the browser opens, and the session admits only a verified
//! email inside them.

use std::sync::{Arc, Weak};
use std::time::Duration;

use point_auth::{OktaSettings, Prompt};
use point_config::{OktaSignOut, Refused, Resolved, SavedOrganization, Source};
use point_i18n::Message;
use point_session::{Profile, SessionState};
use tokio::sync::watch;
use url::Url;

use crate::dashboards::{self, DashboardData, Dashboards};
use crate::error::AppError;
use crate::organization::Organization;
use crate::organizations::Organizations;
use crate::sign_ins::{BrowserSignIn, SignIns};
use crate::status::AppStatus;
use crate::surroundings::Surroundings;
use crate::window::WindowFeed;

/// See the module documentation. Shared as `Arc<PointApp>`.
pub struct PointApp {
    surroundings: Surroundings,
    organizations: Organizations,
    sign_ins: SignIns,
    dashboards: Dashboards,
    window: WindowFeed,
    /// Set once `start` has built (or not) the organization and published the first status.
    set_up: watch::Sender<bool>,
    /// Set once the launch restored the session (or found nothing to restore).
    started: watch::Sender<bool>,
    myself: Weak<PointApp>,
}

impl PointApp {
    pub fn new(surroundings: Surroundings) -> Arc<Self> {
        Arc::new_cyclic(|myself| Self {
            window: WindowFeed::new(surroundings.events.clone()),
            surroundings,
            organizations: Organizations::default(),
            sign_ins: SignIns::default(),
            dashboards: Dashboards::default(),
            set_up: watch::channel(false).0,
            started: watch::channel(false).0,
            myself: myself.clone(),
        })
    }

    // ---- the parts, for each other ----

    pub(crate) fn surroundings(&self) -> &Surroundings {
        &self.surroundings
    }
    pub(crate) fn organizations(&self) -> &Organizations {
        &self.organizations
    }
    pub(crate) fn sign_ins(&self) -> &SignIns {
        &self.sign_ins
    }
    pub(crate) fn window(&self) -> &WindowFeed {
        &self.window
    }
    pub(crate) fn weak(&self) -> Weak<PointApp> {
        self.myself.clone()
    }

    /// The settings in force: the environment (development builds), IT's managed
    /// configuration, then the user's; with the reason IT's configuration cannot be read.
    pub fn settings(&self) -> (Resolved, Option<Message>) {
        self.organizations.settings(&self.surroundings)
    }

    /// The settings, unless IT's configuration cannot be read (then POINT changes nothing).
    fn usable_settings(&self) -> Result<Resolved, AppError> {
        match self.settings() {
            (_, Some(problem)) => Err(AppError::SettingsUnusable(problem)),
            (resolved, None) => Ok(resolved),
        }
    }

    // ---- launch ----

    /// Sets POINT up from the settings in force and restores the session in the background.
    pub async fn start(&self) {
        self.start_restoring(true).await;
    }

    /// Like [`PointApp::start`], without restoring the session: a stored session only shows as
    /// "restoring" (its cached profile), with no request and no refresh. For `point sign-in
    /// --device`, which must not redeem the refresh token of an app that may be running.
    pub async fn set_up_without_restoring(&self) {
        self.start_restoring(false).await;
    }

    async fn start_restoring(&self, restore: bool) {
        tracing::debug!(target: "launch", "the use cases start");
        if restore {
            self.sign_out_of_untrusted_okta().await;
        }
        let (resolved, managed_problem) = self.settings();
        // Errors, notices and hints from now on in the person's language.
        point_i18n::speak(self.surroundings.locale(resolved.managed.as_ref()));
        let unreadable = managed_problem.is_some();
        self.organizations.set_settings_problem(
            managed_problem
                .or_else(|| resolved.okta_problem.as_ref().map(|p| p.message()))
                .or_else(|| resolved.api_base_problem())
                .or_else(|| resolved.proxy_problem()),
        );
        let mut restoring = false;
        // IT's configuration cannot be read: POINT does not guess what IT meant (its lock, its
        // email domains), so it signs in to nothing until IT fixes it.
        if let Some((okta, source)) = resolved.okta.clone().filter(|_| !unreadable) {
            match self.organizations.organization_for(
                okta,
                source,
                &resolved,
                &self.surroundings,
                self.weak(),
            ) {
                Ok(organization) => {
                    // The cached name at once: the window never shows the sign-in screen to a
                    // person who is about to be signed in.
                    organization.session.begin_restoring();
                    self.organizations.install(organization.clone()).await;
                    tracing::debug!(target: "launch", "the organization is set up");
                    if restore {
                        restoring = true;
                        self.restore_in_background(organization, true);
                    }
                }
                Err(error) => self
                    .organizations
                    .set_settings_problem(Some(error.message())),
            }
        }
        if !restoring {
            self.started.send_replace(true);
        }
        self.organizations
            .list_others(&resolved, &self.surroundings);
        self.publish().await;
        self.set_up.send_replace(true);
    }

    /// Signs out of every organization the user's settings hold at an Okta that IT's policy no
    /// longer trusts (its refresh token revoked through IT's proxy, or owed; its keychain entry
    /// and cached profile deleted) and forgets it; the window says so. Only with IT's policy
    /// readable: an unreadable one drops nothing.
    async fn sign_out_of_untrusted_okta(&self) {
        let (resolved, managed_problem) = self.settings();
        if managed_problem.is_some() {
            return;
        }
        let dropped = self
            .organizations
            .drop_untrusted(&resolved, &self.surroundings);
        if dropped.is_empty() {
            return;
        }
        let mut hosts = Vec::new();
        for okta in dropped {
            hosts.push(okta.issuer.host().to_string());
            match Organization::build(okta, Source::User, &resolved, &self.surroundings) {
                // In the background: the launch does not wait for an Okta to answer.
                Ok(organization) => {
                    tokio::spawn(async move {
                        if let Err(error) = organization.session.sign_out_with(false).await {
                            tracing::warn!(code = error.code(), "signing out of an untrusted Okta");
                        }
                    });
                }
                Err(error) => tracing::warn!(%error, "no session to sign out of"),
            }
        }
        tracing::info!(
            ?hosts,
            "signed out of Okta organizations IT no longer trusts"
        );
        self.window.signed_out_of_untrusted(hosts);
    }

    /// Restores `organization`'s session from the keychain; at launch, then fetches the
    /// dashboard for the window's first ask.
    fn restore_in_background(&self, organization: Organization, at_launch: bool) {
        let (app, started) = (self.weak(), self.started.clone());
        tokio::spawn(async move {
            organization.session.restore().await;
            tracing::debug!(target: "launch", "the restore is done");
            if at_launch {
                started.send_replace(true);
            }
            let Some(app) = app.upgrade() else { return };
            if at_launch {
                app.dashboards.prefetch(organization.clone()).await;
            }
            app.publish().await;
            // For the next launch: the provider's documents, so that it asks only for a refresh.
            organization.keep_provider_snapshot().await;
        });
    }

    /// Waits (briefly) until [`PointApp::start`] has set the organization up, so that a window
    /// that asks early is not shown the sign-in screen of a person about to be signed in.
    async fn wait_until_set_up(&self) {
        let mut set_up = self.set_up.subscribe();
        let wait = set_up.wait_for(|done| *done);
        let _ = tokio::time::timeout(std::time::Duration::from_secs(5), wait).await;
    }

    /// Waits until [`PointApp::start`] has restored the session (or found nothing to restore).
    pub async fn wait_until_started(&self) {
        let mut started = self.started.subscribe();
        let _ = started.wait_for(|done| *done).await;
    }

    // ---- what the window shows ----

    /// The language POINT speaks here: IT's `locale`, else the person's (see `point-i18n`).
    pub fn locale(&self) -> &'static str {
        let (resolved, _) = self.settings();
        self.surroundings.locale(resolved.managed.as_ref())
    }

    /// The status, now.
    pub async fn status(&self) -> AppStatus {
        let policy = self.organizations.policy();
        let (session, organization, organizations) = self.organizations.for_window().await;
        AppStatus {
            organizations,
            organization,
            settings_problem: self.organizations.settings_problem(),
            okta_settings_managed: policy.okta_settings_locked,
            allowed_email_domains: policy.allowed_email_domains,
            okta_sign_out: policy.okta_sign_out,
            end_okta_session_remembered: policy.end_okta_session_remembered,
            session,
            notice: self.window.notice(),
            device_sign_in: self.sign_ins.device_shown(),
            device_sign_in_allowed: policy.device_sign_in_allowed,
        }
    }

    /// The failure of a deep link the window has not been told about (taken once).
    pub fn take_undelivered_error(&self) -> Option<AppError> {
        self.window.take_undelivered()
    }

    /// What a window that opens (or reloads) needs: the status, and the failure of a deep link
    /// it has not been told about (a cold-start link may fail before it listens), taken once.
    pub async fn status_for_window(&self) -> (AppStatus, Option<AppError>) {
        self.wait_until_set_up().await;
        (self.status().await, self.take_undelivered_error())
    }

    /// Clears the notice.
    pub async fn dismiss_notice(&self) {
        self.window.clear_notice();
        self.publish().await;
    }

    /// Sends the status to the window if it changed since it was last sent.
    pub(crate) async fn publish(&self) {
        self.window.publish(self.status()).await;
    }

    // ---- organizations ----

    /// Manual setup: the Okta domain and the Native App's Client ID, as an admin gave them.
    /// Refused when IT manages the Okta settings (or its configuration cannot be read).
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
        let chosen = SavedOrganization {
            okta_domain: okta_domain.trim().to_string(),
            client_id: client_id.trim().to_string(),
            organization_name: None,
            okta_dpop: false,
        };
        let change = self.organizations.begin_change().await;
        self.dashboards.forget_prefetch().await;
        self.organizations
            .adopt(&change, okta, chosen, &self.surroundings, self.weak())
            .await?;
        drop(change);
        self.publish().await;
        Ok(self.status().await)
    }

    /// Switches to another organization the person signed in to here (`key` from the status):
    /// its session comes back from the keychain without a sign-in; the one in force keeps its
    /// own. Refused when IT manages the Okta settings.
    pub async fn switch_organization(&self, key: &str) -> Result<(), AppError> {
        self.usable_settings()?.may_change_okta_settings()?;
        let change = self.organizations.begin_change().await;
        let current = self.organizations.in_force().await.ok();
        if current.as_ref().is_some_and(|current| current.key == key) {
            return Ok(()); // Already in force (a second click).
        }
        let (chosen, okta) = self
            .organizations
            .listed(key, &self.surroundings)
            .ok_or(AppError::NotConfigured)?;
        // What was under way for the organization in force stops with it.
        self.sign_ins.stop_all(current.as_ref()).await;
        self.window.clear_notice();
        self.dashboards.forget_prefetch().await;
        let organization = self
            .organizations
            .adopt(&change, okta, chosen, &self.surroundings, self.weak())
            .await?;
        drop(change);
        if matches!(organization.session.status().state, SessionState::SignedOut) {
            // Not restored yet in this run: the cached name now, the session from the keychain.
            organization.session.begin_restoring();
            self.restore_in_background(organization, false);
        }
        self.publish().await;
        Ok(())
    }

    /// Keeps in the user's settings that this organization's Okta app requires DPoP, once a
    /// sign-in found it out.
    pub(crate) async fn remember_dpop_requirement(&self, organization: &Organization) {
        self.organizations
            .remember_dpop_requirement(organization, &self.surroundings)
            .await;
    }

    /// Finds the organization of a work email and puts it in force.
    async fn find_by_email(
        &self,
        resolved: &Resolved,
        email: &str,
    ) -> Result<Organization, AppError> {
        self.dashboards.forget_prefetch().await;
        self.organizations
            .find_by_email(resolved, email, &self.surroundings, self.weak())
            .await
    }

    // ---- signing in and out ----

    /// Begins a sign-in in the system browser. A typed email is checked against IT's allowed
    /// domains first; without settings, it finds the organization's Okta through the dashboard
    /// (unless IT manages the Okta settings). With `as_someone_else`, Okta asks for credentials
    /// again (`prompt=login`), even when the browser's Okta session is someone else's.
    pub async fn sign_in(
        &self,
        email: Option<&str>,
        as_someone_else: bool,
    ) -> Result<(), AppError> {
        let email = email.map(str::trim).filter(|e| !e.is_empty());
        let resolved = self.usable_settings()?;
        if let Some(email) = email {
            resolved.may_use_email(email)?;
        }
        let organization = match (self.organizations.in_force().await, email) {
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
        self.begin_in_browser(&organization, email, prompt).await
    }

    /// Signs in to another organization, found by the person's work email, keeping the one in
    /// force (and its session) to switch back to. Refused when IT manages the Okta settings.
    /// An email of an organization already saved here signs in there with `prompt=login`
    /// (Okta asks who); a session it then finds in force is replaced (see `point-session`).
    pub async fn sign_in_to_another_organization(&self, email: &str) -> Result<(), AppError> {
        let email = email.trim();
        let resolved = self.usable_settings()?;
        resolved.may_use_email(email)?;
        let saved_issuers = self.organizations.saved_issuers(&self.surroundings);
        let current = self.organizations.in_force().await.ok();
        self.sign_ins.stop_all(current.as_ref()).await;
        self.window.clear_notice();
        let organization = self.find_by_email(&resolved, email).await?;
        let issuer = organization.session.sign_in().settings().issuer.to_string();
        let prompt = if saved_issuers.contains(&issuer) {
            Prompt::Login
        } else {
            Prompt::Default
        };
        self.begin_in_browser(&organization, Some(email), prompt)
            .await
    }

    async fn begin_in_browser(
        &self,
        organization: &Organization,
        email: Option<&str>,
        prompt: Prompt,
    ) -> Result<(), AppError> {
        self.window.clear_notice();
        let url = self
            .sign_ins
            .begin_in_browser(self, organization, BrowserSignIn::Person { email, prompt })
            .await?;
        self.publish().await;
        self.open_browser(&url)
    }

    /// Signs in again, more strongly, where the dashboard asked for it (RFC 9470): the same
    /// person (Okta gets their email; the new ID token must name them) with what the dashboard
    /// asked (`acr_values`, `max_age`, and IT's minimum), in the system browser. Once Okta
    /// answers, the new session replaces this one and the window asks for the dashboard again.
    /// Cancelled or refused, the session stays as it was.
    pub async fn step_up(&self) -> Result<(), AppError> {
        let organization = self.organizations.in_force().await?;
        let asked = self
            .dashboards
            .step_up_asked(&organization)
            .unwrap_or_default();
        self.window.clear_notice();
        let url = self
            .sign_ins
            .begin_in_browser(self, &organization, BrowserSignIn::StepUp(asked))
            .await?;
        self.publish().await;
        self.open_browser(&url)
    }

    /// Cancels the sign-in under way, whatever it is doing.
    pub async fn cancel_sign_in(&self) -> Result<(), AppError> {
        let organization = self.organizations.in_force().await?;
        self.sign_ins.stop_all(Some(&organization)).await;
        Ok(())
    }

    /// Opens the pending sign-in's page again.
    pub async fn open_browser_again(&self) -> Result<(), AppError> {
        let organization = self.organizations.in_force().await?;
        let url = organization.session.pending_sign_in_url().await?;
        self.open_browser(&url)
    }

    /// Starts a sign-in on another device from the window (see `sign_ins.rs`).
    pub async fn begin_sign_in_on_another_device(&self) -> Result<(), AppError> {
        self.usable_settings()?.may_sign_in_on_another_device()?;
        let organization = self.organizations.in_force().await?;
        self.window.clear_notice();
        self.sign_ins
            .begin_on_another_device(self, &organization)
            .await?;
        self.publish().await;
        Ok(())
    }

    /// Stops waiting for a sign-in on another device (the code then simply expires at Okta);
    /// one the person already confirmed is not kept either.
    pub async fn cancel_sign_in_on_another_device(&self) {
        let organization = self.organizations.in_force().await.ok();
        self.sign_ins.stop_all(organization.as_ref()).await;
        self.publish().await;
    }

    /// Signs in on another device (RFC 8628) with the organization in force, for a machine
    /// whose browser cannot hand a link back: `show` gets the code and the page as soon as Okta
    /// gives them; the session is then kept as after a browser sign-in (IT's email rule too).
    pub async fn sign_in_on_another_device(
        &self,
        show: impl FnOnce(&point_auth::DeviceAuthorization),
    ) -> Result<Profile, AppError> {
        self.usable_settings()?.may_sign_in_on_another_device()?;
        let organization = self.organizations.in_force().await?;
        self.window.clear_notice();
        let signed_in = self
            .sign_ins
            .on_another_device_here(&organization, show)
            .await;
        self.publish().await;
        signed_in
    }

    /// Signs out of the organization in force, and (when the person chose to, or IT's policy
    /// says so) opens Okta's end-session page, which ends their Okta session in the browser too.
    pub async fn sign_out(&self, end_okta_session: bool) -> Result<(), AppError> {
        let organization = self.organizations.in_force().await?;
        organization.dashboard_cache().clear();
        let (resolved, _) = self.settings();
        let end_okta_session = match resolved.managed.and_then(|m| m.okta_sign_out) {
            Some(OktaSignOut::Always) => true,
            Some(OktaSignOut::Never) => false,
            Some(OktaSignOut::Ask) | None => {
                self.organizations
                    .remember_end_okta_session(end_okta_session, &self.surroundings);
                end_okta_session
            }
        };
        if let Some(url) = organization.session.sign_out_with(end_okta_session).await? {
            self.open_browser(&url)?;
        }
        Ok(())
    }

    // ---- the dashboard ----

    /// The signed-in person's dashboard (and their organization's name, kept in the profile).
    /// When Okta or the dashboard cannot be reached, the last one kept, "as of" its time.
    pub async fn dashboard(&self) -> Result<DashboardData, AppError> {
        self.dashboard_and_when_again().await.0
    }

    /// While the launch brings the session back: the dashboard kept from the last run for the
    /// person, "as of" its time, so the window shows it before Okta and the dashboard answer.
    /// `None` when the session is not being restored or nothing is kept for the person.
    pub async fn kept_dashboard(&self) -> Option<DashboardData> {
        let organization = self.organizations.in_force().await.ok()?;
        dashboards::kept_while_restoring(&organization)
    }

    /// [`PointApp::dashboard`], and when the window should ask again by itself (a kept
    /// dashboard, or a failure that passes), under POINT's one retry policy.
    pub async fn dashboard_and_when_again(
        &self,
    ) -> (Result<DashboardData, AppError>, Option<Duration>) {
        let organization = match self.organizations.in_force().await {
            Ok(organization) => organization,
            Err(error) => return (Err(error), None),
        };
        let session = organization.session.clone();
        let outcome = self.dashboards.dashboard(organization).await;
        let again = self
            .dashboards
            .retry_after(&outcome, session.provider_wait());
        (outcome, again)
    }

    pub(crate) fn open_browser(&self, url: &Url) -> Result<(), AppError> {
        self.surroundings.browser.open(url).map_err(|_| {
            // Never the URL: after sign-out it holds the ID token.
            tracing::warn!("the system browser did not start");
            AppError::BrowserDidNotOpen
        })
    }
}
