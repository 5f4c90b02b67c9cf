//! One organization's parts, built once from the settings in force: one HTTP client (with IT's
//! extra roots), the Okta sign-in, the session (keychain, profile cache, IT's email rule) and the
//! dashboard client.

use std::sync::Arc;

use point_auth::{HttpClient, OktaSettings, OktaSignIn};
use point_config::{Resolved, Source};
use point_dashboard::DashboardClient;
use point_session::{ProfileCache, Session};

use crate::error::AppError;
use crate::surroundings::Surroundings;

/// The one HTTP client for the settings in force (IT's extra roots and proxy), or why those
/// settings cannot be used: a dashboard address that is not https, a proxy that is not an
/// http(s) address. Every request POINT makes goes through a client made here.
pub(crate) fn http_client_for(resolved: &Resolved) -> Result<Arc<HttpClient>, AppError> {
    if let Some(problem) = resolved.api_base_problem().or(resolved.proxy_problem()) {
        return Err(AppError::SettingsUnusable(problem));
    }
    let ca = resolved.ca_file.as_ref().map(|(path, _)| path.as_path());
    let proxy = resolved.proxy.as_ref().map(|(url, _)| url);
    Ok(Arc::new(HttpClient::through_proxy(ca, proxy)?))
}

/// See the module documentation.
#[derive(Clone)]
pub struct Organization {
    pub session: Arc<Session>,
    pub dashboard: DashboardClient,
    pub source: Source,
}

impl Organization {
    pub(crate) fn build(
        okta: OktaSettings,
        source: Source,
        resolved: &Resolved,
        surroundings: &Surroundings,
    ) -> Result<Self, AppError> {
        let http = http_client_for(resolved)?;
        let sign_in = Arc::new(OktaSignIn::new(okta, http.clone()));
        let session = Session::new(
            sign_in,
            (surroundings.keychain)(),
            ProfileCache::in_dir(&surroundings.data_dir),
        );
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
        let dashboard = DashboardClient::new(resolved.api_base.0.clone(), http);
        Ok(Self {
            session,
            dashboard,
            source,
        })
    }
}
