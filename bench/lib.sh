# Shared by the page benches (bench/article-page.sh, bench/scale-out.sh); sourced, not run.
# The caller has cd'ed to the project root and set WORK (its work dir). Each script keeps its own
# variables and its own messages; this file holds what they did the same way.

# --- settings both read from the environment -------------------------------------------------
ROOT=$(pwd)
CORPUS=${1:-${CORPUS:-$ROOT/../shared/corpora/livedoor-dev.tar.gz}}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-target/kawaraban.jar}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
# The demo accounts' password, so the bench can log in as the paid member.
export KAWARABAN_DEMO_PASSWORD=${KAWARABAN_DEMO_PASSWORD:-bench-member-password-1}

# --- tools, jar, ports, corpus ---------------------------------------------------------------
install_tools() { # wrk and nginx from Debian when missing; sets NGINX
    if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
        echo "== installing wrk and nginx"
        apt-get install -y wrk nginx >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk nginx >/dev/null; }
    fi
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

build_jar_if_missing() {
    if [[ $JAR == target/kawaraban.jar && ! -f $JAR ]]; then
        echo "== building target/kawaraban.jar"
        ./mvnw -q -DskipTests package
    fi
}

require_free_ports() { # port...
    for port in "$@"; do
        if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
            echo "port $port is already in use; stop whatever listens there first" >&2
            exit 1
        fi
    done
}

extract_corpus() { # into $WORK/corpus; sets CORPUS_DIR
    mkdir -p "$WORK/corpus"
    tar -xzf "$CORPUS" -C "$WORK/corpus"
    CORPUS_DIR=$WORK/corpus/livedoor
    [[ -d $CORPUS_DIR ]] || CORPUS_DIR=$WORK/corpus
}

# --- waiting -----------------------------------------------------------------------------------
# What a script says when a process it waits on died; it may define its own (the argument is what
# was awaited). LOGS names where to look.
died() { echo "a process died while waiting for $1; see $LOGS" >&2; }

wait_for() { # seconds, description, pid, command...
    local limit=$1 what=$2 pid=$3; shift 3
    for ((i = 0; i < limit; i++)); do
        if "$@"; then return 0; fi
        kill -0 "$pid" 2>/dev/null || { died "$what"; exit 1; }
        sleep 1
    done
    echo "timed out waiting for $what; see $LOGS" >&2
    exit 1
}
health_up() { curl -sf "http://127.0.0.1:$1/actuator/health" | grep -q '"UP"'; } # port
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # pid
idle() { # pid: true when the process used under 5 % of one core over the last 3 s
    local before after; before=$(cpu_ticks "$1"); sleep 3; after=$(cpu_ticks "$1")
    ((after - before < 15))
}

# --- reading wrk's output ----------------------------------------------------------------------
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
pct() { awk -v p="$2" '$1 == p { print $2 }' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' "$1"; }
