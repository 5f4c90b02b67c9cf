//! One organization's Okta sign-in: begin (authorization URL for the system browser), complete
//! (from the callback URL), cancel.
//!
//! Discovery and the signing keys are fetched when a sign-in begins and cached, so that once the
//! callback arrives only the token request is left. One sign-in is pending at a time; a callback
//! that does not match it (unsolicited, wrong state, wrong issuer) is refused without consuming it.

use std::sync::{Arc, Mutex as SyncMutex};
use std::time::{Duration, Instant, SystemTime};

use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;
use url::Url;

use crate::callback::{parse_sign_in_callback, SignInCallback};
use crate::config::OktaSettings;
use crate::error::{IdTokenError, SignInError};
use crate::http::HttpClient;
use crate::oidc::{
    self, IdTokenCheck, Identity, NonceRule, Provider, SigningKeys, TokenFailure, TokenSet,
};
use crate::secret::{
    constant_time_eq, random_url_safe, IdToken, Nonce, PkceVerifier, RefreshToken, State,
};

/// How long a sign-in may wait for its callback.
pub const DEFAULT_SIGN_IN_TTL: Duration = Duration::from_secs(10 * 60);
/// At most one key-set refetch for an unknown `kid` per this period.
const KEY_REFETCH_COOLDOWN: Duration = Duration::from_secs(60);

/// A sign-in waiting for its callback. Holds the secrets that tie the callback to it.
#[derive(Debug)]
pub struct PendingSignIn {
    state: State,
    nonce: Nonce,
    verifier: PkceVerifier,
    authorization_url: Url,
    expires_at: SystemTime,
}

impl PendingSignIn {
    fn new(
        provider: &Provider,
        settings: &OktaSettings,
        login_hint: Option<&str>,
        ttl: Duration,
    ) -> Result<Self, SignInError> {
        // 32 random bytes each: 256 bits, well over the 128 the issue asks for.
        let state = State::new(random_url_safe(32));
        let nonce = Nonce::new(random_url_safe(32));
        let verifier = PkceVerifier::new(random_url_safe(32));
        let authorization_url = provider.authorization_url(
            &settings.client_id,
            &state,
            &nonce,
            &verifier,
            login_hint,
        )?;
        Ok(Self {
            state,
            nonce,
            verifier,
            authorization_url,
            expires_at: oidc::expiry_after(Some(ttl), SystemTime::now()),
        })
    }

    fn is_expired(&self) -> bool {
        SystemTime::now() >= self.expires_at
    }
}

/// A sign-in that has begun: the URL to open in the system browser.
#[derive(Debug, Clone)]
pub struct AuthorizationRequest {
    pub url: Url,
    pub expires_at: SystemTime,
}

/// The result of a completed sign-in.
#[derive(Debug)]
pub struct SignedIn {
    pub tokens: TokenSet,
    pub identity: Identity,
    /// The sign-in's nonce: a refreshed ID token may repeat it (OpenID Connect Core §12.2).
    pub nonce: Nonce,
}

/// A pending sign-in in storable form (for the keychain only: it holds the PKCE verifier), so a
/// callback that cold-starts the app after the OS killed it still completes.
#[derive(Serialize, Deserialize)]
pub struct PendingSnapshot {
    issuer: String,
    client_id: String,
    state: String,
    nonce: String,
    verifier: String,
    authorization_url: String,
    expires_at: u64,
}

impl std::fmt::Debug for PendingSnapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingSnapshot")
            .field("issuer", &self.issuer)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl PendingSnapshot {
    /// The snapshot as JSON: a secret, for the keychain only.
    pub fn to_secret_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_secret_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }

    /// When the stored sign-in expires. A stored number too large for this platform's clock
    /// reads as already expired.
    pub fn expires_at(&self) -> SystemTime {
        UNIX_EPOCH
            .checked_add(Duration::from_secs(self.expires_at))
            .unwrap_or(UNIX_EPOCH)
    }
}

#[derive(Default)]
struct KeyCache {
    keys: Option<SigningKeys>,
    last_refetch: Option<Instant>,
}

/// See the module documentation.
pub struct OktaSignIn {
    settings: OktaSettings,
    http: Arc<HttpClient>,
    provider: Mutex<Option<Arc<Provider>>>,
    keys: Arc<Mutex<KeyCache>>,
    pending: SyncMutex<Option<PendingSignIn>>,
    ttl: Duration,
}

impl OktaSignIn {
    pub fn new(settings: OktaSettings, http: Arc<HttpClient>) -> Self {
        Self::with_ttl(settings, http, DEFAULT_SIGN_IN_TTL)
    }

    /// Like [`OktaSignIn::new`], with another lifetime for pending sign-ins.
    pub fn with_ttl(settings: OktaSettings, http: Arc<HttpClient>, ttl: Duration) -> Self {
        Self {
            settings,
            http,
            provider: Mutex::new(None),
            keys: Arc::new(Mutex::new(KeyCache::default())),
            pending: SyncMutex::new(None),
            ttl,
        }
    }

    pub fn settings(&self) -> &OktaSettings {
        &self.settings
    }

    /// The HTTP client, which knows the provider's clock.
    pub fn http(&self) -> &HttpClient {
        &self.http
    }

    /// The provider's discovery document, fetched once and cached.
    pub async fn provider(&self) -> Result<Arc<Provider>, SignInError> {
        let mut cached = self.provider.lock().await;
        if let Some(provider) = cached.as_ref() {
            return Ok(provider.clone());
        }
        let provider = oidc::discover(&self.http, &self.settings.issuer).await?;
        if !provider.supports_s256() {
            return Err(SignInError::PkceUnsupported);
        }
        let provider = Arc::new(provider);
        *cached = Some(provider.clone());
        Ok(provider)
    }

    /// Begins a sign-in: returns the URL to open in the system browser. Replaces any pending
    /// sign-in. Starts fetching the signing keys while the person is in the browser.
    pub async fn begin(
        &self,
        login_hint: Option<&str>,
    ) -> Result<AuthorizationRequest, SignInError> {
        let provider = self.provider().await?;
        self.prefetch_keys(provider.clone());
        let login_hint = login_hint.map(str::trim).filter(|hint| !hint.is_empty());
        let pending = PendingSignIn::new(&provider, &self.settings, login_hint, self.ttl)?;
        let request = AuthorizationRequest {
            url: pending.authorization_url.clone(),
            expires_at: pending.expires_at,
        };
        *self.pending_slot() = Some(pending);
        Ok(request)
    }

    /// The URL of the pending sign-in, to open the browser again. `None` when none is pending.
    pub fn pending_url(&self) -> Option<Url> {
        let slot = self.pending_slot();
        slot.as_ref()
            .filter(|pending| !pending.is_expired())
            .map(|pending| pending.authorization_url.clone())
    }

    /// Cancels the pending sign-in. Returns whether one was pending.
    pub fn cancel(&self) -> bool {
        self.pending_slot().take().is_some()
    }

    /// Completes the pending sign-in from the callback URL the OS handed to POINT.
    pub async fn complete(&self, callback: &str) -> Result<SignedIn, SignInError> {
        let callback = parse_sign_in_callback(callback)?;
        if self.pending_slot().is_none() {
            return Err(SignInError::NoPendingSignIn);
        }
        // Cached since the sign-in began, unless this process started from the callback.
        let provider = self.provider().await?;
        let pending = self.take_matching(&callback, &provider)?;
        let code = match callback {
            SignInCallback::Error {
                error, description, ..
            } => {
                return Err(SignInError::from_authorization_error(
                    &error,
                    description.as_deref(),
                ))
            }
            SignInCallback::Code { code, .. } => code,
        };
        let tokens = provider
            .exchange_code(&self.http, &self.settings.client_id, code, pending.verifier)
            .await?;
        let identity = self
            .verify_id_token(
                &provider,
                &tokens,
                NonceRule::Required(&pending.nonce),
                None,
            )
            .await?;
        Ok(SignedIn {
            tokens,
            identity,
            nonce: pending.nonce,
        })
    }

    /// The pending sign-in, for storing in the keychain until it expires.
    pub fn pending_snapshot(&self) -> Option<PendingSnapshot> {
        let slot = self.pending_slot();
        let pending = slot.as_ref().filter(|p| !p.is_expired())?;
        Some(PendingSnapshot {
            issuer: self.settings.issuer.as_str().to_string(),
            client_id: self.settings.client_id.as_str().to_string(),
            state: pending.state.expose().to_string(),
            nonce: pending.nonce.expose().to_string(),
            verifier: pending.verifier.expose().to_string(),
            authorization_url: pending.authorization_url.to_string(),
            expires_at: pending
                .expires_at
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default(),
        })
    }

    /// Makes a stored sign-in pending again (after a restart), if it is for these settings and
    /// has not expired. Returns whether it was restored.
    pub fn restore_pending(&self, snapshot: PendingSnapshot) -> bool {
        let matches = snapshot.issuer == self.settings.issuer.as_str()
            && snapshot.client_id == self.settings.client_id.as_str()
            && snapshot.expires_at() > SystemTime::now();
        let Ok(authorization_url) = Url::parse(&snapshot.authorization_url) else {
            return false;
        };
        if !matches {
            return false;
        }
        // A stored sign-in never lives longer than a new one would.
        let expires_at = snapshot
            .expires_at()
            .min(oidc::expiry_after(Some(self.ttl), SystemTime::now()));
        *self.pending_slot() = Some(PendingSignIn {
            state: State::new(snapshot.state),
            nonce: Nonce::new(snapshot.nonce),
            verifier: PkceVerifier::new(snapshot.verifier),
            authorization_url,
            expires_at,
        });
        true
    }

    /// Redeems a refresh token: one request. The answer's ID token is not verified here, so the
    /// caller can store a rotated refresh token before anything else can fail; then it calls
    /// [`OktaSignIn::verify_refreshed`].
    pub async fn redeem_refresh_token(
        &self,
        refresh_token: &RefreshToken,
    ) -> Result<TokenSet, TokenFailure> {
        let provider = self.provider().await?;
        provider
            .refresh(&self.http, &self.settings.client_id, refresh_token)
            .await
    }

    /// Verifies the ID token of a refresh's answer, when it has one: like the first one, except
    /// that it may omit the nonce, and it must name the same user (`subject`).
    pub async fn verify_refreshed(
        &self,
        tokens: &TokenSet,
        subject: &str,
        nonce: Option<&Nonce>,
    ) -> Result<Option<Identity>, SignInError> {
        if tokens.id_token.is_none() {
            return Ok(None);
        }
        let provider = self.provider().await?;
        self.verify_id_token(
            &provider,
            tokens,
            NonceRule::AbsentOrEqual(nonce),
            Some(subject),
        )
        .await
        .map(Some)
    }

    /// Whether a refresh token is still active at the provider (introspection): for a token
    /// whose last redemption got no readable answer. Spends nothing.
    pub async fn refresh_token_is_active(
        &self,
        refresh_token: &RefreshToken,
    ) -> Result<bool, SignInError> {
        let provider = self.provider().await?;
        provider
            .refresh_token_is_active(&self.http, &self.settings.client_id, refresh_token)
            .await
    }

    /// Revokes a refresh token at the provider's revocation endpoint.
    pub async fn revoke(&self, refresh_token: &RefreshToken) -> Result<(), SignInError> {
        let provider = self.provider().await?;
        provider
            .revoke_refresh_token(&self.http, &self.settings.client_id, refresh_token)
            .await
    }

    /// The end-session URL to open in the system browser, when the provider has one.
    pub async fn end_session_url(
        &self,
        id_token: &IdToken,
        state: &State,
    ) -> Result<Option<Url>, SignInError> {
        Ok(self.provider().await?.end_session_url(id_token, state))
    }

    /// Checks the callback against the pending sign-in and takes it only if it matches.
    fn take_matching(
        &self,
        callback: &SignInCallback,
        provider: &Provider,
    ) -> Result<PendingSignIn, SignInError> {
        let mut slot = self.pending_slot();
        let pending = slot.as_ref().ok_or(SignInError::NoPendingSignIn)?;
        if pending.is_expired() {
            *slot = None;
            return Err(SignInError::SignInExpired);
        }
        let state_matches = callback
            .state()
            .is_some_and(|state| constant_time_eq(state.expose(), pending.state.expose()));
        if !state_matches {
            return Err(SignInError::StateMismatch);
        }
        match callback.issuer() {
            Some(issuer) if issuer != provider.issuer() => {
                return Err(SignInError::CallbackIssuerMismatch)
            }
            None if provider.sends_issuer_in_response() => {
                return Err(SignInError::CallbackIssuerMismatch)
            }
            _ => {}
        }
        slot.take().ok_or(SignInError::NoPendingSignIn)
    }

    /// Verifies the ID token in a token response; refetches the signing keys once if it was
    /// signed with an unknown key (the provider may have rotated them).
    pub async fn verify_id_token(
        &self,
        provider: &Provider,
        tokens: &TokenSet,
        nonce: NonceRule<'_>,
        subject: Option<&str>,
    ) -> Result<Identity, SignInError> {
        let raw = tokens
            .id_token
            .as_ref()
            .ok_or(SignInError::MissingIdToken)?
            .expose();
        let keys = self.signing_keys(provider).await?;
        let check = |now| IdTokenCheck {
            issuer: provider.issuer(),
            client_id: self.settings.client_id.as_str(),
            nonce,
            access_token: Some(tokens.access_token.expose()),
            subject,
            now,
        };
        match oidc::verify_id_token(raw, &keys, &check(self.http.server_now())) {
            Err(IdTokenError::UnknownSigningKey) => {
                let Some(keys) = self.refetch_keys(provider).await? else {
                    return Err(IdTokenError::UnknownSigningKey.into());
                };
                Ok(oidc::verify_id_token(
                    raw,
                    &keys,
                    &check(self.http.server_now()),
                )?)
            }
            other => Ok(other?),
        }
    }

    fn prefetch_keys(&self, provider: Arc<Provider>) {
        let keys = self.keys.clone();
        let http = self.http.clone();
        tokio::spawn(async move {
            let mut cache = keys.lock().await;
            if cache.keys.is_none() {
                match oidc::fetch_keys(&http, &provider).await {
                    Ok(fetched) => cache.keys = Some(fetched),
                    Err(error) => tracing::debug!(%error, "prefetching signing keys failed"),
                }
            }
        });
    }

    async fn signing_keys(&self, provider: &Provider) -> Result<SigningKeys, SignInError> {
        let mut cache = self.keys.lock().await;
        if let Some(keys) = cache.keys.as_ref() {
            return Ok(keys.clone());
        }
        let keys = oidc::fetch_keys(&self.http, provider).await?;
        cache.keys = Some(keys.clone());
        Ok(keys)
    }

    /// Refetches the keys unless that was done within the cooldown.
    async fn refetch_keys(&self, provider: &Provider) -> Result<Option<SigningKeys>, SignInError> {
        let mut cache = self.keys.lock().await;
        if cache
            .last_refetch
            .is_some_and(|at| at.elapsed() < KEY_REFETCH_COOLDOWN)
        {
            return Ok(None);
        }
        // Only a fetch that succeeded starts the cooldown: after a failed one (the provider was
        // unreachable), the next ID token may try again.
        let keys = oidc::fetch_keys(&self.http, provider).await?;
        cache.last_refetch = Some(Instant::now());
        cache.keys = Some(keys.clone());
        Ok(Some(keys))
    }

    fn pending_slot(&self) -> std::sync::MutexGuard<'_, Option<PendingSignIn>> {
        // The slot holds plain data; a panic elsewhere cannot leave it half-written.
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
