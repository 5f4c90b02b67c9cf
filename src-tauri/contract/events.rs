//! The events the window listens to, as types: each event's name and its payload. Rust emits
//! them only through [`emit`], so a payload of the wrong type does not compile; the UI's `Events`
//! type is generated from this list.

use serde::Serialize;
use tauri::{Emitter, Runtime};

use super::{ErrorView, SessionView, UpdateView};

/// An event: its name and what it carries.
pub trait Event {
    const NAME: &'static str;
    type Payload: Serialize + Clone;
}

/// Sends event `E` to the window.
pub fn emit<E: Event, R: Runtime>(to: &impl Emitter<R>, payload: &E::Payload) -> tauri::Result<()> {
    to.emit(E::NAME, payload)
}

macro_rules! events {
    ($($(#[$doc:meta])* $marker:ident = $name:literal, $payload:ty;)*) => {
        $(
            $(#[$doc])*
            pub enum $marker {}

            impl Event for $marker {
                const NAME: &'static str = $name;
                type Payload = $payload;
            }
        )*

        /// Every event: its name and its payload's TypeScript.
        #[cfg(test)]
        pub fn all() -> Vec<(&'static str, String)> {
            vec![$(($name, <$payload as ts_rs::TS>::name()),)*]
        }
    };
}

events! {
    /// The session view, once per change.
    SessionChanged = "session://changed", SessionView;
    /// An error from outside a command (a sign-in's deep link).
    SessionFailed = "session://error", ErrorView;
    /// The update the last check found, as it changes.
    UpdateChanged = "update://changed", UpdateView;
}
