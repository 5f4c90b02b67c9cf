//! The checks of the settings in force: the one rendering of the configuration and where each
//! part came from (for this check and the support bundle), IT's proxy, and the update policy.

use point_config::Resolved;

use crate::{fail, pass, Check};

/// The update policy in force (informational: it cannot fail).
pub(crate) fn updates(resolved: &Resolved) -> Check {
    let policy = &resolved.updates;
    if let Some(refused) = &policy.refused_url {
        return fail(
            "updates",
            format!("the update address {} ({}) is not an https:// URL, so in-app updates are off", point_config::shown_address(refused), policy.source.describe()),
            "Set UpdateUrl (update_url) to the https:// address of your update server, or remove it.",
        );
    }
    let detail = match (&policy.url, policy.mode) {
        (None, _) | (_, point_config::UpdateMode::Off) => "in-app updates are off".to_string(),
        (Some(url), mode) => format!(
            "{} from {}; new major versions: {}",
            format!("{mode:?}").to_lowercase(),
            point_config::shown_address(url.as_ref()),
            format!("{:?}", policy.major).to_lowercase(),
        ),
    };
    pass(
        "updates",
        format!("{detail} ({})", policy.source.describe()),
    )
}

pub(crate) fn configuration(
    resolved: &Resolved,
    managed_error: Option<point_config::ManagedConfigError>,
) -> Check {
    if let Some(error) = managed_error {
        return fail("configuration", error.to_string(), "Ask your IT department to fix POINT's managed configuration (see docs/it-deployment.md).");
    }
    pass("configuration", configuration_in_force(resolved).join("; "))
}

/// The configuration in force and where each part came from, one line each (`okta issuer: …
/// (managed by your IT department)`): the one rendering of it, for this check and the support
/// bundle. Nothing secret (the settings hold no secret).
pub fn configuration_in_force(resolved: &Resolved) -> Vec<String> {
    let mut lines = Vec::new();
    match &resolved.okta {
        Some((okta, source)) => {
            lines.push(format!(
                "okta issuer: {} ({})",
                okta.issuer,
                source.describe()
            ));
            lines.push(format!(
                "client id: {} ({})",
                okta.client_id.as_str(),
                source.describe()
            ));
        }
        None => lines.push(format!(
            "okta: not set{}",
            resolved
                .okta_problem
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default()
        )),
    }
    lines.push(format!(
        "dashboard: {} ({})",
        point_config::shown_address(resolved.api_base.0.as_str()),
        resolved.api_base.1.describe()
    ));
    if let Some((path, source)) = &resolved.ca_file {
        lines.push(format!(
            "extra trusted roots: {} ({})",
            path.display(),
            source.describe()
        ));
    }
    match &resolved.managed {
        Some(managed) => {
            lines.push(format!("managed configuration: {}", managed.origin));
            if !managed.allowed_email_domains.is_empty() {
                lines.push(format!(
                    "allowed email domains: {}",
                    managed.allowed_email_domains.join(", ")
                ));
            }
        }
        None => lines.push("managed configuration: none".into()),
    }
    lines
}

/// Which proxy POINT's requests go through: IT's, or the OS's settings (on Linux the
/// `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` environment, with `NO_PROXY`; on Windows and macOS the
/// system's proxy settings). Never prints a password.
pub(crate) fn proxy(resolved: &Resolved) -> Check {
    const NAME: &str = "proxy";
    if let Some(problem) = resolved.proxy_problem() {
        return fail(NAME, problem, "Set proxy / Proxy to an address like http://proxy.corp.example:3128, or remove it to use the system's settings.");
    }
    if let Some((url, source)) = &resolved.proxy {
        return pass(
            NAME,
            format!(
                "through {} ({})",
                point_config::shown_address(url.as_str()),
                source.describe()
            ),
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
            format!(
                "the environment's {name}={}",
                point_config::shown_address(&value)
            ),
        ),
        None if cfg!(any(target_os = "windows", target_os = "macos")) => {
            pass(NAME, "the system's proxy settings")
        }
        None => pass(
            NAME,
            "none: connects directly (no proxy in the environment)",
        ),
    }
}
