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
//! - The session owns the pending sign-in (in memory, and in the keychain through
//!   [`crate::pending`] so a callback that cold-starts POINT completes): a callback that does not
//!   match it leaves it pending.
//! - An email rule (IT's allowed email domains) is checked against the verified ID token at
//!   sign-in and at each refresh: outside it, nothing is kept and the refresh token is revoked.
//! - One sign-in at a time, and a cancelled one never becomes a session: beginning or cancelling
//!   a sign-in advances the sign-in attempt, and a completion (code exchange, device poll) that
//!   finishes in an older attempt keeps nothing and revokes what it got.
//! - A sign-in replaces the session it finds (another person, or the same one again): the
//!   previous refresh token is revoked and its keychain entry deleted once the new one is kept.
//!   A sign-in that is cancelled or fails leaves the session it found as it was.
//! - Revocations that cannot be sent now (offline, the provider failing) are owed: a small list
//!   in the keychain, settled after any successful call to the provider and at launch.
//!
//! The parts: `restore.rs` (launch), `sign_in.rs` (begin, complete, cancel), `refresh.rs`
//! (single-flight refresh, rotation, in-doubt tokens, ending), `sign_out.rs` (sign-out),
//! `owed.rs` (revocations owed to the provider); `stored.rs` holds what the keychain entries
//! look like.

mod owed;
mod refresh;
mod restore;
mod sign_in;
mod sign_out;
mod stored;
#[cfg(test)]
mod tests;
pub use sign_in::LoopbackSignIn;
pub use stored::stored_key_protection;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex as SyncMutex, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use point_auth::{
    AccessToken, Dpop, DpopKey, IdToken, Identity, Nonce, OktaSignIn, PendingSignIn, RefreshToken,
    SignInError, State,
};
use tokio::sync::{watch, Mutex};

use crate::keychain::{KeychainError, SecretStore};
use crate::profile::{Profile, ProfileCache};
use stored::StoredSession;

/// Refresh this long before the access token expires.
pub const DEFAULT_REFRESH_AHEAD: Duration = Duration::from_secs(60);
/// How long sign-out waits for the revocation before queueing it for later.
const REVOCATION_WAIT: Duration = Duration::from_secs(5);
/// A keychain call that takes longer is treated as a locked keychain (an unlock prompt nobody
/// answers); the keychain is then left alone for the rest of the run.
const KEYCHAIN_TIMEOUT: Duration = Duration::from_secs(30);
/// Background retries while offline (POINT's one retry policy): first after this, doubling up to
/// the maximum, each with up to half as much again of jitter (so that many apps do not come back
/// at the same instant); no limit on attempts, and a server's "not before" never undercut.
const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(300);
const RETRY_POLICY: point_auth::RetryPolicy =
    point_auth::RetryPolicy::new(RETRY_FIRST, RETRY_MAX).with_jitter(0.5);

/// Where the session stands. Carries nothing secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    SignedOut,
    /// At launch, a session is being restored for the person whose identity is cached: the
    /// window shows their name and "signing you in", never the sign-in screen.
    Restoring {
        profile: Profile,
    },
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    NotSignedIn,
    SessionEnded,
    SignIn(SignInError),
    Keychain(KeychainError),
    /// A sign-in or sign-out happened while this operation ran; its result was discarded.
    Superseded,
    /// The verified ID token's email is outside the domains IT allows: nothing was kept, and
    /// the refresh token was revoked.
    EmailNotAllowed,
    /// The sign-in was cancelled (or another began) before it completed: nothing was kept, and
    /// any token it got was revoked.
    SignInCancelled,
}

impl SessionError {
    /// What went wrong, in the person's language (and in English for logs).
    pub fn message(&self) -> point_i18n::Message {
        use point_i18n::Message as M;
        match self {
            Self::NotSignedIn => M::new("error-not-signed-in"),
            Self::SessionEnded => M::new("error-session-ended"),
            Self::SignIn(error) => error.message(),
            Self::Keychain(error) => error.message(),
            Self::Superseded => M::new("error-superseded"),
            Self::EmailNotAllowed => M::new("error-email-not-allowed"),
            Self::SignInCancelled => M::new("error-sign-in-cancelled"),
        }
    }
}

point_i18n::english_display!(SessionError);

impl From<SignInError> for SessionError {
    fn from(error: SignInError) -> Self {
        Self::SignIn(error)
    }
}

impl From<KeychainError> for SessionError {
    fn from(error: KeychainError) -> Self {
        Self::Keychain(error)
    }
}

impl SessionError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotSignedIn => "not_signed_in",
            Self::SessionEnded => "session_ended",
            Self::SignIn(error) => error.code(),
            Self::Keychain(_) => "keychain",
            Self::Superseded => "superseded",
            Self::EmailNotAllowed => "email_not_allowed",
            Self::SignInCancelled => "sign_in_cancelled",
        }
    }

    pub fn is_transient(&self) -> bool {
        matches!(self, Self::SignIn(error) if error.is_transient())
    }
}

#[derive(Default)]
struct Tokens {
    profile: Option<Profile>,
    refresh_token: Option<RefreshToken>,
    access_token: Option<(AccessToken, SystemTime)>,
    /// The key the access token is bound to (DPoP), set with it.
    access_dpop: Option<Arc<Dpop>>,
    id_token: Option<IdToken>,
    binding: Binding,
    /// A request that may have spent the refresh token, without a usable answer.
    in_doubt: Option<InDoubt>,
    /// Counts finished refresh attempts; with the outcome of the last one.
    refresh_generation: u64,
    last_refresh: Option<Result<(), SessionError>>,
}

/// A refresh request that may have spent the token: when it went out, and whether an answer came
/// back (an error page: the request is over) or not (the provider may still be acting on it, so
/// it is not asked about before the quiet period).
#[derive(Debug, Clone, Copy)]
struct InDoubt {
    since: SystemTime,
    answer_came_back: bool,
}

impl InDoubt {
    /// Whether the provider may be asked about the token now.
    fn may_ask(&self, request_timeout: Duration) -> bool {
        self.answer_came_back || quiet_period_over(self.since, request_timeout)
    }

    /// How much of the quiet period is left, if any.
    fn quiet_left(&self, request_timeout: Duration) -> Option<Duration> {
        if self.answer_came_back {
            return None;
        }
        let elapsed = SystemTime::now().duration_since(self.since).ok()?;
        let left = request_timeout.saturating_mul(2).saturating_sub(elapsed);
        (!left.is_zero()).then_some(left)
    }
}

/// What the keychain keeps beside the refresh token: the sign-in's nonce (a refreshed ID token
/// may repeat it) and the DPoP key the tokens are bound to, if they are.
#[derive(Clone, Default)]
struct Binding {
    nonce: Option<Nonce>,
    dpop: Option<Arc<Dpop>>,
}

/// An access token with the DPoP key it is bound to, if it is: what an API request needs.
#[derive(Debug, Clone)]
pub struct Credential {
    pub access_token: AccessToken,
    pub dpop: Option<Arc<Dpop>>,
}

/// One sign-in attempt (see `sign_in.rs`): what a sign-in on another device carries from its
/// beginning to its keeping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInAttempt(u64);

/// Whether a verified email may use POINT here (IT's allowed email domains). `None`: the ID
/// token carried no email.
pub type EmailRule = Arc<dyn Fn(Option<&str>) -> bool + Send + Sync>;

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
    /// The sign-in waiting for its callback: owned here, mirrored in the keychain.
    pending: Mutex<Option<Arc<PendingSignIn>>>,
    email_rule: SyncMutex<Option<EmailRule>>,
    /// The sign-in attempt: beginning or cancelling a sign-in advances it (under the
    /// generation lock); a completion keeps its session only in the attempt it began in.
    attempt: AtomicU64,
    /// The state a sign-in found (signed in, offline, restoring), to go back to when it is
    /// cancelled or fails.
    before_sign_in: SyncMutex<Option<SessionState>>,
    /// Held while the owed revocations are read and written back (`owed.rs`).
    owed: Mutex<()>,
    /// Until when Okta asked POINT not to ask again (its rate limit's reset).
    provider_wait_until: SyncMutex<Option<tokio::time::Instant>>,
    /// Whether revocations may be owed (set when one is owed or found): after a successful
    /// call to the provider, they are settled.
    owes: AtomicBool,
    status: watch::Sender<Status>,
    keychain_gave_up: AtomicBool,
    /// Whether a background retry is running (one at a time), and whether they are on.
    retrying: AtomicBool,
    background_retries: AtomicBool,
    myself: Weak<Session>,
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
        Arc::new_cyclic(|myself| Self {
            sign_in,
            store,
            profiles,
            tokens: Mutex::new(Tokens::default()),
            refresh_lock: Mutex::new(()),
            generation: Mutex::new(0),
            refresh_ahead: DEFAULT_REFRESH_AHEAD,
            sign_out_state: SyncMutex::new(None),
            pending: Mutex::new(None),
            email_rule: SyncMutex::new(None),
            attempt: AtomicU64::new(0),
            before_sign_in: SyncMutex::new(None),
            owed: Mutex::new(()),
            provider_wait_until: SyncMutex::new(None),
            // Unknown until the keychain is read: the first success looks.
            owes: AtomicBool::new(true),
            status,
            keychain_gave_up: AtomicBool::new(false),
            retrying: AtomicBool::new(false),
            background_retries: AtomicBool::new(true),
            myself: myself.clone(),
        })
    }

    pub fn sign_in(&self) -> &Arc<OktaSignIn> {
        &self.sign_in
    }

    /// Admits only sessions whose verified email passes `rule` (checked at sign-in and at each
    /// refresh).
    pub fn admit_only(&self, rule: EmailRule) {
        *self
            .email_rule
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(rule);
    }

    /// Turns the background retries off: for tests that make every call themselves and check
    /// what each one does (the app always has them).
    pub fn without_background_retries(&self) {
        self.background_retries.store(false, Ordering::Release);
    }

    fn admits(&self, email: Option<&str>) -> bool {
        let rule = self
            .email_rule
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        rule.is_none_or(|rule| rule(email))
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
        binding: &Binding,
        in_doubt_since: Option<SystemTime>,
    ) -> Result<(), KeychainError> {
        if self.store.is_none() {
            return Ok(());
        }
        let secret = StoredSession::write(
            refresh_token,
            binding.nonce.as_ref(),
            binding.dpop.as_deref(),
            in_doubt_since.map(unix_seconds),
        );
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
}

/// The largest stored time believed (year 9999): later ones are clamped.
const MAX_STORED_SECONDS: u64 = 253_402_300_799;

pub(crate) fn unix_seconds(time: SystemTime) -> u64 {
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

/// The access token, with the key it is bound to, if it has not expired (a just-refreshed token
/// with a lifetime shorter than the refresh-ahead margin is still handed out).
fn unexpired(tokens: &Tokens) -> Option<Credential> {
    let (token, expires_at) = tokens.access_token.as_ref()?;
    (SystemTime::now() < *expires_at).then(|| Credential {
        access_token: token.clone(),
        dpop: tokens.access_dpop.clone(),
    })
}

fn update_profile(profile: &mut Profile, identity: &Identity) {
    if identity.name.is_some() {
        profile.name = identity.name.clone();
    }
    if identity.email.is_some() {
        profile.email = identity.email.clone();
    }
}
