#!/usr/bin/env bash
# Retrains the learned name model, article-text/src/main/resources/dev/copydesk/enrich/name-model.tsv.gz.
# Run by hand when its features or data change; never at build or run time. Needs Maven Central once (NLP4J's
# gazetteer, Apache-2.0) and the WCXB dev pages (CC BY 4.0): ../shared/data/wcxb-dev beside the repository, or $1.
# Deterministic: the same inputs give the same file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wcxb=${1:-$root/../shared/data/wcxb-dev}
m2=${MAVEN_REPO:-$HOME/.m2/repository}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for artifact in edu.emory.mathcs.nlp:nlp4j-english:1.1.3 edu.emory.mathcs.nlp:nlp4j-api:1.1.3 org.tukaani:xz:1.11; do
  mvn -q -B dependency:get -Dartifact="$artifact" -Dtransitive=false
done
nlp4j=$m2/edu/emory/mathcs/nlp
unzip -p "$nlp4j/nlp4j-english/1.1.3/nlp4j-english-1.1.3.jar" \
  edu/emory/mathcs/nlp/lexica/en-named-entity-gazetteers-simplified.xz > "$work/names.xz"
java -cp "$nlp4j/nlp4j-api/1.1.3/nlp4j-api-1.1.3.jar:$m2/org/tukaani/xz/1.11/xz-1.11.jar" \
  "$here/ExportNlp4jNames.java" "$work/names.xz" > "$work/names.tsv"
echo "$(wc -l < "$work/names.tsv") typed names from NLP4J" >&2

"$root/tools/run-article-text.sh" 6g dev.copydesk.enrich.NameModelTrainer \
  "$work/names.tsv" "$wcxb/ground-truth" \
  "$root/article-text/src/test/resources/dev/copydesk/enrich/entity-eval.jsonl" \
  "$root/article-text/src/main/resources/dev/copydesk/enrich/name-model.tsv.gz"
