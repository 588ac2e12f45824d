#!/usr/bin/env bash
# Scale-out: requests/s with one application node and with two behind nginx (round robin), in
# the same run, on one PostgreSQL. Two pages: an anonymous reader's article page (each node
# sends it from its own page cache) and the article page of the demo's paid member (session
# read from PostgreSQL, rendered per request). Both configurations go through nginx, so the
# proxy's own cost is in both and the ratio is the second node's worth.
#
#   bench/scale-out.sh [CORPUS_TARBALL]        (or CORPUS=... bench/scale-out.sh)
#
# Environment: CORPUS (default ../shared/corpora/livedoor-dev.tar.gz), JAVA, JAR (default
# target/kawaraban.jar), ARTICLES (default 2000), DURATION (default 20s), CONNECTIONS (default
# 64), THREADS (wrk's, default 2), PORT_A and PORT_B (default 8186, 8187), LB_PORT (default
# 8190: nginx, in front of node A alone, then of both), JAVA_OPTS.
#
# Node A runs the embedded PostgreSQL (it loads the corpus); node B is started on A's database
# as on any external PostgreSQL (--spring.datasource.url), with a data directory of its own (its
# Lucene index, built from the database at its first start). Requires nginx and wrk (installed
# with apt-get when missing), curl and jq. The corpus is extracted to a temp dir, never copied
# into the project.
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/lib.sh # ROOT, CORPUS, JAVA, JAR, DURATION, CONNECTIONS, THREADS, the demo password; helpers
ARTICLES=${ARTICLES:-2000}
PORT_A=${PORT_A:-8186}
PORT_B=${PORT_B:-8187}
LB_PORT=${LB_PORT:-8190}

[[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kawaraban-scale-out.XXXXXX)
PID_A= PID_B= NGINX_PID=
cleanup() {
    for pid in $PID_B $PID_A; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
    rm -rf "$WORK/corpus" "$WORK/a" "$WORK/b"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
LOGS="$WORK/*.log"
died() { echo "a node died while waiting for $1; see $WORK/*.log" >&2; }
echo "== work dir: $WORK; machine: $(nproc) cores, load: $(uptime | sed 's/.*load average: //')"

install_tools
build_jar_if_missing
require_free_ports "$PORT_A" "$PORT_B" "$LB_PORT"

mkdir -p "$WORK/a" "$WORK/b" "$WORK/nginx/tmp"
chmod 755 "$WORK"
extract_corpus

echo "== node A: embedded PostgreSQL, $ARTICLES corpus articles"
KAWARABAN_JAVA="$JAVA" KAWARABAN_JAR="$JAR" KAWARABAN_JAVA_OPTS="${JAVA_OPTS:-}" ./kawaraban \
    --server.port="$PORT_A" --kawaraban.data-dir="$WORK/a" \
    --kawaraban.demo-corpus.dir="$CORPUS_DIR" --kawaraban.demo-corpus.articles="$ARTICLES" >"$WORK/a.log" 2>&1 &
PID_A=$!
wait_for 300 "node A's health" "$PID_A" health_up "$PORT_A"
wait_for 900 "the corpus load" "$PID_A" grep -qE 'Demo corpus: (loaded|.*already loaded)' "$WORK/a.log"
wait_for 1800 "node A's background indexing" "$PID_A" idle "$PID_A"
PG_PORT=$(grep -oE 'Embedded PostgreSQL started on port [0-9]+' "$WORK/a.log" | tail -1 | awk '{ print $NF }')
[[ -n $PG_PORT ]] || { echo "node A's database port not found in its log" >&2; exit 1; }

echo "== node B: on node A's PostgreSQL (port $PG_PORT), a data directory of its own"
KAWARABAN_JAVA="$JAVA" KAWARABAN_JAR="$JAR" KAWARABAN_JAVA_OPTS="${JAVA_OPTS:-}" ./kawaraban \
    --server.port="$PORT_B" --kawaraban.data-dir="$WORK/b" --kawaraban.demo=true \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/kawaraban" \
    --spring.datasource.username=postgres --spring.datasource.password= >"$WORK/b.log" 2>&1 &
PID_B=$!
wait_for 300 "node B's health" "$PID_B" health_up "$PORT_B"
wait_for 1800 "node B's index built" "$PID_B" idle "$PID_B"

# nginx on LB_PORT, in front of the nodes named (ports); restarted for each configuration so
# both go through the same proxy on the same port.
start_nginx() {
    [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
    local servers=""
    for port in "$@"; do servers+="server 127.0.0.1:$port; "; done
    cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp;
    proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp;
    uwsgi_temp_path $WORK/nginx/tmp;
    scgi_temp_path $WORK/nginx/tmp;
    upstream nodes { $servers keepalive 64; }
    server {
        listen 127.0.0.1:$LB_PORT;
        location / {
            proxy_pass http://nodes;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host:\$server_port;
            proxy_set_header X-Forwarded-For \$remote_addr;
        }
    }
}
NGINX
    "$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>"$WORK/nginx/stderr.log" &
    NGINX_PID=$!
    wait_for 20 "nginx" "$NGINX_PID" curl -sf -o /dev/null "$LB/actuator/health"
}
LB=http://127.0.0.1:$LB_PORT
start_nginx "$PORT_A" "$PORT_B"

ID=$(curl -sf "$LB/api/v1/articles?size=1" | jq -r '.articles[0].id')
PAID_ID=$(curl -sf "$LB/api/v1/articles?size=50" | jq -r '[.articles[] | select(.accessLevel == "paid")][0].id // empty')
PAID_ID=${PAID_ID:-$ID}
COOKIES=$WORK/member-cookies.txt
CSRF=$(curl -sf -c "$COOKIES" "$LB/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -sf -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "email=paid@example.com" \
    --data-urlencode "password=$KAWARABAN_DEMO_PASSWORD" --data-urlencode "_csrf=$CSRF" "$LB/login"
SESSION=$(awk '$6 == "KAWARABAN_SESSION" { print $7 }' "$COOKIES")
[[ -n $SESSION ]] || { echo "log-in as the paid member failed" >&2; exit 1; }
# The member's session is in PostgreSQL: both nodes must answer it as the member's page.
for port in $PORT_A $PORT_B; do
    # The page is read whole before it is searched: `grep -q` stops at the first match, and with
    # pipefail the curl it cut off (exit 23) would fail the check though the page was right.
    page=$(curl -sf -H "Cookie: KAWARABAN_SESSION=$SESSION" "http://127.0.0.1:$port/articles/$PAID_ID") \
        && grep -q 'action="/logout"' <<<"$page" \
        || { echo "node on port $port does not know the member's session" >&2; exit 1; }
done
echo "== pages: anonymous /articles/$ID, member /articles/$PAID_ID"

load() { # page, setup, port, header...
    local page=$1 setup=$2 port=$3; shift 3
    local url=http://127.0.0.1:$port/articles/$([[ $page == member ]] && echo "$PAID_ID" || echo "$ID")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$@" "$url" >/dev/null
    echo "== $page, $setup: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" | tee "$WORK/wrk-$page-$setup.txt"
}
MEMBER=(-H "Cookie: KAWARABAN_SESSION=$SESSION")
start_nginx "$PORT_A"
load anonymous one "$LB_PORT"
load member one "$LB_PORT" "${MEMBER[@]}"
start_nginx "$PORT_A" "$PORT_B"
load anonymous two "$LB_PORT"
load member two "$LB_PORT" "${MEMBER[@]}"

echo
echo "== results ($(nproc) cores shared by PostgreSQL, both nodes, nginx and wrk; load now: $(uptime | sed 's/.*load average: //'))"
printf '%-22s %10s %10s %10s %8s  %s\n' page/setup "req/s" p50 p99 "two/one" errors
for page in anonymous member; do
    one=$WORK/wrk-$page-one.txt two=$WORK/wrk-$page-two.txt
    ratio=$(awk -v o="$(rps "$one")" -v t="$(rps "$two")" 'BEGIN { printf "%.2f", t / o }')
    printf '%-22s %10s %10s %10s %8s  %s\n' "$page, one node" "$(rps "$one")" "$(pct "$one" 50%)" "$(pct "$one" 99%)" "" "$(errors "$one")"
    printf '%-22s %10s %10s %10s %8s  %s\n' "$page, two nodes" "$(rps "$two")" "$(pct "$two" 50%)" "$(pct "$two" 99%)" "$ratio" "$(errors "$two")"
done
echo "(two/one: requests/s with two nodes behind nginx over one node behind the same nginx)"
echo "logs and wrk output: $WORK"
