#!/usr/bin/env bash
# Runs one cargo-fuzz target for a while, then says how far it got and whether it had
# stopped finding new paths: when libFuzzer's edge coverage ("cov") and feature count
# ("ft") last grew, as a run count and as minutes before the end.
#
#   scripts/fuzz.sh TARGET [SECONDS]      # e.g. scripts/fuzz.sh grammars 3600
#
# The corpus (fuzz/corpus/TARGET, committed once shrunk with `--cmin`, below; see
# docs/fuzzing.md) is seeded on first use: the seed articles and test articles, or the
# shipped rule files for `rule_file`; the target's
# dictionary, fuzz/dict/TARGET.dict, is passed when there is one. The timestamped
# libFuzzer log is kept in target/fuzz-logs/TARGET.log; a crash leaves its input in
# fuzz/artifacts/TARGET/ and makes the script exit non-zero, and so does an input that
# runs longer than a minute (-timeout=60; libFuzzer's own default is 20 minutes, which let
# a hang in the date grammar sit unnoticed for most of a run). Needs `cargo install
# cargo-fuzz`; runs on stable Rust with RUSTC_BOOTSTRAP=1 and no sanitizer, from fuzz/ so that
# only claimlint's code is instrumented for coverage (fuzz/.cargo/config.toml; docs/fuzzing.md).
set -euo pipefail

#   scripts/fuzz.sh --summary TARGET      # the summary of the last run's log again
#   scripts/fuzz.sh --cmin TARGET         # shrink the corpus before committing it
mode=run
case ${1:-} in
    --summary) mode=summary; shift ;;
    --cmin) mode=cmin; shift ;;
esac
target=${1:?usage: scripts/fuzz.sh [--summary | --cmin] TARGET [SECONDS]}
secs=${2:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/fuzz/corpus/$target
logs=$root/target/fuzz-logs
mkdir -p "$corpus" "$logs"

# For `rule_file`, the committed `grammars` corpus as examples: one rule per value kind
# (`patterns = ['{value}']`), its `[[rule.example]]` texts the corpus inputs, each with
# the published date the `grammars` target derives from the input's first byte, packed
# into files within -max_len. A rule file's examples run the value grammars, and that
# corpus already holds the texts that reach their paths, which `rule_file` would
# otherwise have to find again inside TOML strings. Made at each run, from that corpus
# as it then stands, and never committed (`--cmin` takes them out again).
pack_grammars() {
    [ -d "$root/fuzz/corpus/grammars" ] || return 0
    find "$root/fuzz/corpus/grammars" -type f -print0 | sort -z |
        xargs -0 perl -MEncode -MDigest::MD5=md5_hex -e '
        my $dir = shift;
        my $max = 4096;
        my @examples;
        for my $file (@ARGV) {
            open my $fh, "<:raw", $file or die "$file: $!\n";
            my $bytes = do { local $/; <$fh> };
            next if $bytes eq "";
            my $text = eval { Encode::decode("UTF-8", $bytes, Encode::FB_CROAK) };
            next unless defined $text;
            # A TOML basic string: escape the backslash, the quote and control characters.
            $text =~ s/(["\\])/\\$1/g;
            $text =~ s/([\x00-\x1f\x7f])/sprintf("\\u%04X", ord $1)/ge;
            my $b = ord $bytes;
            my $published = sprintf "%04d-%02d-%02d", 1990 + $b % 60, 1 + $b % 12, 1 + $b % 28;
            push @examples, Encode::encode("UTF-8",
                qq{\n[[rule.example]]\ntext = "$text"\npublished = "$published"\n});
        }
        for my $kind (qw(percentage count quantity date duration)) {
            my $head = qq{[[rule]]\nid = "grammars.$kind"\ntitle = "$kind"\nkind = "$kind"\n}
                . qq{patterns = [\x27{value}\x27]\nmessage = "m"\n};
            my ($body, $n) = ($head, 0);
            my $flush = sub {
                return unless $n;
                my $path = "$dir/grammars-" . md5_hex($body);
                unless (-e $path) {
                    open my $out, ">:raw", $path or die "$path: $!\n";
                    print $out $body;
                }
                ($body, $n) = ($head, 0);
            };
            for my $example (@examples) {
                next if length($head) + length($example) > $max;
                $flush->() if length($body) + length($example) > $max;
                $body .= $example;
                $n++;
            }
            $flush->();
        }
    ' "$1"
}

# Shrinking: libFuzzer's merge keeps the inputs that give the corpus its coverage, under
# their SHA-1 names. For `rule_file` the packed grammars files are in the corpus while it
# merges, so that what it keeps is what adds to them, and are taken out afterwards by
# content (the merge renames them): the next run packs them again.
if [ "$mode" = cmin ]; then
    packed=$(mktemp -d)
    trap 'rm -rf "$packed"' EXIT
    if [ "$target" = rule_file ]; then
        pack_grammars "$packed"
        # Packed files already in the corpus (from a run on an older grammars corpus too)
        # are known by content as well, since the merge renames every file it keeps.
        find "$corpus" -maxdepth 1 -name 'grammars-*' -type f -exec cp -n -t "$packed" {} +
        if [ -n "$(ls -A "$packed")" ]; then
            cp -n "$packed"/* "$corpus"/
        fi
    fi
    before=$(find "$corpus" -type f | wc -l)
    (
        cd "$root/fuzz"
        RUSTC_BOOTSTRAP=1 cargo fuzz cmin -s none -O "$target" "corpus/$target" -- \
            -max_len=4096 -timeout=60 2>&1
    ) >"$logs/$target.cmin.log" || {
        echo "cargo fuzz cmin failed; see $logs/$target.cmin.log" >&2
        exit 1
    }
    removed=0
    for f in "$packed"/*; do
        [ -f "$f" ] || continue
        sum=$(sha1sum <"$f" | cut -c1-40)
        if [ -f "$corpus/$sum" ]; then
            rm -f "$corpus/$sum"
            removed=$((removed + 1))
        fi
    done
    grep -h 'MERGE-OUTER: .* new files' "$logs/$target.cmin.log" || true
    printf '%s: %d inputs before, %d kept' "$target" "$before" "$(find "$corpus" -type f | wc -l)"
    [ "$target" = rule_file ] && printf ' (%d packed grammars files taken out)' "$removed"
    echo
    exit 0
fi

log=$logs/$target.log
status=0
if [ "$mode" = run ]; then
    if [ -z "$(ls -A "$corpus")" ]; then
        case $target in
            rule_file) cp "$root"/rules/*.toml "$corpus"/ ;;
            grammars) cp "$root"/seeds/* "$corpus"/ ;;
            *)
                cp "$root"/seeds/* "$corpus"/
                for f in "$root"/tests/corpus/*/*.md; do
                    cp "$f" "$corpus/$(printf '%s' "$f" | md5sum | cut -c1-16).md"
                done
                ;;
        esac
    fi

    # Hand-written inputs for paths the fuzzer was slow to reach from the articles alone
    # (fuzz/seeds/TARGET: e.g. a `claimlint-disable` list in each front-matter language),
    # added to a kept corpus too.
    if [ -d "$root/fuzz/seeds/$target" ]; then
        cp -n "$root/fuzz/seeds/$target"/* "$corpus"/
    fi

    # For `grammars`, the text of the value grammars' own unit tests too (the string
    # literals in the test modules of src/extract/*.rs, one corpus file each): dates,
    # hedges, fractions and units in the forms the grammars are written for, which the
    # articles alone do not hold. Read from the source at each run, so they follow it.
    if [ "$target" = grammars ]; then
        perl -MDigest::MD5=md5_hex -e '
            my $dir = shift;
            for my $file (@ARGV) {
                open my $fh, "<", $file or die "$file: $!\n";
                my $src = do { local $/; <$fh> };
                my $at = index $src, "#[cfg(test)]";
                next if $at < 0;
                for my $lit (substr($src, $at) =~ /"((?:[^"\\\n]|\\.)*)"/g) {
                    next if length $lit < 2 || $lit =~ /[{\\]/;
                    my $path = "$dir/unit-" . md5_hex($lit);
                    next if -e $path;
                    open my $out, ">", $path or die "$path: $!\n";
                    print $out $lit;
                }
            }
        ' "$corpus" "$root"/src/extract/*.rs
    fi

    # For `rule_file`, the grammars corpus packed as rule files (see pack_grammars).
    if [ "$target" = rule_file ]; then
        pack_grammars "$corpus"
    fi

    # With CLAIMLINT_FUZZ_CONFORMANCE=1, the inputs of the peer's conformance cases as well
    # (../shared/conformance, or $CLAIMLINT_CONFORMANCE; see examples/conformance.rs), one
    # corpus file per input, read from there at that run. Off by default because the
    # corpus is committed and the conformance cases must not be copied into the project:
    # after such a run, do not commit fuzz/corpus/grammars.
    conformance=${CLAIMLINT_CONFORMANCE:-$root/../shared/conformance}
    if [ "$target" = grammars ] && [ "${CLAIMLINT_FUZZ_CONFORMANCE:-}" = 1 ] && [ -d "$conformance" ]; then
        find "$conformance" -name '*.json' -print0 | xargs -0 perl -MJSON::PP -MEncode -MDigest::MD5=md5_hex -e '
            my $dir = shift;
            for my $file (@ARGV) {
                open my $fh, "<", $file or die "$file: $!\n";
                my $cases = eval { decode_json(do { local $/; <$fh> }) };
                next unless ref $cases eq "ARRAY";
                for my $case (@$cases) {
                    my $input = ref $case eq "HASH" ? $case->{Input} : undef;
                    next unless defined $input && !ref $input;
                    my $bytes = Encode::encode("UTF-8", $input);
                    my $path = "$dir/conformance-" . md5_hex($bytes);
                    next if -e $path;
                    open my $out, ">", $path or die "$path: $!\n";
                    print $out $bytes;
                }
            }
        ' "$corpus"
    fi

    # The target's dictionary (fuzz/dict/TARGET.dict): words spliced into inputs, so the
    # fuzzer need not find "per cent" or `claimlint-disable` one byte at a time.
    dict=()
    [ -f "$root/fuzz/dict/$target.dict" ] && dict=(-dict="dict/$target.dict")

    (
        cd "$root/fuzz"
        RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O "$target" "corpus/$target" -- \
            -max_total_time="$secs" -max_len=4096 -timeout=60 -print_final_stats=1 "${dict[@]}" 2>&1
    ) | perl -MPOSIX -ne '$| = 1; print strftime("%s ", localtime), $_' >"$log" || status=$?
fi

# The summary: libFuzzer's status lines read "#RUNS EVENT cov: C ft: F corp: N/...".
perl -ne '
    next unless /^(\d+) #(\d+)\s+(\w+)\s+cov: (\d+) ft: (\d+) corp: (\d+)/;
    my ($t, $run, $event, $cov, $ft, $corp) = ($1, $2, $3, $4, $5, $6);
    $inited = $cov if $event eq "INITED";
    $start //= $t;
    if (!defined $c || $cov > $c) { ($c, $crun, $ct) = ($cov, $run, $t) }
    if (!defined $f || $ft > $f) { ($f, $frun, $ft_t) = ($ft, $run, $t) }
    ($end, $runs, $n) = ($t, $run, $corp);
    # The coverage at the end of every tenth minute; with the coverage at INITED (for a run
    # from a saved corpus, all of that corpus), this shows whether the run still grew.
    my $k = int(($t - $start) / 600);
    $at[$k] = $cov;
    END {
        die "no libFuzzer status lines in the log\n" unless defined $end;
        my $m = sub { sprintf "%.1f", $_[0] / 60 };
        my $rate = $end > $start ? int($runs / ($end - $start)) : $runs;
        printf "%s: %s min, %d runs (%d/s), corpus %d\n", $ARGV, $m->($end - $start), $runs, $rate, $n;
        printf "  cov %d, last grew at run %d, %s min before the end\n", $c, $crun, $m->($end - $ct);
        printf "  ft  %d, last grew at run %d, %s min before the end\n", $f, $frun, $m->($end - $ft_t);
        my @tl = map { defined $at[$_] ? $at[$_] : "-" } 0 .. $#at;
        printf "  cov at INITED %s, at the end of each ten minutes: %s\n", $inited // "-", join(" ", @tl);
    }
' "$log" | sed "s|^$log|$target|"
grep -h '^[0-9]* stat::' "$log" | cut -d' ' -f2- || true
exit "$status"
