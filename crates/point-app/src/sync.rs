//! The one way POINT's use cases take a standard mutex: a panic elsewhere (poisoning) does not
//! take the app down with it; the value is used as it was left.

use std::sync::{Mutex, MutexGuard};

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
