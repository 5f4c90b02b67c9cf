//! Launch: the session restored without a browser (a pending sign-in from before a restart, or
//! the signed-in user from the keychain), and retries in the background while offline.

use super::*;
use crate::pending::PendingSignIns;

impl Session {
    /// Restores the session at launch, without a browser: a pending sign-in from before a
    /// restart, or the signed-in user from the keychain (refreshing once). Offline, the cached
    /// identity is kept and a retry with backoff starts.
    pub async fn restore(self: &Arc<Self>) -> Status {
        self.begin_restoring();
        let status = self.restore_from_keychain().await;
        if matches!(status.state, SessionState::Restoring { .. }) {
            // Nothing to restore after all (no entry, a locked keychain, a refusal).
            self.status.send_if_modified(|status| {
                let restoring = matches!(status.state, SessionState::Restoring { .. });
                if restoring {
                    status.state = SessionState::SignedOut;
                }
                restoring
            });
        }
        self.status()
    }

    /// Shows the cached identity as "restoring" at once, when there is one for these settings and
    /// nothing else is going on. Quick (a small file): call it before the window first asks.
    pub fn begin_restoring(&self) {
        let settings = self.sign_in.settings();
        let Some(profile) = self.profiles.load().filter(|p| {
            p.issuer == settings.issuer.as_str() && p.client_id == settings.client_id.as_str()
        }) else {
            return;
        };
        self.status.send_if_modified(|status| {
            let quiet = status.state == SessionState::SignedOut;
            if quiet {
                status.state = SessionState::Restoring { profile };
            }
            quiet
        });
    }

    async fn restore_from_keychain(self: &Arc<Self>) -> Status {
        // From the start: a sign-out or sign-in at any point of the restore decides.
        let generation = *self.generation.lock().await;
        self.settle_owed_revocation().await;
        self.restore_pending_sign_in().await;

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
            tokens.refresh_token = Some(RefreshToken::new(stored.token()));
            tokens.binding = Binding {
                nonce: stored.nonce.map(Nonce::new),
                // An unreadable key leaves the session without one: the provider then refuses
                // the refresh, and the person signs in again.
                dpop: stored
                    .dpop_key
                    .as_deref()
                    .and_then(DpopKey::from_stored)
                    .map(|key| Arc::new(Dpop::with_nonces(key, &stored.dpop_nonces))),
            };
            tokens.in_doubt_since = stored
                .in_doubt_since
                .map(|secs| UNIX_EPOCH + Duration::from_secs(secs.min(MAX_STORED_SECONDS)));
        }
        if let Err(error) = self.access_token().await {
            tracing::info!(code = error.code(), "silent restore did not sign in");
            // The session is still there (a failure that did not end it, e.g. a keychain write):
            // offline with the reason, retrying, rather than the sign-in screen.
            let still_here = self.tokens.lock().await.refresh_token.is_some();
            if still_here && matches!(self.status().state, SessionState::Restoring { .. }) {
                self.set_state(SessionState::Offline {
                    profile,
                    reason: error.to_string(),
                });
                self.keep_trying();
            }
        }
        self.status()
    }

    /// Makes a sign-in stored before a restart pending again, or forgets a stale one.
    async fn restore_pending_sign_in(&self) {
        let settings = self.sign_in.settings().clone();
        let ttl = self.sign_in.sign_in_ttl();
        let loaded = self
            .keychain(move |store| PendingSignIns::of(store, &settings).load(&settings, ttl))
            .await;
        match loaded {
            Ok(Some(pending)) => {
                self.set_state(SessionState::SigningIn {
                    expires_at: pending.expires_at(),
                });
                *self.pending.lock().await = Some(Arc::new(pending));
            }
            Ok(None) => self.forget_pending_sign_in().await,
            Err(_) => {}
        }
    }

    /// Keeps trying in the background while the session is offline, with backoff and jitter;
    /// stops when it is back, ended, or signed out. One loop at a time.
    pub(super) fn keep_trying(&self) {
        if !self.background_retries.load(Ordering::Acquire)
            || self.retrying.swap(true, Ordering::AcqRel)
        {
            return;
        }
        let session = self.myself.clone();
        tokio::spawn(async move {
            let mut wait = RETRY_FIRST;
            loop {
                tokio::time::sleep(with_jitter(wait)).await;
                let Some(session) = session.upgrade() else {
                    return;
                };
                if !matches!(session.status().state, SessionState::Offline { .. }) {
                    session.retrying.store(false, Ordering::Release);
                    return;
                }
                // Any failure that leaves the session offline is tried again (a captive portal's
                // TLS error as much as a timeout); the loop ends when the state moves on.
                if session.access_token().await.is_err() {
                    wait = (wait * 2).min(RETRY_MAX);
                }
            }
        });
    }
}

/// `wait` plus up to half as much again, drawn from the clock's nanoseconds (no need for a
/// cryptographic source: it only spreads retries out).
fn with_jitter(wait: Duration) -> Duration {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    wait + wait.mul_f64(f64::from(nanos % 1000) / 2000.0)
}
