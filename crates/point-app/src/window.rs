//! What the window is told, and owns nothing else: the status, sent once per change; the notice
//! (something the person may want to know that changed nothing); and the failure of what
//! happened outside a command (a deep link), kept until a window asks, since a cold-start link
//! may fail before any window listens.

use std::future::Future;
use std::sync::{Arc, Mutex as SyncMutex};

use crate::error::AppError;
use crate::status::{AppStatus, IgnoredBecause, Notice};
use crate::surroundings::AppEvents;
use crate::sync::lock;

/// See the module documentation.
pub(crate) struct WindowFeed {
    events: Arc<dyn AppEvents>,
    /// The last status sent, so each change is sent once.
    published: tokio::sync::Mutex<Option<AppStatus>>,
    notice: SyncMutex<Option<Notice>>,
    undelivered: SyncMutex<Option<AppError>>,
}

impl WindowFeed {
    pub fn new(events: Arc<dyn AppEvents>) -> Self {
        Self {
            events,
            published: tokio::sync::Mutex::new(None),
            notice: SyncMutex::new(None),
            undelivered: SyncMutex::new(None),
        }
    }

    /// Sends the status if it changed since it was last sent. One publisher at a time, the
    /// status read under the lock: the last one sent is the latest.
    pub async fn publish(&self, status: impl Future<Output = AppStatus>) {
        let mut published = self.published.lock().await;
        let status = status.await;
        if published.as_ref() == Some(&status) {
            return;
        }
        *published = Some(status.clone());
        self.events.status_changed(&status);
    }

    /// A failure outside a command: told now, and kept for a window that asks later.
    pub fn report(&self, error: AppError) {
        self.events.failed(&error);
        *lock(&self.undelivered) = Some(error);
    }

    /// A failure the window is told only now (nothing kept).
    pub fn tell(&self, error: &AppError) {
        self.events.failed(error);
    }

    /// A sign-in completed outside the window: it comes forward.
    pub fn bring_forward(&self) {
        self.events.signed_in_elsewhere();
    }

    pub fn take_undelivered(&self) -> Option<AppError> {
        lock(&self.undelivered).take()
    }

    pub fn notice(&self) -> Option<Notice> {
        lock(&self.notice).clone()
    }

    /// POINT signed out of the Okta organizations at `hosts`, which IT no longer trusts.
    pub fn signed_out_of_untrusted(&self, hosts: Vec<String>) {
        *lock(&self.notice) = Some(Notice::SignedOutOfUntrustedOkta(hosts));
    }

    /// A sign-in link was ignored, and why.
    pub fn ignored_link(&self, because: IgnoredBecause) {
        *lock(&self.notice) = Some(Notice::IgnoredSignInLink(because));
    }

    pub fn clear_notice(&self) {
        lock(&self.notice).take();
    }
}
