# Sourced by the benches that read the livedoor corpus (analysis-speed, entity-candidates,
# recommendations, search-engines, search-speed) after they set CORPUS to its tarball: extracts
# it once under /tmp, never into the project (its licence: ../shared/corpora/README), and sets
# TARGET, the folder holding livedoor/.
TARGET=/tmp/kawaraban-corpus
[[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }
if [[ ! -d $TARGET/livedoor ]]; then
    mkdir -p "$TARGET" && tar -xzf "$CORPUS" -C "$TARGET"
fi
