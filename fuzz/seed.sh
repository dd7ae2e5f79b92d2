#!/usr/bin/env bash
# Build the seed corpora fuzz/corpus/<target>/ from the shipped rules, the
# history rule sets and the test fixtures. Run from anywhere; existing corpus
# files are kept (libFuzzer names its own by content hash, so re-seeding is
# harmless).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus"
mkdir -p "$corpus"/{check_bytes,check_rules,fmt,eval_line,diff,codegen}

# Every rule file on its own (check_bytes and fmt), named after its path.
seed_file() {
    local name
    name="$(echo "${1#"$root"/}" | tr '/' '_')"
    cp "$1" "$corpus/check_bytes/$name"
    cp "$1" "$corpus/fmt/$name"
}
while IFS= read -r -d '' file; do
    seed_file "$file"
done < <(find "$root/rules" "$root/tests/fixtures" -name '*.coex' -print0)

# Every rule-set directory as one file (names are global to a rule set, so
# the files of one set concatenated are the same set): these reach the
# analysis rather than stopping at unknown names.
while IFS= read -r -d '' dir; do
    files=("$dir"/*.coex)
    [ -e "${files[0]}" ] || continue
    name="set_$(echo "${dir#"$root"/}" | tr '/' '_')"
    cat "${files[@]}" > "$corpus/check_bytes/$name"
done < <(find "$root/rules" "$root/tests/fixtures" -type d -print0)

# eval_line: every `expect` of the shipped rules as a question in words
# (`route Islands Teams ...`, as `coex eval` takes it), plus batch lines in
# the contract's form.
n=0
grep -h '^ *expect ' "$root"/rules/*.coex | sed -E 's/^ *expect ([a-z_0-9]+)\(([^)]*)\).*/\1 \2/; s/,//g' |
while IFS= read -r question; do
    n=$((n + 1))
    printf '%s\n' "$question" > "$corpus/eval_line/expect_$n"
done
cat > "$corpus/eval_line/batch_route" <<'LINE'
{"decision":"route","inputs":{"sender_mode":"Islands","sender_client":"Teams","sender_homed":"Online","recipient_mode":"SfBOnly","scope":"InTenant"},"explain":true}
LINE
cat > "$corpus/eval_line/batch_meeting" <<'LINE'
{"decision":"meeting","inputs":{"organizer_mode":"Islands","islands_provider":"Teams"}}
LINE
cat > "$corpus/eval_line/batch_presence_impossible" <<'LINE'
{"decision":"presence","inputs":{"publisher_mode":"TeamsOnly","watcher_client":"SfB","scope":"Federated"}}
LINE
cat > "$corpus/eval_line/named_route" <<'LINE'
route sender_mode=TeamsOnly sender_client=Teams sender_homed=OnPrem recipient_mode=upgraded scope=federated
LINE

# check_rules, diff and codegen read their input as a structured rule-set
# description (`arbitrary`), not text: they start from an empty corpus.
for target in check_bytes check_rules fmt eval_line diff codegen; do
    echo "$target: $(find "$corpus/$target" -type f | wc -l) seeds"
done
