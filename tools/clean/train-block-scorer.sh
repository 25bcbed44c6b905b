#!/usr/bin/env bash
# Retrains the HTML extractor's block scorer, article-text/src/main/resources/dev/copydesk/clean/html/block-scorer.tsv.gz,
# on the WCXB dev pages (CC BY 4.0): ../shared/data/wcxb-dev beside the repository, or $1. Run by hand when the
# scorer's features or the hand rules it stands beside change; never at build or run time. Deterministic: the same
# pages give the same file. Judge the result with `copydesk clean --eval DIR --folds 5 --learned`, not with the
# pages it was trained on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wcxb=${1:-$root/../shared/data/wcxb-dev}
out=$root/article-text/src/main/resources/dev/copydesk/clean/html/block-scorer.tsv.gz

# the scorer stands beside the hand rules: it is trained on their reading of each page, never on its own
"$root/tools/run-article-text.sh" 4g dev.copydesk.clean.eval.BlockScorerTraining "$wcxb" "$out"
