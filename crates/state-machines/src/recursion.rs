//! `recursion`: an `async fn` that awaits itself, made possible with
//! `Box::pin` around the recursive call. Without it the future would have
//! to contain itself, and rustc refuses (E0733, locked in
//! `fixtures/recursive-count.snap`).
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-state-machines -- recursion`.

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

// ANCHOR: recursion
use std::time::Duration;

/// A folder on a file server: its own files, and its subfolders.
struct Folder {
    name: &'static str,
    files: u32,
    subfolders: Vec<Folder>,
}

/// Counts the files in `folder` and everything under it.
async fn count_files(folder: &Folder) -> u32 {
    // Listing a folder is a request to the server: it takes 100 ms.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut total = folder.files;
    for subfolder in &folder.subfolders {
        // The recursive call's future goes in a box on the heap, so this
        // future holds a pointer to it, not a copy of itself.
        total += Box::pin(count_files(subfolder)).await;
    }
    say!("{}: {total} files", folder.name);
    total
}

// ANCHOR_END: recursion
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: recursion
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: recursion
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: recursion
    let photos = Folder {
        name: "photos",
        files: 2,
        subfolders: vec![
            Folder {
                name: "photos/2024",
                files: 3,
                subfolders: vec![],
            },
            Folder {
                name: "photos/2025",
                files: 4,
                subfolders: vec![],
            },
        ],
    };
    let share = Folder {
        name: "share",
        files: 1,
        subfolders: vec![photos],
    };
    let total = count_files(&share).await;
    say!("main: {total} files in all");
}
// ANCHOR_END: recursion

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
