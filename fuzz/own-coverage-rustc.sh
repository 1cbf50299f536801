#!/usr/bin/env bash
# The rustc wrapper of the fuzz builds (set in fuzz/.cargo/config.toml): coverage
# instrumentation for claimlint's own code only.
#
# cargo-fuzz passes `-Cpasses=sancov-module` in RUSTFLAGS, which instruments every crate.
# The dependencies (regex, toml, the YAML parser) hold most of the edges and keep yielding
# new ones, so libFuzzer would spend its time in them and its "cov" would not level off
# while claimlint's code had nothing left to give. This drops the pass for every crate
# but claimlint and the fuzz targets. The dependencies are still built, run and checked
# for panics; they only stop steering the fuzzer and counting in "cov".
set -euo pipefail
rustc=$1
shift
crate=
prev=
for arg in "$@"; do
    [ "$prev" = --crate-name ] && crate=$arg
    prev=$arg
done
case $crate in
    claimlint | front_matter | grammars | rule_file | extract) exec "$rustc" "$@" ;;
esac
args=()
for arg in "$@"; do
    [ "$arg" = -Cpasses=sancov-module ] || args+=("$arg")
done
exec "$rustc" ${args[@]+"${args[@]}"}
