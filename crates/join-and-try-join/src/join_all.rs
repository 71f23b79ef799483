//! `join-all`: `futures::future::join_all` joins a `Vec` of futures, as
//! many as the data says, the way `asyncio.gather(*coros)` does. They
//! finish in any order; the results come back in the order of the list.

use std::time::Duration;

use futures::future::join_all;
use lesson_kit::{Lane, say};

// ANCHOR: join_all
async fn download(file: &str, seconds: u64) -> &str {
    say!("{file}: started");
    // Each download waits on its own timer; all the waits overlap.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
    file
}

pub async fn run() {
    let files = [("report.pdf", 3), ("logo.png", 1), ("data.csv", 2)];
    // `join_all` takes any number of futures of one type and polls them
    // all until every one is done: 3 s in all, the slowest one's time.
    let results = join_all(
        files
            .iter()
            .map(|&(file, seconds)| download(file, seconds).lane(file)),
    )
    .await;
    say!("results, in the order asked: {results:?}");
}
// ANCHOR_END: join_all
