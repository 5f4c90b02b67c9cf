//! The one retry policy of POINT: how long to wait before trying again after a failure that may
//! pass (no connection, a timeout, a 5xx, a 429). Every caller that retries on its own uses it:
//! the session's background retries while offline, the dashboard client's GETs and the network
//! back-off of a sign-in on another device (whose RFC 8628 interval rules stay in
//! [`crate::Polling`]).
//!
//! A [`RetryPolicy`] says the first wait, that each wait doubles up to a cap, how much random
//! jitter goes on top (a fraction of the wait, so that many apps do not come back at the same
//! instant) and, for a caller someone is waiting on, how many attempts there are in all. A
//! [`Backoff`] is one caller's run of failures under it. A server that says when to come back
//! (`Retry-After` on a 429 or 503, Okta's `X-Rate-Limit-Reset` on a 429: [`server_wait`]) is never
//! undercut.
//!
//! Not here, on purpose: the DPoP nonce retry (RFC 9449 §8, §9). A `use_dpop_nonce` answer is a
//! protocol step, not a failure that may pass: the server handed out the nonce it wants, and the
//! request goes once more at once with it, whatever this policy would say. Nor is any token
//! request that spends a refresh token retried here: one that may have reached the provider is
//! "in doubt" (the session's rotation-first rule), not something to send again.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The longest wait a server's "not before" is believed for: a `Retry-After` or
/// `X-Rate-Limit-Reset` further out is cut to this (Okta's rate limits reset each minute).
pub const MAX_SERVER_WAIT: Duration = Duration::from_secs(15 * 60);

/// Okta's header on every API answer: when the current rate-limit window resets, in seconds
/// since the epoch (by the server's clock).
pub const RATE_LIMIT_RESET_HEADER: &str = "x-rate-limit-reset";

/// A random whole number from 0 to `bound`, both included. Production draws from `rand`; tests
/// give a fixed one.
pub type RandomUpTo = fn(u64) -> u64;

/// How a caller retries. See the module documentation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// The wait after the first failure; each later one doubles, up to `max`.
    pub first: Duration,
    /// The longest wait the doubling reaches (a server's "not before" may be longer).
    pub max: Duration,
    /// Up to this fraction of the wait is added at random (0: none; 0.5: up to half as much
    /// again; cut to 0..=1).
    pub jitter: f64,
    /// Attempts in all, the first included; `None`: until the caller stops.
    pub attempts: Option<u32>,
    /// A server asking to wait longer than this ends the retries (a caller someone is waiting
    /// on gives the answer back instead of sleeping); at most [`MAX_SERVER_WAIT`].
    pub longest_server_wait: Duration,
}

impl RetryPolicy {
    /// First wait `first`, doubling up to `max`, no jitter, no limit on attempts, a server's
    /// "not before" honoured up to [`MAX_SERVER_WAIT`].
    pub const fn new(first: Duration, max: Duration) -> Self {
        Self {
            first,
            max,
            jitter: 0.0,
            attempts: None,
            longest_server_wait: MAX_SERVER_WAIT,
        }
    }

    /// The same with up to `fraction` of each wait added at random.
    pub const fn with_jitter(self, fraction: f64) -> Self {
        Self {
            jitter: fraction,
            ..self
        }
    }

    /// The same with `attempts` in all, the first included.
    pub const fn with_attempts(self, attempts: u32) -> Self {
        Self {
            attempts: Some(attempts),
            ..self
        }
    }

    /// The same, giving up when a server asks to wait longer than `wait`.
    pub const fn with_longest_server_wait(self, wait: Duration) -> Self {
        Self {
            longest_server_wait: wait,
            ..self
        }
    }

    /// A run of retries under this policy, with production's random jitter.
    pub fn start(self) -> Backoff {
        self.start_with(|bound| rand::random_range(0..=bound))
    }

    /// A run of retries whose jitter comes from `random` (tests: a fixed one).
    pub fn start_with(self, random: RandomUpTo) -> Backoff {
        Backoff {
            policy: self,
            next: self.first.min(self.max),
            failures: 0,
            not_before: None,
            random,
        }
    }
}

/// One caller's run of failures under a [`RetryPolicy`].
#[derive(Debug, Clone)]
pub struct Backoff {
    policy: RetryPolicy,
    /// The wait (before jitter) after the next failure.
    next: Duration,
    failures: u32,
    /// What the server last asked for, until the next delay honours it.
    not_before: Option<Duration>,
    random: RandomUpTo,
}

impl Backoff {
    /// After a failed attempt: how long to wait before the next one, or `None` when the policy's
    /// attempts are spent or the server asked for a longer wait than the policy takes. The wait
    /// is the doubling one plus its jitter, or the server's "not before" if that is later.
    pub fn next_delay(&mut self) -> Option<Duration> {
        self.failures = self.failures.saturating_add(1);
        let server = self.not_before.take();
        if self.policy.attempts.is_some_and(|n| self.failures >= n)
            || server
                .is_some_and(|wait| wait > self.policy.longest_server_wait.min(MAX_SERVER_WAIT))
        {
            return None;
        }
        let wait = self.next;
        self.next = wait.saturating_mul(2).min(self.policy.max);
        let delay = wait.saturating_add(self.jitter_for(wait));
        Some(delay.max(server.unwrap_or_default()))
    }

    /// The server said not to come back before `wait` from now (see [`server_wait`]): the next
    /// delay is at least that.
    pub fn not_before(&mut self, wait: Duration) {
        let wait = wait.min(MAX_SERVER_WAIT);
        self.not_before = Some(self.not_before.map_or(wait, |earlier| earlier.max(wait)));
    }

    /// After a success: the next failure starts again from the first wait.
    pub fn reset(&mut self) {
        self.next = self.policy.first.min(self.policy.max);
        self.failures = 0;
        self.not_before = None;
    }

    /// Failed attempts since the start or the last [`Backoff::reset`].
    pub fn failures(&self) -> u32 {
        self.failures
    }

    fn jitter_for(&self, wait: Duration) -> Duration {
        let millis = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
        // A float cast saturates (NaN is 0): total for any fraction.
        let spread = (millis as f64 * self.policy.jitter.clamp(0.0, 1.0)) as u64;
        Duration::from_millis((self.random)(spread).min(spread))
    }
}

/// The time of day on this machine's clock once `wait` has passed, to the next whole second
/// (`HH:MM:SS`, 24-hour), for telling a person when POINT tries again.
pub fn local_time_after(wait: Duration) -> String {
    let wait = chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX);
    let at = chrono::Local::now()
        .checked_add_signed(wait + chrono::Duration::milliseconds(999))
        .unwrap_or_else(chrono::Local::now);
    at.format("%H:%M:%S").to_string()
}

/// The server's "not before" on a 429 or 503: `Retry-After` (seconds or an HTTP date), or on a
/// 429 Okta's `X-Rate-Limit-Reset` (epoch seconds), the later of those it can read, from `now` (the
/// server's time where known), cut to [`MAX_SERVER_WAIT`]. Other statuses, and headers that
/// cannot be read, say nothing. Pure and total.
pub fn server_wait(status: u16, headers: &http::HeaderMap, now: SystemTime) -> Option<Duration> {
    if status != 429 && status != 503 {
        // Okta sends X-Rate-Limit-Reset with every answer: it only matters on a refusal.
        return None;
    }
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let retry_after =
        header(http::header::RETRY_AFTER.as_str()).and_then(|value| parse_retry_after(value, now));
    // Okta sends it on every answer, a 503 too: only a 429 says POINT hit the limit.
    let reset = header(RATE_LIMIT_RESET_HEADER)
        .filter(|_| status == 429)
        .and_then(|value| parse_rate_limit_reset(value, now));
    retry_after.max(reset)
}

/// `Retry-After` (RFC 9110 §10.2.3): a number of seconds, or an HTTP date, as a wait from `now`
/// (a date gone by: no wait), cut to [`MAX_SERVER_WAIT`]. Anything else: `None`.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Some(seconds) = whole_seconds(value) {
        return Some(Duration::from_secs(seconds).min(MAX_SERVER_WAIT));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(wait_until(at, now))
}

/// Okta's `X-Rate-Limit-Reset`: the epoch second the limit resets at, as a wait from `now` (gone
/// by: no wait), cut to [`MAX_SERVER_WAIT`]. Anything else: `None`.
pub fn parse_rate_limit_reset(value: &str, now: SystemTime) -> Option<Duration> {
    let seconds = Duration::from_secs(whole_seconds(value.trim())?);
    // Past what this system's clock can hold: as far out as is believed.
    Some(
        UNIX_EPOCH
            .checked_add(seconds)
            .map_or(MAX_SERVER_WAIT, |at| wait_until(at, now)),
    )
}

/// Digits only (no sign, no fraction), at most 19 of them so they fit.
fn whole_seconds(value: &str) -> Option<u64> {
    if value.is_empty() || value.len() > 19 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

fn wait_until(at: SystemTime, now: SystemTime) -> Duration {
    at.duration_since(now)
        .unwrap_or_default()
        .min(MAX_SERVER_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);
    const NOW: SystemTime = UNIX_EPOCH;

    fn most(bound: u64) -> u64 {
        bound
    }
    fn half(bound: u64) -> u64 {
        bound / 2
    }
    fn none(_: u64) -> u64 {
        0
    }
    /// A random source that misbehaves: the policy still adds no more than the fraction.
    fn too_much(_: u64) -> u64 {
        u64::MAX
    }

    fn delays(backoff: &mut Backoff, n: usize) -> Vec<Duration> {
        (0..n).map_while(|_| backoff.next_delay()).collect()
    }

    fn secs(list: &[u64]) -> Vec<Duration> {
        list.iter().copied().map(Duration::from_secs).collect()
    }

    #[test]
    fn waits_double_up_to_the_cap() {
        let policy = RetryPolicy::new(2 * SECOND, 30 * SECOND);
        assert_eq!(
            delays(&mut policy.start_with(most), 6),
            secs(&[2, 4, 8, 16, 30, 30])
        );
        // A first wait above the cap is cut to it.
        let policy = RetryPolicy::new(90 * SECOND, 60 * SECOND);
        assert_eq!(delays(&mut policy.start(), 2), secs(&[60, 60]));
    }

    #[test]
    fn jitter_is_a_fraction_of_the_wait_drawn_from_the_source() {
        let policy = RetryPolicy::new(2 * SECOND, 8 * SECOND).with_jitter(0.5);
        assert_eq!(
            delays(&mut policy.start_with(most), 4),
            secs(&[3, 6, 12, 12])
        );
        assert_eq!(delays(&mut policy.start_with(none), 4), secs(&[2, 4, 8, 8]));
        assert_eq!(
            delays(&mut policy.start_with(half), 2),
            vec![Duration::from_millis(2500), Duration::from_secs(5)]
        );
        assert_eq!(
            delays(&mut policy.start_with(too_much), 1),
            secs(&[3]),
            "never more than the fraction"
        );
        // Production's draws stay within the fraction.
        for _ in 0..100 {
            let delay = policy.start().next_delay().unwrap();
            assert!((2 * SECOND..=3 * SECOND).contains(&delay), "{delay:?}");
        }
        // Odd fractions are cut to 0..=1, never a panic.
        for fraction in [f64::NAN, -1.0, 7.0, f64::INFINITY] {
            let delay = RetryPolicy::new(SECOND, SECOND)
                .with_jitter(fraction)
                .start_with(most)
                .next_delay()
                .unwrap();
            assert!((SECOND..=2 * SECOND).contains(&delay), "{fraction}");
        }
    }

    #[test]
    fn attempts_are_counted_with_the_first() {
        let policy = RetryPolicy::new(SECOND, 10 * SECOND).with_attempts(3);
        let mut backoff = policy.start_with(none);
        assert_eq!(delays(&mut backoff, 10), secs(&[1, 2]));
        assert_eq!(backoff.failures(), 3);
        // After a success, the count and the waits start again.
        backoff.reset();
        assert_eq!(backoff.failures(), 0);
        assert_eq!(delays(&mut backoff, 10), secs(&[1, 2]));
        // One attempt in all: no retry.
        let mut once = RetryPolicy::new(SECOND, SECOND)
            .with_attempts(1)
            .start_with(none);
        assert_eq!(once.next_delay(), None);
    }

    #[test]
    fn reset_starts_the_waits_again() {
        let mut backoff = RetryPolicy::new(2 * SECOND, 300 * SECOND).start_with(none);
        assert_eq!(delays(&mut backoff, 3), secs(&[2, 4, 8]));
        backoff.not_before(100 * SECOND);
        backoff.reset();
        assert_eq!(
            delays(&mut backoff, 2),
            secs(&[2, 4]),
            "nor is a stale hint kept"
        );
    }

    #[test]
    fn the_server_s_not_before_is_never_undercut() {
        let policy = RetryPolicy::new(2 * SECOND, 300 * SECOND).with_jitter(0.5);
        let mut backoff = policy.start_with(most);
        backoff.not_before(60 * SECOND);
        assert_eq!(backoff.next_delay(), Some(60 * SECOND));
        // Once: the next wait is the policy's again, which doubled meanwhile.
        assert_eq!(backoff.next_delay(), Some(6 * SECOND));
        // A shorter hint than the backoff changes nothing; two hints: the later one.
        backoff.not_before(SECOND);
        assert_eq!(backoff.next_delay(), Some(12 * SECOND));
        backoff.not_before(20 * SECOND);
        backoff.not_before(10 * SECOND);
        assert_eq!(backoff.next_delay(), Some(24 * SECOND));
        // An absurd hint is cut.
        backoff.not_before(Duration::MAX);
        assert_eq!(backoff.next_delay(), Some(MAX_SERVER_WAIT));
    }

    #[test]
    fn a_caller_someone_waits_on_gives_up_rather_than_sleep_long() {
        let policy = RetryPolicy::new(SECOND, 4 * SECOND)
            .with_attempts(3)
            .with_longest_server_wait(5 * SECOND);
        let mut backoff = policy.start_with(none);
        backoff.not_before(5 * SECOND);
        assert_eq!(backoff.next_delay(), Some(5 * SECOND));
        backoff.not_before(6 * SECOND);
        assert_eq!(backoff.next_delay(), None);
    }

    #[tokio::test(start_paused = true)]
    async fn on_tokio_s_clock_the_waits_add_up_exactly() {
        let policy = RetryPolicy::new(2 * SECOND, 300 * SECOND).with_jitter(0.5);
        let mut backoff = policy.start_with(half);
        let start = tokio::time::Instant::now();
        let mut slept = Vec::new();
        for attempt in 0..10 {
            if attempt == 3 {
                backoff.not_before(90 * SECOND);
            }
            let delay = backoff.next_delay().unwrap();
            tokio::time::sleep(delay).await;
            slept.push(start.elapsed());
        }
        // 2, 4, 8, 16 (the server: 90), 32, 64, 128, 256, 300 (the cap), 300; plus a quarter.
        let expected: Vec<Duration> =
            [2.5, 5.0, 10.0, 90.0, 40.0, 80.0, 160.0, 320.0, 375.0, 375.0]
                .iter()
                .scan(0.0, |total, step| {
                    *total += step;
                    Some(Duration::from_secs_f64(*total))
                })
                .collect();
        assert_eq!(slept, expected);
    }

    proptest::proptest! {
        /// Total: any header text, any clock, any policy; never past the caps.
        #[test]
        fn parsing_and_waiting_never_panic(
            text in ".{0,40}",
            digits in "[0-9]{1,25}",
            now in proptest::num::u64::ANY,
            first in proptest::num::u64::ANY,
            max in proptest::num::u64::ANY,
            jitter in proptest::num::f64::ANY,
            attempts in proptest::option::of(proptest::num::u32::ANY),
            hint in proptest::num::u64::ANY,
        ) {
            let now = UNIX_EPOCH + Duration::from_secs(now % (400 * 365 * 86_400));
            for value in [&text, &digits] {
                for wait in [parse_retry_after(value, now), parse_rate_limit_reset(value, now)] {
                    proptest::prop_assert!(wait.is_none_or(|w| w <= MAX_SERVER_WAIT));
                }
            }
            let (first, max) = (Duration::from_millis(first), Duration::from_millis(max));
            let policy = RetryPolicy { first, max, jitter, attempts, longest_server_wait: max };
            let mut backoff = policy.start();
            backoff.not_before(Duration::from_millis(hint));
            for _ in 0..70 {
                if let Some(delay) = backoff.next_delay() {
                    let most = max.saturating_mul(2).max(MAX_SERVER_WAIT);
                    proptest::prop_assert!(delay <= most, "{delay:?}");
                }
            }
        }
    }

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        assert_eq!(parse_retry_after("120", NOW), Some(120 * SECOND));
        assert_eq!(parse_retry_after(" 0 ", NOW), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("99999999999", NOW), Some(MAX_SERVER_WAIT));
        let now = httpdate::parse_http_date("Thu, 03 Dec 2026 12:00:00 GMT").unwrap();
        assert_eq!(
            parse_retry_after("Thu, 03 Dec 2026 12:00:30 GMT", now),
            Some(30 * SECOND)
        );
        assert_eq!(
            parse_retry_after("Thu, 03 Dec 2026 11:00:00 GMT", now),
            Some(Duration::ZERO),
            "a date gone by"
        );
        assert_eq!(
            parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now),
            Some(MAX_SERVER_WAIT)
        );
        for bad in [
            "",
            "-5",
            "+5",
            "1.5",
            "5s",
            "soon",
            "99999999999999999999",
            "١٢",
        ] {
            assert_eq!(parse_retry_after(bad, NOW), None, "{bad:?}");
        }
    }

    #[test]
    fn okta_s_rate_limit_reset_is_epoch_seconds() {
        let now = UNIX_EPOCH + Duration::from_secs(1_764_763_200);
        assert_eq!(parse_rate_limit_reset("1764763245", now), Some(45 * SECOND));
        assert_eq!(
            parse_rate_limit_reset("1764763100", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_rate_limit_reset("9999999999999999999", now),
            Some(MAX_SERVER_WAIT)
        );
        for bad in ["", "-1", "1764763245.5", "tomorrow", "18446744073709551616"] {
            assert_eq!(parse_rate_limit_reset(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn only_a_429_or_503_says_when_to_come_back() {
        let now = UNIX_EPOCH + Duration::from_secs(1_764_763_200);
        let headers = |pairs: &[(&str, &str)]| {
            let mut map = http::HeaderMap::new();
            for (name, value) in pairs {
                map.append(
                    http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                    http::HeaderValue::from_str(value).unwrap(),
                );
            }
            map
        };
        let okta = headers(&[
            ("X-Rate-Limit-Limit", "600"),
            ("X-Rate-Limit-Remaining", "0"),
            ("X-Rate-Limit-Reset", "1764763230"),
        ]);
        assert_eq!(server_wait(429, &okta, now), Some(30 * SECOND));
        assert_eq!(
            server_wait(200, &okta, now),
            None,
            "every Okta answer has it"
        );
        assert_eq!(server_wait(400, &okta, now), None);
        // Both: the later one.
        let both = headers(&[("Retry-After", "20"), ("X-Rate-Limit-Reset", "1764763230")]);
        assert_eq!(server_wait(429, &both, now), Some(30 * SECOND));
        // A 503 is not the rate limit: only its Retry-After counts.
        assert_eq!(server_wait(503, &both, now), Some(20 * SECOND));
        assert_eq!(server_wait(503, &okta, now), None);
        // An unreadable one is passed over, a readable one still counts.
        let odd = headers(&[
            ("Retry-After", "later"),
            ("X-Rate-Limit-Reset", "1764763210"),
        ]);
        assert_eq!(server_wait(429, &odd, now), Some(10 * SECOND));
        let mut binary = http::HeaderMap::new();
        binary.insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from_bytes(b"\xff\xfe").unwrap(),
        );
        assert_eq!(server_wait(429, &binary, now), None);
        assert_eq!(server_wait(429, &http::HeaderMap::new(), now), None);
    }
}
