#!/usr/bin/env bash
# Scores the hand-written cleaners cross-validated by site without each of their rules in code, one at a time
# (CodeRuleAblation; ~10 minutes on two cores), on the WCXB dev pages: ../shared/data/wcxb-dev or $1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wcxb=${1:-$root/../shared/data/wcxb-dev}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B -DskipTests install -pl article-text -am)
(cd "$root/article-text" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null)
java -Xmx4g -cp "$root/article-text/target/classes:$(cat "$work/cp.txt")" \
  dev.copydesk.clean.eval.CodeRuleAblation "$wcxb"
