//! `future-sizes`: a future is as big as what it holds across its
//! `.await`s. A 1 KiB buffer still needed after the `.await` is stored in
//! the future; one used up in a block that ends before it is not; and a
//! future that awaits another holds that one inside it.
//!
//! Exact sizes are the compiler's (and tokio's: a timer is stored in the
//! future too) and change between versions, so the program prints them to
//! the nearest KiB; the lesson's test checks the exact relations.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-state-machines -- future-sizes`.

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

// ANCHOR: future_sizes
use std::mem::size_of_val;
use std::time::Duration;

/// Holds its buffer across the `.await`: the buffer is used after it.
async fn send_held() {
    let packet = [7u8; 1024];
    // Suspended here, with `packet` still to be sent: it is in the future.
    tokio::time::sleep(Duration::from_millis(100)).await;
    say!("held: sent {} bytes", packet.len());
}

/// Uses its buffer up before the `.await`, in a block that has ended.
async fn send_checksum() {
    let checksum: u32 = {
        let packet = [7u8; 1024];
        packet.iter().map(|&byte| u32::from(byte)).sum()
    };
    // Suspended here with only `checksum`, 4 bytes, to keep.
    tokio::time::sleep(Duration::from_millis(100)).await;
    say!("checksum: sent {checksum}");
}

/// Awaits `send_held`: the inner future is stored inside this one.
async fn send_twice() {
    say!("twice: sending");
    send_held().await;
    send_held().await;
}

/// A size to the nearest KiB: the bytes over a buffer (the state's tag,
/// the timer) are the compiler's and tokio's, and change between versions.
fn approx(bytes: usize) -> String {
    if bytes < 1024 {
        "under 1 KiB".to_string()
    } else {
        format!("about {} KiB", (bytes + 512) / 1024)
    }
}

// ANCHOR_END: future_sizes
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: future_sizes
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: future_sizes
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: future_sizes
    // Calling builds each state machine without running it: its size is
    // known before it is ever polled, fixed by its type.
    let held = send_held();
    let checksum = send_checksum();
    let twice = send_twice();
    say!("send_held():     {}", approx(size_of_val(&held)));
    say!("send_checksum(): {}", approx(size_of_val(&checksum)));
    say!("send_twice():    {}", approx(size_of_val(&twice)));
    held.await;
    checksum.await;
    twice.await;
}
// ANCHOR_END: future_sizes

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

/// The sizes the transcript rounds, checked as relations that hold on
/// current rustc (the layout of a state machine is not specified): what is
/// held across an `.await` is in the future, what ended before it is not,
/// and a future holds the futures it awaits, one at a time.
#[cfg(test)]
mod tests {
    use std::mem::size_of_val;

    #[test]
    fn a_future_holds_what_it_keeps_across_an_await() {
        let held = size_of_val(&super::send_held());
        let checksum = size_of_val(&super::send_checksum());
        let twice = size_of_val(&super::send_twice());
        assert!(held > 1024, "send_held() is {held} bytes");
        assert!(checksum < 1024, "send_checksum() is {checksum} bytes");
        assert!(held - checksum >= 1024, "{held} vs {checksum} bytes");
        // The two `send_held()` futures are never alive at once: they share
        // one place, so `send_twice()` holds one 1 KiB buffer, not two.
        assert!(
            twice >= held && twice < held + 1024,
            "{twice} vs {held} bytes"
        );
    }
}
