#!/usr/bin/env bash
# Whole-corpus speed and memory: the cost floor (benches/floor.rs: JSON parsing
# and UAX-29 words only) beside the full bulk pipeline, over a JSONL corpus
# repeated 5 and 20 times.
#
#   benches/whole_corpus.sh CORPUS.jsonl [REPEATS...]      (default repeats: 5 20)
#
# Prints docs/s, the pipeline's share of the floor's speed, the 2-thread
# speed-up and peak RSS (files and standard input). Needs GNU time.
#
# Each of the floor, one thread and two threads runs RUNS times (default 3),
# taking turns, and the fastest run of each counts: on a shared machine the
# slow runs measure the neighbours. Peak RSS is the largest of the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: benches/whole_corpus.sh CORPUS.jsonl [REPEATS...]}
shift
repeats=("$@")
[ ${#repeats[@]} -gt 0 ] || repeats=(5 20)
gnu_time=/usr/bin/time
[ -x "$gnu_time" ] || { echo "needs GNU time at $gnu_time" >&2; exit 2; }

target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet
cargo bench --bench floor --no-run --quiet 2>/dev/null
bin=$target/release/newsgist
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME CMD...: runs CMD with stdout to /dev/null, sets $secs and $rss_mb.
measure() {
  local status=0
  "$gnu_time" -f '%e %M' -o "$tmp/time" "$@" > /dev/null || status=$?
  # bulk exits 1 when some documents failed; that is still a complete run.
  [ $status -le 1 ] || { echo "failed ($status): $*" >&2; exit 1; }
  read -r secs rss_kb < "$tmp/time"
  rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
}

most() { awk -v a="$1" -v b="$2" 'BEGIN { print (b + 0 > a + 0) ? b : a }'; }

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.01) }'; }

printf '%-8s %7s %10s %10s %8s %10s %8s %9s %9s %9s\n' \
  corpus docs floor/s t1/s t1/floor t2/s speedup rss-t1 rss-t2 rss-stdin
for k in "${repeats[@]}"; do
  input=$tmp/x$k.jsonl
  for _ in $(seq "$k"); do cat "$corpus"; done > "$input"
  docs=$(grep -c . "$input")
  floor=0 t1=0 t2=0 rss1=0 rss2=0
  for _ in $(seq "${RUNS:-3}"); do
    f=$(cargo bench --bench floor --quiet -- "$input" 2>/dev/null | sed -n 's/.*= \([0-9]*\) docs\/s.*/\1/p')
    floor=$(most "$floor" "$f")
    measure "$bin" bulk --threads 1 "$input"
    t1=$(most "$t1" "$(rate "$docs" "$secs")"); rss1=$(most "$rss1" "$rss_mb")
    measure "$bin" bulk --threads 2 "$input"
    t2=$(most "$t2" "$(rate "$docs" "$secs")"); rss2=$(most "$rss2" "$rss_mb")
  done
  measure sh -c '"$1" bulk --threads 2 - < "$2"' sh "$bin" "$input"; rss_in=$rss_mb
  printf '%-8s %7d %10d %10d %8s %10d %8s %7sMB %7sMB %7sMB\n' "x$k" "$docs" "$floor" "$t1" \
    "$(awk -v a="$t1" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')" "$t2" \
    "$(awk -v a="$t2" -v b="$t1" 'BEGIN { printf "%.2fx", a / b }')" "$rss1" "$rss2" "$rss_in"
done
