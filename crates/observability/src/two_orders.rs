//! `two-orders`: two orders handled at once, joined on one thread, each
//! in a `tracing` span made by `#[instrument]`. Their log lines
//! interleave, and each carries its order's span, so they can be told
//! apart. The `SayLayer` below prints every event with its spans, through
//! `say!`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-observability -- two-orders`.

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

// ANCHOR: two_orders
use std::time::Duration;
use tracing::{info, instrument};

/// The card processor's client.
struct Payments {
    bank_latency: Duration,
}

impl Payments {
    // A span named `charge_card` with the argument `amount` as its field;
    // `skip(self)`: the client itself is not a field.
    #[instrument(skip(self))]
    async fn charge_card(&self, amount: u64) {
        info!("asking the bank");
        // `.await` hands the thread back; the span is left here and entered
        // again when this future is polled again, so the other order's
        // lines meanwhile are not in it.
        tokio::time::sleep(self.bank_latency).await;
        info!("card charged");
    }
}

// A span named `order` with the fields `id`, `customer` (the arguments
// not skipped) and `items` (computed from a skipped one).
#[instrument(name = "order", skip(cart, payments), fields(items = cart.len()))]
async fn handle_order(id: u32, customer: &str, cart: &[u64], payments: &Payments) {
    info!("received");
    payments.charge_card(cart.iter().sum()).await;
    info!("shipped");
}

// ANCHOR_END: two_orders
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: two_orders
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: two_orders
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: two_orders
    // This thread's subscriber while `_subscriber` lives: the registry,
    // which keeps the spans, and the layer, which prints the events.
    let _subscriber =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(SayLayer));
    let payments = Payments {
        bank_latency: Duration::from_millis(300),
    };
    // `join!` polls both orders on this one thread: their waits overlap
    // and their lines interleave.
    tokio::join!(handle_order(7, "ada", &[2999, 2000], &payments), async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        handle_order(8, "grace", &[1250], &payments).await;
    });
    info!("all orders done");
}
// ANCHOR_END: two_orders

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
