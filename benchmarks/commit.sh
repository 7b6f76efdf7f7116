#!/usr/bin/env bash
# commit.sh: commit latency of small transactions, Pagoda against sqlite-jdbc (CommitBenchmark).
#
#   benchmarks/commit.sh [BENCHMARK-REGEX] [JMH OPTIONS...]
#
# Works from any directory. Builds benchmarks/target/benchmarks.jar when it is missing or older than
# any POM or main source file of the reactor (PAGODA_BUILD=always forces a build, =never skips it),
# runs CommitBenchmark with quick settings, writes JMH's JSON to benchmarks/results/commit.json and
# prints Markdown tables (mean, p50, p99): one row per journal mode x synchronous x benchmark, one
# column per engine, and sqlite's time over Pagoda's (> 1: Pagoda is faster).
#
# The quick defaults are -f 1 -wi 2 -w 1s -i 3 -r 1s; an option given on the command line replaces
# its default, and everything else is passed to JMH as it is. Examples:
#   benchmarks/commit.sh                              # everything, about 5 minutes
#   benchmarks/commit.sh -i 10 -r 2s                  # longer measurement
#   benchmarks/commit.sh -p journalMode=wal -p engine=pagoda,sqlite
#   benchmarks/commit.sh 'CommitBenchmark.transaction10'   # a first argument without '-' is the
#                                                           # benchmark regex (default CommitBenchmark)
#   benchmarks/commit.sh -jvmArgsAppend -Djava.io.tmpdir=/mnt/ssd   # databases on another disk
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/benchmarks/results"
json="$results/commit.json"

script=commit.sh
# shellcheck source=lib.sh
. "$root/benchmarks/lib.sh"
ensure_jar

# The benchmark regex, then the quick defaults the command line does not override.
include="CommitBenchmark"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  include="$1"
  shift
fi
defaults=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
with_defaults "${defaults[@]}" -- "$@"

# Other busy processes (a build, tests) make commit latencies noisy: say so before and after.
load_note() {
  if [ -r /proc/loadavg ]; then
    echo "commit.sh: load average $(cut -d' ' -f1-3 /proc/loadavg) ($1) on $(nproc 2>/dev/null || echo '?') cores" >&2
  fi
}

mkdir -p "$results"
rm -f "$json"
command=("$java" -jar "$jar" "$include" "${args[@]}" "$@" -rf json -rff "$json")
echo "commit.sh: ${command[*]}" >&2
load_note before
# JMH exits 0 even when a trial fails (for example a row-count check at teardown): the table then
# shows '-' for it, and JMH's output above says why.
"${command[@]}"

load_note after

if [ ! -f "$json" ]; then
  echo "commit.sh: JMH wrote no results" >&2
  exit 1
fi
echo
echo "Mean time per operation (throughput = 1 / time), $json:"
echo
"$java" -cp "$jar" dev.pagoda.benchmarks.ResultTable "$json" mean
echo
echo "Median latency (steadier than the mean when fsync stalls, see benchmarks/README.md):"
echo
"$java" -cp "$jar" dev.pagoda.benchmarks.ResultTable "$json" p50
echo
echo "99th percentile latency:"
echo
"$java" -cp "$jar" dev.pagoda.benchmarks.ResultTable "$json" p99
