#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of a src project from what the PublicApiAnalyzers report as undeclared
# (RS0016). Run after changing public API on purpose, then review the diff like any other change.
# usage: tools/update-public-api.sh src/PrecisionCloud.Hardware [more projects...]
set -euo pipefail
for project in "$@"; do
  unshipped="$project/PublicAPI.Unshipped.txt"
  printf '#nullable enable\n' > "$unshipped"
  log=$(mktemp)
  dotnet build "$project" --no-incremental -v q -clp:NoSummary >"$log" 2>&1 || true
  grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u >> "$unshipped" || true
  rm -f "$log"
  echo "$unshipped: $(($(wc -l < "$unshipped") - 1)) symbols"
done
