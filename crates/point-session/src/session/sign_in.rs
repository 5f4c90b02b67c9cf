//! Sign-in: begin (the pending sign-in, owned here and mirrored in the keychain), complete from
//! the parsed callback, cancel. A callback that does not match the pending sign-in (none pending,
//! another state, another issuer) changes nothing. Each begin and each cancel starts a new
//! attempt: a completion keeps its session only in the attempt it belongs to (so a cancel that
//! arrives while the code is being exchanged wins), and a kept session replaces the one the
//! sign-in found (its refresh token revoked, its entry deleted).

use super::*;
use crate::pending::PendingSignIns;
use point_auth::{AuthenticationRequirement, Prompt, Redirect, SignInCallback};
use url::Url;

impl Session {
    /// Begins a sign-in and returns the URL to open in the system browser. The pending sign-in
    /// is kept in the keychain until it completes or expires, so that a callback that
    /// cold-starts POINT still completes. Replaces any pending sign-in.
    pub async fn begin_sign_in(&self, login_hint: Option<&str>) -> Result<Url, SessionError> {
        self.begin_sign_in_with(login_hint, Prompt::Default).await
    }

    /// Like [`Session::begin_sign_in`], with a `prompt` (`Prompt::Login`: Okta asks for
    /// credentials again, so a person can sign in as someone else).
    pub async fn begin_sign_in_with(
        &self,
        login_hint: Option<&str>,
        prompt: Prompt,
    ) -> Result<Url, SessionError> {
        let pending = Arc::new(self.sign_in.begin_with(login_hint, prompt).await?);
        self.begin_pending(pending).await
    }

    /// Pushes `pending` (where the provider takes pushed requests), keeps it in the keychain
    /// and waits for its callback; the URL for the browser.
    async fn begin_pending(&self, pending: Arc<PendingSignIn>) -> Result<Url, SessionError> {
        // Pushed first: a sign-in the provider refuses changes nothing here.
        let url = self.sign_in.browser_url(&pending).await?;
        if self.store.is_some() {
            // A launch looks in the keychain for a pending sign-in only when marked: marked
            // first, so that a kept sign-in is never unmarked (a mark without one costs a read).
            if let Err(error) = self.profiles.mark_pending_sign_in(true) {
                tracing::warn!(%error, "could not mark the pending sign-in; a restart would lose it");
            }
            let settings = self.sign_in.settings().clone();
            let saving = pending.clone();
            let saved = self
                .keychain(move |store| PendingSignIns::of(store, &settings).save(&saving))
                .await;
            if let Err(problem) = saved {
                // The sign-in still works while POINT runs; only a cold start would lose it.
                self.keychain_failed(problem);
            }
        }
        self.wait_for(pending).await;
        Ok(url)
    }

    /// Begins a step-up (RFC 9470): a sign-in of the person signed in (Okta is given their
    /// email; the new ID token must name the same person and show what was `asked`), kept as any
    /// sign-in is: its session replaces this one (the old refresh token revoked). A sign-in that
    /// fails or is cancelled leaves this session as it was. `NotSignedIn` without a session.
    pub async fn begin_step_up(
        &self,
        asked: AuthenticationRequirement,
    ) -> Result<Url, SessionError> {
        let pending = self.step_up(asked, Redirect::CustomScheme).await?;
        self.begin_pending(Arc::new(pending)).await
    }

    /// Like [`Session::begin_step_up`], with the answer coming to a listener on 127.0.0.1 (see
    /// [`Session::begin_sign_in_via_loopback`]).
    pub async fn begin_step_up_via_loopback(
        &self,
        asked: AuthenticationRequirement,
    ) -> Result<LoopbackSignIn, SessionError> {
        let listener = bind_loopback().await?;
        let pending = self.step_up(asked, listener.redirect()).await?;
        self.listen(listener, pending).await
    }

    /// The pending sign-in of a step-up of the person signed in, answered at `redirect`.
    async fn step_up(
        &self,
        asked: AuthenticationRequirement,
        redirect: Redirect,
    ) -> Result<PendingSignIn, SessionError> {
        let profile = self
            .tokens
            .lock()
            .await
            .profile
            .clone()
            .ok_or(SessionError::NotSignedIn)?;
        Ok(self
            .sign_in
            .begin_stepping_up(profile.email.as_deref(), &profile.subject, asked, redirect)
            .await?)
    }

    /// Makes `pending` the sign-in under way: a new attempt, waiting for the browser.
    async fn wait_for(&self, pending: Arc<PendingSignIn>) {
        let expires_at = pending.expires_at();
        let mut slot = self.pending.lock().await;
        *slot = Some(pending);
        self.new_attempt();
        self.set_state(SessionState::SigningIn { expires_at });
    }

    /// Starts a new sign-in attempt (a completion of an earlier one keeps nothing), noting the
    /// state this sign-in found, to go back to if it is cancelled or fails.
    fn new_attempt(&self) -> SignInAttempt {
        let state = self.status().state;
        let mut before = self
            .before_sign_in
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match state {
            SessionState::SignedIn { .. }
            | SessionState::Offline { .. }
            | SessionState::Restoring { .. } => *before = Some(state),
            // A sign-in that replaces one under way goes back where that one would have.
            SessionState::SigningIn { .. } => {}
            SessionState::SignedOut | SessionState::Ended => *before = None,
        }
        SignInAttempt(self.attempt.fetch_add(1, Ordering::AcqRel) + 1)
    }

    fn current_attempt(&self) -> SignInAttempt {
        SignInAttempt(self.attempt.load(Ordering::Acquire))
    }

    /// Begins a sign-in whose answer comes to a listener on 127.0.0.1 (RFC 8252 §7.3) instead of
    /// an `org.pointapp.point:` link, for where those links cannot reach POINT. Returns the URL
    /// for the browser and the listener's wait, which ends with this sign-in's callback (for
    /// [`Session::complete_sign_in`]), or `None` when the sign-in expired first. Not kept in the
    /// keychain: the listener ends with the process.
    pub async fn begin_sign_in_via_loopback(
        &self,
        login_hint: Option<&str>,
        prompt: Prompt,
    ) -> Result<LoopbackSignIn, SessionError> {
        let listener = bind_loopback().await?;
        let pending = self
            .sign_in
            .begin_to(login_hint, prompt, listener.redirect())
            .await?;
        self.listen(listener, pending).await
    }

    /// Waits for `pending`'s answer on `listener`: the URL for the browser, and the wait.
    async fn listen(
        &self,
        listener: point_auth::LoopbackListener,
        pending: PendingSignIn,
    ) -> Result<LoopbackSignIn, SessionError> {
        let pending = Arc::new(pending);
        let url = self.sign_in.browser_url(&pending).await?;
        // A custom-scheme sign-in begun earlier is replaced, in the keychain too.
        self.forget_pending_sign_in().await;
        self.wait_for(pending.clone()).await;
        // The listener closes when the sign-in expires, answered or not.
        let lifetime = self.sign_in.sign_in_ttl();
        let answer = listener.receive(move |callback| pending.is_answered_by(callback));
        Ok(LoopbackSignIn {
            url,
            answer: Box::pin(async move { tokio::time::timeout(lifetime, answer).await.ok() }),
        })
    }

    /// A URL for the browser for the pending sign-in, to open it again (pushed anew where the
    /// provider takes pushed requests); `NoPendingSignIn` when none is pending.
    pub async fn pending_sign_in_url(&self) -> Result<Url, SessionError> {
        let pending = self.live_pending_sign_in().await;
        let pending = pending.ok_or(SignInError::NoPendingSignIn)?;
        Ok(self.sign_in.browser_url(&pending).await?)
    }

    /// Whether a sign-in is waiting for its callback.
    pub async fn has_pending_sign_in(&self) -> bool {
        self.live_pending_sign_in().await.is_some()
    }

    async fn live_pending_sign_in(&self) -> Option<Arc<PendingSignIn>> {
        let pending = self.pending.lock().await;
        pending
            .as_ref()
            .filter(|pending| !pending.is_expired())
            .cloned()
    }

    /// Cancels the sign-in under way, whatever it is doing: waiting for the browser or for
    /// the other device, or exchanging its code (what that gets is revoked, not kept). The
    /// session it found, if any, stays as it was.
    pub async fn cancel_sign_in(&self) {
        {
            let mut slot = self.pending.lock().await;
            slot.take();
            self.attempt.fetch_add(1, Ordering::AcqRel);
        }
        self.forget_pending_sign_in().await;
        self.sign_in_ended();
    }

    pub(super) async fn forget_pending_sign_in(&self) {
        let settings = self.sign_in.settings().clone();
        let forgotten = self
            .keychain(move |store| PendingSignIns::of(store, &settings).forget())
            .await;
        if forgotten.is_ok() {
            let _ = self.profiles.mark_pending_sign_in(false);
        }
    }

    /// Completes the sign-in from the `/login` callback. A callback that does not belong to
    /// the pending sign-in is refused (`NoPendingSignIn`, `StateMismatch`,
    /// `CallbackIssuerMismatch`) and leaves it pending; an expired one ends it.
    pub async fn complete_sign_in(
        &self,
        callback: SignInCallback,
    ) -> Result<Profile, SessionError> {
        let (pending, attempt) = {
            let mut slot = self.pending.lock().await;
            let Some(pending) = slot.as_ref() else {
                return Err(SignInError::NoPendingSignIn.into());
            };
            match self.sign_in.check_callback(pending, &callback).await {
                Ok(()) => (slot.take(), self.current_attempt()),
                Err(SignInError::SignInExpired) => {
                    slot.take();
                    drop(slot);
                    self.forget_pending_sign_in().await;
                    self.sign_in_ended();
                    return Err(SignInError::SignInExpired.into());
                }
                // Not this sign-in's answer, or discovery failed: nothing is consumed.
                Err(error) => return Err(error.into()),
            }
        };
        let Some(pending) = pending else {
            return Err(SignInError::NoPendingSignIn.into());
        };
        // Taken: this sign-in is used, whatever happens next.
        self.forget_pending_sign_in().await;
        let signed_in = match self.sign_in.complete_or_refuse(&pending, callback).await {
            Ok(signed_in) => signed_in,
            Err(point_auth::RefusedSignIn {
                error,
                refresh_token,
            }) => {
                if self.current_attempt() == attempt {
                    self.sign_in_ended();
                }
                // Okta issued tokens for a sign-in POINT refuses: revoked now, or owed until
                // the provider can be reached.
                if let Some(refresh_token) = refresh_token {
                    self.revoke_now_or_later(&refresh_token).await;
                }
                return Err(error.into());
            }
        };
        self.keep(signed_in, attempt).await
    }

    /// Signs in on another device (RFC 8628): `show` gets the code and the page for the person
    /// as soon as Okta gives them; then POINT waits until the person has signed in there (or
    /// declined, or the code expired) and keeps the session exactly as after a browser sign-in.
    pub async fn sign_in_on_another_device(
        &self,
        show: impl FnOnce(&point_auth::DeviceAuthorization),
    ) -> Result<Profile, SessionError> {
        let (authorization, attempt) = self.begin_sign_in_on_another_device().await?;
        show(&authorization);
        self.finish_sign_in_on_another_device(&authorization, attempt)
            .await
    }

    /// The first half of [`Session::sign_in_on_another_device`]: the code and the page, and
    /// the attempt this sign-in is (a cancel or another sign-in ends it).
    pub async fn begin_sign_in_on_another_device(
        &self,
    ) -> Result<(point_auth::DeviceAuthorization, SignInAttempt), SessionError> {
        let authorization = self.sign_in.begin_on_another_device().await?;
        let _slot = self.pending.lock().await;
        Ok((authorization, self.new_attempt()))
    }

    /// The second half: waits for the person, then keeps the session.
    pub async fn finish_sign_in_on_another_device(
        &self,
        authorization: &point_auth::DeviceAuthorization,
        attempt: SignInAttempt,
    ) -> Result<Profile, SessionError> {
        let signed_in = self
            .wait_for_sign_in_on_another_device(authorization)
            .await?;
        self.keep_sign_in_on_another_device(signed_in, attempt)
            .await
    }

    /// Waits for the person to sign in on the other device. Changes nothing, so it may be
    /// cancelled (dropped) at any point; [`Session::keep_sign_in_on_another_device`] must not be.
    pub async fn wait_for_sign_in_on_another_device(
        &self,
        authorization: &point_auth::DeviceAuthorization,
    ) -> Result<point_auth::SignedIn, SessionError> {
        Ok(self.sign_in.finish_on_another_device(authorization).await?)
    }

    /// Keeps a sign-in completed on another device, as after a browser sign-in (unless it was
    /// cancelled or another sign-in began since `attempt`).
    pub async fn keep_sign_in_on_another_device(
        &self,
        signed_in: point_auth::SignedIn,
        attempt: SignInAttempt,
    ) -> Result<Profile, SessionError> {
        self.keep(signed_in, attempt).await
    }

    /// Keeps a completed sign-in: only in its own attempt (a cancelled one revokes what it got),
    /// IT's email rule, a new generation, the refresh token in the keychain, the profile, the
    /// tokens in memory, signed in; the session it replaces is ended (revoked, its entry
    /// deleted).
    async fn keep(
        &self,
        signed_in: point_auth::SignedIn,
        attempt: SignInAttempt,
    ) -> Result<Profile, SessionError> {
        let settings = self.sign_in.settings();
        let mut profile = Profile {
            issuer: settings.issuer.as_str().to_string(),
            client_id: settings.client_id.as_str().to_string(),
            subject: signed_in.identity.subject.clone(),
            name: signed_in.identity.name.clone(),
            email: signed_in.identity.email.clone(),
            organization: None,
        };
        let tokens = signed_in.tokens;
        // The key goes with the refresh token; with the access token only if that is bound.
        let access_dpop = signed_in.dpop.clone().filter(|_| tokens.dpop_bound);
        let binding = Binding {
            nonce: signed_in.nonce,
            dpop: signed_in.dpop,
        };
        // Held from the attempt's check to the last write: a cancel is either before (nothing
        // kept) or after (a session, as if the cancel came later).
        let mut generation = self.generation.lock().await;
        let refusal = if self.current_attempt() != attempt {
            tracing::info!("a sign-in completed after it was cancelled; discarded");
            Some(SessionError::SignInCancelled)
        } else if !self.admits(profile.email.as_deref()) {
            // IT allows other email domains only: nothing is kept, the tokens are revoked.
            tracing::warn!("signed in with an email outside the allowed domains; discarded");
            self.sign_in_ended();
            Some(SessionError::EmailNotAllowed)
        } else {
            None
        };
        if let Some(refusal) = refusal {
            drop(generation);
            if let Some(refresh_token) = &tokens.refresh_token {
                self.revoke_now_or_later(refresh_token).await;
            }
            return Err(refusal);
        }
        // A new generation: a refresh of the previous session that finishes now writes nothing.
        *generation += 1;
        // The session this sign-in replaces: its entry goes, its refresh token is revoked.
        let replaced = self.take_session().await;
        // The same person signing in again (a step-up) is still in the organization the
        // dashboard named: shown at once, not blank until the dashboard answers again.
        if let Some(previous) = replaced
            .profile
            .as_ref()
            .filter(|p| p.keychain_account() == profile.keychain_account())
        {
            profile.organization = previous.organization.clone();
        }
        if let Some(refresh_token) = &tokens.refresh_token {
            // A failed write was reported; the session goes on in memory.
            let _ = self
                .save_session(&profile, refresh_token, &binding, None)
                .await;
        }
        if let Some(previous) = &replaced.profile {
            if previous.keychain_account() != profile.keychain_account() {
                let account = previous.keychain_account();
                if let Err(problem) = self.keychain(move |store| store.delete(&account)).await {
                    self.keychain_failed(problem);
                }
            }
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
                access_dpop,
                id_token: tokens.id_token,
                binding,
                in_doubt: None,
                refresh_generation: state.refresh_generation,
                last_refresh: None,
            };
        }
        self.forget_state_before_sign_in();
        self.set_state(SessionState::SignedIn {
            profile: profile.clone(),
            access_expires_at,
        });
        drop(generation);
        if let Some(previous) = replaced.refresh_token {
            self.revoke_in_background(previous);
        }
        self.settle_owed_revocations_soon();
        Ok(profile)
    }

    /// A sign-in that ended without signing in: the waiting screen goes, and the session it
    /// found (signed in, offline, restoring) is shown again, or signed out.
    pub(super) fn sign_in_ended(&self) {
        let before = self.forget_state_before_sign_in();
        if matches!(self.status().state, SessionState::SigningIn { .. }) {
            self.set_state(before.unwrap_or(SessionState::SignedOut));
        }
    }

    pub(super) fn forget_state_before_sign_in(&self) -> Option<SessionState> {
        self.before_sign_in
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take()
    }

    /// Records the organization name (from the dashboard) in the profile.
    pub async fn set_organization(&self, organization: &str) {
        let mut tokens = self.tokens.lock().await;
        if let Some(profile) = tokens.profile.as_mut() {
            profile.organization = Some(organization.to_string());
            let _ = self.profiles.save(profile);
            let profile = profile.clone();
            self.status
                .send_if_modified(|status| match &mut status.state {
                    SessionState::SignedIn { profile: p, .. }
                    | SessionState::Offline { profile: p, .. }
                        if *p != profile =>
                    {
                        *p = profile;
                        true
                    }
                    _ => false,
                });
        }
    }
}

/// A browser sign-in answered on 127.0.0.1: the URL for the browser, and the listener's wait,
/// which ends with the sign-in's callback (for [`Session::complete_sign_in`]), or `None` when
/// the sign-in expired first.
pub struct LoopbackSignIn {
    pub url: Url,
    pub answer: std::pin::Pin<
        Box<dyn std::future::Future<Output = Option<SignInCallback>> + Send + 'static>,
    >,
}

/// A listener on 127.0.0.1 for a sign-in's answer (RFC 8252 §7.3).
async fn bind_loopback() -> Result<point_auth::LoopbackListener, SessionError> {
    Ok(point_auth::LoopbackListener::bind()
        .await
        .map_err(|e| SignInError::LoopbackUnavailable(e.to_string()))?)
}
