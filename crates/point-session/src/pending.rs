//! Where a pending sign-in waits across restarts: one keychain entry per organization, so that a
//! callback that cold-starts POINT (the OS killed it while the person was in the browser) still
//! completes. The seam takes and gives the secret type, [`PendingSignIn`]; only this module
//! knows the entry's account and form.

use std::time::Duration;

use point_auth::{OktaSettings, PendingSignIn};

use crate::keychain::{KeychainError, SecretStore};

/// The pending sign-in entry of one organization's settings.
pub struct PendingSignIns<'a> {
    store: &'a dyn SecretStore,
    account: String,
}

impl<'a> PendingSignIns<'a> {
    pub fn of(store: &'a dyn SecretStore, settings: &OktaSettings) -> Self {
        Self {
            store,
            account: format!("pending sign-in {} {}", settings.issuer, settings.client_id),
        }
    }

    pub fn save(&self, pending: &PendingSignIn) -> Result<(), KeychainError> {
        self.store.write(&self.account, &pending.to_secret_json())
    }

    /// The stored sign-in, if there is one for these settings that has not expired; `ttl`
    /// caps how long it may still live.
    pub fn load(
        &self,
        settings: &OktaSettings,
        ttl: Duration,
    ) -> Result<Option<PendingSignIn>, KeychainError> {
        Ok(self
            .store
            .read(&self.account)?
            .and_then(|secret| PendingSignIn::from_secret_json(&secret, settings, ttl)))
    }

    pub fn forget(&self) -> Result<(), KeychainError> {
        self.store.delete(&self.account)
    }
}
