//! The HTTP client's limits against a server on loopback: a body larger than 1 MiB is refused as
//! it streams in (a chunked answer with no length is not buffered to its end first), and a
//! connection cut mid-answer is "interrupted" (the server may have acted), not "offline".

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::routing::get;
use axum::Router;
use point_auth::{HttpClient, HttpError, MAX_BODY};

const CHUNK: usize = 64 * 1024;
/// What the endless server would send if the client read it all.
const ENDLESS: u64 = 256 * 1024 * 1024;

async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

fn get_request(url: &str) -> http::Request<Vec<u8>> {
    http::Request::get(url).body(Vec::new()).unwrap()
}

#[tokio::test]
async fn a_chunked_body_over_the_cap_is_refused_while_it_streams() {
    let produced = Arc::new(AtomicU64::new(0));
    let counter = produced.clone();
    let app = Router::new().route(
        "/big",
        get(move || {
            let counter = counter.clone();
            async move {
                let chunks = futures_util::stream::unfold(0u64, move |sent| {
                    let counter = counter.clone();
                    async move {
                        (sent < ENDLESS).then(|| {
                            counter.fetch_add(CHUNK as u64, Ordering::Relaxed);
                            (
                                Ok::<_, std::io::Error>(vec![b'x'; CHUNK]),
                                sent + CHUNK as u64,
                            )
                        })
                    }
                });
                Body::from_stream(chunks)
            }
        }),
    );
    let base = serve(app).await;
    let client = HttpClient::new(None).unwrap();
    let error = client
        .execute(get_request(&format!("{base}/big")))
        .await
        .unwrap_err();
    assert!(matches!(error, HttpError::TooLarge { .. }), "{error:?}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let sent = produced.load(Ordering::Relaxed);
    assert!(
        sent < 32 * 1024 * 1024,
        "the server produced {sent} bytes: the client kept reading past the cap of {MAX_BODY}"
    );
}

#[tokio::test]
async fn a_body_at_the_cap_is_read() {
    let app = Router::new().route("/exact", get(|| async { vec![b'x'; MAX_BODY] }));
    let base = serve(app).await;
    let client = HttpClient::new(None).unwrap();
    let response = client
        .execute(get_request(&format!("{base}/exact")))
        .await
        .unwrap();
    assert_eq!(response.body().len(), MAX_BODY);
}

#[tokio::test]
async fn a_connection_cut_mid_answer_is_interrupted_and_a_refused_one_is_offline() {
    // A raw server that reads the request, promises 100 bytes and sends 10.
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 1024];
        let _ = socket.read(&mut request).await;
        let _ = socket
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"access_")
            .await;
    });
    let client = HttpClient::new(None).unwrap();
    let error = client
        .execute(get_request(&format!("http://127.0.0.1:{port}/token")))
        .await
        .unwrap_err();
    assert!(matches!(error, HttpError::Interrupted { .. }), "{error:?}");

    // Nothing listens on a port just freed: the request never left.
    let free = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let port = free.local_addr().unwrap().port();
    drop(free);
    let error = client
        .execute(get_request(&format!("http://127.0.0.1:{port}/token")))
        .await
        .unwrap_err();
    assert!(matches!(error, HttpError::Connect { .. }), "{error:?}");
}
