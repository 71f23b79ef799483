//! A client of a line protocol, the orders service's, and its tests
//! against `tokio_test::io::Builder`'s mock connection: a script of what
//! the client must write and what it reads back. (A module of the lesson,
//! not a program: the chapter shows it with its tests.)

// ANCHOR: orders
use std::io;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};

/// Places an order: writes `ORDER <sku> <quantity>`, reads `OK <id>`
/// back, and returns the id. Any connection will do: a `TcpStream` in
/// production, a mock in the tests.
pub async fn place_order<C>(connection: C, sku: &str, quantity: u32) -> io::Result<String>
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
