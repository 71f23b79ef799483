//! Records which rustc compiles the kit, for `rustc.rs`: its path (cargo's
//! `RUSTC`) and its `-vV` output, which keys the cache of compiler checks.
//! Cargo reruns this script when the toolchain changes (it rebuilds
//! everything then), so the version compiled in is always the one in use.

use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = Command::new(&rustc)
        .arg("-vV")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .replace('\n', "; ")
        })
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=LESSON_KIT_RUSTC={rustc}");
    println!("cargo:rustc-env=LESSON_KIT_RUSTC_VERSION={version}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC");
}
