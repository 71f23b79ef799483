//! Exercise `till-orders` (predict the output): two tills send orders to a
//! kitchen server that spawns one task per connection and takes 100 ms
//! over each order. Write down what it prints, in order, with the time of
//! each line, before you run it: `cargo xtask exercise till-orders` checks
//! your prediction, and `cargo run -p lesson-tcp-echo-server -- till-orders`
//! runs it.

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

// ANCHOR: till_orders
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

// ANCHOR_END: till_orders
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: till_orders
async fn kitchen(listener: TcpListener) -> io::Result<()> {
    loop {
        let (socket, _peer) = listener.accept().await?;
        // One task per connection: the loop goes straight back to accept.
        tokio::spawn(cook(socket));
    }
}

// ANCHOR_END: till_orders
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: till_orders
async fn cook(mut socket: TcpStream) -> io::Result<()> {
    let mut buf = [0; 64];
    loop {
        // Waits for the next bytes from this till; 0 means it is done.
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        // Each order takes the kitchen 100 ms, then goes back as it came.
        tokio::time::sleep(Duration::from_millis(100)).await;
        socket.write_all(&buf[..n]).await?;
    }
}

// ANCHOR_END: till_orders
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: till_orders
async fn till(addr: SocketAddr, name: &str, opens_ms: u64, orders: &[&str]) -> io::Result<()> {
    tokio::time::sleep(Duration::from_millis(opens_ms)).await;
    let mut stream = TcpStream::connect(addr).await?;
    for order in orders {
        stream.write_all(order.as_bytes()).await?;
        say!("{name}: sent {order:?}");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    // No more orders: the kitchen's `read` returns 0 after the last one.
    stream.shutdown().await?;
    let mut buf = [0; 64];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            say!("{name}: closed");
            return Ok(());
        }
        say!("{name}: got back {:?}", String::from_utf8_lossy(&buf[..n]));
    }
}

// ANCHOR_END: till_orders
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: till_orders
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: till_orders
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: till_orders
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    tokio::spawn(kitchen(listener));
    // Till 1 opens at once with two orders; till 2 opens 50 ms later.
    let (one, two) = tokio::join!(
        till(addr, "till 1", 0, &["order A", "order B"]),
        till(addr, "till 2", 50, &["order C"]),
    );
    one.and(two).expect("the tills are served");
    say!("main: both tills served");
}
// ANCHOR_END: till_orders

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
