//! Receives `org.pointapp.point:` deep links from the OS and routes them in Rust: `/login`
//! completes the sign-in, `/logout` completes the sign-out, anything else is ignored. A link is
//! logged by scheme and path only, never its query (which carries the code and state), and never
//! reaches the webview.

use tauri::{AppHandle, Manager};
use url::Url;

use crate::error::AppError;
use crate::state::AppState;

/// The custom URL scheme registered for POINT (reverse DNS of pointapp.org, RFC 8252 §7.1).
pub const SCHEME: &str = "org.pointapp.point";

/// What a deep link is for, decided from its scheme and path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `org.pointapp.point:/login`: Okta's redirect after sign-in.
    SignInCallback,
    /// `org.pointapp.point:/logout`: Okta's redirect after sign-out.
    SignOutCallback,
    /// Anything else, including our scheme with an authority (`org.pointapp.point://login`).
    Unknown,
}

/// Decides the route of a deep link. Pure: looks at scheme, authority and path only.
pub fn route_of(url: &Url) -> Route {
    if url.scheme() != SCHEME || url.has_host() {
        return Route::Unknown;
    }
    match url.path() {
        "/login" => Route::SignInCallback,
        "/logout" => Route::SignOutCallback,
        _ => Route::Unknown,
    }
}

/// A log-safe description of a URL: its scheme and path, never its query or fragment.
pub fn describe(url: &Url) -> String {
    let host = url.host_str().map(|h| format!("//{h}")).unwrap_or_default();
    format!("{}:{}{}", url.scheme(), host, url.path())
}

/// Handles one deep link, whether it cold-started the app or reached the running instance.
pub fn receive(app: &AppHandle, url: &Url, how: &'static str) {
    let route = route_of(url);
    tracing::info!(url = %describe(url), ?route, how, "deep link received");
    if route == Route::Unknown {
        return;
    }
    let app = app.clone();
    let url = url.to_string();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        // A cold start: let the session restore its pending sign-in from the keychain first.
        state.wait_until_started().await;
        let organization = match state.organization().await {
            Ok(organization) => organization,
            Err(error) => return state.report(error),
        };
        match route {
            Route::SignInCallback => match organization.session.complete_sign_in(&url).await {
                Ok(_) => focus_main_window(&app),
                Err(error) => state.report(AppError::from(error)),
            },
            Route::SignOutCallback => {
                if organization.session.complete_sign_out(&url) {
                    focus_main_window(&app);
                } else {
                    tracing::info!("ignored a sign-out link that matches no sign-out in progress");
                }
            }
            Route::Unknown => {}
        }
        state.publish().await;
    });
}

fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Url {
        Url::parse(s).expect("test URL parses")
    }

    #[test]
    fn routes_by_scheme_and_path() {
        let cases = [
            (
                "org.pointapp.point:/login?code=abc&state=xyz",
                Route::SignInCallback,
            ),
            (
                "org.pointapp.point:/logout?state=xyz",
                Route::SignOutCallback,
            ),
            ("org.pointapp.point://login?code=abc", Route::Unknown),
            ("org.pointapp.point:/login/extra", Route::Unknown),
            ("org.pointapp.point:/other", Route::Unknown),
            ("https://example.com/login", Route::Unknown),
            ("ORG.POINTAPP.POINT:/login", Route::SignInCallback),
        ];
        for (input, expected) in cases {
            assert_eq!(route_of(&parse(input)), expected, "{input}");
        }
    }

    #[test]
    fn description_never_carries_the_query() {
        let url = parse("org.pointapp.point:/login?code=SECRETCODE&state=SECRETSTATE#frag");
        let text = describe(&url);
        assert_eq!(text, "org.pointapp.point:/login");
        let hosty = parse("org.pointapp.point://login?code=SECRETCODE");
        assert_eq!(describe(&hosty), "org.pointapp.point://login");
    }
}
