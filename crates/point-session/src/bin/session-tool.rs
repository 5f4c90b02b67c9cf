//! `session-tool`: drives a POINT session from the command line, one step per process, so tests
//! can prove what survives a restart (and IT can check a machine's keychain).
//!
//!   session-tool keychain-check --service NAME
//!   session-tool restore  --issuer URL --client-id ID --ca PEM --data-dir DIR --service NAME
//!   session-tool begin    (same options)                 prints the authorization URL
//!   session-tool complete CALLBACK (same options)        completes a sign-in begun earlier
//!
//! `--request-timeout SECONDS` sets how long the HTTP client waits for an answer (default 30).
//!
//! Prints one JSON object on stdout; exits 1 when the step failed. Never prints a token.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use point_auth::{HttpClient, OktaSettings, OktaSignIn};
use point_session::{OsKeychain, ProfileCache, SecretStore, Session, SessionState, Status};
use serde_json::{json, Value};

#[derive(Default)]
struct Options {
    issuer: String,
    client_id: String,
    ca: Option<PathBuf>,
    data_dir: PathBuf,
    service: String,
    request_timeout: Option<Duration>,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let mut positional = Vec::new();
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--issuer" => options.issuer = value(),
            "--client-id" => options.client_id = value(),
            "--ca" => options.ca = Some(PathBuf::from(value())),
            "--data-dir" => options.data_dir = PathBuf::from(value()),
            "--service" => options.service = value(),
            "--request-timeout" => {
                options.request_timeout = value()
                    .parse()
                    .ok()
                    .and_then(|s| Duration::try_from_secs_f64(s).ok())
            }
            _ => positional.push(arg),
        }
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => return finish(json!({ "ok": false, "message": error.to_string() })),
    };
    let output = runtime.block_on(run(&command, &positional, &options));
    finish(output)
}

fn finish(output: Value) -> ExitCode {
    println!("{output}");
    if output["ok"] == true {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

async fn run(command: &str, positional: &[String], options: &Options) -> Value {
    if command == "keychain-check" {
        return keychain_check(&options.service);
    }
    let session = match session(options) {
        Ok(session) => session,
        Err(message) => return json!({ "ok": false, "message": message }),
    };
    match command {
        "restore" => {
            let status = session.restore().await;
            describe(&session, &status)
        }
        "begin" => match session.begin_sign_in(None).await {
            Ok(url) => json!({ "ok": true, "url": url.as_str() }),
            Err(error) => {
                json!({ "ok": false, "code": error.code(), "message": error.to_string() })
            }
        },
        "complete" => {
            session.restore().await;
            let callback = positional.first().map(String::as_str).unwrap_or_default();
            let completed = match point_auth::parse_sign_in_callback(callback) {
                Ok(callback) => session.complete_sign_in(callback).await,
                Err(error) => Err(point_auth::SignInError::from(error).into()),
            };
            match completed {
                Ok(_) => describe(&session, &session.status()),
                Err(error) => {
                    json!({ "ok": false, "code": error.code(), "message": error.to_string() })
                }
            }
        }
        _ => {
            json!({ "ok": false, "message": "usage: session-tool keychain-check|restore|begin|complete" })
        }
    }
}

fn keychain_check(service: &str) -> Value {
    match point_session::probe_keychain(service) {
        Ok(()) => json!({ "ok": true }),
        Err(error) => json!({
            "ok": false,
            "code": "keychain",
            "kind": format!("{error:?}").split('(').next().unwrap_or_default(),
            "message": error.to_string(),
            "hint": error.hint().english(),
        }),
    }
}

fn session(options: &Options) -> Result<Arc<Session>, String> {
    let settings = OktaSettings::parse(&options.issuer, &options.client_id, None)
        .map_err(|e| e.to_string())?;
    let http = match options.request_timeout {
        Some(timeout) => HttpClient::with_request_timeout(options.ca.as_deref(), timeout),
        None => HttpClient::new(options.ca.as_deref()),
    }
    .map_err(|e| e.to_string())?;
    // Keys where the app would keep them (this machine's TPM where there is one), so that a
    // session the tool reads is never given another key.
    let sign_in = Arc::new(OktaSignIn::new(settings, Arc::new(http)).keeping_keys(
        point_auth::KeyPolicy::default(),
        point_auth::KeyHardware::of_this_machine(),
    ));
    let store = OsKeychain::open(&options.service).map(|k| Arc::new(k) as Arc<dyn SecretStore>);
    Ok(Session::new(
        sign_in,
        store,
        ProfileCache::in_dir(&options.data_dir),
    ))
}

/// The status as JSON, with the provider's clock offset as this process learned it.
fn describe(session: &Session, status: &Status) -> Value {
    let mut described = describe_state(status);
    described["clock_offset_seconds"] = session.sign_in().http().clock_offset_seconds().into();
    described
}

fn describe_state(status: &Status) -> Value {
    let keychain = status.keychain_problem.as_ref().map(|p| p.to_string());
    match &status.state {
        SessionState::SignedIn { profile, .. } => json!({
            "ok": true, "state": "signed_in", "email": profile.email, "name": profile.name, "keychain_problem": keychain,
        }),
        SessionState::Offline { profile, .. } => json!({
            "ok": true, "state": "offline", "email": profile.email, "keychain_problem": keychain,
        }),
        SessionState::SigningIn { .. } => {
            json!({ "ok": true, "state": "signing_in", "keychain_problem": keychain })
        }
        SessionState::Restoring { profile } => json!({
            "ok": true, "state": "restoring", "email": profile.email, "keychain_problem": keychain,
        }),
        SessionState::SignedOut => {
            json!({ "ok": true, "state": "signed_out", "keychain_problem": keychain })
        }
        SessionState::Ended => {
            json!({ "ok": true, "state": "ended", "keychain_problem": keychain })
        }
    }
}
