#!/usr/bin/env bash
# How a fuzz target's coverage of claimlint's own code grew over its runs: replays the
# saved corpus (fuzz/corpus/TARGET) as it stood at POINTS moments, taken from the times
# libFuzzer wrote each input, and counts the edges covered in this repository's src/
# ("own") beside libFuzzer's count for the whole binary ("all", which includes the regex,
# TOML and YAML crates). When "own" stops growing, the target has stopped finding new
# paths in claimlint, whatever the dependencies still yield.
#
#   scripts/fuzz-coverage.sh TARGET [POINTS]      # e.g. scripts/fuzz-coverage.sh grammars 8
#   scripts/fuzz-coverage.sh TARGET DIR...        # the same counts for whole corpus copies
#
# The second form compares copies of a corpus taken at moments of a run (cp -r while it
# runs, then again at its end): with no reduction artefact, the same "own" count for an
# early and a late copy means the run found nothing new in claimlint's code between them.
#
# libFuzzer names covered functions only with a sanitizer runtime, so this builds the
# target once more with AddressSanitizer (into target/fuzz-asan, or $FUZZ_ASAN_DIR).
set -euo pipefail

target=${1:?usage: scripts/fuzz-coverage.sh TARGET [POINTS | DIR...]}
shift
points=8
dirs=()
if [ $# -gt 0 ] && [ -d "$1" ]; then
    dirs=("$@")
elif [ $# -gt 0 ]; then
    points=$1
fi
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/fuzz/corpus/$target
asan=${FUZZ_ASAN_DIR:-$root/target/fuzz-asan}
bin=$asan/x86_64-unknown-linux-gnu/release/$target
[ -d "$corpus" ] || { echo "no corpus at $corpus: run scripts/fuzz.sh $target first" >&2; exit 2; }
(cd "$root/fuzz" && RUSTC_BOOTSTRAP=1 cargo fuzz build -O --target-dir "$asan" "$target" >&2)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Counts the own and all edges of the corpus in directory $1 into $own and $all. Any
# artefact libFuzzer writes on the way (a `slow-unit-*` for an input over ten seconds,
# which the AddressSanitizer build makes likelier) goes into the scratch folder, not the
# caller's working directory.
count() {
    "$bin" -runs=0 -print_coverage=1 -artifact_prefix="$work/" "$1" >"$work/out" 2>&1 || true
    own=$(grep '^COVERED_FUNC' "$work/out" | grep -F " $root/src/" |
        sed -E 's/.* edges: ([0-9]+)\/.*/\1/' | awk '{ s += $1 } END { print s + 0 }')
    all=$(grep -m1 -oE 'INITED cov: [0-9]+' "$work/out" | grep -oE '[0-9]+$' || echo "?")
}

if [ ${#dirs[@]} -gt 0 ]; then
    printf '%8s %6s %6s  %s\n' inputs own all corpus
    for d in "${dirs[@]}"; do
        count "$d"
        printf '%8d %6d %6s  %s\n' "$(find "$d" -type f | wc -l)" "$own" "$all" "$d"
    done
else
    # Every input with the time it was written, oldest first.
    find "$corpus" -type f -printf '%T@ %p\n' | sort -n >"$work/files"
    first=$(head -n 1 "$work/files" | cut -d' ' -f1)
    last=$(tail -n 1 "$work/files" | cut -d' ' -f1)

    printf '%8s %8s %6s %6s\n' minute inputs own all
    for k in $(seq 1 "$points"); do
        at=$(perl -e "printf '%.3f', $first + ($last - $first) * $k / $points")
        rm -rf "$work/snap" && mkdir "$work/snap"
        awk -v at="$at" '$1 <= at { print $2 }' "$work/files" | xargs -r ln -t "$work/snap"
        n=$(find "$work/snap" -type f | wc -l)
        count "$work/snap"
        printf '%8.1f %8d %6d %6s\n' "$(perl -e "print(($at - $first) / 60)")" "$n" "$own" "$all"
    done
fi
# The own functions with edges never reached, most first: where to look next.
echo "own functions with the most edges not reached (covered/total):"
grep -E '^(UN)?COVERED_FUNC' "$work/out" | grep -F " $root/src/" |
    perl -ne 'printf "%6d %s/%s %s %s\n", $2 - $1, $1, $2, $3, $4 if /edges: (\d+)\/(\d+) (\S+) (\S+)/' |
    sort -rn | head -n 8 | sed "s|$root/||"
