//! What an admin or user tells POINT about their Okta: the Okta domain, the Native App's Client ID,
//! and extra trusted root certificates. Parsing is pure and total: bad input is a [`ConfigError`]
//! that says what to fix.

use std::fmt;
use std::net::IpAddr;

use point_i18n::Message;
use url::Url;

/// The redirect URI registered on the Okta Native App for sign-in.
pub const REDIRECT_URI: &str = "org.pointapp.point:/login";

/// Where Okta sends the browser back after sign-in: POINT's custom scheme (the usual way), or a
/// listener on the loopback interface (RFC 8252 §7.3) when links to the scheme cannot reach the
/// app (no handler registered, a sandbox).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redirect {
    CustomScheme,
    /// `http://127.0.0.1:{port}/login`: the IP literal, never `localhost` (RFC 8252 §8.3).
    Loopback {
        port: u16,
    },
}

/// The path of the loopback redirect.
pub const LOOPBACK_PATH: &str = "/login";

impl Redirect {
    pub fn uri(&self) -> String {
        match self {
            Self::CustomScheme => REDIRECT_URI.to_string(),
            Self::Loopback { port } => format!("http://127.0.0.1:{port}{LOOPBACK_PATH}"),
        }
    }
}
/// The redirect URI registered on the Okta Native App for sign-out.
pub const POST_LOGOUT_REDIRECT_URI: &str = "org.pointapp.point:/logout";
/// The scopes POINT asks for.
pub const SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];

/// Which of Okta's authorization servers the domain names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerKind {
    /// `https://company.okta.com`: the org authorization server every Okta org has.
    Org,
    /// `https://company.okta.com/oauth2/<id>`: a custom authorization server.
    Custom,
}

/// An issuer, normalized from what someone pasted as the "Okta domain".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// The issuer exactly as Okta states it: no trailing slash.
    issuer: String,
    kind: ServerKind,
}

impl Issuer {
    pub fn as_str(&self) -> &str {
        &self.issuer
    }

    pub fn kind(&self) -> ServerKind {
        self.kind
    }

    /// The host (and port) the issuer lives on, for messages.
    pub fn host(&self) -> &str {
        let rest = self.issuer.strip_prefix("https://").unwrap_or(&self.issuer);
        rest.split('/').next().unwrap_or(rest)
    }

    /// The OpenID Connect discovery document's URL.
    pub fn discovery_url(&self) -> String {
        format!("{}/.well-known/openid-configuration", self.issuer)
    }
}

impl fmt::Display for Issuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.issuer)
    }
}

/// The Client ID of the organization's Okta Native App.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientId(String);

impl ClientId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with a setting, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    EmptyDomain,
    NotAUrl(String),
    NotHttps,
    HasCredentials,
    HasQueryOrFragment,
    AdminConsole(String),
    Endpoint(String),
    UnexpectedPath,
    EmptyClientId,
    MalformedClientId,
    ClientSecretNotSupported,
    TrustedRoots {
        path: String,
        reason: String,
    },
    Proxy {
        proxy: String,
        reason: String,
    },
    /// IT's managed configuration sets one of the Okta domain and the Client ID but not the
    /// other: POINT signs in to nothing rather than guess (a typo in a GPO or a profile).
    IncompleteManagedOktaSettings {
        origin: String,
        given: &'static str,
        missing: &'static str,
    },
}

impl ConfigError {
    /// What is wrong, in the person's language (and in English for logs).
    pub fn message(&self) -> Message {
        use Message as M;
        match self {
            Self::EmptyDomain => M::new("error-empty-domain"),
            Self::NotAUrl(given) => M::new("error-not-a-url").with("given", given),
            Self::NotHttps => M::new("error-not-https"),
            Self::HasCredentials => M::new("error-domain-has-credentials"),
            Self::HasQueryOrFragment => M::new("error-domain-has-query"),
            Self::AdminConsole(suggested) => {
                M::new("error-admin-console").with("suggested", suggested)
            }
            Self::Endpoint(suggested) => M::new("error-endpoint").with("suggested", suggested),
            Self::UnexpectedPath => M::new("error-unexpected-path"),
            Self::EmptyClientId => M::new("error-empty-client-id"),
            Self::MalformedClientId => M::new("error-malformed-client-id"),
            Self::ClientSecretNotSupported => M::new("error-client-secret"),
            Self::TrustedRoots { path, reason } => M::new("error-trusted-roots")
                .with("path", path)
                .with("reason", reason),
            Self::Proxy { proxy, reason } => M::new("error-proxy")
                .with("proxy", proxy)
                .with("reason", reason),
            Self::IncompleteManagedOktaSettings {
                origin,
                given,
                missing,
            } => M::new("error-incomplete-managed-okta")
                .with("origin", origin)
                .with("given", *given)
                .with("missing", *missing),
        }
    }
}

point_i18n::english_display!(ConfigError);

/// Normalizes an Okta domain in any of the forms people paste (`company.okta.com`,
/// `https://company.okta.com/`, ` https://company.okta.com/oauth2/default `, a discovery URL)
/// to its issuer.
pub fn parse_okta_domain(input: &str) -> Result<Issuer, ConfigError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ConfigError::EmptyDomain);
    }
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_string()
    } else {
        format!("https://{trimmed}")
    };
    let url = Url::parse(&with_scheme).map_err(|_| ConfigError::NotAUrl(clip(trimmed)))?;
    let host = match url.host_str() {
        Some(host) if !host.is_empty() => host.to_ascii_lowercase(),
        _ => return Err(ConfigError::NotAUrl(clip(trimmed))),
    };
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&host) => {}
        _ => return Err(ConfigError::NotHttps),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ConfigError::HasCredentials);
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ConfigError::HasQueryOrFragment);
    }
    let origin = match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    };
    if let Some(org) = host
        .split('.')
        .next()
        .and_then(|label| label.strip_suffix("-admin"))
    {
        if !org.is_empty() && host.contains(".okta") {
            let fixed = origin.replacen(&format!("{org}-admin"), org, 1);
            return Err(ConfigError::AdminConsole(fixed));
        }
    }

    let path = url.path().trim_end_matches('/');
    let path = path
        .strip_suffix("/.well-known/openid-configuration")
        .or_else(|| path.strip_suffix("/.well-known/oauth-authorization-server"))
        .unwrap_or(path);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [] => Ok(Issuer {
            issuer: origin,
            kind: ServerKind::Org,
        }),
        ["oauth2", "v1", ..] => Err(ConfigError::Endpoint(origin)),
        ["oauth2", server] if is_server_id(server) => Ok(Issuer {
            issuer: format!("{origin}/oauth2/{server}"),
            kind: ServerKind::Custom,
        }),
        ["oauth2", server, "v1", ..] if is_server_id(server) => {
            Err(ConfigError::Endpoint(format!("{origin}/oauth2/{server}")))
        }
        _ => Err(ConfigError::UnexpectedPath),
    }
}

/// Checks the Native App's Client ID: trimmed, non-empty, no spaces or control characters.
pub fn parse_client_id(input: &str) -> Result<ClientId, ConfigError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ConfigError::EmptyClientId);
    }
    let plausible = trimmed.len() <= 256
        && trimmed
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\'));
    if !plausible {
        return Err(ConfigError::MalformedClientId);
    }
    Ok(ClientId(trimmed.to_string()))
}

/// Refuses a client secret: POINT is a public native client (RFC 8252), and a secret shipped in
/// an app is no secret. Someone who has one created a Web App, as in Pivott's guide.
pub fn refuse_client_secret(secret: Option<&str>) -> Result<(), ConfigError> {
    match secret {
        Some(secret) if !secret.trim().is_empty() => Err(ConfigError::ClientSecretNotSupported),
        _ => Ok(()),
    }
}

/// Everything needed to sign in to one organization's Okta.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OktaSettings {
    pub issuer: Issuer,
    pub client_id: ClientId,
    /// The organization asks for DPoP-bound tokens (its Okta app has "Require Demonstrating
    /// Proof of Possession (DPoP) header in token requests"): see `OktaSignIn::uses_dpop`.
    pub dpop: bool,
}

impl OktaSettings {
    /// Validates the settings as given by managed configuration, the user, or the dashboard.
    pub fn parse(
        okta_domain: &str,
        client_id: &str,
        client_secret: Option<&str>,
    ) -> Result<Self, ConfigError> {
        refuse_client_secret(client_secret)?;
        Ok(Self {
            issuer: parse_okta_domain(okta_domain)?,
            client_id: parse_client_id(client_id)?,
            dpop: false,
        })
    }

    /// The same settings, with DPoP asked for or not.
    pub fn with_dpop(self, dpop: bool) -> Self {
        Self { dpop, ..self }
    }
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn is_server_id(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "v1"
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Shortens echoed input so an error message stays readable.
fn clip(input: &str) -> String {
    const MAX: usize = 80;
    if input.chars().count() <= MAX {
        input.to_string()
    } else {
        format!("{}…", input.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn okta_domains_normalize_to_issuers() {
        let org = Ok(("https://company.okta.com", ServerKind::Org));
        let custom = Ok((
            "https://company.okta.com/oauth2/default",
            ServerKind::Custom,
        ));
        type Expected = Result<(&'static str, ServerKind), ConfigError>;
        let cases: &[(&str, Expected)] = &[
            ("company.okta.com", org.clone()),
            ("https://company.okta.com", org.clone()),
            ("https://company.okta.com/", org.clone()),
            ("  https://Company.Okta.com  ", org.clone()),
            (
                "https://company.okta.com/.well-known/openid-configuration",
                org.clone(),
            ),
            (" https://company.okta.com/oauth2/default ", custom.clone()),
            ("https://company.okta.com/oauth2/default/", custom.clone()),
            ("company.okta.com/oauth2/default", custom.clone()),
            (
                "https://company.okta.com/oauth2/default/.well-known/openid-configuration",
                custom.clone(),
            ),
            (
                "https://company.okta.com/oauth2/aus1abc",
                Ok((
                    "https://company.okta.com/oauth2/aus1abc",
                    ServerKind::Custom,
                )),
            ),
            (
                "https://login.company.com",
                Ok(("https://login.company.com", ServerKind::Org)),
            ),
            (
                "https://127.0.0.1:8443/oauth2/default",
                Ok(("https://127.0.0.1:8443/oauth2/default", ServerKind::Custom)),
            ),
            (
                "http://127.0.0.1:8080",
                Ok(("http://127.0.0.1:8080", ServerKind::Org)),
            ),
            (
                "http://localhost:8080",
                Ok(("http://localhost:8080", ServerKind::Org)),
            ),
            (
                "http://[::1]:8080",
                Ok(("http://[::1]:8080", ServerKind::Org)),
            ),
            ("", Err(ConfigError::EmptyDomain)),
            ("   ", Err(ConfigError::EmptyDomain)),
            ("http://company.okta.com", Err(ConfigError::NotHttps)),
            ("ftp://company.okta.com", Err(ConfigError::NotHttps)),
            (
                "https://admin:pw@company.okta.com",
                Err(ConfigError::HasCredentials),
            ),
            (
                "https://company.okta.com/?x=1",
                Err(ConfigError::HasQueryOrFragment),
            ),
            (
                "https://company.okta.com/#top",
                Err(ConfigError::HasQueryOrFragment),
            ),
            (
                "https://company-admin.okta.com",
                Err(ConfigError::AdminConsole("https://company.okta.com".into())),
            ),
            (
                "https://company.okta.com/oauth2/v1/authorize",
                Err(ConfigError::Endpoint("https://company.okta.com".into())),
            ),
            (
                "https://company.okta.com/oauth2/default/v1/token",
                Err(ConfigError::Endpoint(
                    "https://company.okta.com/oauth2/default".into(),
                )),
            ),
            (
                "https://company.okta.com/app/UserHome",
                Err(ConfigError::UnexpectedPath),
            ),
            (
                "https://company.okta.com/oauth2/",
                Err(ConfigError::UnexpectedPath),
            ),
            (
                "https://company.okta.com/oauth2/de fault",
                Err(ConfigError::UnexpectedPath),
            ),
            ("https://", Err(ConfigError::NotAUrl("https://".into()))),
            (
                "company okta com",
                Err(ConfigError::NotAUrl("company okta com".into())),
            ),
        ];
        for (input, expected) in cases {
            let got = parse_okta_domain(input).map(|issuer| (issuer.issuer.clone(), issuer.kind));
            let expected = expected.clone().map(|(s, kind)| (s.to_string(), kind));
            assert_eq!(got, expected, "input {input:?}");
        }
    }

    #[test]
    fn discovery_url_follows_the_issuer() {
        let org = parse_okta_domain("company.okta.com").unwrap();
        assert_eq!(
            org.discovery_url(),
            "https://company.okta.com/.well-known/openid-configuration"
        );
        let custom = parse_okta_domain("company.okta.com/oauth2/default").unwrap();
        assert_eq!(
            custom.discovery_url(),
            "https://company.okta.com/oauth2/default/.well-known/openid-configuration"
        );
    }

    #[test]
    fn unicode_and_huge_domains_are_errors_not_panics() {
        for input in [
            "https://bücher.okta.com",
            "💥",
            &"a".repeat(100_000),
            "https://[::1",
            "\u{0}",
        ] {
            let _ = parse_okta_domain(input);
        }
        assert!(matches!(
            parse_okta_domain(&"a b".repeat(1000)),
            Err(ConfigError::NotAUrl(echo)) if echo.chars().count() <= 81
        ));
    }

    #[test]
    fn client_ids() {
        assert_eq!(
            parse_client_id("  0oa1b2c3d4E5f6G7h8 ").unwrap().as_str(),
            "0oa1b2c3d4E5f6G7h8"
        );
        assert_eq!(parse_client_id(""), Err(ConfigError::EmptyClientId));
        assert_eq!(parse_client_id(" \t"), Err(ConfigError::EmptyClientId));
        for bad in [
            "0oa1 b2c3",
            "0oa\u{0}",
            "0oa<script>",
            "ölé",
            &"x".repeat(300),
        ] {
            assert_eq!(
                parse_client_id(bad),
                Err(ConfigError::MalformedClientId),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_client_secret_is_refused_with_the_reason() {
        let refused = OktaSettings::parse("company.okta.com", "0oa1", Some("s3cr3t"));
        assert_eq!(refused, Err(ConfigError::ClientSecretNotSupported));
        assert!(refused.unwrap_err().to_string().contains("Native App"));
        assert!(OktaSettings::parse("company.okta.com", "0oa1", Some("  ")).is_ok());
        assert!(OktaSettings::parse("company.okta.com", "0oa1", None).is_ok());
    }
}
