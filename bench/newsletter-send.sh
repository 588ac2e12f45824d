#!/usr/bin/env bash
# Newsletter delivery speed and memory (issue 6's target: >= 2,000 messages/s, memory flat in
# the number of recipients):
#
#   RECIPIENTS=100000 bench/newsletter-send.sh
#
# Starts the application on a fresh embedded PostgreSQL (demo edition), subscribes RECIPIENTS
# addresses, queues one issue and delivers it through the real outbox path to a local SMTP
# sink; a run with a tenth of the recipients comes first, and a fixed-message SMTP hand-over
# is the baseline. Prints messages/s and peak heap.
set -euo pipefail
cd "$(dirname "$0")/.."
RECIPIENTS=${RECIPIENTS:-100000}
./mvnw -q -B test -Dtest=NewsletterSendBench -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx1g -Dkawaraban.bench=true -Dkawaraban.bench.recipients=$RECIPIENTS" \
    | grep -E "^(==|delivery|baseline|queueing)|FAIL|Error|Exception" || true
