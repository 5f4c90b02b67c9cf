//! The error codes are one list: every code any core crate's `code()` can return is the
//! contract's, every variant of every core error is named (a new one does not compile until it
//! is), and each code has exactly one example, which `examples.ts` carries to the UI.

use std::collections::{BTreeMap, BTreeSet};

use point_app::AppError;
use point_auth::{CallbackError, ConfigError, IdTokenError, KeyError, SignInError};
use point_config::Refused;
use point_dashboard::DashboardError;
use point_session::{KeychainError, SessionError};
use serde_json::json;

use super::*;

/// One error of each code (every variant of `ErrorCode` but `update_failed` appears once).
pub(super) fn every_error() -> Vec<AppError> {
    let e = |error: SignInError| AppError::SignIn(error);
    let host = || "company.okta.com".to_string();
    vec![
        AppError::NotConfigured,
        AppError::SettingsUnusable(
            point_i18n::Message::new("error-dashboard-address-refused")
                .with("source", point_i18n::Message::new("source-managed"))
                .with("address", "http://dash.example.org"),
        ),
        AppError::Settings(ConfigError::NotHttps),
        AppError::Refused(Refused::ManagedOktaSettings),
        AppError::Refused(Refused::EmailDomain {
            allowed: "example.com".into(),
        }),
        AppError::Refused(Refused::UntrustedOkta {
            host: "okta.evil.example".into(),
        }),
        AppError::Refused(Refused::DeviceSignInOff),
        AppError::Session(SessionError::EmailNotAllowed),
        AppError::BrowserDidNotOpen,
        AppError::Storage("permission denied".into()),
        e(SignInError::Offline { host: host() }),
        e(SignInError::Timeout { host: host() }),
        e(SignInError::Interrupted { host: host() }),
        e(SignInError::Tls {
            host: host(),
            detail: "unknown issuer".into(),
        }),
        e(SignInError::ProviderUnavailable {
            host: host(),
            status: 503,
            retry_after: None,
        }),
        e(SignInError::UnexpectedResponse {
            what: "token response",
            detail: "HTTP 200".into(),
        }),
        e(SignInError::NotAnAuthorizationServer { status: 404 }),
        e(SignInError::IssuerMismatch {
            expected: "https://a".into(),
            found: "https://b".into(),
        }),
        e(SignInError::PkceUnsupported),
        e(SignInError::InvalidCallback(CallbackError::Missing("code"))),
        e(SignInError::NoPendingSignIn),
        e(SignInError::SignInExpired),
        e(SignInError::StateMismatch),
        e(SignInError::CallbackIssuerMismatch),
        e(SignInError::NotAssigned),
        e(SignInError::AccessPolicyDenied),
        e(SignInError::AccessDenied { description: None }),
        e(SignInError::GrantTypeNotEnabled),
        e(SignInError::RedirectUriNotRegistered),
        e(SignInError::InvalidClient),
        e(SignInError::ScopeNotAllowed { description: None }),
        e(SignInError::LoginRequired),
        e(SignInError::UnmetAuthenticationRequirements { description: None }),
        e(SignInError::AuthorizationFailed {
            error: "server_error".into(),
            description: None,
        }),
        e(SignInError::CodeRejected),
        e(SignInError::RefreshTokenRejected),
        e(SignInError::TokenRequestRefused {
            error: "invalid_request".into(),
            description: None,
        }),
        e(SignInError::MissingIdToken),
        e(SignInError::IdToken(IdTokenError::Expired)),
        e(SignInError::DeviceGrantNotOffered),
        e(SignInError::DeviceGrantNotEnabled),
        e(SignInError::DeviceSignInDenied),
        e(SignInError::DeviceCodeExpired),
        e(SignInError::LoopbackUnavailable("address in use".into())),
        e(SignInError::DpopProofRefused {
            description: Some("The DPoP proof JWT header is missing.".into()),
        }),
        // Without a wait: with one, the message names a time of day (see point-auth's tests).
        e(SignInError::RateLimited { retry_after: None }),
        e(SignInError::Key(KeyError::NoHardware)),
        e(SignInError::Key(KeyError::HardwareUnavailable(
            "could not open /dev/tpmrm0".into(),
        ))),
        e(SignInError::Key(KeyError::NotThisMachine)),
        e(SignInError::Key(KeyError::Unreadable)),
        AppError::Session(SessionError::NotSignedIn),
        AppError::Session(SessionError::SessionEnded),
        AppError::Session(SessionError::Superseded),
        AppError::Session(SessionError::SignInCancelled),
        AppError::Session(SessionError::Keychain(KeychainError::Locked(
            "it is locked".into(),
        ))),
        AppError::Dashboard(DashboardError::Offline),
        AppError::Dashboard(DashboardError::Timeout),
        AppError::Dashboard(DashboardError::Tls("unknown issuer".into())),
        AppError::Dashboard(DashboardError::Refused {
            status: 403,
            code: "forbidden".into(),
            message: Some("You may not see this dashboard.".into()),
        }),
        AppError::Dashboard(DashboardError::Unavailable(502, None)),
        AppError::Dashboard(DashboardError::Unexpected("not JSON".into())),
        AppError::Dashboard(DashboardError::OktaNotConnected),
        AppError::Dashboard(DashboardError::StepUpRequired(
            point_auth::AuthenticationRequirement {
                acr_values: vec!["urn:okta:loa:2fa:any".into()],
                max_age: None,
            },
        )),
    ]
}

/// The core errors that wrap others: the same codes as what they wrap.
fn wrapping_errors() -> Vec<AppError> {
    vec![
        AppError::Session(SessionError::SignIn(SignInError::Config(
            ConfigError::NotHttps,
        ))),
        AppError::Session(SessionError::SignIn(SignInError::NotAssigned)),
        AppError::Dashboard(DashboardError::Session(SessionError::SessionEnded)),
        AppError::Dashboard(DashboardError::Session(SessionError::SignIn(
            SignInError::RefreshTokenRejected,
        ))),
    ]
}

/// Names every variant of an error enum in an exhaustive match, and counts them: a variant added
/// to a core crate fails to compile here until it is named, and then the test below needs an
/// example of it (and that example's `code()` must be the contract's).
macro_rules! variants {
    ($name:ident, $ty:ty: $($pattern:pat),* $(,)?) => {
        fn $name(error: &$ty) -> (&'static str, usize) {
            let all = [$(stringify!($pattern)),*];
            let name = match error {
                $($pattern => stringify!($pattern),)*
            };
            (name, all.len())
        }
    };
}

variants!(app_variant, AppError:
    AppError::NotConfigured, AppError::SettingsUnusable(_), AppError::Settings(_),
    AppError::SignIn(_), AppError::Session(_), AppError::Dashboard(_),
    AppError::BrowserDidNotOpen, AppError::Storage(_),
    AppError::Refused(Refused::ManagedOktaSettings), AppError::Refused(Refused::EmailDomain { .. }),
    AppError::Refused(Refused::UntrustedOkta { .. }), AppError::Refused(Refused::DeviceSignInOff),
);
variants!(sign_in_variant, SignInError:
    SignInError::Config(_), SignInError::Offline { .. }, SignInError::Timeout { .. },
    SignInError::Interrupted { .. }, SignInError::Tls { .. },
    SignInError::ProviderUnavailable { .. }, SignInError::UnexpectedResponse { .. },
    SignInError::NotAnAuthorizationServer { .. }, SignInError::IssuerMismatch { .. },
    SignInError::PkceUnsupported, SignInError::InvalidCallback(_), SignInError::NoPendingSignIn,
    SignInError::SignInExpired, SignInError::StateMismatch, SignInError::CallbackIssuerMismatch,
    SignInError::NotAssigned, SignInError::AccessPolicyDenied, SignInError::AccessDenied { .. },
    SignInError::GrantTypeNotEnabled, SignInError::RedirectUriNotRegistered,
    SignInError::InvalidClient, SignInError::ScopeNotAllowed { .. }, SignInError::LoginRequired,
    SignInError::AuthorizationFailed { .. }, SignInError::CodeRejected,
    SignInError::RefreshTokenRejected, SignInError::TokenRequestRefused { .. },
    SignInError::MissingIdToken, SignInError::IdToken(_), SignInError::DeviceGrantNotOffered,
    SignInError::DeviceGrantNotEnabled, SignInError::DeviceSignInDenied,
    SignInError::DeviceCodeExpired, SignInError::LoopbackUnavailable(_),
    SignInError::DpopProofRefused { .. }, SignInError::RateLimited { .. },
    SignInError::UnmetAuthenticationRequirements { .. }, SignInError::Key(_),
);
variants!(session_variant, SessionError:
    SessionError::SignIn(_), SessionError::Keychain(_), SessionError::NotSignedIn,
    SessionError::SessionEnded, SessionError::Superseded, SessionError::EmailNotAllowed,
    SessionError::SignInCancelled,
);
variants!(dashboard_variant, DashboardError:
    DashboardError::Session(_), DashboardError::Offline, DashboardError::Timeout,
    DashboardError::Tls(_), DashboardError::Refused { .. }, DashboardError::Unavailable(..),
    DashboardError::Unexpected(_), DashboardError::OktaNotConnected,
    DashboardError::StepUpRequired(_),
);

/// The code a core crate gives the error, where it gives one (`AppError`'s own cases have
/// only the contract's).
fn core_code(error: &AppError) -> Option<&'static str> {
    match error {
        AppError::SignIn(e) => Some(e.code()),
        AppError::Session(e) => Some(e.code()),
        AppError::Dashboard(e) => Some(e.code()),
        _ => None,
    }
}

#[test]
fn every_error_code_has_one_example_and_the_core_codes_are_the_contracts() {
    let mut examples: BTreeMap<&str, usize> = BTreeMap::new();
    for error in every_error() {
        *examples
            .entry(ErrorView::from(&error).code.as_str())
            .or_default() += 1;
    }
    examples.insert(ErrorView::from(UpdateFailed("x".into())).code.as_str(), 1);
    let all: BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(all.len(), ErrorCode::ALL.len(), "a code is listed twice");
    assert_eq!(examples.keys().copied().collect::<BTreeSet<_>>(), all);
    assert!(examples.values().all(|n| *n == 1), "{examples:?}");
    // The serialised code is the listed one.
    for code in ErrorCode::ALL {
        assert_eq!(serde_json::to_value(code).unwrap(), json!(code.as_str()));
    }
    // Every code the core crates give is the contract's code for that error.
    for error in every_error().iter().chain(&wrapping_errors()) {
        if let Some(core) = core_code(error) {
            assert_eq!(ErrorView::from(error).code.as_str(), core, "{error:?}");
        }
    }
    // The examples cover every variant of every core error.
    let mut seen: BTreeMap<&str, (BTreeSet<&str>, usize)> = BTreeMap::new();
    let mut note = |kind: &'static str, (name, count): (&'static str, usize)| {
        let entry = seen.entry(kind).or_insert((BTreeSet::new(), count));
        entry.0.insert(name);
    };
    for error in every_error().iter().chain(&wrapping_errors()) {
        note("AppError", app_variant(error));
        match error {
            AppError::SignIn(e) => note("SignInError", sign_in_variant(e)),
            AppError::Session(e) => {
                note("SessionError", session_variant(e));
                if let SessionError::SignIn(e) = e {
                    note("SignInError", sign_in_variant(e));
                }
            }
            AppError::Dashboard(e) => {
                note("DashboardError", dashboard_variant(e));
                if let DashboardError::Session(e) = e {
                    note("SessionError", session_variant(e));
                }
            }
            _ => {}
        }
    }
    for (kind, (names, count)) in &seen {
        assert_eq!(names.len(), *count, "{kind}: examples of only {names:?}");
    }
    assert_eq!(seen.len(), 4);
}
