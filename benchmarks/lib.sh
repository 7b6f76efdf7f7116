# lib.sh: what the benchmark scripts (run.sh, commit.sh) share. Sourced, not run: expects $root
# (the repository) and $script (the caller's name, for messages) to be set.
#
#   ensure_jar                 builds benchmarks/target/benchmarks.jar when it is missing or older
#                              than any POM or main source/resource file of the reactor
#                              (PAGODA_BUILD=always forces a build, =never skips it); sets $jar
#                              and $java (JAVA_HOME's java if set, else the one on the PATH)
#   with_defaults D... -- A... sets the array $args to the option/value pairs D that the
#                              command-line arguments A do not give themselves

ensure_jar() {
  jar="$root/benchmarks/target/benchmarks.jar"
  local build
  case "${PAGODA_BUILD:-auto}" in
    always) build=yes ;;
    never) build=no ;;
    auto) if jar_is_stale; then build=yes; else build=no; fi ;;
    *) echo "$script: PAGODA_BUILD is auto, always or never" >&2; exit 2 ;;
  esac
  if [ "$build" = yes ]; then
    echo "$script: building benchmarks/target/benchmarks.jar..." >&2
    if ! (cd "$root" && ./mvnw -q -o -pl benchmarks -am package -DskipTests </dev/null >&2); then
      echo "$script: the build failed (see above)" >&2
      exit 1
    fi
  fi
  if [ ! -f "$jar" ]; then
    echo "$script: $jar is missing" >&2
    exit 1
  fi
  java="java"
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  fi
}

# Whether the jar is missing or older than any POM or main source/resource file.
jar_is_stale() {
  [ -f "$jar" ] || return 0
  local newer
  newer="$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main \
    -newer "$jar" -type f -print -quit 2>/dev/null || true)"
  [ -n "$newer" ]
}

with_defaults() {
  local defaults=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    defaults+=("$1")
    shift
  done
  shift # the --
  args=()
  local i a given
  for ((i = 0; i < ${#defaults[@]}; i += 2)); do
    given=no
    for a in "$@"; do
      if [ "$a" = "${defaults[i]}" ]; then
        given=yes
      fi
    done
    if [ "$given" = no ]; then
      args+=("${defaults[i]}" "${defaults[i + 1]}")
    fi
  done
}
