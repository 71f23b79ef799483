//! `box-pin`: a big future moved to the heap with `Box::pin`. The future
//! holds a 16 KiB buffer across its `.await`; the box that owns it is one
//! pointer, so moving or storing the box moves 8 bytes (on a 64-bit
//! machine, where the snapshot is recorded), not 16 KiB, and awaiting the
//! box awaits the future inside.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-state-machines -- box-pin`.

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

// ANCHOR: box_pin
use std::mem::size_of_val;
use std::time::Duration;

/// Holds a 16 KiB archive across its `.await`.
async fn upload_archive() {
    let archive = [0u8; 16 * 1024];
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("upload: sent {} KiB", archive.len() / 1024);
}

/// A size to the nearest KiB (the exact one is the compiler's business).
fn approx(bytes: usize) -> String {
    if bytes < 1024 {
        "under 1 KiB".to_string()
    } else {
        format!("about {} KiB", (bytes + 512) / 1024)
    }
}

// ANCHOR_END: box_pin
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: box_pin
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: box_pin
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: box_pin
    // `upload` is measured, so borrowed, inside a block that ends before
    // any `.await`: were it a local of `main` itself, `main`'s own future
    // would keep a place for those 16 KiB until its end, box or no box.
    let boxed = {
        let upload = upload_archive();
        say!("the future:         {}", approx(size_of_val(&upload)));
        // Moves the future into a heap allocation, once, and pins it there.
        Box::pin(upload)
    };
    say!("the box:            {} bytes", size_of_val(&boxed));
    say!("what the box holds: {}", approx(size_of_val(&*boxed)));
    // Moving the box copies the pointer; the 16 KiB stay where they are.
    let queue = vec![boxed];
    for upload in queue {
        // `Pin<Box<F>>` is a future too: awaiting it polls `F` in place.
        upload.await;
    }
}
// ANCHOR_END: box_pin

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

/// The box is one pointer, whatever the size of the future inside.
#[cfg(test)]
mod tests {
    use std::mem::{size_of, size_of_val};

    #[test]
    fn a_boxed_future_is_one_pointer() {
        let upload = super::upload_archive();
        assert!(size_of_val(&upload) > 16 * 1024);
        let boxed = Box::pin(upload);
        assert_eq!(size_of_val(&boxed), size_of::<usize>());
        assert!(size_of_val(&*boxed) > 16 * 1024);
    }

    /// Measured in a block, the future leaves no place behind in the
    /// function that boxes it; measured by a local that is still in scope
    /// at the `.await`, it does (a borrowed local is kept while its block
    /// is open), and the box saves nothing.
    #[test]
    fn measuring_in_a_block_keeps_the_boxing_future_small() {
        async fn measured_in_a_block() {
            let boxed = {
                let upload = super::upload_archive();
                let _ = size_of_val(&upload);
                Box::pin(upload)
            };
            boxed.await;
        }
        async fn measured_in_scope() {
            let upload = super::upload_archive();
            let _ = size_of_val(&upload);
            let boxed = Box::pin(upload);
            boxed.await;
        }
        let small = size_of_val(&measured_in_a_block());
        let big = size_of_val(&measured_in_scope());
        assert!(small < 1024, "measured in a block: {small} bytes");
        assert!(big > 16 * 1024, "measured in scope: {big} bytes");
    }
}
