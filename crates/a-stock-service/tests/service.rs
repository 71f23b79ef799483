//! The service's integration test: the program's own `start`, two clients
//! over loopback, on tokio's paused clock. A test binary of its own, so
//! that it never runs beside a recording of the lesson's programs.
//!
//! The test compiles the program file the chapter shows (`#[path]`), so
//! what it tests is that very service.

#[path = "../src/stock_service.rs"]
#[allow(dead_code)]
mod stock_service;

// ANCHOR: tests
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;
use tokio_util::codec::{Framed, LinesCodec};

use stock_service::start;

/// A test's customer: a line out, the next line in.
struct Client(Framed<TcpStream, LinesCodec>);

impl Client {
    async fn connect(listener: &TcpListener) -> Client {
        let address = listener.local_addr().unwrap();
        Client(Framed::new(
            TcpStream::connect(address).await.unwrap(),
            LinesCodec::new(),
        ))
    }
    async fn ask(&mut self, line: &str) -> String {
        self.0.send(line).await.unwrap();
        self.next().await.unwrap()
    }
    async fn next(&mut self) -> Option<String> {
        self.0.next().await.map(Result::unwrap)
    }
    /// Writes raw bytes, not a line: what a broken client sends.
    async fn write_raw(&mut self, bytes: &[u8]) {
        self.0.get_mut().write_all(bytes).await.unwrap();
    }
}

// The service and both clients are tasks of this test's one runtime,
// so every reply is written by a task of the runtime before it parks,
// and the paused clock never jumps while a reply is on its way.
#[tokio::test(start_paused = true)]
async fn two_clients_share_the_stock_and_the_idle_ones_are_cut_off() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let (mut ann, mut ben) = (
        Client::connect(&listener).await,
        Client::connect(&listener).await,
    );
    let idle = Duration::from_secs(30);
    let service = start(listener, &[("apple", 5)], idle);

    assert_eq!(
        ann.ask("RESERVE apple 3").await,
        "OK reserved 3 apple, 2 left"
    );
    assert_eq!(
        ben.ask("RESERVE apple 3").await,
        "ERR only 2 apple left: reserve at most 2"
    );
    assert_eq!(
        ben.ask("reserve apple 1").await,
        r#"ERR unknown command "reserve": try GET, RESERVE or RESTOCK"#
    );
    // A number that would overflow the shelf is refused; the keeper lives.
    assert_eq!(
        ben.ask("RESTOCK apple 4294967295").await,
        "ERR a shelf holds at most 4294967295 apple: restock fewer"
    );
    // Garbage changed nothing: both see the same stock.
    assert_eq!(ben.ask("GET apple").await, "OK apple 2");
    assert_eq!(ann.ask("GET apple").await, "OK apple 2");

    // The idle timeout counts from a customer's last line, not from the
    // connection: ann thinks for 20 s (under 30) and is served again.
    // (A timeout around the whole connection would cut her off 10 s
    // into the silence below, and the test would see it.)
    tokio::time::sleep(Duration::from_secs(20)).await;
    assert_eq!(ann.ask("GET apple").await, "OK apple 2");

    // Both now fall silent. Nothing is left to run but the two idle
    // timers, so the paused clock jumps straight to them.
    let (virtual_start, real_start) = (Instant::now(), std::time::Instant::now());
    let cut_off = "ERR idle for 30 s: closing; reconnect to go on";
    // Ben's last line was 20 s earlier: his timer fires first, at 10 s.
    assert_eq!(ben.next().await.as_deref(), Some(cut_off));
    assert_eq!(virtual_start.elapsed(), Duration::from_secs(10));
    assert_eq!(ann.next().await.as_deref(), Some(cut_off));
    assert_eq!(ann.next().await, None, "the service closed the connection");
    assert_eq!(virtual_start.elapsed(), idle);
    assert!(real_start.elapsed() < Duration::from_secs(1));

    // Shutting down finds nothing left to drain: the clock stays.
    service.shut_down().await;
    assert_eq!(virtual_start.elapsed(), idle);
}

/// A line the service cannot frame is answered, and then the connection
/// closes cleanly, even with more of the customer's bytes unread: the
/// reply arrives and is followed by the end of the stream (a FIN), not by
/// a reset. Closing a socket whose input was never read makes Linux send
/// a RST, and the customer's next read fails with `ConnectionReset`
/// (`Client::next` unwraps it, and the test fails): so after the reply
/// the service half-closes and reads what is left before it drops the
/// socket.
#[tokio::test(start_paused = true)]
async fn a_line_it_cannot_frame_is_answered_and_closed_without_a_reset() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let (mut bad, mut long) = (
        Client::connect(&listener).await,
        Client::connect(&listener).await,
    );
    let service = start(listener, &[("apple", 5)], Duration::from_secs(30));
    // 64 KiB of requests after the bad line: more than the service reads
    // into its buffer at once (`Framed` starts with 8 KiB), so some are
    // still unread in the kernel when the service closes.
    let more = "GET apple\n".repeat(64 * 1024 / 10);

    // Not UTF-8: `LinesCodec` says `Io(InvalidData)`, and `Framed` ends
    // the stream after any decode error.
    bad.write_raw(b"GET \xff\n").await;
    bad.write_raw(more.as_bytes()).await;
    assert_eq!(
        bad.next().await.as_deref(),
        Some("ERR a line must be UTF-8 text: closing")
    );
    assert_eq!(bad.next().await, None, "a FIN after the reply, not a RST");

    // Over 64 bytes with no `\n`: the same ending.
    long.write_raw("x".repeat(100).as_bytes()).await;
    long.write_raw(more.as_bytes()).await;
    assert_eq!(
        long.next().await.as_deref(),
        Some("ERR a line has at most 64 bytes: closing")
    );
    assert_eq!(long.next().await, None, "a FIN after the reply, not a RST");

    service.shut_down().await;
}
// ANCHOR_END: tests
