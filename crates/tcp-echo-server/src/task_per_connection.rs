//! `task-per-connection`: an echo server on a real loopback socket that
//! spawns one task per connection. Each message takes the server 100 ms
//! (a stand-in for a database call) before it is echoed back. Two clients
//! connect at once: both echoes come back at 0.100 s, because while one
//! connection's task waits, the other's runs, on the same single thread.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-tcp-echo-server -- task-per-connection`.

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

// ANCHOR: task_per_connection
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

// ANCHOR_END: task_per_connection
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: task_per_connection
async fn server(listener: TcpListener) -> io::Result<()> {
    let mut connections = 0;
    loop {
        // Waits for the next client. The kernel completes the connection
        // on its own and queues it until the program accepts it here.
        let (socket, _peer) = listener.accept().await?;
        connections += 1;
        let id = connections;
        say!("server: accepted connection {id}");
        // One task per connection, and straight back to `accept()`: this
        // loop never waits for a client.
        tokio::spawn(async move {
            if let Err(e) = handle(socket, id).await {
                say!("server: connection {id} failed: {e}");
            }
        });
    }
}

// ANCHOR_END: task_per_connection
#[cfg_attr(test, lesson_kit::lane(format!("connection {id}")))]
// ANCHOR: task_per_connection
async fn handle(mut socket: TcpStream, id: u32) -> io::Result<()> {
    let mut buf = vec![0; 1024];
    loop {
        // Waits until the client's bytes arrive: the task sleeps, the
        // thread runs other tasks. `Ok(0)` means the client is done.
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            say!("server: connection {id} closed by the client");
            return Ok(());
        }
        // The work for each message: 100 ms of waiting, as on a database.
        tokio::time::sleep(Duration::from_millis(100)).await;
        socket.write_all(&buf[..n]).await?;
    }
}

// ANCHOR_END: task_per_connection
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: task_per_connection
async fn client(addr: SocketAddr, name: &'static str) -> io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    let message = format!("hello from {name}");
    stream.write_all(message.as_bytes()).await?;
    say!("{name}: sent {message:?}");
    // Nothing more to send: shutting down our writing side tells the
    // server so (its `read` returns 0 once it has read the message).
    stream.shutdown().await?;
    // Reads until the server closes its side: the echo, then the end.
    let mut echo = String::new();
    stream.read_to_string(&mut echo).await?;
    say!("{name}: got back {echo:?}");
    Ok(())
}

// ANCHOR_END: task_per_connection
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: task_per_connection
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: task_per_connection
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: task_per_connection
    // Port 0: the system picks a free port; `local_addr` says which.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    // The server runs as a task of its own. It never ends by itself: when
    // `main` returns, the runtime drops it, still waiting in `accept()`.
    // Nobody awaits this task, so it reports its own error: `server`
    // returns one only if `accept` fails.
    tokio::spawn(async move {
        if let Err(e) = server(listener).await {
            say!("server: {e}");
        }
    });

    let mut clients = JoinSet::new();
    for name in ["alice", "bob"] {
        clients.spawn(client(addr, name));
    }
    // Waits for both clients, in the order they finish.
    while let Some(finished) = clients.join_next().await {
        if let Err(e) = finished.expect("a client does not panic") {
            say!("main: a client failed: {e}");
        }
    }
    say!("main: both clients done");
}
// ANCHOR_END: task_per_connection

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
