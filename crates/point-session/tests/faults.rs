//! The session against a faulty provider, on real parts (the dev provider over TLS with its fault
//! switch, GNOME Keyring's Secret Service through `scripts/with-keyring`):
//! - a refresh token is kept unless the provider says it is dead (`invalid_grant`, or
//!   introspection answering `active: false`), and the next call recovers without a sign-in;
//! - with a grace period of 0, no fault makes the provider see a spent refresh token again;
//! - a rotated refresh token is stored before the ID token is checked;
//! - a key rotation costs one key-set fetch; a provider clock off by an hour either way works;
//! - a refresh that finishes after a sign-out or a new sign-in writes nothing;
//! - Okta's rate limit holds back every caller in the process until its reset, spends nothing.
//!
//! Access tokens here live 30 s, under the 60 s refresh margin: every `access_token()` refreshes.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{
    account, data_dir, lookup, secret_service, sign_in, start_with, stored_refresh_token,
};
use point_auth::{HttpClient, OktaSettings, OktaSignIn, SignInError};
use point_dev_stack::{DevStack, Fault, FaultKind, ProviderOptions};
use point_session::{OsKeychain, ProfileCache, Session, SessionError, SessionState};

const EVERY_CALL_REFRESHES: Option<u32> = Some(30);
/// The HTTP timeout of most sessions here: short, so that the wait after a lost answer is too.
const TIMEOUT: Duration = Duration::from_secs(1);
/// A token in doubt is asked about only when its request can no longer be on its way: twice the
/// timeout after it went out.
const QUIET: Duration = Duration::from_millis(2100);

async fn stack_with_grace(grace: u32) -> DevStack {
    start_with(ProviderOptions {
        access_token_ttl: EVERY_CALL_REFRESHES,
        refresh_grace: Some(grace),
        ..ProviderOptions::default()
    })
    .await
}

/// A session whose HTTP client gives up on an answer after `timeout`.
fn session(stack: &DevStack, keychain: &OsKeychain, timeout: Duration) -> Arc<Session> {
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let http = HttpClient::with_request_timeout(Some(&stack.ca_file), timeout).unwrap();
    let sign_in = Arc::new(OktaSignIn::new(settings, Arc::new(http)));
    let session = Session::new(
        sign_in,
        Ok(Arc::new(keychain.clone())),
        ProfileCache::in_dir(&data_dir(stack)),
    );
    // These tests make each call themselves and check what it did.
    session.without_background_retries();
    session
}

/// A dev stack with this refresh grace period, and a session signed in on it whose HTTP client
/// waits `timeout`; with the session's keychain account.
async fn signed_in(
    keychain: &OsKeychain,
    grace: u32,
    timeout: Duration,
) -> (DevStack, Arc<Session>, String) {
    let stack = stack_with_grace(grace).await;
    let session = session(&stack, keychain, timeout);
    sign_in(&stack, &session).await;
    let account = account(&stack);
    (stack, session, account)
}

/// Whether the provider still takes this refresh token (introspection spends nothing).
async fn active(stack: &DevStack, refresh_token: &str) -> bool {
    let url = format!(
        "{}/v1/introspect",
        stack.issuer.as_str().trim_end_matches('/')
    );
    let answer: serde_json::Value = stack
        .http_client()
        .unwrap()
        .post(url)
        .form(&[
            ("token", refresh_token),
            ("token_type_hint", "refresh_token"),
            ("client_id", &stack.client_id),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["active"] == true
}

fn transient(error: &SessionError) -> bool {
    error.is_transient()
}

#[tokio::test]
async fn faults_before_the_provider_acts_keep_the_token_and_the_next_call_recovers() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let (stack, session, account) = signed_in(&keychain, 0, TIMEOUT).await;

    let faults = [
        FaultKind::Status(500),
        FaultKind::Status(502),
        FaultKind::Status(503),
        FaultKind::Status(504),
        FaultKind::Close,
        FaultKind::CaptivePortal,
    ];
    for kind in faults {
        let before = stored_refresh_token(&account).expect("a stored token");
        stack.add_fault(Fault::before("token", kind)).await.unwrap();
        let error = session.access_token().await.unwrap_err();
        assert!(transient(&error), "{kind:?}: {error:?}");
        assert!(
            matches!(session.status().state, SessionState::Offline { .. }),
            "{kind:?}: {:?}",
            session.status().state
        );
        assert_eq!(
            stored_refresh_token(&account).as_deref(),
            Some(before.as_str()),
            "{kind:?}: the token is kept"
        );
        // The client cannot tell these from a lost answer: the token is in doubt until asked.
        tokio::time::sleep(QUIET).await;
        session
            .access_token()
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: the next call recovers: {e:?}"));
        assert!(matches!(
            session.status().state,
            SessionState::SignedIn { .. }
        ));
        assert_ne!(
            stored_refresh_token(&account).unwrap(),
            before,
            "{kind:?}: rotated"
        );
    }

    // A slow answer within the timeout is only slow.
    stack
        .add_fault(Fault::before(
            "token",
            FaultKind::Delay(Duration::from_millis(500)),
        ))
        .await
        .unwrap();
    session.access_token().await.expect("a slow refresh works");

    // The provider offline for 3 s: connections are refused, then it is back.
    stack
        .provider_offline_for(Duration::from_secs(3))
        .await
        .unwrap();
    let kept = stored_refresh_token(&account).unwrap();
    let offline = session.access_token().await.unwrap_err();
    // Refused, or a pooled connection cut under the request (then the token is in doubt).
    assert!(
        ["offline", "interrupted"].contains(&offline.code()),
        "{offline:?}"
    );
    assert_eq!(stored_refresh_token(&account), Some(kept));
    tokio::time::sleep(Duration::from_secs(4).max(QUIET)).await;
    session.access_token().await.expect("back online");

    let stats = stack.provider_stats().await.unwrap();
    assert_eq!(stats.refresh_token_reuse(), 0, "{stats:?}");
    assert!(
        stats.faults.values().sum::<u64>() > faults.len() as u64,
        "{stats:?}"
    );
    stack.stop().await;
}

#[tokio::test]
async fn with_grace_zero_an_answer_lost_after_the_provider_rotated_is_never_followed_by_reuse() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let stack = stack_with_grace(0).await;
    let session = session(&stack, &keychain, TIMEOUT);
    let account = account(&stack);
    let lost_answers = [
        FaultKind::Close,
        FaultKind::Truncate,
        FaultKind::Status(502),
        FaultKind::Status(504),
        FaultKind::CaptivePortal,
        // Slower than the client waits: the client gives up, the provider goes on and rotates.
        FaultKind::Delay(Duration::from_millis(1500)),
    ];
    for kind in lost_answers {
        sign_in(&stack, &session).await;
        let spent = stored_refresh_token(&account).unwrap();
        stack.add_fault(Fault::after("token", kind)).await.unwrap();
        let error = session.access_token().await.unwrap_err();
        assert!(transient(&error), "{kind:?}: {error:?}");
        assert_eq!(
            stored_refresh_token(&account).as_deref(),
            Some(spent.as_str()),
            "{kind:?}: kept, in doubt"
        );
        tokio::time::sleep(QUIET).await;
        // The provider rotated: the next call asks before presenting the spent token, learns it
        // is dead, and ends the session instead of presenting it.
        assert!(
            !active(&stack, &spent).await,
            "{kind:?}: the provider spent it"
        );
        assert_eq!(
            session.access_token().await.unwrap_err(),
            SessionError::SessionEnded,
            "{kind:?}"
        );
        assert_eq!(session.status().state, SessionState::Ended);
        assert_eq!(lookup(&account), None, "{kind:?}: a dead token is not kept");
    }
    // An error page after the provider rotated: the answer came back, so nothing is still on
    // its way and the next call asks at once (no quiet period), learns the token is spent, and
    // ends the session instead of presenting it.
    sign_in(&stack, &session).await;
    stack
        .add_fault(Fault::after("token", FaultKind::Status(503)))
        .await
        .unwrap();
    let _ = session.access_token().await.unwrap_err();
    assert_eq!(
        session.access_token().await.unwrap_err(),
        SessionError::SessionEnded,
        "asked at once after an error page"
    );
    // A lost answer, then the question itself fails: still in doubt, still not presented.
    sign_in(&stack, &session).await;
    for fault in [
        Fault::after("token", FaultKind::Close),
        Fault::before("introspect", FaultKind::Status(503)),
    ] {
        stack.add_fault(fault).await.unwrap();
    }
    let _ = session.access_token().await.unwrap_err(); // the answer is lost: in doubt
    let early = session.access_token().await.unwrap_err(); // too early to ask
    assert_eq!(early.code(), "interrupted", "{early:?}");
    tokio::time::sleep(QUIET).await;
    let _ = session.access_token().await.unwrap_err(); // introspection fails: still in doubt
    assert!(lookup(&account).is_some(), "in doubt is not dead");
    assert_eq!(
        session.access_token().await.unwrap_err(),
        SessionError::SessionEnded,
        "asked at last: spent"
    );

    let stats = stack.provider_stats().await.unwrap();
    assert_eq!(
        stats.refresh_token_reuse(),
        0,
        "the provider never saw a spent refresh token again: {stats:?}"
    );
    assert_eq!(stats.grants("refresh_token:reuse_in_grace"), 0, "{stats:?}");
    stack.stop().await;
}

#[tokio::test]
async fn okta_s_rate_limit_holds_back_every_caller_until_its_reset() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let (stack, session, account) = signed_in(&keychain, 0, TIMEOUT).await;
    let before = stored_refresh_token(&account).expect("a stored token");
    stack
        .add_fault(Fault::before(
            "token",
            FaultKind::RateLimited(Duration::from_secs(3)),
        ))
        .await
        .unwrap();
    let error = session.access_token().await.unwrap_err();
    assert_eq!(error.code(), "rate_limited", "{error:?}");
    assert!(
        error.to_string().contains("POINT tries again at "),
        "{error}"
    );
    // Okta's requests (the fault switch's own are counted too, under /__dev/).
    let requests = |stats: point_dev_stack::ProviderStats| {
        stats
            .requests
            .iter()
            .filter(|(key, _)| !key.contains("/__dev/"))
            .map(|(_, n)| n)
            .sum::<u64>()
    };
    let seen = requests(stack.provider_stats().await.unwrap());

    // Every caller: the session again, and a client of its own to the same Okta (as
    // `point doctor` builds one): not even its discovery goes out.
    assert_eq!(
        session.access_token().await.unwrap_err().code(),
        "rate_limited"
    );
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let doctor = OktaSignIn::new(
        settings,
        Arc::new(HttpClient::new(Some(&stack.ca_file)).unwrap()),
    );
    assert_eq!(doctor.provider().await.unwrap_err().code(), "rate_limited");
    assert_eq!(
        requests(stack.provider_stats().await.unwrap()),
        seen,
        "no request reached Okta before the reset"
    );
    assert_eq!(stored_refresh_token(&account), Some(before.clone()), "kept");

    // After the reset (whole epoch seconds: at most 4 s), the next call gets through.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match session.access_token().await {
            Ok(_) => break,
            Err(error) => {
                assert_eq!(error.code(), "rate_limited", "{error:?}");
                assert!(std::time::Instant::now() < deadline, "still held back");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    let stats = stack.provider_stats().await.unwrap();
    assert_eq!(stats.refresh_token_reuse(), 0, "{stats:?}");
    assert_ne!(stored_refresh_token(&account), Some(before), "rotated");
}

#[tokio::test]
async fn an_answer_cut_short_before_the_provider_acts_is_asked_about_and_the_session_goes_on() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let (stack, session, account) = signed_in(&keychain, 0, TIMEOUT).await;
    let kept = stored_refresh_token(&account).unwrap();
    // The connection closes before the provider saw the request: the client cannot tell.
    stack
        .add_fault(Fault::before("token", FaultKind::Close))
        .await
        .unwrap();
    session.access_token().await.unwrap_err();
    tokio::time::sleep(QUIET).await;
    let before = stack.provider_stats().await.unwrap();
    session.access_token().await.expect("recovers");
    let after = stack.provider_stats().await.unwrap();
    assert_eq!(
        after.requests_ending("POST", "/v1/introspect")
            - before.requests_ending("POST", "/v1/introspect"),
        1,
        "the token in doubt was asked about once"
    );
    assert_ne!(stored_refresh_token(&account).unwrap(), kept);
    assert_eq!(after.refresh_token_reuse(), 0);
    stack.stop().await;
}

#[tokio::test]
async fn a_rotated_refresh_token_is_kept_when_the_answer_fails_validation() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let (stack, session, account) = signed_in(&keychain, 0, Duration::from_secs(5)).await;
    let spent = stored_refresh_token(&account).unwrap();

    // New signing key, and its key set cannot be fetched: the refreshed ID token cannot be
    // verified, after the provider rotated the refresh token.
    stack.rotate_provider_keys().await.unwrap();
    stack
        .add_fault(Fault::before("keys", FaultKind::Status(503)))
        .await
        .unwrap();
    let error = session.access_token().await.unwrap_err();
    assert!(
        matches!(
            error,
            SessionError::SignIn(SignInError::ProviderUnavailable { .. })
        ),
        "{error:?}"
    );
    let rotated = stored_refresh_token(&account).unwrap();
    assert_ne!(rotated, spent, "the new refresh token was stored first");
    assert!(active(&stack, &rotated).await);

    // The next call uses the new token and verifies with the new key.
    session.access_token().await.expect("recovers");
    let stats = stack.provider_stats().await.unwrap();
    assert_eq!(stats.refresh_token_reuse(), 0, "{stats:?}");
    stack.stop().await;
}

#[tokio::test]
async fn a_key_rotation_costs_exactly_one_key_set_fetch() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let stack = stack_with_grace(30).await;
    let session = session(&stack, &keychain, Duration::from_secs(5));
    sign_in(&stack, &session).await;
    session.access_token().await.unwrap();
    let keys = |stats: &point_dev_stack::ProviderStats| stats.requests_ending("GET", "/v1/keys");
    let before = keys(&stack.provider_stats().await.unwrap());

    stack.rotate_provider_keys().await.unwrap();
    for _ in 0..3 {
        session
            .access_token()
            .await
            .expect("refreshes across the rotation");
    }
    let after = keys(&stack.provider_stats().await.unwrap());
    assert_eq!(after - before, 1, "one fetch of the new key set");
    stack.stop().await;
}

#[tokio::test]
async fn a_provider_clock_an_hour_off_either_way_signs_in_and_refreshes() {
    let Some(keychain) = secret_service() else {
        return;
    };
    for offset in [3600_i64, -3600] {
        let stack = stack_with_grace(30).await;
        stack.set_provider_clock_offset(offset).await.unwrap();
        let session = session(&stack, &keychain, Duration::from_secs(5));
        sign_in(&stack, &session).await;
        let learned = session.sign_in().http().clock_offset_seconds();
        assert!(
            learned.abs_diff(offset) <= 2,
            "learned {learned} s from the provider's Date"
        );
        session
            .access_token()
            .await
            .unwrap_or_else(|e| panic!("refresh with the clock {offset:+} s off: {e:?}"));
        assert!(matches!(
            session.status().state,
            SessionState::SignedIn { .. }
        ));
        stack.stop().await;
    }
}

/// Starts a refresh that the provider answers only after `delay`, and returns once the provider
/// has the request.
async fn refresh_in_flight(
    stack: &DevStack,
    session: &Arc<Session>,
    delay: Duration,
) -> tokio::task::JoinHandle<Result<point_auth::AccessToken, SessionError>> {
    stack
        .add_fault(Fault::before("token", FaultKind::Delay(delay)))
        .await
        .unwrap();
    let applied = |stats: &point_dev_stack::ProviderStats| stats.faults.values().sum::<u64>();
    let before = applied(&stack.provider_stats().await.unwrap());
    let refreshing = {
        let session = session.clone();
        tokio::spawn(async move { session.access_token().await })
    };
    for _ in 0..200 {
        if applied(&stack.provider_stats().await.unwrap()) > before {
            return refreshing;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the provider never received the refresh");
}

#[tokio::test]
async fn a_refresh_that_finishes_after_sign_out_writes_nothing() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let (stack, session, account) = signed_in(&keychain, 0, Duration::from_secs(10)).await;

    let refreshing = refresh_in_flight(&stack, &session, Duration::from_secs(2)).await;
    session.sign_out().await.unwrap();
    let outcome = refreshing.await.unwrap();
    assert!(outcome.is_err(), "no token after sign-out");
    assert_eq!(session.status().state, SessionState::SignedOut);
    assert_eq!(lookup(&account), None, "nothing written back");
    assert!(ProfileCache::in_dir(&data_dir(&stack)).load().is_none());
    assert_eq!(
        session.access_token().await.unwrap_err(),
        SessionError::NotSignedIn
    );
    let stats = stack.provider_stats().await.unwrap();
    assert_eq!(stats.refresh_token_reuse(), 0);
    stack.stop().await;
}

#[tokio::test]
async fn a_refresh_that_finishes_after_a_new_sign_in_writes_nothing() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let (stack, session, account) = signed_in(&keychain, 0, Duration::from_secs(10)).await;

    let replaced = stored_refresh_token(&account).unwrap();
    let refreshing = refresh_in_flight(&stack, &session, Duration::from_secs(2)).await;
    sign_in(&stack, &session).await;
    let signed_in_with = stored_refresh_token(&account).unwrap();
    let _ = refreshing.await.unwrap();
    // The session the sign-in replaced is revoked (in the background), so the refresh held at
    // the provider gets nothing to keep; had it got a token, that would be revoked too.
    let mut revoked = false;
    for _ in 0..100 {
        if !active(&stack, &replaced).await {
            revoked = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(revoked, "the replaced session's refresh token was revoked");
    assert_eq!(
        stored_refresh_token(&account),
        Some(signed_in_with.clone()),
        "the new sign-in's token stays in the keychain"
    );
    assert!(active(&stack, &signed_in_with).await);
    assert!(matches!(
        session.status().state,
        SessionState::SignedIn { .. }
    ));
    session.access_token().await.expect("the new session works");
    stack.stop().await;
}

#[tokio::test]
async fn a_request_the_provider_is_still_working_on_is_not_asked_about_too_early() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let (stack, session, account) = signed_in(&keychain, 0, TIMEOUT).await;
    let spent = stored_refresh_token(&account).unwrap();

    // The provider holds the request past the client's timeout, then acts on it. Asked at once,
    // it would still call the token active; presenting it then would be reuse.
    stack
        .add_fault(Fault::before(
            "token",
            FaultKind::Delay(Duration::from_millis(1500)),
        ))
        .await
        .unwrap();
    let lost = session.access_token().await.unwrap_err();
    assert_eq!(lost.code(), "interrupted", "{lost:?}");
    assert!(
        active(&stack, &spent).await,
        "the provider has not acted yet"
    );
    for _ in 0..3 {
        let early = session.access_token().await.unwrap_err();
        assert_eq!(early.code(), "interrupted", "not presented: {early:?}");
    }
    tokio::time::sleep(QUIET).await;
    assert_eq!(
        session.access_token().await.unwrap_err(),
        SessionError::SessionEnded,
        "the provider spent it meanwhile"
    );
    let stats = stack.provider_stats().await.unwrap();
    assert_eq!(stats.refresh_token_reuse(), 0, "{stats:?}");
    assert_eq!(stats.grants("refresh_token:success"), 1, "{stats:?}");
    stack.stop().await;
}

/// The real keychain, whose writes can be made to fail (a keychain locked mid-session).
struct LockableKeychain {
    inner: OsKeychain,
    locked: std::sync::atomic::AtomicBool,
}

impl point_session::SecretStore for LockableKeychain {
    fn read(&self, account: &str) -> Result<Option<String>, point_session::KeychainError> {
        self.inner.read(account)
    }

    fn write(&self, account: &str, secret: &str) -> Result<(), point_session::KeychainError> {
        if self.locked.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(point_session::KeychainError::Locked(
                "locked by the test".into(),
            ));
        }
        self.inner.write(account, secret)
    }

    fn delete(&self, account: &str) -> Result<(), point_session::KeychainError> {
        self.inner.delete(account)
    }
}

#[tokio::test]
async fn no_refresh_goes_out_when_the_keychain_cannot_note_it() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let stack = stack_with_grace(0).await;
    let store = Arc::new(LockableKeychain {
        inner: keychain,
        locked: false.into(),
    });
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let http = HttpClient::with_request_timeout(Some(&stack.ca_file), TIMEOUT).unwrap();
    let session = Session::new(
        Arc::new(OktaSignIn::new(settings, Arc::new(http))),
        Ok(store.clone()),
        ProfileCache::in_dir(&data_dir(&stack)),
    );
    session.without_background_retries();
    sign_in(&stack, &session).await;
    let account = account(&stack);
    let stored = stored_refresh_token(&account).unwrap();
    let refreshes = |stats: &point_dev_stack::ProviderStats| {
        stats.grants("refresh_token:success") + stats.grants("refresh_token:error")
    };
    let before = refreshes(&stack.provider_stats().await.unwrap());

    // A refresh the keychain could not mark "in doubt" would, if the app died with the answer,
    // leave a spent token looking usable. So it does not go out.
    store
        .locked
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let error = session.access_token().await.unwrap_err();
    assert_eq!(error.code(), "keychain", "{error:?}");
    assert!(session.status().keychain_problem.is_some());
    assert_eq!(refreshes(&stack.provider_stats().await.unwrap()), before);
    assert_eq!(stored_refresh_token(&account), Some(stored));

    store
        .locked
        .store(false, std::sync::atomic::Ordering::SeqCst);
    session.access_token().await.expect("unlocked: refreshes");
    stack.stop().await;
}
