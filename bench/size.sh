#!/usr/bin/env bash
# What coex-runtime costs a program that uses it:
#   1. release binary size added: a tiny program that answers `route` through
#      coex-runtime (typed and string-keyed APIs) against the same program
#      without it (same argument handling and printing);
#   2. build time of `cargo build -p coex-runtime --release` from a clean
#      target directory (its build.rs, build-dependencies included).
# Usage: cd bench && ./size.sh      (scratch files go to bench/target/size-probe)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/target/size-probe"
rm -rf "$work"
mkdir -p "$work/with/src" "$work/without/src"

cat >"$work/without/Cargo.toml" <<'EOF'
[package]
name = "probe-without"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]
EOF

cat >"$work/without/src/main.rs" <<'EOF'
#![forbid(unsafe_code)]
// The baseline: the same argument handling and printing, no coex-runtime.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 5 {
        eprintln!("usage: probe SENDER_MODE SENDER_CLIENT SENDER_HOMED RECIPIENT_MODE SCOPE");
        std::process::exit(2);
    }
    let names = ["sender_mode", "sender_client", "sender_homed", "recipient_mode", "scope"];
    for (name, value) in names.iter().zip(&args) {
        println!("{name}={value}");
    }
}
EOF

cat >"$work/with/Cargo.toml" <<EOF
[package]
name = "probe-with"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
coex-runtime = { path = "$root/runtime" }
EOF

cat >"$work/with/src/main.rs" <<'EOF'
#![forbid(unsafe_code)]
// The same program, answering through coex-runtime's typed and string APIs.
use coex_runtime::{Client, Homed, Mode, Scope};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 5 {
        eprintln!("usage: probe SENDER_MODE SENDER_CLIENT SENDER_HOMED RECIPIENT_MODE SCOPE");
        std::process::exit(2);
    }
    let names = ["sender_mode", "sender_client", "sender_homed", "recipient_mode", "scope"];
    for (name, value) in names.iter().zip(&args) {
        println!("{name}={value}");
    }
    let typed = (
        args[0].parse::<Mode>(),
        args[1].parse::<Client>(),
        args[2].parse::<Homed>(),
        args[3].parse::<Mode>(),
        args[4].parse::<Scope>(),
    );
    if let (Ok(a), Ok(b), Ok(c), Ok(d), Ok(e)) = typed {
        match coex_runtime::route(a, b, c, d, e) {
            Ok(out) => println!("typed: lands={} thread={}", out.lands.as_str(), out.thread.as_str()),
            Err(_) => println!("typed: impossible"),
        }
    }
    let pairs: Vec<(&str, &str)> = names.iter().copied().zip(args.iter().map(String::as_str)).collect();
    match coex_runtime::eval("route", &pairs) {
        Ok(outputs) => {
            for (name, value) in outputs {
                println!("eval: {name}={value}");
            }
        }
        Err(_) => println!("eval: error"),
    }
}
EOF

size_of() { stat -c %s "$1"; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }

export CARGO_TARGET_DIR="$work/probe-target"
report() { # $1: label, extra cargo args follow
    local label=$1
    shift
    (cd "$work/without" && cargo build --release --quiet "$@")
    (cd "$work/with" && cargo build --release --quiet "$@")
    local a b
    a=$(size_of "$CARGO_TARGET_DIR/release/probe-without")
    b=$(size_of "$CARGO_TARGET_DIR/release/probe-with")
    echo "| $label | $a ($(kib "$a")) | $b ($(kib "$b")) | $((b - a)) ($(kib $((b - a)))) |"
}

echo "## Release binary size added by coex-runtime"
echo
echo "| profile | without (bytes) | with (bytes) | added (bytes) |"
echo "|---|---:|---:|---:|"
report "release (cargo default)"
report 'release, strip = "symbols"' --config 'profile.release.strip="symbols"'
echo
"$CARGO_TARGET_DIR/release/probe-with" Islands Teams Online SfBOnly InTenant | sed 's/^/    /'
echo

echo "## Build time of coex-runtime from a clean target"
echo
rm -rf "$work/runtime-target"
start=$(date +%s.%N)
cargo build -p coex-runtime --release --quiet --manifest-path "$root/Cargo.toml" --target-dir "$work/runtime-target"
end=$(date +%s.%N)
units=$(find "$work/runtime-target/release/deps" -name '*.rlib' -o -name '*.so' | wc -l)
awk -v s="$start" -v e="$end" -v n="$(nproc)" -v u="$units" \
    'BEGIN { printf "cargo build -p coex-runtime --release, clean target, %d jobs: %.1f s (%d libraries built)\n", n, e - s, u }'
