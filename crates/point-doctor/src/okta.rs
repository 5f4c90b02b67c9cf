//! The checks of the organization's Okta: the authorization server answers over TLS, knows
//! POINT's Native App and its redirect, offers what POINT needs (S256, the scopes, refresh
//! tokens, the device grant where used), and proof of possession where the app requires it.

use point_auth::{AuthorizationProbe, HttpClient, Provider, RefusedPart, REDIRECT_URI};

use crate::{fail, pass, Check, Outcome};

/// Whether Okta accepts this Client ID with POINT's redirect URI (the two most common admin
/// mistakes), asked with `prompt=none` so that no login page is ever involved.
pub(crate) async fn okta_app(
    provider: &Provider,
    http: &HttpClient,
    okta: &point_auth::OktaSettings,
) -> Check {
    const NAME: &str = "okta app";
    let client_id = okta.client_id.as_str();
    match provider.probe_authorization(http, &okta.client_id).await {
        Ok(AuthorizationProbe::Accepted { error: Some(error) }) if error == "unauthorized_client" => fail(
            NAME,
            format!("Okta accepts Client ID {client_id} and the redirect URI, but the app may not use the Authorization Code grant"),
            "Okta admin: in the POINT Native App's General settings, under Grant type, enable Authorization Code and Refresh Token.",
        ),
        Ok(AuthorizationProbe::Accepted { .. }) => pass(
            NAME,
            format!("Okta accepts Client ID {client_id} with the redirect URI {REDIRECT_URI}"),
        ),
        Ok(AuthorizationProbe::Refused { status, part: RefusedPart::RedirectUri }) => fail(
            NAME,
            format!("Okta refuses the redirect URI {REDIRECT_URI} for Client ID {client_id} (HTTP {status})"),
            "Okta admin: in the POINT Native App's General settings, add org.pointapp.point:/login to Sign-in redirect URIs and org.pointapp.point:/logout to Sign-out redirect URIs.",
        ),
        Ok(AuthorizationProbe::Refused { status, part: RefusedPart::ClientId }) => fail(
            NAME,
            format!("Okta does not accept Client ID {client_id} (HTTP {status})"),
            "Copy the Client ID of the POINT Native App (not the website's app) from Applications → Applications → the app → General, into POINT under Organization → Integrations → Okta (or IT's managed configuration).",
        ),
        Ok(AuthorizationProbe::Refused { status, part: RefusedPart::Unknown }) => fail(
            NAME,
            format!("Okta refused a sign-in request for Client ID {client_id} with the redirect URI {REDIRECT_URI} (HTTP {status})"),
            "Okta admin: check that Client ID belongs to a Native App with the Authorization Code grant and the sign-in redirect URI org.pointapp.point:/login.",
        ),
        Err(error) => fail(NAME, error.to_string(), error.admin_hint().unwrap_or("Check the network and try again.")),
    }
}

/// Whether POINT's tokens for this organization are bound to a key it holds (DPoP, RFC 9449).
pub(crate) fn proof_of_possession(provider: &Provider, okta: &point_auth::OktaSettings) -> Check {
    const NAME: &str = "proof of possession";
    let custom = okta.issuer.kind() == point_auth::ServerKind::Custom;
    let warn = |detail: &str, fix: &str| Check {
        name: NAME,
        outcome: Outcome::Warn,
        detail: detail.into(),
        fix: Some(fix.into()),
    };
    match (okta.dpop, custom, provider.supports_dpop()) {
        (true, true, true) => pass(NAME, "DPoP: each session's tokens are bound to a key POINT keeps with the refresh token"),
        (false, true, true) => pass(NAME, "DPoP is offered: POINT binds the tokens to a key when the POINT Native App requires it (Okta then refuses a request without a proof, and POINT sends one)"),
        (true, false, _) => warn(
            "the organization asks for DPoP, but the Okta domain is the org authorization server, whose access tokens the dashboard checks through userinfo (which would want a proof the dashboard cannot make): POINT signs in without DPoP",
            "Okta admin: use a custom authorization server (https://company.okta.com/oauth2/default) for POINT, or untick Require DPoP on the POINT Native App.",
        ),
        (true, true, false) => warn(
            "the organization asks for DPoP, but the authorization server does not list ES256 in dpop_signing_alg_values_supported: POINT signs in without DPoP",
            "Okta admin: turn on the OAuth 2.0 Demonstrating Proof-of-Possession feature (Settings → Features).",
        ),
        (false, _, _) => pass(NAME, "not used: bearer tokens (the POINT Native App does not require DPoP)"),
    }
}

pub(crate) fn provider_capabilities(provider: &Provider) -> Vec<Check> {
    let mut checks = Vec::new();
    checks.push(if provider.supports_s256() {
        pass("pkce", "S256 is in code_challenge_methods_supported")
    } else {
        fail("pkce", "the authorization server does not offer PKCE with S256", "POINT needs an Okta authorization server (it always offers S256): check that the Okta domain is your Okta organization URL or a custom authorization server's issuer.")
    });
    checks.push(if provider.scopes_supported().iter().any(|s| s == "offline_access") {
        pass("offline_access", "offline_access is in scopes_supported")
    } else {
        fail("offline_access", "the authorization server does not offer offline_access, so POINT cannot stay signed in", "Okta admin: Security → API → Authorization Servers → the server POINT uses → Scopes must include offline_access, and the POINT Native App must have the Refresh Token grant type.")
    });
    checks.push(match (provider.revocation_endpoint(), provider.end_session_endpoint()) {
        (Some(_), Some(_)) => pass("sign-out endpoints", "revocation and end-session endpoints are advertised"),
        _ => fail("sign-out endpoints", "the revocation or end-session endpoint is missing", "Use an Okta authorization server: both endpoints are part of every Okta server's discovery document."),
    });
    // Optional: only `point sign-in --device` needs it, so its absence is a warning.
    checks.push(match provider.device_authorization_endpoint() {
        Some(endpoint) => pass("sign-in on another device", format!("offered ({endpoint}); the POINT Native App also needs the Device Authorization grant type")),
        None => Check {
            name: "sign-in on another device",
            outcome: Outcome::Warn,
            detail: "the authorization server does not advertise device_authorization_endpoint, so `point sign-in --device` cannot work".into(),
            fix: Some("Only needed for machines without a usable browser. Okta admin: use an Okta authorization server that offers the Device Authorization grant, and enable that grant type on the POINT Native App.".into()),
        },
    });
    checks
}
