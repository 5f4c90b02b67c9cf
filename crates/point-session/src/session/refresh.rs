//! Tokens: a valid access token on demand, one refresh at a time (single flight), rotation
//! first, in-doubt tokens asked about before they are presented again, and the session's end on
//! `invalid_grant`.

use super::*;
use point_auth::{KeyError, TokenFailure};

impl Session {
    /// A valid access token, refreshed ahead of expiry. Concurrent callers share one refresh.
    pub async fn access_token(&self) -> Result<AccessToken, SessionError> {
        Ok(self.credential().await?.access_token)
    }

    /// A valid access token with the DPoP key it is bound to, if it is, read together under one
    /// lock (a refresh or a sign-in replaces both at once): a DPoP-bound token never goes out
    /// without its key, as a Bearer token. Concurrent callers share one refresh.
    pub async fn credential(&self) -> Result<Credential, SessionError> {
        let generation = {
            let tokens = self.tokens.lock().await;
            if let Some(credential) = self.fresh(&tokens) {
                return Ok(credential);
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
            if let Some(credential) = self.fresh(&tokens) {
                return Ok(credential);
            }
            if tokens.refresh_generation != generation {
                // A refresh finished while this caller waited: share its outcome.
                match &tokens.last_refresh {
                    Some(Err(error)) => return Err(error.clone()),
                    Some(Ok(())) => {
                        if let Some(credential) = unexpired(&tokens) {
                            return Ok(credential);
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
            tokens.access_dpop = None;
        }
    }

    /// The credential if its access token stays valid beyond the refresh-ahead margin.
    fn fresh(&self, tokens: &Tokens) -> Option<Credential> {
        let (_, expires_at) = tokens.access_token.as_ref()?;
        (SystemTime::now() + self.refresh_ahead < *expires_at)
            .then(|| unexpired(tokens))
            .flatten()
    }

    /// One refresh (the caller holds the refresh lock).
    async fn refresh(&self) -> Result<(), SessionError> {
        let generation = *self.generation.lock().await;
        let (refresh_token, profile, binding, in_doubt) = {
            let tokens = self.tokens.lock().await;
            match (&tokens.refresh_token, &tokens.profile) {
                (Some(rt), Some(profile)) => (
                    rt.clone(),
                    profile.clone(),
                    tokens.binding.clone(),
                    tokens.in_doubt,
                ),
                _ => return Err(SessionError::NotSignedIn),
            }
        };
        if let Some(retry_after) = self.provider_wait() {
            // Okta's rate limit said when to come back: nothing is sent before then.
            let error = SignInError::RateLimited {
                retry_after: Some(retry_after),
            };
            return self.failed(generation, profile, error).await;
        }
        if let Some(doubt) = in_doubt {
            // Presenting a spent token would look like theft to Okta: ask first, once the lost
            // request can no longer be on its way (the provider might still act on it).
            if !doubt.may_ask(self.sign_in.http().request_timeout()) {
                let host = self.sign_in.settings().issuer.host().to_string();
                return self
                    .failed(generation, profile, SignInError::Interrupted { host })
                    .await;
            }
            match self.sign_in.refresh_token_is_active(&refresh_token).await {
                Ok(true) => self.tokens.lock().await.in_doubt = None,
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
        let provider = match self.sign_in.provider().await {
            Ok(provider) => provider,
            Err(error) => return self.failed(generation, profile, error).await,
        };
        // A session from before the organization turned DPoP on gets its key now: the
        // provider binds the tokens of this refresh to it.
        let binding = match binding.dpop {
            Some(_) => binding,
            None => match self.sign_in.key_for_new_session(&provider) {
                Ok(dpop) => Binding { dpop, ..binding },
                Err(error) => return self.failed(generation, profile, error).await,
            },
        };
        // The keychain says "in doubt" while the request is out, so that a crash before the
        // answer is stored makes the next launch ask before presenting this token. Without
        // that mark the request does not go out.
        tracing::debug!(target: "launch", "writing the in-doubt mark");
        let mut sent_at = self
            .mark_in_doubt(generation, &profile, &refresh_token, &binding)
            .await?;
        tracing::debug!(target: "launch", "the in-doubt mark is written; refreshing");
        let mut binding = binding;
        let mut outcome = self
            .sign_in
            .redeem_refresh_token(&refresh_token, binding.dpop.as_deref())
            .await;
        tracing::debug!(target: "launch", ok = outcome.is_ok(), "the token endpoint answered");
        if binding.dpop.is_none() {
            if let Err(TokenFailure {
                error: SignInError::DpopProofRefused { .. },
                rotated: None,
            }) = &outcome
            {
                // The Okta app requires DPoP now: a readable refusal spent nothing, so the same
                // token goes again with a proof of a new key, which the new tokens are bound to.
                // The key is in the keychain with the token (and the doubt mark) before it goes.
                if let Ok(Some(dpop)) = self.sign_in.key_after_dpop_refusal(&provider).await {
                    binding.dpop = Some(dpop);
                    sent_at = self
                        .mark_in_doubt(generation, &profile, &refresh_token, &binding)
                        .await?;
                    outcome = self
                        .sign_in
                        .redeem_refresh_token(&refresh_token, binding.dpop.as_deref())
                        .await;
                }
            }
        }
        let tokens = match outcome {
            Ok(tokens) => tokens,
            Err(TokenFailure {
                error,
                rotated: Some(rotated),
            }) => {
                // An unusable answer that still rotated the token: keep the new one.
                self.keep_refresh_token(generation, &profile, &rotated, &binding)
                    .await?;
                return self.failed(generation, profile, error).await;
            }
            Err(TokenFailure {
                error: SignInError::RefreshTokenRejected,
                ..
            }) => {
                // invalid_grant: the provider ended this session. Only now is the token deleted.
                return self.end(generation, &profile, None).await;
            }
            Err(TokenFailure {
                error: SignInError::Key(KeyError::NotThisMachine),
                ..
            }) => {
                // The TPM refuses the session's key as not its own (the entry was copied from
                // another machine, or this TPM was cleared): no proof can ever be made for this
                // token here, so the session cannot go on. Nothing was sent.
                tracing::warn!("the session's DPoP key is not in this machine's TPM; ending it");
                return self.end(generation, &profile, None).await;
            }
            Err(TokenFailure { error, .. }) => {
                if error.is_transient() && !error.provider_did_not_act() {
                    // Sent, but no usable answer: the provider may have rotated. The keychain
                    // already says so. When an answer did come back (an error page), the
                    // request is over: the token is asked about at the next attempt, with no
                    // quiet period to sit out.
                    let doubt = InDoubt {
                        since: sent_at,
                        answer_came_back: error.answer_came_back(),
                    };
                    let current = self.generation.lock().await;
                    if *current == generation {
                        self.tokens.lock().await.in_doubt = Some(doubt);
                    }
                } else {
                    // Never sent, or a readable refusal: the token was not spent.
                    self.store(generation, &profile, &refresh_token, &binding, None)
                        .await?;
                }
                return self.failed(generation, profile, error).await;
            }
        };
        // A proof went out: the key stays with the refresh token, which a provider binds to it
        // even when the access token comes back as Bearer (RFC 9449 §5); the access token goes
        // with proofs only when it is DPoP-bound.
        let access_dpop = binding.dpop.clone().filter(|_| tokens.dpop_bound);
        // Rotation first: the new refresh token is stored before the ID token is checked.
        let kept = tokens.refresh_token.as_ref().unwrap_or(&refresh_token);
        self.keep_refresh_token(generation, &profile, kept, &binding)
            .await?;
        tracing::debug!(target: "launch", "the rotated refresh token is written");
        let identity = match self
            .sign_in
            .verify_refreshed(&tokens, &profile.subject, binding.nonce.as_ref())
            .await
        {
            Ok(identity) => identity,
            Err(SignInError::IdToken(point_auth::IdTokenError::WrongSubject)) => {
                // Someone else's tokens: this session cannot go on, and they are revoked.
                return self.end(generation, &profile, Some(kept.clone())).await;
            }
            Err(error) => return self.failed(generation, profile, error).await,
        };
        tracing::debug!(target: "launch", "the ID token is verified");
        let mut profile = profile;
        if let Some(identity) = &identity {
            update_profile(&mut profile, identity);
        }
        if !self.admits(profile.email.as_deref()) {
            // IT allows other email domains only (the rule may be newer than the session).
            tracing::warn!("the session's email is outside the allowed domains; ending it");
            let current = self.generation.lock().await;
            if *current != generation {
                return Err(SessionError::Superseded);
            }
            drop(current);
            let _ = self.end(generation, &profile, Some(kept.clone())).await;
            return Err(SessionError::EmailNotAllowed);
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
            state.access_dpop = access_dpop;
            state.profile = Some(profile.clone());
        }
        self.set_state(SessionState::SignedIn {
            profile,
            access_expires_at,
        });
        // The provider answered: revocations owed since it could not are sent now.
        self.settle_owed_revocations_soon();
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
        binding: &Binding,
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
            state.binding = binding.clone();
            state.in_doubt = None;
        }
        let _ = self
            .save_session(profile, refresh_token, binding, None)
            .await;
        Ok(())
    }

    /// Marks the entry "in doubt" as of now, just before a redemption goes out (see
    /// [`Session::store`]); the time it went out.
    async fn mark_in_doubt(
        &self,
        generation: u64,
        profile: &Profile,
        refresh_token: &RefreshToken,
        binding: &Binding,
    ) -> Result<SystemTime, SessionError> {
        let sent_at = SystemTime::now();
        self.store(generation, profile, refresh_token, binding, Some(sent_at))
            .await?;
        Ok(sent_at)
    }

    /// Writes the keychain entry with its doubt mark, unless the generation moved on; a failed
    /// write is an error.
    async fn store(
        &self,
        generation: u64,
        profile: &Profile,
        refresh_token: &RefreshToken,
        binding: &Binding,
        in_doubt_since: Option<SystemTime>,
    ) -> Result<(), SessionError> {
        let current = self.generation.lock().await;
        if *current != generation {
            return Err(SessionError::Superseded);
        }
        self.save_session(profile, refresh_token, binding, in_doubt_since)
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
        if let Some(wait) = error.retry_after() {
            self.wait_for_provider(wait);
        }
        if error.is_transient() {
            self.set_state(SessionState::Offline {
                profile,
                reason: error.to_string(),
            });
            // At any time, not only at launch: the session comes back by itself.
            self.keep_trying();
        } else {
            tracing::warn!(code = error.code(), "refresh failed");
            if matches!(
                self.status().state,
                SessionState::Offline { .. } | SessionState::Restoring { .. }
            ) {
                // Still not back, for another reason (a TLS-inspecting portal, a bad answer):
                // say why, and keep trying.
                self.set_state(SessionState::Offline {
                    profile,
                    reason: error.to_string(),
                });
                self.keep_trying();
            }
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

    /// Okta asked POINT to wait (its rate limit): no request to it before `wait` has passed.
    fn wait_for_provider(&self, wait: Duration) {
        let until = tokio::time::Instant::now() + wait;
        let mut held = self
            .provider_wait_until
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *held = Some(held.map_or(until, |earlier| earlier.max(until)));
    }

    /// How long POINT must still wait before asking the provider again (Okta's rate limit),
    /// if it must.
    pub fn provider_wait(&self) -> Option<Duration> {
        let until = (*self
            .provider_wait_until
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))?;
        let left = until.saturating_duration_since(tokio::time::Instant::now());
        (!left.is_zero()).then_some(left)
    }
}
