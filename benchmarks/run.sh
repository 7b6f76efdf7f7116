#!/usr/bin/env bash
# run.sh: the comparative suite (W1..W10: Pagoda against sqlite-jdbc and H2), or the micro benchmarks
# with an allocation profile.
#
#   benchmarks/run.sh [--quick | --micro] [BENCHMARK-REGEX] [JMH OPTIONS...]
#
# Works from any directory. Builds benchmarks/target/benchmarks.jar when it is missing or older than
# any POM or main source file of the reactor (PAGODA_BUILD=always forces a build, =never skips it).
#
#   (default)  the comparative workloads W1..W10 with -f 1 -wi 2 -w 2s -i 3 -r 2s (about 8 minutes
#              on 2 cores); JMH JSON to benchmarks/results/compare.json, the Markdown table (throughput
#              per engine, Pagoda's ratio to each peer, > 1: Pagoda is faster) with the machine it ran
#              on to benchmarks/results/compare.md and stdout
#   --quick    the same with -f 1 -wi 1 -w 1s -i 3 -r 1s (about 4 minutes): for development, noisy
#   --micro    the micro benchmarks (every *Benchmark class but CommitBenchmark and FunctionBenchmark)
#              with -prof gc and -f 1 -wi 2 -w 1s -i 3 -r 1s; results/micro.json and micro.md: score
#              and gc.alloc.rate.norm (bytes allocated per operation)
#
# An option given on the command line replaces its default; everything else goes to JMH as it is.
# A first argument without '-' replaces the benchmark regex. Examples:
#   benchmarks/run.sh --quick 'W[23][A-Z]'           # W2 and W3 only
#   benchmarks/run.sh -p engine=pagoda,sqlite        # without H2
#   benchmarks/run.sh -jvmArgsAppend -Djava.io.tmpdir=/mnt/ssd   # databases on another disk
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/benchmarks/results"

mode=compare
case "${1:-}" in
  --quick) mode=quick; shift ;;
  --micro) mode=micro; shift ;;
esac

case "$mode" in
  compare)
    name=compare
    include='\.W[0-9]+[A-Za-z]+\.'
    defaults=(-f 1 -wi 2 -w 2s -i 3 -r 2s)
    extra=()
    ;;
  quick)
    name=compare
    include='\.W[0-9]+[A-Za-z]+\.'
    defaults=(-f 1 -wi 1 -w 1s -i 3 -r 1s)
    extra=()
    ;;
  micro)
    name=micro
    include='\.[A-Za-z]+Benchmark\.'
    defaults=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
    extra=(-e 'CommitBenchmark|FunctionBenchmark' -prof gc)
    ;;
esac
flag=""
if [ "$mode" != compare ]; then flag=" --$mode"; fi
json="$results/$name.json"
md="$results/$name.md"

script=run.sh
# shellcheck source=lib.sh
. "$root/benchmarks/lib.sh"
ensure_jar

if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  include="$1"
  shift
fi
with_defaults "${defaults[@]}" -- "$@"

load() {
  if [ -r /proc/loadavg ]; then cut -d' ' -f1-3 /proc/loadavg; else echo '?'; fi
}

mkdir -p "$results"
rm -f "$json" "$md"
command=("$java" -jar "$jar" "$include" "${args[@]}" "${extra[@]}" "$@" -rf json -rff "$json")
echo "run.sh: ${command[*]}" >&2
load_before="$(load)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
seconds_before=$SECONDS
# JMH exits 0 even when a trial fails (a wrong answer throws): the table then shows '-' for it,
# and JMH's output above says why.
"${command[@]}"
minutes=$(( (SECONDS - seconds_before + 30) / 60 ))
load_after="$(load)"

if [ ! -f "$json" ]; then
  echo "run.sh: JMH wrote no results" >&2
  exit 1
fi

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null || true)" ]; then
  commit="$commit (with uncommitted changes)"
fi
memory="$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '?')"
jdk="$("$java" -XshowSettings:properties -version 2>&1 \
  | awk -F' = ' '/^ *java.vm.name/ { n = $2 } /^ *java.runtime.version/ { v = $2 } END { print n " " v }')"
options="${args[*]} ${extra[*]:-} $*"
options="$(echo "$options" | tr -s ' ' | sed 's/^ //; s/ $//')"
{
  if [ "$name" = compare ]; then
    echo "Comparative suite (\`benchmarks/run.sh${flag}\`, JMH \`$options\`):"
    echo "throughput in operations per second (one operation per workload as in benchmarks/README.md),"
    echo "± JMH's 99.9% error; \`pagoda/sqlite\` and \`pagoda/h2\` above 1 when Pagoda is faster."
  else
    echo "Micro benchmarks (\`benchmarks/run.sh --micro\`, JMH \`$options\`):"
    echo "score ± JMH's 99.9% error, and bytes allocated per operation (\`gc.alloc.rate.norm\`)."
  fi
  echo
  echo "Machine: $(nproc 2>/dev/null || echo '?') cores, $memory, $(uname -sr), $jdk;" \
    "load average $load_before before, $load_after after;" \
    "started $started, took about $minutes min; commit $commit."
  echo
  if [ "$name" = compare ]; then
    "$java" -cp "$jar" dev.pagoda.benchmarks.ResultTable --compare "$json"
  else
    "$java" -cp "$jar" dev.pagoda.benchmarks.ResultTable --micro "$json"
  fi
} >"$md"
echo
cat "$md"
echo
echo "run.sh: wrote $json and $md" >&2
