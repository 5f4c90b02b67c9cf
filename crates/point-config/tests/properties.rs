//! Property tests for managed configuration, which IT writes and POINT only reads: the Linux
//! TOML file, the Windows policy values and the macOS property list are read without panic
//! whatever they hold, and whatever was read resolves to settings without panic.

use std::collections::HashMap;

use point_config::{resolve, ManagedConfig, UserSettings};
use proptest::prelude::*;

const KEYS: [&str; 11] = [
    "okta_domain",
    "client_id",
    "api_base",
    "ca_file",
    "allowed_email_domains",
    "allowed_okta_domains",
    "device_sign_in",
    "dpop_key",
    "updates",
    "major_updates",
    "update_url",
];

/// A TOML value of any type, and text that is not TOML at all.
fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}".prop_map(|s| format!("{s:?}")),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:?}")),
        any::<bool>().prop_map(|b| b.to_string()),
        proptest::collection::vec("[a-z.]{0,12}", 0..4).prop_map(|v| format!("{v:?}")),
        Just("{ nested = 1 }".to_string()),
        ".{0,30}",
    ]
}

fn check_resolves(config: &ManagedConfig) {
    let resolved = resolve(false, |_| None, Some(config), &UserSettings::default());
    let _ = resolved.okta;
    let _ = config.allows_email("person@example.com");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_toml_file_is_read_without_panic(
        entries in proptest::collection::vec((prop_oneof![proptest::sample::select(KEYS.to_vec()).prop_map(str::to_string), "[a-z_]{1,12}"], toml_value()), 0..8),
        noise in proptest::option::of(".{0,60}"),
    ) {
        let mut text: String = entries.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
        if let Some(noise) = noise {
            text.push_str(&noise);
        }
        if let Ok(config) = ManagedConfig::from_toml(&text, "property test") {
            check_resolves(&config);
        }
    }

    #[test]
    fn any_policy_values_are_read_without_panic(
        values in proptest::collection::hash_map(
            prop_oneof![Just("OktaDomain"), Just("ClientId"), Just("ApiBase"), Just("CaFile"), Just("AllowedEmailDomains"), Just("AllowedOktaDomains"), Just("DeviceSignIn"), Just("DpopKey"), Just("Updates"), Just("MajorUpdates"), Just("UpdateUrl")].prop_map(str::to_string),
            ".{0,60}",
            0..8,
        ),
    ) {
        let values: HashMap<String, String> = values;
        if let Ok(config) = ManagedConfig::from_registry_values(&values, "property test") {
            check_resolves(&config);
        }
    }

    #[test]
    fn any_property_list_is_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300), text in ".{0,300}") {
        let _ = ManagedConfig::from_plist(&bytes, "property test");
        let xml = format!(r#"<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>OktaDomain</key><string>{}</string><key>Updates</key>{text}</dict></plist>"#, text.replace('<', "&lt;"));
        if let Ok(config) = ManagedConfig::from_plist(xml.as_bytes(), "property test") {
            check_resolves(&config);
        }
    }
}
