//! One organization's Okta sign-in: begin (a [`PendingSignIn`] and its authorization URL for the
//! system browser), check a callback against it, complete it (the token request and the ID token).
//!
//! `OktaSignIn` holds no pending sign-in: whoever began one owns it (the session keeps it, in
//! memory and in the keychain across restarts), so there is one owner that knows whether it was
//! used. [`OktaSignIn::check_callback`] refuses a callback that does not match (unsolicited,
//! wrong state, wrong issuer, expired) without consuming anything.
//!
//! Discovery and the signing keys are fetched when a sign-in begins and cached, so that once the
//! callback arrives only the token request is left.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use tokio::sync::Mutex;
use url::Url;

use crate::callback::SignInCallback;
use crate::config::{OktaSettings, Redirect, ServerKind};
use crate::device::{DeviceAuthorization, Next, PollAnswer, Polling};
use crate::dpop::{Dpop, DpopKey, KeyHardware, KeyPolicy};
use crate::error::{IdTokenError, SignInError};
use crate::http::HttpClient;
use crate::oidc::{
    self, IdTokenCheck, Identity, NonceRule, Prompt, Provider, SigningKeys, TokenFailure, TokenSet,
};
use crate::pending_sign_in::PendingSignIn;
use crate::provider_snapshot::ProviderSnapshot;
use crate::secret::{constant_time_eq, IdToken, Nonce, RefreshToken, State};
use crate::step_up::AuthenticationRequirement;

/// How long a sign-in may wait for its callback.
pub const DEFAULT_SIGN_IN_TTL: Duration = Duration::from_secs(10 * 60);
/// At most one key-set refetch for an unknown `kid` per this period.
const KEY_REFETCH_COOLDOWN: Duration = Duration::from_secs(60);

/// A completed sign-in POINT did not keep: why, and the refresh token Okta issued for it when
/// it issued one that must now be revoked.
#[derive(Debug)]
pub struct RefusedSignIn {
    pub error: SignInError,
    pub refresh_token: Option<RefreshToken>,
}

impl From<SignInError> for RefusedSignIn {
    fn from(error: SignInError) -> Self {
        Self {
            error,
            refresh_token: None,
        }
    }
}

/// The result of a completed sign-in.
#[derive(Debug)]
pub struct SignedIn {
    pub tokens: TokenSet,
    pub identity: Identity,
    /// The sign-in's nonce: a refreshed ID token may repeat it (OpenID Connect Core §12.2).
    /// None for a sign-in on another device, which has no authorization request to carry one.
    pub nonce: Option<Nonce>,
    /// The key the tokens' proofs were made with (DPoP), which the session keeps with the
    /// refresh token: a provider binds a public client's refresh token to it even when the
    /// access token comes back as Bearer (RFC 9449 §5; `tokens.dpop_bound` says which).
    pub dpop: Option<Arc<Dpop>>,
}

/// The provider's discovery document as POINT holds it: when it was fetched, and whether it
/// was kept from an earlier run (rather than fetched in this one).
struct KnownProvider {
    provider: Arc<Provider>,
    fetched_at: SystemTime,
    kept: bool,
}

#[derive(Default)]
struct KeyCache {
    keys: Option<SigningKeys>,
    last_refetch: Option<Instant>,
}

/// See the module documentation.
pub struct OktaSignIn {
    settings: OktaSettings,
    http: Arc<HttpClient>,
    provider: Mutex<Option<KnownProvider>>,
    keys: Arc<Mutex<KeyCache>>,
    ttl: Duration,
    /// The provider refused a token request without a DPoP proof: the app requires DPoP.
    dpop_required: AtomicBool,
    /// The person's language, for Okta's sign-in page (`ui_locales`).
    ui_locales: Option<String>,
    /// IT's minimum for every sign-in (`acr_values`, `max_age`).
    minimum: AuthenticationRequirement,
    /// Where new sessions' DPoP keys are kept (IT's `dpop_key`), and the key hardware.
    key_policy: KeyPolicy,
    key_hardware: KeyHardware,
}

impl OktaSignIn {
    pub fn new(settings: OktaSettings, http: Arc<HttpClient>) -> Self {
        Self::with_ttl(settings, http, DEFAULT_SIGN_IN_TTL)
    }

    /// Like [`OktaSignIn::new`], with another lifetime for pending sign-ins.
    pub fn with_ttl(settings: OktaSettings, http: Arc<HttpClient>, ttl: Duration) -> Self {
        Self {
            settings,
            http,
            provider: Mutex::new(None),
            keys: Arc::new(Mutex::new(KeyCache::default())),
            ttl,
            dpop_required: AtomicBool::new(false),
            ui_locales: None,
            minimum: AuthenticationRequirement::default(),
            key_policy: KeyPolicy::default(),
            key_hardware: KeyHardware::none(),
        }
    }

    /// Keeps new sessions' DPoP keys where IT's `policy` says, in `hardware` when it may (the
    /// default: no key hardware, so software keys).
    pub fn keeping_keys(mut self, policy: KeyPolicy, hardware: KeyHardware) -> Self {
        self.key_policy = policy;
        self.key_hardware = hardware;
        self
    }

    /// The key hardware stored keys are used with.
    pub fn key_hardware(&self) -> &KeyHardware {
        &self.key_hardware
    }

    /// Asks every sign-in for at least `minimum` (IT's `acr_values` and maximum authentication
    /// age), and checks each new ID token against it.
    pub fn requiring(mut self, minimum: AuthenticationRequirement) -> Self {
        self.minimum = minimum;
        self
    }

    /// Asks Okta's sign-in page to speak this language (`ui_locales`, OpenID Connect Core
    /// §3.1.2.1; a provider that does not know it shows its default).
    pub fn speaking(mut self, ui_locales: &str) -> Self {
        self.ui_locales = Some(ui_locales.to_string());
        self
    }

    pub fn settings(&self) -> &OktaSettings {
        &self.settings
    }

    /// The HTTP client, which knows the provider's clock.
    pub fn http(&self) -> &HttpClient {
        &self.http
    }

    /// The provider's discovery document, fetched once and cached.
    pub async fn provider(&self) -> Result<Arc<Provider>, SignInError> {
        let mut cached = self.provider.lock().await;
        if let Some(known) = cached.as_ref() {
            return Ok(known.provider.clone());
        }
        tracing::debug!(target: "launch", "fetching the discovery document");
        let provider = oidc::discover(&self.http, &self.settings.issuer).await?;
        if !provider.supports_s256() {
            return Err(SignInError::PkceUnsupported);
        }
        let provider = Arc::new(provider);
        *cached = Some(KnownProvider {
            provider: provider.clone(),
            fetched_at: SystemTime::now(),
            kept: false,
        });
        Ok(provider)
    }

    /// Starts from what an earlier run kept of the provider (its discovery document and keys),
    /// when it is this issuer's, younger than [`crate::SNAPSHOT_MAX_AGE`] at `now`, names only
    /// addresses on the issuer's origin and still passes discovery's checks: a signed-in launch then asks the provider only for its
    /// refresh. Otherwise the snapshot is ignored and both are fetched as usual.
    pub fn starting_from(self, snapshot: &ProviderSnapshot, now: SystemTime) -> Self {
        let Some(fetched) = snapshot.fetched() else {
            return self;
        };
        if snapshot.issuer != self.settings.issuer.as_str()
            || !snapshot.is_fresh(now)
            || !snapshot.stays_on_issuer()
        {
            return self;
        }
        let Ok(provider) = oidc::provider_from_document(&self.settings.issuer, &snapshot.discovery)
        else {
            return self;
        };
        if !provider.supports_s256() {
            return self;
        }
        let keys = snapshot
            .keys
            .as_deref()
            .and_then(|document| oidc::keys_from_document(document).ok());
        Self {
            provider: Mutex::new(Some(KnownProvider {
                provider: Arc::new(provider),
                fetched_at: fetched,
                kept: true,
            })),
            keys: Arc::new(Mutex::new(KeyCache {
                keys,
                last_refetch: None,
            })),
            ..self
        }
    }

    /// What to keep of the provider for the next run: its discovery document and keys, once
    /// fetched (or kept from an earlier run). `None` before discovery.
    pub async fn snapshot(&self) -> Option<ProviderSnapshot> {
        let (provider, fetched_at) = self
            .provider
            .lock()
            .await
            .as_ref()
            .map(|known| (known.provider.clone(), known.fetched_at))?;
        let keys = self
            .keys
            .lock()
            .await
            .keys
            .as_ref()
            .map(|keys| keys.document().to_string());
        Some(ProviderSnapshot {
            issuer: self.settings.issuer.as_str().to_string(),
            discovery: provider.document().to_string(),
            keys,
            fetched_at: crate::provider_snapshot::epoch_seconds(fetched_at),
        })
    }

    /// How long a pending sign-in lives.
    pub fn sign_in_ttl(&self) -> Duration {
        self.ttl
    }

    /// Begins a sign-in: the pending sign-in, whose URL the caller opens in the system browser.
    /// Starts fetching the signing keys while the person is in the browser.
    pub async fn begin(&self, login_hint: Option<&str>) -> Result<PendingSignIn, SignInError> {
        self.begin_with(login_hint, Prompt::Default).await
    }

    /// Like [`OktaSignIn::begin`], with a `prompt` (`Prompt::Login`: sign in as someone else).
    pub async fn begin_with(
        &self,
        login_hint: Option<&str>,
        prompt: Prompt,
    ) -> Result<PendingSignIn, SignInError> {
        self.begin_to(login_hint, prompt, Redirect::CustomScheme)
            .await
    }

    /// Like [`OktaSignIn::begin_with`], with Okta sending the browser back to `redirect` (a
    /// loopback listener the caller runs, when the custom scheme cannot reach POINT).
    pub async fn begin_to(
        &self,
        login_hint: Option<&str>,
        prompt: Prompt,
        redirect: Redirect,
    ) -> Result<PendingSignIn, SignInError> {
        self.begin_asking(
            login_hint,
            prompt,
            redirect,
            AuthenticationRequirement::default(),
        )
        .await
    }

    /// A step-up (RFC 9470): a sign-in for the person already signed in (`login_hint`, and
    /// its ID token must name `subject`), asked for what an API said it needs (with IT's
    /// minimum); its ID token must show it.
    pub async fn begin_stepping_up(
        &self,
        login_hint: Option<&str>,
        subject: &str,
        asked: AuthenticationRequirement,
        redirect: Redirect,
    ) -> Result<PendingSignIn, SignInError> {
        let mut pending = self
            .begin_asking(login_hint, Prompt::Default, redirect, asked)
            .await?;
        pending.subject = Some(subject.to_string());
        Ok(pending)
    }

    async fn begin_asking(
        &self,
        login_hint: Option<&str>,
        prompt: Prompt,
        redirect: Redirect,
        asked: AuthenticationRequirement,
    ) -> Result<PendingSignIn, SignInError> {
        let requirement = asked.at_least(&self.minimum);
        let provider = self.provider().await?;
        self.prefetch_keys(provider.clone());
        let login_hint = login_hint.map(str::trim).filter(|hint| !hint.is_empty());
        PendingSignIn::new(
            &provider,
            &self.settings,
            crate::oidc::PageOptions {
                login_hint,
                prompt,
                ui_locales: self.ui_locales.as_deref(),
                requirement: Some(&requirement),
            },
            redirect,
            self.ttl,
        )
    }

    /// The URL to open in the system browser for `pending`. Where the provider takes pushed
    /// authorization requests (RFC 9126, as Okta does), the request's parameters go to it
    /// directly and the URL carries only the Client ID and a one-time reference: the browser is
    /// started with its URL as an argument, which other local accounts can read, and state,
    /// nonce and PKCE challenge are what it would take to slip another account's code into this
    /// sign-in. Each call pushes anew (a reference lives about a minute, and is used once).
    pub async fn browser_url(&self, pending: &PendingSignIn) -> Result<Url, SignInError> {
        let provider = self.provider().await?;
        match provider
            .push_authorization_request(&self.http, pending.authorization_url())
            .await
        {
            Some(pushed) => pushed,
            None => Ok(pending.authorization_url().clone()),
        }
    }

    /// Checks a callback against a pending sign-in without consuming either: expired, another
    /// state, another issuer (RFC 9207) are refused.
    pub async fn check_callback(
        &self,
        pending: &PendingSignIn,
        callback: &SignInCallback,
    ) -> Result<(), SignInError> {
        if pending.is_expired() {
            return Err(SignInError::SignInExpired);
        }
        let state_matches = callback
            .state()
            .is_some_and(|state| constant_time_eq(state.expose(), pending.state.expose()));
        if !state_matches {
            return Err(SignInError::StateMismatch);
        }
        // Cached since the sign-in began, unless this process started from the callback.
        let provider = self.provider().await?;
        match callback.issuer() {
            Some(issuer) if issuer != provider.issuer() => Err(SignInError::CallbackIssuerMismatch),
            None if provider.sends_issuer_in_response() => Err(SignInError::CallbackIssuerMismatch),
            _ => Ok(()),
        }
    }

    /// Completes a sign-in from its callback: checks it ([`OktaSignIn::check_callback`]), then
    /// exchanges the code (one request) and verifies the ID token. The owner of the pending
    /// sign-in takes it out of its keeping first: a sign-in is completed once. Tokens Okta issued
    /// for a sign-in POINT refuses are revoked, once (a session hands them to its owed
    /// revocations instead: [`OktaSignIn::complete_or_refuse`]).
    pub async fn complete(
        &self,
        pending: &PendingSignIn,
        callback: SignInCallback,
    ) -> Result<SignedIn, SignInError> {
        match self.complete_or_refuse(pending, callback).await {
            Ok(signed_in) => Ok(signed_in),
            Err(RefusedSignIn {
                error,
                refresh_token,
            }) => {
                if let Some(refresh_token) = refresh_token {
                    if let Err(revoking) = self.revoke(&refresh_token).await {
                        tracing::warn!(code = revoking.code(), "could not revoke refused tokens");
                    }
                }
                Err(error)
            }
        }
    }

    /// [`OktaSignIn::complete`], except that the refresh token Okta issued for a sign-in POINT
    /// refuses (another person than the step-up's, a weaker or older sign-in than asked) comes
    /// back with the error, for the caller to revoke now or, offline, later.
    pub async fn complete_or_refuse(
        &self,
        pending: &PendingSignIn,
        callback: SignInCallback,
    ) -> Result<SignedIn, RefusedSignIn> {
        self.check_callback(pending, &callback).await?;
        let provider = self.provider().await?;
        let code = match callback {
            SignInCallback::Error {
                error, description, ..
            } => {
                return Err(
                    SignInError::from_authorization_error(&error, description.as_deref()).into(),
                )
            }
            SignInCallback::Code { code, .. } => code,
        };
        let mut dpop = self.key_for_new_session(&provider)?;
        let exchange = |dpop: Option<Arc<Dpop>>| {
            let provider = provider.clone();
            let code = &code;
            let verifier = &pending.verifier;
            async move {
                provider
                    .exchange_code(
                        &self.http,
                        &self.settings.client_id,
                        code,
                        verifier,
                        pending.redirect,
                        dpop.as_deref(),
                    )
                    .await
            }
        };
        let tokens = match exchange(dpop.clone()).await {
            Err(SignInError::DpopProofRefused { .. }) if dpop.is_none() => {
                // The Okta app requires DPoP though POINT was not told: prove a key and ask
                // again (Okta refuses a request without a proof before it looks at the code).
                let Some(key) = self.key_after_dpop_refusal(&provider).await? else {
                    return Err(SignInError::DpopProofRefused { description: None }.into());
                };
                dpop = Some(key);
                exchange(dpop.clone()).await?
            }
            outcome => outcome?,
        };
        let verified = self
            .verify_id_token(
                &provider,
                &tokens,
                NonceRule::Required(&pending.nonce),
                pending.subject.as_deref(),
                Some(&pending.requirement),
            )
            .await;
        let identity = match verified {
            Ok(identity) => identity,
            Err(error) => {
                // Tokens Okta issued for a sign-in POINT does not keep (another person than
                // the step-up's, a weaker or older sign-in than asked) are revoked, not left.
                let checked = matches!(
                    error,
                    SignInError::IdToken(
                        IdTokenError::WrongSubject
                            | IdTokenError::WeakerThanAsked { .. }
                            | IdTokenError::MissingAuthTime
                            | IdTokenError::AuthenticatedTooLongAgo
                    )
                );
                return Err(RefusedSignIn {
                    error,
                    refresh_token: tokens.refresh_token.filter(|_| checked),
                });
            }
        };
        Ok(SignedIn {
            dpop,
            tokens,
            identity,
            nonce: Some(pending.nonce.clone()),
        })
    }

    /// Whether this organization's sessions hold a DPoP key: DPoP is possible
    /// ([`OktaSignIn::dpop_possible`]) and the organization asks for it, or the provider
    /// refused a request without a proof.
    fn uses_dpop(&self, provider: &Provider) -> bool {
        self.dpop_possible(provider)
            && (self.settings.dpop || self.dpop_required.load(Ordering::Relaxed))
    }

    /// Whether POINT can use DPoP with this provider: a custom authorization server that takes
    /// ES256 proofs. (The org authorization server's access tokens are for Okta's own APIs: the
    /// dashboard checks them through userinfo, which would want a proof the dashboard cannot
    /// make.)
    pub fn dpop_possible(&self, provider: &Provider) -> bool {
        self.settings.issuer.kind() == ServerKind::Custom && provider.supports_dpop()
    }

    /// Whether this run learned that the Okta app requires DPoP, which these settings do not
    /// say (the provider refused a request without a proof, or newer settings said so).
    pub fn learned_dpop_requirement(&self) -> bool {
        !self.settings.dpop && self.dpop_required.load(Ordering::Relaxed)
    }

    /// From now on this organization's sessions hold a key (its settings came to say the Okta
    /// app requires DPoP).
    pub fn ask_for_dpop(&self) {
        self.dpop_required.store(true, Ordering::Relaxed);
    }

    /// After the provider refused a token request that had no proof (`invalid_dpop_proof`: the
    /// Okta app requires DPoP): from now on this organization's sessions hold a key; here is
    /// one for the request to go again. `None` where DPoP is not possible.
    pub async fn key_after_dpop_refusal(
        &self,
        provider: &Provider,
    ) -> Result<Option<Arc<Dpop>>, SignInError> {
        let rediscovered;
        let provider = if self.dpop_possible(provider) {
            provider
        } else {
            rediscovered = self.fresh_provider().await?;
            &*rediscovered
        };
        if !self.dpop_possible(provider) {
            return Ok(None);
        }
        tracing::info!(
            "the provider requires DPoP: this organization's tokens are bound to a key from now on"
        );
        self.dpop_required.store(true, Ordering::Relaxed);
        self.key_for_new_session(provider)
    }

    /// The provider, fetched again if the document held was kept from an earlier run (which
    /// may predate what the provider offers now, such as DPoP); as held otherwise.
    async fn fresh_provider(&self) -> Result<Arc<Provider>, SignInError> {
        {
            let mut cached = self.provider.lock().await;
            match cached.as_ref() {
                Some(known) if !known.kept => return Ok(known.provider.clone()),
                _ => *cached = None,
            }
        }
        self.provider().await
    }

    /// A new key for a session about to begin, when this organization uses DPoP.
    pub fn key_for_new_session(
        &self,
        provider: &Provider,
    ) -> Result<Option<Arc<Dpop>>, SignInError> {
        if !self.uses_dpop(provider) {
            return Ok(None);
        }
        let key = DpopKey::generate_under(self.key_policy, &self.key_hardware)?;
        tracing::info!(protection = ?key.protection(), "a new DPoP key");
        Ok(Some(Arc::new(Dpop::new(key))))
    }

    /// Begins a sign-in on another device (RFC 8628): the code and page to show the person.
    pub async fn begin_on_another_device(&self) -> Result<DeviceAuthorization, SignInError> {
        let provider = self.provider().await?;
        provider
            .authorize_device(&self.http, &self.settings.client_id)
            .await
    }

    /// Waits for the person to sign in on the other device, polling as the provider asked
    /// ([`Polling`]), then verifies the ID token like a browser sign-in's (without a nonce: the
    /// grant has no authorization request to carry one, so one present is refused).
    pub async fn finish_on_another_device(
        &self,
        authorization: &DeviceAuthorization,
    ) -> Result<SignedIn, SignInError> {
        let provider = self.provider().await?;
        let mut dpop = self.key_for_new_session(&provider)?;
        let mut polling = Polling::new(authorization);
        let mut wait = polling.first_wait();
        let tokens = loop {
            tokio::time::sleep(wait).await;
            let answer = provider
                .poll_device(
                    &self.http,
                    &self.settings.client_id,
                    authorization,
                    dpop.as_deref(),
                )
                .await;
            if let PollAnswer::Unusable { refresh_token, .. } = &answer {
                // Nobody will hold this session: it is revoked, not left valid at Okta.
                if let Err(error) = provider
                    .revoke_refresh_token(&self.http, &self.settings.client_id, refresh_token)
                    .await
                {
                    tracing::warn!(code = error.code(), "could not revoke an unusable sign-in");
                }
            }
            if dpop.is_none()
                && matches!(
                    answer,
                    PollAnswer::Failed(SignInError::DpopProofRefused { .. })
                )
            {
                if let Some(key) = self.key_after_dpop_refusal(&provider).await? {
                    // Ask again at once, with a proof.
                    dpop = Some(key);
                    wait = Duration::ZERO;
                    continue;
                }
            }
            match polling.after(answer, SystemTime::now()) {
                Next::PollAfter(next) => wait = next,
                Next::SignedIn(tokens) => break *tokens,
                Next::Over(error) => return Err(error),
            }
        };
        let identity = self
            // The device grant asks Okta nothing of the sign-in's strength: IT's minimum is
            // checked in its ID token all the same (a weaker one is refused).
            .verify_id_token(
                &provider,
                &tokens,
                NonceRule::AbsentOrEqual(None),
                None,
                Some(&self.minimum),
            )
            .await?;
        Ok(SignedIn {
            dpop,
            tokens,
            identity,
            nonce: None,
        })
    }

    /// Redeems a refresh token: one request. The answer's ID token is not verified here, so the
    /// caller can store a rotated refresh token before anything else can fail; then it calls
    /// [`OktaSignIn::verify_refreshed`].
    /// `dpop` is the key the refresh token is bound to, if it is.
    pub async fn redeem_refresh_token(
        &self,
        refresh_token: &RefreshToken,
        dpop: Option<&Dpop>,
    ) -> Result<TokenSet, TokenFailure> {
        let provider = self.provider().await?;
        provider
            .refresh(&self.http, &self.settings.client_id, refresh_token, dpop)
            .await
    }

    /// Verifies the ID token of a refresh's answer, when it has one: like the first one, except
    /// that it may omit the nonce, and it must name the same user (`subject`).
    pub async fn verify_refreshed(
        &self,
        tokens: &TokenSet,
        subject: &str,
        nonce: Option<&Nonce>,
    ) -> Result<Option<Identity>, SignInError> {
        if tokens.id_token.is_none() {
            return Ok(None);
        }
        let provider = self.provider().await?;
        self.verify_id_token(
            &provider,
            tokens,
            NonceRule::AbsentOrEqual(nonce),
            Some(subject),
            None,
        )
        .await
        .map(Some)
    }

    /// Whether a refresh token is still active at the provider (introspection): for a token
    /// whose last redemption got no readable answer. Spends nothing.
    pub async fn refresh_token_is_active(
        &self,
        refresh_token: &RefreshToken,
    ) -> Result<bool, SignInError> {
        let provider = self.provider().await?;
        provider
            .refresh_token_is_active(&self.http, &self.settings.client_id, refresh_token)
            .await
    }

    /// Revokes a refresh token at the provider's revocation endpoint.
    pub async fn revoke(&self, refresh_token: &RefreshToken) -> Result<(), SignInError> {
        let provider = self.provider().await?;
        provider
            .revoke_refresh_token(&self.http, &self.settings.client_id, refresh_token)
            .await
    }

    /// The end-session URL to open in the system browser, when the provider has one.
    pub async fn end_session_url(
        &self,
        id_token: &IdToken,
        state: &State,
    ) -> Result<Option<Url>, SignInError> {
        Ok(self.provider().await?.end_session_url(id_token, state))
    }

    /// Verifies the ID token in a token response; refetches the signing keys once if it was
    /// signed with an unknown key (the provider may have rotated them).
    pub async fn verify_id_token(
        &self,
        provider: &Provider,
        tokens: &TokenSet,
        nonce: NonceRule<'_>,
        subject: Option<&str>,
        requirement: Option<&AuthenticationRequirement>,
    ) -> Result<Identity, SignInError> {
        let raw = tokens
            .id_token
            .as_ref()
            .ok_or(SignInError::MissingIdToken)?
            .expose();
        let keys = self.signing_keys(provider).await?;
        let check = |now| IdTokenCheck {
            issuer: provider.issuer(),
            client_id: self.settings.client_id.as_str(),
            nonce,
            access_token: Some(tokens.access_token.expose()),
            subject,
            requirement,
            now,
        };
        match oidc::verify_id_token(raw, &keys, &check(self.http.server_now())) {
            Err(IdTokenError::UnknownSigningKey) => {
                let Some(keys) = self.refetch_keys(provider).await? else {
                    return Err(IdTokenError::UnknownSigningKey.into());
                };
                Ok(oidc::verify_id_token(
                    raw,
                    &keys,
                    &check(self.http.server_now()),
                )?)
            }
            other => Ok(other?),
        }
    }

    fn prefetch_keys(&self, provider: Arc<Provider>) {
        let keys = self.keys.clone();
        let http = self.http.clone();
        tokio::spawn(async move {
            let mut cache = keys.lock().await;
            if cache.keys.is_none() {
                match oidc::fetch_keys(&http, &provider).await {
                    Ok(fetched) => cache.keys = Some(fetched),
                    Err(error) => tracing::debug!(%error, "prefetching signing keys failed"),
                }
            }
        });
    }

    async fn signing_keys(&self, provider: &Provider) -> Result<SigningKeys, SignInError> {
        let mut cache = self.keys.lock().await;
        if let Some(keys) = cache.keys.as_ref() {
            return Ok(keys.clone());
        }
        tracing::debug!(target: "launch", "fetching the signing keys");
        let keys = oidc::fetch_keys(&self.http, provider).await?;
        cache.keys = Some(keys.clone());
        Ok(keys)
    }

    /// Refetches the keys unless that was done within the cooldown.
    async fn refetch_keys(&self, provider: &Provider) -> Result<Option<SigningKeys>, SignInError> {
        let mut cache = self.keys.lock().await;
        if cache
            .last_refetch
            .is_some_and(|at| at.elapsed() < KEY_REFETCH_COOLDOWN)
        {
            return Ok(None);
        }
        // Only a fetch that succeeded starts the cooldown: after a failed one (the provider was
        // unreachable), the next ID token may try again.
        tracing::debug!(target: "launch", "fetching the signing keys");
        let keys = oidc::fetch_keys(&self.http, provider).await?;
        cache.last_refetch = Some(Instant::now());
        cache.keys = Some(keys.clone());
        Ok(Some(keys))
    }
}
