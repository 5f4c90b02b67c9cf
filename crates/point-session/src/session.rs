//! The signed-in session of one organization's Okta.
//!
//! - The refresh token lives in the keychain (and in memory); the access token only in memory.
//! - [`Session::restore`] signs in silently at launch from the keychain, or starts offline with
//!   the cached identity and retries with backoff.
//! - [`Session::access_token`] hands out a valid token, refreshing ahead of expiry; concurrent
//!   callers share one refresh. A rotated refresh token is written to the keychain before the
//!   new access token is handed out.
//! - Only `invalid_grant` (or signing out) deletes the refresh token; timeouts, 5xx and network
//!   errors never do.
//! - Rotation first: a token response that carries a new refresh token puts it in memory and the
//!   keychain before anything else that can fail (ID token checks, profile updates).
//! - A refresh request that went out but got no readable answer may have spent the token at the
//!   provider: the token is then "in doubt", and the next attempt asks the provider
//!   (introspection) whether it is still active before presenting it, so Okta never sees a
//!   spent refresh token presented again (its reuse detection would revoke the whole session).
//! - Generations: sign-in and sign-out start a new generation; a refresh that finishes in an
//!   older one writes nothing and changes no state (its new refresh token is revoked).
//! - Two processes must not refresh the same rotating token: on the desktop the single-instance
//!   rule makes POINT one process; `point doctor` only writes its own probe entry.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex as SyncMutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use point_auth::{
    parse_sign_out_callback, AccessToken, IdToken, Identity, Nonce, OktaSignIn, PendingSnapshot,
    RefreshToken, SignInError, State, TokenFailure,
};
use serde::{Deserialize, Serialize};
use tokio::sync::{watch, Mutex};
use url::Url;

use crate::keychain::{KeychainError, SecretStore};
#[cfg(test)]
use crate::profile::PROFILE_FILE;
use crate::profile::{Profile, ProfileCache};

/// Refresh this long before the access token expires.
pub const DEFAULT_REFRESH_AHEAD: Duration = Duration::from_secs(60);
/// How long sign-out waits for the revocation before queueing it for later.
const REVOCATION_WAIT: Duration = Duration::from_secs(5);
/// A keychain call that takes longer is treated as a locked keychain (an unlock prompt nobody
/// answers); the keychain is then left alone for the rest of the run.
const KEYCHAIN_TIMEOUT: Duration = Duration::from_secs(30);
/// Retries of an offline restore: first after this, doubling up to the maximum.
const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(300);

/// Where the session stands. Carries nothing secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    SignedOut,
    /// Waiting for the browser to come back.
    SigningIn {
        expires_at: SystemTime,
    },
    SignedIn {
        profile: Profile,
        access_expires_at: SystemTime,
    },
    /// Signed in, but the provider cannot be reached: the cached identity is shown and the
    /// session retries.
    Offline {
        profile: Profile,
        reason: String,
    },
    /// The provider ended the session (`invalid_grant`): "Your session ended. Sign in again."
    Ended,
}

/// The state, plus whether the keychain is failing (the UI shows a banner).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub state: SessionState,
    pub keychain_problem: Option<KeychainError>,
}

/// Why a session operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("You are not signed in.")]
    NotSignedIn,
    #[error("Your session ended. Sign in again.")]
    SessionEnded,
    #[error(transparent)]
    SignIn(#[from] SignInError),
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// A sign-in or sign-out happened while this operation ran; its result was discarded.
    #[error("You signed in or out while POINT was renewing your session.")]
    Superseded,
}

impl SessionError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotSignedIn => "not_signed_in",
            Self::SessionEnded => "session_ended",
            Self::SignIn(error) => error.code(),
            Self::Keychain(_) => "keychain",
            Self::Superseded => "superseded",
        }
    }

    pub fn is_transient(&self) -> bool {
        matches!(self, Self::SignIn(error) if error.is_transient())
    }
}

/// What the keychain holds for a session: the refresh token and small metadata.
#[derive(Serialize, Deserialize)]
struct StoredSession {
    v: u8,
    refresh_token: String,
    /// The sign-in's nonce, which a refreshed ID token may repeat.
    nonce: Option<String>,
    /// When a redemption of this token went out whose answer was never stored (seconds since
    /// the epoch): the provider may have spent it, so ask before presenting it again.
    #[serde(default)]
    in_doubt_since: Option<u64>,
}

impl StoredSession {
    /// Reads a keychain entry. Pure and total: anything unreadable (another version, a
    /// damaged entry, no token) is no session, never a panic.
    fn read(secret: &str) -> Option<Self> {
        serde_json::from_str::<Self>(secret)
            .ok()
            .filter(|stored| !stored.refresh_token.is_empty())
    }
}

/// A revocation owed to the provider after an offline sign-out.
#[derive(Serialize, Deserialize)]
struct OwedRevocation {
    issuer: String,
    client_id: String,
    refresh_token: String,
}

#[derive(Default)]
struct Tokens {
    profile: Option<Profile>,
    refresh_token: Option<RefreshToken>,
    access_token: Option<(AccessToken, SystemTime)>,
    id_token: Option<IdToken>,
    nonce: Option<Nonce>,
    /// When a request that may have spent the refresh token went out, its answer lost.
    in_doubt_since: Option<SystemTime>,
    /// Counts finished refresh attempts; with the outcome of the last one.
    refresh_generation: u64,
    last_refresh: Option<Result<(), SessionError>>,
}

/// See the module documentation. Shared as `Arc<Session>`.
pub struct Session {
    sign_in: Arc<OktaSignIn>,
    store: Option<Arc<dyn SecretStore>>,
    profiles: ProfileCache,
    tokens: Mutex<Tokens>,
    refresh_lock: Mutex<()>,
    /// The session generation: sign-in and sign-out advance it. Held while a result is written
    /// (memory, keychain, profile cache, state), so a stale refresh cannot write after them.
    generation: Mutex<u64>,
    refresh_ahead: Duration,
    sign_out_state: SyncMutex<Option<State>>,
    status: watch::Sender<Status>,
    keychain_gave_up: AtomicBool,
}

impl Session {
    /// A session for one organization's Okta. `store` is the keychain, or the reason it is
    /// unavailable: then the session works in memory for this run and says so.
    pub fn new(
        sign_in: Arc<OktaSignIn>,
        store: Result<Arc<dyn SecretStore>, KeychainError>,
        profiles: ProfileCache,
    ) -> Arc<Self> {
        let (store, keychain_problem) = match store {
            Ok(store) => (Some(store), None),
            Err(problem) => (None, Some(problem)),
        };
        let (status, _) = watch::channel(Status {
            state: SessionState::SignedOut,
            keychain_problem,
        });
        Arc::new(Self {
            sign_in,
            store,
            profiles,
            tokens: Mutex::new(Tokens::default()),
            refresh_lock: Mutex::new(()),
            generation: Mutex::new(0),
            refresh_ahead: DEFAULT_REFRESH_AHEAD,
            sign_out_state: SyncMutex::new(None),
            status,
            keychain_gave_up: AtomicBool::new(false),
        })
    }

    pub fn sign_in(&self) -> &Arc<OktaSignIn> {
        &self.sign_in
    }

    /// The current status.
    pub fn status(&self) -> Status {
        self.status.borrow().clone()
    }

    /// Status changes, for the UI.
    pub fn subscribe(&self) -> watch::Receiver<Status> {
        self.status.subscribe()
    }

    fn set_state(&self, state: SessionState) {
        self.status.send_modify(|status| status.state = state);
    }

    fn keychain_failed(&self, problem: KeychainError) {
        tracing::warn!(%problem, "keychain");
        self.status
            .send_modify(|status| status.keychain_problem = Some(problem));
    }

    /// The keychain account of this organization's pending sign-in.
    fn pending_account(&self) -> String {
        let settings = self.sign_in.settings();
        format!("pending sign-in {} {}", settings.issuer, settings.client_id)
    }

    /// The keychain account of a revocation owed to this organization's provider.
    fn owed_revocation_account(&self) -> String {
        let settings = self.sign_in.settings();
        format!("revoke later {} {}", settings.issuer, settings.client_id)
    }

    // ---- keychain helpers (blocking calls, made off the async workers) ----

    async fn keychain<T: Send + 'static>(
        &self,
        call: impl FnOnce(&dyn SecretStore) -> Result<T, KeychainError> + Send + 'static,
    ) -> Result<T, KeychainError> {
        let Some(store) = self.store.clone() else {
            return Err(KeychainError::Unavailable(
                "not available in this session".into(),
            ));
        };
        if self.keychain_gave_up.load(Ordering::Relaxed) {
            return Err(KeychainError::Locked("it stopped answering earlier".into()));
        }
        let call = tokio::task::spawn_blocking(move || call(store.as_ref()));
        match tokio::time::timeout(KEYCHAIN_TIMEOUT, call).await {
            Ok(joined) => joined.unwrap_or_else(|e| Err(KeychainError::Failed(e.to_string()))),
            Err(_) => {
                self.keychain_gave_up.store(true, Ordering::Relaxed);
                Err(KeychainError::Locked(
                    "it did not answer; it may be waiting to be unlocked".into(),
                ))
            }
        }
    }

    /// Writes the session's keychain entry. Without a keychain (the session lives in memory)
    /// there is nothing to write; a keychain that fails is reported, and the error returned.
    async fn save_session(
        &self,
        profile: &Profile,
        refresh_token: &RefreshToken,
        nonce: Option<&Nonce>,
        in_doubt_since: Option<SystemTime>,
    ) -> Result<(), KeychainError> {
        if self.store.is_none() {
            return Ok(());
        }
        let record = StoredSession {
            v: 1,
            refresh_token: refresh_token.expose().to_string(),
            nonce: nonce.map(|n| n.expose().to_string()),
            in_doubt_since: in_doubt_since.map(unix_seconds),
        };
        let secret = serde_json::to_string(&record).unwrap_or_default();
        let account = profile.keychain_account();
        self.keychain(move |store| store.write(&account, &secret))
            .await
            .inspect_err(|problem| self.keychain_failed(problem.clone()))
    }

    async fn delete_session(&self, profile: &Profile) {
        let account = profile.keychain_account();
        if self.store.is_some() {
            if let Err(problem) = self.keychain(move |store| store.delete(&account)).await {
                self.keychain_failed(problem);
            }
        }
        if let Err(error) = self.profiles.clear() {
            tracing::warn!(%error, "could not remove the profile cache");
        }
    }

    // ---- launch ----

    /// Restores the session at launch, without a browser: a pending sign-in from before a
    /// restart, or the signed-in user from the keychain (refreshing once). Offline, the cached
    /// identity is kept and a retry with backoff starts.
    pub async fn restore(self: &Arc<Self>) -> Status {
        self.settle_owed_revocation().await;
        self.restore_pending_sign_in().await;
        let generation = *self.generation.lock().await;

        let settings = self.sign_in.settings();
        let Some(profile) = self.profiles.load().filter(|p| {
            p.issuer == settings.issuer.as_str() && p.client_id == settings.client_id.as_str()
        }) else {
            return self.status();
        };
        let account = profile.keychain_account();
        let stored = match self.keychain(move |store| store.read(&account)).await {
            Ok(Some(secret)) => StoredSession::read(&secret),
            Ok(None) => None,
            Err(problem) => {
                // The keychain is locked or gone: nothing to restore from, and nothing deleted.
                self.keychain_failed(problem);
                return self.status();
            }
        };
        let Some(stored) = stored else {
            let _ = self.profiles.clear();
            return self.status();
        };
        {
            let current = self.generation.lock().await;
            if *current != generation {
                // A sign-in or sign-out happened meanwhile: it decides.
                return self.status();
            }
            let mut tokens = self.tokens.lock().await;
            tokens.profile = Some(profile.clone());
            tokens.refresh_token = Some(RefreshToken::new(stored.refresh_token));
            tokens.nonce = stored.nonce.map(Nonce::new);
            tokens.in_doubt_since = stored
                .in_doubt_since
                .map(|secs| UNIX_EPOCH + Duration::from_secs(secs.min(MAX_STORED_SECONDS)));
        }
        match self.access_token().await {
            Ok(_) => {}
            Err(error) if error.is_transient() => self.clone().retry_in_background(),
            Err(error) => tracing::info!(code = error.code(), "silent restore did not sign in"),
        }
        self.status()
    }

    async fn restore_pending_sign_in(&self) {
        let account = self.pending_account();
        let Ok(Some(secret)) = self.keychain(move |store| store.read(&account)).await else {
            return;
        };
        let restored = PendingSnapshot::from_secret_json(&secret)
            .is_some_and(|snapshot| self.sign_in.restore_pending(snapshot));
        match self.sign_in.pending_snapshot() {
            Some(snapshot) if restored => self.set_state(SessionState::SigningIn {
                expires_at: snapshot.expires_at(),
            }),
            _ => self.forget_pending_sign_in().await,
        }
    }

    async fn forget_pending_sign_in(&self) {
        let account = self.pending_account();
        let _ = self.keychain(move |store| store.delete(&account)).await;
    }

    fn retry_in_background(self: Arc<Self>) {
        tokio::spawn(async move {
            let mut wait = RETRY_FIRST;
            loop {
                tokio::time::sleep(wait).await;
                if !matches!(self.status().state, SessionState::Offline { .. }) {
                    return;
                }
                match self.access_token().await {
                    Err(error) if error.is_transient() => wait = (wait * 2).min(RETRY_MAX),
                    _ => return,
                }
            }
        });
    }

    // ---- sign-in ----

    /// Begins a sign-in and returns the URL to open in the system browser. The pending sign-in
    /// is kept in the keychain until it completes or expires, so that a callback that
    /// cold-starts POINT still completes.
    pub async fn begin_sign_in(&self, login_hint: Option<&str>) -> Result<Url, SessionError> {
        let request = self.sign_in.begin(login_hint).await?;
        if let Some(snapshot) = self.sign_in.pending_snapshot() {
            let secret = snapshot.to_secret_json();
            let account = self.pending_account();
            if self.store.is_some() {
                if let Err(problem) = self.keychain(move |s| s.write(&account, &secret)).await {
                    self.keychain_failed(problem);
                }
            }
        }
        self.set_state(SessionState::SigningIn {
            expires_at: request.expires_at,
        });
        Ok(request.url)
    }

    /// The pending sign-in's URL, to open the browser again.
    pub fn pending_sign_in_url(&self) -> Option<Url> {
        self.sign_in.pending_url()
    }

    /// Cancels the pending sign-in.
    pub async fn cancel_sign_in(&self) {
        self.sign_in.cancel();
        self.forget_pending_sign_in().await;
        if matches!(self.status().state, SessionState::SigningIn { .. }) {
            self.set_state(SessionState::SignedOut);
        }
    }

    /// Completes the sign-in from the `/login` callback URL.
    pub async fn complete_sign_in(&self, callback: &str) -> Result<Profile, SessionError> {
        let result = self.sign_in.complete(callback).await;
        if self.sign_in.pending_snapshot().is_none() {
            self.forget_pending_sign_in().await;
            if result.is_err() && matches!(self.status().state, SessionState::SigningIn { .. }) {
                self.set_state(SessionState::SignedOut);
            }
        }
        let signed_in = result?;
        let settings = self.sign_in.settings();
        let profile = Profile {
            issuer: settings.issuer.as_str().to_string(),
            client_id: settings.client_id.as_str().to_string(),
            subject: signed_in.identity.subject.clone(),
            name: signed_in.identity.name.clone(),
            email: signed_in.identity.email.clone(),
            organization: None,
        };
        let tokens = signed_in.tokens;
        // A new generation: a refresh of the previous session that finishes now writes nothing.
        let mut generation = self.generation.lock().await;
        *generation += 1;
        if let Some(refresh_token) = &tokens.refresh_token {
            // A failed write was reported; the session goes on in memory.
            let _ = self
                .save_session(&profile, refresh_token, Some(&signed_in.nonce), None)
                .await;
        }
        if let Err(error) = self.profiles.save(&profile) {
            tracing::warn!(%error, "could not write the profile cache");
        }
        let access_expires_at = tokens.expires_at;
        {
            let mut state = self.tokens.lock().await;
            *state = Tokens {
                profile: Some(profile.clone()),
                refresh_token: tokens.refresh_token,
                access_token: Some((tokens.access_token, tokens.expires_at)),
                id_token: tokens.id_token,
                nonce: Some(signed_in.nonce),
                in_doubt_since: None,
                refresh_generation: state.refresh_generation,
                last_refresh: None,
            };
        }
        self.set_state(SessionState::SignedIn {
            profile: profile.clone(),
            access_expires_at,
        });
        drop(generation);
        Ok(profile)
    }

    /// Records the organization name (from the dashboard) in the profile.
    pub async fn set_organization(&self, organization: &str) {
        let mut tokens = self.tokens.lock().await;
        if let Some(profile) = tokens.profile.as_mut() {
            profile.organization = Some(organization.to_string());
            let _ = self.profiles.save(profile);
            let profile = profile.clone();
            self.status.send_modify(|status| match &mut status.state {
                SessionState::SignedIn { profile: p, .. }
                | SessionState::Offline { profile: p, .. } => *p = profile,
                _ => {}
            });
        }
    }

    // ---- tokens ----

    /// A valid access token, refreshed ahead of expiry. Concurrent callers share one refresh.
    pub async fn access_token(&self) -> Result<AccessToken, SessionError> {
        let generation = {
            let tokens = self.tokens.lock().await;
            if let Some(token) = self.fresh(&tokens) {
                return Ok(token);
            }
            if tokens.refresh_token.is_none() {
                return Err(SessionError::NotSignedIn);
            }
            tokens.refresh_generation
        };
        let _refreshing = self.refresh_lock.lock().await;
        {
            // Someone else may have refreshed (or failed to) while this caller waited.
            let tokens = self.tokens.lock().await;
            if let Some(token) = self.fresh(&tokens) {
                return Ok(token);
            }
            if tokens.refresh_generation != generation {
                // A refresh finished while this caller waited: share its outcome.
                match &tokens.last_refresh {
                    Some(Err(error)) => return Err(error.clone()),
                    Some(Ok(())) => {
                        if let Some(token) = unexpired(&tokens) {
                            return Ok(token);
                        }
                    }
                    None => {}
                }
            }
        }
        let outcome = self.refresh().await;
        let mut tokens = self.tokens.lock().await;
        tokens.refresh_generation += 1;
        tokens.last_refresh = Some(outcome.clone());
        match outcome {
            // A sign-in that completed meanwhile has its own token.
            Ok(()) | Err(SessionError::Superseded) => {
                unexpired(&tokens).ok_or(SessionError::NotSignedIn)
            }
            Err(error) => Err(error),
        }
    }

    /// Forgets an access token the API refused (`invalid_token`), so the next
    /// [`Session::access_token`] refreshes. A token already replaced is left alone.
    pub async fn discard_access_token(&self, refused: &AccessToken) {
        let mut tokens = self.tokens.lock().await;
        if tokens
            .access_token
            .as_ref()
            .is_some_and(|(token, _)| token.matches(refused.expose()))
        {
            tokens.access_token = None;
        }
    }

    /// The access token if it stays valid beyond the refresh-ahead margin.
    fn fresh(&self, tokens: &Tokens) -> Option<AccessToken> {
        let (token, expires_at) = tokens.access_token.as_ref()?;
        (SystemTime::now() + self.refresh_ahead < *expires_at).then(|| token.clone())
    }

    /// One refresh (the caller holds the refresh lock).
    async fn refresh(&self) -> Result<(), SessionError> {
        let generation = *self.generation.lock().await;
        let (refresh_token, profile, nonce, in_doubt_since) = {
            let tokens = self.tokens.lock().await;
            match (&tokens.refresh_token, &tokens.profile) {
                (Some(rt), Some(profile)) => (
                    rt.clone(),
                    profile.clone(),
                    tokens.nonce.clone(),
                    tokens.in_doubt_since,
                ),
                _ => return Err(SessionError::NotSignedIn),
            }
        };
        if let Some(since) = in_doubt_since {
            // Presenting a spent token would look like theft to Okta: ask first, once the lost
            // request can no longer be on its way (the provider might still act on it).
            if !quiet_period_over(since, self.sign_in.http().request_timeout()) {
                let host = self.sign_in.settings().issuer.host().to_string();
                return self
                    .failed(generation, profile, SignInError::Interrupted { host })
                    .await;
            }
            match self.sign_in.refresh_token_is_active(&refresh_token).await {
                Ok(true) => self.tokens.lock().await.in_doubt_since = None,
                Ok(false) => return self.end(generation, &profile, None).await,
                Err(error) if error.is_transient() => {
                    return self.failed(generation, profile, error).await
                }
                Err(error) => {
                    // The provider will not say: the token cannot be used safely again.
                    tracing::warn!(code = error.code(), "introspection refused");
                    return self.end(generation, &profile, Some(refresh_token)).await;
                }
            }
        }
        // Discovery first: not reaching it spends nothing, so it leaves no doubt.
        if let Err(error) = self.sign_in.provider().await {
            return self.failed(generation, profile, error).await;
        }
        // The keychain says "in doubt" while the request is out, so that a crash before the
        // answer is stored makes the next launch ask before presenting this token. Without
        // that mark the request does not go out.
        let sent_at = SystemTime::now();
        self.store(generation, &profile, &refresh_token, &nonce, Some(sent_at))
            .await?;
        let tokens = match self.sign_in.redeem_refresh_token(&refresh_token).await {
            Ok(tokens) => tokens,
            Err(TokenFailure {
                error,
                rotated: Some(rotated),
            }) => {
                // An unusable answer that still rotated the token: keep the new one.
                self.keep_refresh_token(generation, &profile, &rotated, &nonce)
                    .await?;
                return self.failed(generation, profile, error).await;
            }
            Err(TokenFailure {
                error: SignInError::CodeRejected,
                ..
            }) => {
                // invalid_grant: the provider ended this session. Only now is the token deleted.
                return self.end(generation, &profile, None).await;
            }
            Err(TokenFailure { error, .. }) => {
                if error.is_transient() && !error.never_reached_provider() {
                    // Sent, but no readable answer: the provider may have rotated. The
                    // keychain already says so.
                    let current = self.generation.lock().await;
                    if *current == generation {
                        self.tokens.lock().await.in_doubt_since = Some(sent_at);
                    }
                } else {
                    // Never sent, or a readable refusal: the token was not spent.
                    self.store(generation, &profile, &refresh_token, &nonce, None)
                        .await?;
                }
                return self.failed(generation, profile, error).await;
            }
        };
        // Rotation first: the new refresh token is stored before the ID token is checked.
        let kept = tokens.refresh_token.as_ref().unwrap_or(&refresh_token);
        self.keep_refresh_token(generation, &profile, kept, &nonce)
            .await?;
        let identity = match self
            .sign_in
            .verify_refreshed(&tokens, &profile.subject, nonce.as_ref())
            .await
        {
            Ok(identity) => identity,
            Err(SignInError::IdToken(point_auth::IdTokenError::WrongSubject)) => {
                // Someone else's tokens: this session cannot go on, and they are revoked.
                return self.end(generation, &profile, Some(kept.clone())).await;
            }
            Err(error) => return self.failed(generation, profile, error).await,
        };
        let mut profile = profile;
        if let Some(identity) = &identity {
            update_profile(&mut profile, identity);
        }
        let current = self.generation.lock().await;
        if *current != generation {
            return Err(SessionError::Superseded);
        }
        if identity.is_some() {
            let _ = self.profiles.save(&profile);
        }
        let access_expires_at = tokens.expires_at;
        {
            let mut state = self.tokens.lock().await;
            if let Some(id_token) = tokens.id_token {
                state.id_token = Some(id_token);
            }
            state.access_token = Some((tokens.access_token, tokens.expires_at));
            state.profile = Some(profile.clone());
        }
        self.set_state(SessionState::SignedIn {
            profile,
            access_expires_at,
        });
        Ok(())
    }

    /// Makes `refresh_token` the session's, in memory and in the keychain (not in doubt), unless
    /// the session's generation moved on: then the token is revoked and nothing is kept. A
    /// failed keychain write is reported; the session goes on in memory, and the keychain's
    /// entry still says "in doubt", so a later launch asks before using it.
    async fn keep_refresh_token(
        &self,
        generation: u64,
        profile: &Profile,
        refresh_token: &RefreshToken,
        nonce: &Option<Nonce>,
    ) -> Result<(), SessionError> {
        let current = self.generation.lock().await;
        if *current != generation {
            drop(current);
            self.revoke_in_background(refresh_token.clone());
            return Err(SessionError::Superseded);
        }
        {
            let mut state = self.tokens.lock().await;
            state.refresh_token = Some(refresh_token.clone());
            state.in_doubt_since = None;
        }
        let _ = self
            .save_session(profile, refresh_token, nonce.as_ref(), None)
            .await;
        Ok(())
    }

    /// Writes the keychain entry with its doubt mark, unless the generation moved on; a failed
    /// write is an error.
    async fn store(
        &self,
        generation: u64,
        profile: &Profile,
        refresh_token: &RefreshToken,
        nonce: &Option<Nonce>,
        in_doubt_since: Option<SystemTime>,
    ) -> Result<(), SessionError> {
        let current = self.generation.lock().await;
        if *current != generation {
            return Err(SessionError::Superseded);
        }
        self.save_session(profile, refresh_token, nonce.as_ref(), in_doubt_since)
            .await?;
        Ok(())
    }

    /// A refresh that failed without ending the session: offline when it may pass later.
    async fn failed(
        &self,
        generation: u64,
        profile: Profile,
        error: SignInError,
    ) -> Result<(), SessionError> {
        let current = self.generation.lock().await;
        if *current != generation {
            return Err(SessionError::Superseded);
        }
        if error.is_transient() {
            self.set_state(SessionState::Offline {
                profile,
                reason: error.to_string(),
            });
        } else {
            tracing::warn!(code = error.code(), "refresh failed");
        }
        Err(error.into())
    }

    /// The provider ended the session: the keychain entry and profile cache go, the state is
    /// `Ended`. `revoke` is a token the provider issued that must not outlive the session.
    async fn end(
        &self,
        generation: u64,
        profile: &Profile,
        revoke: Option<RefreshToken>,
    ) -> Result<(), SessionError> {
        let mut current = self.generation.lock().await;
        if *current != generation {
            return Err(SessionError::Superseded);
        }
        *current += 1;
        self.delete_session(profile).await;
        *self.tokens.lock().await = Tokens::default();
        self.set_state(SessionState::Ended);
        drop(current);
        if let Some(token) = revoke {
            self.revoke_in_background(token);
        }
        Err(SessionError::SessionEnded)
    }

    fn revoke_in_background(&self, refresh_token: RefreshToken) {
        let sign_in = self.sign_in.clone();
        tokio::spawn(async move {
            if let Err(error) = sign_in.revoke(&refresh_token).await {
                tracing::info!(code = error.code(), "revoking a superseded refresh token");
            }
        });
    }

    // ---- sign-out ----

    /// Signs out: locally at once (memory, keychain entry, profile cache), then revokes the
    /// refresh token (or owes the revocation until the provider is reachable), and returns the
    /// end-session URL to open in the system browser, when there is one.
    pub async fn sign_out(&self) -> Result<Option<Url>, SessionError> {
        self.sign_in.cancel();
        // A new generation: a refresh in flight now writes nothing and changes no state.
        let mut generation = self.generation.lock().await;
        *generation += 1;
        let tokens = std::mem::take(&mut *self.tokens.lock().await);
        if let Some(profile) = &tokens.profile {
            self.delete_session(profile).await;
        }
        self.set_state(SessionState::SignedOut);
        drop(generation);

        if let Some(refresh_token) = &tokens.refresh_token {
            let revoked =
                tokio::time::timeout(REVOCATION_WAIT, self.sign_in.revoke(refresh_token)).await;
            match revoked {
                Ok(Ok(())) => {}
                Ok(Err(error)) if !error.is_transient() => {
                    tracing::warn!(code = error.code(), "revocation refused");
                }
                _ => self.owe_revocation(refresh_token).await,
            }
        }
        let Some(id_token) = tokens.id_token else {
            return Ok(None);
        };
        let state = State::new(point_auth::random_token(32));
        let url = match self.sign_in.end_session_url(&id_token, &state).await {
            Ok(url) => url,
            Err(error) => {
                tracing::info!(code = error.code(), "no end-session URL");
                None
            }
        };
        if url.is_some() {
            *self.sign_out_lock() = Some(state);
        }
        Ok(url)
    }

    /// Completes a sign-out from the `/logout` callback. Returns whether it matched the sign-out
    /// in progress; a callback with another state is ignored.
    pub fn complete_sign_out(&self, callback: &str) -> bool {
        let Ok(parsed) = parse_sign_out_callback(callback) else {
            return false;
        };
        let mut expected = self.sign_out_lock();
        let matches = match (&parsed.state, expected.as_ref()) {
            (Some(got), Some(want)) => got.matches(want.expose()),
            _ => false,
        };
        if matches {
            *expected = None;
        }
        matches
    }

    async fn owe_revocation(&self, refresh_token: &RefreshToken) {
        let settings = self.sign_in.settings();
        let owed = OwedRevocation {
            issuer: settings.issuer.as_str().to_string(),
            client_id: settings.client_id.as_str().to_string(),
            refresh_token: refresh_token.expose().to_string(),
        };
        let secret = serde_json::to_string(&owed).unwrap_or_default();
        let account = self.owed_revocation_account();
        if let Err(problem) = self.keychain(move |s| s.write(&account, &secret)).await {
            self.keychain_failed(problem);
        }
    }

    /// Sends a revocation owed from an offline sign-out, if any. Keeps it owed while the
    /// provider stays unreachable.
    pub async fn settle_owed_revocation(&self) {
        let account = self.owed_revocation_account();
        let read_account = account.clone();
        let Ok(Some(secret)) = self.keychain(move |s| s.read(&read_account)).await else {
            return;
        };
        let settings = self.sign_in.settings();
        let Ok(owed) = serde_json::from_str::<OwedRevocation>(&secret) else {
            let _ = self.keychain(move |s| s.delete(&account)).await;
            return;
        };
        if owed.issuer != settings.issuer.as_str() || owed.client_id != settings.client_id.as_str()
        {
            return;
        }
        match self
            .sign_in
            .revoke(&RefreshToken::new(owed.refresh_token))
            .await
        {
            Err(error) if error.is_transient() => {}
            _ => {
                let _ = self.keychain(move |s| s.delete(&account)).await;
            }
        }
    }

    fn sign_out_lock(&self) -> std::sync::MutexGuard<'_, Option<State>> {
        self.sign_out_state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The largest stored time believed (year 9999): later ones are clamped.
const MAX_STORED_SECONDS: u64 = 253_402_300_799;

fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// Whether a request sent at `since` can no longer be on its way: the client gave up after
/// `timeout`, and as long again has passed. A clock that went back counts as over.
fn quiet_period_over(since: SystemTime, timeout: Duration) -> bool {
    SystemTime::now()
        .duration_since(since)
        .map_or(true, |elapsed| elapsed >= timeout.saturating_mul(2))
}

/// The access token if it has not expired (a just-refreshed token with a lifetime shorter than
/// the refresh-ahead margin is still handed out).
fn unexpired(tokens: &Tokens) -> Option<AccessToken> {
    let (token, expires_at) = tokens.access_token.as_ref()?;
    (SystemTime::now() < *expires_at).then(|| token.clone())
}

fn update_profile(profile: &mut Profile, identity: &Identity) {
    if identity.name.is_some() {
        profile.name = identity.name.clone();
    }
    if identity.email.is_some() {
        profile.email = identity.email.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_keychain_entry_is_read_without_panic(
            secret in prop_oneof![
                ".*",
                (any::<i64>(), ".{0,20}", any::<u64>()).prop_map(|(v, token, since)| {
                    format!(r#"{{"v":{v},"refresh_token":{token:?},"nonce":null,"in_doubt_since":{since}}}"#)
                }),
            ],
        ) {
            let _ = StoredSession::read(&secret);
        }

        #[test]
        fn what_is_written_reads_back(token in "[!-~]{1,200}", nonce in proptest::option::of("[A-Za-z0-9_-]{1,60}"), in_doubt_since in proptest::option::of(any::<u64>())) {
            let written = serde_json::to_string(&StoredSession { v: 1, refresh_token: token.clone(), nonce: nonce.clone(), in_doubt_since }).unwrap();
            let read = StoredSession::read(&written).unwrap();
            prop_assert_eq!(read.refresh_token, token);
            prop_assert_eq!(read.nonce, nonce);
            prop_assert_eq!(read.in_doubt_since, in_doubt_since);
        }

        #[test]
        fn any_profile_cache_file_is_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let dir = std::env::temp_dir().join(format!("point-profile-prop-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let cache = ProfileCache::in_dir(&dir);
            std::fs::write(dir.join(PROFILE_FILE), &bytes).unwrap();
            let _ = cache.load();
        }
    }

    #[test]
    fn an_entry_from_before_the_doubt_flag_is_not_in_doubt() {
        let stored = StoredSession::read(r#"{"v":1,"refresh_token":"rt","nonce":null}"#).unwrap();
        assert!(stored.in_doubt_since.is_none());
        assert!(StoredSession::read(r#"{"v":1,"refresh_token":"","nonce":null}"#).is_none());
    }
}
