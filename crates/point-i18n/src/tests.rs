//! The catalog check (part of `scripts/test` and its fast tier): every shipped language has
//! exactly English's messages, attributes and variables, parses cleanly, and is translated;
//! English has exactly the messages the window uses (`data-l10n-id` in ui/index.html,
//! `localized("…")` in ui/main.js) and exactly those the Rust side names (`errors.ftl` and
//! `cli.ftl`). And the negotiation: which language a person gets.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};

use super::*;

/// A message's shape: its attributes and the variables it uses (value and attributes).
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
}

/// The messages of a catalog (terms left out), or the reason it does not parse cleanly.
fn shapes(source: &str) -> Result<BTreeMap<String, Shape>, String> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("{} parse errors: {errors:?}", errors.len()))?;
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    collect_pattern(value, &mut variables);
                }
                for attribute in &message.attributes {
                    collect_pattern(&attribute.value, &mut variables);
                }
                let attributes = message
                    .attributes
                    .iter()
                    .map(|a| a.id.name.to_string())
                    .collect();
                let id = message.id.name.to_string();
                if messages
                    .insert(
                        id.clone(),
                        Shape {
                            attributes,
                            variables,
                        },
                    )
                    .is_some()
                {
                    return Err(format!("{id} twice"));
                }
            }
            Entry::Junk { content } => return Err(format!("junk: {content}")),
            _ => {}
        }
    }
    Ok(messages)
}

fn collect_pattern(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, into);
        }
    }
}

fn collect_expression(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => collect_inline(inline, into),
        Expression::Select { selector, variants } => {
            collect_inline(selector, into);
            for variant in variants {
                collect_pattern(&variant.value, into);
            }
        }
    }
}

fn collect_inline(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => collect_arguments(arguments, into),
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => collect_arguments(arguments, into),
        InlineExpression::Placeable { expression } => collect_expression(expression, into),
        _ => {}
    }
}

fn collect_arguments(arguments: &CallArguments<&str>, into: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        collect_inline(positional, into);
    }
    for named in &arguments.named {
        collect_inline(&named.value, into);
    }
}

/// Each catalog of a language, by name: the window's, then the Rust side's.
fn catalogs_of(locale: &str) -> [(&'static str, &'static str); 3] {
    let [errors, cli] = messages::rust_catalogs(locale);
    [
        ("window.ftl", window_catalog(locale)),
        ("errors.ftl", errors),
        ("cli.ftl", cli),
    ]
}

#[test]
fn every_language_has_exactly_english_s_messages() {
    for (index, (name, source)) in catalogs_of("en").into_iter().enumerate() {
        let english = shapes(source).unwrap_or_else(|e| panic!("en/{name}: {e}"));
        assert!(english.len() > 50, "en/{name}: {}", english.len());
        for locale in SHIPPED {
            let catalog = shapes(catalogs_of(locale)[index].1)
                .unwrap_or_else(|e| panic!("{locale}/{name}: {e}"));
            same_messages(&format!("{locale}/{name}"), &english, &catalog);
        }
    }
}

fn same_messages(
    locale: &str,
    english: &BTreeMap<String, Shape>,
    catalog: &BTreeMap<String, Shape>,
) {
    {
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !catalog.contains_key(*id))
            .collect();
        let extra: Vec<_> = catalog
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{locale}: missing {missing:?}, not in English {extra:?}"
        );
        for (id, shape) in english {
            assert_eq!(
                &catalog[id], shape,
                "{locale}: {id} has other attributes or variables than English"
            );
        }
    }
}

/// The message IDs the window names: `data-l10n-id="…"` in its page, `localized("…")` in its
/// script.
fn used_by_the_window() -> BTreeSet<String> {
    let page = include_str!("../../../ui/index.html");
    let script = include_str!("../../../ui/main.js");
    let mut used = BTreeSet::new();
    for (source, marker) in [(page, "data-l10n-id=\""), (script, "localized(\"")] {
        for piece in source.split(marker).skip(1) {
            if let Some(id) = piece.split('"').next() {
                used.insert(id.to_string());
            }
        }
    }
    used
}

#[test]
fn english_has_exactly_the_messages_the_window_uses() {
    let english: BTreeSet<String> = shapes(window_catalog("en")).unwrap().into_keys().collect();
    let used = used_by_the_window();
    let unused: Vec<_> = english.difference(&used).collect();
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(
        unused.is_empty() && missing.is_empty(),
        "in the catalog but not used by the window: {unused:?}; used but not in the catalog: {missing:?}"
    );
}

/// Each message's value and attributes as written (for comparing a translation with English).
fn written(source: &str) -> BTreeMap<String, String> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some((
                message.id.name.to_string(),
                format!("{:?}{:?}", message.value, message.attributes),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn every_language_is_translated_not_copied() {
    // A few messages are the same in several languages (a code like `pkce`, a setting's name,
    // the dashboard's own words): at most one in ten may equal English's.
    for (index, (name, source)) in catalogs_of("en").into_iter().enumerate() {
        let english = written(source);
        for locale in SHIPPED.iter().filter(|l| **l != "en") {
            let catalog = written(catalogs_of(locale)[index].1);
            let same: Vec<_> = english
                .iter()
                .filter(|(id, value)| catalog.get(*id) == Some(value))
                .map(|(id, _)| id.as_str())
                .collect();
            assert!(
                same.len() * 10 <= english.len(),
                "{locale}/{name}: {} of {} messages are English's: {same:?}",
                same.len(),
                english.len()
            );
        }
    }
}

/// The message IDs the Rust side names: every string literal in its sources that has the
/// shape of an ID of `errors.ftl` or `cli.ftl` (`"error-…"`, `"doctor-…"`, …).
fn used_by_the_rust_side() -> BTreeSet<String> {
    const PREFIXES: [&str; 12] = [
        "error-",
        "hint-",
        "callback-",
        "id-token-",
        "source-",
        "doctor-",
        "config-",
        "bundle-",
        "device-",
        "mail-",
        "acr-",
        "step-up-",
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut sources = Vec::new();
    let mut folders = vec![root.join("src-tauri")];
    // Every crate but this one (its tests name IDs to check them).
    for crate_dir in std::fs::read_dir(root.join("crates")).expect("crates/") {
        let crate_dir = crate_dir.expect("a crate").path();
        if !crate_dir.ends_with("point-i18n") {
            folders.push(crate_dir.join("src"));
        }
    }
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push(std::fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    let mut used = BTreeSet::new();
    for source in sources {
        for piece in source.split('"').skip(1).step_by(2) {
            let shaped = PREFIXES.iter().any(|p| piece.starts_with(p))
                && !piece.ends_with('-')
                && piece
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if shaped {
                used.insert(piece.to_string());
            }
        }
    }
    used
}

#[test]
fn english_has_exactly_the_messages_the_rust_side_uses() {
    let [errors, cli] = messages::rust_catalogs("en");
    let mut english: BTreeSet<String> = shapes(errors).unwrap().into_keys().collect();
    english.extend(shapes(cli).unwrap().into_keys());
    let used = used_by_the_rust_side();
    let unused: Vec<_> = english.difference(&used).collect();
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(
        unused.is_empty() && missing.is_empty(),
        "in errors.ftl or cli.ftl but not used by the Rust side: {unused:?}; used but not in them: {missing:?}"
    );
}

#[test]
fn the_rust_side_says_each_message_in_each_language() {
    let message = Message::new("error-offline").with("host", "company.okta.com");
    assert_eq!(
        message.english(),
        "POINT could not connect to company.okta.com. Check your internet connection and try again."
    );
    for locale in SHIPPED {
        let said = catalog(locale).say(&message);
        assert!(said.contains("company.okta.com"), "{locale}: {said}");
        assert!(!said.contains("error-offline"), "{locale}: {said}");
    }
    assert_ne!(catalog("de").say(&message), message.english());
    // Right to left: the host is isolated, so it cannot reorder the sentence around it.
    assert!(catalog("ar")
        .say(&message)
        .contains("\u{2068}company.okta.com\u{2069}"));
    // A reason inside a sentence is said in the same language.
    let nested = Message::new("error-invalid-callback").with(
        "reason",
        Message::new("callback-missing").with("parameter", "state"),
    );
    assert!(
        nested
            .english()
            .ends_with("the link has no `state` parameter."),
        "{}",
        nested.english()
    );
    // The pseudo-locale: accented and longer.
    let pseudo = catalog(PSEUDO).say(&Message::new("error-sign-in-cancelled"));
    assert!(
        pseudo.chars().count() >= "The sign-in was cancelled.".len() * 14 / 10,
        "{pseudo}"
    );
    assert!(pseudo.contains('Ŧ'), "{pseudo}");
    // Plurals by the language's rules: a number, not a string.
    let too_long = Message::new("error-keychain-too-long")
        .with("units", 5000)
        .with("limit", 2560);
    assert!(
        too_long.english().contains("5000 of at most 2560"),
        "{}",
        too_long.english()
    );
    // An ID no catalog has is said as itself (the checks above keep that from shipping).
    assert_eq!(
        catalog("de").say(&Message::new("error-nonexistent")),
        "error-nonexistent"
    );
}

#[test]
fn the_person_s_language_is_spoken_once_set() {
    let message = Message::new("error-not-signed-in");
    speak("fr");
    assert_eq!(spoken().locale(), "fr");
    assert_eq!(message.spoken(), catalog("fr").say(&message));
    speak("xx");
    assert_eq!(spoken().locale(), "en");
    speak("en");
}

#[test]
fn a_person_gets_their_language_or_english() {
    assert_eq!(negotiate(&["de-AT", "en-US"]), "de");
    assert_eq!(negotiate(&["de_DE.UTF-8"]), "de");
    assert_eq!(negotiate(&["fr-CA"]), "fr");
    assert_eq!(negotiate(&["pt-PT"]), "pt-BR");
    assert_eq!(negotiate(&["pt_BR.UTF-8"]), "pt-BR");
    assert_eq!(negotiate(&["ja-JP"]), "ja");
    assert_eq!(negotiate(&["ar-EG"]), "ar");
    assert_eq!(negotiate(&["es-419"]), "es");
    // The first that POINT speaks.
    assert_eq!(negotiate(&["zh-CN", "es-MX", "en"]), "es");
    assert_eq!(negotiate(&["zh-CN"]), "en");
    assert_eq!(negotiate::<&str>(&[]), "en");
    assert_eq!(negotiate(&["C", "POSIX", "not a tag!"]), "en");
    assert_eq!(negotiate(&["en-XA"]), PSEUDO);
    // IT's choice comes first.
    assert_eq!(
        negotiate(&preferred(Some("ja"), &["de-DE".to_string()])),
        "ja"
    );
    assert_eq!(negotiate(&preferred(None, &["de-DE".to_string()])), "de");
}

#[test]
fn the_window_gets_its_language_s_catalog_and_direction() {
    let arabic = localization("ar");
    assert_eq!(arabic.direction, Direction::RightToLeft);
    assert!(arabic.resources[0].contains("-point = POINT"));
    assert_ne!(arabic.resources, localization("en").resources);
    let pseudo = localization(PSEUDO);
    assert!(pseudo.pseudo);
    assert_eq!(pseudo.resources, localization("en").resources);
    assert_eq!(localization("xx").locale, "en");
    assert_eq!(accept_language("de"), "de, en;q=0.5");
    assert_eq!(accept_language("en"), "en");
    assert_eq!(accept_language(PSEUDO), "en");
    assert_eq!(ui_locales("pt-BR"), "pt-BR");
    assert_eq!(ui_locales(PSEUDO), "en");
}

#[test]
fn every_catalog_is_compiled_in_and_expands_to_its_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for locale in SHIPPED {
        for (name, source) in catalogs_of(locale) {
            let file = std::fs::read_to_string(root.join(locale).join(name)).unwrap();
            assert!(!file.is_empty(), "{locale}/{name} is empty");
            assert_eq!(source, file, "{locale}/{name}");
        }
    }
    assert_eq!(catalogs::source("en", "no-such-catalog"), "");
    assert_eq!(
        window_catalog("xx"),
        window_catalog("en"),
        "anything else: English"
    );
}
