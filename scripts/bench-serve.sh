#!/usr/bin/env bash
# Drives a Paperboy server with wrk over the page types issue 18 names and prints req/s, p50 and
# p99 for each; with several jars, serves the same data directory from each in turn (never two at
# once) and prints their columns side by side, so before/after numbers come from one run.
#
#   scripts/bench-serve.sh DATA_DIR JAR [JAR...]
#   env: DURATION (10s), WARMUP (3s per page), CONNECTIONS (16), THREADS (2), PORT (18090),
#        ACCEPT_ENCODING ("gzip", what browsers send; "identity" for uncompressed answers),
#        ONLY (a regular expression: measure only the rows whose name matches, e.g. "search"),
#        JAVA_OPTS (more options for the servers' JVM, e.g. "-Dpaperboy.some.setting=1"),
#        MODEL (the embedding model, "none" by default: search is then keyword-only; the default
#        model's name for hybrid search, over a data directory whose papers all have vectors)
#
# The data directory needs papers (./paperboy import --data-dir DIR ../shared/data/...). The
# servers run without harvests and thumbnails and, unless MODEL says otherwise, without the
# embedding model, so no background work competes with the load.
set -euo pipefail
DATA="${1:?usage: bench-serve.sh DATA_DIR JAR [JAR...]}"
shift
[ $# -ge 1 ] || { echo "bench-serve: name at least one jar" >&2; exit 2; }
command -v wrk >/dev/null || { echo "bench-serve: install Debian's wrk: apt-get install wrk" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench-serve: needs python3 to read the data directory" >&2; exit 2; }
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18090}"
ACCEPT_ENCODING="${ACCEPT_ENCODING:-gzip}"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
BASE="http://127.0.0.1:$PORT"

# the busiest listings day, the newest Hugging Face-only day, and papers of each
read -r BUSY HFDAY PAPER < <(python3 - "$DATA/paperboy.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
busy = c.execute("select daily_date from papers where hidden_at is null group by daily_date order by count(*) desc limit 1").fetchone()[0]
hf = c.execute("select daily_date from papers where sources = 'hf-daily' group by daily_date having count(*) >= 10 order by daily_date desc limit 1").fetchone()[0]
paper = c.execute("select id from papers where daily_date = ? order by upvotes desc limit 1", (hf,)).fetchone()[0]
print(busy, hf, paper)
PY
)
WEEK=$(python3 -c "import datetime,sys; y,w,_=datetime.date.fromisoformat('$BUSY').isocalendar(); print(f'{y}-W{w:02d}')")
MONTH="${BUSY:0:7}"
PAGES=(
  "listings day ($BUSY)|/papers/date/$BUSY"
  "HF day ($HFDAY)|/papers/date/$HFDAY"
  "week|/papers/week/$WEEK"
  "month|/papers/month/$MONTH"
  "trending|/papers/trending"
  "paper page|/papers/$PAPER"
  "API busy day|/api/daily_papers?date=$BUSY"
  "API week, 100 items|/api/daily_papers?week=$WEEK&limit=100"
  "API trending|/api/daily_papers?sort=trending"
  "CSS|/static/app.css"
  "search API, keyword|/api/papers/search?q=diffusion+models"
  "search API, 40 queries|@queries"
  "search API, 40 uncached|@uncached"
  "search API, 40 + new word|@fresh"
)
if [ -n "${ONLY:-}" ]; then # e.g. ONLY=search: just the rows whose name matches
  kept=(); for page in "${PAGES[@]}"; do [[ "${page%%|*}" =~ $ONLY ]] && kept+=("$page"); done
  PAGES=("${kept[@]}")
fi
# the 40-query rows cycle through these in turn (one to four words, common and rare), so no index
# block is warm just because the last request asked the same thing; answers are cached per URL,
# so the uncached row adds a parameter the search ignores and makes each URL new: every request
# searches, reads the papers, writes the JSON and compresses it; the new-word row also adds a
# random four-letter word to each query (found in no paper, too short for near spellings), so
# each query's text is new and hybrid search embeds it (the query vectors are cached by text)
QUERIES_LUA=$(mktemp --suffix=.lua)
trap 'rm -f "$QUERIES_LUA"' EXIT
cat >"$QUERIES_LUA" <<'LUA'
local queries = {
  "diffusion+models", "large+language+model+reasoning", "transformer", "graph+neural+networks",
  "reinforcement+learning+from+human+feedback", "vision+language", "mixture+of+experts",
  "retrieval+augmented+generation", "speculative+decoding", "kv+cache+compression",
  "protein+structure", "federated+learning", "contrastive", "quantization", "text+to+image",
  "neural+radiance+fields", "chain+of+thought", "instruction+tuning", "sparse+attention",
  "object+detection", "speech+recognition", "time+series+forecasting", "knowledge+distillation",
  "adversarial+robustness", "bayesian+optimization", "point+cloud", "code+generation",
  "multilingual+translation", "video+generation", "world+models", "state+space+models",
  "low+rank+adaptation", "hallucination", "benchmark", "agents+tool+use", "dark+matter",
  "quantum+error+correction", "optimal+transport", "causal+inference", "medical+imaging",
}
local i, threads = 0, 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
init = function(args)
  row = args[1]
  run = args[2] -- new in every wrk run, so no URL of an earlier run (the warm-up) comes back
  math.randomseed(tonumber(string.sub(run, -9)) + tid)
end
local letters = "bcdfghjklmnpqrstvwxz"
local function word()
  local w = ""
  for _ = 1, 4 do
    local k = math.random(#letters)
    w = w .. string.sub(letters, k, k)
  end
  return w
end
request = function()
  i = i + 1
  local path = "/api/papers/search?q=" .. queries[(i - 1) % #queries + 1]
  if row == "uncached" then
    path = path .. "&nonce=" .. run .. "-" .. tid .. "-" .. i
  elseif row == "fresh" then
    path = path .. "+" .. word()
  end
  return wrk.format("GET", path)
end
LUA

declare -A RESULT
start_server() {
  local jar="$1"
  PAPERBOY_EMBEDDING_MODEL="${MODEL:-none}" PAPERBOY_HARVEST=off PAPERBOY_INGEST=off PAPERBOY_THUMBNAILS=off \
    "$JDK/bin/java" -Xmx1g -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
    --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -jar "$jar" serve --data-dir "$DATA" --port "$PORT" \
    >/tmp/bench-serve-server.log 2>&1 &
  SERVER=$!
  local started=$(date +%s%N)
  until curl -fs -o /dev/null "$BASE/"; do
    kill -0 "$SERVER" 2>/dev/null || { echo "bench-serve: $jar did not start:" >&2; tail -20 /tmp/bench-serve-server.log >&2; exit 1; }
    sleep 0.05
  done
  echo "  $jar: first 200 on / after $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
  # the index follower catches up in the background; wait for it so search is measured whole
  for _ in $(seq 240); do curl -fs "$BASE/readyz" >/dev/null && break; sleep 0.5; done
}
stop_server() {
  echo "  RSS after the load: $(awk '/VmRSS/ {print int($2/1024) " MB"}' /proc/$SERVER/status)" >&2
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
}
measure() { # path -> "req/s p50 p99 errors"
  local out
  local script=() path="$1"
  # @queries and @uncached: the query script, told which row it drives
  if [[ "$1" == @* ]]; then script=(-s "$QUERIES_LUA"); path=/; fi
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: $ACCEPT_ENCODING" "${script[@]}" "$BASE$path" ${script:+-- "${1#@}" "$(date +%s%N)"} 2>&1)
  python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
err = re.search(r"Socket errors: (.*)", out)
print(f"{float(rps):.0f} {p50:.2f} {p99:.2f} {(int(bad.group(1)) if bad else 0) + (1 if err else 0)}")
PY
}

i=0
for jar in "$@"; do
  echo "serving $DATA from $jar" >&2
  start_server "$jar"
  # a warm-up pass over every page first, so the JIT has compiled what each one runs
  for page in "${PAGES[@]}"; do DURATION="${WARMUP:-3s}" measure "${page#*|}" >/dev/null 2>&1 || true; done
  for page in "${PAGES[@]}"; do
    RESULT["$i|${page%%|*}"]=$(measure "${page#*|}")
  done
  stop_server
  i=$((i + 1))
done

printf "%-28s" "wrk -t$THREADS -c$CONNECTIONS -d$DURATION ($ACCEPT_ENCODING)"
for jar in "$@"; do printf " | %-30s" "$(basename "$jar") req/s p50 p99 ms"; done
echo
for page in "${PAGES[@]}"; do
  name="${page%%|*}"
  printf "%-28s" "$name"
  for ((j = 0; j < i; j++)); do
    read -r rps p50 p99 bad <<<"${RESULT["$j|$name"]}"
    printf " | %8s %7s %7s %s" "$rps" "$p50" "$p99" "$([ "$bad" != 0 ] && echo "ERR:$bad" || echo "      ")"
  done
  echo
done
