//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod billing_inbox;
pub mod sensor_feed;
pub mod sensor_feed_solution;

/// `sensor-feed` is fixed when the health check is answered at `0.000s`,
/// and the three readings still arrive at 3 s, after the driver's warm-up.
pub fn sensor_feed(run: &Recording) -> Result<(), String> {
    let health = run.line("health check: ok")?;
    if health.time() != "0.000s" {
        return Err(format!(
            "expected [0.000s] health check: ok, at once, while the collector waits for readings; got {health}: \
             the runtime's thread was blocked until then"
        ));
    }
    for celsius in [21, 22, 24] {
        let reading = run.line(&format!("collector: {celsius} °C"))?;
        if reading.time() != "3.000s" {
            return Err(format!(
                "expected [3.000s] collector: {celsius} °C, as the sensor sends it after its warm-up; got {reading}"
            ));
        }
    }
    run.line("collector: the sensor is done")?;
    if run.tripped() {
        return Err("the program was still running at the tripwire".to_string());
    }
    run.line("main: done")?;
    Ok(())
}
