#!/usr/bin/env bash
# Tries the cleaner without each entry of its phrase lists, one at a time, over the WCXB dev pages, and prints each
# entry's effect and verdict (dev.copydesk.clean.eval.RuleAblation). By hand; some 15 minutes on two cores.
# Usage: tools/clean/ablate-rules.sh [WCXB_DIR] > ablation.tsv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wcxb=${1:-$root/../shared/data/wcxb-dev}
"$root/tools/run-article-text.sh" 3g dev.copydesk.clean.eval.RuleAblation "$wcxb"
