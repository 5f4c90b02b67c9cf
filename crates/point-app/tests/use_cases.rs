//! The app's use cases, headless, on the dev stack (the Okta-shaped provider over TLS and the dev
//! dashboard): a fake system browser that plays the browser leg and hands the redirect back as
//! the OS would, a memory keychain, and IT's managed configuration given directly.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use point_app::{
    AppError, AppEvents, AppStatus, BrowserDidNotOpen, IgnoredBecause, LinkOutcome, Notice,
    PointApp, Surroundings, SystemBrowser,
};
use point_auth::SignInError;
use point_config::{AppIdentity, ManagedConfig, ManagedConfigError, Refused, Source};
use point_dev_stack::{DevStack, ProviderOptions, StackOptions};
use point_session::{MemoryKeychain, SecretStore, SessionError, SessionState};
use url::Url;

/// The system browser: records what it was asked to open; can be made to fail.
#[derive(Default)]
struct FakeBrowser {
    opened: Mutex<Vec<Url>>,
    broken: std::sync::atomic::AtomicBool,
}

impl SystemBrowser for FakeBrowser {
    fn open(&self, url: &Url) -> Result<(), BrowserDidNotOpen> {
        if self.broken.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(BrowserDidNotOpen);
        }
        self.opened.lock().unwrap().push(url.clone());
        Ok(())
    }
}

impl FakeBrowser {
    fn count(&self) -> usize {
        self.opened.lock().unwrap().len()
    }
    fn last(&self) -> Url {
        self.opened.lock().unwrap().last().cloned().expect("opened")
    }
}

/// The window: records every status and failure it is sent.
#[derive(Default)]
struct RecordedEvents {
    statuses: Mutex<Vec<AppStatus>>,
    failures: Mutex<Vec<AppError>>,
    /// How often the window was brought forward after a sign-in completed elsewhere.
    came_forward: std::sync::atomic::AtomicUsize,
}

impl AppEvents for RecordedEvents {
    fn status_changed(&self, status: &AppStatus) {
        self.statuses.lock().unwrap().push(status.clone());
    }
    fn failed(&self, error: &AppError) {
        self.failures.lock().unwrap().push(error.clone());
    }
    fn signed_in_elsewhere(&self) {
        self.came_forward
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

struct Harness {
    stack: DevStack,
    app: Arc<PointApp>,
    browser: Arc<FakeBrowser>,
    events: Arc<RecordedEvents>,
    keychain: Arc<MemoryKeychain>,
}

async fn stack() -> DevStack {
    DevStack::start(StackOptions {
        provider: ProviderOptions {
            auto_login: true,
            // A sign-in on another device polls every second, not Okta's 5.
            device_interval: Some(1),
            ..ProviderOptions::default()
        },
        state_dir: None,
    })
    .await
    .expect("dev stack starts")
}

/// A development build on `stack`, with IT's configuration `managed` and, when `configured`,
/// the dev stack's Okta settings in the environment (else POINT must find them).
async fn harness(
    managed: impl FnOnce(&DevStack) -> Option<ManagedConfig>,
    configured: bool,
) -> Harness {
    harness_reading(|stack| Ok(managed(stack)), configured).await
}

/// Like [`harness`], with IT's configuration as read (it may be unreadable).
async fn harness_reading(
    managed: impl FnOnce(&DevStack) -> Result<Option<ManagedConfig>, ManagedConfigError>,
    configured: bool,
) -> Harness {
    harness_where(managed, configured, true).await
}

/// Like [`harness_reading`]; `links_reach_app` false: no handler for `org.pointapp.point:`.
async fn harness_where(
    managed: impl FnOnce(&DevStack) -> Result<Option<ManagedConfig>, ManagedConfigError>,
    configured: bool,
    links_reach_app: bool,
) -> Harness {
    let stack = stack().await;
    let managed = managed(&stack);
    let browser = Arc::new(FakeBrowser::default());
    let events = Arc::new(RecordedEvents::default());
    let keychain = Arc::new(MemoryKeychain::default());
    let app = PointApp::new(surroundings_on(
        &stack,
        managed,
        configured,
        links_reach_app,
        (browser.clone(), events.clone(), keychain.clone()),
    ));
    app.start().await;
    app.wait_until_started().await;
    Harness {
        stack,
        app,
        browser,
        events,
        keychain,
    }
}

/// A development build's surroundings on `stack`: its folders, IT's configuration `managed`,
/// the environment (with the stack's Okta settings when `configured`), and the given fakes.
fn surroundings_on(
    stack: &DevStack,
    managed: Result<Option<ManagedConfig>, ManagedConfigError>,
    configured: bool,
    links_reach_app: bool,
    (browser, events, keychain): (Arc<FakeBrowser>, Arc<dyn AppEvents>, Arc<MemoryKeychain>),
) -> Surroundings {
    let dir = stack.state_dir.join("app");
    let mut env = vec![
        ("POINT_API_BASE", stack.api_base.to_string()),
        ("POINT_CA_FILE", stack.ca_file.display().to_string()),
    ];
    if configured {
        env.push(("POINT_OKTA_DOMAIN", stack.issuer.to_string()));
        env.push(("POINT_CLIENT_ID", stack.client_id.clone()));
    }
    Surroundings {
        app_version: "0.0.0-test".into(),
        identity: AppIdentity::DEVELOPMENT,
        config_dir: dir.join("config"),
        data_dir: dir.join("data"),
        managed: Box::new(move || managed.clone()),
        env: Box::new(move |name| env.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone())),
        keychain: Box::new(move || Ok(keychain.clone() as Arc<dyn SecretStore>)),
        browser,
        events,
        links_reach_app: Arc::new(move || links_reach_app),
        in_process_network: None,
        languages: vec!["de-DE".into()],
        key_hardware: point_auth::KeyHardware::none(),
    }
}

impl Harness {
    /// Signs alice in, through the fake browser and the link the OS would hand over.
    async fn sign_in_alice(&self) {
        self.sign_in_as("alice@example.com").await;
    }

    /// Signs in with a work email, through the fake browser and the link the OS would hand over.
    async fn sign_in_as(&self, email: &str) {
        self.app.sign_in(Some(email), false).await.unwrap();
        let callback = self.browser_leg().await;
        assert_eq!(
            self.app.receive_link(&callback).await,
            LinkOutcome::Completed
        );
    }

    /// The authorization request behind the page the app last opened (the browser's address
    /// holds only a reference to a pushed request).
    async fn last_request(&self) -> Url {
        self.stack
            .authorization_request(&self.browser.last())
            .await
            .unwrap()
    }

    /// The browser leg of the sign-in the app just opened: the redirect, as the OS hands it.
    async fn browser_leg(&self) -> Url {
        self.stack.browser_leg(&self.browser.last()).await.unwrap()
    }

    async fn state(&self) -> SessionState {
        self.app.status().await.session.state
    }

    /// What the memory keychain holds, by account.
    fn keychain_accounts(&self, candidates: &[String]) -> Vec<String> {
        candidates
            .iter()
            .filter(|a| self.keychain.read(a).unwrap().is_some())
            .cloned()
            .collect()
    }

    fn session_account(&self) -> String {
        format!(
            "{} {} 00u1alice0example0001",
            self.stack.issuer.as_str().trim_end_matches('/'),
            self.stack.client_id
        )
    }

    /// POINT launched again on this machine (same folders, keychain and settings; no IT
    /// configuration), started, its restore finished.
    async fn relaunch(&self) -> Arc<PointApp> {
        self.relaunch_configured(true).await
    }

    /// Like [`Harness::relaunch`]; `configured` false: the Okta settings are the user's (what
    /// the work-email lookup saved), not the environment's.
    async fn relaunch_configured(&self, configured: bool) -> Arc<PointApp> {
        let app = PointApp::new(surroundings_on(
            &self.stack,
            Ok(None),
            configured,
            true,
            (
                self.browser.clone(),
                Arc::new(RecordedEvents::default()),
                self.keychain.clone(),
            ),
        ));
        app.start().await;
        app.wait_until_started().await;
        app
    }

    fn pending_account(&self) -> String {
        format!(
            "pending sign-in {} {}",
            self.stack.issuer.as_str().trim_end_matches('/'),
            self.stack.client_id
        )
    }
}

fn managed_okta(stack_issuer: &Url, client_id: &str, domains: &[&str]) -> ManagedConfig {
    ManagedConfig {
        okta_domain: Some(stack_issuer.to_string()),
        client_id: Some(client_id.to_string()),
        allowed_email_domains: domains.iter().map(|d| d.to_string()).collect(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_work_email_finds_the_organization_signs_in_and_shows_the_dashboard() {
    let h = harness(|_| None, false).await;
    let status = h.app.status().await;
    assert!(status.organization.is_none() && !status.okta_settings_managed);

    h.app
        .sign_in(Some(" alice@example.com "), false)
        .await
        .unwrap();
    let opened = h.last_request().await;
    assert!(opened
        .query_pairs()
        .any(|(k, v)| k == "login_hint" && v == "alice@example.com"));
    let status = h.app.status().await;
    assert_eq!(status.organization.unwrap().source, Source::User);
    assert!(matches!(
        status.session.state,
        SessionState::SigningIn { .. }
    ));

    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Completed);
    assert!(matches!(h.state().await, SessionState::SignedIn { .. }));
    let data = h.app.dashboard().await.unwrap();
    assert_eq!(data.me.user.email, "alice@example.com");
    assert_eq!(data.me.organization.name, "Example Corp");
    h.stack.stop().await;
}

#[tokio::test]
async fn a_globex_email_signs_in_with_tokens_bound_to_a_key_the_keychain_keeps() {
    let h = harness(|_| None, false).await;
    h.sign_in_as("carol@globex.test").await;
    let data = h.app.dashboard().await.unwrap();
    assert_eq!(data.me.user.email, "carol@globex.test");
    assert_eq!(data.me.organization.name, "Globex");
    let account = format!(
        "{} {} 00u1carol0globex00003",
        h.stack.issuer.as_str().trim_end_matches('/'),
        h.stack.dpop_client_id
    );
    let entry: serde_json::Value =
        serde_json::from_str(&h.keychain.read(&account).unwrap().unwrap()).unwrap();
    assert!(
        entry["dpop_key"].is_string(),
        "the key is kept with the token"
    );
    // The dashboard said Globex requires DPoP: the first token request had a proof.
    let grants = h.stack.grant_counts().await.unwrap();
    assert_eq!(grants.get("dpop:missing_proof"), None, "{grants:?}");

    // The next launch reads the settings the lookup saved, and the key from the keychain.
    let relaunched = h.relaunch_configured(false).await;
    until(&relaunched, "signed in again", |status| {
        matches!(status.session.state, SessionState::SignedIn { .. })
    })
    .await;
    let data = relaunched.dashboard().await.unwrap();
    assert_eq!(data.me.organization.name, "Globex");
    let grants = h.stack.grant_counts().await.unwrap();
    assert_eq!(grants.get("refresh_token:success"), Some(&1), "{grants:?}");
    h.stack.stop().await;
}

#[tokio::test]
async fn an_okta_app_that_requires_dpop_is_found_out_once_and_remembered() {
    // Set up by hand: nobody told POINT that Globex's app requires DPoP.
    let h = harness(|_| None, false).await;
    h.app
        .set_up_manually(h.stack.issuer.as_str(), &h.stack.dpop_client_id)
        .await
        .unwrap();
    h.sign_in_as("carol@globex.test").await;
    assert_eq!(
        h.app.dashboard().await.unwrap().me.organization.name,
        "Globex"
    );
    let grants = h.stack.grant_counts().await.unwrap();
    assert_eq!(grants.get("dpop:missing_proof"), Some(&1), "{grants:?}");

    // Remembered: the next launch proves its key from the first request.
    let relaunched = h.relaunch_configured(false).await;
    until(&relaunched, "Globex restored", |status| {
        matches!(status.session.state, SessionState::SignedIn { .. })
    })
    .await;
    relaunched.dashboard().await.unwrap();
    let grants = h.stack.grant_counts().await.unwrap();
    assert_eq!(grants.get("dpop:missing_proof"), Some(&1), "{grants:?}");
    assert_eq!(grants.get("refresh_token:success"), Some(&1), "{grants:?}");
    h.stack.stop().await;
}

#[tokio::test]
async fn a_contractor_switches_organizations_without_signing_in_again_and_signs_out_of_one() {
    let h = harness(|_| None, false).await;
    h.sign_in_alice().await;
    h.app.dashboard().await.unwrap();
    let globex_account = format!(
        "{} {} 00u1carol0globex00003",
        h.stack.issuer.as_str().trim_end_matches('/'),
        h.stack.dpop_client_id
    );

    // Another organization, found by the work email; Example Corp stays signed in.
    h.app
        .sign_in_to_another_organization("carol@globex.test")
        .await
        .unwrap();
    assert!(
        h.last_request()
            .await
            .query_pairs()
            .any(|(k, v)| k == "prompt" && v == "login"),
        "the same Okta as Example Corp's: it asks who is signing in"
    );
    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Completed);
    let organizations = h.app.status().await.organizations;
    let names: Vec<(&str, Option<&str>, bool, bool)> = organizations
        .iter()
        .map(|o| (o.name.as_str(), o.email.as_deref(), o.current, o.signed_in))
        .collect();
    assert_eq!(
        names,
        [
            ("Globex", Some("carol@globex.test"), true, true),
            ("Example Corp", Some("alice@example.com"), false, true),
        ]
    );
    assert_eq!(
        h.app.dashboard().await.unwrap().me.organization.name,
        "Globex"
    );
    assert_eq!(
        h.keychain_accounts(&[h.session_account(), globex_account.clone()]),
        vec![h.session_account(), globex_account.clone()],
        "one session per organization"
    );

    // Back and forth, without a browser.
    let opened = h.browser.count();
    let example = organizations[1].key.clone();
    let globex = organizations[0].key.clone();
    h.app.switch_organization(&example).await.unwrap();
    until(&h.app, "Example Corp's session", |status| {
        matches!(&status.session.state, SessionState::SignedIn { profile, .. } if profile.email.as_deref() == Some("alice@example.com"))
    })
    .await;
    assert_eq!(
        h.app.dashboard().await.unwrap().me.organization.name,
        "Example Corp"
    );
    // A second click on the same organization changes nothing.
    h.app.switch_organization(&example).await.unwrap();
    assert_eq!(h.app.status().await.organizations[0].key, example);
    h.app.switch_organization(&globex).await.unwrap();
    assert_eq!(
        h.app.dashboard().await.unwrap().me.user.email,
        "carol@globex.test"
    );
    assert_eq!(h.browser.count(), opened);

    // Signing out of Globex leaves Example Corp's session alone.
    h.app.sign_out(false).await.unwrap();
    assert_eq!(
        h.keychain_accounts(&[h.session_account(), globex_account]),
        vec![h.session_account()]
    );
    let organizations = h.app.status().await.organizations;
    assert!(
        !organizations[0].signed_in && organizations[1].signed_in,
        "{organizations:?}"
    );

    // The next launch: Globex (signed out) in force; Example Corp comes back from the keychain.
    let relaunched = h.relaunch_configured(false).await;
    assert_eq!(
        relaunched.status().await.session.state,
        SessionState::SignedOut
    );
    relaunched.switch_organization(&example).await.unwrap();
    until(&relaunched, "Example Corp restored", |status| {
        matches!(status.session.state, SessionState::SignedIn { .. })
    })
    .await;
    assert_eq!(
        relaunched.dashboard().await.unwrap().me.user.email,
        "alice@example.com"
    );
    // Globex, signed out, is not kept to switch back to.
    assert_eq!(relaunched.status().await.organizations.len(), 1);
    assert_eq!(h.browser.count(), opened);
    h.stack.stop().await;
}

#[tokio::test]
async fn the_managed_lock_refuses_manual_setup_and_email_lookup() {
    // IT set the Okta settings: the UI hides both, and the core refuses both.
    let h = harness(|s| Some(managed_okta(&s.issuer, &s.client_id, &[])), false).await;
    let status = h.app.status().await;
    assert!(status.okta_settings_managed);
    assert_eq!(status.organization.unwrap().source, Source::Managed);
    assert_eq!(
        h.app
            .set_up_manually("other.okta.com", "0oaOther")
            .await
            .unwrap_err(),
        AppError::Refused(Refused::ManagedOktaSettings)
    );
    // Pinned to IT's organization: no other can be added or switched to.
    assert_eq!(
        h.app
            .sign_in_to_another_organization("carol@globex.test")
            .await
            .unwrap_err(),
        AppError::Refused(Refused::ManagedOktaSettings)
    );
    assert_eq!(
        h.app
            .switch_organization("0123456789abcdef")
            .await
            .unwrap_err(),
        AppError::Refused(Refused::ManagedOktaSettings)
    );
    let organizations = h.app.status().await.organizations;
    assert!(
        organizations.len() == 1 && organizations[0].current,
        "{organizations:?}"
    );

    // IT set only part of them (a domain without a Client ID): still locked, and POINT does
    // not ask the dashboard which Okta an email uses.
    let partial = ManagedConfig {
        okta_domain: Some("corp.okta.com".into()),
        ..Default::default()
    };
    h.stack.stop().await;
    let h = harness(|_| Some(partial), false).await;
    let before = h.stack.api_request_count().await.unwrap();
    assert_eq!(
        h.app
            .sign_in(Some("alice@example.com"), false)
            .await
            .unwrap_err(),
        AppError::Refused(Refused::ManagedOktaSettings)
    );
    assert_eq!(h.stack.api_request_count().await.unwrap(), before);
    assert_eq!(h.browser.count(), 0);
    assert!(h.app.status().await.okta_settings_managed);
    h.stack.stop().await;
}

#[tokio::test]
async fn a_typed_email_outside_the_allowed_domains_is_refused_before_the_browser() {
    let h = harness(
        |s| Some(managed_okta(&s.issuer, &s.client_id, &["example.com"])),
        false,
    )
    .await;
    assert_eq!(
        h.app.status().await.allowed_email_domains,
        vec!["example.com".to_string()]
    );
    let error = h
        .app
        .sign_in(Some("mallory@elsewhere.org"), false)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, AppError::Refused(Refused::EmailDomain { allowed }) if allowed == "example.com"),
        "{error:?}"
    );
    assert_eq!(h.browser.count(), 0, "the browser never opened");
    assert_eq!(h.state().await, SessionState::SignedOut);
    h.stack.stop().await;
}

#[tokio::test]
async fn a_verified_email_outside_the_allowed_domains_ends_the_session_and_revokes() {
    let h = harness(
        |s| Some(managed_okta(&s.issuer, &s.client_id, &["corp.example"])),
        false,
    )
    .await;
    // Nothing typed (a person can type anything): the ID token's email is what counts.
    h.app.sign_in(None, false).await.unwrap();
    let before = h.stack.provider_stats().await.unwrap();
    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Failed);
    assert_eq!(
        h.events.failures.lock().unwrap().last(),
        Some(&AppError::Session(SessionError::EmailNotAllowed))
    );
    assert_eq!(
        h.app.take_undelivered_error(),
        Some(AppError::Session(SessionError::EmailNotAllowed))
    );
    assert_eq!(h.state().await, SessionState::SignedOut);
    assert!(
        h.keychain_accounts(&[h.session_account(), h.pending_account()])
            .is_empty(),
        "nothing kept"
    );
    let after = h.stack.provider_stats().await.unwrap();
    let revocations = |stats: &point_dev_stack::ProviderStats| -> u64 {
        stats
            .requests
            .iter()
            .filter(|(k, _)| k.starts_with("POST") && k.contains("revoke"))
            .map(|(_, n)| *n)
            .sum()
    };
    assert_eq!(revocations(&after) - revocations(&before), 1, "revoked");
    h.stack.stop().await;
}

#[tokio::test]
async fn a_forged_callback_during_a_sign_in_leaves_it_pending_and_the_window_unchanged() {
    let h = harness(|_| None, true).await;
    h.app
        .sign_in(Some("alice@example.com"), false)
        .await
        .unwrap();
    let callback = h.browser_leg().await;
    let waiting = h.app.status().await;
    assert!(matches!(
        waiting.session.state,
        SessionState::SigningIn { .. }
    ));

    let forged_state = Url::parse(&callback.as_str().replace("state=", "state=forged")).unwrap();
    let other_issuer = {
        let mut url = callback.clone();
        let pairs: Vec<(String, String)> = callback
            .query_pairs()
            .into_owned()
            .filter(|(k, _)| k != "iss")
            .chain([("iss".to_string(), "https://evil.example".to_string())])
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
        url
    };
    let unreadable = Url::parse("org.pointapp.point:/login?state=only").unwrap();
    for (link, because) in [
        (forged_state, IgnoredBecause::NotThisSignIn),
        (other_issuer, IgnoredBecause::OtherProvider),
        (unreadable, IgnoredBecause::Unreadable),
    ] {
        assert_eq!(h.app.receive_link(&link).await, LinkOutcome::Ignored);
        let now = h.app.status().await;
        assert_eq!(now.session, waiting.session, "the sign-in is still waiting");
        assert_eq!(now.notice, Some(Notice::IgnoredSignInLink(because)));
        assert!(
            h.events.failures.lock().unwrap().is_empty(),
            "no error screen"
        );
        assert_eq!(h.app.take_undelivered_error(), None);
    }
    assert_eq!(
        h.keychain_accounts(&[h.pending_account()]).len(),
        1,
        "still in the keychain"
    );

    // The genuine answer still signs in, and the notice goes.
    let before = h.events.statuses.lock().unwrap().len();
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Completed);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let statuses = h.events.statuses.lock().unwrap()[before..].to_vec();
    assert_eq!(
        statuses.len(),
        1,
        "one status event per change: {statuses:#?}"
    );
    assert!(matches!(
        statuses[0].session.state,
        SessionState::SignedIn { .. }
    ));
    assert_eq!(statuses[0].notice, None);
    assert!(h.keychain_accounts(&[h.pending_account()]).is_empty());
    assert_eq!(h.keychain_accounts(&[h.session_account()]).len(), 1);

    // A stray link after that (no sign-in in progress) is a notice too, and changes nothing.
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Ignored);
    let now = h.app.status().await;
    assert!(matches!(now.session.state, SessionState::SignedIn { .. }));
    assert_eq!(
        now.notice,
        Some(Notice::IgnoredSignInLink(
            IgnoredBecause::NoSignInInProgress
        ))
    );
    h.stack.stop().await;
}

#[tokio::test]
async fn a_browser_that_does_not_start_never_carries_the_url() {
    let h = harness(|_| None, true).await;
    h.sign_in_alice().await;
    h.browser
        .broken
        .store(true, std::sync::atomic::Ordering::Relaxed);
    // Sign-out's end-session URL carries the ID token as id_token_hint.
    let error = h.app.sign_out(true).await.unwrap_err();
    assert_eq!(error, AppError::BrowserDidNotOpen);
    let printed = format!("{error:?} {error}");
    assert!(
        !printed.contains("http") && !printed.contains("eyJ"),
        "{printed}"
    );
    assert_eq!(
        h.state().await,
        SessionState::SignedOut,
        "signed out anyway"
    );
    h.stack.stop().await;
}

#[tokio::test]
async fn a_sign_in_link_with_no_organization_is_only_a_notice() {
    let h = harness(|_| None, false).await;
    let stray = Url::parse("org.pointapp.point:/login?code=stray&state=stray").unwrap();
    assert_eq!(h.app.receive_link(&stray).await, LinkOutcome::Ignored);
    assert_eq!(
        h.app.status().await.notice,
        Some(Notice::IgnoredSignInLink(
            IgnoredBecause::NoSignInInProgress
        ))
    );
    assert!(h.events.failures.lock().unwrap().is_empty());
    h.app.dismiss_notice().await;
    assert_eq!(h.app.status().await.notice, None);
    assert_eq!(
        h.app.cancel_sign_in().await.unwrap_err(),
        AppError::NotConfigured
    );
    h.stack.stop().await;
    // The unassigned user: their sign-in's own answer is an error, not a notice.
    let h = harness(|_| None, true).await;
    h.app.sign_in(Some("bob@example.com"), false).await.unwrap();
    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Failed);
    assert_eq!(
        h.app.take_undelivered_error(),
        Some(AppError::Session(SessionError::SignIn(
            SignInError::NotAssigned
        )))
    );
    h.stack.stop().await;
}

#[tokio::test]
async fn a_launch_that_restores_the_session_fetches_the_dashboard_before_the_window_asks() {
    let h = harness(|_| None, true).await;
    h.sign_in_alice().await;
    let before = h.stack.api_request_count().await.unwrap();

    let app = h.relaunch().await;
    assert!(matches!(
        app.status().await.session.state,
        SessionState::SignedIn { .. }
    ));
    // The person and the figures are fetched with nobody asking...
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while h.stack.api_request_count().await.unwrap() < before + 2 {
        assert!(std::time::Instant::now() < deadline, "no prefetch");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    // ...and the window's first ask is answered with them, with no request of its own.
    let first = app.dashboard().await.unwrap();
    assert_eq!(first.me.user.email, "alice@example.com");
    assert_eq!((first.as_of, first.stale), (None, None));
    assert_eq!(h.stack.api_request_count().await.unwrap(), before + 2);
    // Only the first: "Refresh" asks the dashboard again.
    app.dashboard().await.unwrap();
    assert_eq!(h.stack.api_request_count().await.unwrap(), before + 4);
    h.stack.stop().await;
}

#[tokio::test]
async fn where_links_cannot_reach_point_the_answer_comes_to_127_0_0_1() {
    let h = harness_where(|_| Ok(None), true, false).await;
    h.app
        .sign_in(Some("alice@example.com"), false)
        .await
        .unwrap();
    let opened = h.last_request().await;
    let redirect = opened
        .query_pairs()
        .find(|(k, _)| k == "redirect_uri")
        .map(|(_, v)| v.into_owned())
        .expect("a redirect_uri");
    assert!(
        redirect.starts_with("http://127.0.0.1:") && redirect.ends_with("/login"),
        "{redirect}"
    );
    // The browser is sent to the listener, which answers it and completes the sign-in.
    let delivered = h.browser_leg().await;
    assert_eq!(delivered.scheme(), "http");
    until(&h.app, "signed in", |s| {
        matches!(s.session.state, SessionState::SignedIn { .. })
    })
    .await;
    assert_eq!(
        h.keychain_accounts(&[h.session_account(), h.pending_account()]),
        vec![h.session_account()],
        "the session is kept; a loopback sign-in is never stored as pending"
    );
    // The window comes forward over the browser, once.
    let came_forward = || {
        h.events
            .came_forward
            .load(std::sync::atomic::Ordering::SeqCst)
    };
    for _ in 0..100 {
        if came_forward() > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(came_forward(), 1);
    h.app.dashboard().await.unwrap();
    // The listener is gone: its port answers nobody.
    let port = url::Url::parse(&redirect).unwrap().port().unwrap();
    assert!(tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err());

    // A step-up here comes back to 127.0.0.1 too, as strongly as asked.
    h.stack
        .figures_demand(Some("urn:okta:loa:2fa:any"))
        .await
        .unwrap();
    assert!(h.app.dashboard().await.is_err());
    h.app.step_up().await.unwrap();
    let opened = h.last_request().await;
    let asked = |name: &str| {
        opened
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    assert!(asked("redirect_uri").is_some_and(|r| r.starts_with("http://127.0.0.1:")));
    assert_eq!(asked("acr_values").as_deref(), Some("urn:okta:loa:2fa:any"));
    assert_eq!(h.browser_leg().await.scheme(), "http");
    until(&h.app, "signed in again", |s| {
        matches!(s.session.state, SessionState::SignedIn { .. })
    })
    .await;
    h.app
        .dashboard()
        .await
        .expect("the figures, after the step-up");
    h.stack.stop().await;
}

/// Starts a sign-in on another device; returns it running and the page the person opens.
async fn sign_in_on_another_device(
    h: &Harness,
) -> (
    tokio::task::JoinHandle<Result<point_session::Profile, point_app::AppError>>,
    String,
    Url,
) {
    let (shown, code) = tokio::sync::oneshot::channel();
    let app = h.app.clone();
    let signing_in = tokio::spawn(async move {
        app.sign_in_on_another_device(move |authorization| {
            let _ = shown.send((
                authorization.user_code.clone(),
                authorization.verification_uri.clone(),
                authorization.verification_uri_complete.clone(),
            ));
        })
        .await
    });
    let (user_code, page, complete) = code.await.expect("the code is shown");
    assert!(page.as_str().ends_with("/activate"), "{page}");
    (
        signing_in,
        user_code,
        complete.expect("a page with the code in it"),
    )
}

#[tokio::test]
async fn a_sign_in_on_another_device_is_kept_like_a_browser_sign_in() {
    let h = harness(|_| None, true).await;
    let (signing_in, user_code, page) = sign_in_on_another_device(&h).await;
    let last = h.stack.device_leg(&page, true).await.unwrap();
    assert!(last.contains("Device activated"), "{last}");
    let profile = signing_in.await.unwrap().unwrap();
    assert_eq!(profile.email.as_deref(), Some("alice@example.com"));
    assert_eq!(user_code.len(), 9, "Okta's XXXX-XXXX: {user_code}");

    // Kept exactly as after a browser sign-in: the keychain, the state, the dashboard, a relaunch.
    assert_eq!(
        h.keychain_accounts(&[h.session_account()]),
        vec![h.session_account()]
    );
    assert!(matches!(h.state().await, SessionState::SignedIn { .. }));
    h.app.dashboard().await.unwrap();
    let relaunched = h.relaunch().await;
    assert!(matches!(
        relaunched.status().await.session.state,
        SessionState::SignedIn { .. }
    ));
    // POINT polled at the interval the provider asked: never told to slow down; no browser.
    let grants = h.stack.grant_counts().await.unwrap();
    let device = point_auth::DEVICE_CODE_GRANT;
    assert_eq!(
        grants.get(&format!("{device}:slow_down")),
        None,
        "{grants:?}"
    );
    assert_eq!(
        grants.get(&format!("{device}:success")),
        Some(&1),
        "{grants:?}"
    );
    assert_eq!(h.browser.count(), 0);
    h.stack.stop().await;
}

#[tokio::test]
async fn a_sign_in_declined_on_the_other_device_keeps_nothing() {
    let h = harness(|_| None, true).await;
    let (signing_in, _, page) = sign_in_on_another_device(&h).await;
    h.stack.device_leg(&page, false).await.unwrap();
    let refused = signing_in.await.unwrap().unwrap_err();
    assert!(
        format!("{refused:?}").contains("DeviceSignInDenied"),
        "{refused:?}"
    );
    assert!(h.keychain_accounts(&[h.session_account()]).is_empty());
    assert!(matches!(h.state().await, SessionState::SignedOut));
    h.stack.stop().await;
}

/// Waits until `check` holds for the app's status (10 s at most).
async fn until(app: &PointApp, what: &str, check: impl Fn(&point_app::AppStatus) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if check(&app.status().await) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_window_shows_the_code_until_the_person_signs_in_on_the_other_device() {
    let h = harness(|_| None, true).await;
    h.app.begin_sign_in_on_another_device().await.unwrap();
    let shown = h
        .app
        .status()
        .await
        .device_sign_in
        .expect("the code and page");
    let page = shown
        .verification_uri_complete
        .expect("the page with the code");
    h.stack.device_leg(&page, true).await.unwrap();
    until(&h.app, "signed in", |s| {
        matches!(s.session.state, SessionState::SignedIn { .. }) && s.device_sign_in.is_none()
    })
    .await;
    assert_eq!(
        h.keychain_accounts(&[h.session_account()]),
        vec![h.session_account()]
    );
    h.stack.stop().await;
}

#[tokio::test]
async fn a_cancelled_sign_in_on_another_device_keeps_nothing_even_if_the_person_confirms() {
    let h = harness(|_| None, true).await;
    h.app.begin_sign_in_on_another_device().await.unwrap();
    let page = h
        .app
        .status()
        .await
        .device_sign_in
        .and_then(|shown| shown.verification_uri_complete)
        .expect("the page with the code");
    h.app.cancel_sign_in_on_another_device().await;
    assert!(h.app.status().await.device_sign_in.is_none());
    h.stack.device_leg(&page, true).await.unwrap();
    // Three polling intervals later, nobody is signed in and nothing is kept.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert!(matches!(h.state().await, SessionState::SignedOut));
    assert!(h.keychain_accounts(&[h.session_account()]).is_empty());
    let grants = h.stack.grant_counts().await.unwrap();
    let device = point_auth::DEVICE_CODE_GRANT;
    assert_eq!(grants.get(&format!("{device}:success")), None, "{grants:?}");
    h.stack.stop().await;
}

#[tokio::test]
async fn offline_or_during_an_outage_the_kept_dashboard_is_shown_as_of_its_time() {
    let h = harness(|_| None, true).await;
    h.sign_in_alice().await;
    let fresh = h.app.dashboard().await.unwrap();
    assert_eq!((fresh.as_of, fresh.stale), (None, None));

    // The dashboard API fails (Okta answers): the kept one, said to be the dashboard's outage.
    h.stack.fail_next_api_requests(503, 20).await.unwrap();
    let kept = h.app.dashboard().await.unwrap();
    assert_eq!(kept.stale, Some(point_app::Staleness::DashboardUnavailable));
    let as_of = kept.as_of.expect("a time");
    assert!(as_of <= std::time::SystemTime::now());
    assert_eq!(kept.dashboard.metrics, fresh.dashboard.metrics);

    // Signed out: nothing is kept for the next person.
    let data = h.stack.state_dir.join("app/data");
    assert_eq!(
        kept_dashboards(&data).len(),
        1,
        "kept in the organization's folder"
    );
    h.app.sign_out(false).await.unwrap();
    assert_eq!(
        h.browser.count(),
        1,
        "no end-session page when not asked for"
    );
    assert_eq!(kept_dashboards(&data), Vec::<std::path::PathBuf>::new());
    h.stack.stop().await;
}

/// Every kept dashboard under `dir` (each organization keeps its own in its folder).
fn kept_dashboards(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(kept_dashboards(&path));
        } else if path
            .file_name()
            .is_some_and(|name| name == "dashboard.json")
        {
            found.push(path);
        }
    }
    found
}

#[tokio::test]
async fn sign_in_as_someone_else_asks_okta_for_credentials_again() {
    let h = harness(|_| None, true).await;
    h.app.sign_in(Some("bob@example.com"), false).await.unwrap();
    assert!(!h
        .last_request()
        .await
        .query_pairs()
        .any(|(k, _)| k == "prompt"));
    h.app.sign_in(None, true).await.unwrap();
    let url = h.last_request().await;
    assert!(
        url.query_pairs()
            .any(|(k, v)| k == "prompt" && v == "login"),
        "{url}"
    );
    assert!(!url.query_pairs().any(|(k, _)| k == "login_hint"));
    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Completed);
    // Okta still grants offline_access with prompt=login: the session is kept.
    assert_eq!(
        h.keychain_accounts(&[h.session_account()]),
        vec![h.session_account()]
    );
    h.stack.stop().await;
}

#[tokio::test]
async fn it_can_decide_whether_sign_out_ends_the_okta_session() {
    let h = harness(
        |_| {
            Some(ManagedConfig {
                okta_sign_out: Some(point_config::OktaSignOut::Always),
                ..Default::default()
            })
        },
        true,
    )
    .await;
    h.sign_in_alice().await;
    // The person asked not to; IT's policy says always: Okta's end-session page opens.
    h.app.sign_out(false).await.unwrap();
    let last = h.browser.last();
    assert!(last.path().ends_with("/logout"), "{last}");
    assert_eq!(
        h.app.status().await.okta_sign_out,
        point_config::OktaSignOut::Always
    );
    h.stack.stop().await;
}

#[tokio::test]
async fn the_support_bundle_holds_what_support_needs_and_no_token() {
    let h = harness(|_| None, true).await;
    h.sign_in_alice().await;
    let (path, contact) = h.app.write_support_bundle().await.unwrap();
    let bundle = std::fs::read_to_string(&path).unwrap();
    // Written in the language the app speaks (the harness's person reads German).
    use point_i18n::Message;
    let say = |message: Message| point_i18n::catalog("de").say(&message);
    for part in [
        say(Message::new("bundle-title")),
        say(Message::new("bundle-app-development").with("version", "0.0.0-test")),
        say(Message::new("config-okta-issuer")
            .with("issuer", h.stack.issuer.as_str().trim_end_matches('/'))
            .with("source", point_config::Source::Environment.message())),
        say(Message::new("bundle-session")
            .with("state", say(Message::new("bundle-state-signed-in")))),
        format!("== {}", say(Message::new("bundle-doctor"))),
        format!("== {}", say(Message::new("bundle-log").with("lines", 200))),
    ] {
        assert!(bundle.contains(&part), "no {part:?} in:\n{bundle}");
    }
    assert!(!bundle.contains("eyJ"), "a JWT in the bundle");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the bundle is its owner's only");
    }
    assert_eq!(contact.email, point_app::DEFAULT_SUPPORT_EMAIL);
    std::fs::remove_file(path).unwrap();
    h.stack.stop().await;
}

#[tokio::test]
async fn an_unreadable_it_configuration_fails_closed() {
    // IT's file exists but cannot be read (a typo, an unknown key): POINT does not guess what
    // IT locked or allowed. The user's own settings (here: the environment) are not used either.
    let h = harness_reading(
        |_| {
            Err(ManagedConfigError {
                origin: "/etc/point/config.toml".into(),
                reason: "unknown field `okta_domian`".into(),
            })
        },
        true,
    )
    .await;
    let status = h.app.status().await;
    assert!(status.okta_settings_managed, "manual setup hidden");
    assert!(status.organization.is_none(), "no organization built");
    assert!(status
        .settings_problem
        .is_some_and(|p| p.english().contains("okta_domian")));
    assert!(matches!(
        h.app.sign_in(Some("alice@example.com"), false).await,
        Err(AppError::SettingsUnusable(_))
    ));
    assert_eq!(
        h.app
            .set_up_manually("company.okta.com", "0oa1")
            .await
            .unwrap_err(),
        AppError::Refused(Refused::ManagedOktaSettings)
    );
    assert_eq!(h.browser.count(), 0);
    h.stack.stop().await;
}

#[tokio::test]
async fn an_email_lookup_never_goes_around_its_proxy() {
    // IT set a proxy POINT cannot use (and no Okta settings): the dashboard is not asked, not
    // even directly, which would go around IT's proxy.
    let h = harness(
        |_| {
            Some(ManagedConfig {
                proxy: Some("socks5://proxy.corp.example:1080".into()),
                ..Default::default()
            })
        },
        false,
    )
    .await;
    let before = h.stack.api_request_count().await.unwrap();
    assert!(matches!(
        h.app.sign_in(Some("alice@example.com"), false).await,
        Err(AppError::SettingsUnusable(_))
    ));
    assert_eq!(h.stack.api_request_count().await.unwrap(), before);
    assert_eq!(h.browser.count(), 0);
    h.stack.stop().await;
}

#[tokio::test]
async fn the_dashboard_s_step_up_signs_alice_in_again_with_two_factors_on_the_provider() {
    let h = harness(|_| None, false).await;
    h.app
        .sign_in(Some("alice@example.com"), false)
        .await
        .unwrap();
    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Completed);
    assert!(h.app.dashboard().await.is_ok());

    // The figures now demand two factors: the dashboard says so (RFC 9470), no refresh helps.
    h.stack
        .figures_demand(Some("urn:okta:loa:2fa:any"))
        .await
        .unwrap();
    let asked = match h.app.dashboard().await {
        Err(AppError::Dashboard(point_dashboard::DashboardError::StepUpRequired(asked))) => asked,
        other => panic!("expected a step-up, got {other:?}"),
    };
    assert_eq!(asked.acr_values, ["urn:okta:loa:2fa:any"]);

    // The step-up: the provider asks the second factor, and its tokens carry the class.
    h.app.step_up().await.unwrap();
    let request = h.last_request().await;
    let asked_of_okta = |name: &str| {
        request
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    assert_eq!(
        asked_of_okta("acr_values").as_deref(),
        Some("urn:okta:loa:2fa:any")
    );
    assert_eq!(
        asked_of_okta("login_hint").as_deref(),
        Some("alice@example.com")
    );
    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Completed);
    let data = h
        .app
        .dashboard()
        .await
        .expect("the figures, after the step-up");
    assert_eq!(data.me.user.email, "alice@example.com");

    // A class the provider cannot meet: Okta's refusal, with the admin's step; alice's session
    // (and its figures) go on.
    h.stack.figures_demand(Some("phr")).await.unwrap();
    assert!(h.app.dashboard().await.is_err());
    h.app.step_up().await.unwrap();
    let callback = h.browser_leg().await;
    assert_eq!(h.app.receive_link(&callback).await, LinkOutcome::Failed);
    let failed = h.events.failures.lock().unwrap().last().cloned();
    assert!(
        matches!(
            failed,
            Some(AppError::Session(point_session::SessionError::SignIn(
                point_auth::SignInError::UnmetAuthenticationRequirements { .. }
            )))
        ),
        "{failed:?}"
    );
    assert!(matches!(h.state().await, SessionState::SignedIn { .. }));
    h.stack.stop().await;
}
