#!/usr/bin/env bash
# Issue 9's crash proof, ten times over: PipelineCrashIT (broker+registry, enrich-streams, sink and producer as
# separate JVMs; enrich-streams and the sink SIGKILLed twice each at random points, the broker killed and restarted
# once) on SQLite and on PostgreSQL, each run with a new seed over thousands of articles.
#
#   bench/crash-loop.sh [runs=10] [articles=2000]
#
# Needs PostgreSQL at 127.0.0.1:5432 (database test), as the tests do. Prints one line per run and a tally;
# exits non-zero if any run lost or doubled anything. Logs: bench-results/crash-loop-<time>/.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
articles=${2:-2000}
out="bench-results/crash-loop-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
mvn -B -q install -DskipTests >"$out/build.log" 2>&1 || { echo "build failed: $out/build.log"; exit 1; }
passed=0
for run in $(seq 1 "$runs"); do
  seed=$((RANDOM * 32768 + RANDOM))
  start=$(date +%s)
  if mvn -B -o verify -pl launcher -Dtest=PipelineCrashIT -Dsurefire.failIfNoSpecifiedTests=false \
      -Dcopydesk.crash.articles="$articles" -Dcopydesk.crash.seed="$seed" >"$out/run-$run.log" 2>&1; then
    passed=$((passed + 1)); verdict=ok
  else
    verdict=FAILED
  fi
  echo "run $run/$runs seed $seed: $verdict in $(( $(date +%s) - start )) s"
  grep -h "pipeline crash test" "$out/run-$run.log" | sed 's/^/    /'
done
echo "crash loop: $passed/$runs runs passed on SQLite and PostgreSQL ($articles copies each), logs in $out"
[ "$passed" -eq "$runs" ]
