//! POINT's languages. The message catalogs are Project Fluent files under `locales/<locale>/`,
//! compiled into the binary compressed (`build.rs`, `catalogs.rs`); English is the source every
//! other language follows (the tests fail when a catalog misses a message, has one English no
//! longer has, or one the window no longer uses). Which language a person gets: IT's `locale`
//! when set, else the OS's list of preferred languages, negotiated against the shipped ones
//! (`de-AT` gets German, `pt-PT` Brazilian Portuguese, anything else English). Okta hears it as
//! `ui_locales`, the dashboard as `Accept-Language`.
//!
//! `en-XA` is a pseudo-locale for testing layouts: English, accented and about 40 % longer
//! (the window transforms each message; see `ui/l10n.js`).

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

mod catalogs;
mod messages;
pub use messages::{catalog, speak, spoken, Arg, Catalog, Message};

/// The languages POINT ships, complete.
pub const SHIPPED: [&str; 7] = ["en", "de", "fr", "es", "pt-BR", "ja", "ar"];

/// The pseudo-locale: English, accented and longer, to see what a longer language does.
pub const PSEUDO: &str = "en-XA";

/// The language everything falls back to.
pub const FALLBACK: &str = "en";

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// What the window needs to speak a language: its tag, its direction, whether it is the
/// pseudo-locale, and its catalogs (Fluent source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localization {
    pub locale: &'static str,
    pub direction: Direction,
    pub pseudo: bool,
    pub resources: Vec<&'static str>,
}

/// The window's catalog of each shipped language (English for anything else).
fn window_catalog(locale: &str) -> &'static str {
    catalogs::source(shipped_or_english(locale), "window")
}

/// `locale` when POINT ships it, else English.
fn shipped_or_english(locale: &str) -> &'static str {
    SHIPPED
        .iter()
        .find(|shipped| **shipped == locale)
        .copied()
        .unwrap_or(FALLBACK)
}

/// The language for a person who prefers `requested` (best first: IT's choice, then the OS's
/// list), among the shipped ones; English when none matches. Tags that do not parse are
/// passed over. Pure and total.
pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> &'static str {
    let requested: Vec<LanguageIdentifier> = requested
        .iter()
        .filter_map(|tag| normalized(tag.as_ref()).parse().ok())
        .collect();
    if requested
        .first()
        .is_some_and(|first| first.to_string().eq_ignore_ascii_case(PSEUDO))
    {
        return PSEUDO;
    }
    let available: Vec<LanguageIdentifier> =
        SHIPPED.iter().filter_map(|tag| tag.parse().ok()).collect();
    let fallback: LanguageIdentifier = FALLBACK.parse().expect("en parses");
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(&fallback),
        NegotiationStrategy::Lookup,
    );
    let chosen = chosen.first().map(|id| id.to_string()).unwrap_or_default();
    SHIPPED
        .iter()
        .find(|shipped| shipped.eq_ignore_ascii_case(&chosen))
        .copied()
        .unwrap_or(FALLBACK)
}

/// `de_DE.UTF-8` (POSIX) and `de-DE` (BCP 47) alike: the language and region, no encoding or
/// modifier.
fn normalized(tag: &str) -> String {
    let tag = tag.trim();
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    tag.replace('_', "-")
}

/// The person's preferred languages, best first: IT's `locale` when set, then the OS's list.
pub fn preferred(it_locale: Option<&str>, os_locales: &[String]) -> Vec<String> {
    it_locale
        .map(str::to_string)
        .into_iter()
        .chain(os_locales.iter().cloned())
        .collect()
}

/// This OS's list of the person's languages, best first (Linux: `LANGUAGE`, `LC_ALL`,
/// `LC_MESSAGES`, `LANG`; the platform's settings elsewhere).
pub fn os_locales() -> Vec<String> {
    let mut locales: Vec<String> = std::env::var("LANGUAGE")
        .ok()
        .filter(|_| cfg!(target_os = "linux"))
        .map(|list| {
            list.split(':')
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    locales.extend(sys_locale::get_locales());
    locales
}

/// The window's localization for `locale` (one of [`SHIPPED`] or [`PSEUDO`]; anything else is
/// English).
pub fn localization(locale: &str) -> Localization {
    let pseudo = locale == PSEUDO;
    let locale = if pseudo {
        PSEUDO
    } else {
        shipped_or_english(locale)
    };
    Localization {
        locale,
        direction: if locale == "ar" {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        },
        pseudo,
        resources: vec![window_catalog(locale)],
    }
}

/// `Accept-Language` for the dashboard: the language, then English as the fallback.
pub fn accept_language(locale: &str) -> String {
    let locale = if locale == PSEUDO { FALLBACK } else { locale };
    if locale == FALLBACK {
        FALLBACK.to_string()
    } else {
        format!("{locale}, {FALLBACK};q=0.5")
    }
}

/// `ui_locales` for Okta's sign-in page (OpenID Connect Core §3.1.2.1): the language.
pub fn ui_locales(locale: &str) -> &str {
    if locale == PSEUDO {
        FALLBACK
    } else {
        locale
    }
}

#[cfg(test)]
mod tests;
