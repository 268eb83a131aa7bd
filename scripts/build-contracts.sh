#!/usr/bin/env bash
# Compiles the Solidity contracts (contracts/src) with the pinned solcjs, optimizer on, and writes
# their artifacts (ABI + bytecode JSON, and ContractBytecode.g.cs for the C# wrappers).
#   scripts/build-contracts.sh              into src/Chain/Contracts/Artifacts (commit the result)
#   scripts/build-contracts.sh OUT_DIR      somewhere else (the staleness test compares the two)
# Needs node and npm; installs contracts/node_modules from package-lock.json when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/src/Chain/Contracts/Artifacts}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ ! -f "$root/contracts/node_modules/solc/package.json" ] || [ ! -d "$root/contracts/node_modules/@openzeppelin/contracts" ]; then
  echo "[contracts] npm ci (contracts/node_modules missing)" >&2
  (cd "$root/contracts" && npm ci --silent --no-audit --no-fund >/dev/null)
fi

node "$root/contracts/compile.mjs" "$out"
