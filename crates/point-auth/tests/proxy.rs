//! IT's proxy, on real parts: a CONNECT proxy on loopback (as corporate HTTP proxies tunnel
//! TLS), the dev provider behind it. Discovery goes through the proxy, TLS still ends at the
//! provider (the dev CA as an extra root), and a proxy that is down is a transient "offline".

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use point_auth::{HttpClient, Issuer, OktaSettings, Provider};
use point_dev_stack::{DevStack, ServerShape, StackOptions};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

/// A minimal CONNECT proxy: counts tunnels, and what they were opened to.
async fn connect_proxy() -> (Url, Arc<AtomicUsize>, Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let tunnels = Arc::new(AtomicUsize::new(0));
    let targets = Arc::new(std::sync::Mutex::new(Vec::new()));
    let (count, seen) = (tunnels.clone(), targets.clone());
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let (count, seen) = (count.clone(), seen.clone());
            tokio::spawn(async move {
                let mut client = BufReader::new(client);
                let mut request_line = String::new();
                if client.read_line(&mut request_line).await.is_err() {
                    return;
                }
                // The rest of the request head.
                loop {
                    let mut header = String::new();
                    match client.read_line(&mut header).await {
                        Ok(0) | Err(_) => return,
                        Ok(_) if header == "\r\n" => break,
                        Ok(_) => {}
                    }
                }
                let mut words = request_line.split_whitespace();
                let (Some("CONNECT"), Some(target)) = (words.next(), words.next()) else {
                    let _ = client
                        .get_mut()
                        .write_all(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n")
                        .await;
                    return;
                };
                seen.lock().unwrap().push(target.to_string());
                let Ok(mut upstream) = TcpStream::connect(target).await else {
                    let _ = client
                        .get_mut()
                        .write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n")
                        .await;
                    return;
                };
                count.fetch_add(1, Ordering::SeqCst);
                if client
                    .get_mut()
                    .write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let mut client = client.into_inner();
                let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
            });
        }
    });
    (
        Url::parse(&format!("http://{address}")).unwrap(),
        tunnels,
        targets,
    )
}

#[tokio::test]
async fn requests_go_through_its_proxy_and_tls_ends_at_the_provider() {
    let stack = DevStack::start(StackOptions::auto_login(ServerShape::Custom))
        .await
        .expect("dev stack starts");
    let (proxy, tunnels, targets) = connect_proxy().await;
    let http = HttpClient::through_proxy(Some(&stack.ca_file), Some(&proxy)).unwrap();
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let provider = Provider::discover(&http, &settings.issuer)
        .await
        .expect("discovery through the proxy");
    assert!(provider.supports_s256());
    assert!(tunnels.load(Ordering::SeqCst) >= 1, "no tunnel was opened");
    let host = format!(
        "{}:{}",
        stack.issuer.host_str().unwrap(),
        stack.issuer.port().unwrap()
    );
    assert!(
        targets.lock().unwrap().iter().all(|t| *t == host),
        "tunnels to {:?}, not only {host}",
        targets.lock().unwrap()
    );

    // The proxy down: a transient failure (POINT keeps the session and retries), not a refusal.
    let (dead, _, _) = connect_proxy().await;
    let unreachable = Url::parse(&format!("http://127.0.0.1:{}", free_port())).unwrap();
    drop(dead);
    let http = HttpClient::through_proxy(Some(&stack.ca_file), Some(&unreachable)).unwrap();
    let issuer: Issuer = settings.issuer.clone();
    let error = Provider::discover(&http, &issuer).await.unwrap_err();
    assert!(error.is_transient(), "{error:?}");
    stack.stop().await;
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
