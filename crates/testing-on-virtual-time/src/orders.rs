//! A client of a line protocol, the orders service's, and its tests
//! against `tokio_test::io::Builder`'s mock connection: a script of what
//! the client must write and what it reads back. `main` runs the client
//! against a real service, on loopback.
//!
//! Run it: `cargo run -p lesson-testing-on-virtual-time -- orders`; its
//! tests: `cargo test -p lesson-testing-on-virtual-time orders`.

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

// ANCHOR: orders
use std::io;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// Places an order: writes `ORDER <sku> <quantity>`, reads `OK <id>`
/// back, and returns the id. Any connection will do: a `TcpStream` in
/// production, a mock in the tests.
async fn place_order<C>(connection: C, sku: &str, quantity: u32) -> io::Result<String>
where
    C: AsyncRead + AsyncWrite + Unpin,
{
    let mut connection = BufReader::new(connection);
    let request = format!("ORDER {sku} {quantity}\n");
    connection.get_mut().write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    connection.read_line(&mut answer).await?;
    match answer.trim_end().strip_prefix("OK ") {
        Some(id) => Ok(id.to_string()),
        None => Err(io::Error::other(format!("refused: {}", answer.trim_end()))),
    }
}

// ANCHOR_END: orders
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: orders
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: orders
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: orders
    // The orders service, a task on loopback: it accepts every order.
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port is free");
    let address = listener
        .local_addr()
        .expect("a bound listener has an address");
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.expect("the client connects");
        let mut socket = BufReader::new(socket);
        let mut request = String::new();
        socket
            .read_line(&mut request)
            .await
            .expect("the client sends a line");
        socket
            .get_mut()
            .write_all(b"OK 1017\n")
            .await
            .expect("the client reads");
    });
    let connection = TcpStream::connect(address)
        .await
        .expect("the service listens");
    let order = place_order(connection, "sku-42", 3).await;
    say!("client: order {order:?}");
}
// ANCHOR_END: orders

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

#[cfg(test)]
mod tests {
    // ANCHOR: tests
    use std::time::Duration;

    use tokio::time::Instant;
    use tokio_test::io::Builder;

    use super::place_order;

    #[tokio::test]
    async fn an_order_gets_its_id() {
        // The script: the client must write this, then it reads that.
        let service = Builder::new()
            .write(b"ORDER sku-42 3\n")
            .read(b"OK 1017\n")
            .build();
        assert_eq!(place_order(service, "sku-42", 3).await.unwrap(), "1017");
    }

    #[tokio::test]
    async fn a_refusal_is_an_error() {
        let service = Builder::new()
            .write(b"ORDER sku-42 3\n")
            .read(b"SOLD OUT\n")
            .build();
        let refused = place_order(service, "sku-42", 3).await.unwrap_err();
        assert_eq!(refused.to_string(), "refused: SOLD OUT");
    }

    // A write the script does not expect: the mock panics at that write.
    #[tokio::test]
    #[should_panic(expected = "assertion `left == right` failed")]
    async fn a_wrong_request_panics_in_the_mock() {
        let service = Builder::new()
            .write(b"ORDER sku-42 3\n")
            .read(b"OK 1017\n")
            .build();
        let _ = place_order(service, "sku-42", 30).await;
    }

    // `wait` in the script is a pause of the service, on tokio's clock:
    // paused, a 10 s stall and the client's 5 s timeout take no real time.
    // (The script ends there: a mock dropped with a read or write still
    // in its script panics, "There is still data left to read".)
    #[tokio::test(start_paused = true)]
    async fn a_stalled_service_times_out() {
        let service = Builder::new()
            .write(b"ORDER sku-42 3\n")
            .wait(Duration::from_secs(10))
            .build();
        let start = Instant::now();
        let order = place_order(service, "sku-42", 3);
        assert!(
            tokio::time::timeout(Duration::from_secs(5), order)
                .await
                .is_err()
        );
        assert_eq!(start.elapsed(), Duration::from_secs(5));
    }
    // ANCHOR_END: tests
}
