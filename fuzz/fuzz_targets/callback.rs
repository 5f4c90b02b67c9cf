//! Fuzzes the parsers of the `org.pointapp.point:/login` and `/logout` links the OS hands POINT:
//! any input is a value or a typed error, never a panic, and a parsed sign-in callback always
//! has a state to check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use point_auth::{parse_sign_in_callback, parse_sign_out_callback};

fuzz_target!(|input: &str| {
    if let Ok(callback) = parse_sign_in_callback(input) {
        if let point_auth::SignInCallback::Code { .. } = callback {
            assert!(callback.state().is_some(), "a code without a state");
        }
    }
    let _ = parse_sign_out_callback(input);
});
