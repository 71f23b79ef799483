//! Pitfall 2: a task waiting on a socket is no work for the runtime, so a
//! paused clock auto-advances to the next timer, here a 5 s timeout,
//! though the answer is on its way in real time. The warehouse is a thread
//! outside the runtime, as a database in another process would be.
//!
//! Run it: `cargo run -p lesson-testing-on-virtual-time --
//! timeout-on-a-socket`.

// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;

// ANCHOR: timeout_on_a_socket
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::error::Elapsed;

/// The warehouse's stock service, on a thread of its own: it reads one
/// request, and answers `17` when `go` says so (its real work).
fn start_warehouse(go: mpsc::Receiver<()>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port is free");
    let address = listener
        .local_addr()
        .expect("a bound listener has an address");
    thread::spawn(move || {
        let (socket, _) = listener.accept().expect("the client connects");
        let mut request = String::new();
        let mut reader = BufReader::new(socket);
        reader
            .read_line(&mut request)
            .expect("the client sends a line");
        if go.recv().is_ok() {
            let _ = reader.get_mut().write_all(b"17\n");
        }
    });
    address
}

/// Asks for the stock of `sku`, and gives the answer 5 s to come.
async fn ask_stock(
    client: &mut tokio::io::BufReader<TcpStream>,
    sku: &str,
) -> Result<String, Elapsed> {
    let request = format!("STOCK {sku}\n");
    client
        .get_mut()
        .write_all(request.as_bytes())
        .await
        .expect("the warehouse is up");
    let mut answer = String::new();
    // Waits on the socket, with a 5 s timer beside it.
    tokio::time::timeout(Duration::from_secs(5), client.read_line(&mut answer))
        .await?
        .expect("the warehouse sends a line");
    Ok(answer.trim_end().to_string())
}

// ANCHOR_END: timeout_on_a_socket
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: timeout_on_a_socket
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR_END: timeout_on_a_socket
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: timeout_on_a_socket
    let (answer_now, go) = mpsc::channel();
    let address = start_warehouse(go);
    let socket = TcpStream::connect(address)
        .await
        .expect("the warehouse listens");
    let mut client = tokio::io::BufReader::new(socket);
    let real = std::time::Instant::now();
    match ask_stock(&mut client, "sku-42").await {
        Ok(stock) => say!("client: {stock} in stock"),
        Err(_) => say!(
            "client: no answer in 5 s; real time that passed is under 5 s: {}",
            real.elapsed() < Duration::from_secs(5)
        ),
    }
    // The warehouse answers now, and the answer arrives at once.
    answer_now.send(()).expect("the warehouse waits for its go");
    let mut late = String::new();
    client
        .read_line(&mut late)
        .await
        .expect("the warehouse answers");
    say!("client: the answer came after all: {}", late.trim_end());
}
// ANCHOR_END: timeout_on_a_socket

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

#[cfg(test)]
mod tests {
    // ANCHOR: tests
    use std::sync::mpsc;
    use std::time::Duration;

    use tokio::net::TcpStream;
    use tokio::time::Instant;

    use super::{ask_stock, start_warehouse};

    async fn connect(go: mpsc::Receiver<()>) -> tokio::io::BufReader<TcpStream> {
        let socket = TcpStream::connect(start_warehouse(go)).await.unwrap();
        tokio::io::BufReader::new(socket)
    }

    // On the real clock: the warehouse answers after 50 ms, well within 5 s.
    #[tokio::test]
    async fn on_the_real_clock_the_answer_arrives() {
        let (answer_now, go) = mpsc::channel();
        let mut client = connect(go).await;
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            answer_now.send(()).unwrap();
        });
        assert_eq!(ask_stock(&mut client, "sku-42").await.unwrap(), "17");
    }

    // On the paused clock: the same wait times out, after 5 s of tokio's
    // clock and less than 5 s of the real one. (The warehouse is told to
    // answer only afterwards, so the result is certain, not a race.)
    #[tokio::test(start_paused = true)]
    async fn on_the_paused_clock_the_timeout_fires_first() {
        let (answer_now, go) = mpsc::channel();
        let mut client = connect(go).await;
        let (start, real) = (Instant::now(), std::time::Instant::now());
        assert!(ask_stock(&mut client, "sku-42").await.is_err());
        assert_eq!(start.elapsed(), Duration::from_secs(5));
        assert!(real.elapsed() < Duration::from_secs(5));
        drop(answer_now);
    }
    // ANCHOR_END: tests
}
