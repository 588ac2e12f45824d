#!/usr/bin/env bash
# Reading page throughput: the app's article page, home and a section page for anonymous
# readers, and the article page as a logged-in paid member sees it, each against nginx serving
# the same HTML as a static file, with 10,000 extra articles from the livedoor news corpus in
# the database. The app is started with ./kawaraban, the command a reader of the README runs.
#
#   bench/article-page.sh [CORPUS_TARBALL]        (or CORPUS=... bench/article-page.sh)
#
# Environment: CORPUS (default ../shared/corpora/livedoor-dev.tar.gz), JAVA (the JDK to run
# the app with), JAR (default target/kawaraban.jar: another build to compare), ARTICLES (default 10000), DURATION (default 20s), CONNECTIONS (default 64),
# PAGES (default "article home section member": which pages to load; "member" is the article page
# of the demo's paid member, logged in once, its session cookie sent by wrk), SECTION (default
# society), JFR (a file name: record a Java Flight Recording of the app while the pages are
# loaded, written to the work dir), APP_PORT and STATIC_PORT (default 8080 and 8081), JAVA_OPTS (more
# JVM options, e.g. -Xmx768m to override the script's default heap), NMT (1: native memory
# tracking, its summary printed after the run), DATA_DIR (a data directory to keep between runs:
# the first run loads the corpus into it, later ones start on it in seconds; default a fresh one
# in the work dir, deleted afterwards), FILL (e.g. 100000: before the load, bring the archive up
# to that many articles with generated rows inserted straight into the database — copies of the
# corpus articles under new ids, dated further back — for the memory measurement; they are not
# indexed for search and fire no events: the import's speed is measured elsewhere).
# AGENT (the User-Agent every request to the app and to nginx sends; default a phone browser's, so
# the app counts the article page's views for the most-read ranking as readers' — decision 0040),
# CLIENTS (one: every request from the same client, so after the first view each is a re-read the
# ranking ignores; many: each request from a new client address (X-Forwarded-For, which the app
# trusts from 127.0.0.1), so every article view is counted in memory).
# APP_ARGS (more settings for the app, e.g. "--kawaraban.article.most-read.enabled=false" to measure
# the article page without the most-read counting, decision 0045).
# The corpus is extracted to a temp dir and never copied into the project.
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/lib.sh # ROOT, CORPUS, JAVA, JAR, DURATION, CONNECTIONS, THREADS, the demo password; helpers
ARTICLES=${ARTICLES:-10000}
APP_PORT=${APP_PORT:-8080}
STATIC_PORT=${STATIC_PORT:-8081}
APP=http://127.0.0.1:$APP_PORT
STATIC=http://127.0.0.1:$STATIC_PORT
AGENT=${AGENT:-Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1}
CLIENTS=${CLIENTS:-one}

[[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kawaraban-bench.XXXXXX)
APP_PID=
NGINX_PID=
cleanup() {
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
    rm -rf "$WORK/corpus" "$WORK/data"
}
DATA=${DATA_DIR:-$WORK/data}
trap cleanup EXIT
trap 'exit 130' INT TERM

LOGS=$WORK/app.log
died() { echo "app died; see $WORK/app.log" >&2; tail -30 "$WORK/app.log" >&2; }

echo "== work dir: $WORK"

# --- tools ---------------------------------------------------------------
install_tools
build_jar_if_missing
require_free_ports "$APP_PORT" "$STATIC_PORT"

# --- corpus and app ------------------------------------------------------
mkdir -p "$DATA" "$WORK/static" "$WORK/nginx"
chmod 755 "$WORK" "$WORK/static"   # nginx workers run as an unprivileged user
extract_corpus

echo "== starting the app ($("$JAVA" -version 2>&1 | head -1))"
START=$(date +%s)
OPTIONS=${JAVA_OPTS:-}
[[ ${NMT:-} == 1 ]] && OPTIONS+=" -XX:NativeMemoryTracking=summary"
# exec in the script: the app's pid is this child's.
KAWARABAN_JAVA="$JAVA" KAWARABAN_JAR="$JAR" KAWARABAN_JAVA_OPTS="$OPTIONS" ./kawaraban --server.port="$APP_PORT" \
    --kawaraban.data-dir="$DATA" \
    --kawaraban.demo-corpus.dir="$CORPUS_DIR" --kawaraban.demo-corpus.articles="$ARTICLES" ${APP_ARGS:-} \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!

corpus_loaded() { grep -qE 'Demo corpus: (loaded|.*already loaded)' "$WORK/app.log"; }
wait_for 300 "the app's health" "$APP_PID" health_up "$APP_PORT"
wait_for 300 "the corpus load" "$APP_PID" corpus_loaded
# Publishing queues indexing and recommendation lists behind it; load the pages only once the
# app has finished that work (its CPU time stops growing), or the run measures the import.
wait_for 1800 "the background indexing to finish" "$APP_PID" idle "$APP_PID"
if [[ -n ${FILL:-} ]]; then
    PG_PORT=$(grep -oE 'Embedded PostgreSQL started on port [0-9]+' "$WORK/app.log" | tail -1 | awk '{ print $NF }')
    HAVE=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d kawaraban -tAc "select count(*) from article")
    if ((HAVE < FILL)); then
        echo "== generating $((FILL - HAVE)) more articles in the database (copies of the corpus ones)"
        psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d kawaraban -v ON_ERROR_STOP=1 <<SQL
insert into article (id, source_key, headline, subheadline, lead, body, bylines, section_code, keywords,
                     access_level, status, published_at, created_at, edited_at)
select substr(md5('fill:' || g || ':' || a.id), 1, 12), 'fill:' || g || ':' || a.id, a.headline, a.subheadline,
       a.lead, a.body, a.bylines, a.section_code, a.keywords, a.access_level, 'PUBLISHED',
       a.published_at - make_interval(days => g), a.created_at, a.edited_at
from article a cross join generate_series(1, 1000) g
where a.source_key not like 'demo:%' and a.source_key not like 'fill:%' and a.status = 'PUBLISHED'
limit $((FILL - HAVE));
analyze article;
SQL
    fi
    sleep 31 # the page cache's maximum age: lists read the new rows
fi
TOTAL=$(curl -sf "$APP/api/v1/articles?size=1" | jq -r .total)
echo "== app up and loaded in $(($(date +%s) - START)) s: $TOTAL articles"
grep -E 'Demo corpus: loaded' "$WORK/app.log" | sed 's/^.*Demo corpus/   Demo corpus/' || true
if ((TOTAL < ${FILL:-$ARTICLES})); then echo "expected at least $ARTICLES articles, got $TOTAL" >&2; exit 1; fi

# Newest first: the demo edition (2025) sorts before the corpus (2012), so this is a demo article.
ID=$(curl -sf "$APP/api/v1/articles?size=1" | jq -r '.articles[0].id')
echo "== article: $ID ($(curl -sf "$APP/api/v1/articles/$ID" | jq -r .headline))"
SECTION=${SECTION:-society}
PAGES=${PAGES:-article home section member}
# The member loads a paid article (the demo edition has some), which they read in full.
PAID_ID=$(curl -sf "$APP/api/v1/articles?size=50" | jq -r '[.articles[] | select(.accessLevel == "paid")][0].id // empty')
PAID_ID=${PAID_ID:-$ID}
declare -A PATH_OF=([article]="/articles/$ID" [home]="/" [section]="/sections/$SECTION" [member]="/articles/$PAID_ID")
declare -A HEADERS_OF=()
if [[ " $PAGES " == *" member "* ]]; then
    # Log in once as the paid member, through the log-in form as a browser does; wrk then sends
    # the session cookie with every request, as the member's browser would.
    JAR_FILE=$WORK/member-cookies.txt
    CSRF=$(curl -sf -c "$JAR_FILE" "$APP/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    curl -sf -o /dev/null -b "$JAR_FILE" -c "$JAR_FILE" --data-urlencode "email=paid@example.com" \
        --data-urlencode "password=$KAWARABAN_DEMO_PASSWORD" --data-urlencode "_csrf=$CSRF" "$APP/login"
    SESSION=$(awk '$6 == "KAWARABAN_SESSION" { print $7 }' "$JAR_FILE")
    [[ -n $SESSION ]] || { echo "log-in as the paid member failed" >&2; exit 1; }
    HEADERS_OF[member]="Cookie: KAWARABAN_SESSION=$SESSION"
fi
for page in $PAGES; do
    curl -sf -o "$WORK/static/$page.html" ${HEADERS_OF[$page]:+-H "${HEADERS_OF[$page]}"} "$APP${PATH_OF[$page]}"
    echo "   $page: ${PATH_OF[$page]}, $(wc -c <"$WORK/static/$page.html") bytes of HTML"
done
if [[ -n ${HEADERS_OF[member]:-} ]]; then
    # The member's page must be the member's: the log-out form, the save button, no paywall.
    grep -q 'class="paywall' "$WORK/static/member.html" && { echo "the paid member got a paywall" >&2; exit 1; }
    grep -q 'action="/logout"' "$WORK/static/member.html" && grep -q 'class="save-form"' "$WORK/static/member.html" \
        || { echo "the member page is not the logged-in member's" >&2; exit 1; }
fi

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
        listen 127.0.0.1:$STATIC_PORT;
        root $WORK/static;
        location ~ \.html$ { default_type "text/html; charset=utf-8"; }
    }
}
NGINX
mkdir -p "$WORK/nginx/tmp"
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>"$WORK/nginx/stderr.log" &
NGINX_PID=$!
FIRST_PAGE=${PAGES%% *}
for ((i = 0; i < 20; i++)); do curl -sf -o /dev/null "$STATIC/$FIRST_PAGE.html" && break; sleep 0.5; done
curl -sf -o /dev/null "$STATIC/$FIRST_PAGE.html" || { echo "nginx did not start" >&2; cat "$WORK/nginx/stderr.log" "$WORK/nginx/error.log" >&2; exit 1; }

# --- load ----------------------------------------------------------------
JCMD=$(dirname "$JAVA")/jcmd
# The recording covers the page loads only, not the start and the corpus load.
[[ -n ${JFR:-} ]] && "$JCMD" "$APP_PID" JFR.start name=bench settings=profile >/dev/null
# CLIENTS=many: a new client address on every request (wrk's Lua), so every view is a new reader.
MANY_CLIENTS=()
if [[ $CLIENTS == many ]]; then
    cat >"$WORK/many-clients.lua" <<'LUA'
local n = 0
request = function()
    n = n + 1
    wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
    return wrk.format()
end
LUA
    MANY_CLIENTS=(-s "$WORK/many-clients.lua")
fi
echo "== every request sends User-Agent: $AGENT; clients: $CLIENTS"

for page in $PAGES; do
    URL=$APP${PATH_OF[$page]}
    echo "== $page: warming up (10 s each)"
    HEADER=(-H "User-Agent: $AGENT" "${MANY_CLIENTS[@]}")
    [[ -n ${HEADERS_OF[$page]:-} ]] && HEADER+=(-H "${HEADERS_OF[$page]}")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "${HEADER[@]}" "$URL" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "User-Agent: $AGENT" "$STATIC/$page.html" >/dev/null
    echo "== $page: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (app, then nginx)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${HEADER[@]}" "$URL" | tee "$WORK/wrk-app-$page.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "User-Agent: $AGENT" "$STATIC/$page.html" | tee "$WORK/wrk-nginx-$page.txt"
done

echo
echo "== results ($(nproc) cores, shared by the server and wrk itself: absolute numbers are low,"
echo "   the ratio is what to compare)"
printf '%-16s %12s %10s %10s %8s %8s  %s\n' page/server "req/s" p50 p99 "req/s x" "p99 x" errors
for page in $PAGES; do
    a=$WORK/wrk-app-$page.txt n=$WORK/wrk-nginx-$page.txt
    ratios=$(awk -v a="$(rps "$a")" -v n="$(rps "$n")" -v ap="$(pct "$a" 99%)" -v np="$(pct "$n" 99%)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
        BEGIN { printf "%.3f %.2f", a / n, ms(ap) / ms(np) }')
    printf '%-16s %12s %10s %10s %8s %8s  %s\n' "$page app" "$(rps "$a")" "$(pct "$a" 50%)" "$(pct "$a" 99%)" ${ratios} "$(errors "$a")"
    printf '%-16s %12s %10s %10s %8s %8s  %s\n' "$page nginx" "$(rps "$n")" "$(pct "$n" 50%)" "$(pct "$n" 99%)" "" "" "$(errors "$n")"
done
echo "(req/s x: app req/s / nginx req/s, target >= 0.5 for anonymous pages, >= 0.25 for member; p99 x: app p99 / nginx p99, target <= 2)"

RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
[[ -n ${JFR:-} ]] && "$JCMD" "$APP_PID" JFR.dump name=bench filename="$WORK/$JFR" >/dev/null && echo "flight recording: $WORK/$JFR"
MAX_HEAP=$("$JCMD" "$APP_PID" VM.flags 2>/dev/null | tr ' ' '\n' | awk -F= '$1 == "-XX:MaxHeapSize" { printf "%d", $2 / 1048576 }' || true)
HEAP_USED=$("$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | awk '/used/ { sub(/^ +/, ""); print; exit }' || true)
PG_RSS_KB=$(ps -o rss= --ppid "$(pgrep -o -f "postgres -D $DATA/postgres" || echo 1)" -o rss= -p "$(pgrep -o -f "postgres -D $DATA/postgres" || echo 1)" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
echo "embedded PostgreSQL (its own processes, not in the app's RSS): $((PG_RSS_KB / 1024)) MiB RSS summed over its processes"
echo "app JVM: max heap ${MAX_HEAP:-?} MiB, RSS after the run $((RSS_KB / 1024)) MiB (peak $(awk '/VmHWM/ { printf "%d", $2 / 1024 }' /proc/$APP_PID/status) MiB)"
[[ -n $HEAP_USED ]] && echo "app heap: $HEAP_USED"
if [[ ${NMT:-} == 1 ]]; then
    "$JCMD" "$APP_PID" VM.native_memory summary scale=MB >"$WORK/nmt.txt" 2>&1 || true
    echo "== native memory (committed, MB):"
    grep -E '^(Total|-\s+[A-Za-z ]+\()' "$WORK/nmt.txt" | sed -E 's/reserved=[0-9]+MB, //' || true
fi
echo "app log and wrk output: $WORK"
