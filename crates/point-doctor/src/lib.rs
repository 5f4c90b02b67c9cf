//! `point doctor`: checks, for staff and IT, that this machine can sign in to POINT. Each check
//! passes or fails and, on failure, says how to fix it (the Okta admin's step where it is theirs).
//! Secrets are never printed. Exit code 1 when a check fails; `--json` for scripts.

mod machine;
mod okta;
mod settings;

use point_auth::{HttpClient, Provider};
use point_config::{AppIdentity, ManagedConfig, Resolved, UserSettings};
use serde_json::json;
use std::process::ExitCode;

pub use machine::{clock, scheme_handler, CLOCK_WARNING_SECONDS, SCHEME_CHECK_COULD_NOT_RUN};
use machine::{keychain, log_folder};
use okta::{okta_app, proof_of_possession, provider_capabilities};
pub use settings::configuration_in_force;
use settings::{configuration, proxy, updates};

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
            match http_client(&resolved) {
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
                Err((problem, fix)) => {
                    checks.push(fail("discovery", problem, fix));
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

/// The client every check's request goes through: POINT's own for the settings in force (never
/// around IT's proxy, even one POINT cannot use: then nothing goes out), with the fix.
fn http_client(resolved: &Resolved) -> Result<HttpClient, (String, &'static str)> {
    resolved.http_client().map_err(|error| {
        let fix = match error {
            point_auth::ConfigError::Proxy { .. } => {
                "Ask IT to set proxy to an http:// or https:// address."
            }
            _ => "Fix the extra CA file setting (a PEM file of certificates).",
        };
        (error.to_string(), fix)
    })
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
    let http = match http_client(resolved) {
        Ok(http) => http,
        Err((problem, fix)) => return fail(NAME, problem, fix),
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
        Ok(response) if response.status().is_success() => pass(
            NAME,
            format!(
                "{} answers",
                point_config::shown_address(resolved.api_base.0.as_str())
            ),
        ),
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
    fn credentials_in_configured_addresses_are_never_shown() {
        let managed = ManagedConfig::from_toml(
            "api_base = \"https://svc:dash-secret@dash.example.org/?key=query-secret\"\n\
             update_url = \"https://upd:update-secret@updates.example.org/{{target}}?sig=sig-secret\"\n",
            "/etc/point/config.toml",
        )
        .unwrap();
        let resolved =
            point_config::resolve(false, |_| None, Some(&managed), &UserSettings::default());
        let mut shown = configuration_in_force(&resolved).join("\n");
        shown.push_str(&settings::updates(&resolved).summary());
        for secret in [
            "dash-secret",
            "query-secret",
            "update-secret",
            "sig-secret",
            "svc:",
            "upd:",
        ] {
            assert!(!shown.contains(secret), "{secret} shown in:\n{shown}");
        }
        assert!(shown.contains("dash.example.org"), "{shown}");
    }

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
