#!/usr/bin/env bash
# Time from starting the built host on a fresh, empty content root (no configuration: SQLite under
# data/, mails under data/mail/, first administrator created) to GET /health/ready answering 200.
# Usage: bash bench/startup.sh [runs]   (after `dotnet build -c Release src/Host`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
dll=src/Host/bin/Release/net10.0/IndustryWeek.Host.dll
[ -f "$dll" ] || dotnet build -c Release src/Host >/dev/null
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
times=()
for i in $(seq 1 "$runs"); do
  root=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$root" && exec dotnet "$OLDPWD/$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "host exited"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$root"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "fresh start to ready over %d runs: min %d ms, median %d ms, max %d ms\n", NR, a[1], a[int((NR+1)/2)], a[NR]}'
