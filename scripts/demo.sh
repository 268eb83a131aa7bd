#!/usr/bin/env bash
# ./run demo [--once] [--players N] [--interests M]
# Starts the platform embedded (in-process Kafka, SQLite, seed catalog) and walks simulated game
# clients through it with the SDK. The platform stays up until Ctrl-C; --once stops after the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
once=false; players=20; interests=5; port="${COMMERCE_DEMO_PORT:-5080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --once) once=true ;;
    --players) players="$2"; shift ;;
    --interests) interests="$2"; shift ;;
    --port) port="$2"; shift ;;
    *) echo "unknown option $1 (use --once, --players N, --interests M, --port P)" >&2; exit 2 ;;
  esac
  shift
done

dotnet build src/Host -c Release -nologo -v q >/dev/null
dotnet build unity-client-stub/Commerce.GameSimulator -c Release -nologo -v q >/dev/null

mkdir -p .data
rm -f .data/demo.db .data/demo.db-wal .data/demo.db-shm
url="http://127.0.0.1:$port"
dotnet src/Host/bin/Release/net10.0/commerce.dll demo --Urls "$url" \
  --Store:ConnectionString "Data Source=.data/demo.db" --Logging:LogLevel:Default Warning &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  curl -fsS "$url/health/ready" >/dev/null 2>&1 && break
  kill -0 $host_pid 2>/dev/null || { echo "the platform exited during start" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$url/health/ready" >/dev/null || { echo "the platform did not become ready" >&2; exit 1; }

items="dragons:1,dragons:2,dragons:5,blades:1,blades:4,skins:2,skins:7,skins:9"
status=0
dotnet unity-client-stub/Commerce.GameSimulator/bin/Release/net10.0/Commerce.GameSimulator.dll \
  --url "$url" --players "$players" --interests "$interests" --items "$items" || status=$?

if [ "$once" = true ]; then
  exit $status
fi
echo "The platform stays up at $url (OpenAPI at $url/openapi/v1.json). Ctrl-C to stop."
wait $host_pid
