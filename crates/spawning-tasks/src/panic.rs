//! `panic`: a task that panics does not bring the program down. tokio
//! catches the panic, ends that task, and hands it to whoever awaits the
//! handle as a `JoinError` whose `is_panic()` is true; `main` goes on.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: panic
async fn read_sensor(sensor: &str) -> f64 {
    say!("{sensor}: reading");
    // Waits 1 s for the sensor's answer.
    tokio::time::sleep(Duration::from_secs(1)).await;
    if sensor == "boiler" {
        panic!("wire cut");
    }
    21.5
}

pub async fn run() {
    // The panic happens inside the task: it unwinds that task only.
    let boiler = tokio::spawn(read_sensor("boiler").lane("boiler"));
    // Awaiting the handle yields to the task, and returns how it ended.
    match boiler.await {
        Ok(celsius) => say!("main: boiler at {celsius:.1} °C"),
        Err(e) if e.is_panic() => {
            // The panic's payload: here the `&str` given to `panic!`.
            let payload = e.into_panic();
            let message = payload.downcast_ref::<&str>().copied().unwrap_or("?");
            say!("main: the boiler task failed: {message}");
        }
        Err(e) => say!("main: the boiler task was cancelled: {e}"),
    }
    // A second task on the same runtime runs as usual.
    let kitchen = tokio::spawn(read_sensor("kitchen").lane("kitchen"));
    let celsius = kitchen.await.expect("the kitchen sensor works");
    say!("main: kitchen at {celsius:.1} °C");
}
// ANCHOR_END: panic
