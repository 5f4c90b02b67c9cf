//! Sign-out: local at once (memory, keychain, profile cache), then the revocation (owed until the
//! provider is reachable: `owed.rs`) and the end-session URL for the browser; the `/logout`
//! callback.

use super::*;
use point_auth::SignOutCallback;
use url::Url;

impl Session {
    /// Signs out: locally at once (memory, keychain entry, profile cache), then revokes the
    /// refresh token (or owes the revocation until the provider is reachable), and returns the
    /// end-session URL to open in the system browser, when there is one.
    pub async fn sign_out(&self) -> Result<Option<Url>, SessionError> {
        self.sign_out_with(true).await
    }

    /// Like [`Session::sign_out`]; without `end_okta_session`, no end-session URL is made (the
    /// person stays signed in to Okta in their browser, and to its other apps).
    pub async fn sign_out_with(&self, end_okta_session: bool) -> Result<Option<Url>, SessionError> {
        let pending = {
            let mut slot = self.pending.lock().await;
            // A sign-in under way ends too: its completion keeps nothing.
            self.attempt.fetch_add(1, Ordering::AcqRel);
            slot.take()
        };
        if pending.is_some() {
            self.forget_pending_sign_in().await;
        }
        // A new generation: a refresh in flight now writes nothing and changes no state.
        let mut generation = self.generation.lock().await;
        *generation += 1;
        let tokens = self.take_session().await;
        self.forget_state_before_sign_in();
        if let Some(profile) = &tokens.profile {
            self.delete_session(profile).await;
        }
        self.set_state(SessionState::SignedOut);
        drop(generation);

        if let Some(refresh_token) = &tokens.refresh_token {
            self.revoke_now_or_later(refresh_token).await;
        }
        let Some(id_token) = tokens.id_token.filter(|_| end_okta_session) else {
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
    pub fn complete_sign_out(&self, parsed: &SignOutCallback) -> bool {
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

    /// Takes the session in force out of memory (for a sign-out, or a sign-in that replaces
    /// it). When it is not in memory (the launch is still restoring it, or could not), it is
    /// found from the cached profile and its keychain entry. The caller holds the generation.
    pub(super) async fn take_session(&self) -> Tokens {
        let mut held = self.tokens.lock().await;
        let refresh_generation = held.refresh_generation;
        let mut tokens = std::mem::take(&mut *held);
        held.refresh_generation = refresh_generation;
        drop(held);
        if tokens.profile.is_none() {
            let settings = self.sign_in.settings();
            tokens.profile = self.profiles.load().filter(|p| {
                p.issuer == settings.issuer.as_str() && p.client_id == settings.client_id.as_str()
            });
            if let Some(profile) = &tokens.profile {
                let account = profile.keychain_account();
                if let Ok(Some(secret)) = self.keychain(move |store| store.read(&account)).await {
                    tokens.refresh_token = StoredSession::read(&secret)
                        .map(|stored| RefreshToken::new(stored.token()));
                }
            }
        }
        tokens
    }

    fn sign_out_lock(&self) -> std::sync::MutexGuard<'_, Option<State>> {
        self.sign_out_state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
