//! The session's rules, fast: against the in-process Okta of `point-fake-okta` (no Node, no
//! socket) with a recording `MemoryKeychain`: single flight, rotation order, `invalid_grant`,
//! the pending sign-in's one owner, IT's email rule, owed revocations, cancelled sign-ins. The
//! same rules against the Okta-shaped provider over TLS and the real keychain:
//! `tests/real_keychain.rs` and `tests/faults.rs`.

use std::sync::Mutex as StdMutex;

use point_auth::{parse_sign_in_callback, OktaSettings};
use point_fake_okta::{Endpoint, FakeOkta, Fault, Gate};
use url::Url;

use super::*;
use crate::keychain::MemoryKeychain;

/// Access tokens live 30 s, under the 60 s refresh margin: every `access_token()` refreshes.
const EVERY_CALL_REFRESHES: Duration = Duration::from_secs(30);

/// One machine: a `MemoryKeychain` that also records each write and delete, in order, and the
/// data folder beside it (the profile cache), so a second session on it is a relaunch.
struct RecordingStore {
    inner: MemoryKeychain,
    log: StdMutex<Vec<(String, String, Option<String>)>>,
    /// Refuse writes, as a keychain that went read-only would.
    refuse_writes: std::sync::atomic::AtomicBool,
    data_dir: std::path::PathBuf,
}

impl Default for RecordingStore {
    fn default() -> Self {
        Self {
            inner: MemoryKeychain::default(),
            log: StdMutex::default(),
            refuse_writes: Default::default(),
            data_dir: data_dir(),
        }
    }
}

impl SecretStore for RecordingStore {
    fn read(&self, account: &str) -> Result<Option<String>, KeychainError> {
        self.inner.read(account)
    }
    fn write(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        if self.refuse_writes.load(Ordering::Relaxed) {
            return Err(KeychainError::Failed("read-only".into()));
        }
        self.log.lock().unwrap().push((
            "write".into(),
            account.to_string(),
            Some(secret.to_string()),
        ));
        self.inner.write(account, secret)
    }
    fn delete(&self, account: &str) -> Result<(), KeychainError> {
        self.log
            .lock()
            .unwrap()
            .push(("delete".into(), account.to_string(), None));
        self.inner.delete(account)
    }
}

impl RecordingStore {
    /// The session entries written, as (refresh token, in doubt?), in order.
    fn session_writes(&self) -> Vec<(String, bool)> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter_map(|(op, _, secret)| {
                let stored = StoredSession::read(secret.as_deref()?)?;
                (op == "write").then(|| (stored.refresh_token, stored.in_doubt_since.is_some()))
            })
            .collect()
    }

    fn accounts(&self) -> Vec<String> {
        let mut accounts: Vec<String> = self
            .log
            .lock()
            .unwrap()
            .iter()
            .map(|(_, account, _)| account.clone())
            .filter(|account| self.inner.read(account).ok().flatten().is_some())
            .collect();
        accounts.sort();
        accounts.dedup();
        accounts
    }
}

fn okta() -> Arc<FakeOkta> {
    let okta = FakeOkta::new();
    okta.set_access_token_ttl(EVERY_CALL_REFRESHES);
    okta
}

/// A folder of its own for each session's profile cache.
fn data_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("point-session-fast-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn session_on(okta: &Arc<FakeOkta>, store: Arc<RecordingStore>) -> Arc<Session> {
    // A short timeout, so that the quiet period after a lost answer is short too.
    let http = okta.http_client(Duration::from_secs(1));
    let profiles = ProfileCache::in_dir(&store.data_dir);
    Session::new(
        Arc::new(OktaSignIn::new(okta.example().okta_settings(), http)),
        Ok(store as Arc<dyn SecretStore>),
        profiles,
    )
}

/// Signs `login` in through the fake's authorization page (the browser leg).
async fn sign_in_as(
    okta: &FakeOkta,
    session: &Session,
    login: &str,
) -> Result<Profile, SessionError> {
    let url = session.begin_sign_in(Some(login)).await.unwrap();
    let callback = okta.approve(&url, login);
    session
        .complete_sign_in(parse_sign_in_callback(callback.as_str()).unwrap())
        .await
}

/// The refresh requests the provider saw.
fn refreshes(okta: &FakeOkta) -> usize {
    okta.requests()
        .iter()
        .filter(|r| r.grant_type.as_deref() == Some("refresh_token"))
        .count()
}

/// The fake Okta, a recording store, and alice signed in with a session on them.
async fn signed_in_alice() -> (Arc<FakeOkta>, Arc<RecordingStore>, Arc<Session>, Profile) {
    let okta = okta();
    let store = Arc::new(RecordingStore::default());
    let session = session_on(&okta, store.clone());
    let profile = sign_in_as(&okta, &session, "alice@example.com")
        .await
        .unwrap();
    (okta, store, session, profile)
}

#[tokio::test]
async fn concurrent_callers_share_one_refresh() {
    let (okta, _, session, _) = signed_in_alice().await;
    let before = refreshes(&okta);
    // The refresh is held at the provider until all eight callers are waiting for it.
    let gate = Gate::new();
    okta.fail_next(Endpoint::Token, Fault::Hold(gate.clone()));

    let callers: Vec<_> = (0..8)
        .map(|_| {
            let session = session.clone();
            tokio::spawn(async move { session.access_token().await })
        })
        .collect();
    gate.arrived().await;
    for _ in 0..20 {
        tokio::task::yield_now().await;
    }
    gate.open();
    let mut tokens = Vec::new();
    for caller in callers {
        tokens.push(caller.await.unwrap().expect("a token"));
    }
    assert_eq!(refreshes(&okta) - before, 1, "eight callers, one refresh");
    assert!(tokens.iter().all(|t| t.expose() == tokens[0].expose()));
}

#[tokio::test]
async fn the_rotated_token_is_stored_before_the_access_token_is_handed_out() {
    let (_okta, store, session, _) = signed_in_alice().await;
    let first = store.session_writes();
    assert_eq!(first.len(), 1, "the sign-in stores one entry");
    let (signed_in_token, in_doubt) = first[0].clone();
    assert!(!in_doubt);

    session.access_token().await.expect("refreshed");
    let writes = store.session_writes();
    // Marked in doubt (old token) before the request, then the rotated one, settled.
    assert_eq!(writes.len(), 3, "{writes:?}");
    assert_eq!(writes[1], (signed_in_token.clone(), true));
    assert_ne!(
        writes[2].0, signed_in_token,
        "the provider rotated the token"
    );
    assert!(!writes[2].1, "the rotated token is settled");
    // By the time access_token returned, the keychain held the rotated token.
    let account = session.tokens.lock().await.profile.clone().unwrap();
    let held = store
        .inner
        .read(&account.keychain_account())
        .unwrap()
        .unwrap();
    assert_eq!(
        StoredSession::read(&held).unwrap().refresh_token,
        writes[2].0
    );
}

#[tokio::test]
async fn only_invalid_grant_ends_the_session_and_deletes_the_token() {
    let (okta, store, session, profile) = signed_in_alice().await;
    let account = profile.keychain_account();

    // The provider unavailable (a 503): offline, the token kept.
    okta.fail_next(Endpoint::Token, Fault::Status(503));
    fails_offline(&session).await;
    assert!(store.inner.read(&account).unwrap().is_some());
    // The background retry recovers it (after the in-doubt quiet period: a 5xx may have been
    // acted on).
    assert!(
        back_by_itself(&session).await,
        "still {:?}",
        session.status().state
    );

    // The provider ends the session (the token revoked behind the app's back): invalid_grant.
    let refresh_token = session.tokens.lock().await.refresh_token.clone().unwrap();
    session.sign_in.revoke(&refresh_token).await.unwrap();
    let error = session.access_token().await.unwrap_err();
    assert_eq!(error, SessionError::SessionEnded);
    assert_eq!(session.status().state, SessionState::Ended);
    assert_eq!(
        store.inner.read(&account).unwrap(),
        None,
        "the token is gone"
    );
}

#[tokio::test]
async fn a_callback_for_another_sign_in_leaves_the_pending_one_in_place() {
    let okta = okta();
    let store = Arc::new(RecordingStore::default());
    let session = session_on(&okta, store.clone());

    // Nothing pending: refused, nothing changes.
    let stray = parse_sign_in_callback("org.pointapp.point:/login?code=x&state=y").unwrap();
    assert_eq!(
        session.complete_sign_in(stray).await.unwrap_err(),
        SessionError::SignIn(SignInError::NoPendingSignIn)
    );
    assert_eq!(session.status().state, SessionState::SignedOut);

    let url = session
        .begin_sign_in(Some("alice@example.com"))
        .await
        .unwrap();
    let pending_entries = store.accounts();
    assert_eq!(
        pending_entries.len(),
        1,
        "the pending sign-in is in the keychain"
    );
    let callback = okta.approve(&url, "alice@example.com");
    let forged = callback.as_str().replace("state=", "state=forged");
    let state_before = session.status().state;
    assert_eq!(
        session
            .complete_sign_in(parse_sign_in_callback(&forged).unwrap())
            .await
            .unwrap_err(),
        SessionError::SignIn(SignInError::StateMismatch)
    );
    assert_eq!(session.status().state, state_before, "still waiting");
    assert_eq!(store.accounts(), pending_entries, "still stored");
    assert!(session.has_pending_sign_in().await, "still pending");

    // The genuine callback completes, and the pending entry goes.
    session
        .complete_sign_in(parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .expect("signed in");
    assert!(!session.has_pending_sign_in().await);
    assert!(store
        .accounts()
        .iter()
        .all(|account| !account.starts_with("pending sign-in")));
}

/// The names of a URL's query parameters, in order.
fn parameter_names(url: &Url) -> Vec<String> {
    url.query_pairs()
        .map(|(name, _)| name.into_owned())
        .collect()
}

#[tokio::test]
async fn where_okta_takes_pushed_requests_the_browser_gets_no_secret() {
    let okta = okta();
    let session = session_on(&okta, Arc::new(RecordingStore::default()));
    let url = session
        .begin_sign_in(Some("alice@example.com"))
        .await
        .unwrap();
    assert_eq!(parameter_names(&url), ["client_id", "request_uri"]);
    assert_eq!(okta.count(Endpoint::PushedAuthorization), 1);

    // Opening the page again pushes again: each reference is used once.
    let again = session.pending_sign_in_url().await.unwrap();
    assert_eq!(parameter_names(&again), ["client_id", "request_uri"]);
    assert_ne!(again, url);
    let callback = okta.approve(&again, "alice@example.com");
    session
        .complete_sign_in(parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .expect("signed in through the pushed request");
}

#[tokio::test]
async fn without_pushed_requests_the_browser_gets_the_whole_request() {
    let okta = okta();
    okta.offer_pushed_requests(false);
    let session = session_on(&okta, Arc::new(RecordingStore::default()));
    let url = session
        .begin_sign_in(Some("alice@example.com"))
        .await
        .unwrap();
    let names = parameter_names(&url);
    for name in ["state", "nonce", "code_challenge", "login_hint"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert!(!names.iter().any(|n| n == "request_uri"));
    let callback = okta.approve(&url, "alice@example.com");
    session
        .complete_sign_in(parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .expect("signed in");
}

#[tokio::test]
async fn a_pushed_request_okta_refuses_says_why_and_leaves_nothing_pending() {
    let okta = okta();
    let store = Arc::new(RecordingStore::default());
    let settings = OktaSettings::parse(&okta.example().issuer, "0oaNotThisApp", None).unwrap();
    let session = Session::new(
        Arc::new(OktaSignIn::new(
            settings,
            okta.http_client(Duration::from_secs(1)),
        )),
        Ok(store.clone() as Arc<dyn SecretStore>),
        ProfileCache::in_dir(&store.data_dir),
    );
    // Before any page: the Client ID Okta does not know.
    assert_eq!(
        session.begin_sign_in(None).await.unwrap_err(),
        SessionError::SignIn(SignInError::InvalidClient)
    );
    assert!(!session.has_pending_sign_in().await);
    assert!(store.accounts().is_empty(), "nothing kept");
    assert_eq!(session.status().state, SessionState::SignedOut);

    // Okta's rate limit on the push is the rate limit, with its wait.
    let session = session_on(&okta, store.clone());
    okta.fail_next(
        Endpoint::PushedAuthorization,
        Fault::RateLimited(Duration::from_secs(30)),
    );
    let error = session.begin_sign_in(None).await.unwrap_err();
    assert!(
        matches!(
            error,
            SessionError::SignIn(SignInError::RateLimited {
                retry_after: Some(_)
            })
        ),
        "{error:?}"
    );
    assert!(!session.has_pending_sign_in().await);
}

#[tokio::test]
async fn an_email_outside_the_rule_keeps_nothing_and_revokes() {
    let okta = okta();
    let store = Arc::new(RecordingStore::default());
    let session = session_on(&okta, store.clone());
    session.admit_only(Arc::new(|email: Option<&str>| {
        email.is_some_and(|e| e.ends_with("@corp.example"))
    }));
    let error = sign_in_as(&okta, &session, "alice@example.com")
        .await
        .unwrap_err();
    assert_eq!(error, SessionError::EmailNotAllowed);
    assert_eq!(session.status().state, SessionState::SignedOut);
    assert!(store.session_writes().is_empty(), "no session was stored");
    assert!(store.accounts().is_empty(), "nothing left in the keychain");
    assert_eq!(okta.count(Endpoint::Revoke), 1, "revoked");
    assert_eq!(okta.active_refresh_tokens("alice@example.com"), 0);
}

#[tokio::test]
async fn a_session_whose_email_the_rule_no_longer_admits_ends_at_its_next_refresh() {
    let (_okta, store, session, profile) = signed_in_alice().await;
    session.admit_only(Arc::new(|email: Option<&str>| {
        email.is_some_and(|e| e.ends_with("@corp.example"))
    }));
    assert_eq!(
        session.access_token().await.unwrap_err(),
        SessionError::EmailNotAllowed
    );
    assert_eq!(session.status().state, SessionState::Ended);
    assert_eq!(store.inner.read(&profile.keychain_account()).unwrap(), None);
}

#[tokio::test]
async fn a_launch_shows_the_cached_person_at_once_then_signs_in() {
    let okta = okta();
    let store = Arc::new(RecordingStore::default());
    let first = session_on(&okta, store.clone());
    let profile = sign_in_as(&okta, &first, "alice@example.com")
        .await
        .unwrap();
    drop(first);

    // The next launch: the cached identity before any keychain or network call.
    let session = session_on(&okta, store.clone());
    assert_eq!(session.status().state, SessionState::SignedOut);
    session.begin_restoring();
    assert_eq!(
        session.status().state,
        SessionState::Restoring {
            profile: profile.clone()
        }
    );
    session.restore().await;
    assert!(matches!(
        session.status().state,
        SessionState::SignedIn { .. }
    ));

    // Nothing in the keychain: restoring ends signed out, never stuck.
    store.inner.delete(&profile.keychain_account()).unwrap();
    let same_disk_empty_keychain = RecordingStore {
        data_dir: store.data_dir.clone(),
        ..RecordingStore::default()
    };
    let empty = session_on(&okta, Arc::new(same_disk_empty_keychain));
    empty.begin_restoring();
    assert!(matches!(
        empty.status().state,
        SessionState::Restoring { .. }
    ));
    empty.restore().await;
    assert_eq!(empty.status().state, SessionState::SignedOut);
}

#[tokio::test]
async fn offline_at_any_time_comes_back_by_itself() {
    let (okta, _, session, _) = signed_in_alice().await;
    // The provider fails while the app runs (not at launch): twice, so the first background
    // retry fails too.
    okta.fail_next(Endpoint::Token, Fault::Status(503));
    okta.fail_next(Endpoint::Token, Fault::Status(503));
    fails_offline(&session).await;
    // Nobody calls: the background retries bring it back once the provider answers.
    assert!(
        back_by_itself(&session).await,
        "still {:?}",
        session.status().state
    );
}

/// Whether the session is signed in again within 30 s, with nobody calling it.
async fn back_by_itself(session: &Session) -> bool {
    let mut changes = session.subscribe();
    tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if matches!(changes.borrow().state, SessionState::SignedIn { .. }) {
                return;
            }
            if changes.changed().await.is_err() {
                return;
            }
        }
    })
    .await
    .is_ok()
        && matches!(session.status().state, SessionState::SignedIn { .. })
}

/// The next call fails for now, and the session says it is offline.
async fn fails_offline(session: &Session) {
    let error = session.access_token().await.unwrap_err();
    assert!(error.is_transient(), "{error:?}");
    assert!(matches!(
        session.status().state,
        SessionState::Offline { .. }
    ));
}

#[tokio::test]
async fn signing_out_while_the_launch_restores_ends_that_session_for_good() {
    let (okta, store, first, profile) = signed_in_alice().await;
    let refresh_token = first.tokens.lock().await.refresh_token.clone().unwrap();
    drop(first);
    let account = profile.keychain_account();

    // The next launch shows alice as restoring; she signs out before the restore ran.
    let session = session_on(&okta, store.clone());
    session.begin_restoring();
    assert!(session.sign_out_with(false).await.unwrap().is_none());
    assert_eq!(session.status().state, SessionState::SignedOut);
    assert_eq!(
        store.inner.read(&account).unwrap(),
        None,
        "the entry is gone"
    );
    assert!(
        !session
            .sign_in
            .refresh_token_is_active(&refresh_token)
            .await
            .unwrap(),
        "the token was revoked"
    );
    // The restore that follows finds nothing: no one is signed back in.
    session.restore().await;
    assert_eq!(session.status().state, SessionState::SignedOut);
}

#[tokio::test]
async fn a_restore_that_fails_without_ending_the_session_is_offline_not_signed_out() {
    let (okta, store, first, profile) = signed_in_alice().await;
    drop(first);
    // The keychain went read-only: the refresh cannot note its in-doubt mark, so it does not go
    // out. The session is still there (token kept): offline with the reason, retrying.
    store.refuse_writes.store(true, Ordering::Relaxed);
    let session = session_on(&okta, store.clone());
    session.restore().await;
    assert!(
        matches!(session.status().state, SessionState::Offline { .. }),
        "{:?}",
        session.status().state
    );
    assert!(store
        .inner
        .read(&profile.keychain_account())
        .unwrap()
        .is_some());
    // The keychain works again: the background retries bring the session back.
    store.refuse_writes.store(false, Ordering::Relaxed);
    assert!(
        back_by_itself(&session).await,
        "still {:?}",
        session.status().state
    );
}

#[tokio::test(start_paused = true)]
async fn okta_s_rate_limit_spends_nothing_and_is_waited_out() {
    let (okta, store, session, profile) = signed_in_alice().await;
    okta.fail_next(
        Endpoint::Token,
        Fault::RateLimited(Duration::from_secs(120)),
    );
    let error = session.access_token().await.unwrap_err();
    assert_eq!(error.code(), "rate_limited", "{error:?}");
    assert!(error.is_transient());
    // Refused before Okta acted: the token is not in doubt, in memory or in the keychain.
    assert!(session.tokens.lock().await.in_doubt.is_none());
    let held = store.inner.read(&profile.keychain_account()).unwrap();
    assert!(StoredSession::read(&held.unwrap())
        .unwrap()
        .in_doubt_since
        .is_none());

    // Until the reset, callers are answered without asking Okta again: the session, and a
    // sign-in (its pushed request would go to the same Okta).
    let requests = okta.count(Endpoint::Token);
    let seen = okta.requests().len();
    assert!(session.access_token().await.is_err());
    let sign_in = session.begin_sign_in(None).await.unwrap_err();
    assert_eq!(sign_in.code(), "rate_limited", "{sign_in:?}");
    assert!(sign_in.to_string().contains("POINT tries again at "));
    assert_eq!(okta.requests().len(), seen, "no request to Okta at all");
    tokio::time::sleep(Duration::from_secs(100)).await;
    assert!(matches!(
        session.status().state,
        SessionState::Offline { .. }
    ));
    assert_eq!(
        okta.count(Endpoint::Token),
        requests,
        "nothing before the reset"
    );

    // After it, the background retry brings the session back: no introspection, no reuse.
    let mut changes = session.subscribe();
    let back = tokio::time::timeout(Duration::from_secs(600), async {
        while !matches!(
            changes.borrow_and_update().state,
            SessionState::SignedIn { .. }
        ) {
            changes.changed().await.unwrap();
        }
    })
    .await;
    assert!(back.is_ok(), "still {:?}", session.status().state);
    assert_eq!(okta.count(Endpoint::Token), requests + 1);
    assert_eq!(okta.count(Endpoint::Introspect), 0);
    assert_eq!(okta.reuse_detected(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_503_s_retry_after_is_waited_out_before_okta_is_asked_again() {
    let (okta, _, session, _) = signed_in_alice().await;
    okta.fail_next(Endpoint::Token, Fault::Maintenance(Duration::from_secs(90)));
    let error = session.access_token().await.unwrap_err();
    assert_eq!(error.code(), "provider_unavailable", "{error:?}");
    let wait = session.provider_wait().expect("the 503's wait is kept");
    assert!(
        (Duration::from_secs(89)..=Duration::from_secs(90)).contains(&wait),
        "{wait:?}"
    );
    let requests = okta.count(Endpoint::Token);
    tokio::time::sleep(Duration::from_secs(80)).await;
    assert!(session.access_token().await.is_err());
    assert_eq!(okta.count(Endpoint::Token), requests, "nothing before it");
    tokio::time::sleep(Duration::from_secs(15)).await;
    session
        .access_token()
        .await
        .expect("back once the wait is over");
    assert_eq!(okta.reuse_detected(), 0);
}

#[tokio::test]
async fn after_a_readable_error_the_session_recovers_as_soon_as_okta_answers() {
    let (okta, _, session, _) = signed_in_alice().await;
    // A 503 page: Okta answered, so nothing of the request can still be on its way. The token
    // may have been spent all the same, so it is asked about before it is presented; but with
    // no quiet period to sit out.
    okta.fail_next(Endpoint::Token, Fault::Status(503));
    fails_offline(&session).await;
    session.access_token().await.expect("back at the next call");
    assert_eq!(okta.count(Endpoint::Introspect), 1, "asked about first");
    assert_eq!(okta.reuse_detected(), 0);

    // A lost answer is still waited out: the provider may still be acting on it.
    okta.fail_next(Endpoint::Token, Fault::LoseAnswer);
    fails_offline(&session).await;
    let error = session.access_token().await.unwrap_err();
    assert!(error.is_transient(), "{error:?}");
    assert_eq!(okta.reuse_detected(), 0);
}

#[tokio::test]
async fn an_unverified_email_is_no_email_to_it_s_rule() {
    let okta = okta();
    let example = okta.example();
    okta.add_person(point_fake_okta::Person {
        login: "mallory@example.com".into(),
        subject: "00u9mallory".into(),
        name: "Mallory".into(),
        email: "mallory@example.com".into(),
        email_verified: false,
        issuer: example.issuer.clone(),
    });
    let store = Arc::new(RecordingStore::default());
    let session = session_on(&okta, store.clone());
    session.admit_only(Arc::new(|email: Option<&str>| {
        email.is_some_and(|e| e.ends_with("@example.com"))
    }));
    let error = sign_in_as(&okta, &session, "mallory@example.com")
        .await
        .unwrap_err();
    assert_eq!(error, SessionError::EmailNotAllowed);
    assert!(store.session_writes().is_empty(), "nothing kept");
    assert_eq!(
        okta.active_refresh_tokens("mallory@example.com"),
        0,
        "revoked"
    );
    // A verified one of the same domain is admitted.
    sign_in_as(&okta, &session, "alice@example.com")
        .await
        .unwrap();
}

#[test]
fn a_quiet_period_says_how_much_of_it_is_left() {
    let timeout = Duration::from_secs(30);
    let now = SystemTime::now();
    let lost = InDoubt {
        since: now - Duration::from_secs(20),
        answer_came_back: false,
    };
    let left = lost.quiet_left(timeout).expect("40 s left");
    assert!(
        (Duration::from_secs(39)..=Duration::from_secs(40)).contains(&left),
        "{left:?}"
    );
    assert!(!lost.may_ask(timeout));
    let over = InDoubt {
        since: now - Duration::from_secs(61),
        answer_came_back: false,
    };
    assert_eq!(over.quiet_left(timeout), None);
    assert!(over.may_ask(timeout));
    // An answer came back: no quiet period at all.
    let answered = InDoubt {
        since: now,
        answer_came_back: true,
    };
    assert_eq!(answered.quiet_left(timeout), None);
    assert!(answered.may_ask(timeout));
}
