//! The catalog check (part of `scripts/test` and its fast tier): every shipped language has
//! exactly English's messages, attributes and variables, parses cleanly, and English has exactly
//! the messages the window uses (`data-l10n-id` in ui/index.html, `t("…")` in ui/main.js).
//! And the negotiation: which language a person gets.

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

#[test]
fn every_language_has_exactly_english_s_messages() {
    let english = shapes(window_catalog("en")).expect("English parses");
    assert!(english.len() > 50, "{}", english.len());
    for locale in SHIPPED {
        let catalog = shapes(window_catalog(locale)).unwrap_or_else(|e| panic!("{locale}: {e}"));
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
        for (id, shape) in &english {
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
