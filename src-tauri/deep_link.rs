//! Receives `org.pointapp.point:` deep links from the OS and routes them.
//!
//! For now a link is only described in the log: scheme and path, never the query, because the
//! query of a sign-in callback carries the authorization code and state.

use url::Url;

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
pub fn receive(url: &Url, how: &str) {
    let route = route_of(url);
    tracing::info!(url = %describe(url), ?route, how, "deep link received");
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
