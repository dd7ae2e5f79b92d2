#!/usr/bin/env bash
# Fuzz one target for a while on one core, at the lowest priority (or at the
# nice level in COEX_FUZZ_NICE), and print libFuzzer's final figures.
# Usage: fuzz/run.sh TARGET SECONDS [libFuzzer flags...]
#   fuzz/run.sh check_bytes 600
# The corpus grows in fuzz/corpus/TARGET (run fuzz/seed.sh first), crashes
# land in fuzz/artifacts/TARGET; the log is fuzz/artifacts/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"
seconds="$2"
shift 2
case "$target" in
    check_bytes | fmt) flags=(-dict=fuzz/coex.dict -max_len=4096) ;;
    eval_line) flags=(-dict=fuzz/eval.dict) ;;
    # Structure-aware targets: let inputs be long enough for a few rows at once.
    *) flags=(-len_control=0 -max_len=1024) ;;
esac
mkdir -p fuzz/corpus/"$target" fuzz/artifacts
# Safe Rust: no sanitizer (-s none) doubles the speed; libFuzzer still
# catches panics, aborts, stack overflows, timeouts and memory blowups.
nice -n "${COEX_FUZZ_NICE:-19}" cargo +nightly fuzz run -s none "$target" fuzz/corpus/"$target" -- \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 "${flags[@]}" "$@" >fuzz/artifacts/"$target".log 2>&1 || status=$?
grep -E 'DONE|stat::|panicked|deadly signal|ERROR: libFuzzer|Test unit written|SUMMARY' \
    fuzz/artifacts/"$target".log | tail -n 20
exit "${status:-0}"
