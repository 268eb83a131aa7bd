#!/usr/bin/env bash
# ./run demo [--once] [--port P] [simulator options: --players N --interests M --buy-share F --default-share F
#            --installments K --races R --timeout S]
# Starts the platform embedded (in-process Kafka, SQLite, the seed catalog, its own Anvil dev chain with the contracts
# deployed), waits until it is ready, then walks simulated game clients through the whole flow with the SDK: each
# player has its own wallet funded by the dev faucet, shows interest, receives offers by push, buys (ETH, stablecoin,
# installments; some stop paying, two race for one unique item), pays with its own signed transactions and follows
# its orders to their terminal state; the simulator also plays a marketplace that receives the platform's signed item.sold
# callbacks and checks them; the platform runs one airdrop campaign among the players, who check their tokens on
# chain. Prints the summary. The platform stays up until Ctrl-C; --once exits after the
# summary with the simulator's status (0: every order ended exactly once and every bought NFT is owned on chain).
set -euo pipefail
cd "$(dirname "$0")/.."
once=false; port="${COMMERCE_DEMO_PORT:-5080}"; sim_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --once) once=true ;;
    --port) port="$2"; shift ;;
    --players|--interests|--buy-share|--default-share|--installments|--races|--timeout|--concurrency)
      [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }
      sim_args+=("$1" "$2"); shift ;;
    *) echo "unknown option $1 (use --once, --port P, --players N, --interests M, --buy-share F, --default-share F, --installments K, --races R, --timeout S)" >&2; exit 2 ;;
  esac
  shift
done

started=$SECONDS
build() { # quiet, but the errors are shown when it fails
  local log; log="$(mktemp)"
  if ! dotnet build "$1" -c Release -nologo -v q >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; return 1; fi
  rm -f "$log"
}
echo "Building the platform..."
build src/Host

mkdir -p .data
rm -f .data/demo.db .data/demo.db-wal .data/demo.db-shm
url="http://127.0.0.1:$port"
# The simulator also plays a marketplace ("demo-market"): the platform signs its item.sold callbacks with this secret.
market_port="${COMMERCE_DEMO_MARKET_PORT:-$((port + 1))}"
market_secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)"
# The platform's local CRM (its loyalty connector reads it); the simulator adds its players' accounts there.
crm_port="${COMMERCE_DEMO_CRM_PORT:-$((port + 2))}"
# One airdrop campaign among the simulated players: the platform caps it at this many wallets, the simulator checks it.
airdrop_cap="${COMMERCE_DEMO_AIRDROP_CAP:-8}"
dotnet src/Host/bin/Release/net10.0/commerce.dll demo --Urls "$url" \
  --Store:ConnectionString "Data Source=.data/demo.db" --Logging:LogLevel:Default Warning \
  --Marketplaces:demo-market:Secrets:0 "whsec_$(head -c 32 /dev/urandom | base64 -w0)" \
  --Marketplaces:demo-market:CallbackUrl "http://127.0.0.1:$market_port/callbacks/" \
  --Marketplaces:demo-market:CallbackSecrets:0 "$market_secret" \
  --Crm:Local:Port "$crm_port" --Marketing:Demo:SupplyCap "$airdrop_cap" &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true' EXIT INT TERM

# The simulator builds while the platform starts (Kafka, Anvil and the contracts take a while).
echo "Building the game simulator while the platform starts..."
build unity-client-stub/Commerce.GameSimulator
ready=false
for _ in $(seq 1 900); do
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then ready=true; break; fi
  kill -0 $host_pid 2>/dev/null || { echo "the platform exited during start" >&2; exit 1; }
  sleep 0.2
done
[ "$ready" = true ] || { echo "the platform did not become ready within 3 minutes" >&2; exit 1; }
echo "The platform is ready at $url ($((SECONDS - started)) s after the start); the simulated players begin."

status=0
dotnet unity-client-stub/Commerce.GameSimulator/bin/Release/net10.0/Commerce.GameSimulator.dll \
  --url "$url" --marketplace-port "$market_port" --marketplace-secret "$market_secret" --auction-item skins:10 --crm-url "http://127.0.0.1:$crm_port" --airdrop-cap "$airdrop_cap" ${sim_args[@]+"${sim_args[@]}"} || status=$?

echo "Demo finished $((SECONDS - started)) s after the start (simulator exit code $status)."
if [ "$once" = true ]; then
  exit $status
fi
echo "The platform stays up at $url (OpenAPI at $url/openapi/v1.json). Ctrl-C to stop."
wait $host_pid
