#!/usr/bin/env bash
# Katakana folding on the word lists: how many true variants get one key (recall inside the
# rules) and how many different words do (false merges), per list and, for the third round's
# lists in bench/lists/, per rule that could merge the pair. The count is made by
# KatakanaFoldingMeasureTest on `KatakanaFolding.fold` and the words analyzer (the classes the
# site indexes and searches with); the same test fails the build if a change merges more.
#
#   bench/folding.sh
#
# The lists: bench/lists/fold-variants-seventh.tsv and fold-distinct-seventh.tsv (written before
# the change of decision 0055 and held out: only their totals and per-rule counts are printed,
# never their pairs, so that no rule is tuned on them: the unseen figure), fold-*-sixth.tsv
# (written with them, and tuned on), fold-*-fifth.tsv (written before the UniDic table of decision
# 0050), fold-*-fourth.tsv (before the UniDic lookup of decision 0047), fold-*-third.tsv (before
# the change of decision 0043), src/test/resources/text/*-pairs.tsv (the rounds before). The
# third to sixth rounds are printed per rule with their pairs; their false merges leave out the
# pairs joined only by a separator, which the issue wants merged, and are also given without the
# pairs of one or two morae before a final ー, which the documented rules never merge.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== load before: $(uptime)"
./mvnw -q -B verify -Dtest=KatakanaFoldingMeasureTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkawaraban.entity-model.skip=true | grep -E "^(seventh|sixth|fifth|fourth|third|fresh|unseen|fold|words|  )" || true
echo "== load after: $(uptime)"
