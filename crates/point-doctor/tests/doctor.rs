//! `point doctor` (its stand-alone binary) on real parts: it passes against the dev stack with a
//! registered handler and an unlocked keyring (and warns about a clock 10 minutes off), and fails
//! with the right fix when the provider lacks S256, when no handler is registered, and when the
//! keychain is unavailable.

use std::path::Path;
use std::process::Command;

use point_dev_stack::{DevStack, ServerShape, StackOptions};
use serde_json::Value;

const DOCTOR: &str = env!("CARGO_BIN_EXE_point-doctor");

async fn start() -> DevStack {
    DevStack::start(StackOptions::auto_login(ServerShape::Custom))
        .await
        .expect("dev stack starts")
}

/// A throwaway XDG environment, with POINT registered as the handler when `handler` is set.
fn desktop(dir: &Path, handler: bool) -> Vec<(String, String)> {
    let data = dir.join("data");
    let config = dir.join("config");
    std::fs::create_dir_all(data.join("applications")).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    let env = vec![
        ("XDG_DATA_HOME".to_string(), data.display().to_string()),
        ("XDG_CONFIG_HOME".to_string(), config.display().to_string()),
        (
            "XDG_DATA_DIRS".to_string(),
            dir.join("none").display().to_string(),
        ),
    ];
    if handler {
        std::fs::write(
            data.join("applications/point.desktop"),
            "[Desktop Entry]\nType=Application\nName=POINT\nExec=point %u\nMimeType=x-scheme-handler/org.pointapp.point;\n",
        )
        .unwrap();
        let status = Command::new("xdg-mime")
            .args([
                "default",
                "point.desktop",
                "x-scheme-handler/org.pointapp.point",
            ])
            .envs(env.iter().cloned())
            .status()
            .unwrap();
        assert!(status.success());
    }
    env
}

fn doctor(stack_env: &[(String, String)], extra: &[(&str, &str)]) -> (bool, Value) {
    let output = Command::new(DOCTOR)
        .arg("--json")
        .envs(stack_env.iter().cloned())
        .envs(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("no JSON: {}", String::from_utf8_lossy(&output.stdout)));
    (output.status.success(), report)
}

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no {name} check in {report}"))
}

fn stack_env(stack: &DevStack, dir: &Path, handler: bool) -> Vec<(String, String)> {
    let mut env = desktop(dir, handler);
    for line in stack.env_file().lines() {
        if let Some((key, value)) = line.split_once('=') {
            env.push((key.to_string(), value.to_string()));
        }
    }
    env
}

fn secret_service_required() -> bool {
    std::env::var("POINT_SECRET_SERVICE").as_deref() == Ok("required")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passes_against_the_dev_stack() {
    if !secret_service_required() {
        eprintln!("skipped: needs the Secret Service; run through scripts/with-keyring");
        return;
    }
    let stack = start().await;
    let env = stack_env(&stack, &stack.state_dir.join("desktop-ok"), true);
    let (ok, report) = doctor(&env, &[]);
    assert!(ok, "{report:#}");
    for name in [
        "configuration",
        "okta domain",
        "discovery",
        "pkce",
        "offline_access",
        "sign-out endpoints",
        "okta app",
        "proxy",
        "deep links",
        "keychain",
        "dashboard",
    ] {
        assert_eq!(check(&report, name)["status"], "pass", "{name}: {report:#}");
    }
    assert!(check(&report, "configuration")["detail"]
        .as_str()
        .unwrap()
        .contains("environment (development build)"));
    assert_eq!(check(&report, "clock")["status"], "pass", "{report:#}");
    let dpop = check(&report, "proof of possession");
    assert_eq!(dpop["status"], "pass", "{report:#}");
    assert!(dpop["detail"].as_str().unwrap().contains("DPoP is offered"));
    // Globex's app, which requires DPoP, as IT or the dashboard says so.
    let (ok, report) = doctor(
        &env,
        &[
            ("POINT_CLIENT_ID", stack.dpop_client_id.as_str()),
            ("POINT_OKTA_DPOP", "1"),
        ],
    );
    assert!(ok, "{report:#}");
    let dpop = check(&report, "proof of possession");
    assert!(
        dpop["detail"].as_str().unwrap().contains("bound to a key"),
        "{report:#}"
    );

    // The two most common admin mistakes, found before any login page: a Client ID Okta does
    // not know, and the website's SPA's Client ID (its redirect URIs are not POINT's). And a
    // dashboard address that is not https (bearer tokens would go in clear).
    for (variable, value, name, detail, fix) in [
        (
            "POINT_CLIENT_ID",
            "0oaNoSuchApp",
            "okta app",
            "does not accept Client ID 0oaNoSuchApp",
            "Native App",
        ),
        (
            "POINT_CLIENT_ID",
            "point-web-spa",
            "okta app",
            "refuses the redirect URI org.pointapp.point:/login",
            "Sign-in redirect URIs",
        ),
        (
            "POINT_API_BASE",
            "http://dash.example.org",
            "dashboard",
            "not an https:// address",
            "https://",
        ),
    ] {
        let (ok, report) = doctor(&env, &[(variable, value)]);
        assert!(!ok, "{variable}={value}");
        let failed = check(&report, name);
        assert_eq!(failed["status"], "fail", "{report:#}");
        assert!(
            failed["detail"].as_str().unwrap().contains(detail),
            "{failed}"
        );
        assert!(failed["fix"].as_str().unwrap().contains(fix), "{failed}");
    }

    // The provider's clock 10 minutes ahead (this device 10 minutes behind): a warning with the
    // fix, and doctor still passes (POINT corrects for it).
    stack.set_provider_clock_offset(600).await.unwrap();
    let (ok, report) = doctor(&env, &[]);
    assert!(ok, "{report:#}");
    let clock = check(&report, "clock");
    assert_eq!(clock["status"], "warn", "{report:#}");
    assert!(clock["detail"].as_str().unwrap().contains("10 min behind"));
    assert!(clock["fix"].as_str().unwrap().contains("automatic"));
    stack.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fails_with_the_fix_when_no_handler_is_registered_or_the_keychain_is_unavailable() {
    let stack = start().await;
    let env = stack_env(&stack, &stack.state_dir.join("desktop-empty"), false);
    let (ok, report) = doctor(
        &env,
        &[(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/point-doctor-bus",
        )],
    );
    assert!(!ok);
    let links = check(&report, "deep links");
    assert_eq!(links["status"], "fail");
    assert!(links["fix"].as_str().unwrap().contains("xdg-mime default"));
    let keychain = check(&report, "keychain");
    assert_eq!(keychain["status"], "fail");
    assert!(
        keychain["fix"].as_str().unwrap().contains("Secret Service"),
        "{keychain}"
    );
    assert_eq!(check(&report, "discovery")["status"], "pass");
    stack.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fails_with_the_fix_when_the_provider_lacks_s256() {
    use axum::routing::get;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let issuer = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let document = serde_json::json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth2/v1/authorize"),
        "token_endpoint": format!("{issuer}/oauth2/v1/token"),
        "jwks_uri": format!("{issuer}/oauth2/v1/keys"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["plain"],
        "scopes_supported": ["openid"],
    });
    let app = axum::Router::new().route(
        "/.well-known/openid-configuration",
        get(move || {
            let document = document.clone();
            async move { axum::Json(document) }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = std::env::temp_dir().join(format!("point-doctor-s256-{}", std::process::id()));
    let mut env = desktop(&dir, true);
    env.push(("POINT_OKTA_DOMAIN".into(), issuer.clone()));
    env.push(("POINT_CLIENT_ID".into(), "0oaPoint".into()));
    let (ok, report) = tokio::task::spawn_blocking(move || doctor(&env, &[]))
        .await
        .unwrap();
    assert!(!ok);
    let pkce = check(&report, "pkce");
    assert_eq!(pkce["status"], "fail", "{report:#}");
    assert!(pkce["fix"]
        .as_str()
        .unwrap()
        .contains("Okta authorization server"));
    assert_eq!(check(&report, "offline_access")["status"], "fail");
    assert!(check(&report, "offline_access")["fix"]
        .as_str()
        .unwrap()
        .contains("Refresh Token"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_checks_go_through_it_s_proxy_never_around_it() {
    let stack = start().await;
    let env = stack_env(&stack, &stack.state_dir.join("desktop-proxy"), true);
    let free_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for (proxy, why) in [
        (
            format!("http://127.0.0.1:{free_port}"),
            "a proxy that is down",
        ),
        (
            "socks5://proxy.corp.example:1080".to_string(),
            "a proxy POINT cannot use",
        ),
    ] {
        let file = stack.state_dir.join("managed-proxy.toml");
        std::fs::write(&file, format!("proxy = \"{proxy}\"\n")).unwrap();
        let (ok, report) = doctor(&env, &[("POINT_MANAGED_CONFIG", file.to_str().unwrap())]);
        assert!(!ok, "{why}: {report:#}");
        for name in ["discovery", "dashboard"] {
            assert_eq!(
                check(&report, name)["status"],
                "fail",
                "{why}: {name} went around the proxy: {report:#}"
            );
        }
    }
    stack.stop().await;
}
