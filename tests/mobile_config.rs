//! The mobile configuration that can be checked without Xcode or the Android SDK: the deep-link
//! plugin's `mobile` section in tauri.conf.json, read with the plugin's own field names and rules
//! (tauri-plugin-deep-link 2.6 `src/config.rs`), and what its build script writes from it into
//! AndroidManifest.xml (an `<intent-filter>`) and Info.plist (`CFBundleURLTypes`) when
//! `tauri android build` / `tauri ios build` run. Okta sends the browser to
//! `org.pointapp.point:/login` and `:/logout`; on a phone that only reaches POINT if these say so.

use serde::Deserialize;
use serde_json::Value;

/// One `plugins.deep-link.mobile` entry: the plugin's `AssociatedDomain`, field for field; an
/// unknown field (a typo the plugin would silently ignore) fails here.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct AssociatedDomain {
    #[serde(default = "web_schemes")]
    scheme: Vec<String>,
    #[serde(default)]
    host: Option<String>,
    #[serde(default)]
    path: Vec<String>,
    #[serde(default, alias = "path-pattern", rename = "pathPattern")]
    path_pattern: Vec<String>,
    #[serde(default, alias = "path-prefix", rename = "pathPrefix")]
    path_prefix: Vec<String>,
    #[serde(default, alias = "path-suffix", rename = "pathSuffix")]
    path_suffix: Vec<String>,
    #[serde(default, alias = "app-link", rename = "appLink")]
    app_link: Option<bool>,
}

/// The plugin's default when `scheme` is left out: a web link, which would need a verified host.
fn web_schemes() -> Vec<String> {
    vec!["https".into(), "http".into()]
}

impl AssociatedDomain {
    fn is_web_link(&self) -> bool {
        self.scheme.iter().any(|s| s == "https" || s == "http")
    }

    /// As the plugin decides it: `appLink`, else a web link with a host.
    fn is_app_link(&self) -> bool {
        self.app_link
            .unwrap_or_else(|| self.is_web_link() && self.host.is_some())
    }

    /// The `<data>` lines of the intent filter the plugin's build script writes.
    fn android_data(&self) -> Vec<String> {
        let mut data: Vec<String> = self
            .scheme
            .iter()
            .map(|s| format!(r#"<data android:scheme="{s}" />"#))
            .collect();
        data.extend(
            self.host
                .iter()
                .map(|h| format!(r#"<data android:host="{h}" />"#)),
        );
        data.extend(
            self.path
                .iter()
                .map(|p| format!(r#"<data android:path="{p}" />"#)),
        );
        data.extend(
            self.path_pattern
                .iter()
                .map(|p| format!(r#"<data android:pathPattern="{p}" />"#)),
        );
        data.extend(
            self.path_prefix
                .iter()
                .map(|p| format!(r#"<data android:pathPrefix="{p}" />"#)),
        );
        data.extend(
            self.path_suffix
                .iter()
                .map(|p| format!(r#"<data android:pathSuffix="{p}" />"#)),
        );
        data
    }

    /// The `CFBundleURLSchemes` of the `CFBundleURLTypes` entry the build script writes: every
    /// scheme but http and https (those go through associated domains instead).
    fn ios_url_schemes(&self) -> Vec<&str> {
        self.scheme
            .iter()
            .map(String::as_str)
            .filter(|s| *s != "https" && *s != "http")
            .collect()
    }
}

fn tauri_conf() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("tauri.conf.json is readable"))
        .expect("tauri.conf.json is JSON")
}

fn mobile_domains() -> Vec<AssociatedDomain> {
    let mobile = tauri_conf()["plugins"]["deep-link"]["mobile"].clone();
    assert!(
        mobile.is_array(),
        "plugins.deep-link.mobile must be a list (the plugin reads nothing else): {mobile}"
    );
    serde_json::from_value(mobile).expect("each mobile entry has only the plugin's fields")
}

#[test]
fn phones_hand_the_okta_redirects_to_point() {
    let scheme = point_config::AppIdentity::of_this_build().scheme();
    let domains = mobile_domains();
    assert_eq!(
        domains.len(),
        1,
        "one mobile entry, for POINT's scheme: {domains:?}"
    );
    let domain = &domains[0];

    // The redirect URIs Okta is given use this scheme, with no host (`scheme:/path`).
    for redirect in [
        point_auth::REDIRECT_URI,
        point_auth::POST_LOGOUT_REDIRECT_URI,
    ] {
        let url = url::Url::parse(redirect).expect("the redirect URI is a URL");
        assert_eq!(url.scheme(), scheme, "{redirect}");
        assert_eq!(
            url.host(),
            None,
            "{redirect} has no host, so none may be required"
        );
    }
    assert_eq!(domain.scheme, vec![scheme.to_string()]);
    assert_eq!(
        domain.host, None,
        "a host would make Android match only org.pointapp.point://host/… links"
    );
    for paths in [
        &domain.path,
        &domain.path_pattern,
        &domain.path_prefix,
        &domain.path_suffix,
    ] {
        assert!(
            paths.is_empty(),
            "a path filter would drop /login or /logout: {paths:?}"
        );
    }
    // RFC 8252 §7.1: a reverse-DNS scheme of a domain POINT controls; Android matches schemes
    // case-sensitively and only in lower case.
    assert_eq!(scheme, scheme.to_ascii_lowercase());
    assert!(scheme.contains('.') && scheme.split('.').all(|label| !label.is_empty()));
    assert_eq!(
        scheme,
        tauri_conf()["identifier"],
        "the scheme is the app's identifier"
    );

    // Neither a web link nor an App Link / universal link: nothing to verify, no autoVerify
    // (a custom scheme has no host whose assetlinks.json or AASA file could be checked), and the
    // plugin's validation passes (it fails the build for a web link without a host).
    assert!(!domain.is_web_link());
    assert_eq!(domain.app_link, Some(false));
    assert!(!domain.is_app_link());

    // Android: the intent filter the build script adds to the main activity.
    assert_eq!(
        domain.android_data(),
        vec![format!(r#"<data android:scheme="{scheme}" />"#)]
    );
    // iOS: one CFBundleURLTypes entry with the scheme.
    assert_eq!(domain.ios_url_schemes(), vec![scheme]);
}

#[test]
fn desktop_and_mobile_register_the_same_scheme() {
    let conf = tauri_conf();
    let desktop = &conf["plugins"]["deep-link"]["desktop"]["schemes"];
    let mobile = &conf["plugins"]["deep-link"]["mobile"][0]["scheme"];
    assert_eq!(desktop, mobile);
}

#[test]
fn a_mistyped_entry_is_caught() {
    // The checks above can fail: a typo the plugin would ignore, the plugin's web-link default,
    // and a host, each rejected.
    let typo: Result<Vec<AssociatedDomain>, _> = serde_json::from_value(
        serde_json::json!([{ "scheme": ["org.pointapp.point"], "applink": false }]),
    );
    assert!(typo.is_err());
    let default: Vec<AssociatedDomain> = serde_json::from_value(serde_json::json!([{}])).unwrap();
    assert!(default[0].is_web_link());
    let hosted: Vec<AssociatedDomain> = serde_json::from_value(
        serde_json::json!([{ "scheme": ["https"], "host": "dash.pointapp.org" }]),
    )
    .unwrap();
    assert!(hosted[0].is_app_link());
}
