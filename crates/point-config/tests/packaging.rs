//! The installers' managed-configuration files say what the app reads: the Windows MSI fragment
//! and NSIS hooks write the registry values `from_registry_values` understands, under the key the
//! app opens, and the example macOS configuration profile parses with the app's plist reader.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use point_config::{
    resolve, MajorUpdates, ManagedConfig, Source, UpdateMode, UserSettings, WINDOWS_KEY,
};

fn packaging(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../packaging")
        .join(file)
}

/// A sample value for each installer property.
fn sample(property: &str) -> &'static str {
    match property {
        "OKTA_DOMAIN" => "company.okta.com",
        "CLIENT_ID" => "0oa1b2c3d4e5f6g7h8i9",
        "API_BASE" => "https://dash.company.example",
        "ALLOWED_EMAIL_DOMAINS" => "company.com;company.co.uk",
        "ALLOWED_OKTA_DOMAINS" => "company.okta.com;company-eu.okta-emea.com",
        "DEVICE_SIGN_IN" => "0",
        "LOCALE" => "pt-BR",
        "ACR_VALUES" => "urn:okta:loa:2fa:any",
        "MAX_AUTHENTICATION_AGE" => "3600",
        "DPOP_KEY" => "hardware-required",
        "UPDATES" => "automatic",
        "MAJOR_UPDATES" => "block",
        "UPDATE_URL" => "https://updates.company.example/point/{{target}}",
        other => panic!("the installer writes a property this test does not know: {other}"),
    }
}

/// Checks that `values` (registry value name → data) carry every policy the app reads.
fn assert_complete(values: &HashMap<String, String>, origin: &str) {
    let config = ManagedConfig::from_registry_values(values, origin).unwrap();
    assert_eq!(config.okta_domain.as_deref(), Some("company.okta.com"));
    assert_eq!(config.client_id.as_deref(), Some("0oa1b2c3d4e5f6g7h8i9"));
    assert_eq!(
        config.api_base.as_deref(),
        Some("https://dash.company.example")
    );
    assert_eq!(
        config.allowed_email_domains,
        ["company.com", "company.co.uk"]
    );
    assert_eq!(
        config.allowed_okta_domains,
        ["company.okta.com", "company-eu.okta-emea.com"]
    );
    assert_eq!(config.device_sign_in, Some(false));
    assert_eq!(config.locale.as_deref(), Some("pt-BR"));
    assert_eq!(config.acr_values, ["urn:okta:loa:2fa:any"]);
    assert_eq!(config.max_authentication_age, Some(3600));
    assert_eq!(
        config.dpop_key,
        Some(point_auth::KeyPolicy::HardwareRequired)
    );
    assert_eq!(config.updates, Some(UpdateMode::Automatic));
    assert_eq!(config.major_updates, Some(MajorUpdates::Block));
    assert!(config.update_url.is_some());
    let resolved = resolve(false, |_| None, Some(&config), &UserSettings::default());
    assert_eq!(resolved.okta.unwrap().1, Source::Managed);
}

/// (installer property, registry value name) pairs the MSI fragment writes.
fn msi_values() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(packaging("windows/managed-config.wxs")).unwrap();
    let document =
        roxmltree::Document::parse(&text).expect("managed-config.wxs is well-formed XML");
    let properties: BTreeSet<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("Property"))
        .filter_map(|n| n.attribute("Id"))
        .collect();
    let mut pairs = BTreeSet::new();
    for value in document
        .descendants()
        .filter(|n| n.has_tag_name("RegistryValue"))
    {
        let key = value
            .attribute("Key")
            .or_else(|| value.parent_element().and_then(|p| p.attribute("Key")))
            .expect("every registry value names its key");
        assert_eq!(key, WINDOWS_KEY);
        let root = value
            .attribute("Root")
            .or_else(|| value.parent_element().and_then(|p| p.attribute("Root")));
        assert_eq!(root, Some("HKLM"));
        let name = value.attribute("Name").unwrap();
        let property = value
            .attribute("Value")
            .and_then(|v| v.strip_prefix('[')?.strip_suffix(']'))
            .expect("each value is an installer property");
        assert!(properties.contains(property), "{property} is not declared");
        // The value survives a repair or upgrade: it is read back into SAVED_<property>.
        let saved = format!("SAVED_{property}");
        let search = document
            .descendants()
            .find(|n| n.has_tag_name("Property") && n.attribute("Id") == Some(saved.as_str()))
            .and_then(|p| p.first_element_child())
            .unwrap_or_else(|| panic!("no {saved}"));
        assert_eq!(
            (search.attribute("Key"), search.attribute("Name")),
            (Some(WINDOWS_KEY), Some(name))
        );
        assert!(document.descendants().any(|n| n.has_tag_name("SetProperty")
            && n.attribute("Id") == Some(property)
            && n.attribute("Value") == Some(format!("[{saved}]").as_str())));
        pairs.insert((property.to_string(), name.to_string()));
    }
    pairs
}

#[test]
fn the_msi_writes_the_policy_values_the_app_reads() {
    let pairs = msi_values();
    let values = pairs
        .iter()
        .map(|(property, name)| (name.clone(), sample(property).to_string()))
        .collect();
    assert_complete(&values, "MSI fragment");
}

#[test]
fn the_nsis_hooks_write_the_same_values_as_the_msi() {
    let text = std::fs::read_to_string(packaging("windows/installer-hooks.nsh")).unwrap();
    let pairs: BTreeSet<(String, String)> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("!insertmacro POINT_POLICY_VALUE "))
        .map(|args| {
            let parts: Vec<&str> = args.split('"').filter(|p| !p.trim().is_empty()).collect();
            (parts[0].to_string(), parts[1].to_string())
        })
        .collect();
    assert_eq!(pairs, msi_values());
    assert!(text.contains(&format!(r#"WriteRegStr HKLM "{WINDOWS_KEY}""#)));
}

#[test]
fn the_example_configuration_profile_parses_with_the_apps_reader() {
    let profile = plist::Value::from_file(packaging("macos/org.pointapp.point.mobileconfig"))
        .expect("the .mobileconfig is a property list");
    let payloads = profile
        .as_dictionary()
        .and_then(|d| d.get("PayloadContent"))
        .and_then(|c| c.as_array())
        .expect("PayloadContent is an array");
    let preferences = payloads
        .iter()
        .filter_map(|p| p.as_dictionary())
        .find(|p| p.get("PayloadType").and_then(|t| t.as_string()) == Some("org.pointapp.point"))
        .expect("a payload for the org.pointapp.point preference domain");
    let mut xml = Vec::new();
    plist::Value::Dictionary(preferences.clone())
        .to_writer_xml(&mut xml)
        .unwrap();
    let config = ManagedConfig::from_plist(&xml, "example profile").unwrap();
    assert_eq!(config.okta_domain.as_deref(), Some("company.okta.com"));
    assert_eq!(config.allowed_email_domains, ["company.com"]);
    assert_eq!(config.allowed_okta_domains, ["company.okta.com"]);
    assert_eq!(config.device_sign_in, Some(false));
    assert_eq!(config.locale.as_deref(), Some("de"));
    assert_eq!(config.acr_values, ["urn:okta:loa:2fa:any"]);
    assert_eq!(config.max_authentication_age, Some(43200));
    assert_eq!(
        config.dpop_key,
        Some(point_auth::KeyPolicy::HardwareWhereAvailable)
    );
    assert_eq!(config.updates, Some(UpdateMode::Notify));
    assert_eq!(config.major_updates, Some(MajorUpdates::Ask));
    let resolved = resolve(false, |_| None, Some(&config), &UserSettings::default());
    assert_eq!(resolved.okta.unwrap().1, Source::Managed);
}
