//! The organizations, and the decisions about them: which one is in force (from the settings in
//! force: the environment, IT's, then the user's), one session per organization per run
//! (switching back finds the same session, never a second refresher of its token), the others
//! the person signed in to as the user's settings list them, IT's policy as last read, and
//! changes of organization one at a time (manual setup, a work email, a switch).

use std::collections::HashMap;
use std::sync::{Mutex as SyncMutex, Weak};

use point_auth::OktaSettings;
use point_config::{OktaSignOut, Resolved, SavedOrganization, Source, UserSettings};
use point_dashboard::DashboardClient;
use point_i18n::Message;
use point_session::{ProfileCache, SessionState, Status};
use tokio::sync::{MutexGuard, RwLock};

use crate::app::PointApp;
use crate::dashboard_cache::DashboardCache;
use crate::error::AppError;
use crate::organization::{http_client_for, organization_dir, organization_key, Organization};
use crate::status::{profile_of, OrganizationChoice, OrganizationStatus};
use crate::surroundings::Surroundings;
use crate::sync::lock;

/// IT's policy as of the last time the settings were read (for the window).
#[derive(Debug, Clone, Default)]
pub(crate) struct Policy {
    /// IT manages the Okta settings (or its configuration cannot be read: fail closed).
    pub okta_settings_locked: bool,
    pub allowed_email_domains: Vec<String>,
    pub okta_sign_out: OktaSignOut,
    /// The person's last answer to "also sign out of Okta in my browser" (yes until they
    /// first answer), for when IT leaves it to them.
    pub end_okta_session_remembered: bool,
    /// Sign-in on another device offered (IT may turn it off).
    pub device_sign_in_allowed: bool,
}

/// The organizations the window lists besides the one in force, as the user's settings say.
#[derive(Debug, Clone, Default)]
struct Listed {
    /// The name the user's settings give the organization in force.
    in_force_name: Option<String>,
    others: Vec<OrganizationChoice>,
}

/// See the module documentation.
#[derive(Default)]
pub(crate) struct Organizations {
    in_force: RwLock<Option<Organization>>,
    /// Every organization built in this run, by key.
    built: SyncMutex<HashMap<String, Organization>>,
    listed: SyncMutex<Listed>,
    /// Held while the organization in force changes (the settings file read, changed and
    /// saved, the organization installed, the list read), so two changes never interleave.
    changing: tokio::sync::Mutex<()>,
    settings_problem: SyncMutex<Option<Message>>,
    policy: SyncMutex<Policy>,
}

/// A change of organization under way (see [`Organizations::begin_change`]).
pub(crate) struct Change<'a>(#[allow(dead_code)] MutexGuard<'a, ()>);

impl Organizations {
    /// The settings in force: the environment (development builds), IT's managed
    /// configuration, then the user's; with the reason IT's configuration cannot be read. Notes
    /// IT's policy for the window.
    pub fn settings(&self, s: &Surroundings) -> (Resolved, Option<Message>) {
        let user = UserSettings::load(&s.config_dir);
        let (managed, problem) = match (s.managed)() {
            Ok(managed) => (managed, None),
            Err(error) => (None, Some(error.message())),
        };
        let resolved =
            point_config::resolve(s.identity.is_development(), &s.env, managed.as_ref(), &user);
        let managed = resolved.managed.as_ref();
        *lock(&self.policy) = Policy {
            okta_settings_locked: problem.is_some() || resolved.may_change_okta_settings().is_err(),
            allowed_email_domains: managed
                .map(|m| m.allowed_email_domains.clone())
                .unwrap_or_default(),
            okta_sign_out: managed.and_then(|m| m.okta_sign_out).unwrap_or_default(),
            end_okta_session_remembered: user.end_okta_session.unwrap_or(true),
            device_sign_in_allowed: resolved.may_sign_in_on_another_device().is_ok(),
        };
        (resolved, problem)
    }

    pub fn policy(&self) -> Policy {
        lock(&self.policy).clone()
    }

    pub fn settings_problem(&self) -> Option<Message> {
        lock(&self.settings_problem).clone()
    }

    pub fn set_settings_problem(&self, problem: Option<Message>) {
        *lock(&self.settings_problem) = problem;
    }

    /// The organization in force.
    pub async fn in_force(&self) -> Result<Organization, AppError> {
        self.in_force
            .read()
            .await
            .clone()
            .ok_or(AppError::NotConfigured)
    }

    /// Makes `organization` the one POINT signs in to.
    pub async fn install(&self, organization: Organization) {
        *self.in_force.write().await = Some(organization);
    }

    /// Starts a change of organization: one at a time.
    pub async fn begin_change(&self) -> Change<'_> {
        Change(self.changing.lock().await)
    }

    /// The organization for these settings: the one built earlier in this run (its session and
    /// its state), or a new one whose session's changes go to the window through `app`.
    pub fn organization_for(
        &self,
        okta: OktaSettings,
        source: Source,
        resolved: &Resolved,
        s: &Surroundings,
        app: Weak<PointApp>,
    ) -> Result<Organization, AppError> {
        // IT's email rule holds only for the Okta organizations IT trusts.
        resolved.may_sign_in_to(&okta.issuer)?;
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
        let organization = Organization::build(okta, source, resolved, s)?;
        let mut changes = organization.session.subscribe();
        let dir = organization.dir.clone();
        tokio::spawn(async move {
            while changes.changed().await.is_ok() {
                let ended = changes.borrow_and_update().state == SessionState::Ended;
                let Some(app) = app.upgrade() else { return };
                if ended {
                    // The provider ended the session: its kept dashboard goes too.
                    DashboardCache::in_dir(&dir).clear();
                }
                app.publish().await;
            }
        });
        lock(&self.built).insert(key, organization.clone());
        Ok(organization)
    }

    /// Reads the other organizations from the user's settings for the window (none when the
    /// Okta settings in force are not the user's: IT's or the environment's pin them).
    pub fn list_others(&self, resolved: &Resolved, s: &Surroundings) {
        let user = UserSettings::load(&s.config_dir);
        let theirs = matches!(resolved.okta, Some((_, Source::User)))
            && resolved.may_change_okta_settings().is_ok();
        if !theirs {
            *lock(&self.listed) = Listed::default();
            return;
        }
        let others = user
            .other_organizations
            .iter()
            .filter_map(|saved| {
                let okta = saved.okta_settings().ok()?;
                let profile = ProfileCache::in_dir(&organization_dir(&s.data_dir, &okta)).load();
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
        *lock(&self.listed) = Listed {
            in_force_name: user.organization_name.clone(),
            others,
        };
    }

    /// Keeps the person's answer to "also sign out of Okta in my browser" for next time.
    pub fn remember_end_okta_session(&self, end_okta_session: bool, s: &Surroundings) {
        let mut user = UserSettings::load(&s.config_dir);
        if user.end_okta_session == Some(end_okta_session) {
            return;
        }
        user.end_okta_session = Some(end_okta_session);
        if let Err(error) = user.save(&s.config_dir) {
            tracing::warn!(%error, "could not keep the sign-out choice");
        }
        lock(&self.policy).end_okta_session_remembered = end_okta_session;
    }

    /// Takes out of the user's settings every organization (in force or listed) at an Okta
    /// that IT's policy does not trust, and returns their settings: IT's policy changed since
    /// the person added them, and no token for an Okta IT does not trust may stay here (the
    /// caller signs them out). Nothing when IT's policy sets no such rule.
    pub fn drop_untrusted(&self, resolved: &Resolved, s: &Surroundings) -> Vec<OktaSettings> {
        let untrusted = |okta: &OktaSettings| resolved.may_sign_in_to(&okta.issuer).is_err();
        let mut user = UserSettings::load(&s.config_dir);
        let mut dropped = Vec::new();
        if let Some(current) = user.current().and_then(|c| c.okta_settings().ok()) {
            if untrusted(&current) {
                dropped.push(current);
                user.okta_domain = None;
                user.client_id = None;
                user.organization_name = None;
                user.okta_dpop = false;
            }
        }
        user.other_organizations
            .retain(|saved| match saved.okta_settings() {
                Ok(okta) if untrusted(&okta) => {
                    dropped.push(okta);
                    false
                }
                _ => true,
            });
        // The organization in force went: the first one left takes its place.
        if user.current().is_none() && !user.other_organizations.is_empty() {
            let next = user.other_organizations.remove(0);
            user.make_current(next, false);
        }
        if !dropped.is_empty() {
            if let Err(error) = user.save(&s.config_dir) {
                tracing::warn!(%error, "could not save the settings without the untrusted Okta");
            }
        }
        dropped
    }

    /// What the window shows of the organizations: the session in force, where its settings
    /// came from, and the list (the one in force first).
    pub async fn for_window(
        &self,
    ) -> (Status, Option<OrganizationStatus>, Vec<OrganizationChoice>) {
        let in_force = self.in_force.read().await.clone();
        let session = in_force
            .as_ref()
            .map(|o| o.session.status())
            .unwrap_or(Status {
                state: SessionState::SignedOut,
                keychain_problem: None,
            });
        let listed = lock(&self.listed).clone();
        let mut organizations = Vec::new();
        if let Some(current) = &in_force {
            let profile = profile_of(&session.state);
            organizations.push(OrganizationChoice {
                key: current.key.clone(),
                name: listed
                    .in_force_name
                    .or_else(|| profile.as_ref().and_then(|p| p.organization.clone()))
                    .unwrap_or_else(|| {
                        let settings = current.session.sign_in().settings();
                        settings.issuer.host().to_string()
                    }),
                signed_in: profile.is_some(),
                email: profile.and_then(|p| p.email),
                current: true,
            });
        }
        organizations.extend(listed.others);
        let source = in_force.map(|o| OrganizationStatus { source: o.source });
        (session, source, organizations)
    }

    /// Whether the organization in force has a session to come back to (its profile is kept
    /// from sign-in until sign-out or the session's end).
    async fn in_force_has_session(&self) -> bool {
        match self.in_force.read().await.as_ref() {
            Some(current) => ProfileCache::in_dir(&current.dir).load().is_some(),
            None => false,
        }
    }

    /// Puts `chosen` in force in the user's settings (the organization in force until now stays
    /// listed when it has a session) and builds it.
    pub async fn adopt(
        &self,
        _change: &Change<'_>,
        okta: OktaSettings,
        chosen: SavedOrganization,
        s: &Surroundings,
        app: Weak<PointApp>,
    ) -> Result<Organization, AppError> {
        // Refused before anything is saved: an untrusted Okta never becomes the user's.
        self.settings(s).0.may_sign_in_to(&okta.issuer)?;
        let mut user = UserSettings::load(&s.config_dir);
        user.make_current(chosen, self.in_force_has_session().await);
        user.save(&s.config_dir)
            .map_err(|e| AppError::Storage(e.to_string()))?;
        let (resolved, _) = self.settings(s);
        let organization = self.organization_for(okta, Source::User, &resolved, s, app)?;
        self.set_settings_problem(None);
        self.install(organization.clone()).await;
        self.list_others(&resolved, s);
        Ok(organization)
    }

    /// The organization the user's settings list under `key`, to switch to.
    pub fn listed(&self, key: &str, s: &Surroundings) -> Option<(SavedOrganization, OktaSettings)> {
        let user = UserSettings::load(&s.config_dir);
        user.other_organizations.iter().find_map(|saved| {
            let okta = saved.okta_settings().ok()?;
            (organization_key(&okta) == key).then(|| (saved.clone(), okta))
        })
    }

    /// The issuers of every organization the user's settings name (in force and others).
    pub fn saved_issuers(&self, s: &Surroundings) -> Vec<String> {
        let user = UserSettings::load(&s.config_dir);
        user.current()
            .into_iter()
            .chain(user.other_organizations)
            .filter_map(|saved| saved.okta_settings().ok())
            .map(|okta| okta.issuer.as_str().to_string())
            .collect()
    }

    /// Finds the organization of a work email through the dashboard (through IT's proxy and
    /// roots too) and puts it in force. Refused when IT manages the Okta settings.
    pub async fn find_by_email(
        &self,
        resolved: &Resolved,
        email: &str,
        s: &Surroundings,
        app: Weak<PointApp>,
    ) -> Result<Organization, AppError> {
        resolved.may_change_okta_settings()?;
        let http = http_client_for(resolved, s)?;
        let lookup = DashboardClient::new(resolved.api_base.0.clone(), http).speaking(
            &point_i18n::accept_language(s.locale(resolved.managed.as_ref())),
        );
        let found = lookup.okta_settings_for_email(email).await?;
        let okta =
            OktaSettings::parse(&found.okta_domain, &found.client_id, None)?.with_dpop(found.dpop);
        let change = self.begin_change().await;
        let chosen = SavedOrganization {
            okta_domain: found.okta_domain,
            client_id: found.client_id,
            organization_name: Some(found.organization_name),
            okta_dpop: found.dpop,
        };
        self.adopt(&change, okta, chosen, s, app).await
    }

    /// Keeps in the user's settings that this organization's Okta app requires DPoP, once a
    /// sign-in found it out (Okta refused a request without a proof): the next launch proves
    /// its key from the first request, instead of asking Okta again with an authorization code
    /// it may have spent.
    pub async fn remember_dpop_requirement(&self, organization: &Organization, s: &Surroundings) {
        let sign_in = organization.session.sign_in();
        if organization.source != Source::User || !sign_in.learned_dpop_requirement() {
            return;
        }
        let _change = self.begin_change().await;
        let mut user = UserSettings::load(&s.config_dir);
        let theirs = user
            .current()
            .and_then(|current| current.okta_settings().ok())
            .is_some_and(|okta| organization_key(&okta) == organization.key);
        if theirs && !user.okta_dpop {
            user.okta_dpop = true;
            if let Err(error) = user.save(&s.config_dir) {
                tracing::warn!(%error, "could not keep that the Okta app requires DPoP");
            }
        }
    }
}
