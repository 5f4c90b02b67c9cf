//! `point doctor`: checks, for staff and IT, that this machine can sign in to POINT. Each check
//! passes or fails and, on failure, says how to fix it (the Okta admin's step where it is theirs).
//! Secrets are never printed. Exit code 1 when a check fails; `--json` for scripts.

mod machine;
mod okta;
mod settings;

use point_auth::{HttpClient, Provider};
use point_config::{AppIdentity, ManagedConfig, Resolved, UserSettings};
use point_i18n::Message;
use serde_json::json;
use std::process::ExitCode;

pub use machine::{clock, scheme_handler, CLOCK_WARNING_SECONDS, SCHEME_CHECK_COULD_NOT_RUN};
use machine::{dpop_key, keychain, log_folder};
use okta::{okta_app, proof_of_possession, provider_capabilities};
pub use settings::configuration_in_force;
use settings::{configuration, proxy, updates};

/// One check's outcome. `name` is the check's stable name (`--json`); what it found and the
/// fix are messages, said in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub outcome: Outcome,
    pub detail: Message,
    pub fix: Option<Message>,
}

impl Check {
    /// The check as `point doctor` prints it: `PASS  name: detail`, and the fix on its own line.
    pub fn summary(&self) -> String {
        let label = Message::new(match self.outcome {
            Outcome::Pass => "doctor-pass",
            Outcome::Fail => "doctor-fail",
            Outcome::Warn => "doctor-warn",
            Outcome::Skip => "doctor-skip",
        })
        .spoken();
        let name = check_label(self.name).spoken();
        let detail = self.detail.spoken();
        match &self.fix {
            Some(fix) => format!(
                "{label}  {name}: {detail}\n      {}: {}",
                Message::new("doctor-fix").spoken(),
                fix.spoken()
            ),
            None => format!("{label}  {name}: {detail}"),
        }
    }
}

/// A check's name in the person's language.
fn check_label(name: &str) -> Message {
    Message::new(match name {
        "runtime" => "doctor-check-runtime",
        "configuration" => "doctor-check-configuration",
        "okta domain" => "doctor-check-okta-domain",
        "discovery" => "doctor-check-discovery",
        "clock" => "doctor-check-clock",
        "okta app" => "doctor-check-okta-app",
        "proof of possession" => "doctor-check-proof-of-possession",
        "pkce" => "doctor-check-pkce",
        "offline_access" => "doctor-check-offline-access",
        "sign-out endpoints" => "doctor-check-sign-out-endpoints",
        "sign-in on another device" => "doctor-check-device-sign-in",
        "provider capabilities" => "doctor-check-provider-capabilities",
        "proxy" => "doctor-check-proxy",
        "deep links" => "doctor-check-deep-links",
        "keychain" => "doctor-check-keychain",
        "dpop key" => "doctor-check-dpop-key",
        "dashboard" => "doctor-check-dashboard",
        "updates" => "doctor-check-updates",
        "log" => "doctor-check-log",
        // A check this list does not know yet: its name as it is.
        other => return Message::new("doctor-lines").with("lines", other),
    })
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

fn pass(name: &'static str, detail: Message) -> Check {
    Check {
        name,
        outcome: Outcome::Pass,
        detail,
        fix: None,
    }
}

fn fail(name: &'static str, detail: Message, fix: Message) -> Check {
    Check {
        name,
        outcome: Outcome::Fail,
        detail,
        fix: Some(fix),
    }
}

fn warn(name: &'static str, detail: Message, fix: Message) -> Check {
    Check {
        name,
        outcome: Outcome::Warn,
        detail,
        fix: Some(fix),
    }
}

fn skip(name: &'static str, detail: Message) -> Check {
    Check {
        name,
        outcome: Outcome::Skip,
        detail,
        fix: None,
    }
}

/// `point doctor [--json]`.
pub fn main(args: impl Iterator<Item = String>) -> ExitCode {
    let json_output = args.into_iter().any(|a| a == "--json");
    // Said in the person's language: IT's `locale`, else the OS's. (Here, not in `run`: the
    // app's support bundle runs the checks in the language the app already speaks.)
    let managed = ManagedConfig::load_for(AppIdentity::of_this_build());
    let it_locale = managed.ok().flatten().and_then(|m| m.locale);
    point_i18n::speak(point_i18n::negotiate(&point_i18n::preferred(
        it_locale.as_deref(),
        &point_i18n::os_locales(),
    )));
    let checks = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(run(AppIdentity::of_this_build())),
        Err(error) => vec![fail(
            "runtime",
            Message::new("doctor-runtime-failed").with("detail", error.to_string()),
            Message::new("doctor-runtime-fix"),
        )],
    };
    let ok = checks.iter().all(|c| c.outcome != Outcome::Fail);
    if json_output {
        let list: Vec<_> = checks
            .iter()
            .map(|c| {
                json!({
                    "name": c.name,
                    "status": match c.outcome { Outcome::Pass => "pass", Outcome::Fail => "fail", Outcome::Warn => "warn", Outcome::Skip => "skip" },
                    "id": c.detail.id(),
                    "detail": c.detail.spoken(),
                    "fix": c.fix.as_ref().map(Message::spoken),
                })
            })
            .collect();
        println!("{}", json!({ "ok": ok, "checks": list }));
    } else {
        for check in &checks {
            println!("{}", check.summary());
        }
        let verdict = if ok {
            "doctor-all-passed"
        } else {
            "doctor-some-failed"
        };
        println!("{}", Message::new(verdict).spoken());
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
                point_auth::ServerKind::Org => "doctor-issuer-org",
                point_auth::ServerKind::Custom => "doctor-issuer-custom",
            };
            checks.push(pass(
                "okta domain",
                Message::new(kind).with("issuer", okta.issuer.to_string()),
            ));
            match http_client(&resolved) {
                Ok(http) => match Provider::discover(&http, &okta.issuer).await {
                    Ok(provider) => {
                        checks.push(pass(
                            "discovery",
                            Message::new("doctor-discovery-passed")
                                .with("url", okta.issuer.discovery_url().to_string()),
                        ));
                        checks.push(clock(http.clock_offset_seconds()));
                        checks.push(okta_app(&provider, &http, okta).await);
                        checks.push(proof_of_possession(&provider, okta));
                        Some(provider)
                    }
                    Err(error) => {
                        let fix = error
                            .admin_hint()
                            .unwrap_or(Message::new("doctor-discovery-fix"));
                        checks.push(fail("discovery", error.message(), fix));
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
                .map(|p| p.message())
                .unwrap_or(Message::new("doctor-okta-not-set"));
            checks.push(fail(
                "okta domain",
                detail,
                Message::new("doctor-okta-not-set-fix"),
            ));
            checks.push(skip("discovery", Message::new("doctor-discovery-skipped")));
            None
        }
    };
    match &provider {
        Some(provider) => checks.extend(provider_capabilities(provider)),
        None => checks.push(skip(
            "provider capabilities",
            Message::new("doctor-capabilities-skipped"),
        )),
    }
    checks.push(proxy(&resolved));
    checks.push(scheme_handler());
    checks.push(keychain(identity));
    checks.push(dpop_key(
        &resolved,
        identity,
        &point_auth::KeyHardware::of_this_machine(),
    ));
    checks.push(dashboard(&resolved).await);
    checks.push(updates(&resolved));
    checks.push(log_folder(identity));
    checks
}

/// The client every check's request goes through: POINT's own for the settings in force (never
/// around IT's proxy, even one POINT cannot use: then nothing goes out), with the fix.
fn http_client(resolved: &Resolved) -> Result<HttpClient, (Message, Message)> {
    resolved.http_client().map_err(|error| {
        let fix = match error {
            point_auth::ConfigError::Proxy { .. } => "doctor-proxy-setting-fix",
            _ => "doctor-ca-file-fix",
        };
        (error.message(), Message::new(fix))
    })
}

async fn dashboard(resolved: &Resolved) -> Check {
    const NAME: &str = "dashboard";
    if let Some(problem) = resolved.api_base_problem() {
        return fail(NAME, problem, Message::new("doctor-dashboard-address-fix"));
    }
    let http = match http_client(resolved) {
        Ok(http) => http,
        Err((problem, fix)) => return fail(NAME, problem, fix),
    };
    let Ok(url) = resolved.api_base.0.join("/healthz") else {
        return fail(
            NAME,
            Message::new("doctor-dashboard-url-invalid"),
            Message::new("doctor-dashboard-url-fix"),
        );
    };
    let request = match http_get(&url) {
        Ok(request) => request,
        Err(detail) => {
            return fail(
                NAME,
                Message::new("doctor-dashboard-url-invalid").with("detail", detail),
                Message::new("doctor-dashboard-url-fix"),
            )
        }
    };
    match http.execute(request).await {
        Ok(response) if response.status().is_success() => pass(
            NAME,
            Message::new("doctor-dashboard-answers").with(
                "address",
                point_config::shown_address(resolved.api_base.0.as_str()),
            ),
        ),
        Ok(response) => fail(
            NAME,
            Message::new("doctor-dashboard-answered")
                .with("address", point_config::shown_address(url.as_str()))
                .with("status", response.status().as_u16().to_string()),
            Message::new("doctor-dashboard-check-fix"),
        ),
        Err(error) => fail(
            NAME,
            point_auth::SignInError::from(error).message(),
            Message::new("doctor-network-fix"),
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

    fn english(lines: &[Message]) -> Vec<String> {
        lines.iter().map(Message::english).collect()
    }

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
        let mut shown = english(&configuration_in_force(&resolved)).join("\n");
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
        let lines = english(&configuration_in_force(&resolved));
        let environment = point_config::Source::Environment.message().english();
        let it = point_config::Source::Managed.message().english();
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
        assert_eq!(check.detail.english(), lines.join("; "));

        // Nothing set, no managed configuration.
        let nothing = point_config::resolve(false, |_| None, None, &UserSettings::default());
        let lines = english(&configuration_in_force(&nothing));
        assert_eq!(lines[0], "okta: not set");
        assert_eq!(lines.last().unwrap(), "managed configuration: none");
    }

    #[test]
    fn it_s_minimum_sign_in_is_part_of_the_configuration_in_force() {
        let managed = ManagedConfig::from_toml(
            "acr_values = [\"urn:okta:loa:2fa:any\"]\nmax_authentication_age = 43200\n",
            "/etc/point/config.toml",
        )
        .unwrap();
        let resolved =
            point_config::resolve(false, |_| None, Some(&managed), &UserSettings::default());
        let lines = english(&configuration_in_force(&resolved));
        assert!(
            lines.contains(&"minimum sign-in: two factors (urn:okta:loa:2fa:any)".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"sign in again after: 720 minutes".to_string()),
            "{lines:?}"
        );
    }

    #[test]
    fn a_clock_off_by_more_than_two_minutes_is_a_warning_with_the_fix() {
        assert_eq!(clock(0).outcome, Outcome::Pass);
        assert_eq!(clock(-120).outcome, Outcome::Pass);
        let behind = clock(600);
        assert_eq!(behind.outcome, Outcome::Warn);
        let detail = behind.detail.english();
        assert!(detail.contains("10 min behind"), "{detail}");
        assert!(behind.fix.unwrap().english().contains("automatic"));
        assert!(clock(-3600).detail.english().contains("60 min ahead of"));
    }
}
