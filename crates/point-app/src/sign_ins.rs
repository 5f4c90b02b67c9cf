//! The sign-ins under way, exactly one at a time across the three ways in: the system browser
//! whose answer comes back as an `org.pointapp.point:` link, the same with the answer coming to
//! a listener on 127.0.0.1 where those links cannot reach POINT (RFC 8252 §7.3), and a sign-in
//! on another device (RFC 8628). Starting one stops the others; Cancel stops whichever waits.
//! What a cancel cannot stop on its own (a completion already under way) the session refuses to
//! keep (its sign-in attempts).

use std::sync::Mutex as SyncMutex;

use point_auth::{AuthenticationRequirement, DeviceAuthorization, Prompt};
use point_session::Profile;
use tokio::task::AbortHandle;
use url::Url;

use crate::app::PointApp;
use crate::error::AppError;
use crate::links::LinkOutcome;
use crate::organization::Organization;
use crate::status::DeviceSignIn;
use crate::sync::lock;

/// What a browser sign-in is: a person signing in (their email, if known, and whether Okta must
/// ask who), or the person signed in signing in again as strongly as asked (a step-up).
pub(crate) enum BrowserSignIn<'a> {
    Person {
        email: Option<&'a str>,
        prompt: Prompt,
    },
    StepUp(AuthenticationRequirement),
}

/// A sign-in on another device the window shows, and the task that waits for the person.
struct Waiting {
    shown: DeviceSignIn,
    waiting: AbortHandle,
}

/// See the module documentation.
#[derive(Default)]
pub(crate) struct SignIns {
    /// The loopback listener of a browser sign-in whose answer cannot come as a link.
    listening: SyncMutex<Option<AbortHandle>>,
    device: SyncMutex<Option<Waiting>>,
}

impl SignIns {
    /// The code and page of the sign-in on another device the window shows, if one waits.
    pub fn device_shown(&self) -> Option<DeviceSignIn> {
        lock(&self.device).as_ref().map(|w| w.shown.clone())
    }

    /// Stops every sign-in under way for `organization` (before another sign-in, or a change
    /// of organization): the device wait, the listener, and the session's pending sign-in.
    pub async fn stop_all(&self, organization: Option<&Organization>) {
        self.stop_device();
        self.stop_listening();
        if let Some(organization) = organization {
            organization.session.cancel_sign_in().await;
        }
    }

    fn stop_listening(&self) {
        if let Some(listening) = lock(&self.listening).take() {
            listening.abort();
        }
    }

    fn stop_device(&self) {
        if let Some(waiting) = lock(&self.device).take() {
            waiting.waiting.abort();
        }
    }

    /// Begins a sign-in to `organization` in the system browser (the others stop), its answer
    /// coming as a link or, where links cannot reach POINT, to 127.0.0.1. Returns the page.
    pub async fn begin_in_browser(
        &self,
        app: &PointApp,
        organization: &Organization,
        sign_in: BrowserSignIn<'_>,
    ) -> Result<Url, AppError> {
        // The check runs programs (xdg-mime): off the async workers.
        let links = app.surroundings().links_reach_app.clone();
        let links_reach_app = tokio::task::spawn_blocking(move || links())
            .await
            .unwrap_or(true);
        self.stop_device();
        self.stop_listening();
        let session = &organization.session;
        if links_reach_app {
            return Ok(match sign_in {
                BrowserSignIn::Person { email, prompt } => {
                    session.begin_sign_in_with(email, prompt).await?
                }
                BrowserSignIn::StepUp(asked) => session.begin_step_up(asked).await?,
            });
        }
        tracing::info!(
            "org.pointapp.point: links do not reach POINT here: signing in through 127.0.0.1"
        );
        let point_session::LoopbackSignIn { url, answer } = match sign_in {
            BrowserSignIn::Person { email, prompt } => {
                session.begin_sign_in_via_loopback(email, prompt).await?
            }
            BrowserSignIn::StepUp(asked) => session.begin_step_up_via_loopback(asked).await?,
        };
        // Only the listening is cancelled (a new sign-in, Cancel); completing the sign-in once
        // the answer came (the code exchange, keeping the session) is the session's to refuse.
        let listening = tokio::spawn(answer);
        if let Some(previous) = lock(&self.listening).replace(listening.abort_handle()) {
            previous.abort();
        }
        let app = app.weak();
        tokio::spawn(async move {
            let Ok(Some(callback)) = listening.await else {
                return;
            };
            if let Some(app) = app.upgrade() {
                if app.complete_sign_in(callback).await == LinkOutcome::Completed {
                    app.window().bring_forward();
                }
                app.publish().await;
            }
        });
        Ok(url)
    }

    /// Starts a sign-in on another device from the window (the others stop): the status then
    /// carries the code and the page until the person signed in there, declined or let the code
    /// expire (told to the window while it still shows that code), or the window cancels.
    pub async fn begin_on_another_device(
        &self,
        app: &PointApp,
        organization: &Organization,
    ) -> Result<(), AppError> {
        self.stop_all(Some(organization)).await;
        let session = organization.session.clone();
        let (authorization, attempt) = session.begin_sign_in_on_another_device().await?;
        let shown = DeviceSignIn::of(&authorization);
        // Only the waiting is aborted; a keep already under way is refused by the session.
        let polling = session.clone();
        let waiting = tokio::spawn(async move {
            polling
                .wait_for_sign_in_on_another_device(&authorization)
                .await
        });
        let cancel = waiting.abort_handle();
        let (app, organization, code) = (app.weak(), organization.clone(), shown.user_code.clone());
        tokio::spawn(async move {
            let finished = match waiting.await {
                Ok(Ok(signed_in)) => {
                    session
                        .keep_sign_in_on_another_device(signed_in, attempt)
                        .await
                }
                Ok(Err(error)) => Err(error),
                // Cancelled from the window: nothing to keep or to say.
                Err(_) => return,
            };
            let Some(app) = app.upgrade() else { return };
            if finished.is_ok() {
                app.remember_dpop_requirement(&organization).await;
                app.window().bring_forward();
            }
            // This sign-in's code leaves the window (not one started since); its failure is told
            // only while the window still showed it.
            let shown = app.sign_ins().finish_device(&code);
            if let (Err(error), true) = (finished, shown) {
                let error = AppError::from(error);
                tracing::info!(%error, "sign-in on another device did not sign in");
                app.window().tell(&error);
            }
            app.publish().await;
        });
        if let Some(previous) = lock(&self.device).replace(Waiting {
            shown,
            waiting: cancel,
        }) {
            previous.waiting.abort();
        }
        Ok(())
    }

    /// Takes the device sign-in with `code` off the window; whether it was still shown.
    fn finish_device(&self, code: &str) -> bool {
        let mut device = lock(&self.device);
        let shown = device.as_ref().is_some_and(|w| w.shown.user_code == code);
        if shown {
            device.take();
        }
        shown
    }

    /// Signs in on another device and waits here (`point sign-in --device`): `show` gets the
    /// code and the page as soon as Okta gives them.
    pub async fn on_another_device_here(
        &self,
        organization: &Organization,
        show: impl FnOnce(&DeviceAuthorization),
    ) -> Result<Profile, AppError> {
        self.stop_all(Some(organization)).await;
        Ok(organization.session.sign_in_on_another_device(show).await?)
    }
}
