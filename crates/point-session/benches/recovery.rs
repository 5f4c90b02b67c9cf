//! `scripts/bench recovery`: how long a signed-in session takes to come back after each fault
//! of the dev provider's token endpoint (over TLS, grace period 0, every call a refresh), and
//! that no fault makes it present a spent refresh token. Two figures per fault, each the median
//! of `--rounds` (default 3):
//! - *next call*: a caller asks for an access token every 100 ms after the failure; the time
//!   until one succeeds (how soon POINT can recover);
//! - *by itself*: nobody asks; the time until the session's own background retries bring it
//!   back (what a person looking at the offline screen waits).
//!
//! When Okta rotated the token and the answer was lost, the session cannot come back (with a
//! grace period of 0 the old token is dead and POINT never presents it): it ends, and the
//! figure is when ("ends").
//!
//! Options: `--timeout S` (the HTTP request timeout, default 5; a lost answer's quiet period is
//! twice it; production's is 30 s), `--rounds N`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use point_auth::{HttpClient, OktaSettings, OktaSignIn};
use point_dev_stack::{DevStack, Fault, FaultKind, ProviderOptions, StackOptions};
use point_session::{MemoryKeychain, ProfileCache, SecretStore, Session, SessionState};

#[tokio::main]
async fn main() {
    let mut timeout = Duration::from_secs(5);
    let mut rounds = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--timeout" => {
                if let Some(seconds) = args.next().and_then(|n| n.parse().ok()) {
                    timeout = Duration::from_secs(seconds);
                }
            }
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            _ => {} // cargo bench passes --bench
        }
    }
    let stack = DevStack::start(StackOptions {
        provider: ProviderOptions {
            auto_login: true,
            access_token_ttl: Some(30),
            refresh_grace: Some(0),
            ..ProviderOptions::default()
        },
        state_dir: None,
    })
    .await
    .expect("dev stack starts");
    let late = timeout + Duration::from_secs(1);
    let faults: [(&str, Fault); 11] = [
        ("500 page", Fault::before("token", FaultKind::Status(500))),
        ("503 page", Fault::before("token", FaultKind::Status(503))),
        (
            "502 from a gateway",
            Fault::before("token", FaultKind::Status(502)),
        ),
        (
            "504 from a gateway",
            Fault::before("token", FaultKind::Status(504)),
        ),
        (
            "captive portal's page",
            Fault::before("token", FaultKind::CaptivePortal),
        ),
        (
            "429, reset in 2 s",
            Fault::before("token", FaultKind::RateLimited(Duration::from_secs(2))),
        ),
        (
            "closed before Okta acts",
            Fault::before("token", FaultKind::Close),
        ),
        (
            "closed after Okta rotated",
            Fault::after("token", FaultKind::Close),
        ),
        (
            "cut short after Okta rotated",
            Fault::after("token", FaultKind::Truncate),
        ),
        (
            "no answer; Okta acts late",
            Fault::before("token", FaultKind::Delay(late)),
        ),
        (
            "answer lost after Okta rotated",
            Fault::after("token", FaultKind::Delay(late)),
        ),
    ];
    println!(
        "time to recover after one fault of the token endpoint (dev provider over TLS, grace 0, \
         HTTP timeout {} s, median of {rounds})",
        timeout.as_secs()
    );
    println!("{:<32} {:>12} {:>12}", "fault", "next call", "by itself");
    for (name, fault) in faults {
        let mut next_call = Vec::new();
        let mut by_itself = Vec::new();
        for _ in 0..rounds {
            next_call.push(recover(&stack, timeout, fault.clone(), false).await);
            by_itself.push(recover(&stack, timeout, fault.clone(), true).await);
        }
        println!(
            "{name:<32} {:>12} {:>12}",
            seconds(median(next_call)),
            seconds(median(by_itself))
        );
    }
    let stats = stack.provider_stats().await.expect("stats");
    println!(
        "refresh tokens presented after they were spent: {}",
        stats.refresh_token_reuse()
    );
}

/// How a session came out of a fault, and after how long.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Signed in again without the person.
    Back(Duration),
    /// Okta had rotated the token and the answer was lost: with a grace period of 0 the
    /// session ends (POINT never presents a spent token), and the person signs in again.
    Ended(Duration),
}

/// Signs in a new session, makes its next refresh meet `fault`, and times its recovery.
async fn recover(stack: &DevStack, timeout: Duration, fault: Fault, by_itself: bool) -> Outcome {
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let http = HttpClient::with_request_timeout(Some(&stack.ca_file), timeout).unwrap();
    let dir = stack.state_dir.join(format!("recovery-{}", rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let keychain: Arc<dyn SecretStore> = Arc::new(MemoryKeychain::default());
    let session = Session::new(
        Arc::new(OktaSignIn::new(settings, Arc::new(http))),
        Ok(keychain),
        ProfileCache::in_dir(&dir),
    );
    if !by_itself {
        session.without_background_retries();
    }
    let url = session
        .begin_sign_in(Some("alice@example.com"))
        .await
        .unwrap();
    let callback = stack.browser_leg(&url).await.unwrap();
    session
        .complete_sign_in(point_auth::parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .expect("signed in");
    stack.add_fault(fault).await.unwrap();
    let started = Instant::now();
    if session.access_token().await.is_ok() {
        return Outcome::Back(Duration::ZERO);
    }
    let mut changes = session.subscribe();
    loop {
        match changes.borrow_and_update().state {
            SessionState::SignedIn { .. } => return Outcome::Back(started.elapsed()),
            SessionState::Ended => return Outcome::Ended(started.elapsed()),
            _ => {}
        }
        if by_itself {
            let _ = tokio::time::timeout(Duration::from_millis(100), changes.changed()).await;
        } else {
            let _ = session.access_token().await;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "no recovery in 10 minutes"
        );
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

fn median(mut values: Vec<Outcome>) -> Outcome {
    values.sort();
    values[values.len() / 2]
}

fn seconds(outcome: Outcome) -> String {
    match outcome {
        Outcome::Back(after) => format!("{:.1} s", after.as_secs_f64()),
        Outcome::Ended(after) => format!("ends {:.1} s", after.as_secs_f64()),
    }
}
