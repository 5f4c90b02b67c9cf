//! POINT's settings and where each came from: the Okta domain, the Okta Native App's Client ID,
//! the dashboard API's base URL and extra trusted root certificates.
//!
//! Precedence: environment variables (`POINT_*`, development builds only), then IT's managed
//! configuration (which the user cannot change), then the user's own settings (manual setup, or
//! what sign-in by work email found), then the defaults.
//!
//! Also here: the one HTTP client built from the settings in force ([`Resolved::http_client`]);
//! IT's policy (`it_policy.rs`), the user's settings file (`user_settings.rs`), IT's managed
//! configuration (`managed_config.rs`), the update policy, the app's identity, and files written
//! owner-only (`private_file.rs`).

mod app_identity;
mod it_policy;
mod managed_config;
mod organization_folder;
mod private_file;
mod update_policy;
mod user_settings;

use point_i18n::Message;
use std::path::PathBuf;

pub use app_identity::{AppIdentity, BuildKind, IDENTIFIER, LOG_FILE};
pub use it_policy::Refused;
pub use managed_config::{
    ManagedConfig, ManagedConfigError, OktaSignOut, LINUX_PATH, MACOS_PATH, WINDOWS_KEY,
};
pub use organization_folder::{organization_dir, organization_key};
pub use private_file::write_private;
pub use update_policy::{
    MajorUpdates, SkipReason, UnknownPolicyValue, UpdateDecision, UpdateMode, UpdatePolicy,
    DEFAULT_UPDATE_URL,
};
pub use user_settings::{SavedOrganization, UserSettings};

use point_auth::{ConfigError, OktaSettings};

use url::Url;

/// The production dashboard.
pub const DEFAULT_API_BASE: &str = "https://dash.pointapp.org";

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Default,
    /// IT's managed configuration.
    Managed,
    /// The user's settings file (manual setup or sign-in by work email).
    User,
    /// `POINT_*` environment variables of a development build.
    Environment,
}

impl Source {
    pub fn message(self) -> Message {
        Message::new(match self {
            Self::Default => "source-default",
            Self::Managed => "source-managed",
            Self::User => "source-user",
            Self::Environment => "source-environment",
        })
    }
}

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The Okta settings, when both the domain and the Client ID are known and valid.
    pub okta: Option<(OktaSettings, Source)>,
    /// Why the Okta settings that were given are not usable.
    pub okta_problem: Option<ConfigError>,
    pub api_base: (Url, Source),
    /// A dashboard address that was given but is not `https` (a typo would send bearer tokens
    /// in clear): POINT refuses it and signs in nowhere until it is fixed.
    pub api_base_refused: Option<(String, Source)>,
    pub ca_file: Option<(PathBuf, Source)>,
    /// IT's proxy (`http://` or `https://`); `None`: the OS's proxy settings.
    pub proxy: Option<(Url, Source)>,
    /// A proxy that was given but cannot be used (not an http(s) URL).
    pub proxy_refused: Option<String>,
    /// When and from where POINT updates itself.
    pub updates: UpdatePolicy,
    /// IT's configuration, when there is one.
    pub managed: Option<ManagedConfig>,
}

impl Resolved {
    /// The HTTP client for the settings in force: their extra trusted roots and IT's proxy, and
    /// none at all when IT's proxy cannot be used (POINT never goes around it). Every client
    /// POINT makes from its settings is made here.
    pub fn http_client(&self) -> Result<point_auth::HttpClient, ConfigError> {
        if let Some(given) = &self.proxy_refused {
            return Err(ConfigError::Proxy {
                proxy: shown_address(given),
                reason: "it is not an http:// or https:// address".into(),
            });
        }
        let ca = self.ca_file.as_ref().map(|(path, _)| path.as_path());
        let proxy = self.proxy.as_ref().map(|(url, _)| url);
        point_auth::HttpClient::through_proxy(ca, proxy)
    }

    /// Why the dashboard address in force cannot be used, for the person and `point doctor`.
    pub fn api_base_problem(&self) -> Option<Message> {
        self.api_base_refused.as_ref().map(|(given, source)| {
            Message::new("error-dashboard-address-refused")
                .with("source", source.message())
                .with("address", shown_address(given))
        })
    }

    /// Why IT's proxy cannot be used (POINT then connects nowhere rather than around it).
    pub fn proxy_problem(&self) -> Option<Message> {
        self.proxy_refused
            .as_ref()
            .map(|given| Message::new("error-proxy-refused").with("address", shown_address(given)))
    }
}

/// Resolves the settings. `env` reads an environment variable (ignored in release builds).
pub fn resolve(
    dev_build: bool,
    env: impl Fn(&str) -> Option<String>,
    managed: Option<&ManagedConfig>,
    user: &UserSettings,
) -> Resolved {
    let env = |name: &str| {
        if dev_build {
            env(name).filter(|value| !value.trim().is_empty())
        } else {
            None
        }
    };
    // Each source's domain and Client ID, with its word on DPoP: the three go together.
    let from_env = env("POINT_OKTA_DOMAIN")
        .zip(env("POINT_CLIENT_ID"))
        .map(|ids| (ids, env("POINT_OKTA_DPOP").as_deref() == Some("1")));
    let from_managed = managed.and_then(|m| {
        m.okta_domain
            .clone()
            .zip(m.client_id.clone())
            .map(|ids| (ids, m.okta_dpop.unwrap_or(false)))
    });
    let from_user = user
        .okta_domain
        .clone()
        .zip(user.client_id.clone())
        .map(|ids| (ids, user.okta_dpop));
    // IT set one of the two: a mistake to fix, not a reason to sign in to the user's Okta.
    let incomplete = managed.and_then(|m| match (&m.okta_domain, &m.client_id) {
        (Some(_), None) => Some((m, "okta_domain", "client_id")),
        (None, Some(_)) => Some((m, "client_id", "okta_domain")),
        _ => None,
    });
    let (okta, okta_problem) = match incomplete.filter(|_| from_env.is_none()) {
        Some((m, given, missing)) => (
            None,
            Some(ConfigError::IncompleteManagedOktaSettings {
                origin: m.origin.clone(),
                given,
                missing,
            }),
        ),
        None => match from_env
            .map(|v| (v, Source::Environment))
            .or(from_managed.map(|v| (v, Source::Managed)))
            .or(from_user.map(|v| (v, Source::User)))
        {
            Some((((domain, client_id), dpop), source)) => {
                match OktaSettings::parse(&domain, &client_id, None) {
                    Ok(settings) => (Some((settings.with_dpop(dpop), source)), None),
                    Err(problem) => (None, Some(problem)),
                }
            }
            None => (None, None),
        },
    };
    let given_base = env("POINT_API_BASE")
        .map(|base| (base, Source::Environment))
        .or_else(|| {
            managed
                .and_then(|m| m.api_base.clone())
                .map(|base| (base, Source::Managed))
        });
    let (api_base, api_base_refused) = match given_base {
        Some((base, source)) => match Url::parse(base.trim()) {
            Ok(url) if url.scheme() == "https" && url.has_host() => (Some((url, source)), None),
            _ => (None, Some((base, source))),
        },
        None => (None, None),
    };
    let api_base = api_base.unwrap_or_else(|| {
        let default = Url::parse(DEFAULT_API_BASE).expect("DEFAULT_API_BASE is a valid URL");
        (default, Source::Default)
    });
    let ca_file = env("POINT_CA_FILE")
        .map(|path| (PathBuf::from(path), Source::Environment))
        .or_else(|| {
            managed
                .and_then(|m| m.ca_file.clone())
                .map(|path| (path, Source::Managed))
        });
    let updates = resolve_updates(dev_build, &env, managed);
    let given_proxy = managed.and_then(|m| m.proxy.clone());
    let proxy = given_proxy
        .as_deref()
        .and_then(|p| Url::parse(p.trim()).ok())
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
        .map(|url| (url, Source::Managed));
    let proxy_refused = given_proxy.filter(|_| proxy.is_none());
    Resolved {
        okta,
        okta_problem,
        api_base,
        api_base_refused,
        ca_file,
        proxy,
        proxy_refused,
        updates,
        managed: managed.cloned(),
    }
}

/// The update policy: the environment's (development builds), else IT's, else the default —
/// release builds are offered updates from [`DEFAULT_UPDATE_URL`]; development builds look for
/// none unless `POINT_UPDATE_URL` is set.
fn resolve_updates(
    dev_build: bool,
    env: &impl Fn(&str) -> Option<String>,
    managed: Option<&ManagedConfig>,
) -> UpdatePolicy {
    let managed_any = managed.is_some_and(|m| {
        m.updates.is_some() || m.major_updates.is_some() || m.update_url.is_some()
    });
    let env_url = env("POINT_UPDATE_URL");
    let source = if env_url.is_some() {
        Source::Environment
    } else if managed_any {
        Source::Managed
    } else {
        Source::Default
    };
    let default_url = (!dev_build).then(|| DEFAULT_UPDATE_URL.to_string());
    let given = env_url
        .or_else(|| managed.and_then(|m| m.update_url.clone()))
        .or(default_url);
    let url = given
        .as_deref()
        .and_then(|url| Url::parse(url.trim()).ok())
        .filter(|url| url.scheme() == "https" || url_is_loopback(url));
    UpdatePolicy {
        mode: managed.and_then(|m| m.updates).unwrap_or_default(),
        major: managed.and_then(|m| m.major_updates).unwrap_or_default(),
        refused_url: given.filter(|_| url.is_none()),
        url,
        source,
    }
}

/// An address (a proxy, the dashboard, the update server) as POINT may show, log or bundle it:
/// no user name or password (`[redacted]@host`), no query value (`?key=[redacted]`), no
/// fragment. Textual, so what is left reads as it was given. Pure and total.
pub fn shown_address(address: &str) -> String {
    let address = address.trim();
    let (scheme, rest) = match address.split_once("://") {
        Some((scheme, rest)) => (format!("{scheme}://"), rest),
        None => (String::new(), address),
    };
    let rest = rest.split('#').next().unwrap_or_default();
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    let authority_end = before_query.find('/').unwrap_or(before_query.len());
    let (authority, path) = before_query.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((_, host)) => format!("[redacted]@{host}"),
        None => authority.to_string(),
    };
    let query = query
        .map(|query| {
            let keys: Vec<String> = query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| format!("{}=[redacted]", pair.split('=').next().unwrap_or_default()))
                .collect();
            format!("?{}", keys.join("&"))
        })
        .unwrap_or_default();
    format!("{scheme}{authority}{path}{query}")
}

/// Updates come over HTTPS; plain HTTP only from this machine (development and tests).
fn url_is_loopback(url: &Url) -> bool {
    url.scheme() == "http"
        && match url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(name)) => name == "localhost",
            None => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn environment_wins_in_development_builds_only() {
        let env = env_of(&[
            ("POINT_OKTA_DOMAIN", "https://127.0.0.1:9443/oauth2/default"),
            ("POINT_CLIENT_ID", "point-native"),
            ("POINT_API_BASE", "https://127.0.0.1:9444"),
        ]);
        let user = UserSettings {
            okta_domain: Some("company.okta.com".into()),
            client_id: Some("0oa1".into()),
            organization_name: None,
            okta_dpop: true,
            ..UserSettings::default()
        };
        let dev = resolve(true, &env, None, &user);
        let (okta, source) = dev.okta.unwrap();
        assert_eq!(source, Source::Environment);
        assert_eq!(okta.client_id.as_str(), "point-native");
        // The word on DPoP comes from the same source as the Client ID it is about.
        assert!(!okta.dpop);
        assert_eq!(dev.api_base.1, Source::Environment);

        let release = resolve(false, &env, None, &user);
        let (okta, source) = release.okta.unwrap();
        assert_eq!(source, Source::User);
        assert_eq!(okta.issuer.as_str(), "https://company.okta.com");
        assert!(okta.dpop);
        assert_eq!(
            release.api_base,
            (Url::parse(DEFAULT_API_BASE).unwrap(), Source::Default)
        );
    }

    #[test]
    fn a_dashboard_address_that_is_not_https_is_refused() {
        let user = UserSettings::default();
        for given in [
            "http://dash.example.org",
            "dash.example.org",
            "ftp://dash.example.org",
        ] {
            let managed = ManagedConfig {
                api_base: Some(given.into()),
                ..Default::default()
            };
            let resolved = resolve(false, |_| None, Some(&managed), &user);
            assert_eq!(
                resolved.api_base_refused,
                Some((given.to_string(), Source::Managed))
            );
            assert!(resolved
                .api_base_problem()
                .unwrap()
                .english()
                .contains(given));
        }
        let managed = ManagedConfig {
            api_base: Some(" https://dash.example.org ".into()),
            ..Default::default()
        };
        let resolved = resolve(false, |_| None, Some(&managed), &user);
        assert_eq!(resolved.api_base_refused, None);
        assert_eq!(resolved.api_base.0.as_str(), "https://dash.example.org/");
    }

    #[test]
    fn its_proxy_is_used_when_it_is_an_http_address_and_never_shows_a_password() {
        let user = UserSettings::default();
        let with = |proxy: &str| {
            let managed = ManagedConfig {
                proxy: Some(proxy.into()),
                ..Default::default()
            };
            resolve(false, |_| None, Some(&managed), &user)
        };
        let ok = with("http://proxy.corp.example:3128");
        assert_eq!(
            ok.proxy.map(|(url, source)| (url.to_string(), source)),
            Some(("http://proxy.corp.example:3128/".into(), Source::Managed))
        );
        assert_eq!(ok.proxy_refused, None);
        let bad = with("socks5://ann:hunter2@proxy.corp.example:1080");
        assert!(bad.proxy.is_none());
        let problem = bad.proxy_problem().unwrap().english();
        assert!(!problem.contains("hunter2"), "{problem}");
        assert!(
            problem.contains("socks5://[redacted]@proxy.corp.example:1080"),
            "{problem}"
        );
        assert_eq!(resolve(false, |_| None, None, &user).proxy, None);
        assert_eq!(shown_address("ann:pw@host"), "[redacted]@host");
        assert_eq!(
            shown_address("https://u:p@updates.example.org/{{target}}?sig=s&v=1#f"),
            "https://[redacted]@updates.example.org/{{target}}?sig=[redacted]&v=[redacted]"
        );
        assert_eq!(
            shown_address("https://dash.example.org/"),
            "https://dash.example.org/"
        );
    }

    #[test]
    fn unusable_settings_say_why() {
        let user = UserSettings {
            okta_domain: Some("http://company.okta.com".into()),
            client_id: Some("0oa1".into()),
            organization_name: None,
            okta_dpop: false,
            ..UserSettings::default()
        };
        let resolved = resolve(false, |_| None, None, &user);
        assert!(resolved.okta.is_none());
        assert_eq!(resolved.okta_problem, Some(ConfigError::NotHttps));
        assert!(resolve(false, |_| None, None, &UserSettings::default())
            .okta
            .is_none());
    }

    #[test]
    fn update_policy_sources() {
        let user = UserSettings::default();
        let release = resolve(false, |_| None, None, &user).updates;
        // `Url` escapes the braces; the updater fills in both spellings.
        assert_eq!(release.url, Some(Url::parse(DEFAULT_UPDATE_URL).unwrap()));
        assert_eq!(
            (release.mode, release.source),
            (UpdateMode::Notify, Source::Default)
        );
        // Development builds poll nothing unless told where.
        assert_eq!(resolve(true, |_| None, None, &user).updates.url, None);
        let env = env_of(&[("POINT_UPDATE_URL", "http://127.0.0.1:9/updates")]);
        let dev = resolve(true, &env, None, &user).updates;
        assert_eq!(dev.source, Source::Environment);
        assert!(dev.url.is_some());
        // IT's URL wins; plain HTTP off this machine is refused, which leaves updates off.
        let managed = ManagedConfig {
            updates: Some(UpdateMode::Automatic),
            update_url: Some("http://updates.corp.example/point".into()),
            ..Default::default()
        };
        let it = resolve(false, |_| None, Some(&managed), &user).updates;
        assert_eq!(
            (it.source, it.mode, it.url.clone()),
            (Source::Managed, UpdateMode::Automatic, None)
        );
        assert_eq!(
            it.refused_url.as_deref(),
            Some("http://updates.corp.example/point")
        );
        assert_eq!(release.refused_url, None);
        assert_eq!(
            it.decide("1.0.0", "1.0.1"),
            UpdateDecision::Skip(SkipReason::UpdatesOff)
        );
    }
}

#[cfg(test)]
mod precedence_tests {
    use super::*;

    #[test]
    fn it_s_okta_settings_half_given_fail_closed_instead_of_falling_back_to_the_user_s() {
        let user = UserSettings {
            okta_domain: Some("company.okta.com".into()),
            client_id: Some("0oaUser".into()),
            ..UserSettings::default()
        };
        for toml in [
            "okta_domain = \"https://corp.okta.com\"\n",
            "client_id = \"0oaManaged\"\n",
        ] {
            let managed = ManagedConfig::from_toml(toml, "/etc/point/config.toml").unwrap();
            let resolved = resolve(false, |_| None, Some(&managed), &user);
            assert!(
                resolved.okta.is_none(),
                "{toml}: no sign-in to the user's Okta"
            );
            let problem = resolved
                .okta_problem
                .clone()
                .expect("a problem IT can act on");
            assert!(matches!(
                problem,
                ConfigError::IncompleteManagedOktaSettings { .. }
            ));
            assert!(
                problem.to_string().contains("/etc/point/config.toml"),
                "{problem}"
            );
            assert_eq!(
                resolved.may_change_okta_settings(),
                Err(Refused::ManagedOktaSettings)
            );
        }
    }

    #[test]
    fn managed_configuration_wins_over_the_user_and_locks_the_okta_settings() {
        let dir = std::env::temp_dir().join(format!("point-config-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("config.toml");
        std::fs::write(
            &file,
            "okta_domain = \"https://corp.okta.com\"\nclient_id = \"0oaManaged\"\napi_base = \"https://dash.example.org\"\nallowed_email_domains = [\"corp.com\"]\n",
        )
        .unwrap();
        let managed = ManagedConfig::from_toml_file(&file)
            .unwrap()
            .expect("the fixture is read");
        let user = UserSettings {
            okta_domain: Some("company.okta.com".into()),
            client_id: Some("0oaUser".into()),
            organization_name: None,
            okta_dpop: false,
            ..UserSettings::default()
        };
        let resolved = resolve(false, |_| None, Some(&managed), &user);
        let (okta, source) = resolved.okta.clone().unwrap();
        assert_eq!(
            (okta.client_id.as_str(), source),
            ("0oaManaged", Source::Managed)
        );
        assert_eq!(resolved.api_base.0.as_str(), "https://dash.example.org/");
        assert_eq!(
            resolved.may_change_okta_settings(),
            Err(Refused::ManagedOktaSettings)
        );
        assert!(resolved.may_use_email("ann@corp.com").is_ok());
        assert!(resolved.may_use_email("ann@elsewhere.com").is_err());
        // The environment still wins in development builds.
        let env = |name: &str| {
            (name == "POINT_CLIENT_ID" || name == "POINT_OKTA_DOMAIN")
                .then(|| "x.okta.com".to_string())
        };
        assert_eq!(
            resolve(true, env, Some(&managed), &user).okta.unwrap().1,
            Source::Environment
        );
        // Without Okta settings from IT, the user may set them.
        let only_ca = ManagedConfig {
            ca_file: Some("/etc/ca.pem".into()),
            ..Default::default()
        };
        assert!(resolve(false, |_| None, Some(&only_ca), &user)
            .may_change_okta_settings()
            .is_ok());
        assert_eq!(
            ManagedConfig::from_toml_file(&dir.join("missing.toml")),
            Ok(None)
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
