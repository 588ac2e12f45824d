#!/usr/bin/env bash
# Article page throughput: the app's /articles/{id} against nginx serving the same HTML
# as a static file, with 10,000 extra articles from the livedoor news corpus in the database.
#
#   bench/article-page.sh [CORPUS_TARBALL]        (or CORPUS=... bench/article-page.sh)
#
# Environment: CORPUS (default ../shared/corpora/livedoor-dev.tar.gz), JAVA (the JDK to run
# the app with), JAR (default target/kawaraban.jar: another build to compare), ARTICLES (default 10000), DURATION (default 20s), CONNECTIONS (default 64).
# The corpus is extracted to a temp dir and never copied into the project.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=${1:-${CORPUS:-$ROOT/../shared/corpora/livedoor-dev.tar.gz}}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-target/kawaraban.jar}
ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
APP=http://127.0.0.1:8080
STATIC=http://127.0.0.1:8081

[[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kawaraban-bench.XXXXXX)
APP_PID=
NGINX_PID=
cleanup() {
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
    rm -rf "$WORK/corpus" "$WORK/data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== work dir: $WORK"

# --- tools ---------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    echo "== installing wrk and nginx"
    apt-get install -y wrk nginx >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk nginx >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [[ $JAR == target/kawaraban.jar && ! -f $JAR ]]; then
    echo "== building target/kawaraban.jar"
    ./mvnw -q -DskipTests package
fi

for port in 8080 8081; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        echo "port $port is already in use; stop whatever listens there first" >&2
        exit 1
    fi
done

# --- corpus and app ------------------------------------------------------
mkdir -p "$WORK/corpus" "$WORK/data" "$WORK/static" "$WORK/nginx"
chmod 755 "$WORK" "$WORK/static"   # nginx workers run as an unprivileged user
tar -xzf "$CORPUS" -C "$WORK/corpus"
CORPUS_DIR=$WORK/corpus/livedoor
[[ -d $CORPUS_DIR ]] || CORPUS_DIR=$WORK/corpus

echo "== starting the app ($("$JAVA" -version 2>&1 | head -1))"
START=$(date +%s)
"$JAVA" -jar "$JAR" --kawaraban.data-dir="$WORK/data" \
    --kawaraban.demo-corpus.dir="$CORPUS_DIR" --kawaraban.demo-corpus.articles="$ARTICLES" \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!

wait_for() { # seconds, description, command...
    local limit=$1 what=$2; shift 2
    for ((i = 0; i < limit; i++)); do
        if "$@"; then return 0; fi
        kill -0 "$APP_PID" 2>/dev/null || { echo "app died; see $WORK/app.log" >&2; tail -30 "$WORK/app.log" >&2; exit 1; }
        sleep 1
    done
    echo "timed out waiting for $what; see $WORK/app.log" >&2
    exit 1
}
health_up() { curl -sf "$APP/actuator/health" | grep -q '"UP"'; }
corpus_loaded() { grep -qE 'Demo corpus: (loaded|.*already loaded)' "$WORK/app.log"; }
wait_for 300 "the app's health" health_up
wait_for 300 "the corpus load" corpus_loaded
TOTAL=$(curl -sf "$APP/api/v1/articles?size=1" | jq -r .total)
echo "== app up and loaded in $(($(date +%s) - START)) s: $TOTAL articles"
grep -E 'Demo corpus: loaded' "$WORK/app.log" | sed 's/^.*Demo corpus/   Demo corpus/' || true
if ((TOTAL < ARTICLES)); then echo "expected at least $ARTICLES articles, got $TOTAL" >&2; exit 1; fi

# Newest first: the demo edition (2025) sorts before the corpus (2012), so this is a demo article.
ID=$(curl -sf "$APP/api/v1/articles?size=1" | jq -r '.articles[0].id')
echo "== article: $ID ($(curl -sf "$APP/api/v1/articles/$ID" | jq -r .headline))"
curl -sf -o "$WORK/static/article.html" "$APP/articles/$ID"
echo "   page: $(wc -c <"$WORK/static/article.html") bytes of HTML"

# --- nginx ---------------------------------------------------------------
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    default_type text/html;
    client_body_temp_path $WORK/nginx/tmp;
    proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp;
    uwsgi_temp_path $WORK/nginx/tmp;
    scgi_temp_path $WORK/nginx/tmp;
    server {
        listen 127.0.0.1:8081;
        root $WORK/static;
        location = /article.html { default_type "text/html; charset=utf-8"; }
    }
}
NGINX
mkdir -p "$WORK/nginx/tmp"
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>"$WORK/nginx/stderr.log" &
NGINX_PID=$!
for ((i = 0; i < 20; i++)); do curl -sf -o /dev/null "$STATIC/article.html" && break; sleep 0.5; done
curl -sf -o /dev/null "$STATIC/article.html" || { echo "nginx did not start" >&2; cat "$WORK/nginx/stderr.log" "$WORK/nginx/error.log" >&2; exit 1; }

# --- load ----------------------------------------------------------------
echo "== warming up (10 s each)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$APP/articles/$ID" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$STATIC/article.html" >/dev/null

echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (app, then nginx)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$APP/articles/$ID" | tee "$WORK/wrk-app.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$STATIC/article.html" | tee "$WORK/wrk-nginx.txt"

rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
pct() { awk -v p="$2" '$1 == p { print $2 }' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' "$1"; }

echo
echo "== results ($(nproc) cores, shared by the server and wrk itself: absolute numbers are low,"
echo "   the ratio is what to compare)"
printf '%-8s %12s %10s %10s  %s\n' server "req/s" p50 p99 errors
printf '%-8s %12s %10s %10s  %s\n' app "$(rps "$WORK/wrk-app.txt")" "$(pct "$WORK/wrk-app.txt" 50%)" "$(pct "$WORK/wrk-app.txt" 99%)" "$(errors "$WORK/wrk-app.txt")"
printf '%-8s %12s %10s %10s  %s\n' nginx "$(rps "$WORK/wrk-nginx.txt")" "$(pct "$WORK/wrk-nginx.txt" 50%)" "$(pct "$WORK/wrk-nginx.txt" 99%)" "$(errors "$WORK/wrk-nginx.txt")"
awk -v a="$(rps "$WORK/wrk-app.txt")" -v n="$(rps "$WORK/wrk-nginx.txt")" \
    'BEGIN { printf "ratio app/nginx req/s: %.3f\n", a / n }'

RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
JCMD=$(dirname "$JAVA")/jcmd
MAX_HEAP=$("$JCMD" "$APP_PID" VM.flags 2>/dev/null | tr ' ' '\n' | awk -F= '$1 == "-XX:MaxHeapSize" { printf "%d", $2 / 1048576 }' || true)
HEAP_USED=$("$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | awk '/used/ { sub(/^ +/, ""); print; exit }' || true)
echo "app JVM: max heap ${MAX_HEAP:-?} MiB (no -Xmx: default ergonomics), RSS after the run $((RSS_KB / 1024)) MiB"
[[ -n $HEAP_USED ]] && echo "app heap: $HEAP_USED"
echo "app log and wrk output: $WORK"
