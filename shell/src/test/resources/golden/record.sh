#!/usr/bin/env bash
# Records the expected output of every golden case with the real sqlite3 CLI.
#
#   shell/src/test/resources/golden/record.sh [OUTDIR]     (default: expected/ beside this script)
#
# For each cases/NAME.sql: a fresh directory gets files/* and test.db (made by sqlite3 from
# setup.sql); then sqlite3 runs there with the arguments of cases/NAME.args (one a line; default:
# $DIR/test.db) and NAME.sql on standard input, $DIR standing for that directory in both.
# NAME.out, NAME.err and NAME.rc get its standard output, standard error and exit status
# (the directory's path written back as $DIR); NAME.file gets $DIR/out.txt when the case wrote it.
# GoldenTest runs the pagoda shell the same way and compares; GoldenRecordingTest re-runs this
# script into a temporary directory and checks that the committed files are what sqlite3 prints.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/expected}"
sqlite="${SQLITE3:-/usr/bin/sqlite3}"
mkdir -p "$out"
for case in "$here"/cases/*.sql; do
  name="$(basename "$case" .sql)"
  dir="$(mktemp -d)"
  cp "$here"/files/* "$dir"/
  (cd "$dir" && "$sqlite" test.db < "$here/setup.sql")
  args=("$dir/test.db")
  if [ -f "$here/cases/$name.args" ]; then
    mapfile -t args < <(sed "s|\$DIR|$dir|g" "$here/cases/$name.args")
  fi
  set +e
  (cd "$dir" && sed "s|\$DIR|$dir|g" "$case" | "$sqlite" "${args[@]}" > "$dir/.stdout" 2> "$dir/.stderr")
  echo $? > "$out/$name.rc"
  set -e
  sed "s|$dir|\$DIR|g" "$dir/.stdout" > "$out/$name.out"
  sed "s|$dir|\$DIR|g" "$dir/.stderr" > "$out/$name.err"
  rm -f "$out/$name.file"
  if [ -f "$dir/out.txt" ]; then
    sed "s|$dir|\$DIR|g" "$dir/out.txt" > "$out/$name.file"
  fi
  rm -rf "$dir"
done
