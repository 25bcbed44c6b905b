#!/usr/bin/env bash
# Tries the cleaner without each entry of its phrase lists, one at a time, over the WCXB dev pages, and prints each
# entry's effect and verdict (dev.copydesk.clean.eval.RuleAblation). By hand; some 15 minutes on two cores.
# Usage: tools/clean/ablate-rules.sh [WCXB_DIR] > ablation.tsv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wcxb=${1:-$root/../shared/data/wcxb-dev}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B -DskipTests install -pl article-text -am)
(cd "$root/article-text" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null)
java -Xmx3g -cp "$root/article-text/target/classes:$(cat "$work/cp.txt")" dev.copydesk.clean.eval.RuleAblation "$wcxb"
