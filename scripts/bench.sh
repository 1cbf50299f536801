#!/usr/bin/env bash
# Times `claimlint check` with the shipped rules against ripgrep counting matches of the
# same patterns, on generated corpora of several sizes. See docs/performance.md.
#
#   scripts/bench.sh                     # 2,000, 20,000 and 100,000 articles
#   scripts/bench.sh 2000 20000          # chosen sizes
#   SEED=7 WORK=/tmp/bench scripts/bench.sh 20000
#
# Needs ripgrep (`rg`) and GNU time (`/usr/bin/time`, for peak RSS). Corpora are generated
# once per size and seed under $WORK (default target/bench) and reused. Each timing is one
# run after a warm-up read of the corpus (the page cache is warm, as on a CI machine that
# has just checked the archive out). The --cache runs (cold, then warm) are made for sizes
# up to $CACHE_MAX articles (default 20000).
set -euo pipefail

cd "$(dirname "$0")/.."
SEED=${SEED:-1}
WORK=${WORK:-target/bench}
CACHE_MAX=${CACHE_MAX:-20000}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
  SIZES=(2000 20000 100000)
fi

missing=0
if ! command -v rg >/dev/null; then
  echo "bench: ripgrep (rg) is not installed: apt-get install ripgrep (or cargo install ripgrep)" >&2
  missing=1
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: GNU time is not installed: apt-get install time" >&2
  missing=1
fi
[ $missing -eq 0 ] || exit 2

cargo build --release --quiet --bin claimlint --example gen_corpus
BIN=target/release/claimlint
GEN=target/release/examples/gen_corpus
mkdir -p "$WORK"

# ripgrep combines the patterns of -f into one regex, where group names must be unique:
# the named groups become plain groups (counting is unchanged). The patterns already use
# ASCII word boundaries, `(?-u:\b)`, as claimlint's own expansion writes them.
"$BIN" rules patterns | sed -E 's/\(\?P?<[A-Za-z_][A-Za-z0-9_]*>/(?:/g' > "$WORK/patterns.txt"

# `seconds peak_kb` of a command, its stdout to $OUT.
timed() {
  local out=$1
  shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$out" 2> "$WORK/stderr.txt" || true
  tail -n 1 "$WORK/time.txt"
}

echo "claimlint $("$BIN" --version | cut -d' ' -f2), $(rg --version 2>/dev/null | sed -n 1p), $(nproc) cores, $(date +%F)"
echo
printf '| articles | MB | claimlint s | MB/s | articles/s | peak RSS MB | s per 1k articles | rg s | rg peak RSS MB | ratio | claims | rg matching lines | findings |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
cache_rows=()
for n in "${SIZES[@]}"; do
  dir="$WORK/corpus-$n-seed$SEED"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$GEN" --articles "$n" --seed "$SEED" --out "$dir" 2>/dev/null
    touch "$dir/.complete"
  fi
  bytes=$(find "$dir" -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
  find "$dir" -name '*.md' -exec cat {} + > /dev/null # warm the page cache

  read -r rg_s rg_kb < <(timed "$WORK/rg.txt" rg -c -f "$WORK/patterns.txt" "$dir")
  rg_lines=$(awk -F: '{s += $NF} END {print s + 0}' "$WORK/rg.txt")
  read -r cl_s cl_kb < <(timed "$WORK/check.json" "$BIN" check "$dir" --format json)
  claims=$(grep -m1 -o '"claims": [0-9][0-9]*' "$WORK/check.json" | grep -o '[0-9]*$')
  findings=$(grep -m1 -o '"findings": [0-9][0-9]*' "$WORK/check.json" | grep -o '[0-9]*$')
  awk -v n="$n" -v mb="$mb" -v s="$cl_s" -v kb="$cl_kb" -v rs="$rg_s" -v rkb="$rg_kb" \
      -v c="$claims" -v l="$rg_lines" -v f="$findings" 'BEGIN {
    printf "| %d | %s | %.2f | %.1f | %.0f | %.0f | %.3f | %.2f | %.0f | %.2f | %d | %d | %d |\n",
      n, mb, s, mb / s, n / s, kb / 1024, s / (n / 1000), rs, rkb / 1024, s / rs, c, l, f
  }'

  if [ "$n" -le "$CACHE_MAX" ]; then
    rm -rf "$WORK/cache-$n"
    read -r c1_s _ < <(timed "$WORK/c1.json" "$BIN" check "$dir" --format json --cache "$WORK/cache-$n")
    read -r c2_s c2_kb < <(timed "$WORK/c2.json" "$BIN" check "$dir" --format json --cache "$WORK/cache-$n")
    same=$(cmp -s "$WORK/c2.json" "$WORK/check.json" && echo yes || echo NO)
    cache_rows+=("$(awk -v n="$n" -v a="$c1_s" -v b="$c2_s" -v kb="$c2_kb" -v s="$same" \
      'BEGIN {printf "| %d | %.2f | %.2f | %.1f× | %.0f | %s |", n, a, b, a / b, kb / 1024, s}')")
  fi
done

if [ ${#cache_rows[@]} -gt 0 ]; then
  echo
  echo '| articles | --cache first run s | second run s | speed-up | second run peak RSS MB | same output |'
  echo '| ---: | ---: | ---: | ---: | ---: | --- |'
  printf '%s\n' "${cache_rows[@]}"
fi
