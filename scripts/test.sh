#!/usr/bin/env bash
# Builds once, runs every test project, and prints one closing line with the totals.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build Commerce.sln -c Release -nologo -v q || exit 1
log="$(mktemp)"
dotnet test Commerce.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$passed" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
exit "$status"
