//! Incoming deep links: routed by scheme, host and path, and parsed once into the typed callback
//! the session completes from. What the OS delivers: on Linux and Windows the raw argument of a
//! new process (the single-instance plugin forwards it), which the deep-link plugin parses with
//! `Url::parse`; on macOS, iOS and Android a URL from the OS. Both arrive here as a [`Url`].
//! A link is logged by scheme and path only ([`describe`]), never its query (code and state).
//!
//! Routing, here too: a sign-in link that belongs to no sign-in in progress (stray, forged, for
//! another sign-in or provider, unreadable) is logged and shown as a notice and changes nothing
//! else; a genuine one completes the sign-in; a sign-out link completes the sign-out it answers.

use point_auth::{
    parse_sign_in_callback, parse_sign_out_callback, CallbackError, SignInCallback, SignInError,
    SignOutCallback,
};
use point_session::SessionError;
use url::Url;

use crate::app::PointApp;
use crate::status::IgnoredBecause;

/// What became of a deep link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkOutcome {
    /// It completed a sign-in or a sign-out: bring the window forward.
    Completed,
    /// Not for POINT, or for no sign-in in progress: ignored (a notice at most).
    Ignored,
    /// It belonged to the sign-in in progress, which failed: the window shows the error.
    Failed,
}

/// POINT's URL scheme (RFC 8252 §7.1).
pub const SCHEME: &str = point_config::IDENTIFIER;

/// A deep link, read.
#[derive(Debug)]
pub enum IncomingLink {
    /// `org.pointapp.point:/login`: Okta's redirect after sign-in, parsed (or why not).
    SignIn(Result<SignInCallback, CallbackError>),
    /// `org.pointapp.point:/logout`: Okta's redirect after sign-out.
    SignOut(Result<SignOutCallback, CallbackError>),
    /// Anything else, including our scheme with an authority (`org.pointapp.point://login`).
    NotOurs,
}

impl IncomingLink {
    /// Reads a link the OS handed over. Pure and total.
    pub fn read(url: &Url) -> Self {
        if url.scheme() != SCHEME || url.has_host() {
            return Self::NotOurs;
        }
        match url.path() {
            "/login" => Self::SignIn(parse_sign_in_callback(url.as_str())),
            "/logout" => Self::SignOut(parse_sign_out_callback(url.as_str())),
            _ => Self::NotOurs,
        }
    }

    /// Reads a process argument as the deep-link plugin does on Linux and Windows (`Url::parse`
    /// of each argument); `None` for an argument that is not a URL.
    pub fn read_argument(argument: &str) -> Option<Self> {
        Url::parse(argument).ok().map(|url| Self::read(&url))
    }
}

impl PointApp {
    /// Handles a deep link the OS handed over (cold start or to the running app).
    pub async fn receive_link(&self, url: &Url) -> LinkOutcome {
        tracing::info!(url = %describe(url), "deep link received");
        let outcome = match IncomingLink::read(url) {
            IncomingLink::NotOurs => LinkOutcome::Ignored,
            IncomingLink::SignIn(Err(error)) => {
                tracing::info!(%error, "ignored an unreadable sign-in link");
                self.ignored(IgnoredBecause::Unreadable)
            }
            IncomingLink::SignIn(Ok(callback)) => self.complete_sign_in(callback).await,
            IncomingLink::SignOut(callback) => {
                let organization = self.organizations().in_force().await.ok();
                match (callback, organization) {
                    (Ok(callback), Some(organization))
                        if organization.session.complete_sign_out(&callback) =>
                    {
                        LinkOutcome::Completed
                    }
                    _ => {
                        tracing::info!("ignored a sign-out link that matches no sign-out");
                        LinkOutcome::Ignored
                    }
                }
            }
        };
        self.publish().await;
        outcome
    }

    /// Completes the pending sign-in with a callback (from a deep link or the loopback
    /// listener); one that belongs to no sign-in in progress is only a notice.
    pub(crate) async fn complete_sign_in(&self, callback: SignInCallback) -> LinkOutcome {
        // A cold start: the session restores its pending sign-in from the keychain first.
        self.wait_until_started().await;
        let Ok(organization) = self.organizations().in_force().await else {
            return self.ignored(IgnoredBecause::NoSignInInProgress);
        };
        match organization.session.complete_sign_in(callback).await {
            Ok(_) => {
                self.window().clear_notice();
                self.remember_dpop_requirement(&organization).await;
                organization.keep_provider_snapshot().await;
                LinkOutcome::Completed
            }
            // Cancelled while its code was being exchanged: nothing was kept, nothing to say.
            Err(SessionError::SignInCancelled) => LinkOutcome::Ignored,
            Err(error) => match ignored_because(&error) {
                Some(because) => {
                    tracing::info!(
                        code = error.code(),
                        "ignored a sign-in link that belongs to no sign-in in progress"
                    );
                    self.ignored(because)
                }
                None => {
                    self.window().report(error.into());
                    LinkOutcome::Failed
                }
            },
        }
    }

    fn ignored(&self, because: IgnoredBecause) -> LinkOutcome {
        self.window().ignored_link(because);
        LinkOutcome::Ignored
    }
}

/// Whether a sign-in failure means the link was not this sign-in's answer (a notice), rather
/// than this sign-in failing (an error).
fn ignored_because(error: &SessionError) -> Option<IgnoredBecause> {
    match error {
        SessionError::SignIn(SignInError::NoPendingSignIn) => {
            Some(IgnoredBecause::NoSignInInProgress)
        }
        SessionError::SignIn(SignInError::StateMismatch) => Some(IgnoredBecause::NotThisSignIn),
        SessionError::SignIn(SignInError::CallbackIssuerMismatch) => {
            Some(IgnoredBecause::OtherProvider)
        }
        _ => None,
    }
}

/// A log-safe description of a URL: its scheme, host and path, never its query or fragment.
pub fn describe(url: &Url) -> String {
    let host = url.host_str().map(|h| format!("//{h}")).unwrap_or_default();
    format!("{}:{}{}", url.scheme(), host, url.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(link: &IncomingLink) -> &'static str {
        match link {
            IncomingLink::SignIn(Ok(_)) => "sign-in",
            IncomingLink::SignIn(Err(_)) => "sign-in (unreadable)",
            IncomingLink::SignOut(Ok(_)) => "sign-out",
            IncomingLink::SignOut(Err(_)) => "sign-out (unreadable)",
            IncomingLink::NotOurs => "not ours",
        }
    }

    #[test]
    fn what_the_os_delivers_is_routed_and_parsed_once() {
        // As argv (Linux, Windows), through the plugin's Url::parse, and as a Url (every OS).
        let cases = [
            ("org.pointapp.point:/login?code=abc&state=xyz", "sign-in"),
            (
                "org.pointapp.point:/login?error=access_denied&state=xyz",
                "sign-in",
            ),
            ("ORG.POINTAPP.POINT:/login?code=abc&state=xyz", "sign-in"),
            (
                "org.pointapp.point:/login?state=xyz",
                "sign-in (unreadable)",
            ),
            (
                "org.pointapp.point:/login?code=a&code=b&state=xyz",
                "sign-in (unreadable)",
            ),
            (
                "org.pointapp.point:/login?code=abc&state=xyz#frag",
                "sign-in (unreadable)",
            ),
            ("org.pointapp.point:/logout?state=xyz", "sign-out"),
            ("org.pointapp.point:/logout", "sign-out"),
            ("org.pointapp.point://login?code=abc&state=xyz", "not ours"),
            ("org.pointapp.point:/login/extra?code=abc", "not ours"),
            ("org.pointapp.point:/other", "not ours"),
            ("https://example.com/login?code=abc&state=xyz", "not ours"),
            (
                "org.pointapp.point.dev:/login?code=abc&state=xyz",
                "not ours",
            ),
        ];
        for (raw, expected) in cases {
            let from_argument = IncomingLink::read_argument(raw).expect("a URL");
            assert_eq!(kind(&from_argument), expected, "argv {raw}");
            let from_url = IncomingLink::read(&Url::parse(raw).unwrap());
            assert_eq!(kind(&from_url), expected, "url {raw}");
        }
        // Arguments that are not URLs (a file path, a flag) are not links at all.
        for raw in [
            "--minimized",
            "/home/ann/file.txt",
            "",
            "org.pointapp.point",
        ] {
            assert!(IncomingLink::read_argument(raw).is_none(), "{raw}");
        }
        // A too-long link is refused before any parsing.
        let long = format!(
            "org.pointapp.point:/login?code={}&state=x",
            "a".repeat(9000)
        );
        assert!(matches!(
            IncomingLink::read_argument(&long),
            Some(IncomingLink::SignIn(Err(CallbackError::TooLong)))
        ));
    }

    #[test]
    fn description_never_carries_the_query() {
        let url =
            Url::parse("org.pointapp.point:/login?code=SECRETCODE&state=SECRETSTATE#f").unwrap();
        assert_eq!(describe(&url), "org.pointapp.point:/login");
        let hosty = Url::parse("org.pointapp.point://login?code=SECRETCODE").unwrap();
        assert_eq!(describe(&hosty), "org.pointapp.point://login");
    }
}
