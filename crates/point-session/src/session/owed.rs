//! Revocations owed to the provider: refresh tokens POINT let go of (a sign-out, a session a new
//! sign-in replaced or IT's email rule discarded, a refresh that finished too late) whose
//! revocation could not be sent. They wait in a short list in one keychain entry per
//! organization, and are settled at launch and after any successful call to the provider; a
//! token stays owed while the provider cannot be reached, so none that POINT forgot stays valid
//! at Okta for longer than the outage.

use super::*;
use stored::OwedRevocations;

impl Session {
    /// Revokes a refresh token, waiting a few seconds at most; when the provider cannot be
    /// reached (or fails), the revocation is owed.
    pub(super) async fn revoke_now_or_later(&self, refresh_token: &RefreshToken) {
        let revoked =
            tokio::time::timeout(REVOCATION_WAIT, self.sign_in.revoke(refresh_token)).await;
        match revoked {
            Ok(Ok(())) => self.settle_owed_revocations_soon(),
            Ok(Err(error)) if !error.is_transient() => {
                tracing::warn!(code = error.code(), "revocation refused");
            }
            _ => self.owe_revocation(refresh_token).await,
        }
    }

    /// [`Session::revoke_now_or_later`], without waiting for it.
    pub(super) fn revoke_in_background(&self, refresh_token: RefreshToken) {
        if let Some(session) = self.myself.upgrade() {
            tokio::spawn(async move { session.revoke_now_or_later(&refresh_token).await });
        }
    }

    /// Adds a token to the owed list (the oldest go first if the entry would not fit a
    /// keychain entry on every platform).
    async fn owe_revocation(&self, refresh_token: &RefreshToken) {
        let _owed = self.owed.lock().await;
        self.owes.store(true, Ordering::Release);
        let mut owed = self.read_owed().await;
        owed.add(refresh_token.expose());
        self.write_owed(owed).await;
    }

    /// Settles the owed revocations in the background, if there may be any (after a call to
    /// the provider succeeded: it can be reached now).
    pub(super) fn settle_owed_revocations_soon(&self) {
        if !self.owes.load(Ordering::Acquire) {
            return;
        }
        if let Some(session) = self.myself.upgrade() {
            tokio::spawn(async move { session.settle_owed_revocations().await });
        }
    }

    /// Sends the revocations owed. Those the provider still cannot take stay owed; those it
    /// refused for good (an unknown token) are dropped.
    pub async fn settle_owed_revocations(&self) {
        let _owed = self.owed.lock().await;
        if !self.owes.swap(false, Ordering::AcqRel) {
            return;
        }
        let owed = self.read_owed().await;
        if owed.is_empty() {
            return;
        }
        let mut still_owed = owed.emptied();
        for token in owed.tokens() {
            let token = RefreshToken::new(token.to_string());
            match tokio::time::timeout(REVOCATION_WAIT, self.sign_in.revoke(&token)).await {
                Ok(Ok(())) => {}
                Ok(Err(error)) if !error.is_transient() => {
                    tracing::info!(code = error.code(), "an owed revocation was refused");
                }
                _ => still_owed.add(token.expose()),
            }
        }
        if !still_owed.is_empty() {
            self.owes.store(true, Ordering::Release);
        }
        self.write_owed(still_owed).await;
    }

    /// The owed list (empty when there is none, it is unreadable, or it is another
    /// provider's).
    async fn read_owed(&self) -> OwedRevocations {
        let settings = self.sign_in.settings();
        let empty = OwedRevocations::new(settings.issuer.as_str(), settings.client_id.as_str());
        let account = self.owed_revocation_account();
        match self.keychain(move |store| store.read(&account)).await {
            Ok(Some(secret)) => OwedRevocations::read(&secret)
                .filter(|owed| owed.is_for(&empty))
                .unwrap_or(empty),
            _ => empty,
        }
    }

    async fn write_owed(&self, owed: OwedRevocations) {
        let account = self.owed_revocation_account();
        let written = if owed.is_empty() {
            self.keychain(move |store| store.delete(&account)).await
        } else {
            let secret = owed.write();
            self.keychain(move |store| store.write(&account, &secret))
                .await
        };
        if let Err(problem) = written {
            self.keychain_failed(problem);
        }
    }
}
