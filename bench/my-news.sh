#!/usr/bin/env bash
# My News feed reads (issue 5's target: p99 < 30 ms for a member following 200 things over
# 1,000,000 articles' tags):
#
#   ARTICLES=1000000 bench/my-news.sh
#
# Generates the tags in a fresh embedded PostgreSQL (a few minutes on two cores), then times
# 2,000 reads each of page 1 and page 5 through FeedRepository, with a primary-key lookup and
# the naive join as baselines from the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-1000000}
./mvnw -q -B test -Dtest=MyNewsFeedBench -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx1g -Dkawaraban.bench=true -Dkawaraban.bench.articles=$ARTICLES" \
    | grep -v "^\[" || true
