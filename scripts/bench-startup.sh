#!/usr/bin/env bash
# How long `./paperboy serve` takes from the command to its first 200 on `/`, over RUNS starts of
# the same data directory, as a user would start it (the launcher, its class-data archive, the
# JVM flags it passes). The first start after a build runs without the archive and writes it when
# stopped; later starts map it. Prints each start and the median of the starts after the first.
#
#   scripts/bench-startup.sh DATA_DIR [RUNS]     env: PORT (18091)
#
# The servers run without the embedding model, harvests and thumbnails, like bench-serve.sh.
set -euo pipefail
DATA="${1:?usage: bench-startup.sh DATA_DIR [RUNS]}"
RUNS="${2:-5}"
PORT="${PORT:-18091}"
HOME_DIR="$(cd "$(dirname "$0")/.." && pwd)"
export PAPERBOY_EMBEDDING_MODEL=none PAPERBOY_HARVEST=off PAPERBOY_INGEST=off PAPERBOY_THUMBNAILS=off
"$HOME_DIR/paperboy" --version >/dev/null 2>&1 # builds the jar first when it is stale
times=()
for run in $(seq "$RUNS"); do
  started=$(date +%s%N)
  "$HOME_DIR/paperboy" serve --data-dir "$DATA" --port "$PORT" >/tmp/bench-startup-server.log 2>&1 &
  server=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; do
    kill -0 "$server" 2>/dev/null || { echo "bench-startup: the server did not start:" >&2; tail -20 /tmp/bench-startup-server.log >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  echo "start $run: first 200 on / after $ms ms"
  [ "$run" -gt 1 ] && times+=("$ms")
  kill "$server"
  wait "$server" 2>/dev/null || true
done
if [ "${#times[@]}" -gt 0 ]; then
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "median of starts 2-$RUNS: $median ms"
fi
