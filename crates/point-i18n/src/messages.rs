//! What POINT's Rust side says to a person (errors and their hints, `point doctor`, the device
//! sign-in, the support bundle): a [`Message`] is an ID and its arguments, chosen where the
//! thing happens; the words come from the language's catalog (`locales/<locale>/errors.ftl`
//! and `cli.ftl`), formatted by Fluent's runtime (plurals and numbers by the language's rules).
//! English is also what logs and `Display` show.

use std::borrow::Cow;
use std::sync::{OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::{FALLBACK, PSEUDO, SHIPPED};

/// Something to say: the catalog's message ID and the values it places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A value placed in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text as it is (a host name, Okta's own description).
    Text(String),
    /// A whole number, formatted and pluralized by the language's rules.
    Number(i64),
    /// Another message, said in the same language (a reason inside a sentence).
    Said(Box<Message>),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Said(Box::new(message))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as i64)
            }
        }
    )*};
}
number_args!(u16, u32, u64, usize, i32, i64);

impl Message {
    /// The message `id` (a literal: the catalog check finds every ID the code uses).
    pub const fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// With `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// In English (logs, `Display`).
    pub fn english(&self) -> String {
        catalog(FALLBACK).say(self)
    }

    /// In the language POINT speaks to the person (see [`speak`]).
    pub fn spoken(&self) -> String {
        spoken().say(self)
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// The language POINT speaks to the person in this process: set once the settings are known
/// (the app at launch, `point doctor` as it starts); English until then.
static SPOKEN: RwLock<&str> = RwLock::new(FALLBACK);

/// From now on, speak `locale` (one of [`SHIPPED`] or [`PSEUDO`]) to the person.
pub fn speak(locale: &str) {
    let locale = catalog(locale).locale;
    *SPOKEN.write().unwrap_or_else(|e| e.into_inner()) = locale;
}

/// The catalog of the language POINT speaks to the person.
pub fn spoken() -> &'static Catalog {
    catalog(&SPOKEN.read().unwrap_or_else(|e| e.into_inner()))
}

/// `Display` (the message in English, for logs) and `std::error::Error` for error types that
/// say what went wrong with `fn message(&self) -> Message`.
#[macro_export]
macro_rules! english_display {
    ($($error:ty),* $(,)?) => {$(
        impl ::std::fmt::Display for $error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.message().english())
            }
        }

        impl ::std::error::Error for $error {}
    )*};
}

/// One language's words for the Rust side.
pub struct Catalog {
    locale: &'static str,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("locale", &self.locale)
            .finish()
    }
}

/// The Rust side's catalogs of each shipped language (English for anything else).
pub(crate) fn rust_catalogs(locale: &str) -> [&'static str; 2] {
    let locale = crate::shipped_or_english(locale);
    [
        crate::catalogs::source(locale, "errors"),
        crate::catalogs::source(locale, "cli"),
    ]
}

/// The catalog for `locale` (one of [`SHIPPED`] or [`PSEUDO`]; anything else is English),
/// built once.
pub fn catalog(locale: &str) -> &'static Catalog {
    static BUILT: [OnceLock<Catalog>; SHIPPED.len() + 1] =
        [const { OnceLock::new() }; SHIPPED.len() + 1];
    let index = if locale == PSEUDO {
        SHIPPED.len()
    } else {
        SHIPPED.iter().position(|l| *l == locale).unwrap_or(0)
    };
    BUILT[index].get_or_init(|| {
        let locale = SHIPPED.get(index).copied().unwrap_or(PSEUDO);
        Catalog::build(locale)
    })
}

impl Catalog {
    fn build(locale: &'static str) -> Self {
        let pseudo = locale == PSEUDO;
        let language = if pseudo { FALLBACK } else { locale };
        let tag: LanguageIdentifier = language.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Isolation marks only where text runs right to left (as in the window).
        bundle.set_use_isolating(language == "ar");
        if pseudo {
            bundle.set_transform(Some(pseudo_transform));
        }
        for source in rust_catalogs(language) {
            // The catalog check (tests.rs) keeps every shipped catalog free of errors; were one
            // to slip through, the messages that parsed are still used.
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        Self { locale, bundle }
    }

    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// `message` in this language; in English when this catalog lacks it, its ID when English
    /// does too (the catalog check fails before either can ship).
    pub fn say(&self, message: &Message) -> String {
        match self.format(message) {
            Some(text) => text,
            None if self.locale != FALLBACK => catalog(FALLBACK).say(message),
            None => message.id.to_string(),
        }
    }

    fn format(&self, message: &Message) -> Option<String> {
        let pattern = self.bundle.get_message(message.id)?.value()?;
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Said(inner) => FluentValue::from(self.say(inner)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        Some(text.into_owned())
    }
}

// The pseudo-locale, as the window does it (ui/l10n.js): accented, vowels doubled, padded to
// 40 % longer.
const ACCENTED: &str = "ȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑ";
const PLAIN: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn pseudo_transform(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    for character in text.chars() {
        match PLAIN.find(character) {
            Some(at) => {
                let accented = ACCENTED.chars().nth(at).unwrap_or(character);
                out.push(accented);
                if "aeiouAEIOU".contains(character) {
                    out.push(accented);
                }
            }
            None => out.push(character),
        }
    }
    if text.chars().any(|c| c.is_ascii_alphabetic()) {
        let goal = (text.chars().count() * 14).div_ceil(10);
        while out.chars().count() < goal {
            out.push('·');
        }
    }
    Cow::Owned(out)
}
