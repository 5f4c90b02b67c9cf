//! A sign-in waiting for its callback: the secrets that tie Okta's answer to it (state, nonce,
//! PKCE verifier), its redirect and expiry, for one organization's settings. Whoever began it
//! owns it; it can be kept as JSON (the session puts it in the keychain, so a callback that
//! cold-starts POINT still completes). Its `Debug` shows no secret.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use url::Url;

use crate::callback::SignInCallback;
use crate::config::{OktaSettings, Redirect};
use crate::error::SignInError;
use crate::oidc::{self, AuthorizationRequest, PageOptions, Provider};
use crate::secret::{constant_time_eq, random_url_safe, Nonce, PkceVerifier, State};
use crate::step_up::AuthenticationRequirement;

/// A sign-in waiting for its callback: the secrets that tie the callback to it, for one
/// organization's settings. Its `Debug` shows no secret.
pub struct PendingSignIn {
    issuer: String,
    client_id: String,
    pub(crate) state: State,
    pub(crate) nonce: Nonce,
    pub(crate) verifier: PkceVerifier,
    authorization_url: Url,
    expires_at: SystemTime,
    pub(crate) redirect: Redirect,
    /// What the sign-in was asked to meet (step-up, IT's minimum): its ID token must show it.
    pub(crate) requirement: AuthenticationRequirement,
    /// The person it must sign in (a step-up: the one already signed in), when it must.
    pub(crate) subject: Option<String>,
}

impl std::fmt::Debug for PendingSignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingSignIn")
            .field("issuer", &self.issuer)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// The stored form of a pending sign-in (a secret: it holds the PKCE verifier).
#[derive(Serialize, Deserialize)]
struct StoredPendingSignIn {
    issuer: String,
    client_id: String,
    state: String,
    nonce: String,
    verifier: String,
    authorization_url: String,
    expires_at: u64,
    #[serde(default)]
    requirement: AuthenticationRequirement,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
}

impl PendingSignIn {
    pub(crate) fn new(
        provider: &Provider,
        settings: &OktaSettings,
        page: PageOptions<'_>,
        redirect: Redirect,
        ttl: Duration,
    ) -> Result<Self, SignInError> {
        // 32 random bytes each: 256 bits, well over the 128 the issue asks for.
        let state = State::new(random_url_safe(32));
        let nonce = Nonce::new(random_url_safe(32));
        let verifier = PkceVerifier::new(random_url_safe(32));
        let authorization_url = provider.authorization_url(
            &settings.client_id,
            AuthorizationRequest {
                state: &state,
                nonce: &nonce,
                verifier: &verifier,
                page,
                redirect,
            },
        )?;
        let requirement = page.requirement.cloned().unwrap_or_default();
        Ok(Self {
            requirement,
            subject: None,
            redirect,
            issuer: settings.issuer.as_str().to_string(),
            client_id: settings.client_id.as_str().to_string(),
            state,
            nonce,
            verifier,
            authorization_url,
            expires_at: oidc::expiry_after(Some(ttl), SystemTime::now()),
        })
    }

    /// Whether `callback` carries this sign-in's state (compared in constant time).
    pub fn is_answered_by(&self, callback: &SignInCallback) -> bool {
        callback
            .state()
            .is_some_and(|state| constant_time_eq(state.expose(), self.state.expose()))
    }

    /// What this sign-in was asked to meet.
    pub fn requirement(&self) -> &AuthenticationRequirement {
        &self.requirement
    }

    /// Where Okta sends the browser back for this sign-in.
    pub fn redirect(&self) -> Redirect {
        self.redirect
    }

    /// The whole authorization request as a URL, secrets included: the browser gets what
    /// [`crate::OktaSignIn::browser_url`] makes of it.
    pub fn authorization_url(&self) -> &Url {
        &self.authorization_url
    }

    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }

    pub fn is_expired(&self) -> bool {
        SystemTime::now() >= self.expires_at
    }

    /// Whether this sign-in was begun for these settings.
    pub fn is_for(&self, settings: &OktaSettings) -> bool {
        self.issuer == settings.issuer.as_str() && self.client_id == settings.client_id.as_str()
    }

    /// The sign-in in storable form: a secret, for the keychain only.
    pub fn to_secret_json(&self) -> String {
        let stored = StoredPendingSignIn {
            issuer: self.issuer.clone(),
            client_id: self.client_id.clone(),
            state: self.state.expose().to_string(),
            nonce: self.nonce.expose().to_string(),
            verifier: self.verifier.expose().to_string(),
            authorization_url: self.authorization_url.to_string(),
            expires_at: self
                .expires_at
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default(),
            requirement: self.requirement.clone(),
            subject: self.subject.clone(),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// A stored sign-in, if it reads, is for `settings` and has not expired. Pure and total.
    /// It never lives longer than a new one would (`ttl` from now).
    pub fn from_secret_json(json: &str, settings: &OktaSettings, ttl: Duration) -> Option<Self> {
        let stored: StoredPendingSignIn = serde_json::from_str(json).ok()?;
        let expires_at = UNIX_EPOCH
            .checked_add(Duration::from_secs(stored.expires_at))
            .unwrap_or(UNIX_EPOCH)
            .min(oidc::expiry_after(Some(ttl), SystemTime::now()));
        let pending = Self {
            issuer: stored.issuer,
            client_id: stored.client_id,
            state: State::new(stored.state),
            nonce: Nonce::new(stored.nonce),
            verifier: PkceVerifier::new(stored.verifier),
            authorization_url: Url::parse(&stored.authorization_url).ok()?,
            expires_at,
            requirement: stored.requirement,
            subject: stored.subject,
            // Only custom-scheme sign-ins are stored: a loopback listener ends with its process.
            redirect: Redirect::CustomScheme,
        };
        (pending.is_for(settings) && !pending.is_expired()).then_some(pending)
    }
}
