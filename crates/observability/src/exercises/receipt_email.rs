//! Exercise `receipt-email` (fix the bug): two orders, each in its `order`
//! span, each emailing its receipt from a spawned task. The receipts'
//! lines should say which order they belong to, `order{id=7}: receipt
//! emailed`, but they come out in no span at all. Make each receipt's line
//! carry its order's span.
//!
//! Check your fix with `cargo xtask exercise receipt-email`, which copies
//! this file to `exercises/receipt-email.rs` for you to edit.

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

// ANCHOR: say_layer
use std::fmt::{self, Write};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// A `tracing` layer that prints each event with the spans it happened
/// in, root first: `order{id=7}:charge_card{amount=4999}: card charged`.
/// It prints through `say!`, so each line carries the program's own clock.
struct SayLayer;

/// A span's (or an event's) fields, written as `name=value` pairs.
struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        // An event's message is the field named `message`: shown bare.
        if field.name() == "message" {
            write!(self.0, "{value:?}").expect("a String takes any write");
        } else {
            write!(self.0, "{}={value:?}", field.name()).expect("a String takes any write");
        }
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for SayLayer {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        // Keep the span's fields in the span itself, in the registry.
        let mut fields = Fields(String::new());
        attrs.record(&mut fields);
        let span = ctx.span(id).expect("a new span is in the registry");
        span.extensions_mut().insert(fields);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        // A field declared `Empty` and filled in later, by `Span::record`.
        let span = ctx.span(id).expect("a recorded span is in the registry");
        if let Some(fields) = span.extensions_mut().get_mut::<Fields>() {
            values.record(fields);
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut line = String::new();
        // The spans this event happened in: the current one and its parents.
        for span in ctx
            .event_scope(event)
            .into_iter()
            .flat_map(|s| s.from_root())
        {
            let extensions = span.extensions();
            match extensions.get::<Fields>() {
                Some(Fields(fields)) if !fields.is_empty() => {
                    write!(line, "{}{{{fields}}}:", span.name())
                }
                _ => write!(line, "{}:", span.name()),
            }
            .expect("a String takes any write");
        }
        let mut message = Fields(String::new());
        event.record(&mut message);
        if line.is_empty() {
            say!("{}", message.0);
        } else {
            say!("{line} {}", message.0);
        }
    }
}
// ANCHOR_END: say_layer

// ANCHOR: receipt_email
use std::time::Duration;
use tokio::task::JoinHandle;
use tracing::{info, instrument};

async fn email_receipt() {
    tokio::time::sleep(Duration::from_millis(250)).await;
    info!("receipt emailed");
}

// The email's handle is returned for `main` to await, not awaited here.
#[allow(clippy::async_yields_async)]
#[instrument(name = "order")]
async fn handle_order(id: u32, bank_ms: u64) -> JoinHandle<()> {
    tokio::time::sleep(Duration::from_millis(bank_ms)).await;
    info!("card charged");
    // The email goes out on a task of its own, so the order does not wait
    // for the mail server: it is done as soon as the task is spawned.
    let email = tokio::spawn(email_receipt());
    info!("order done");
    email
}

// ANCHOR_END: receipt_email
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: receipt_email
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: receipt_email
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: receipt_email
    let _subscriber =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(SayLayer));
    let (email_7, email_8) = tokio::join!(handle_order(7, 300), handle_order(8, 100));
    // The orders are done; wait for their emails before `main` returns,
    // which would drop the runtime and its unfinished tasks with it.
    email_7.await.expect("the email task does not panic");
    email_8.await.expect("the email task does not panic");
}
// ANCHOR_END: receipt_email

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
