#!/usr/bin/env bash
# Scores the hand-written cleaners cross-validated by site without each of their rules in code, one at a time
# (CodeRuleAblation; ~10 minutes on two cores), on the WCXB dev pages: ../shared/data/wcxb-dev or $1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wcxb=${1:-$root/../shared/data/wcxb-dev}
"$root/tools/run-article-text.sh" 4g dev.copydesk.clean.eval.CodeRuleAblation "$wcxb"
