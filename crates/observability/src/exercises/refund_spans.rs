//! Exercise `refund-spans` (predict the output): two refunds, each in its
//! own `#[instrument]` span, created inside a `batch` span and joined
//! after it, in the other order. Write down what it prints, in order, with the time of each line
//! and the spans in front of it, before you run it: `cargo xtask exercise
//! refund-spans` checks your prediction, and `cargo run -p
//! lesson-observability -- refund-spans` runs it.

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

// ANCHOR: refund_spans
use std::time::Duration;
use tracing::{info, info_span, instrument};

#[instrument]
async fn refund(order: u32, bank_ms: u64) {
    info!("refund started");
    tokio::time::sleep(Duration::from_millis(bank_ms)).await;
    info!("money sent");
}

// ANCHOR_END: refund_spans
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: refund_spans
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: refund_spans
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: refund_spans
    let _subscriber =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(SayLayer));
    // An `async fn` does nothing until it is polled. Both refunds are
    // created inside the `batch` span (`in_scope` leaves it on return, so
    // no guard is held across an `.await`), and polled outside it.
    let (first, second) = info_span!("batch").in_scope(|| {
        let first = refund(1, 200);
        let second = refund(2, 100);
        info!("both refunds created");
        (first, second)
    });
    tokio::join!(second, first);
    info!("all refunds done");
}
// ANCHOR_END: refund_spans

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
