#!/usr/bin/env bash
# Installs what the platform and its tests need on a fresh Debian machine, and caches the
# native builds outside the repository so a second run costs seconds.
#   scripts/install-deps.sh            everything
#   scripts/install-deps.sh --runtime  only what `./run demo` needs (no PostgreSQL server)
set -euo pipefail

CACHE_DIR="${COMMERCE_CACHE_DIR:-$HOME/.cache/commerce}"
REPO_DIR="$(cd "$(dirname "$0")/.." && pwd)"
RDKAFKA_VERSION=2.15.1
KAFKA_JS_VERSION=1.10.1
ANVIL_VERSION=1.7.1
mkdir -p "$CACHE_DIR"

log() { printf '[install] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
want_pkgs=(libssl-dev zlib1g-dev libzstd-dev liblz4-dev libsasl2-dev libsecp256k1-dev kcat patch)
# Tests only: PostgreSQL, and Chromium for the marketing console's browser test (Playwright drives it; no browser is downloaded).
if [ "${1:-}" != "--runtime" ]; then want_pkgs+=(postgresql chromium); fi
for p in "${want_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt packages: ${need_apt[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# librdkafka 2.15.1: Debian ships 2.0.2, too old for Confluent.Kafka 2.15.1. The npm package of
# Confluent's JavaScript client carries the matching C sources; build the shared library once.
# Three patches (scripts/patches/), to the embedded (mock) broker only:
# - it looked up a fetch's offset by walking the partition's whole retained log from the oldest
#   message set, which made every fetch cost O(log) and took a third of the process's CPU under
#   load; it now searches from the newest;
# - it answered a fetch with one message set (one producer batch) per partition, so a consumer
#   behind the tail paid a round trip per batch; it now returns the following sets too, up to the
#   request's byte limits, as a broker does;
# - it held a fetch that found no data for the whole fetch.wait.max.ms even when data arrived
#   meanwhile, so consumers had to poll with a short wait; an append now releases the held empty
#   answers of fetches on that topic, and the consumer fetches the data at once, as from a broker.
# The cache directory names the patch level, so a machine holding an older build rebuilds once.
RDKAFKA_BUILD="$RDKAFKA_VERSION-p3"
RDKAFKA_SO="$CACHE_DIR/librdkafka-$RDKAFKA_BUILD/librdkafka.so"
if [ ! -f "$RDKAFKA_SO" ]; then
  log "building librdkafka $RDKAFKA_VERSION (about a minute, once per machine)"
  work="$(mktemp -d)"
  (
    cd "$work"
    npm pack --silent "@confluentinc/kafka-javascript@$KAFKA_JS_VERSION" >/dev/null
    tar xzf confluentinc-kafka-javascript-*.tgz
    cd package/deps/librdkafka
    for fix in mock-fetch-from-tail mock-fetch-multiple-msgsets mock-fetch-long-poll; do
      patch -p1 --quiet < "$REPO_DIR/scripts/patches/librdkafka-$fix.patch"
    done
    ./configure --disable-curl --disable-gssapi >/dev/null
    make -C src -j"$(nproc)" lib >/dev/null 2>&1
    mkdir -p "$(dirname "$RDKAFKA_SO")"
    cp src/librdkafka.so.1 "$RDKAFKA_SO.tmp"
    mv "$RDKAFKA_SO.tmp" "$RDKAFKA_SO"
  )
  rm -rf "$work"
fi

# Anvil (a real Ethereum node) ships as an npm package with its binary inside.
ANVIL_DIR="$CACHE_DIR/anvil-$ANVIL_VERSION"
if [ ! -x "$ANVIL_DIR/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" ]; then
  log "installing anvil $ANVIL_VERSION"
  mkdir -p "$ANVIL_DIR"
  (cd "$ANVIL_DIR" && npm install --silent --no-save "@foundry-rs/anvil-linux-amd64@$ANVIL_VERSION" >/dev/null)
fi
ln -sf "$ANVIL_DIR/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" "$CACHE_DIR/anvil"
ln -sf "$RDKAFKA_SO" "$CACHE_DIR/librdkafka.so"
# >>> contract toolchain (owner: contracts/) >>>
# solc 0.8.37 (solcjs) and @openzeppelin/contracts 5.7.0, pinned in contracts/package-lock.json, for
# scripts/build-contracts.sh. Installed into contracts/node_modules; skipped while the lock file is unchanged.
CONTRACTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/contracts"
if [ -f "$CONTRACTS_DIR/package-lock.json" ]; then
  lock_sum="$(sha256sum "$CONTRACTS_DIR/package-lock.json" | cut -d' ' -f1)"
  stamp="$CONTRACTS_DIR/node_modules/.commerce-lock.sha256"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    log "installing the contract toolchain (solc, OpenZeppelin) from contracts/package-lock.json"
    (cd "$CONTRACTS_DIR" && npm ci --silent --no-audit --no-fund >/dev/null)
    echo "$lock_sum" > "$stamp"
  fi
fi
# <<< contract toolchain <<<

log "ready: $CACHE_DIR"
