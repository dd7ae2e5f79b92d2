#!/usr/bin/env bash
# Time two `coex` binaries on the worst cases of `cargo bench --bench worst`,
# side by side in one run: `coex check` of each case and `coex diff` of the
# crossing pair, best of three, with peak memory, each run stopped after
# TIMEOUT seconds (default 60).
#   benches/worst/before-after.sh BEFORE_COEX AFTER_COEX
# Build the "before" binary from an older commit in a worktree, e.g.
#   git worktree add --detach ../before 40d7327 && (cd ../before && cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/../.."
before="$1"
after="$2"
timeout="${TIMEOUT:-60}"
cases="$(mktemp -d)"
trap 'rm -rf "$cases"' EXIT
COEX_WORST_WRITE="$cases" cargo bench -q --bench worst >/dev/null

# Best of three wall-clock seconds and the largest peak RSS, or `>TIMEOUT`.
measure() {
    local best="" rss=0 seconds kb
    for _ in 1 2 3; do
        /usr/bin/time -o "$cases/time" -f '%e %M' timeout "$timeout" "$@" >/dev/null 2>&1 || true
        read -r seconds kb < <(tail -n 1 "$cases/time")
        if awk "BEGIN{exit !($seconds >= $timeout)}"; then
            echo ">${timeout} s"
            return
        fi
        if [[ -z "$best" ]] || awk "BEGIN{exit !($seconds < $best)}"; then best="$seconds"; fi
        if ((kb > rss)); then rss="$kb"; fi
    done
    printf '%s s, %s MB\n' "$best" "$((rss / 1024))"
}

printf '| case | before | after |\n|---|---|---|\n'
for dir in "$cases"/*/; do
    name="$(basename "$dir")"
    if [[ -d "$dir/old" ]]; then
        b="$(measure "$before" diff "$dir/old" "$dir/new")"
        a="$(measure "$after" diff "$dir/old" "$dir/new")"
        printf '| `coex diff` %s | %s | %s |\n' "$name" "$b" "$a"
    else
        b="$(measure "$before" check --rules "$dir")"
        a="$(measure "$after" check --rules "$dir")"
        printf '| `coex check` %s | %s | %s |\n' "$name" "$b" "$a"
    fi
done
