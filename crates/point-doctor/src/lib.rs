//! `point doctor`: checks, for staff and IT, that this machine can sign in to POINT. Each check
//! passes or fails and, on failure, says how to fix it (the Okta admin's step where it is theirs).
//! Secrets are never printed. Exit code 1 when a check fails; `--json` for scripts.

use point_auth::{AuthorizationProbe, HttpClient, Provider, RefusedPart, REDIRECT_URI};
use point_config::{AppIdentity, ManagedConfig, Resolved, UserSettings};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

/// One check's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub outcome: Outcome,
    pub detail: String,
    pub fix: Option<String>,
}

impl Check {
    /// The check as `point doctor` prints it: `PASS  name: detail`, and the fix on its own line.
    pub fn summary(&self) -> String {
        let label = match self.outcome {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::Warn => "WARN",
            Outcome::Skip => "SKIP",
        };
        match &self.fix {
            Some(fix) => format!("{label}  {}: {}\n      fix: {fix}", self.name, self.detail),
            None => format!("{label}  {}: {}", self.name, self.detail),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    /// Works, but something should be fixed (does not fail `point doctor`).
    Warn,
    /// Not applicable here (for example: an earlier check failed).
    Skip,
}

fn pass(name: &'static str, detail: impl Into<String>) -> Check {
    Check {
        name,
        outcome: Outcome::Pass,
        detail: detail.into(),
        fix: None,
    }
}

fn fail(name: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
    Check {
        name,
        outcome: Outcome::Fail,
        detail: detail.into(),
        fix: Some(fix.into()),
    }
}

fn skip(name: &'static str, detail: impl Into<String>) -> Check {
    Check {
        name,
        outcome: Outcome::Skip,
        detail: detail.into(),
        fix: None,
    }
}

/// `point doctor [--json]`.
pub fn main(args: impl Iterator<Item = String>) -> ExitCode {
    let json_output = args.into_iter().any(|a| a == "--json");
    let checks = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(run(AppIdentity::of_this_build())),
        Err(error) => vec![fail("runtime", error.to_string(), "Restart and try again.")],
    };
    let ok = checks.iter().all(|c| c.outcome != Outcome::Fail);
    if json_output {
        let list: Vec<_> = checks
            .iter()
            .map(|c| {
                json!({
                    "name": c.name,
                    "status": match c.outcome { Outcome::Pass => "pass", Outcome::Fail => "fail", Outcome::Warn => "warn", Outcome::Skip => "skip" },
                    "detail": c.detail,
                    "fix": c.fix,
                })
            })
            .collect();
        println!("{}", json!({ "ok": ok, "checks": list }));
    } else {
        for check in &checks {
            println!("{}", check.summary());
        }
        println!(
            "{}",
            if ok {
                "All checks passed."
            } else {
                "Some checks failed."
            }
        );
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs every check.
pub async fn run(identity: AppIdentity) -> Vec<Check> {
    let dev_build = identity.is_development();
    let mut checks = Vec::new();
    let user = identity
        .config_dir()
        .map(|dir| UserSettings::load(&dir))
        .unwrap_or_default();
    let managed = ManagedConfig::load_for(identity);
    let managed_config = managed.as_ref().ok().cloned().flatten();
    let resolved = point_config::resolve(
        dev_build,
        |n| std::env::var(n).ok(),
        managed_config.as_ref(),
        &user,
    );
    checks.push(configuration(&resolved, managed.err()));

    let provider = match &resolved.okta {
        Some((okta, _)) => {
            let kind = match okta.issuer.kind() {
                point_auth::ServerKind::Org => "Okta's org authorization server",
                point_auth::ServerKind::Custom => "a custom authorization server",
            };
            checks.push(pass(
                "okta domain",
                format!("the issuer is {} ({kind})", okta.issuer),
            ));
            let ca = resolved.ca_file.as_ref().map(|(p, _)| p.as_path());
            match HttpClient::new(ca) {
                Ok(http) => match Provider::discover(&http, &okta.issuer).await {
                    Ok(provider) => {
                        checks.push(pass(
                            "discovery",
                            format!(
                                "{} answers over TLS with the trusted roots",
                                okta.issuer.discovery_url()
                            ),
                        ));
                        checks.push(clock(http.clock_offset_seconds()));
                        checks.push(okta_app(&provider, &http, okta).await);
                        checks.push(proof_of_possession(&provider, okta));
                        Some(provider)
                    }
                    Err(error) => {
                        let fix = error.admin_hint().map(str::to_string).unwrap_or_else(|| "Check the network, the Okta domain, and (behind TLS inspection) the extra CA file.".into());
                        checks.push(fail("discovery", error.to_string(), fix));
                        None
                    }
                },
                Err(error) => {
                    checks.push(fail(
                        "discovery",
                        error.to_string(),
                        "Fix the extra CA file setting (a PEM file of certificates).",
                    ));
                    None
                }
            }
        }
        None => {
            let detail = resolved
                .okta_problem
                .as_ref()
                .map(|p| p.to_string())
                .unwrap_or_else(|| "no Okta domain and Client ID are set".into());
            checks.push(fail("okta domain", detail, "Sign in with your work email, set up manually, or ask IT for POINT's managed configuration."));
            checks.push(skip("discovery", "no usable Okta domain"));
            None
        }
    };
    match &provider {
        Some(provider) => checks.extend(provider_capabilities(provider)),
        None => checks.push(skip("provider capabilities", "discovery did not succeed")),
    }
    checks.push(proxy(&resolved));
    checks.push(scheme_handler());
    checks.push(keychain(identity));
    checks.push(dashboard(&resolved).await);
    checks.push(updates(&resolved));
    checks.push(log_folder(identity));
    checks
}

/// How far this device's clock is from the provider's (from its `Date` header). POINT corrects
/// for it when checking tokens, but other apps and TLS do not.
pub fn clock(offset_seconds: i64) -> Check {
    const NAME: &str = "clock";
    let minutes = (offset_seconds.unsigned_abs() + 30) / 60;
    let direction = if offset_seconds > 0 {
        "behind"
    } else {
        "ahead of"
    };
    if offset_seconds.unsigned_abs() > CLOCK_WARNING_SECONDS {
        Check {
            name: NAME,
            outcome: Outcome::Warn,
            detail: format!(
                "this device's clock is about {minutes} min {direction} Okta's (POINT corrects for it; other apps may not)"
            ),
            fix: Some("Turn on automatic date and time in the system settings (Linux: timedatectl set-ntp true; Windows: Settings → Time & language → Set time automatically; macOS: System Settings → General → Date & Time).".into()),
        }
    } else {
        pass(
            NAME,
            format!("this device's clock is within {offset_seconds:+} s of Okta's"),
        )
    }
}

/// A clock offset beyond this is reported as a warning.
pub const CLOCK_WARNING_SECONDS: u64 = 120;

/// The update policy in force (informational: it cannot fail).
fn updates(resolved: &Resolved) -> Check {
    let policy = &resolved.updates;
    if let Some(refused) = &policy.refused_url {
        return fail(
            "updates",
            format!("the update address {refused} ({}) is not an https:// URL, so in-app updates are off", policy.source.describe()),
            "Set UpdateUrl (update_url) to the https:// address of your update server, or remove it.",
        );
    }
    let detail = match (&policy.url, policy.mode) {
        (None, _) | (_, point_config::UpdateMode::Off) => "in-app updates are off".to_string(),
        (Some(url), mode) => format!(
            "{mode:?} from {url}; new major versions: {:?}",
            policy.major
        )
        .to_lowercase(),
    };
    pass(
        "updates",
        format!("{detail} ({})", policy.source.describe()),
    )
}

/// Where the app's log file is (informational).
fn log_folder(identity: AppIdentity) -> Check {
    match identity.log_dir() {
        Some(dir) => pass(
            "log",
            format!(
                "POINT logs to {}",
                dir.join(point_config::LOG_FILE).display()
            ),
        ),
        None => skip(
            "log",
            "this account has no data folder: POINT logs to stderr only",
        ),
    }
}

fn configuration(
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
        resolved.api_base.0,
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
fn proxy(resolved: &Resolved) -> Check {
    const NAME: &str = "proxy";
    if let Some(problem) = resolved.proxy_problem() {
        return fail(NAME, problem, "Set proxy / Proxy to an address like http://proxy.corp.example:3128, or remove it to use the system's settings.");
    }
    if let Some((url, source)) = &resolved.proxy {
        return pass(
            NAME,
            format!(
                "through {} ({})",
                point_config::redact_userinfo(url.as_str()),
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
                point_config::redact_userinfo(&value)
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

/// Whether Okta accepts this Client ID with POINT's redirect URI (the two most common admin
/// mistakes), asked with `prompt=none` so that no login page is ever involved.
async fn okta_app(
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
fn proof_of_possession(provider: &Provider, okta: &point_auth::OktaSettings) -> Check {
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

fn provider_capabilities(provider: &Provider) -> Vec<Check> {
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

/// How the deep-link check's detail begins when it could not look (Linux: no `xdg-mime`).
pub const SCHEME_CHECK_COULD_NOT_RUN: &str = "xdg-mime could not run";

#[cfg(target_os = "linux")]
pub fn scheme_handler() -> Check {
    const NAME: &str = "deep links";
    let fix = "Reinstall POINT's package, which registers org.pointapp.point: links; or run: xdg-mime default point.desktop x-scheme-handler/org.pointapp.point";
    let handler = std::process::Command::new("xdg-mime")
        .args(["query", "default", "x-scheme-handler/org.pointapp.point"])
        .output();
    let name = match handler {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(_) => String::new(),
        Err(error) => {
            return fail(
                NAME,
                format!("{SCHEME_CHECK_COULD_NOT_RUN} ({error})"),
                "Install xdg-utils.",
            )
        }
    };
    if name.is_empty() {
        return fail(
            NAME,
            "no application handles org.pointapp.point: links",
            fix,
        );
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
    let data_dirs =
        std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".into());
    let dirs = data_home
        .into_iter()
        .chain(data_dirs.split(':').map(PathBuf::from));
    let entry = dirs
        .map(|d| d.join("applications").join(&name))
        .find_map(|path| std::fs::read_to_string(path).ok());
    match entry {
        Some(text) if text.lines().any(|l| l.starts_with("Exec=") && l.contains("%u")) => {
            pass(NAME, format!("{name} handles org.pointapp.point: links"))
        }
        Some(_) => fail(NAME, format!("{name} handles org.pointapp.point: links, but its Exec line lacks %u, so the link is dropped"), fix),
        None => fail(NAME, format!("the handler {name} is not installed"), fix),
    }
}

#[cfg(windows)]
pub fn scheme_handler() -> Check {
    use winreg::enums::HKEY_CLASSES_ROOT;
    let key = winreg::RegKey::predef(HKEY_CLASSES_ROOT)
        .open_subkey(r"org.pointapp.point\shell\open\command");
    match key.and_then(|k| k.get_value::<String, _>("")) {
        Ok(command) if command.contains("%1") => {
            pass("deep links", format!("org.pointapp.point: opens {command}"))
        }
        Ok(command) => fail(
            "deep links",
            format!("org.pointapp.point: opens {command} without the link"),
            "Reinstall POINT.",
        ),
        Err(_) => fail(
            "deep links",
            "org.pointapp.point: links are not registered",
            "Reinstall POINT (the installer registers the link type).",
        ),
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
pub fn scheme_handler() -> Check {
    skip(
        "deep links",
        "registered by the installed app bundle's Info.plist (not checked here)",
    )
}

fn keychain(identity: AppIdentity) -> Check {
    const NAME: &str = "keychain";
    match point_session::probe_keychain(identity.keychain_service()) {
        Ok(()) => pass(NAME, "wrote, read and deleted a probe entry"),
        Err(error) => fail(NAME, error.to_string(), error.hint()),
    }
}

async fn dashboard(resolved: &Resolved) -> Check {
    const NAME: &str = "dashboard";
    if let Some(problem) = resolved.api_base_problem() {
        return fail(
            NAME,
            problem,
            "Set the dashboard address (api_base / ApiBase) to an https:// address, or remove it to use POINT's.",
        );
    }
    let ca = resolved.ca_file.as_ref().map(|(p, _)| p.as_path());
    let Ok(http) = HttpClient::new(ca) else {
        return skip(NAME, "no HTTP client (see the extra CA file)");
    };
    let Ok(url) = resolved.api_base.0.join("/healthz") else {
        return fail(
            NAME,
            "the dashboard URL is not valid",
            "Fix the dashboard API base URL.",
        );
    };
    let request = match http_get(&url) {
        Ok(request) => request,
        Err(detail) => return fail(NAME, detail, "Fix the dashboard API base URL."),
    };
    match http.execute(request).await {
        Ok(response) if response.status().is_success() => {
            pass(NAME, format!("{} answers", resolved.api_base.0))
        }
        Ok(response) => fail(
            NAME,
            format!("{} answered HTTP {}", url, response.status()),
            "Check the dashboard API base URL.",
        ),
        Err(error) => fail(
            NAME,
            error.to_string(),
            "Check the network (and, behind TLS inspection, the extra CA file).",
        ),
    }
}

fn http_get(url: &url::Url) -> Result<http::Request<Vec<u8>>, String> {
    http::Request::get(url.as_str())
        .body(Vec::new())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_in_force_says_where_each_part_came_from() {
        let env = |name: &str| match name {
            "POINT_OKTA_DOMAIN" => Some("https://company.okta.com".to_string()),
            "POINT_CLIENT_ID" => Some("0oa1".to_string()),
            _ => None,
        };
        let managed = ManagedConfig {
            origin: "/etc/point/config.toml".into(),
            allowed_email_domains: vec!["example.com".into(), "example.org".into()],
            ca_file: Some("/etc/point/roots.pem".into()),
            ..Default::default()
        };
        let resolved = point_config::resolve(true, env, Some(&managed), &UserSettings::default());
        let lines = configuration_in_force(&resolved);
        let environment = point_config::Source::Environment.describe();
        let it = point_config::Source::Managed.describe();
        assert_eq!(
            lines[0],
            format!("okta issuer: https://company.okta.com ({environment})")
        );
        assert_eq!(lines[1], format!("client id: 0oa1 ({environment})"));
        assert!(lines[2].starts_with("dashboard: https://"), "{lines:?}");
        assert_eq!(
            lines[3],
            format!("extra trusted roots: /etc/point/roots.pem ({it})")
        );
        assert_eq!(
            lines[4..],
            [
                "managed configuration: /etc/point/config.toml".to_string(),
                "allowed email domains: example.com, example.org".to_string(),
            ]
        );
        // `point doctor` shows the same lines, on one.
        let check = configuration(&resolved, None);
        assert_eq!(check.detail, lines.join("; "));

        // Nothing set, no managed configuration.
        let nothing = point_config::resolve(false, |_| None, None, &UserSettings::default());
        let lines = configuration_in_force(&nothing);
        assert_eq!(lines[0], "okta: not set");
        assert_eq!(lines.last().unwrap(), "managed configuration: none");
    }

    #[test]
    fn a_clock_off_by_more_than_two_minutes_is_a_warning_with_the_fix() {
        assert_eq!(clock(0).outcome, Outcome::Pass);
        assert_eq!(clock(-120).outcome, Outcome::Pass);
        let behind = clock(600);
        assert_eq!(behind.outcome, Outcome::Warn);
        assert!(behind.detail.contains("10 min behind"), "{}", behind.detail);
        assert!(behind.fix.unwrap().contains("automatic"));
        assert!(clock(-3600).detail.contains("60 min ahead of"));
    }
}
