//! The benchmark's child process: runs one variant of the lesson on real
//! time and reports what it cost. The benchmark (`--bin bench`, also
//! `cargo xtask bench scale`) runs it many times; by hand:
//!
//! ```text
//! cargo run --release -p lesson-a-million-tasks --bin scale -- spawn 1000000
//! cargo run --release -p lesson-a-million-tasks --bin scale -- spawn-join thread 10000
//! ```
//!
//! Its last line is `scale: wall_s=<s> peak_kib=<KiB> done=<requests>`:
//! the time from building the runtime to the last request joined, and the
//! process's peak resident memory (`VmHWM` from `/proc/self/status`).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use lesson_a_million_tasks::{
    SPAWN_JOIN, VARIANTS, WAIT, join_all, join_all_multi_thread, join_all_unconstrained, spawn,
    spawn_multi_thread, threads,
};
use tokio::runtime::{Builder, Runtime};

fn current_thread() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current_thread runtime builds")
}

fn multi_thread() -> Runtime {
    Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a multi_thread runtime builds")
}

/// The process's peak resident set, in KiB (0 where there is no `/proc`).
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status.lines().find_map(|l| {
                l.strip_prefix("VmHWM:")
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            })
        })
        .unwrap_or(0)
}

/// The number of threads of this process, from `/proc/self/status`.
fn live_threads() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("Threads:")?.trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Near the limit of memory mappings (`vm.max_map_count`), a thread can be
/// created and then fail to map its signal stack: std panics in it, the
/// panic cannot unwind, and the process aborts. `threads::requests` cannot see
/// that, so this hook reports it before the abort, as a refusal.
fn report_refused_threads() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // (`PanicHookInfo::payload_as_str` does this from Rust 1.91; the
        // workspace supports 1.88.)
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or_default();
        if message.contains("alternative stack") || message.contains("failed to spawn thread") {
            println!("[abort] the OS refused a thread: {message}");
            println!(
                "scale: wall_s=0 peak_kib={} done={} refused=1",
                peak_kib(),
                live_threads().saturating_sub(1)
            );
        }
        default(info);
    }));
}

/// Runs `variant` with `n` requests; returns how many ran.
fn requests(variant: &str, n: usize) -> Option<usize> {
    match variant {
        "spawn" => current_thread().block_on(spawn::requests(n, WAIT)),
        "join-all" => current_thread().block_on(join_all::requests(n, WAIT)),
        "join-all-unconstrained" => {
            current_thread().block_on(join_all_unconstrained::requests(n, WAIT))
        }
        "spawn-multi-thread" => multi_thread().block_on(spawn_multi_thread::requests(n, WAIT)),
        "join-all-multi-thread" => {
            multi_thread().block_on(join_all_multi_thread::requests(n, WAIT))
        }
        "threads" => {
            report_refused_threads();
            return Some(threads::requests(n, WAIT));
        }
        _ => return None,
    }
    Some(n)
}

/// Spawns and joins `k` trivial tasks (or threads) one after the other.
fn spawn_join(how: &str, k: usize) -> bool {
    match how {
        "current-thread" => current_thread().block_on(async {
            for _ in 0..k {
                tokio::spawn(async {}).await.expect("a trivial task");
            }
        }),
        "multi-thread-block-on" => multi_thread().block_on(async {
            for _ in 0..k {
                tokio::spawn(async {}).await.expect("a trivial task");
            }
        }),
        "multi-thread-task" => multi_thread().block_on(async {
            tokio::spawn(async move {
                for _ in 0..k {
                    tokio::spawn(async {}).await.expect("a trivial task");
                }
            })
            .await
            .expect("the spawning task");
        }),
        "thread" => {
            for _ in 0..k {
                std::thread::spawn(|| {}).join().expect("a trivial thread");
            }
        }
        _ => return false,
    }
    true
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: scale <variant> <n> | scale spawn-join <how> <k>\n\
         variants: {}\nways to spawn and join: {}",
        VARIANTS
            .iter()
            .map(|v| v.name)
            .collect::<Vec<_>>()
            .join(", "),
        SPAWN_JOIN
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let started = Instant::now();
    let done = match args.as_slice() {
        ["spawn-join", how, k] => {
            let Ok(k) = k.parse::<usize>() else {
                return usage();
            };
            if !spawn_join(how, k) {
                return usage();
            }
            k
        }
        [variant, n] => {
            let Ok(n) = n.parse::<usize>() else {
                return usage();
            };
            match requests(variant, n) {
                Some(done) => done,
                None => return usage(),
            }
        }
        _ => return usage(),
    };
    let wall: Duration = started.elapsed();
    println!(
        "scale: wall_s={:.6} peak_kib={} done={done}",
        wall.as_secs_f64(),
        peak_kib()
    );
    ExitCode::SUCCESS
}
