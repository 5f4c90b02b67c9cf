//! The use cases' rules, fast: `PointApp` on the in-process Okta and dashboard of
//! `point-fake-okta` (no Node, no socket, no keyring, no window), with a fake system browser and
//! a memory keychain. The organization lifecycle, one sign-in at a time, cancels at any moment,
//! owed revocations. The same use cases on the real parts: `use_cases.rs` and `scripts/e2e`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use point_app::{
    AppError, AppEvents, AppStatus, BrowserDidNotOpen, LinkOutcome, Notice, PointApp, Staleness,
    Surroundings, SystemBrowser,
};
use point_config::{AppIdentity, ManagedConfig, Refused};
use point_fake_okta::{Endpoint, FakeOkta, Fault, Gate, DASHBOARD};
use point_session::{MemoryKeychain, SecretStore, SessionState};
use url::Url;

/// The system browser: loads each page it is asked to open (a pushed request's reference is
/// used at once, as a browser does) and keeps the page it got.
struct FakeBrowser {
    okta: Arc<FakeOkta>,
    opened: Mutex<Vec<Url>>,
}

impl SystemBrowser for FakeBrowser {
    fn open(&self, url: &Url) -> Result<(), BrowserDidNotOpen> {
        self.opened.lock().unwrap().push(self.okta.load(url));
        Ok(())
    }
}

#[derive(Default)]
struct Window {
    failures: Mutex<Vec<AppError>>,
}

impl AppEvents for Window {
    fn status_changed(&self, _: &AppStatus) {}
    fn failed(&self, error: &AppError) {
        self.failures.lock().unwrap().push(error.clone());
    }
}

/// One machine (folders, keychain, browser) on the fake Okta, and POINT on it.
struct Machine {
    okta: Arc<FakeOkta>,
    dir: std::path::PathBuf,
    keychain: Arc<MemoryKeychain>,
    browser: Arc<FakeBrowser>,
    window: Arc<Window>,
    managed: Option<ManagedConfig>,
    app: Arc<PointApp>,
}

/// What a launch of POINT finds on a machine.
struct MachineParts {
    okta: Arc<FakeOkta>,
    dir: std::path::PathBuf,
    keychain: Arc<MemoryKeychain>,
    browser: Arc<FakeBrowser>,
    window: Arc<Window>,
    managed: Option<ManagedConfig>,
}

fn new_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("point-app-fast-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

impl Machine {
    /// A development build with no Okta settings: it finds the organization by work email.
    async fn new() -> Self {
        Self::managed_by_it(None).await
    }

    /// A machine whose IT wrote `toml` (Linux's managed configuration) for POINT;
    /// `{example}` stands for Example Corp's Okta settings.
    async fn managed_by_it(toml: Option<&str>) -> Self {
        let okta = FakeOkta::new();
        let example = okta.example();
        let managed = toml.map(|toml| {
            let toml = toml.replace(
                "{example}",
                &format!(
                    "okta_domain = \"{}\"\nclient_id = \"{}\"",
                    example.issuer, example.client_id
                ),
            );
            ManagedConfig::from_toml(&toml, "/etc/point/config.toml").expect("IT's file")
        });
        let dir = new_dir();
        let keychain = Arc::new(MemoryKeychain::default());
        let browser = Arc::new(FakeBrowser {
            okta: okta.clone(),
            opened: Mutex::default(),
        });
        let window = Arc::new(Window::default());
        let machine = MachineParts {
            okta: okta.clone(),
            dir: dir.clone(),
            keychain: keychain.clone(),
            browser: browser.clone(),
            window: window.clone(),
            managed,
        };
        let app = launch(&machine).await;
        Self {
            okta,
            dir,
            keychain,
            browser,
            window,
            managed: machine.managed,
            app,
        }
    }

    /// POINT launched again on this machine, its restore finished.
    async fn relaunch(&self) -> Arc<PointApp> {
        self.relaunch_under(self.managed.clone()).await
    }

    /// Like [`Machine::relaunch`], with IT's configuration now `managed`.
    async fn relaunch_under(&self, managed: Option<ManagedConfig>) -> Arc<PointApp> {
        launch(&MachineParts {
            okta: self.okta.clone(),
            dir: self.dir.clone(),
            keychain: self.keychain.clone(),
            browser: self.browser.clone(),
            window: self.window.clone(),
            managed,
        })
        .await
    }

    /// POINT launched again, its stored session shown as being restored: the moment before the
    /// launch's refresh answers.
    async fn relaunch_still_restoring(&self) -> Arc<PointApp> {
        let app = set_up(&MachineParts {
            okta: self.okta.clone(),
            dir: self.dir.clone(),
            keychain: self.keychain.clone(),
            browser: self.browser.clone(),
            window: self.window.clone(),
            managed: self.managed.clone(),
        });
        app.set_up_without_restoring().await;
        app
    }

    fn pages_opened(&self) -> usize {
        self.browser.opened.lock().unwrap().len()
    }

    fn token_requests(&self) -> usize {
        self.okta.count(Endpoint::Token)
    }

    /// The page the app last opened in the browser.
    fn last_page(&self) -> Url {
        self.browser.opened.lock().unwrap().last().cloned().unwrap()
    }

    /// `login` signs in at the page the app opened; the OS hands the redirect back.
    async fn browser_signs_in(&self, login: &str) -> LinkOutcome {
        let back = self.okta.approve(&self.last_page(), login);
        self.app.receive_link(&back).await
    }

    /// "Add an organization" with `email`, and that person signs in at the page.
    async fn add_organization(&self, email: &str) {
        self.app
            .sign_in_to_another_organization(email)
            .await
            .unwrap();
        assert_eq!(self.browser_signs_in(email).await, LinkOutcome::Completed);
    }

    async fn sign_in(&self, email: &str) {
        self.app.sign_in(Some(email), false).await.unwrap();
        assert_eq!(self.browser_signs_in(email).await, LinkOutcome::Completed);
    }

    async fn state(&self) -> SessionState {
        self.app.status().await.session.state
    }

    async fn signed_in_email(&self) -> Option<String> {
        match self.state().await {
            SessionState::SignedIn { profile, .. } => profile.email,
            _ => None,
        }
    }

    /// The session entries in the keychain for Example Corp's people.
    fn session_entries(&self) -> Vec<&'static str> {
        let example = self.okta.example();
        [("alice", "00u1alice"), ("bob", "00u2bob")]
            .into_iter()
            .filter(|(_, subject)| {
                let account = format!("{} {} {subject}", example.issuer, example.client_id);
                self.keychain.read(&account).unwrap().is_some()
            })
            .map(|(name, _)| name)
            .collect()
    }
}

async fn launch(machine: &MachineParts) -> Arc<PointApp> {
    let app = set_up(machine);
    app.start().await;
    app.wait_until_started().await;
    app
}

/// POINT on `machine`, its use cases not started.
fn set_up(machine: &MachineParts) -> Arc<PointApp> {
    let MachineParts {
        okta,
        dir,
        keychain,
        browser,
        window,
        managed,
    } = machine;
    let keychain = keychain.clone();
    let managed = managed.clone();
    let env = [("POINT_API_BASE", DASHBOARD.to_string())];
    PointApp::new(Surroundings {
        app_version: "0.0.0-test".into(),
        identity: AppIdentity::DEVELOPMENT,
        config_dir: dir.join("config"),
        data_dir: dir.join("data"),
        managed: Box::new(move || Ok(managed.clone())),
        env: Box::new(move |name| env.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone())),
        keychain: Box::new(move || Ok(keychain.clone() as Arc<dyn SecretStore>)),
        browser: browser.clone(),
        events: window.clone(),
        links_reach_app: Arc::new(|| true),
        in_process_network: Some(okta.clone()),
        languages: vec!["de-DE".into()],
        key_hardware: point_auth::KeyHardware::none(),
    })
}

/// Waits (on the paused clock: instantly, unless it never happens) until `check` holds.
async fn eventually(what: &str, check: impl Fn() -> bool) {
    for _ in 0..600 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never happened: {what}");
}

#[tokio::test(start_paused = true)]
async fn signing_in_again_as_another_person_replaces_the_session_in_force() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;

    // "Add an organization" with an email of the organization in force: the same session,
    // Okta asks who signs in, and bob does.
    machine
        .app
        .sign_in_to_another_organization("bob@example.com")
        .await
        .unwrap();
    assert!(machine.last_page().as_str().contains("prompt=login"));
    assert_eq!(
        machine.browser_signs_in("bob@example.com").await,
        LinkOutcome::Completed
    );

    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("bob@example.com")
    );
    assert_eq!(machine.session_entries(), ["bob"], "alice's entry is gone");
    let okta = machine.okta.clone();
    eventually("alice's refresh token is revoked", || {
        okta.active_refresh_tokens("alice@example.com") == 0
    })
    .await;
    assert_eq!(okta.active_refresh_tokens("bob@example.com"), 1);
    // And the next launch is bob's.
    let relaunched = machine.relaunch().await;
    assert!(matches!(
        relaunched.status().await.session.state,
        SessionState::SignedIn { profile, .. } if profile.email.as_deref() == Some("bob@example.com")
    ));
}

#[tokio::test(start_paused = true)]
async fn a_cancelled_sign_in_as_someone_else_leaves_the_session_in_force_as_it_was() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    machine
        .app
        .sign_in_to_another_organization("bob@example.com")
        .await
        .unwrap();
    assert!(matches!(
        machine.state().await,
        SessionState::SigningIn { .. }
    ));

    machine.app.cancel_sign_in().await.unwrap();

    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("alice@example.com"),
        "the window shows alice again, not Welcome"
    );
    assert_eq!(machine.session_entries(), ["alice"]);
    assert_eq!(machine.okta.active_refresh_tokens("alice@example.com"), 1);
    assert!(machine.app.dashboard().await.is_ok(), "her session works");
}

#[tokio::test(start_paused = true)]
async fn a_sign_in_cancelled_while_its_code_is_exchanged_never_becomes_a_session() {
    let machine = Machine::new().await;
    machine
        .app
        .sign_in(Some("alice@example.com"), false)
        .await
        .unwrap();
    let gate = Gate::new();
    machine
        .okta
        .fail_next(Endpoint::Token, Fault::Hold(gate.clone()));
    let back = machine
        .okta
        .approve(&machine.last_page(), "alice@example.com");
    let app = machine.app.clone();
    let completing = tokio::spawn(async move { app.receive_link(&back).await });

    gate.arrived().await;
    machine.app.cancel_sign_in().await.unwrap();
    gate.open();

    assert_eq!(completing.await.unwrap(), LinkOutcome::Ignored);
    assert_eq!(machine.state().await, SessionState::SignedOut);
    assert!(machine.session_entries().is_empty(), "nothing kept");
    assert!(
        machine.window.failures.lock().unwrap().is_empty(),
        "a cancel is not an error"
    );
    let okta = machine.okta.clone();
    eventually("what the exchange got is revoked", || {
        okta.active_refresh_tokens("alice@example.com") == 0
    })
    .await;
    let relaunched = machine.relaunch().await;
    assert_eq!(
        relaunched.status().await.session.state,
        SessionState::SignedOut
    );
}

#[tokio::test(start_paused = true)]
async fn every_revocation_owed_is_sent_once_the_provider_answers_again() {
    let machine = Machine::new().await;
    // Alice signs in and out twice while the revocation endpoint cannot be reached (and so
    // cannot settle what is owed in between).
    machine.okta.down(Endpoint::Revoke, true);
    for _ in 0..2 {
        machine.sign_in("alice@example.com").await;
        machine.app.sign_out(false).await.unwrap();
        assert_eq!(machine.state().await, SessionState::SignedOut);
    }
    let okta = machine.okta.clone();
    eventually("each revocation was tried", || {
        okta.count(Endpoint::Revoke) >= 2
    })
    .await;
    assert_eq!(okta.active_refresh_tokens("alice@example.com"), 2);

    // The provider answers again: the next successful call settles both.
    machine.okta.down(Endpoint::Revoke, false);
    machine.sign_in("alice@example.com").await;
    eventually("both owed revocations are sent", || {
        okta.active_refresh_tokens("alice@example.com") == 1
    })
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_background_revocation_that_fails_is_owed_and_sent_later() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    // Bob replaces her session while the revocation endpoint cannot be reached.
    machine.okta.set_access_token_ttl(Duration::from_secs(30));
    machine
        .app
        .sign_in(Some("bob@example.com"), true)
        .await
        .unwrap();
    machine.okta.down(Endpoint::Revoke, true);
    assert_eq!(
        machine.browser_signs_in("bob@example.com").await,
        LinkOutcome::Completed
    );
    let okta = machine.okta.clone();
    eventually("the revocation was tried", || {
        okta.count(Endpoint::Revoke) >= 1
    })
    .await;
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(okta.active_refresh_tokens("alice@example.com"), 1, "owed");

    // Bob's next refresh reaches the provider: what is owed goes with it.
    machine.okta.down(Endpoint::Revoke, false);
    machine.app.dashboard().await.unwrap();
    eventually("the owed revocation is sent", || {
        okta.active_refresh_tokens("alice@example.com") == 0
    })
    .await;
    assert_eq!(okta.active_refresh_tokens("bob@example.com"), 1);
}

#[tokio::test(start_paused = true)]
async fn an_okta_it_stops_trusting_is_signed_out_of_and_forgotten_at_the_next_launch() {
    // A contractor signed in to Example Corp, then to Globex (in force).
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    machine.add_organization("carol@globex.test").await;
    assert_eq!(machine.okta.active_refresh_tokens("carol@globex.test"), 1);

    // IT now trusts Example Corp's Okta only.
    let example = machine.okta.example();
    let policy = format!(
        "allowed_okta_domains = [\"https://{}\"]\nallowed_email_domains = [\"example.com\"]",
        Url::parse(&example.issuer).unwrap().host_str().unwrap()
    );
    let policy = ManagedConfig::from_toml(&policy, "/etc/point/config.toml").unwrap();
    let app = machine.relaunch_under(Some(policy.clone())).await;
    let okta = machine.okta.clone();
    eventually("Globex's refresh token revoked", || {
        okta.active_refresh_tokens("carol@globex.test") == 0
    })
    .await;
    let globex = machine.okta.organization("Globex");
    let carol = format!("{} {} 00u3carol", globex.issuer, globex.client_id);
    let keychain = machine.keychain.clone();
    eventually("Globex's entry deleted", || {
        keychain.read(&carol).unwrap().is_none()
    })
    .await;
    // Example Corp takes its place and its session goes on; the window says what happened.
    let status = app.status().await;
    let names: Vec<_> = status
        .organizations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["Example Corp"]);
    assert!(matches!(
        status.session.state,
        SessionState::SignedIn { .. }
    ));
    assert_eq!(machine.okta.active_refresh_tokens("alice@example.com"), 1);
    assert_eq!(
        status.notice,
        Some(Notice::SignedOutOfUntrustedOkta(vec![
            "globex.okta.test".into()
        ]))
    );
    // Once is enough: the next launch finds nothing to sign out of.
    let again = machine.relaunch_under(Some(policy)).await;
    assert_eq!(again.status().await.notice, None);
}

#[tokio::test(start_paused = true)]
async fn okta_and_the_dashboard_hear_the_person_s_language() {
    // The person's OS speaks German (the machine's languages are ["de-DE"]).
    let machine = Machine::new().await;
    assert_eq!(machine.app.locale(), "de");
    machine.sign_in("alice@example.com").await;
    let page = machine.last_page();
    assert!(
        page.query_pairs()
            .any(|(k, v)| k == "ui_locales" && v == "de"),
        "{page}"
    );
    machine.app.dashboard().await.unwrap();
    let asked: Vec<_> = machine
        .okta
        .requests()
        .into_iter()
        .filter(|r| {
            matches!(
                r.endpoint,
                Endpoint::Dashboard | Endpoint::Me | Endpoint::EmailLookup
            )
        })
        .collect();
    assert!(!asked.is_empty());
    for request in asked {
        assert_eq!(
            request.accept_language.as_deref(),
            Some("de, en;q=0.5"),
            "{request:?}"
        );
    }
    // IT's choice comes first.
    let japanese = ManagedConfig::from_toml("locale = \"ja\"", "/etc/point/config.toml").unwrap();
    let relaunched = machine.relaunch_under(Some(japanese)).await;
    assert_eq!(relaunched.locale(), "ja");
}

#[tokio::test(start_paused = true)]
async fn the_answer_to_also_signing_out_of_okta_is_remembered() {
    let machine = Machine::new().await;
    assert!(
        machine.app.status().await.end_okta_session_remembered,
        "yes at first"
    );
    machine.sign_in("alice@example.com").await;
    machine.app.sign_out(false).await.unwrap();
    assert!(!machine.app.status().await.end_okta_session_remembered);
    let relaunched = machine.relaunch().await;
    assert!(
        !relaunched.status().await.end_okta_session_remembered,
        "kept"
    );
}

#[tokio::test(start_paused = true)]
async fn a_contractor_switches_organizations_without_signing_in_again() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    machine
        .app
        .sign_in_to_another_organization("carol@globex.test")
        .await
        .unwrap();
    assert!(
        !machine.last_page().as_str().contains("prompt=login"),
        "a new Okta: no need to ask who"
    );
    assert_eq!(
        machine.browser_signs_in("carol@globex.test").await,
        LinkOutcome::Completed
    );
    let status = machine.app.status().await;
    let names: Vec<_> = status
        .organizations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["Globex", "Example Corp"]);
    let example = status.organizations[1].key.clone();
    let globex = status.organizations[0].key.clone();

    // Back and forth: the same sessions, no browser, no token request.
    let (pages, tokens) = (machine.pages_opened(), machine.token_requests());
    machine.app.switch_organization(&example).await.unwrap();
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("alice@example.com")
    );
    machine.app.switch_organization(&globex).await.unwrap();
    machine.app.switch_organization(&globex).await.unwrap();
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("carol@globex.test")
    );
    assert_eq!(machine.pages_opened(), pages);
    assert_eq!(machine.token_requests(), tokens);

    // Signing out of Globex ends Globex only; Example Corp is one switch away.
    machine.app.sign_out(false).await.unwrap();
    assert_eq!(machine.okta.active_refresh_tokens("carol@globex.test"), 0);
    assert_eq!(machine.okta.active_refresh_tokens("alice@example.com"), 1);
    machine.app.switch_organization(&example).await.unwrap();
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("alice@example.com")
    );
}

#[tokio::test(start_paused = true)]
async fn one_sign_in_at_a_time_across_the_browser_and_another_device() {
    let machine = Machine::managed_by_it(Some("{example}")).await;
    // A sign-in on another device waits; the person then uses the browser instead.
    machine.app.begin_sign_in_on_another_device().await.unwrap();
    let code = machine.app.status().await.device_sign_in.unwrap().user_code;
    machine
        .app
        .sign_in(Some("alice@example.com"), false)
        .await
        .unwrap();
    assert!(machine.app.status().await.device_sign_in.is_none());
    // Someone confirms the old code on their phone: that sign-in stopped, nothing is kept.
    machine.okta.approve_device(&code, "bob@example.com");
    tokio::time::sleep(Duration::from_secs(60)).await;
    assert!(matches!(
        machine.state().await,
        SessionState::SigningIn { .. }
    ));
    assert_eq!(machine.okta.active_refresh_tokens("bob@example.com"), 0);
    assert_eq!(
        machine.browser_signs_in("alice@example.com").await,
        LinkOutcome::Completed
    );

    // The other way round: a browser sign-in waits, then one on another device starts; the
    // browser's answer then belongs to no sign-in in progress.
    machine.app.sign_out(false).await.unwrap();
    machine
        .app
        .sign_in(Some("alice@example.com"), false)
        .await
        .unwrap();
    let page = machine.last_page();
    machine.app.begin_sign_in_on_another_device().await.unwrap();
    let back = machine.okta.approve(&page, "alice@example.com");
    assert_eq!(machine.app.receive_link(&back).await, LinkOutcome::Ignored);
    let code = machine.app.status().await.device_sign_in.unwrap().user_code;
    machine.okta.approve_device(&code, "bob@example.com");
    let app = machine.app.clone();
    for _ in 0..100 {
        if app.status().await.device_sign_in.is_none() {
            break;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("bob@example.com")
    );
}

#[tokio::test(start_paused = true)]
async fn it_s_policy_holds_in_the_use_cases_not_only_the_window() {
    let machine =
        Machine::managed_by_it(Some("{example}\nallowed_email_domains = [\"example.com\"]")).await;
    // A typed email outside the allowed domains: refused before the browser opens.
    let refused = machine.app.sign_in(Some("carol@globex.test"), false).await;
    assert!(matches!(
        refused,
        Err(AppError::Refused(Refused::EmailDomain { .. }))
    ));
    assert_eq!(machine.pages_opened(), 0);
    // IT's Okta settings: no manual setup, no adding or switching organizations.
    let globex = machine.okta.organization("Globex");
    assert!(matches!(
        machine
            .app
            .set_up_manually(&globex.issuer, &globex.client_id)
            .await,
        Err(AppError::Refused(Refused::ManagedOktaSettings))
    ));
    assert!(machine
        .app
        .sign_in_to_another_organization("bob@example.com")
        .await
        .is_err());
    assert!(machine.app.switch_organization("anything").await.is_err());
    assert_eq!(machine.pages_opened(), 0);
    machine.sign_in("bob@example.com").await;
}

#[tokio::test(start_paused = true)]
async fn an_account_whose_verified_email_it_does_not_allow_keeps_nothing() {
    let machine = Machine::managed_by_it(Some(
        "{example}\nallowed_email_domains = [\"corp.example\"]",
    ))
    .await;
    // The email typed passes; the account Okta signs in is alice's, outside the rule.
    machine
        .app
        .sign_in(Some("alice@corp.example"), false)
        .await
        .unwrap();
    assert_eq!(
        machine.browser_signs_in("alice@example.com").await,
        LinkOutcome::Failed
    );
    assert_eq!(machine.state().await, SessionState::SignedOut);
    assert!(machine.session_entries().is_empty());
    let okta = machine.okta.clone();
    eventually("the refused account's token is revoked", || {
        okta.active_refresh_tokens("alice@example.com") == 0
    })
    .await;
}

#[tokio::test(start_paused = true)]
async fn the_window_asks_again_for_a_dashboard_as_the_one_retry_policy_says() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    let (fresh, again) = machine.app.dashboard_and_when_again().await;
    assert!(fresh.unwrap().stale.is_none());
    assert_eq!(again, None, "a fresh dashboard: nothing to ask again");

    // The dashboard fails (each GET is tried three times in a row): the kept one, and asked
    // again after 5 s, then 10 s, each with up to half as much again of jitter.
    let seconds = |again: Option<Duration>| again.expect("asked again").as_secs_f64();
    for expected in [5.0, 10.0] {
        for _ in 0..3 {
            machine
                .okta
                .fail_next(Endpoint::Dashboard, Fault::Status(503));
        }
        let (kept, again) = machine.app.dashboard_and_when_again().await;
        assert!(kept.unwrap().stale.is_some());
        let wait = seconds(again);
        assert!((expected..=expected * 1.5).contains(&wait), "{wait} s");
    }
    // Fresh again: the next run starts from the first wait.
    let (_, again) = machine.app.dashboard_and_when_again().await;
    assert_eq!(again, None);

    // Okta's rate limit on the refresh: never asked again before its reset.
    machine.okta.set_access_token_ttl(Duration::from_secs(30));
    machine.sign_in("alice@example.com").await;
    machine.okta.fail_next(
        Endpoint::Token,
        Fault::RateLimited(Duration::from_secs(600)),
    );
    let (_, again) = machine.app.dashboard_and_when_again().await;
    assert!(seconds(again) >= 598.0, "{again:?}");
}

#[tokio::test(start_paused = true)]
async fn while_a_launch_brings_the_session_back_the_window_can_show_the_kept_dashboard() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    assert!(
        machine.app.kept_dashboard().await.is_none(),
        "signed in: the window asks for the dashboard itself"
    );
    // No dashboard was fetched yet: nothing kept to show while restoring.
    let restoring = machine.relaunch_still_restoring().await;
    assert!(matches!(
        restoring.status().await.session.state,
        SessionState::Restoring { .. }
    ));
    assert!(restoring.kept_dashboard().await.is_none());

    let before = SystemTime::now();
    let relaunched = machine.relaunch().await;
    let fresh = relaunched.dashboard().await.unwrap();
    assert!(fresh.stale.is_none());
    let restoring = machine.relaunch_still_restoring().await;
    let token_requests = machine.token_requests();
    let kept = restoring
        .kept_dashboard()
        .await
        .expect("alice's dashboard, kept from the last run");
    assert_eq!(kept.stale, Some(Staleness::Restoring));
    assert!(kept
        .as_of
        .is_some_and(|at| at + Duration::from_secs(1) >= before));
    assert_eq!(kept.me.user.email, fresh.me.user.email);
    assert_eq!(kept.dashboard.metrics.len(), fresh.dashboard.metrics.len());
    assert_eq!(
        machine.token_requests(),
        token_requests,
        "from disk, asking no one"
    );

    // Signed out: nobody's figures are kept for the next launch.
    let kept_files = || -> Vec<_> {
        std::fs::read_dir(machine.dir.join("data").join("organizations"))
            .unwrap()
            .map(|dir| dir.unwrap().path().join("dashboard.json"))
            .filter(|path| path.exists())
            .collect()
    };
    assert_eq!(kept_files().len(), 1);
    relaunched.sign_out(false).await.unwrap();
    assert!(kept_files().is_empty(), "{:?}", kept_files());
    let restoring = machine.relaunch_still_restoring().await;
    assert!(restoring.kept_dashboard().await.is_none());
}

#[tokio::test(start_paused = true)]
async fn okta_settings_it_half_gave_sign_in_to_nothing_and_say_so() {
    let machine = Machine::managed_by_it(Some("client_id = \"0oaExampleNative\"")).await;
    let status = machine.app.status().await;
    assert!(status.organization.is_none(), "{status:?}");
    assert!(status.okta_settings_managed);
    let problem = status
        .settings_problem
        .expect("the window says what IT must fix");
    let problem = problem.english();
    assert!(problem.contains("okta_domain"), "{problem}");
    assert!(machine
        .app
        .sign_in(Some("alice@example.com"), false)
        .await
        .is_err());
    assert_eq!(machine.pages_opened(), 0);
}

#[cfg(unix)]
#[tokio::test(start_paused = true)]
async fn files_with_a_person_s_data_are_theirs_only() {
    use std::os::unix::fs::PermissionsExt;
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    machine.app.dashboard().await.unwrap();
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let key = machine.app.status().await.organizations[0].key.clone();
    let organization = machine.dir.join("data/organizations").join(key);
    for file in [
        organization.join("profile.json"),
        organization.join("dashboard.json"),
        machine.dir.join("config/settings.json"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    assert_eq!(mode(&organization), 0o700);
    // The support bundle: `use_cases.rs`, where `point doctor` runs on the real parts.
}

#[tokio::test(start_paused = true)]
async fn it_s_email_rule_signs_in_only_to_the_okta_it_trusts() {
    // IT allows example.com emails but names no Okta: nothing is trusted, nothing opens.
    let machine = Machine::managed_by_it(Some("allowed_email_domains = [\"example.com\"]")).await;
    let refused = machine.app.sign_in(Some("alice@example.com"), false).await;
    assert!(
        matches!(
            refused,
            Err(AppError::Refused(Refused::UntrustedOkta { .. }))
        ),
        "{refused:?}"
    );
    assert_eq!(machine.pages_opened(), 0);

    // IT names Example Corp's Okta: the lookup's answer is trusted, a hand-typed other one not.
    let machine = Machine::managed_by_it(Some(
        "allowed_email_domains = [\"example.com\"]\nallowed_okta_domains = [\"example.okta.test\"]",
    ))
    .await;
    let globex = machine.okta.organization("Globex");
    assert!(matches!(
        machine
            .app
            .set_up_manually(&globex.issuer, &globex.client_id)
            .await,
        Err(AppError::Refused(Refused::UntrustedOkta { .. }))
    ));
    machine.sign_in("alice@example.com").await;
}

#[tokio::test(start_paused = true)]
async fn it_can_turn_sign_in_on_another_device_off() {
    let machine = Machine::managed_by_it(Some("{example}\ndevice_sign_in = false")).await;
    assert!(!machine.app.status().await.device_sign_in_allowed);
    let refused = machine.app.begin_sign_in_on_another_device().await;
    assert!(
        matches!(refused, Err(AppError::Refused(Refused::DeviceSignInOff))),
        "{refused:?}"
    );
    let refused = machine.app.sign_in_on_another_device(|_| {}).await;
    assert!(matches!(
        refused,
        Err(AppError::Refused(Refused::DeviceSignInOff))
    ));
    assert_eq!(
        machine.okta.count(Endpoint::DeviceAuthorize),
        0,
        "nothing asked of Okta"
    );
    // Offered otherwise.
    let machine = Machine::managed_by_it(Some("{example}")).await;
    assert!(machine.app.status().await.device_sign_in_allowed);
    machine.app.begin_sign_in_on_another_device().await.unwrap();
}

/// The dashboard asks for two factors; what it asked, from its 401 (RFC 9470).
async fn dashboard_asks_for_two_factors(
    machine: &Machine,
) -> point_auth::AuthenticationRequirement {
    machine.okta.dashboard_demands(Some(TWO_FACTORS));
    match machine.app.dashboard().await {
        Err(AppError::Dashboard(point_dashboard::DashboardError::StepUpRequired(asked))) => asked,
        other => panic!("expected a step-up, got {other:?}"),
    }
}

const TWO_FACTORS: &str = "urn:okta:loa:2fa:any";

#[tokio::test(start_paused = true)]
async fn a_step_up_signs_the_same_person_in_again_as_strongly_as_the_dashboard_asks() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    assert!(machine.app.dashboard().await.is_ok());
    let asked = dashboard_asks_for_two_factors(&machine).await;
    assert_eq!(asked.acr_values, [TWO_FACTORS]);
    let token_requests = machine.token_requests();

    machine.app.step_up().await.unwrap();
    // Okta is asked for the class, and told who (the page suggests alice).
    let page = machine.last_page();
    let asked_of_okta = |name: &str| {
        page.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    assert_eq!(asked_of_okta("acr_values").as_deref(), Some(TWO_FACTORS));
    assert_eq!(
        asked_of_okta("login_hint").as_deref(),
        Some("alice@example.com")
    );
    assert!(matches!(
        machine.state().await,
        SessionState::SigningIn { .. }
    ));
    assert_eq!(
        machine.browser_signs_in("alice@example.com").await,
        LinkOutcome::Completed
    );

    // Still in the organization the dashboard named, shown at once.
    match machine.state().await {
        SessionState::SignedIn { profile, .. } => {
            assert_eq!(profile.organization.as_deref(), Some("Example Corp"))
        }
        other => panic!("signed in, not {other:?}"),
    }
    // The same person, signed in anew: one code exchange, the old refresh token revoked, and
    // the dashboard answers.
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("alice@example.com")
    );
    assert_eq!(machine.token_requests(), token_requests + 1);
    let okta = machine.okta.clone();
    eventually("the old session's refresh token revoked", || {
        okta.active_refresh_tokens("alice@example.com") == 1
    })
    .await;
    assert!(machine.app.dashboard().await.is_ok());
    assert_eq!(machine.session_entries(), ["alice"]);
}

#[tokio::test(start_paused = true)]
async fn a_step_up_that_comes_back_weaker_or_as_someone_else_keeps_the_session_as_it_was() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    dashboard_asks_for_two_factors(&machine).await;

    // Okta lets one factor pass: the token does not show what was asked.
    machine.okta.sign_ins_achieve(Some("urn:okta:loa:1fa:any"));
    machine.app.step_up().await.unwrap();
    assert_eq!(
        machine.browser_signs_in("alice@example.com").await,
        LinkOutcome::Failed
    );
    let failure = machine.window.failures.lock().unwrap().last().cloned();
    assert!(
        matches!(
            failure,
            Some(AppError::Session(point_session::SessionError::SignIn(
                point_auth::SignInError::IdToken(point_auth::IdTokenError::WeakerThanAsked { .. })
            )))
        ),
        "{failure:?}"
    );
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("alice@example.com"),
        "alice's session goes on as it was"
    );

    // Bob signs in at the page of alice's step-up: not kept, alice's session goes on.
    machine.okta.sign_ins_achieve(None);
    machine.app.step_up().await.unwrap();
    assert_eq!(
        machine.browser_signs_in("bob@example.com").await,
        LinkOutcome::Failed
    );
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("alice@example.com")
    );
    // What Okta issued for the refused sign-ins is revoked; alice keeps her one session.
    let okta = machine.okta.clone();
    eventually("the refused sign-ins' tokens revoked", || {
        okta.active_refresh_tokens("bob@example.com") == 0
            && okta.active_refresh_tokens("alice@example.com") == 1
    })
    .await;
    assert_eq!(machine.session_entries(), ["alice"]);
}

#[tokio::test(start_paused = true)]
async fn a_signed_in_launch_asks_okta_only_for_its_refresh_and_the_keychain_only_for_the_session() {
    let machine = Machine::new().await;
    machine.sign_in("alice@example.com").await;
    let okta = machine.okta.clone();
    let asked = || {
        (
            okta.count(Endpoint::Discovery),
            okta.count(Endpoint::Keys),
            okta.count(Endpoint::Token),
        )
    };
    // What the first run does in the background after the sign-in (its owed revocations) is
    // done before the relaunch is measured.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (discovery, keys, token) = asked();
    let read_before = machine.keychain.reads().len();

    let relaunched = machine.relaunch().await;
    assert!(matches!(
        relaunched.status().await.session.state,
        SessionState::SignedIn { .. }
    ));
    // The provider's documents were kept from the last run: one token request, nothing else.
    assert_eq!(asked(), (discovery, keys, token + 1));
    // Before the session was back, the keychain was asked for the session's entry only (no
    // pending sign-in was kept; the revocations owed are looked at afterwards).
    let reads = machine.keychain.reads()[read_before..].to_vec();
    let example = machine.okta.example();
    let session = format!("{} {} 00u1alice", example.issuer, example.client_id);
    assert_eq!(reads.first(), Some(&session), "{reads:?}");
    assert_eq!(
        reads.iter().filter(|a| **a == session).count(),
        1,
        "{reads:?}"
    );
    assert!(
        !reads.iter().any(|a| a.starts_with("pending sign-in")),
        "{reads:?}"
    );

    // Documents kept a day ago are fetched again.
    let kept = std::fs::read_dir(machine.dir.join("data").join("organizations"))
        .unwrap()
        .map(|dir| dir.unwrap().path().join("provider.json"))
        .find(|path| path.exists())
        .expect("the provider's documents are kept beside the profile");
    let mut snapshot: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&kept).unwrap()).unwrap();
    snapshot["fetched_at"] = (snapshot["fetched_at"].as_u64().unwrap() - 25 * 3600).into();
    std::fs::write(&kept, snapshot.to_string()).unwrap();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (discovery, _, _) = asked();
    machine.relaunch().await;
    assert_eq!(
        asked().0,
        discovery + 1,
        "a day-old discovery document is fetched again"
    );
}

#[tokio::test(start_paused = true)]
async fn a_refused_step_up_s_tokens_are_owed_when_okta_cannot_revoke_them_and_revoked_later() {
    let machine = Machine::new().await;
    machine.okta.set_access_token_ttl(Duration::from_secs(30));
    machine.sign_in("alice@example.com").await;
    dashboard_asks_for_two_factors(&machine).await;

    // Bob signs in at the page of alice's step-up while Okta's revocation cannot be reached.
    machine.okta.down(Endpoint::Revoke, true);
    machine.app.step_up().await.unwrap();
    assert_eq!(
        machine.browser_signs_in("bob@example.com").await,
        LinkOutcome::Failed
    );
    let okta = machine.okta.clone();
    eventually("the revocation was tried", || {
        okta.count(Endpoint::Revoke) >= 1
    })
    .await;
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(okta.active_refresh_tokens("bob@example.com"), 1, "owed");

    // Alice's next refresh reaches the provider: the revocation owed goes with it.
    machine.okta.down(Endpoint::Revoke, false);
    machine.okta.dashboard_demands(None);
    machine.app.dashboard().await.unwrap();
    eventually("the owed revocation is sent", || {
        okta.active_refresh_tokens("bob@example.com") == 0
    })
    .await;
    assert_eq!(okta.active_refresh_tokens("alice@example.com"), 1);
    assert_eq!(machine.session_entries(), ["alice"]);
}

#[tokio::test(start_paused = true)]
async fn it_s_minimum_is_asked_of_every_sign_in_and_checked_in_its_token() {
    let machine = Machine::managed_by_it(Some(
        "{example}\nacr_values = [\"urn:okta:loa:2fa:any\"]\nmax_authentication_age = 3600",
    ))
    .await;
    machine.sign_in("alice@example.com").await;
    let page = machine.last_page();
    let asked = |name: &str| {
        page.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    assert_eq!(asked("acr_values").as_deref(), Some(TWO_FACTORS));
    assert_eq!(asked("max_age").as_deref(), Some("3600"));

    // An Okta whose policy lets one factor pass: the sign-in is refused, nothing is kept.
    machine.okta.sign_ins_achieve(Some("urn:okta:loa:1fa:any"));
    machine.app.sign_in(None, true).await.unwrap();
    assert_eq!(
        machine.browser_signs_in("bob@example.com").await,
        LinkOutcome::Failed
    );
    assert_eq!(
        machine.signed_in_email().await.as_deref(),
        Some("alice@example.com")
    );
    assert_eq!(machine.session_entries(), ["alice"]);
}
