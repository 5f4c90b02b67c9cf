//! The last dashboard, kept on disk with the time it was fetched, so that a launch shows it while
//! the session comes back, and an offline launch or a dashboard outage still shows it, "as of"
//! that time. Non-secret (names, figures, activity: what
//! the window showed), for the person it was fetched for only, removed at sign-out. Reading is
//! total: a damaged or foreign file is no cache.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use point_dashboard::{Dashboard, Me};
use point_session::Profile;
use serde::{Deserialize, Serialize};

pub const DASHBOARD_FILE: &str = "dashboard.json";

#[derive(Serialize, Deserialize)]
struct Cached {
    issuer: String,
    client_id: String,
    subject: String,
    /// Seconds since the epoch.
    fetched_at: u64,
    me: Me,
    dashboard: Dashboard,
}

pub struct DashboardCache {
    path: PathBuf,
}

impl DashboardCache {
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(DASHBOARD_FILE),
        }
    }

    /// Keeps `me` and `dashboard` as `profile`'s, fetched now. A failure is logged, not fatal.
    pub fn save(&self, profile: &Profile, me: &Me, dashboard: &Dashboard) {
        let cached = Cached {
            issuer: profile.issuer.clone(),
            client_id: profile.client_id.clone(),
            subject: profile.subject.clone(),
            fetched_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default(),
            me: me.clone(),
            dashboard: dashboard.clone(),
        };
        let written = serde_json::to_vec(&cached)
            .map_err(std::io::Error::other)
            .and_then(|bytes| point_config::write_private(&self.path, &bytes));
        if let Err(error) = written {
            tracing::warn!(%error, "could not keep the dashboard for offline use");
        }
    }

    /// `profile`'s last dashboard and when it was fetched, if there is one.
    pub fn load(&self, profile: &Profile) -> Option<(Me, Dashboard, SystemTime)> {
        let bytes = std::fs::read(&self.path).ok()?;
        let cached: Cached = serde_json::from_slice(&bytes).ok()?;
        let theirs = cached.issuer == profile.issuer
            && cached.client_id == profile.client_id
            && cached.subject == profile.subject;
        let fetched_at = UNIX_EPOCH.checked_add(Duration::from_secs(cached.fetched_at))?;
        theirs.then_some((cached.me, cached.dashboard, fetched_at))
    }

    pub fn clear(&self) {
        match std::fs::remove_file(&self.path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => tracing::warn!(%error, "could not remove the kept dashboard"),
        }
    }
}
