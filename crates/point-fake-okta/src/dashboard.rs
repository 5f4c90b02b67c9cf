//! The fake POINT dashboard (docs/dashboard-api.md): `/api/v1/me` and `/api/v1/dashboard` for
//! access tokens the fake Okta issued and that are unexpired and unrevoked (401
//! `invalid_token` otherwise), and `/api/v1/sso/okta` by the email's domain.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use url::Url;

use crate::{Endpoint, World};

impl World {
    pub(crate) fn dashboard(
        &mut self,
        endpoint: Endpoint,
        request: &http::Request<Vec<u8>>,
        url: &Url,
    ) -> (u16, Value) {
        if endpoint == Endpoint::EmailLookup {
            return self.email_lookup(url);
        }
        let token = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or(v.strip_prefix("DPoP ")))
            .unwrap_or_default();
        let holder = self.access_tokens.get(token).filter(|access| {
            access.expires_at > SystemTime::now()
                && !access
                    .family
                    .is_some_and(|family| self.revoked_families.contains(&family))
        });
        let weaker = holder
            .zip(self.dashboard_demands.as_ref())
            .and_then(|(access, demands)| (access.acr != *demands).then(|| demands.clone()));
        if let Some(demands) = weaker {
            return (
                401,
                json!({
                    "error": "insufficient_user_authentication",
                    "acr_values": demands,
                    "message": "A stronger sign-in is required.",
                }),
            );
        }
        let Some(person) = holder.and_then(|access| self.person(&access.login)) else {
            return (
                401,
                json!({ "error": "invalid_token", "message": "Sign in again." }),
            );
        };
        let Some(organization) = self
            .organizations
            .iter()
            .find(|o| o.issuer == person.issuer)
        else {
            return (
                403,
                json!({ "error": "not_a_member", "message": "No organization." }),
            );
        };
        let organization_json = json!({ "id": organization.id, "name": organization.name });
        match endpoint {
            Endpoint::Me => (
                200,
                json!({
                    "user": {
                        "id": person.subject, "email": person.email,
                        "name": person.name, "role": "Staff",
                    },
                    "organization": organization_json,
                }),
            ),
            _ => (
                200,
                json!({
                    "organization": organization_json,
                    "generatedAt": SystemTime::now()
                        .duration_since(UNIX_EPOCH)
                        .map(|d| d.as_secs())
                        .unwrap_or_default(),
                    "metrics": [{
                        "key": "open_orders", "label": "Open orders", "value": 128.0,
                        "unit": "orders", "changePercent": 6.2,
                    }],
                    "activity": [],
                }),
            ),
        }
    }

    fn email_lookup(&self, url: &Url) -> (u16, Value) {
        let email = url
            .query_pairs()
            .find(|(name, _)| name == "email")
            .map(|(_, value)| value.into_owned())
            .unwrap_or_default();
        let Some((_, domain)) = email.rsplit_once('@') else {
            return (
                400,
                json!({ "error": "invalid_email", "message": "Enter your work email." }),
            );
        };
        match self
            .organizations
            .iter()
            .find(|o| o.email_domain.eq_ignore_ascii_case(domain))
        {
            Some(organization) => (
                200,
                json!({
                    "organizationId": organization.id,
                    "organizationName": organization.name,
                    "clientId": organization.client_id,
                    "oktaDomain": organization.issuer,
                    "dpop": false,
                }),
            ),
            None => (
                404,
                json!({
                    "error": "okta_not_connected",
                    "message": "Your organization hasn't connected Okta to POINT yet.",
                }),
            ),
        }
    }
}
