//! The dashboard the window shows: fetched fresh (the person and the figures together), or the
//! last one kept, "as of" its time, while a launch brings the session back or when Okta or the
//! dashboard cannot be reached; when the window should ask again by itself (POINT's one retry
//! policy, and Okta's not-before); and the fetch a launch starts as soon as it restored the
//! session, so the window's first ask finds it there.

use std::sync::Mutex as SyncMutex;
use std::time::{Duration, Instant, SystemTime};

use point_auth::{AuthenticationRequirement, Backoff, RetryPolicy};
use point_dashboard::{Dashboard, DashboardError, Me};
use point_session::{Profile, SessionState};

use crate::error::AppError;
use crate::organization::Organization;
use crate::status::{profile_of, signed_in_profile};
use crate::sync::lock;

/// The window asks again for a dashboard it could not get fresh: after 5 s, doubling to 5 min,
/// with up to half as much again of jitter (many windows do not come back at one instant).
const WINDOW_RETRIES: RetryPolicy =
    RetryPolicy::new(Duration::from_secs(5), Duration::from_secs(300)).with_jitter(0.5);

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
    /// The session is coming back (the launch's refresh has not answered yet): the last one
    /// kept, shown until the fresh one is in.
    Restoring,
}

/// How long a prefetched dashboard is good for the window's first ask; older, it is fetched again.
const PREFETCH_FRESH_FOR: Duration = Duration::from_secs(30);

/// A dashboard fetch started for one person of one organization at one time.
struct Prefetched {
    key: String,
    subject: String,
    at: Instant,
    fetch: tokio::task::JoinHandle<Result<DashboardData, AppError>>,
}

/// See the module documentation.
#[derive(Default)]
pub(crate) struct Dashboards {
    prefetched: tokio::sync::Mutex<Option<Prefetched>>,
    /// The window's run of retries since the last fresh dashboard.
    retries: SyncMutex<Option<Backoff>>,
    /// What the dashboard last asked of the sign-in (RFC 9470), and of which organization.
    step_up: SyncMutex<Option<(String, AuthenticationRequirement)>>,
}

impl Dashboards {
    /// The dashboard of the organization in force: the prefetched one when it is this person's
    /// and recent, else fetched now.
    pub async fn dashboard(&self, in_force: Organization) -> Result<DashboardData, AppError> {
        let key = in_force.key.clone();
        let outcome = self.fresh_or_prefetched(in_force).await;
        // What a step-up must ask, kept for when the person chooses to sign in again.
        *lock(&self.step_up) = match &outcome {
            Err(AppError::Dashboard(DashboardError::StepUpRequired(asked))) => {
                Some((key, asked.clone()))
            }
            _ => None,
        };
        outcome
    }

    /// What the dashboard of `organization` last asked of the sign-in, if it asked.
    pub fn step_up_asked(&self, organization: &Organization) -> Option<AuthenticationRequirement> {
        lock(&self.step_up)
            .as_ref()
            .filter(|(key, _)| *key == organization.key)
            .map(|(_, asked)| asked.clone())
    }

    async fn fresh_or_prefetched(&self, in_force: Organization) -> Result<DashboardData, AppError> {
        let prefetched = self.prefetched.lock().await.take();
        if let Some(prefetched) = prefetched {
            let current = signed_in_profile(&in_force.session.status().state)
                .map(|p| (in_force.key.clone(), p.subject));
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
        fetch(&in_force).await
    }

    /// Starts fetching the dashboard of the person a launch just signed in to `organization`.
    pub async fn prefetch(&self, organization: Organization) {
        let Some(profile) = signed_in_profile(&organization.session.status().state) else {
            return;
        };
        let key = organization.key.clone();
        let fetch = tokio::spawn(async move {
            tracing::debug!(target: "launch", "the dashboard prefetch starts");
            let fetched = fetch(&organization).await;
            tracing::debug!(target: "launch", ok = fetched.is_ok(), "the dashboard prefetch is done");
            fetched
        });
        *self.prefetched.lock().await = Some(Prefetched {
            key,
            subject: profile.subject,
            at: Instant::now(),
            fetch,
        });
    }

    /// Forgets a prefetch (the organization in force changes: it is not that one's).
    pub async fn forget_prefetch(&self) {
        self.prefetched.lock().await.take();
    }

    /// When the window should ask again after `outcome`: for a kept dashboard or a failure
    /// that passes, under [`WINDOW_RETRIES`] and never before `provider_wait` (what is left of
    /// a not-before Okta gave); never for a fresh one (the run starts over) or a failure that
    /// will not pass.
    pub fn retry_after(
        &self,
        outcome: &Result<DashboardData, AppError>,
        provider_wait: Option<Duration>,
    ) -> Option<Duration> {
        let mut retries = lock(&self.retries);
        let passes = match outcome {
            Ok(data) => data.stale.is_some(),
            Err(AppError::Dashboard(error)) => passes(error),
            Err(_) => false,
        };
        if !passes {
            *retries = None;
            return None;
        }
        let backoff = retries.get_or_insert_with(|| WINDOW_RETRIES.start());
        // The dashboard's own not-before (a 503's Retry-After), and Okta's.
        let dashboard_wait = match outcome {
            Err(AppError::Dashboard(DashboardError::Unavailable(_, wait))) => *wait,
            _ => None,
        };
        for wait in [provider_wait, dashboard_wait].into_iter().flatten() {
            backoff.not_before(wait);
        }
        backoff.next_delay()
    }
}

/// Fetches `organization`'s dashboard now (the person and the figures at once), or gives the
/// kept one when the failure passes.
async fn fetch(organization: &Organization) -> Result<DashboardData, AppError> {
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
    match fetched {
        Ok((me, dashboard)) => {
            session.set_organization(&me.organization.name).await;
            match (fetched_for, profile_of(&session.status().state)) {
                (Some(before), Some(now)) if before.subject == now.subject => {
                    organization.dashboard_cache().save(&now, &me, &dashboard)
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
            let state = session.status().state;
            let kept = staleness(&error, &state)
                .zip(profile_of(&state))
                .and_then(|(stale, profile)| kept(organization, &profile, stale));
            kept.ok_or_else(|| error.into())
        }
    }
}

/// The dashboard kept from an earlier run for the person whose session `organization` is
/// restoring, to show while it comes back; `None` when it is not restoring (the window asks
/// for the dashboard itself) or nothing is kept for that person.
pub(crate) fn kept_while_restoring(organization: &Organization) -> Option<DashboardData> {
    let SessionState::Restoring { profile } = organization.session.status().state else {
        return None;
    };
    kept(organization, &profile, Staleness::Restoring)
}

/// `profile`'s dashboard kept in `organization`'s folder, "as of" when it was fetched, shown
/// because of `stale`; `None` when none is kept for them.
fn kept(organization: &Organization, profile: &Profile, stale: Staleness) -> Option<DashboardData> {
    let (me, dashboard, fetched_at) = organization.dashboard_cache().load(profile)?;
    Some(DashboardData {
        me,
        dashboard,
        as_of: Some(fetched_at),
        stale: Some(stale),
    })
}

/// Whether a dashboard failure passes (Okta or the dashboard unreachable or failing), rather
/// than a session that ended or a refusal.
fn passes(error: &DashboardError) -> bool {
    match error {
        DashboardError::Session(error) => error.is_transient(),
        DashboardError::Offline | DashboardError::Timeout | DashboardError::Unavailable(..) => true,
        _ => false,
    }
}

/// Whether a failed dashboard load may show the kept one, and why: only for failures that pass.
fn staleness(error: &DashboardError, state: &SessionState) -> Option<Staleness> {
    if !passes(error) {
        return None;
    }
    let offline = matches!(error, DashboardError::Session(_))
        || matches!(state, SessionState::Offline { .. });
    Some(if offline {
        Staleness::Offline
    } else {
        Staleness::DashboardUnavailable
    })
}
