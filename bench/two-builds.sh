# Sourced by the benches that load two builds into one JVM (fold-speed, snippet-speed) after they
# set `before` (a commit): checks that commit out into a temporary worktree and compiles it, compiles
# the working tree ("after"), and writes the libraries both share into $work/cp.txt. Sets work, the
# temporary folder (removed on exit, with the worktree), and java.
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
work=$(mktemp -d)
trap 'git worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/before" "$before" -q
(cd "$work/before" && ./mvnw -q -o -B compile -Dkawaraban.entity-model.skip=true)
./mvnw -q -o -B compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime \
    -Dkawaraban.entity-model.skip=true
