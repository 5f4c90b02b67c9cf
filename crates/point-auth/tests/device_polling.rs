//! The device sign-in's waits on tokio's paused clock, against the in-process Okta of
//! `point-fake-okta` (no Node, no socket): RFC 8628's interval, and POINT's retry policy after
//! network trouble (`Polling`, `RetryPolicy`).

use std::time::Duration;

use point_auth::OktaSignIn;
use point_fake_okta::{Endpoint, FakeOkta, Fault};
use tokio::time::Instant;

const SECOND: Duration = Duration::from_secs(1);

#[tokio::test(start_paused = true)]
async fn network_trouble_backs_off_doubling_and_an_answer_brings_back_the_interval() {
    let okta = FakeOkta::new();
    let sign_in = OktaSignIn::new(
        okta.example().okta_settings(),
        okta.http_client(30 * SECOND),
    );
    let authorization = sign_in.begin_on_another_device().await.unwrap();
    assert_eq!(authorization.interval, 5 * SECOND);
    // The provider cannot be reached for the first three polls, then says "pending" once;
    // the person has approved by the poll after that.
    for _ in 0..3 {
        okta.fail_next(Endpoint::Token, Fault::Unreachable);
    }
    let start = Instant::now();
    let waiting = sign_in.finish_on_another_device(&authorization);
    let approve = async {
        // Polls at 5 (unreachable), 15, 35 (unreachable), 75 (pending): approve after that.
        tokio::time::sleep(76 * SECOND).await;
        okta.approve_device(&authorization.user_code, "alice@example.com");
    };
    let (signed_in, ()) = tokio::join!(waiting, approve);
    signed_in.unwrap();
    // 5 (the interval), 10, 20, 40 after each failure, then the interval again: 80 s.
    assert_eq!(start.elapsed(), 80 * SECOND);
    assert_eq!(okta.count(Endpoint::Token), 5);
}
