#!/usr/bin/env bash
# slt.sh: run sqllogictest scripts on Pagoda (dev.pagoda.conformance.slt.SltMain); conformance/slt
# is the same command.
#
#   conformance/slt.sh [--failures N] [--report FILE] [--gaps FILE] [--timeout SECONDS] PATH...
#
# PATH: .test files or folders (searched for .test files). Each file runs on a fresh in-memory
# database; one line per file, then the last line "N passed, M failed, K skipped".
#   --failures N     print the first N failures (file, line, reason, SQL, expected, got)
#   --report FILE    write every failure (file, line, reason, SQL, expected, got) to FILE
#   --gaps FILE      write a Markdown table: per file passed/failed/skipped, top failure reasons
#   --timeout S      time limit of one file, bounding a single record too (default 300; 0: none)
# Examples:
#   conformance/slt.sh ../shared/sqllogictest/evidence ../shared/sqllogictest/select1.test
#   conformance/slt.sh --failures 20 --report /tmp/slt-failures.txt /work/shared/sqllogictest
#
# Works from any directory. Builds first (offline, quietly: ./mvnw -q -o -pl conformance -am
# package -DskipTests from the repository root; SLT_NO_BUILD=1 skips it), then runs the class with
# the reactor's classes and the third-party jars from ~/.m2. JAVA_OPTS passes JVM options.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd -P "$here/.." && pwd)"
cpfile="$here/target/slt.classpath"

if [ "${SLT_NO_BUILD:-0}" != "1" ]; then
  # Maven's output goes to stderr: stdout is the report.
  if ! (cd "$root" && ./mvnw -q -o -B -pl conformance -am package -DskipTests </dev/null >&2); then
    echo "slt: the build failed (see above)" >&2
    exit 2
  fi
fi

# The class path: Maven's own answer when the dependency plugin resolves offline; else the
# reactor modules conformance runs on, plus Caffeine (the page cache; its other dependencies are
# compile-time annotations) at the version the parent POM names.
if ! (cd "$root" && ./mvnw -q -o -B -pl conformance dependency:build-classpath \
    -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime </dev/null >/dev/null 2>&1); then
  repo="${MAVEN_REPO:-$HOME/.m2/repository}"
  caffeine_version="$(sed -n 's:.*<caffeine.version>\(.*\)</caffeine.version>.*:\1:p' "$root/pom.xml")"
  caffeine="$repo/com/github/ben-manes/caffeine/caffeine/$caffeine_version/caffeine-$caffeine_version.jar"
  if [ ! -f "$caffeine" ]; then
    echo "slt: $caffeine not found (build once online to fetch it)" >&2
    exit 2
  fi
  cp=""
  for m in engine jdbc functions-spi sql-parser sql-planner sql-executor storage-pager \
      storage-btree storage-wal; do
    cp="$cp$root/$m/target/classes:"
  done
  printf '%s' "$cp$caffeine" >"$cpfile"
fi

java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
fi
# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS:-} -cp "$here/target/classes:$(cat "$cpfile")" \
  dev.pagoda.conformance.slt.SltMain "$@"
