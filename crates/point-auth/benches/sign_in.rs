//! `scripts/bench sign-in`: the step between receiving the callback and holding validated tokens,
//! against the dev provider over TLS. Prints the HTTP requests that step makes (the goal is one:
//! the token request; discovery and signing keys are fetched when the sign-in begins) and its
//! median time.
//!
//! Options: `--org-server` (Okta's org authorization server shape), `--rounds N` (default 50).

use std::sync::Arc;
use std::time::{Duration, Instant};

use point_auth::{HttpClient, OktaSettings, OktaSignIn};
use point_dev_stack::{DevStack, ServerShape, StackOptions};

#[tokio::main]
async fn main() {
    let mut shape = ServerShape::Custom;
    let mut rounds = 50usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--org-server" => shape = ServerShape::Org,
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            _ => {} // cargo bench passes --bench
        }
    }
    let stack = DevStack::start(StackOptions::auto_login(shape))
        .await
        .expect("dev stack starts");
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let http = Arc::new(HttpClient::new(Some(&stack.ca_file)).unwrap());
    let sign_in = OktaSignIn::new(settings, http.clone());

    let begin_started = Instant::now();
    let first = sign_in.begin(Some("alice@example.com")).await.unwrap();
    let cold_begin = begin_started.elapsed();
    let mut pending = Some(first);

    let mut times = Vec::with_capacity(rounds);
    let mut most_requests = 0;
    let mut counts = Vec::with_capacity(rounds);
    for round in 0..rounds + 1 {
        let request = match pending.take() {
            Some(request) => request,
            None => sign_in.begin(Some("alice@example.com")).await.unwrap(),
        };
        let callback = stack
            .browser_leg(request.authorization_url())
            .await
            .unwrap();
        let before = http.request_count();
        let started = Instant::now();
        // Timed from the raw link, as the OS hands it: parsed once, then completed.
        let callback = point_auth::parse_sign_in_callback(callback.as_str()).unwrap();
        sign_in
            .complete(&request, callback)
            .await
            .expect("sign-in completes");
        let elapsed = started.elapsed();
        let requests = http.request_count() - before;
        if round == 0 {
            continue; // warm-up: connection set-up
        }
        most_requests = most_requests.max(requests);
        counts.push(requests);
        times.push(elapsed);
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;

    println!(
        "sign-in: callback → validated tokens, {} rounds against the dev provider ({}, TLS, loopback)",
        times.len(),
        match shape {
            ServerShape::Custom => "custom authorization server",
            ServerShape::Org => "org authorization server",
        }
    );
    println!("requests: {most_requests}");
    println!(
        "requests per round: min {} max {}",
        counts.iter().min().unwrap_or(&0),
        most_requests
    );
    println!(
        "time: median {:.2} ms, p90 {:.2} ms, min {:.2} ms, max {:.2} ms",
        ms(at(0.5)),
        ms(at(0.9)),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
    println!(
        "first begin (discovery, cold connection): {:.2} ms",
        ms(cold_begin)
    );
    stack.stop().await;
}
