//! What the dashboard client's tests on the dev stack share: a stack, and an HTTP client that
//! trusts its CA.
#![allow(dead_code)] // Each test binary uses its own part of this.

use std::sync::Arc;

use point_auth::HttpClient;
use point_dev_stack::{DevStack, ServerShape, StackOptions};

/// A dev stack (custom server shape, signing in the login hint's user without a page).
pub async fn start() -> DevStack {
    DevStack::start(StackOptions::auto_login(ServerShape::Custom))
        .await
        .expect("dev stack starts")
}

pub fn http(stack: &DevStack) -> Arc<HttpClient> {
    Arc::new(HttpClient::new(Some(&stack.ca_file)).unwrap())
}
