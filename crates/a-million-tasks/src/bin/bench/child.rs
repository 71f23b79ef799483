//! One child run: a command started, killed after its time limit, and its
//! report line (`scale: wall_s=<s> peak_kib=<KiB> done=<n>`) read.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one child run reported.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done {
        wall: f64,
        peak_kib: u64,
    },
    /// The OS refused a thread: only `done` requests ran.
    Refused {
        done: usize,
        message: String,
    },
    /// Killed after the limit.
    TimedOut {
        limit: Duration,
    },
    Failed(String),
}

/// Runs `command` to its end or until `limit`, and reads its report line.
/// The command's last argument, if a number, is how many requests it was
/// asked for: a report of fewer is a refusal.
pub fn run(mut command: Command, limit: Duration) -> Outcome {
    let mut child = match command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => return Outcome::Failed(format!("cannot start: {e}")),
    };
    // Drain the pipes on threads, so a chatty child never blocks on them.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Outcome::Failed(format!("cannot wait: {e}")),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let Some(status) = status else {
        return Outcome::TimedOut { limit };
    };
    let report = stdout.lines().rev().find_map(|l| l.strip_prefix("scale: "));
    let refusal = || {
        stdout
            .lines()
            .find(|l| l.contains("refused"))
            .map(|l| l.split_once("] ").map_or(l, |(_, m)| m).to_string())
            .unwrap_or_else(|| "the OS refused a thread".into())
    };
    // A refusal the child reported just before it aborted (see `scale`).
    if let Some(report) = report
        && report.contains("refused=1")
    {
        let done = report
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix("done="))
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        return Outcome::Refused {
            done,
            message: refusal(),
        };
    }
    let Some(report) = report.filter(|_| status.success()) else {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        return Outcome::Failed(format!(
            "exited with {status}{}",
            last.map(|l| format!(": {}", l.trim())).unwrap_or_default()
        ));
    };
    let field = |name: &str| {
        report
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .unwrap_or_default()
            .to_string()
    };
    let (Ok(wall), Ok(peak_kib), Ok(done)) = (
        field("wall_s").parse::<f64>(),
        field("peak_kib").parse::<u64>(),
        field("done").parse::<usize>(),
    ) else {
        return Outcome::Failed(format!("unreadable report {report:?}"));
    };
    let asked = command
        .get_args()
        .last()
        .and_then(|a| a.to_str()?.parse::<usize>().ok())
        .unwrap_or(done);
    if done < asked {
        return Outcome::Refused {
            done,
            message: refusal(),
        };
    }
    Outcome::Done { wall, peak_kib }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sh -c <script> sh <args>`: `args` are the command's last arguments.
    fn sh(script: &str, args: &[&str]) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script, "sh"]).args(args);
        command
    }

    #[test]
    fn a_run_over_its_limit_is_stopped() {
        let mut sleep = Command::new("sleep");
        sleep.arg("5");
        let started = Instant::now();
        let outcome = run(sleep, Duration::from_millis(50));
        assert!(matches!(outcome, Outcome::TimedOut { .. }), "{outcome:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_refusal_reported_before_an_abort_is_a_refusal() {
        let child = sh(
            "echo '[abort] the OS refused a thread: no memory'; \
             echo 'scale: wall_s=0 peak_kib=1 done=16368 refused=1'; kill -ABRT $$",
            &[],
        );
        let outcome = run(child, Duration::from_secs(10));
        assert_eq!(
            outcome,
            Outcome::Refused {
                done: 16368,
                message: "the OS refused a thread: no memory".into()
            }
        );
    }

    #[test]
    fn a_report_is_read_and_fewer_done_than_asked_is_a_refusal() {
        let report = "echo noise; echo 'scale: wall_s=1.25 peak_kib=42 done=10'";
        assert_eq!(
            run(sh(report, &["10"]), Duration::from_secs(10)),
            Outcome::Done {
                wall: 1.25,
                peak_kib: 42
            }
        );
        assert_eq!(
            run(sh(report, &["20"]), Duration::from_secs(10)),
            Outcome::Refused {
                done: 10,
                message: "the OS refused a thread".into()
            }
        );
    }

    #[test]
    fn a_failure_says_how_the_child_ended() {
        let outcome = run(
            sh("echo 'first' >&2; echo 'what went wrong' >&2; exit 3", &[]),
            Duration::from_secs(10),
        );
        assert_eq!(
            outcome,
            Outcome::Failed("exited with exit status: 3: what went wrong".into())
        );
        let outcome = run(sh("echo 'scale: wall_s=x'", &[]), Duration::from_secs(10));
        assert!(
            matches!(&outcome, Outcome::Failed(why) if why.starts_with("unreadable report")),
            "{outcome:?}"
        );
    }
}
