#!/usr/bin/env bash
# Runs a main class of the article-text module with its class path: builds the module (and what it needs) first.
# Used by the by-hand tools under tools/ (training, ablations); never at build or run time.
# Usage: tools/run-article-text.sh HEAP MAIN_CLASS [ARGS...]   e.g. tools/run-article-text.sh 4g dev.copydesk...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
heap=$1
main=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B -DskipTests install -pl article-text -am)
(cd "$root/article-text" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null)
java "-Xmx$heap" -cp "$root/article-text/target/classes:$(cat "$work/cp.txt")" "$main" "$@"
