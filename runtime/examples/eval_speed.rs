//! A quick measure of the string lookup against the typed one, side by side
//! in one run: `cargo run --release -p coex-runtime --example eval_speed`.
//! (The criterion benchmark with the other engines is in `bench/`.)
#![forbid(unsafe_code)]

use std::hint::black_box;
use std::time::Instant;
fn main() {
    let modes = [
        "Islands",
        "SfBOnly",
        "SfBWithTeamsCollab",
        "SfBWithTeamsCollabAndMeetings",
        "TeamsOnly",
    ];
    let mut qs = Vec::new();
    let mut x: u64 = 12345;
    for _ in 0..65536 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let a = modes[(x % 5) as usize];
        let b = ["Teams", "SfB"][((x >> 8) % 2) as usize];
        let c = ["Online", "OnPrem"][((x >> 9) % 2) as usize];
        let d = modes[((x >> 10) % 5) as usize];
        let e = ["InTenant", "Federated"][((x >> 14) % 2) as usize];
        qs.push([
            ("sender_mode", a),
            ("sender_client", b),
            ("sender_homed", c),
            ("recipient_mode", d),
            ("scope", e),
        ]);
    }
    for round in 0..3 {
        let t = Instant::now();
        let mut n = 0usize;
        for _ in 0..20 {
            for q in &qs {
                if black_box(coex_runtime::eval(black_box("route"), black_box(q))).is_ok() {
                    n += 1;
                }
            }
        }
        let ns = t.elapsed().as_nanos() as f64 / (20.0 * qs.len() as f64);
        println!("round {round}: eval {ns:.1} ns/lookup ({n})");
        let t = Instant::now();
        let mut n = 0usize;
        for _ in 0..20 {
            for q in &qs {
                if black_box(coex_runtime::eval(
                    black_box("ROUTE"),
                    black_box(&[q[4], q[3], q[2], q[1], q[0]]),
                ))
                .is_ok()
                {
                    n += 1;
                }
            }
        }
        let ns = t.elapsed().as_nanos() as f64 / (20.0 * qs.len() as f64);
        println!("round {round}: eval shuffled+upper {ns:.1} ns/lookup ({n})");
        use coex_runtime::{Client, Homed, Mode, Scope};
        let typed: Vec<(Mode, Client, Homed, Mode, Scope)> = qs
            .iter()
            .map(|q| {
                (
                    q[0].1.parse().unwrap(),
                    q[1].1.parse().unwrap(),
                    q[2].1.parse().unwrap(),
                    q[3].1.parse().unwrap(),
                    q[4].1.parse().unwrap(),
                )
            })
            .collect();
        let t = Instant::now();
        let mut n = 0usize;
        for _ in 0..200 {
            for &(a, b, c, d, e) in &typed {
                if black_box(coex_runtime::route(black_box(a), b, c, d, e)).is_ok() {
                    n += 1;
                }
            }
        }
        let ns = t.elapsed().as_nanos() as f64 / (200.0 * qs.len() as f64);
        println!("round {round}: typed {ns:.2} ns/lookup ({n})");
        let t = Instant::now();
        let mut m = 0u64;
        for _ in 0..20 {
            for (i, q) in qs.iter().enumerate() {
                m += (i as u64) & 1;
                black_box(q);
            }
        }
        let ns = t.elapsed().as_nanos() as f64 / (20.0 * qs.len() as f64);
        println!("round {round}: empty loop {ns:.1} ns ({m})");
    }
}
