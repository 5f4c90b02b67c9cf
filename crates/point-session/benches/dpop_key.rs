//! `scripts/bench dpop-key`: what keeping a session's DPoP key in a TPM costs, against a key in
//! software. On the dev stack over TLS (Globex's Okta app requires DPoP), for each kind of key:
//! - *proof*: one DPoP proof signed (the TPM: open it, derive its storage key, load the key,
//!   sign, flush);
//! - *refresh*: one refresh of the access token (one proof to the token endpoint, the answer
//!   checked, the rotated token stored);
//! - *restore*: a new session from the keychain entry to signed in (what a launch waits for):
//!   the entry read, one refresh.
//!
//! Medians (and the slowest) of `--rounds` (default 20). The TPM is Debian's swtpm, a software
//! TPM on loopback: a real TPM is slower (tens of milliseconds per operation, more for deriving
//! the storage key), so the TPM's figures here are a floor.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use point_auth::{HttpClient, KeyHardware, KeyPolicy, OktaSettings, OktaSignIn};
use point_dev_stack::{DevStack, ProviderOptions, ServerShape, SoftwareTpm, StackOptions};
use point_session::{MemoryKeychain, ProfileCache, SecretStore, Session, SessionState};

const CAROL: &str = "carol@globex.test";

#[tokio::main]
async fn main() {
    let mut rounds = 20usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--rounds" {
            rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds);
        }
    }
    let stack = DevStack::start(StackOptions {
        provider: ProviderOptions {
            shape: ServerShape::Custom,
            auto_login: true,
            ..ProviderOptions::default()
        },
        state_dir: None,
    })
    .await
    .expect("dev stack starts");
    let tpm = SoftwareTpm::start().expect("swtpm starts");
    println!("DPoP key cost on the dev stack, {rounds} rounds each (median / slowest, ms)");
    println!(
        "{:<10} {:>16} {:>16} {:>16}",
        "key", "proof", "refresh", "restore"
    );
    for (name, policy, hardware) in [
        ("software", KeyPolicy::Software, KeyHardware::none()),
        (
            "TPM",
            KeyPolicy::HardwareRequired,
            KeyHardware::tpm(&tpm.tcti()),
        ),
    ] {
        let figures = measure(&stack, policy, &hardware, rounds).await;
        println!(
            "{name:<10} {:>16} {:>16} {:>16}",
            shown(&figures.proof),
            shown(&figures.refresh),
            shown(&figures.restore)
        );
    }
    println!("(swtpm is a software TPM on loopback: a real TPM is slower.)");
    stack.stop().await;
}

struct Figures {
    proof: Vec<Duration>,
    refresh: Vec<Duration>,
    restore: Vec<Duration>,
}

async fn measure(
    stack: &DevStack,
    policy: KeyPolicy,
    hardware: &KeyHardware,
    rounds: usize,
) -> Figures {
    let keychain = Arc::new(MemoryKeychain::default());
    let dir = stack
        .state_dir
        .join(format!("dpop-key-{}", policy.as_str()));
    let session = |store: &Arc<MemoryKeychain>| {
        let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.dpop_client_id, None)
            .unwrap()
            .with_dpop(true);
        let http = Arc::new(HttpClient::new(Some(&stack.ca_file)).unwrap());
        let store: Arc<dyn SecretStore> = store.clone();
        let session = Session::new(
            Arc::new(OktaSignIn::new(settings, http).keeping_keys(policy, hardware.clone())),
            Ok(store),
            ProfileCache::in_dir(&dir),
        );
        session.without_background_retries();
        session
    };
    let first = session(&keychain);
    let url = first.begin_sign_in(Some(CAROL)).await.unwrap();
    let callback = stack.browser_leg(&url).await.unwrap();
    first
        .complete_sign_in(point_auth::parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .expect("signed in");
    let dpop = first
        .credential()
        .await
        .unwrap()
        .dpop
        .expect("a bound session");
    let token_url = url::Url::parse(&format!(
        "{}/v1/token",
        stack.issuer.as_str().trim_end_matches('/')
    ))
    .unwrap();

    let mut figures = Figures {
        proof: Vec::new(),
        refresh: Vec::new(),
        restore: Vec::new(),
    };
    for _ in 0..rounds {
        let started = Instant::now();
        dpop.proof("POST", &token_url, None, SystemTime::now())
            .expect("a proof");
        figures.proof.push(started.elapsed());

        let token = first.access_token().await.unwrap();
        first.discard_access_token(&token).await;
        let started = Instant::now();
        first.access_token().await.expect("a refresh");
        figures.refresh.push(started.elapsed());
    }
    for _ in 0..rounds {
        let started = Instant::now();
        let restored = session(&keychain);
        let state = restored.restore().await.state;
        figures.restore.push(started.elapsed());
        assert!(matches!(state, SessionState::SignedIn { .. }), "{state:?}");
    }
    figures
}

fn shown(samples: &[Duration]) -> String {
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    let slowest = ms[ms.len() - 1];
    format!("{median:.1} / {slowest:.1}")
}
