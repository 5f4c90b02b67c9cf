//! One organization's parts, built once from the settings in force: one HTTP client (with IT's
//! extra roots), the Okta sign-in, the session (keychain, profile cache, IT's email rule) and the
//! dashboard client. Each organization keeps its non-secret files (the profile cache, the last
//! dashboard) in a folder of its own, so switching between organizations loses none of them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use point_auth::{HttpClient, OktaSettings, OktaSignIn, ProviderSnapshot};
pub use point_config::{organization_dir, organization_key};
use point_config::{Resolved, Source};
use point_dashboard::DashboardClient;
use point_session::{ProfileCache, Session};

use crate::dashboard_cache::{DashboardCache, DASHBOARD_FILE};
use crate::error::AppError;
use crate::surroundings::Surroundings;

/// The provider's documents kept for the next launch (see `ProviderSnapshot`).
const PROVIDER_FILE: &str = "provider.json";

/// The files of a version that knew one organization only, in the data folder itself.
const LEGACY_PROFILE_FILE: &str = "profile.json";

/// Moves the profile cache and the kept dashboard of a version that knew one organization into
/// that organization's folder, when they are this organization's (the profile says so).
fn adopt_legacy_files(data_dir: &Path, dir: &Path, okta: &OktaSettings) {
    // The same file name as in an organization's folder.
    let legacy = ProfileCache::in_dir(data_dir);
    let Some(profile) = legacy.load() else {
        return;
    };
    let ours =
        profile.issuer == okta.issuer.as_str() && profile.client_id == okta.client_id.as_str();
    if !ours || ProfileCache::in_dir(dir).load().is_some() {
        return;
    }
    let moved = std::fs::create_dir_all(dir).and_then(|()| {
        for file in [LEGACY_PROFILE_FILE, DASHBOARD_FILE] {
            match std::fs::rename(data_dir.join(file), dir.join(file)) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
        Ok(())
    });
    if let Err(error) = moved {
        tracing::warn!(%error, "could not move the profile cache into the organization's folder");
    }
}

/// The one HTTP client for the settings in force (IT's extra roots and proxy), or why those
/// settings cannot be used: a dashboard address that is not https, a proxy that is not an
/// http(s) address. Every request POINT makes goes through a client made here.
pub(crate) fn http_client_for(
    resolved: &Resolved,
    surroundings: &Surroundings,
) -> Result<Arc<HttpClient>, AppError> {
    if let Some(problem) = resolved.api_base_problem().or(resolved.proxy_problem()) {
        return Err(AppError::SettingsUnusable(problem));
    }
    if let Some(network) = &surroundings.in_process_network {
        return Ok(Arc::new(HttpClient::in_process(
            network.clone(),
            point_auth::REQUEST_TIMEOUT,
        )));
    }
    Ok(Arc::new(resolved.http_client()?))
}

/// See the module documentation.
#[derive(Clone)]
pub struct Organization {
    pub session: Arc<Session>,
    pub dashboard: DashboardClient,
    pub source: Source,
    /// See [`organization_key`].
    pub key: String,
    /// Its folder of non-secret files.
    pub dir: PathBuf,
}

impl Organization {
    pub(crate) fn build(
        okta: OktaSettings,
        source: Source,
        resolved: &Resolved,
        surroundings: &Surroundings,
    ) -> Result<Self, AppError> {
        let http = http_client_for(resolved, surroundings)?;
        tracing::debug!(target: "launch", "the HTTP client is built");
        let key = organization_key(&okta);
        let dir = organization_dir(&surroundings.data_dir, &okta);
        adopt_legacy_files(&surroundings.data_dir, &dir, &okta);
        let locale = surroundings.locale(resolved.managed.as_ref());
        let kept = std::fs::read_to_string(dir.join(PROVIDER_FILE))
            .ok()
            .and_then(|text| ProviderSnapshot::read(&text));
        let mut sign_in = OktaSignIn::new(okta, http.clone());
        if let Some(kept) = &kept {
            sign_in = sign_in.starting_from(kept, SystemTime::now());
        }
        let sign_in = Arc::new(
            sign_in
                .speaking(point_i18n::ui_locales(locale))
                .requiring(resolved.sign_in_minimum())
                .keeping_keys(
                    resolved.dpop_key_policy(),
                    surroundings.key_hardware.clone(),
                ),
        );
        let keychain = (surroundings.keychain)();
        tracing::debug!(target: "launch", "the keychain is open");
        let session = Session::new(sign_in, keychain, ProfileCache::in_dir(&dir));
        if let Some(managed) = resolved
            .managed
            .clone()
            .filter(|m| !m.allowed_email_domains.is_empty())
        {
            // The check that holds: the verified ID token's email, at sign-in and each refresh.
            session.admit_only(Arc::new(move |email: Option<&str>| {
                email.is_some_and(|email| managed.allows_email(email))
            }));
        }
        let dashboard = DashboardClient::new(resolved.api_base.0.clone(), http)
            .speaking(&point_i18n::accept_language(locale));
        Ok(Self {
            session,
            dashboard,
            source,
            key,
            dir,
        })
    }

    /// Keeps what POINT knows of the provider (its discovery document and signing keys, both
    /// public) in this organization's folder for the next launch, when it changed.
    pub(crate) async fn keep_provider_snapshot(&self) {
        let Some(snapshot) = self.session.sign_in().snapshot().await else {
            return;
        };
        let path = self.dir.join(PROVIDER_FILE);
        let text = snapshot.write();
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            return;
        }
        let written = std::fs::create_dir_all(&self.dir)
            .and_then(|()| point_config::write_private(&path, text.as_bytes()));
        if let Err(error) = written {
            tracing::debug!(%error, "could not keep the provider's documents");
        }
    }

    /// This organization's last dashboard, kept for offline.
    pub(crate) fn dashboard_cache(&self) -> DashboardCache {
        DashboardCache::in_dir(&self.dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use point_session::Profile;

    fn profile(issuer: &str, client_id: &str) -> Profile {
        Profile {
            issuer: issuer.into(),
            client_id: client_id.into(),
            subject: "00u1".into(),
            name: None,
            email: Some("alice@example.com".into()),
            organization: None,
        }
    }

    #[test]
    fn a_single_organization_versions_files_move_into_that_organizations_folder_only() {
        let data = std::env::temp_dir().join(format!("point-legacy-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        let ours = OktaSettings::parse("https://example.okta.com/oauth2/default", "0oaOurs", None)
            .unwrap();
        let theirs = OktaSettings::parse("https://other.okta.com", "0oaTheirs", None).unwrap();
        ProfileCache::in_dir(&data)
            .save(&profile(ours.issuer.as_str(), "0oaOurs"))
            .unwrap();
        std::fs::write(data.join(DASHBOARD_FILE), "{}").unwrap();

        // Another organization's folder does not take them.
        let other_dir = organization_dir(&data, &theirs);
        adopt_legacy_files(&data, &other_dir, &theirs);
        assert!(ProfileCache::in_dir(&other_dir).load().is_none());
        assert!(data.join(LEGACY_PROFILE_FILE).exists());

        let dir = organization_dir(&data, &ours);
        adopt_legacy_files(&data, &dir, &ours);
        assert_eq!(
            ProfileCache::in_dir(&dir).load().unwrap().client_id,
            "0oaOurs"
        );
        assert!(dir.join(DASHBOARD_FILE).exists());
        assert!(!data.join(LEGACY_PROFILE_FILE).exists());
        assert_ne!(organization_key(&ours), organization_key(&theirs));
        let _ = std::fs::remove_dir_all(&data);
    }
}
