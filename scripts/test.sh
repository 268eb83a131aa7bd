#!/usr/bin/env bash
# Builds once, runs every test project, and prints one closing line with the totals.
# The projects run one after another: several of them start Anvil nodes, Kafka clusters and whole
# hosts, and side by side on a 2-core machine they starved each other past their start deadlines.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build Commerce.sln -c Release -nologo -v q || exit 1
log="$(mktemp)"
status=0
for project in tests/*/*.Tests.csproj; do
  # A test that hangs fails after 10 minutes, named, instead of holding the run (no dump: nothing to install for it).
  dotnet test "$project" -c Release --no-build -nologo --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$passed" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
exit "$status"
