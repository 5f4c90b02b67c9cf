//! What the use cases need from the machine, as seams: the app's identity and folders, the
//! environment and IT's managed configuration, the keychain, the system browser and the window's
//! events, and the network. [`Surroundings::of_this_machine`] gives the real ones; tests give
//! fakes for the browser and events, a memory keychain and (the fast tier) an in-process Okta.

use std::path::PathBuf;
use std::sync::Arc;

use point_auth::Transport;
use point_config::{AppIdentity, ManagedConfig, ManagedConfigError};
use point_session::{KeychainError, OsKeychain, SecretStore};
use url::Url;

use crate::error::AppError;
use crate::status::AppStatus;

/// The system browser (RFC 8252: never the app's own webview).
pub trait SystemBrowser: Send + Sync {
    /// Opens `url`. The error carries nothing: the URL may hold the ID token (sign-out's
    /// `id_token_hint`), so it must not reach an error, a log or the window.
    fn open(&self, url: &Url) -> Result<(), BrowserDidNotOpen>;
}

/// The system browser did not start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrowserDidNotOpen;

/// Where the window learns of changes. The shell emits them as events.
pub trait AppEvents: Send + Sync {
    /// The status changed (sent once per change).
    fn status_changed(&self, status: &AppStatus);
    /// Something that happened outside a command (a deep link) failed.
    fn failed(&self, error: &AppError);
    /// A sign-in completed outside the window and without a deep link (its answer came to the
    /// loopback listener, or the person signed in on another device): the window comes
    /// forward, over the browser the person was in.
    fn signed_in_elsewhere(&self) {}
}

type ReadManaged = dyn Fn() -> Result<Option<ManagedConfig>, ManagedConfigError> + Send + Sync;
type ReadEnv = dyn Fn(&str) -> Option<String> + Send + Sync;
type OpenKeychain = dyn Fn() -> Result<Arc<dyn SecretStore>, KeychainError> + Send + Sync;

/// See the module documentation.
pub struct Surroundings {
    /// The app's version (the root package's).
    pub app_version: String,
    pub identity: AppIdentity,
    /// The user's settings (`settings.json`).
    pub config_dir: PathBuf,
    /// The profile cache.
    pub data_dir: PathBuf,
    pub managed: Box<ReadManaged>,
    /// Environment variables (read only in development builds).
    pub env: Box<ReadEnv>,
    pub keychain: Box<OpenKeychain>,
    pub browser: Arc<dyn SystemBrowser>,
    pub events: Arc<dyn AppEvents>,
    /// Whether `org.pointapp.point:` links reach this app here (a handler is registered); when
    /// not, sign-in's answer comes to a loopback listener instead (RFC 8252 §7.3).
    pub links_reach_app: Arc<LinksReachApp>,
    /// Where HTTP requests go: `None`, the network (through the settings' proxy and roots);
    /// the fast tests answer them in process.
    pub in_process_network: Option<Arc<dyn Transport>>,
    /// The person's languages, best first (the OS's settings); IT's `locale` comes before them.
    pub languages: Vec<String>,
    /// The key hardware DPoP keys may be kept in (this machine's TPM; a software TPM in tests).
    pub key_hardware: point_auth::KeyHardware,
}

impl Surroundings {
    /// The language POINT speaks here: IT's `locale`, else the person's, among those it ships.
    pub fn locale(&self, managed: Option<&ManagedConfig>) -> &'static str {
        let it_locale = managed.and_then(|m| m.locale.as_deref());
        point_i18n::negotiate(&point_i18n::preferred(it_locale, &self.languages))
    }
}

type LinksReachApp = dyn Fn() -> bool + Send + Sync;

impl Surroundings {
    /// This machine: its folders, environment, managed configuration
    /// (`ManagedConfig::load_for`: development builds may read `POINT_MANAGED_CONFIG`) and
    /// keychain.
    pub fn of_this_machine(
        app_version: &str,
        identity: AppIdentity,
        browser: Arc<dyn SystemBrowser>,
        events: Arc<dyn AppEvents>,
    ) -> Result<Self, AppError> {
        let no_folder = || AppError::Storage("this system gives POINT no home folder".into());
        let managed: Box<ReadManaged> = Box::new(move || ManagedConfig::load_for(identity));
        Ok(Self {
            app_version: app_version.to_string(),
            identity,
            config_dir: identity.config_dir().ok_or_else(no_folder)?,
            data_dir: identity.data_dir().ok_or_else(no_folder)?,
            managed,
            env: Box::new(|name| std::env::var(name).ok()),
            keychain: Box::new(move || {
                OsKeychain::open(identity.keychain_service())
                    .map(|keychain| Arc::new(keychain) as Arc<dyn SecretStore>)
            }),
            browser,
            events,
            languages: point_i18n::os_locales(),
            // Development builds register themselves at each start (on a thread of their own,
            // which may not have finished at the first click): links reach them. Installed
            // builds: `point doctor`'s deep-link check (on Linux the registered handler and its
            // Exec line, on Windows the registry; elsewhere the bundle registers it). A check
            // that cannot run (no xdg-mime) says nothing: the custom scheme stays.
            links_reach_app: Arc::new(move || {
                if identity.is_development() {
                    return true;
                }
                let check = point_doctor::scheme_handler();
                check.outcome != point_doctor::Outcome::Fail
                    || check.detail.id() == point_doctor::SCHEME_CHECK_COULD_NOT_RUN
            }),
            in_process_network: None,
            key_hardware: point_auth::KeyHardware::of_this_machine(),
        })
    }
}
