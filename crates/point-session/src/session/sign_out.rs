//! Sign-out: local at once (memory, keychain, profile cache), then the revocation (owed until the
//! provider is reachable) and the end-session URL for the browser; the `/logout` callback.

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
        if self.pending.lock().await.take().is_some() {
            self.forget_pending_sign_in().await;
        }
        // A new generation: a refresh in flight now writes nothing and changes no state.
        let mut generation = self.generation.lock().await;
        *generation += 1;
        let mut tokens = std::mem::take(&mut *self.tokens.lock().await);
        // Signed out while the launch was still restoring: the tokens are not in memory yet, so
        // the session is found from the cached identity and its keychain entry.
        let restoring = match self.status().state {
            SessionState::Restoring { profile } => Some(profile),
            _ => None,
        };
        if tokens.profile.is_none() {
            tokens.profile = restoring;
            if let Some(profile) = &tokens.profile {
                let account = profile.keychain_account();
                if let Ok(Some(secret)) = self.keychain(move |store| store.read(&account)).await {
                    tokens.refresh_token = StoredSession::read(&secret)
                        .map(|stored| RefreshToken::new(stored.token()));
                }
            }
        }
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

    /// Revokes a refresh token, waiting a few seconds at most; if the provider cannot be
    /// reached, the revocation is owed (kept in the keychain) and sent at the next launch.
    pub(super) async fn revoke_now_or_later(&self, refresh_token: &RefreshToken) {
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

    async fn owe_revocation(&self, refresh_token: &RefreshToken) {
        let settings = self.sign_in.settings();
        let owed = stored::OwedRevocation {
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
        let Ok(owed) = serde_json::from_str::<stored::OwedRevocation>(&secret) else {
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
