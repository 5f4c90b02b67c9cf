//! The contract's tests: the generated TypeScript (`contract.d.ts`) and the examples of what the
//! UI receives (`examples.ts`, typed by it, so `scripts/check-ui` also checks the generated types
//! against real serialised values) are current; and the commands are the same in the contract,
//! `commands.rs`, `lib.rs`, `build.rs` and the window's capability. The error codes' own tests:
//! `error_code_tests.rs`.
//! `POINT_UPDATE_CONTRACT=1 cargo test -p point --lib contract` rewrites the generated files
//! after a deliberate change (review the difference).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, SystemTime};

use point_app::{
    AppError, AppStatus, DashboardData, IgnoredBecause, Notice, OrganizationChoice,
    OrganizationStatus, Staleness,
};
use point_config::{OktaSignOut, Source};
use point_session::{KeychainError, Profile, SessionState, Status};
use serde_json::{json, Value};

use super::error_code_tests::every_error;
use super::typescript::{declarations, DECLARATIONS, REGENERATE};
use super::views::ignored_link_message;
use super::*;

const EXAMPLES: &str = "src-tauri/contract/examples.ts";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compares a generated file with the committed one; rewrites it when asked to.
fn check_generated(path: &str, now: &str) {
    let path = root().join(path);
    if std::env::var_os("POINT_UPDATE_CONTRACT").is_some() {
        std::fs::write(&path, now).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == now,
        "{} is not what the contract generates: review the difference, then run {REGENERATE}\n{now}",
        path.display()
    );
}

fn profile() -> Profile {
    Profile {
        issuer: "https://company.okta.com".into(),
        client_id: "0oa1".into(),
        subject: "00u1".into(),
        name: Some("Alice Anderson".into()),
        email: Some("alice@example.com".into()),
        organization: Some("Example Corp".into()),
    }
}

fn status(state: SessionState) -> AppStatus {
    AppStatus {
        organization: Some(OrganizationStatus {
            source: Source::Managed,
        }),
        settings_problem: None,
        okta_settings_managed: true,
        allowed_email_domains: vec!["example.com".into()],
        okta_sign_out: OktaSignOut::Ask,
        end_okta_session_remembered: true,
        session: Status {
            state,
            keychain_problem: None,
        },
        notice: None,
        device_sign_in: None,
        device_sign_in_allowed: true,
        organizations: vec![OrganizationChoice {
            key: "3f2a9c0e1b7d5a64".into(),
            name: "Example Corp".into(),
            email: Some("alice@example.com".into()),
            current: true,
            signed_in: true,
        }],
    }
}

fn session_view(status: AppStatus, error: Option<ErrorView>) -> Value {
    serde_json::to_value(SessionView::of(status, error)).unwrap()
}

/// What the UI receives, one example of each view, state, notice and error: `(name, its
/// TypeScript type, the value)`.
fn examples() -> Vec<(&'static str, &'static str, Value)> {
    let mut errors = serde_json::Map::new();
    for error in every_error() {
        let view = ErrorView::from(&error);
        errors.insert(
            view.code.as_str().into(),
            serde_json::to_value(view).unwrap(),
        );
    }
    let update_failed = ErrorView::from(UpdateFailed("signature mismatch".into()));
    errors.insert(
        update_failed.code.as_str().into(),
        serde_json::to_value(update_failed).unwrap(),
    );
    let sessions: Vec<Value> = [
        SessionState::SignedOut,
        SessionState::Restoring { profile: profile() },
        SessionState::SigningIn {
            expires_at: SystemTime::UNIX_EPOCH,
        },
        SessionState::SignedIn {
            profile: profile(),
            access_expires_at: SystemTime::UNIX_EPOCH,
        },
        SessionState::Offline {
            profile: profile(),
            reason: "POINT could not reach company.okta.com.".into(),
        },
        SessionState::Ended,
    ]
    .into_iter()
    .map(|state| session_view(status(state), None))
    .collect();
    let mut device = status(SessionState::SignedOut);
    device.device_sign_in = Some(point_app::DeviceSignIn {
        user_code: "GDLM-ZQCT".into(),
        verification_uri: "https://company.okta.com/activate".parse().unwrap(),
        verification_uri_complete: Some(
            "https://company.okta.com/activate?user_code=GDLM-ZQCT"
                .parse()
                .unwrap(),
        ),
        expires_at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_000_600),
    });
    let mut device_view = session_view(device, None);
    // The QR code is an SVG data: URI of the page with the code (its pixels are the qrcode
    // crate's; only its presence and kind are the contract).
    let qr = device_view["deviceSignIn"]["qrCode"]
        .as_str()
        .unwrap_or_default();
    assert!(qr.starts_with("data:image/svg+xml,"), "{qr}");
    device_view["deviceSignIn"]["qrCode"] = Value::String("data:image/svg+xml,…".into());
    // The person's own settings: they may add an organization, and have two.
    let mut own = status(SessionState::SignedIn {
        profile: profile(),
        access_expires_at: SystemTime::UNIX_EPOCH,
    });
    own.organization = Some(OrganizationStatus {
        source: Source::User,
    });
    own.okta_settings_managed = false;
    own.allowed_email_domains = vec![];
    own.okta_sign_out = OktaSignOut::Never;
    own.organizations.push(OrganizationChoice {
        key: "9b1c04d2e7f3a8b5".into(),
        name: "Globex".into(),
        email: None,
        current: false,
        signed_in: false,
    });
    let mut unconfigured = status(SessionState::SignedOut);
    unconfigured.organization = None;
    unconfigured.okta_settings_managed = false;
    unconfigured.allowed_email_domains = vec![];
    unconfigured.okta_sign_out = OktaSignOut::Always;
    unconfigured.settings_problem = Some(point_i18n::Message::new("error-not-https"));
    unconfigured.session.keychain_problem =
        Some(KeychainError::Unavailable("no Secret Service".into()));
    unconfigured.notice = Some(Notice::IgnoredSignInLink(
        IgnoredBecause::NoSignInInProgress,
    ));
    let notices: Vec<Value> = [
        IgnoredBecause::NoSignInInProgress,
        IgnoredBecause::NotThisSignIn,
        IgnoredBecause::OtherProvider,
        IgnoredBecause::Unreadable,
    ]
    .into_iter()
    .map(|because| Value::String(ignored_link_message(because).into()))
    .collect();
    let dashboard = |as_of: Option<SystemTime>, stale: Option<Staleness>| {
        let data = DashboardData {
            as_of,
            stale,
            me: serde_json::from_value(json!({"user": {"id": "u1", "name": "Alice Anderson", "email": "alice@example.com", "role": "admin"}, "organization": {"id": "o1", "name": "Example Corp"}})).unwrap(),
            dashboard: serde_json::from_value(json!({"organization": {"id": "o1", "name": "Example Corp"}, "generatedAt": 1795000000, "metrics": [{"key": "revenue", "label": "Revenue", "value": 1200.0, "unit": "USD", "changePercent": 3.5}], "activity": [{"at": "2026-11-25T10:42:00Z", "actor": "Bob", "summary": "closed a deal"}]})).unwrap(),
        };
        serde_json::to_value(DashboardView::from(data)).unwrap()
    };
    let kept = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_000_000);
    let updates: Vec<Value> = [
        UpdateState::Available,
        UpdateState::Installing,
        UpdateState::Restart,
        UpdateState::Failed,
    ]
    .into_iter()
    .map(|state| {
        serde_json::to_value(UpdateView {
            state,
            version: "1.2.0".into(),
            notes: None,
            major: state == UpdateState::Available,
            message: (state == UpdateState::Failed).then(|| "signature mismatch".into()),
        })
        .unwrap()
    })
    .collect();
    let support = SupportView::of((
        "/home/ann/Downloads/POINT-support-1795000000.txt".into(),
        point_app::SupportContact {
            email: point_app::DEFAULT_SUPPORT_EMAIL.into(),
            url: point_app::DEFAULT_SUPPORT_URL.into(),
        },
    ));
    vec![
        ("sessionViews", "SessionView[]", Value::Array(sessions)),
        ("sessionViewDeviceSignIn", "SessionView", device_view),
        (
            "sessionViewOwnSettings",
            "SessionView",
            session_view(own, None),
        ),
        (
            "sessionViewUnconfigured",
            "SessionView",
            session_view(
                unconfigured,
                Some(ErrorView::from(&AppError::NotConfigured)),
            ),
        ),
        ("noticeMessages", "string[]", Value::Array(notices)),
        ("dashboardView", "DashboardView", dashboard(None, None)),
        (
            "dashboardViewsKept",
            "DashboardView[]",
            json!([
                dashboard(Some(kept), Some(Staleness::Offline)),
                dashboard(Some(kept), Some(Staleness::DashboardUnavailable)),
                dashboard(Some(kept), Some(Staleness::Restoring)),
            ]),
        ),
        ("updateViews", "UpdateView[]", Value::Array(updates)),
        (
            "supportView",
            "SupportView",
            serde_json::to_value(support).unwrap(),
        ),
        (
            "errors",
            "{ [C in ErrorCode]: ErrorView & { code: C } }",
            Value::Object(errors),
        ),
    ]
}

/// The text of `examples.ts`.
fn examples_ts() -> String {
    let mut out = format!(
        "// What POINT's window receives, one example of each view, state, notice and error, as\n\
         // serialised by the Rust side and typed by contract.d.ts (so tsc checks the generated\n\
         // types against real values). Generated by `{REGENERATE}`. Do not edit.\n\n\
         import type {{ DashboardView, ErrorCode, ErrorView, SessionView, SupportView, UpdateView }} from \"./contract\";\n"
    );
    for (name, ty, value) in examples() {
        out.push_str(&format!(
            "\nexport const {name}: {ty} = {};\n",
            serde_json::to_string_pretty(&value).unwrap()
        ));
    }
    out
}

#[test]
fn the_generated_typescript_is_current() {
    check_generated(DECLARATIONS, &declarations());
}

#[test]
fn the_examples_of_what_the_ui_receives_are_current() {
    check_generated(EXAMPLES, &examples_ts());
}

/// The names in the list between `start` and the next `]` of `text`: `"name"`, `commands::name`
/// or `allow-name`.
fn names_in(text: &str, start: &str) -> BTreeSet<String> {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let list = &text[from..from + text[from..].find(']').unwrap()];
    list.split([',', '\n'])
        .map(|item| {
            item.trim()
                .trim_matches('"')
                .trim_start_matches("commands::")
                .trim_start_matches("allow-")
                .replace('-', "_")
        })
        .filter(|name| !name.is_empty() && !name.starts_with("//"))
        .collect()
}

#[test]
fn every_command_is_implemented_registered_and_granted_once() {
    let commands = commands::all();
    let names: BTreeSet<String> = commands.iter().map(|c| c.name.to_string()).collect();
    assert_eq!(names.len(), commands.len(), "a command is listed twice");
    let read = |path: &str| std::fs::read_to_string(root().join(path)).unwrap();
    let lib = read("src-tauri/lib.rs");
    assert_eq!(names_in(&lib, "generate_handler!["), names, "lib.rs");
    let build = read("src-tauri/build.rs");
    assert_eq!(
        names_in(&build, "COMMANDS: &[&str] = &["),
        names,
        "build.rs"
    );
    let capability = read("capabilities/default.json");
    let granted: BTreeSet<String> = names_in(&capability, "\"permissions\": [")
        .into_iter()
        .filter(|p| !p.starts_with("core:"))
        .collect();
    assert_eq!(granted, names, "capabilities/default.json");
    // Each command's function answers with its own command's `Reply` (and reads its own `Args`,
    // which `Args` also checks when called).
    let implementation = read("src-tauri/commands.rs");
    for command in &commands {
        let start = implementation
            .find(&format!("fn {}(", command.name))
            .unwrap_or_else(|| panic!("commands.rs has no fn {}", command.name));
        let signature = &implementation[start..start + implementation[start..].find('{').unwrap()];
        assert!(
            signature.contains(&format!("Reply<c::{}>", command.marker)),
            "fn {} must return Reply<c::{}>: {signature}",
            command.name,
            command.marker
        );
        let takes_args = signature.contains("Args<");
        assert_eq!(
            takes_args,
            command.args != "null",
            "fn {}: arguments {}",
            command.name,
            command.args
        );
        if takes_args {
            assert!(
                signature.contains(&format!("Args<c::{}>", command.marker)),
                "fn {} must read Args<c::{}>: {signature}",
                command.name,
                command.marker
            );
        }
    }
}

/// `Args` through Tauri's own IPC (its mock runtime): the window's object of arguments is read
/// whole, by the names the UI's types give; a misspelled one, or a function wired to another
/// command's arguments, is refused.
mod through_tauri {
    use serde_json::{json, Value};

    use super::commands::{self as c, Args};
    use super::ErrorView;

    #[tauri::command]
    fn sign_in(args: Args<c::SignIn>) -> Result<Value, ErrorView> {
        Ok(json!([args.0.email, args.0.as_someone_else]))
    }

    /// Wired, wrongly, to `sign_in`'s arguments.
    #[tauri::command]
    fn sign_out(args: Args<c::SignIn>) -> Result<Value, ErrorView> {
        Ok(json!(args.0.email))
    }

    fn invoke(command: &str, body: Value) -> Result<Value, Value> {
        let app = tauri::test::mock_builder()
            .invoke_handler(tauri::generate_handler![sign_in, sign_out])
            .build(tauri::test::mock_context(tauri::test::noop_assets()))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        tauri::test::get_ipc_response(
            &webview,
            tauri::webview::InvokeRequest {
                cmd: command.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: tauri::test::INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    #[test]
    fn a_commands_arguments_are_the_object_the_window_passes() {
        assert_eq!(
            invoke(
                "sign_in",
                json!({ "email": "a@example.com", "asSomeoneElse": true })
            ),
            Ok(json!(["a@example.com", true]))
        );
        assert_eq!(invoke("sign_in", json!({})), Ok(json!([null, null])));
        let misspelled = invoke("sign_in", json!({ "emial": "a@example.com" })).unwrap_err();
        assert!(misspelled.to_string().contains("emial"), "{misspelled}");
        let miswired = invoke("sign_out", json!({})).unwrap_err();
        assert!(
            miswired
                .to_string()
                .contains("sign_out reads the arguments of sign_in"),
            "{miswired}"
        );
    }
}
