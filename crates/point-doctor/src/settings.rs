//! The checks of the settings in force: the one rendering of the configuration and where each
//! part came from (for this check and the support bundle), IT's proxy, and the update policy.

use point_config::Resolved;
use point_i18n::Message;

use crate::{fail, pass, Check};

/// The update policy in force (informational: it cannot fail).
pub(crate) fn updates(resolved: &Resolved) -> Check {
    let policy = &resolved.updates;
    if let Some(refused) = &policy.refused_url {
        return fail(
            "updates",
            Message::new("doctor-updates-refused")
                .with("address", point_config::shown_address(refused))
                .with("source", policy.source.message()),
            Message::new("doctor-updates-refused-fix"),
        );
    }
    let detail = match (&policy.url, policy.mode) {
        (None, _) | (_, point_config::UpdateMode::Off) => Message::new("doctor-updates-off"),
        (Some(url), mode) => Message::new("doctor-updates")
            .with("mode", format!("{mode:?}").to_lowercase())
            .with("address", point_config::shown_address(url.as_ref()))
            .with("major", format!("{:?}", policy.major).to_lowercase()),
    };
    pass("updates", detail.with("source", policy.source.message()))
}

pub(crate) fn configuration(
    resolved: &Resolved,
    managed_error: Option<point_config::ManagedConfigError>,
) -> Check {
    if let Some(error) = managed_error {
        return fail(
            "configuration",
            error.message(),
            Message::new("doctor-configuration-fix"),
        );
    }
    let lines: Vec<String> = configuration_in_force(resolved)
        .iter()
        .map(Message::spoken)
        .collect();
    pass(
        "configuration",
        Message::new("doctor-lines").with("lines", lines.join("; ")),
    )
}

/// The configuration in force and where each part came from, one line each (`okta issuer: …
/// (managed by your IT department)`): the one rendering of it, for this check and the support
/// bundle. Nothing secret (the settings hold no secret).
pub fn configuration_in_force(resolved: &Resolved) -> Vec<Message> {
    let mut lines = Vec::new();
    match &resolved.okta {
        Some((okta, source)) => {
            lines.push(
                Message::new("config-okta-issuer")
                    .with("issuer", okta.issuer.to_string())
                    .with("source", source.message()),
            );
            lines.push(
                Message::new("config-client-id")
                    .with("client", okta.client_id.as_str())
                    .with("source", source.message()),
            );
        }
        None => lines.push(match &resolved.okta_problem {
            Some(problem) => {
                Message::new("config-okta-not-set-because").with("problem", problem.message())
            }
            None => Message::new("config-okta-not-set"),
        }),
    }
    lines.push(
        Message::new("config-dashboard")
            .with(
                "address",
                point_config::shown_address(resolved.api_base.0.as_str()),
            )
            .with("source", resolved.api_base.1.message()),
    );
    if let Some((path, source)) = &resolved.ca_file {
        lines.push(
            Message::new("config-extra-roots")
                .with("path", path.display().to_string())
                .with("source", source.message()),
        );
    }
    let minimum = resolved.sign_in_minimum();
    if let Some(first) = minimum.acr_values.first() {
        lines.push(
            Message::new("config-sign-in-minimum")
                .with("strength", point_auth::describe_class(first))
                .with("classes", minimum.acr_values.join(" ")),
        );
    }
    if let Some(age) = minimum.max_age {
        lines.push(
            Message::new("config-authentication-age").with("minutes", age.as_secs().div_ceil(60)),
        );
    }
    if let Some(policy) = resolved.managed.as_ref().and_then(|m| m.dpop_key) {
        lines.push(Message::new("config-dpop-key").with("policy", policy.as_str()));
    }
    match &resolved.managed {
        Some(managed) => {
            lines.push(Message::new("config-managed").with("origin", &managed.origin));
            if !managed.allowed_email_domains.is_empty() {
                lines.push(
                    Message::new("config-allowed-email-domains")
                        .with("domains", managed.allowed_email_domains.join(", ")),
                );
            }
        }
        None => lines.push(Message::new("config-managed-none")),
    }
    lines
}

/// Which proxy POINT's requests go through: IT's, or the OS's settings (on Linux the
/// `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` environment, with `NO_PROXY`; on Windows and macOS the
/// system's proxy settings). Never prints a password.
pub(crate) fn proxy(resolved: &Resolved) -> Check {
    const NAME: &str = "proxy";
    if let Some(problem) = resolved.proxy_problem() {
        return fail(NAME, problem, Message::new("doctor-proxy-fix"));
    }
    if let Some((url, source)) = &resolved.proxy {
        return pass(
            NAME,
            Message::new("doctor-proxy-through")
                .with("address", point_config::shown_address(url.as_str()))
                .with("source", source.message()),
        );
    }
    let from_environment = [
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ]
    .iter()
    .find_map(|name| {
        std::env::var(name)
            .ok()
            .filter(|v| !v.trim().is_empty())
            .map(|v| (name, v))
    });
    match from_environment {
        Some((name, value)) => pass(
            NAME,
            Message::new("doctor-proxy-environment")
                .with("name", *name)
                .with("address", point_config::shown_address(&value)),
        ),
        None if cfg!(any(target_os = "windows", target_os = "macos")) => {
            pass(NAME, Message::new("doctor-proxy-system"))
        }
        None => pass(NAME, Message::new("doctor-proxy-none")),
    }
}
