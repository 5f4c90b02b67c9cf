//! The session on real parts: the Secret Service of GNOME Keyring in a private D-Bus session
//! (run these through `scripts/with-keyring`, as `scripts/test` does), the dev provider over TLS,
//! and second processes (`session-tool`) that restore or complete what the first one left.
//!
//! With `POINT_SECRET_SERVICE=required` (set by scripts/with-keyring) a missing Secret Service
//! fails these tests; without it they say they were skipped.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{
    account, data_dir, lookup, redeem, secret_service, session, session_with, sign_in, start,
    start_with, stored_refresh_token, RELEASE_SERVICE,
};
use point_dev_stack::{DevStack, Fault, FaultKind, ProviderOptions};
use point_session::{KeychainError, ProfileCache, SessionError, SessionState};
use serde_json::Value;

const TOOL: &str = env!("CARGO_BIN_EXE_session-tool");

fn tool(stack: &DevStack, args: &[&str], env: &[(&str, &str)]) -> Value {
    let output = tool_command(stack, args, env)
        .output()
        .expect("session-tool runs");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "session-tool printed no JSON: {} {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn tool_command(stack: &DevStack, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(TOOL);
    command
        .args(args)
        .args([
            "--issuer",
            stack.issuer.as_str(),
            "--client-id",
            &stack.client_id,
        ])
        .arg("--ca")
        .arg(&stack.ca_file)
        .arg("--data-dir")
        .arg(data_dir(stack))
        .args(["--service", RELEASE_SERVICE]);
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

fn files_mention(dir: &Path, needle: &str) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|entry| {
        std::fs::read(entry.path())
            .map(|bytes| String::from_utf8_lossy(&bytes).contains(needle))
            .unwrap_or(false)
    })
}

#[tokio::test]
async fn sign_in_is_kept_in_the_secret_service_restored_by_another_process_and_signed_out() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let stack = start(None).await;
    let first = session(&stack, &keychain);
    sign_in(&stack, &first).await;

    // The Secret Service itself holds the entry: the refresh token and small metadata only.
    let account = account(&stack);
    let original = stored_refresh_token(&account).expect("secret-tool finds the entry");
    assert!(
        !files_mention(&data_dir(&stack), &original),
        "no token in the app's files"
    );
    assert!(ProfileCache::in_dir(&data_dir(&stack)).load().is_some());

    // A second process restores the session from the keychain, without a browser.
    let restored = tool(&stack, &["restore"], &[]);
    assert_eq!(restored["state"], "signed_in", "{restored}");
    assert_eq!(restored["email"], "alice@example.com");

    assert_ne!(
        stored_refresh_token(&account).unwrap(),
        original,
        "that restore rotated it"
    );

    // Sign out from a fresh session restored in this process.
    let second = session(&stack, &keychain);
    assert!(matches!(
        second.restore().await.state,
        SessionState::SignedIn { .. }
    ));
    let before_sign_out = stored_refresh_token(&account).unwrap();
    let end_session = second
        .sign_out()
        .await
        .unwrap()
        .expect("an end-session URL");
    assert_eq!(second.status().state, SessionState::SignedOut);
    assert_eq!(lookup(&account), None, "the keychain entry is gone");
    assert!(ProfileCache::in_dir(&data_dir(&stack)).load().is_none());
    let (status, body) = redeem(&stack, &before_sign_out).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "revoked at the provider"
    );

    // The browser comes back through /logout with the state; another state is ignored.
    assert!(end_session
        .query_pairs()
        .any(|(k, v)| k == "post_logout_redirect_uri" && v == "org.pointapp.point:/logout"));
    let back = stack.browser_leg(&end_session).await.unwrap();
    assert!(!second.complete_sign_out(&signed_out(
        "org.pointapp.point:/logout?state=somebody-else"
    )));
    assert!(second.complete_sign_out(&signed_out(back.as_str())));
    assert!(
        !second.complete_sign_out(&signed_out(back.as_str())),
        "once only"
    );
    stack.stop().await;
}

#[tokio::test]
async fn rotation_stores_the_new_refresh_token_and_the_old_one_is_refused() {
    let Some(keychain) = secret_service() else {
        return;
    };
    // No grace period: the spent token is refused at once.
    let stack = start_with(ProviderOptions {
        refresh_grace: Some(0),
        ..ProviderOptions::default()
    })
    .await;
    sign_in(&stack, &session(&stack, &keychain)).await;
    let account = account(&stack);
    let original = stored_refresh_token(&account).unwrap();
    let restored = tool(&stack, &["restore"], &[]);
    assert_eq!(restored["state"], "signed_in", "{restored}");
    let rotated = stored_refresh_token(&account).unwrap();
    assert_ne!(rotated, original, "the keychain holds the rotated token");
    let (status, body) = redeem(&stack, &original).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "the used one is refused"
    );
    stack.stop().await;
}

#[tokio::test]
async fn reusing_a_spent_refresh_token_ends_the_session_cleanly() {
    let Some(keychain) = secret_service() else {
        return;
    };
    // Access tokens live 30 s, less than the 60 s refresh margin: every call refreshes. No grace
    // period: the spent token is refused at once.
    let stack = start_with(ProviderOptions {
        access_token_ttl: Some(30),
        refresh_grace: Some(0),
        ..ProviderOptions::default()
    })
    .await;
    let session = session(&stack, &keychain);
    sign_in(&stack, &session).await;
    let account = account(&stack);
    let stored = stored_refresh_token(&account).unwrap();

    // Someone else redeems the stored token first; POINT then presents a spent one.
    let (status, _) = redeem(&stack, &stored).await;
    assert_eq!(status, 200);
    assert_eq!(
        session.access_token().await.unwrap_err(),
        SessionError::SessionEnded
    );
    assert_eq!(session.status().state, SessionState::Ended);
    assert_eq!(lookup(&account), None, "invalid_grant deletes the entry");
    assert!(ProfileCache::in_dir(&data_dir(&stack)).load().is_none());
    assert_eq!(
        session.access_token().await.unwrap_err(),
        SessionError::NotSignedIn
    );
    stack.stop().await;
}

#[tokio::test]
async fn a_thousand_concurrent_callers_share_one_refresh() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let stack = start(Some(30)).await;
    let session = session(&stack, &keychain);
    sign_in(&stack, &session).await;
    let before = stack.grant_counts().await.unwrap();

    let callers: Vec<_> = (0..1000)
        .map(|_| {
            let session = session.clone();
            tokio::spawn(async move { session.access_token().await })
        })
        .collect();
    let mut tokens = std::collections::HashSet::new();
    for caller in callers {
        tokens.insert(caller.await.unwrap().expect("a token").expose().to_string());
    }
    let after = stack.grant_counts().await.unwrap();
    let refreshes = |counts: &std::collections::HashMap<String, u64>| {
        counts.get("refresh_token:success").copied().unwrap_or(0)
            + counts.get("refresh_token:error").copied().unwrap_or(0)
    };
    assert_eq!(
        refreshes(&after) - refreshes(&before),
        1,
        "exactly one token request"
    );
    assert_eq!(tokens.len(), 1, "everyone got the same new token");
    stack.stop().await;
}

#[tokio::test]
async fn offline_at_launch_keeps_the_cached_identity_and_the_token() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let stack = start(None).await;
    let signed_in = session(&stack, &keychain);
    sign_in(&stack, &signed_in).await;
    let account = account(&stack);
    let stored = stored_refresh_token(&account).unwrap();
    // Keep the discovery cached in a session made before the provider goes away, as if POINT
    // had been running; then stop the provider and relaunch.
    let relaunched = session(&stack, &keychain);
    relaunched.sign_in().provider().await.unwrap();
    let state_dir = stack.state_dir.clone();
    stack.stop().await;

    let status = relaunched.restore().await;
    match status.state {
        SessionState::Offline { profile, .. } => {
            assert_eq!(profile.email.as_deref(), Some("alice@example.com"))
        }
        other => panic!("expected offline, got {other:?}"),
    }
    assert_eq!(
        stored_refresh_token(&account),
        Some(stored),
        "a network failure never deletes the token"
    );
    let _ = std::fs::remove_dir_all(state_dir);
}

#[tokio::test]
async fn a_callback_that_cold_starts_the_app_completes_the_sign_in_begun_before() {
    let Some(_keychain) = secret_service() else {
        return;
    };
    let stack = start(None).await;
    let begun = tool(&stack, &["begin"], &[]);
    assert_eq!(begun["ok"], true, "{begun}");
    let url = url::Url::parse(begun["url"].as_str().unwrap()).unwrap();
    // The first process has exited; the browser comes back; the OS starts a new one.
    let callback = stack.browser_leg(&url).await.unwrap();
    let completed = tool(&stack, &["complete", callback.as_str()], &[]);
    assert_eq!(completed["state"], "signed_in", "{completed}");
    assert_eq!(completed["email"], "alice@example.com");
    stack.stop().await;
}

#[tokio::test]
async fn without_a_session_bus_the_keychain_error_is_typed_and_the_session_works_in_memory() {
    let stack = start(None).await;
    let checked = tool(
        &stack,
        &["keychain-check"],
        &[(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/point-test-bus",
        )],
    );
    assert_eq!(checked["ok"], false);
    assert_eq!(checked["kind"], "Unavailable", "{checked}");
    assert!(checked["hint"].as_str().unwrap().contains("Secret Service"));

    let unavailable = KeychainError::Unavailable("no session bus".into());
    let session = session_with(&stack, Err(unavailable.clone()));
    sign_in(&stack, &session).await;
    let status = session.status();
    assert!(matches!(status.state, SessionState::SignedIn { .. }));
    assert_eq!(status.keychain_problem, Some(unavailable));
    session.access_token().await.expect("tokens work in memory");
    stack.stop().await;
}

#[tokio::test]
async fn a_locked_keyring_is_a_typed_error() {
    if secret_service().is_none() {
        return;
    }
    // A keyring of its own, locked, so the other tests' keyring stays unlocked.
    let script = format!(
        "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
         org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null \
         && env -u DISPLAY {TOOL} keychain-check --service {RELEASE_SERVICE}"
    );
    let with_keyring = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/with-keyring");
    let output = Command::new(with_keyring)
        .args(["sh", "-c", &script])
        .env_remove("POINT_KEYRING_SESSION")
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let checked: Value = serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .unwrap_or_else(|_| {
            panic!(
                "no JSON: {stdout} {}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    assert_eq!(checked["ok"], false, "{checked}");
    assert_eq!(checked["kind"], "Locked", "{checked}");
    assert!(checked["hint"].as_str().unwrap().contains("Unlock"));
}

/// Starts `session-tool restore` with the provider's token endpoint under `fault` (a delay), and
/// kills the tool once the provider holds the request. Returns the keychain entry left behind.
async fn kill_during_refresh(stack: &DevStack, fault: Fault) -> Value {
    stack.add_fault(fault).await.unwrap();
    let mut restoring = tool_command(stack, &["restore", "--request-timeout", "1"], &[])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let applied = |stats: &point_dev_stack::ProviderStats| stats.faults.values().sum::<u64>();
    let before = applied(&stack.provider_stats().await.unwrap());
    while applied(&stack.provider_stats().await.unwrap()) == before {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    restoring.kill().unwrap();
    restoring.wait().unwrap();
    serde_json::from_str(&lookup(&account(stack)).expect("an entry")).unwrap()
}

#[tokio::test]
async fn a_process_killed_during_a_refresh_never_presents_the_spent_token_again() {
    let Some(keychain) = secret_service() else {
        return;
    };
    let stack = start_with(ProviderOptions {
        refresh_grace: Some(0),
        ..ProviderOptions::default()
    })
    .await;
    let account = account(&stack);
    let restore = ["restore", "--request-timeout", "1"];
    // Twice the relaunched tool's timeout: by then no request of the killed one is on its way.
    let quiet = Duration::from_millis(2100);

    // Killed while the provider is slow to act on its refresh (it acts 2 s later). Relaunched at
    // once, POINT does not ask yet (the provider would still call the token active) and does not
    // present it; relaunched later, it asks, hears "spent", and ends the session.
    sign_in(&stack, &session(&stack, &keychain)).await;
    let spent = stored_refresh_token(&account).unwrap();
    let delay = FaultKind::Delay(Duration::from_secs(2));
    let entry = kill_during_refresh(&stack, Fault::before("token", delay)).await;
    assert!(
        entry["in_doubt_since"].is_u64(),
        "marked before the request went out: {entry}"
    );
    assert_eq!(entry["refresh_token"], spent.as_str());
    let early = tool(&stack, &restore, &[]);
    assert_eq!(early["state"], "offline", "{early}");
    tokio::time::sleep(Duration::from_secs(2) + quiet).await;
    let later = tool(&stack, &restore, &[]);
    assert_eq!(later["state"], "ended", "{later}");
    assert_eq!(lookup(&account), None);

    // Killed after the provider rotated (its answer is delayed): the same, at the next launch.
    sign_in(&stack, &session(&stack, &keychain)).await;
    let spent = stored_refresh_token(&account).unwrap();
    let entry = kill_during_refresh(&stack, Fault::after("token", delay)).await;
    assert!(entry["in_doubt_since"].is_u64(), "{entry}");
    assert_eq!(entry["refresh_token"], spent.as_str());
    tokio::time::sleep(quiet).await;
    let relaunched = tool(&stack, &restore, &[]);
    assert_eq!(relaunched["state"], "ended", "{relaunched}");
    assert_eq!(lookup(&account), None);

    let stats = stack.provider_stats().await.unwrap();
    assert_eq!(stats.refresh_token_reuse(), 0, "{stats:?}");
    assert_eq!(stats.grants("refresh_token:success"), 2, "{stats:?}");
    stack.stop().await;
}

/// `session-tool` on a device whose clock is `skew` off (libfaketime's `faketime -f`), run to its
/// end; tokio's timers keep the real monotonic clock.
fn skewed_tool(stack: &DevStack, skew: &str, args: &[&str]) -> Value {
    let plain = tool_command(stack, args, &[]);
    let output = Command::new("faketime")
        .arg("-f")
        .arg(skew)
        .arg(plain.get_program())
        .args(plain.get_args())
        .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
        .output()
        .expect("faketime runs (Debian package faketime)");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "session-tool under faketime printed no JSON: {} {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[tokio::test]
async fn a_device_clock_an_hour_off_either_way_signs_in_and_refreshes() {
    let Some(_keychain) = secret_service() else {
        return;
    };
    let stack = start(None).await;
    for skew in ["-1h", "+1h", "-10m"] {
        // Sign in on the skewed device: the code exchange's ID token is checked against Okta's
        // clock, learned from its answers.
        let begun = skewed_tool(&stack, skew, &["begin"]);
        assert_eq!(begun["ok"], true, "{skew}: {begun}");
        let url = url::Url::parse(begun["url"].as_str().unwrap()).unwrap();
        let callback = stack.browser_leg(&url).await.unwrap();
        let completed = skewed_tool(&stack, skew, &["complete", callback.as_str()]);
        assert_eq!(completed["state"], "signed_in", "{skew}: {completed}");
        // The device really was off, and POINT knew by how much.
        let expected = match skew {
            "-1h" => 3600,
            "+1h" => -3600,
            _ => 600,
        };
        let learned = completed["clock_offset_seconds"].as_i64().unwrap();
        assert!(
            learned.abs_diff(expected) <= 2,
            "{skew}: learned {learned} s"
        );
        // A later launch on the same device refreshes.
        let restored = skewed_tool(&stack, skew, &["restore"]);
        assert_eq!(restored["state"], "signed_in", "{skew}: {restored}");
    }
    stack.stop().await;
}

fn signed_out(callback: &str) -> point_auth::SignOutCallback {
    point_auth::parse_sign_out_callback(callback).expect("a well-formed sign-out callback")
}
