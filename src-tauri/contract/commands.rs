//! The commands the window may call, as types: each command's name, the arguments it takes and
//! what it answers. `crate::commands` implements them (each function returns `Reply<its marker>`
//! and reads its arguments as `Args<its marker>`), so the argument structs here are the one place
//! their names are spelled; the UI's `Commands` type is generated from this list.

use serde::de::{Deserialize, DeserializeOwned};
use serde::Serialize;
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};

use super::{DashboardView, ErrorView, LocalizationView, SessionView, SupportView, UpdateView};

/// A command: its name, its arguments (`()`: none) and its answer.
pub trait Command {
    const NAME: &'static str;
    type Args: DeserializeOwned;
    type Answer: Serialize;
}

/// What command `C`'s function returns.
pub type Reply<C> = Result<<C as Command>::Answer, ErrorView>;

/// Command `C`'s arguments: the whole object the window passes, read into `C::Args`.
pub struct Args<C: Command>(pub C::Args);

impl<'de, C: Command, R: tauri::Runtime> CommandArg<'de, R> for Args<C> {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        // A function wired to another command's marker fails every call, loudly.
        if item.name != C::NAME {
            return Err(InvokeError::from(format!(
                "{} reads the arguments of {}",
                item.name,
                C::NAME
            )));
        }
        match item.message.payload() {
            InvokeBody::Json(value) => C::Args::deserialize(value)
                .map(Args)
                .map_err(|error| InvokeError::from(format!("{}: {error}", C::NAME))),
            InvokeBody::Raw(_) => Err(InvokeError::from(format!(
                "{}: arguments must be a JSON object",
                C::NAME
            ))),
        }
    }
}

macro_rules! commands {
    ($($(#[$doc:meta])* $marker:ident = $name:literal, $args:ty => $answer:ty;)*) => {
        $(
            $(#[$doc])*
            pub enum $marker {}

            impl Command for $marker {
                const NAME: &'static str = $name;
                type Args = $args;
                type Answer = $answer;
            }
        )*

        /// Every command: its name, its marker's name, and its arguments' and answer's TypeScript.
        #[cfg(test)]
        pub fn all() -> Vec<CommandDecl> {
            vec![$(CommandDecl {
                name: $name,
                marker: stringify!($marker),
                args: <$args as ts_rs::TS>::name(),
                answer: <$answer as ts_rs::TS>::name(),
            },)*]
        }
    };
}

#[cfg(test)]
pub struct CommandDecl {
    pub name: &'static str,
    pub marker: &'static str,
    pub args: String,
    pub answer: String,
}

commands! {
    /// The status (the window's first ask starts the use cases).
    SessionState = "session_state", () => SessionView;
    /// The language the window speaks, and its catalogs.
    Localization = "localization", () => LocalizationView;
    /// Begins a sign-in in the system browser.
    SignIn = "sign_in", SignInArgs => ();
    CancelSignIn = "cancel_sign_in", () => ();
    /// Starts a sign-in on another device (RFC 8628).
    SignInOnAnotherDevice = "sign_in_on_another_device", () => ();
    CancelSignInOnAnotherDevice = "cancel_sign_in_on_another_device", () => ();
    SwitchOrganization = "switch_organization", SwitchOrganizationArgs => ();
    SignInToAnotherOrganization = "sign_in_to_another_organization", SignInToAnotherOrganizationArgs => ();
    OpenBrowserAgain = "open_browser_again", () => ();
    /// Signs in again, as strongly as the dashboard asked (step-up, RFC 9470).
    StepUp = "step_up", () => ();
    SignOut = "sign_out", SignOutArgs => ();
    DismissNotice = "dismiss_notice", () => ();
    Dashboard = "dashboard", () => DashboardView;
    /// While a launch brings the session back: the dashboard kept from the last run, if any.
    KeptDashboard = "kept_dashboard", () => Option<DashboardView>;
    SetUpManually = "set_up_manually", SetUpManuallyArgs => SessionView;
    SupportBundle = "support_bundle", () => SupportView;
    EmailSupport = "email_support", EmailSupportArgs => ();
    UpdateState = "update_state", () => Option<UpdateView>;
    InstallUpdate = "install_update", () => ();
    Restart = "restart", () => ();
}

/// `sign_in`: with a work email (IT's policy; the organization's Okta from the dashboard when
/// POINT has no settings yet); `asSomeoneElse`: Okta asks for credentials again.
#[derive(Debug, Default, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignInArgs {
    #[cfg_attr(test, ts(optional = nullable))]
    pub email: Option<String>,
    #[cfg_attr(test, ts(optional = nullable))]
    pub as_someone_else: Option<bool>,
}

/// `switch_organization`: the `key` of one of the session view's `organizations`.
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SwitchOrganizationArgs {
    pub key: String,
}

/// `sign_in_to_another_organization`: the work email that finds it.
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignInToAnotherOrganizationArgs {
    pub email: String,
}

/// `sign_out`; `endOktaSession`: also end the Okta session in the browser (unless IT decides;
/// `true` when not given).
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignOutArgs {
    #[cfg_attr(test, ts(optional = nullable))]
    pub end_okta_session: Option<bool>,
}

/// `set_up_manually`: the Okta domain and the Native App's Client ID, as an admin gave them.
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetUpManuallyArgs {
    pub okta_domain: String,
    pub client_id: String,
}

/// `email_support`: the bundle to name in the email.
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmailSupportArgs {
    #[cfg_attr(test, ts(optional = nullable))]
    pub bundle_path: Option<String>,
}
