//! Launch: the session restored without a browser (a pending sign-in from before a restart, or
//! the signed-in user from the keychain), and retries in the background while offline.

use point_auth::Backoff;

use super::*;
use crate::pending::PendingSignIns;

/// Past the end of a quiet period before asking: the clocks of the check and the wait differ.
const QUIET_MARGIN: Duration = Duration::from_millis(100);

impl Session {
    /// Restores the session at launch, without a browser: a pending sign-in from before a
    /// restart, or the signed-in user from the keychain (refreshing once). Offline, the cached
    /// identity is kept and a retry with backoff starts.
    pub async fn restore(self: &Arc<Self>) -> Status {
        self.begin_restoring();
        let status = self.restore_from_keychain().await;
        // The revocations owed by earlier runs, once the restore is done (it needs only the
        // session's own entry): after a refresh that reached the provider, or at once.
        self.settle_owed_revocations_soon();
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
        self.restore_pending_sign_in().await;

        let settings = self.sign_in.settings();
        let Some(profile) = self.profiles.load().filter(|p| {
            p.issuer == settings.issuer.as_str() && p.client_id == settings.client_id.as_str()
        }) else {
            return self.status();
        };
        let account = profile.keychain_account();
        tracing::debug!(target: "launch", "reading the session from the keychain");
        let read = self.keychain(move |store| store.read(&account)).await;
        tracing::debug!(target: "launch", "the keychain answered");
        let stored = match read {
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
                    .and_then(|key| DpopKey::from_stored(key, self.sign_in.key_hardware()).ok())
                    .map(|key| Arc::new(Dpop::with_nonces(key, &stored.dpop_nonces))),
            };
            // After a restart, whether an answer came back is not known: the quiet period holds.
            tokens.in_doubt = stored.in_doubt_since.map(|secs| InDoubt {
                since: UNIX_EPOCH + Duration::from_secs(secs.min(MAX_STORED_SECONDS)),
                answer_came_back: false,
            });
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
        if !self.profiles.pending_sign_in_marked() {
            // None was kept (the mark is written with it): no need to ask the keychain.
            return;
        }
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

    /// Keeps trying in the background while the session is offline, under [`RETRY_POLICY`]
    /// (backoff and jitter); stops when it is back, ended, or signed out. One loop at a time.
    pub(super) fn keep_trying(&self) {
        if self.background_retries.load(Ordering::Acquire) {
            self.keep_trying_with(RETRY_POLICY.start());
        }
    }

    /// What is left of the quiet period of a token in doubt, if any.
    async fn quiet_left(&self) -> Option<Duration> {
        let timeout = self.sign_in.http().request_timeout();
        self.tokens.lock().await.in_doubt?.quiet_left(timeout)
    }

    /// [`Session::keep_trying`], waiting as `backoff` says (tests: with a fixed jitter).
    fn keep_trying_with(&self, mut backoff: Backoff) {
        if self.retrying.swap(true, Ordering::AcqRel) {
            return;
        }
        if let Some(wait) = self.provider_wait() {
            backoff.not_before(wait);
        }
        let session = self.myself.clone();
        tokio::spawn(async move {
            loop {
                // The policy sets no attempts and believes any server wait: always a delay. A
                // token in doubt can be asked about once its quiet period is over: then, not at
                // the policy's next step (up to twice as late).
                let quiet_left = match session.upgrade() {
                    Some(session) => session.quiet_left().await,
                    None => return,
                };
                let delay = match quiet_left {
                    Some(left) => left + QUIET_MARGIN,
                    None => backoff.next_delay().unwrap_or(RETRY_MAX),
                };
                tokio::time::sleep(delay).await;
                let Some(session) = session.upgrade() else {
                    return;
                };
                if !matches!(session.status().state, SessionState::Offline { .. }) {
                    session.retrying.store(false, Ordering::Release);
                    return;
                }
                // Any failure that leaves the session offline is tried again (a captive portal's
                // TLS error as much as a timeout); the loop ends when the state moves on.
                if session.access_token().await.is_ok() {
                    backoff.reset();
                } else if let Some(wait) = session.provider_wait() {
                    backoff.not_before(wait);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    //! The background retries' schedule, on tokio's paused clock against the in-process Okta.

    use point_auth::parse_sign_in_callback;
    use point_fake_okta::{Endpoint, FakeOkta, Fault};
    use tokio::time::Instant;

    use super::*;
    use crate::keychain::MemoryKeychain;

    /// Alice signed in on `okta`, her access tokens living under the refresh margin (every
    /// `access_token()` refreshes), background retries left to the test.
    async fn alice_on(okta: &Arc<FakeOkta>) -> Arc<Session> {
        okta.set_access_token_ttl(Duration::from_secs(30));
        let dir = std::env::temp_dir().join(format!("point-retries-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let session = Session::new(
            Arc::new(OktaSignIn::new(
                okta.example().okta_settings(),
                okta.http_client(Duration::from_secs(1)),
            )),
            Ok(Arc::new(MemoryKeychain::default()) as Arc<dyn SecretStore>),
            ProfileCache::in_dir(&dir),
        );
        session.without_background_retries();
        let url = session
            .begin_sign_in(Some("alice@example.com"))
            .await
            .unwrap();
        let callback = okta.approve(&url, "alice@example.com");
        let callback = parse_sign_in_callback(callback.as_str()).unwrap();
        session.complete_sign_in(callback).await.unwrap();
        session
    }

    fn most(bound: u64) -> u64 {
        bound
    }

    #[test]
    fn offline_retries_wait_2_s_doubling_to_5_minutes_plus_up_to_half() {
        let mut backoff = RETRY_POLICY.start_with(most);
        let waits: Vec<u64> = (0..10)
            .map(|_| backoff.next_delay().unwrap().as_secs())
            .collect();
        assert_eq!(waits, [3, 6, 12, 24, 48, 96, 192, 384, 450, 450]);
        let mut backoff = RETRY_POLICY.start_with(|_| 0);
        assert_eq!(backoff.next_delay(), Some(RETRY_FIRST));
    }

    #[tokio::test(start_paused = true)]
    async fn offline_the_session_comes_back_on_the_policy_s_schedule() {
        let okta = FakeOkta::new();
        let session = alice_on(&okta).await;
        // The provider cannot be reached for the next five token requests.
        for _ in 0..5 {
            okta.fail_next(Endpoint::Token, Fault::Unreachable);
        }
        assert!(session.access_token().await.is_err());
        assert!(matches!(
            session.status().state,
            SessionState::Offline { .. }
        ));
        let tried = okta.count(Endpoint::Token);

        let start = Instant::now();
        session.keep_trying_with(RETRY_POLICY.start_with(most));
        // One loop at a time.
        session.keep_trying_with(RETRY_POLICY.start_with(most));
        let mut status = session.subscribe();
        // Four more failures, then the fifth retry gets through: 3 + 6 + 12 + 24 + 48 s.
        let back = Duration::from_secs(3 + 6 + 12 + 24 + 48);
        let signed_in = status.wait_for(|s| matches!(s.state, SessionState::SignedIn { .. }));
        assert!(
            tokio::time::timeout(back - Duration::from_millis(1), signed_in)
                .await
                .is_err(),
            "not a moment sooner"
        );
        status
            .wait_for(|s| matches!(s.state, SessionState::SignedIn { .. }))
            .await
            .unwrap();
        assert_eq!(start.elapsed(), back);
        assert_eq!(okta.count(Endpoint::Token) - tried, 5);
        // Back: the loop stops at its next turn, and asks nothing more.
        tokio::time::sleep(Duration::from_secs(3600)).await;
        assert!(!session.retrying.load(Ordering::Acquire));
        assert_eq!(okta.count(Endpoint::Token) - tried, 5);
    }
}
