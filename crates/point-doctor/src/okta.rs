//! The checks of the organization's Okta: the authorization server answers over TLS, knows
//! POINT's Native App and its redirect, offers what POINT needs (S256, the scopes, refresh
//! tokens, the device grant where used), and proof of possession where the app requires it.

use point_auth::{AuthorizationProbe, HttpClient, Provider, RefusedPart, REDIRECT_URI};

use point_i18n::Message;

use crate::{fail, pass, warn, Check};

/// Whether Okta accepts this Client ID with POINT's redirect URI (the two most common admin
/// mistakes), asked with `prompt=none` so that no login page is ever involved.
pub(crate) async fn okta_app(
    provider: &Provider,
    http: &HttpClient,
    okta: &point_auth::OktaSettings,
) -> Check {
    const NAME: &str = "okta app";
    let client = okta.client_id.as_str();
    let said = |id| {
        Message::new(id)
            .with("client", client)
            .with("redirect", REDIRECT_URI)
    };
    match provider.probe_authorization(http, &okta.client_id).await {
        Ok(AuthorizationProbe::Accepted { error: Some(error) })
            if error == "unauthorized_client" =>
        {
            fail(
                NAME,
                said("doctor-okta-app-no-code-grant"),
                Message::new("doctor-okta-app-no-code-grant-fix"),
            )
        }
        Ok(AuthorizationProbe::Accepted { .. }) => pass(NAME, said("doctor-okta-app-ok")),
        Ok(AuthorizationProbe::Refused {
            status,
            part: RefusedPart::RedirectUri,
        }) => fail(
            NAME,
            said("doctor-okta-app-redirect-refused").with("status", status.to_string()),
            Message::new("doctor-okta-app-redirect-fix"),
        ),
        Ok(AuthorizationProbe::Refused {
            status,
            part: RefusedPart::ClientId,
        }) => fail(
            NAME,
            said("doctor-okta-app-client-refused").with("status", status.to_string()),
            Message::new("doctor-okta-app-client-fix"),
        ),
        Ok(AuthorizationProbe::Refused {
            status,
            part: RefusedPart::Unknown,
        }) => fail(
            NAME,
            said("doctor-okta-app-refused").with("status", status.to_string()),
            Message::new("doctor-okta-app-refused-fix"),
        ),
        Err(error) => fail(
            NAME,
            error.message(),
            error
                .admin_hint()
                .unwrap_or(Message::new("doctor-network-retry-fix")),
        ),
    }
}

/// Whether POINT's tokens for this organization are bound to a key it holds (DPoP, RFC 9449).
pub(crate) fn proof_of_possession(provider: &Provider, okta: &point_auth::OktaSettings) -> Check {
    const NAME: &str = "proof of possession";
    let custom = okta.issuer.kind() == point_auth::ServerKind::Custom;
    let said = Message::new;
    match (okta.dpop, custom, provider.supports_dpop()) {
        (true, true, true) => pass(NAME, said("doctor-dpop-bound")),
        (false, true, true) => pass(NAME, said("doctor-dpop-offered")),
        (true, false, _) => warn(
            NAME,
            said("doctor-dpop-org-server"),
            said("doctor-dpop-org-server-fix"),
        ),
        (true, true, false) => warn(
            NAME,
            said("doctor-dpop-no-es256"),
            said("doctor-dpop-no-es256-fix"),
        ),
        (false, _, _) => pass(NAME, said("doctor-dpop-not-used")),
    }
}

pub(crate) fn provider_capabilities(provider: &Provider) -> Vec<Check> {
    let said = Message::new;
    let mut checks = Vec::new();
    checks.push(if provider.supports_s256() {
        pass("pkce", said("doctor-pkce-ok"))
    } else {
        fail("pkce", said("doctor-pkce-missing"), said("doctor-pkce-fix"))
    });
    checks.push(
        if provider
            .scopes_supported()
            .iter()
            .any(|s| s == "offline_access")
        {
            pass("offline_access", said("doctor-offline-access-ok"))
        } else {
            fail(
                "offline_access",
                said("doctor-offline-access-missing"),
                said("doctor-offline-access-fix"),
            )
        },
    );
    checks.push(
        match (
            provider.revocation_endpoint(),
            provider.end_session_endpoint(),
        ) {
            (Some(_), Some(_)) => pass("sign-out endpoints", said("doctor-sign-out-ok")),
            _ => fail(
                "sign-out endpoints",
                said("doctor-sign-out-missing"),
                said("doctor-sign-out-fix"),
            ),
        },
    );
    // Optional: only `point sign-in --device` needs it, so its absence is a warning.
    checks.push(match provider.device_authorization_endpoint() {
        Some(endpoint) => pass(
            "sign-in on another device",
            said("doctor-device-offered").with("endpoint", endpoint.to_string()),
        ),
        None => warn(
            "sign-in on another device",
            said("doctor-device-missing"),
            said("doctor-device-missing-fix"),
        ),
    });
    checks
}
