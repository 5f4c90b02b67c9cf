//! Managed configuration: what IT sets for every user of a machine, which the user cannot change.
//!
//! | OS | where |
//! |---|---|
//! | Linux | `/etc/point/config.toml` |
//! | Windows | registry values under `HKLM\SOFTWARE\Policies\PointApp\POINT` |
//! | macOS | managed preferences for `org.pointapp.point` (`/Library/Managed Preferences/org.pointapp.point.plist`, set by a configuration profile) |
//!
//! Keys (TOML / registry and plist): `okta_domain` / `OktaDomain`, `client_id` / `ClientId`,
//! `okta_dpop` / `OktaDpop` (true, or a REG_DWORD 1: the Okta app requires DPoP), `api_base` / `ApiBase`, `ca_file` / `CaFile`, `allowed_email_domains` /
//! `AllowedEmailDomains` (a list; in the registry a REG_MULTI_SZ or a `;`-separated string),
//! `allowed_okta_domains` / `AllowedOktaDomains` (a list, the same way), and
//! the update policy: `updates` / `Updates`, `major_updates` / `MajorUpdates`, `update_url` /
//! `UpdateUrl` (see `update_policy`), and `okta_sign_out` / `OktaSignOut` (`ask`, `always`,
//! `never`: whether signing out of POINT also ends the Okta session in the browser), `dpop_key` /
//! `DpopKey` (`hardware-required`, `hardware-where-available`, `software`: where DPoP keys are
//! kept), and where
//! staff get help: `support_email` / `SupportEmail`, `support_url` / `SupportUrl` (IT's help
//! desk instead of POINT's).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::update_policy::{MajorUpdates, UnknownPolicyValue, UpdateMode};

/// The Linux managed configuration file.
pub const LINUX_PATH: &str = "/etc/point/config.toml";
/// The Windows policy key (under HKEY_LOCAL_MACHINE).
pub const WINDOWS_KEY: &str = r"SOFTWARE\Policies\PointApp\POINT";
/// The macOS managed preferences file.
pub const MACOS_PATH: &str = "/Library/Managed Preferences/org.pointapp.point.plist";

/// IT's settings. Every field is optional: IT may set only some.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagedConfig {
    pub okta_domain: Option<String>,
    pub client_id: Option<String>,
    /// The Okta app requires DPoP ("Require Demonstrating Proof of Possession"): POINT's
    /// sessions hold a key and their tokens are bound to it.
    pub okta_dpop: Option<bool>,
    pub api_base: Option<String>,
    pub ca_file: Option<PathBuf>,
    /// The proxy POINT uses for Okta and the dashboard (`http://proxy.corp.example:3128`),
    /// instead of the OS's settings.
    pub proxy: Option<String>,
    #[serde(default)]
    pub allowed_email_domains: Vec<String>,
    /// The Okta domains IT trusts (any form `parse_okta_domain` reads): with an email rule,
    /// POINT signs in only to these and to IT's own `okta_domain`.
    #[serde(default)]
    pub allowed_okta_domains: Vec<String>,
    pub updates: Option<UpdateMode>,
    pub major_updates: Option<MajorUpdates>,
    pub update_url: Option<String>,
    pub okta_sign_out: Option<OktaSignOut>,
    /// Sign-in on another device (RFC 8628) offered (the default) or turned off (`false`).
    pub device_sign_in: Option<bool>,
    /// The language POINT speaks on this machine (a BCP 47 tag: `de`, `pt-BR`), instead of the
    /// person's OS settings.
    pub locale: Option<String>,
    /// IT's minimum for every sign-in: the authentication context classes Okta must meet
    /// (`acr_values`, e.g. `urn:okta:loa:2fa:any`), best first.
    #[serde(default)]
    pub acr_values: Vec<String>,
    /// IT's minimum for every sign-in: how long ago, in seconds, the person may have last
    /// authenticated at Okta (`max_age`); older, Okta asks them again.
    pub max_authentication_age: Option<u64>,
    /// Where new sessions' DPoP keys are kept: `hardware-required`, `hardware-where-available`
    /// (the default) or `software`.
    pub dpop_key: Option<point_auth::KeyPolicy>,
    pub support_email: Option<String>,
    pub support_url: Option<String>,
    /// Where it was read from, for `point doctor`.
    #[serde(skip)]
    pub origin: String,
}

/// Whether signing out of POINT also ends the person's Okta session in the browser (which signs
/// them out of every Okta app in that browser).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OktaSignOut {
    /// The person chooses at each sign-out (the default).
    #[default]
    Ask,
    Always,
    Never,
}

impl OktaSignOut {
    pub fn parse(value: &str) -> Result<Self, UnknownPolicyValue> {
        match value.trim().to_ascii_lowercase().as_str() {
            "ask" => Ok(Self::Ask),
            "always" => Ok(Self::Always),
            "never" => Ok(Self::Never),
            _ => Err(UnknownPolicyValue {
                setting: "Okta sign-out policy",
                value: value.to_string(),
                expected: "ask, always, never",
            }),
        }
    }
}

/// Why the managed configuration could not be read. POINT then refuses to guess: it says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedConfigError {
    pub origin: String,
    pub reason: String,
}

impl ManagedConfigError {
    /// Why, in the person's language (the parser's reason as it gave it).
    pub fn message(&self) -> point_i18n::Message {
        point_i18n::Message::new("error-managed-config-unreadable")
            .with("origin", &self.origin)
            .with("reason", &self.reason)
    }
}

point_i18n::english_display!(ManagedConfigError);

impl ManagedConfig {
    /// Parses the Linux TOML file's text.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self, ManagedConfigError> {
        let mut config: Self = toml::from_str(text).map_err(|e| ManagedConfigError {
            origin: origin.into(),
            reason: e.message().to_string(),
        })?;
        config.origin = origin.into();
        Ok(config)
    }

    /// Reads a TOML file; `Ok(None)` when it does not exist.
    pub fn from_toml_file(path: &Path) -> Result<Option<Self>, ManagedConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_toml(&text, &path.display().to_string()).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(ManagedConfigError {
                origin: path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }

    /// Parses the values of the Windows policy key (value name → data as text; a REG_MULTI_SZ
    /// arrives joined with `;`, a REG_DWORD as its decimal number).
    pub fn from_registry_values(
        values: &HashMap<String, String>,
        origin: &str,
    ) -> Result<Self, ManagedConfigError> {
        let get = |name: &str| {
            values
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Ok(Self {
            okta_domain: get("OktaDomain"),
            client_id: get("ClientId"),
            okta_dpop: flag(get("OktaDpop"), "OktaDpop", origin)?,
            api_base: get("ApiBase"),
            ca_file: get("CaFile").map(PathBuf::from),
            proxy: get("Proxy"),
            allowed_email_domains: get("AllowedEmailDomains")
                .map(|list| split_list(&list))
                .unwrap_or_default(),
            allowed_okta_domains: get("AllowedOktaDomains")
                .map(|list| split_list(&list))
                .unwrap_or_default(),
            updates: policy(get("Updates"), UpdateMode::parse, origin)?,
            major_updates: policy(get("MajorUpdates"), MajorUpdates::parse, origin)?,
            update_url: get("UpdateUrl"),
            okta_sign_out: policy(get("OktaSignOut"), OktaSignOut::parse, origin)?,
            device_sign_in: flag(get("DeviceSignIn"), "DeviceSignIn", origin)?,
            locale: get("Locale"),
            acr_values: get("AcrValues")
                .map(|list| split_list(&list.replace(' ', ";")))
                .unwrap_or_default(),
            max_authentication_age: seconds(
                get("MaxAuthenticationAge"),
                "MaxAuthenticationAge",
                origin,
            )?,
            dpop_key: policy(get("DpopKey"), key_policy, origin)?,
            support_email: get("SupportEmail"),
            support_url: get("SupportUrl"),
            origin: origin.into(),
        })
    }

    /// Parses macOS managed preferences (a property list, XML or binary).
    pub fn from_plist(bytes: &[u8], origin: &str) -> Result<Self, ManagedConfigError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Preferences {
            okta_domain: Option<String>,
            client_id: Option<String>,
            okta_dpop: Option<bool>,
            api_base: Option<String>,
            ca_file: Option<PathBuf>,
            proxy: Option<String>,
            #[serde(default)]
            allowed_email_domains: Vec<String>,
            #[serde(default)]
            allowed_okta_domains: Vec<String>,
            updates: Option<String>,
            major_updates: Option<String>,
            update_url: Option<String>,
            okta_sign_out: Option<String>,
            device_sign_in: Option<bool>,
            locale: Option<String>,
            #[serde(default)]
            acr_values: Vec<String>,
            max_authentication_age: Option<u64>,
            dpop_key: Option<String>,
            support_email: Option<String>,
            support_url: Option<String>,
        }
        let prefs: Preferences = plist::from_bytes(bytes).map_err(|e| ManagedConfigError {
            origin: origin.into(),
            reason: e.to_string(),
        })?;
        Ok(Self {
            okta_domain: prefs.okta_domain,
            client_id: prefs.client_id,
            okta_dpop: prefs.okta_dpop,
            api_base: prefs.api_base,
            ca_file: prefs.ca_file,
            proxy: prefs.proxy,
            allowed_email_domains: prefs.allowed_email_domains,
            allowed_okta_domains: prefs.allowed_okta_domains,
            updates: policy(prefs.updates, UpdateMode::parse, origin)?,
            major_updates: policy(prefs.major_updates, MajorUpdates::parse, origin)?,
            update_url: prefs.update_url,
            okta_sign_out: policy(prefs.okta_sign_out, OktaSignOut::parse, origin)?,
            device_sign_in: prefs.device_sign_in,
            locale: prefs.locale,
            acr_values: prefs.acr_values,
            max_authentication_age: prefs.max_authentication_age,
            dpop_key: policy(prefs.dpop_key, key_policy, origin)?,
            support_email: prefs.support_email,
            support_url: prefs.support_url,
            origin: origin.into(),
        })
    }

    /// This machine's managed configuration; `Ok(None)` when IT set none.
    pub fn load_platform() -> Result<Option<Self>, ManagedConfigError> {
        platform::load()
    }

    /// The managed configuration this build reads: the platform's, except that a development
    /// build reads `POINT_MANAGED_CONFIG` (a TOML file, as on Linux) when it is set, so tests
    /// can play IT without writing to `/etc`. The app and `point doctor` read the same.
    pub fn load_for(identity: crate::AppIdentity) -> Result<Option<Self>, ManagedConfigError> {
        match std::env::var_os("POINT_MANAGED_CONFIG") {
            Some(path) if identity.is_development() => Self::from_toml_file(Path::new(&path)),
            _ => Self::load_platform(),
        }
    }

    /// Whether a work email may be used here (any email when IT listed no domains).
    pub fn allows_email(&self, email: &str) -> bool {
        if self.allowed_email_domains.is_empty() {
            return true;
        }
        let Some((_, domain)) = email.trim().rsplit_once('@') else {
            return false;
        };
        self.allowed_email_domains
            .iter()
            .any(|allowed| allowed.trim().eq_ignore_ascii_case(domain))
    }
}

/// Parses an optional policy word from the registry or a plist.
fn policy<T>(
    value: Option<String>,
    parse: fn(&str) -> Result<T, UnknownPolicyValue>,
    origin: &str,
) -> Result<Option<T>, ManagedConfigError> {
    value
        .map(|value| parse(&value))
        .transpose()
        .map_err(|e| ManagedConfigError {
            origin: origin.into(),
            reason: e.to_string(),
        })
}

/// Where DPoP keys are kept (`DpopKey`).
fn key_policy(value: &str) -> Result<point_auth::KeyPolicy, UnknownPolicyValue> {
    point_auth::KeyPolicy::parse(value).ok_or_else(|| UnknownPolicyValue {
        setting: "DPoP key policy",
        value: value.to_string(),
        expected: "hardware-required, hardware-where-available, software",
    })
}

/// A yes/no registry value: a REG_DWORD (`1`, `0`) or the words `true` and `false`.
fn flag(
    value: Option<String>,
    name: &str,
    origin: &str,
) -> Result<Option<bool>, ManagedConfigError> {
    value
        .map(|value| match value.to_ascii_lowercase().as_str() {
            "1" | "true" => Ok(true),
            "0" | "false" => Ok(false),
            other => Err(ManagedConfigError {
                origin: origin.into(),
                reason: format!("{name} must be 1 or 0 (true or false), not {other:?}"),
            }),
        })
        .transpose()
}

/// A number of seconds from a registry value (REG_DWORD or text).
fn seconds(
    value: Option<String>,
    name: &str,
    origin: &str,
) -> Result<Option<u64>, ManagedConfigError> {
    value
        .map(|value| {
            value.parse().map_err(|_| ManagedConfigError {
                origin: origin.into(),
                reason: format!("{name} must be a number of seconds, not {value:?}"),
            })
        })
        .transpose()
}

fn split_list(list: &str) -> Vec<String> {
    list.split([';', ',', '\n', '\0'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(target_os = "linux")]
mod platform {
    use super::*;
    pub fn load() -> Result<Option<ManagedConfig>, ManagedConfigError> {
        ManagedConfig::from_toml_file(Path::new(LINUX_PATH))
    }
}

#[cfg(target_os = "macos")]
mod platform {
    use super::*;
    pub fn load() -> Result<Option<ManagedConfig>, ManagedConfigError> {
        match std::fs::read(MACOS_PATH) {
            Ok(bytes) => ManagedConfig::from_plist(&bytes, MACOS_PATH).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(ManagedConfigError {
                origin: MACOS_PATH.into(),
                reason: e.to_string(),
            }),
        }
    }
}

#[cfg(windows)]
mod platform {
    use super::*;
    use winreg::enums::{RegType, HKEY_LOCAL_MACHINE};
    use winreg::RegKey;

    pub fn load() -> Result<Option<ManagedConfig>, ManagedConfigError> {
        let origin = format!(r"HKLM\{WINDOWS_KEY}");
        let key = match RegKey::predef(HKEY_LOCAL_MACHINE).open_subkey(WINDOWS_KEY) {
            Ok(key) => key,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(ManagedConfigError {
                    origin,
                    reason: e.to_string(),
                })
            }
        };
        let mut values = HashMap::new();
        for item in key.enum_values() {
            let (name, value) = item.map_err(|e| ManagedConfigError {
                origin: origin.clone(),
                reason: e.to_string(),
            })?;
            let text = match value.vtype {
                RegType::REG_MULTI_SZ => {
                    let list: Vec<String> = key.get_value(&name).unwrap_or_default();
                    list.join(";")
                }
                RegType::REG_DWORD => key
                    .get_value::<u32, _>(&name)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                _ => key.get_value::<String, _>(&name).unwrap_or_default(),
            };
            values.insert(name, text);
        }
        ManagedConfig::from_registry_values(&values, &origin).map(Some)
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
mod platform {
    use super::*;
    /// Mobile: managed app configuration (MDM) is not read yet; see docs/mobile.md.
    pub fn load() -> Result<Option<ManagedConfig>, ManagedConfigError> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linux_toml() {
        let config = ManagedConfig::from_toml(
            r#"
okta_domain = "company.okta.com"
client_id = "0oa1b2c3"
okta_dpop = true
api_base = "https://dash.pointapp.org"
ca_file = "/etc/point/corporate-ca.pem"
allowed_email_domains = ["company.com", "company.co.uk"]
"#,
            "fixture",
        )
        .unwrap();
        assert_eq!(config.okta_domain.as_deref(), Some("company.okta.com"));
        assert_eq!(config.okta_dpop, Some(true));
        assert_eq!(
            config.ca_file.as_deref(),
            Some(Path::new("/etc/point/corporate-ca.pem"))
        );
        assert!(config.allows_email("ann@Company.com"));
        assert!(!config.allows_email("ann@gmail.com"));
        let typo =
            ManagedConfig::from_toml("okta_domian = \"x\"", "/etc/point/config.toml").unwrap_err();
        assert!(typo.reason.contains("okta_domian"), "{typo}");
        assert!(ManagedConfig::from_toml("client_id = ", "f").is_err());
    }

    #[test]
    fn update_policy_keys_in_every_format() {
        let toml = ManagedConfig::from_toml(
            "updates = \"automatic\"\nmajor_updates = \"block\"\nupdate_url = \"https://updates.corp.example/point/{{target}}\"\n",
            "fixture",
        )
        .unwrap();
        assert_eq!(toml.updates, Some(UpdateMode::Automatic));
        assert_eq!(toml.major_updates, Some(MajorUpdates::Block));
        let wrong = ManagedConfig::from_toml("updates = \"sometimes\"", "/etc/point/config.toml")
            .unwrap_err();
        assert!(wrong.reason.contains("sometimes"), "{wrong}");

        let values: HashMap<String, String> = [("Updates", "Off"), ("MajorUpdates", "allow")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let registry = ManagedConfig::from_registry_values(&values, "registry").unwrap();
        assert_eq!(registry.updates, Some(UpdateMode::Off));
        assert_eq!(registry.major_updates, Some(MajorUpdates::Allow));
        let bad: HashMap<String, String> = [("MajorUpdates".to_string(), "1".to_string())].into();
        let error = ManagedConfig::from_registry_values(&bad, "registry").unwrap_err();
        assert_eq!(
            error.to_string(),
            "The configuration your IT department set (registry) cannot be read: `1` is not a valid MajorUpdates: use one of ask, allow, block"
        );

        let plist = br#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
  <key>Updates</key><string>notify</string>
  <key>UpdateUrl</key><string>https://updates.corp.example/point</string>
</dict></plist>"#;
        let mac = ManagedConfig::from_plist(plist, "plist").unwrap();
        assert_eq!(mac.updates, Some(UpdateMode::Notify));
        assert_eq!(
            mac.update_url.as_deref(),
            Some("https://updates.corp.example/point")
        );
    }

    #[test]
    fn windows_registry_values() {
        let values: HashMap<String, String> = [
            ("OktaDomain", "https://company.okta.com/oauth2/default"),
            ("CLIENTID", " 0oa1b2c3 "),
            ("AllowedEmailDomains", "company.com;company.co.uk"),
            ("ApiBase", ""),
            ("OktaDpop", "1"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let config = ManagedConfig::from_registry_values(&values, "registry fixture").unwrap();
        assert_eq!(config.client_id.as_deref(), Some("0oa1b2c3"));
        assert_eq!(config.okta_dpop, Some(true));
        let bad: HashMap<String, String> = [("OktaDpop".to_string(), "yes".to_string())].into();
        assert!(ManagedConfig::from_registry_values(&bad, "registry fixture").is_err());
        assert_eq!(config.api_base, None);
        assert_eq!(
            config.allowed_email_domains,
            ["company.com", "company.co.uk"]
        );
    }

    #[test]
    fn sign_in_on_another_device_can_be_turned_off_in_every_form() {
        let toml = ManagedConfig::from_toml("locale = \"de\"\n", "toml").unwrap();
        assert_eq!(toml.locale.as_deref(), Some("de"));
        let toml = ManagedConfig::from_toml(
            "acr_values = [\"urn:okta:loa:2fa:any\"]\nmax_authentication_age = 3600\n",
            "toml",
        )
        .unwrap();
        assert_eq!(toml.acr_values, ["urn:okta:loa:2fa:any"]);
        assert_eq!(toml.max_authentication_age, Some(3600));
        let values: HashMap<String, String> = [
            (
                "AcrValues".to_string(),
                "phr urn:okta:loa:2fa:any".to_string(),
            ),
            ("MaxAuthenticationAge".to_string(), "900".to_string()),
        ]
        .into();
        let registry = ManagedConfig::from_registry_values(&values, "registry").unwrap();
        assert_eq!(registry.acr_values, ["phr", "urn:okta:loa:2fa:any"]);
        assert_eq!(registry.max_authentication_age, Some(900));
        let bad: HashMap<String, String> =
            [("MaxAuthenticationAge".to_string(), "an hour".to_string())].into();
        assert!(ManagedConfig::from_registry_values(&bad, "registry").is_err());
        let toml = ManagedConfig::from_toml("device_sign_in = false\n", "toml").unwrap();
        assert_eq!(toml.device_sign_in, Some(false));
        assert!(ManagedConfig::from_toml("device_sign_in = \"no\"\n", "toml").is_err());
        let values: HashMap<String, String> = [("DeviceSignIn".to_string(), "0".to_string())]
            .into_iter()
            .collect();
        let registry = ManagedConfig::from_registry_values(&values, "registry").unwrap();
        assert_eq!(registry.device_sign_in, Some(false));
        let plist = br#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>DeviceSignIn</key><false/></dict></plist>"#;
        let mac = ManagedConfig::from_plist(plist, "plist").unwrap();
        assert_eq!(mac.device_sign_in, Some(false));
        assert_eq!(
            ManagedConfig::default().device_sign_in,
            None,
            "offered by default"
        );
    }

    #[test]
    fn where_dpop_keys_are_kept_in_every_form() {
        use point_auth::KeyPolicy;
        let toml = ManagedConfig::from_toml("dpop_key = \"hardware-required\"\n", "toml").unwrap();
        assert_eq!(toml.dpop_key, Some(KeyPolicy::HardwareRequired));
        assert!(ManagedConfig::from_toml("dpop_key = \"tpm\"\n", "toml").is_err());
        let values: HashMap<String, String> =
            [("DpopKey".to_string(), "Software".to_string())].into();
        let registry = ManagedConfig::from_registry_values(&values, "registry").unwrap();
        assert_eq!(registry.dpop_key, Some(KeyPolicy::Software));
        let bad: HashMap<String, String> = [("DpopKey".to_string(), "hardware".to_string())].into();
        let refused = ManagedConfig::from_registry_values(&bad, "registry").unwrap_err();
        assert!(
            refused.reason.contains("hardware-where-available"),
            "{refused:?}"
        );
        let plist = br#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>DpopKey</key><string>hardware-where-available</string></dict></plist>"#;
        let mac = ManagedConfig::from_plist(plist, "plist").unwrap();
        assert_eq!(mac.dpop_key, Some(KeyPolicy::HardwareWhereAvailable));
        assert_eq!(ManagedConfig::default().dpop_key, None);
    }

    #[test]
    fn sign_out_and_support_policy_in_every_form() {
        let toml = ManagedConfig::from_toml(
            "okta_sign_out = \"always\"\nsupport_email = \"help@corp.example\"\nsupport_url = \"https://help.corp.example\"\n",
            "toml fixture",
        )
        .unwrap();
        assert_eq!(toml.okta_sign_out, Some(OktaSignOut::Always));
        assert_eq!(toml.support_email.as_deref(), Some("help@corp.example"));
        assert!(ManagedConfig::from_toml("okta_sign_out = \"sometimes\"", "toml").is_err());
        let values: HashMap<String, String> = [
            ("OktaSignOut", "Never"),
            ("SupportUrl", "https://help.corp.example"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let registry = ManagedConfig::from_registry_values(&values, "registry fixture").unwrap();
        assert_eq!(registry.okta_sign_out, Some(OktaSignOut::Never));
        assert_eq!(
            registry.support_url.as_deref(),
            Some("https://help.corp.example")
        );
        let plist = br#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>OktaSignOut</key><string>ask</string><key>SupportEmail</key><string>help@corp.example</string></dict></plist>"#;
        let mac = ManagedConfig::from_plist(plist, "plist fixture").unwrap();
        assert_eq!(mac.okta_sign_out, Some(OktaSignOut::Ask));
        assert_eq!(mac.support_email.as_deref(), Some("help@corp.example"));
        let bad = br#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>OktaSignOut</key><string>maybe</string></dict></plist>"#;
        assert!(ManagedConfig::from_plist(bad, "plist fixture").is_err());
    }

    #[test]
    fn macos_managed_preferences() {
        let plist = br#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>OktaDomain</key><string>company.okta.com</string>
  <key>ClientId</key><string>0oa1b2c3</string>
  <key>AllowedEmailDomains</key><array><string>company.com</string></array>
  <key>OktaDpop</key><true/>
  <key>PayloadUUID</key><string>ignored-extra-key</string>
</dict></plist>"#;
        let config = ManagedConfig::from_plist(plist, "plist fixture").unwrap();
        assert_eq!(config.okta_domain.as_deref(), Some("company.okta.com"));
        assert_eq!(config.allowed_email_domains, ["company.com"]);
        assert_eq!(config.okta_dpop, Some(true));
        assert!(ManagedConfig::from_plist(b"not a plist", "x").is_err());
    }
}
