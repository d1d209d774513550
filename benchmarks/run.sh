#!/usr/bin/env bash
# Measures every row of the README's "Benchmarks" table in one run, each beside its reference, on loopback
# (about 25 minutes on 2 cores). Run by hand, not by CI (CI only compiles the module):
#
#   bash benchmarks/run.sh        (from the repository root; results in benchmarks/target/results/)
#
#   1. per-test cost of @WithFakePaiWorkspace in a JUnit 6 run, beside the JDK HttpServer, okhttp's MockWebServer
#      and WireMock started and stopped per test (pertest.PerTestCost); then as users measure it: a user's Maven
#      project (benchmarks/src/it/user-project) on JUnit 5.13.4 (also with slf4j-simple on its test classpath), 6.1.3
#      and 5.10.0, each test class run by its own `mvn test` through Surefire, a fresh fake per test beside one fake
#      started once (pertest.UserProjectCost; needs mvn and resolves through ~/.m2, writing only under target/);
#   2. the standalone jar beside a bare Javalin jar serving the same bytes, each its own JVM: GetWorkspace throughput
#      under wrk (2 threads x 32 connections), CreateWorkspace with --data-dir beside the same jar in memory (the
#      cost of durability), ListWorkspaces with 100,000 workspaces, first answer after java -jar,
#      first answer after docker run of the image (skipped when no Docker engine answers), and a JFR profile under
#      load (StandaloneComparison);
#   3. the JMH benchmarks (in-JVM lifecycle and throughput beside WireMock, bare Javalin and the JDK server) and heap
#      per stored workspace (Footprint).
#
# Needs wrk (installed with apt-get when missing) and builds the image with docker/build-image.sh under its own tag,
# pai-workspace-fake:benchmarks, leaving the other tags alone.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/results
image=pai-workspace-fake:benchmarks
started=$(date +%s)

if ! command -v wrk >/dev/null 2>&1; then
    echo "run.sh: installing wrk with apt-get"
    sudo_if_needed=()
    if [ "$(id -u)" != 0 ]; then sudo_if_needed=(sudo); fi
    "${sudo_if_needed[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq wrk >/dev/null
fi

mvn -B -ntp -q package -DskipTests -pl benchmarks -am
rm -rf "$out"
mkdir -p "$out"
if docker info >/dev/null 2>&1; then
    docker/build-image.sh "$image"
else
    echo "run.sh: no Docker engine answers; the container row will be skipped"
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
{
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB," \
         "$(java -version 2>&1 | head -1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "Load average (1, 5, 15 min) at the start: $(load)"
    echo
    echo "| measure | value | reference in the same run | ratio | goal | met? |"
    echo "|---|---|---|---|---|---|"
} > "$out/summary.md"

jar=benchmarks/target/benchmarks.jar
echo "== per-test cost (JUnit 6, a fresh JVM per class and round)"
java -cp "$jar" io.github.paiworkspacefake.benchmarks.pertest.PerTestCost 2 "$out/summary.md" | tee "$out/per-test.txt"
echo "load average after per-test: $(load)" | tee -a "$out/load.txt"

echo "== per-test cost in a user's Maven project (JUnit 5.13.4, with slf4j-simple, 6.1.3, 5.10.0; mvn test per class)"
java -cp "$jar" io.github.paiworkspacefake.benchmarks.pertest.UserProjectCost --rounds 3 --summary "$out/summary.md" \
    | tee "$out/user-project.txt"
echo "load average after the user project: $(load)" | tee -a "$out/load.txt"

echo "== standalone fake beside a bare Javalin app"
java -cp "$jar" io.github.paiworkspacefake.benchmarks.StandaloneComparison \
    --fake-jar fake-server/target/pai-workspace-fake-server.jar --javalin-jar benchmarks/target/bare-javalin.jar \
    --out "$out" --image "$image" | tee "$out/standalone.txt"
echo "load average after standalone: $(load)" | tee -a "$out/load.txt"

echo "== JMH (in-JVM lifecycle and throughput)"
java -jar "$jar" 'LifecycleBenchmark|ColdLifecycleBenchmark|ThroughputBenchmark' \
     -rf json -rff "$out/jmh.json" > "$out/jmh.txt"
java -cp "$jar" io.github.paiworkspacefake.benchmarks.Footprint | tee "$out/footprint.txt"

{
    echo
    echo "Load average at the end: $(load); the whole run took $(( ($(date +%s) - started) / 60 )) min."
    echo
    echo "JMH (in one JVM; ms/op for lifecycles, ops/s for throughput):"
    echo
    echo '```'
    grep -E '^(Benchmark|[A-Za-z]+Benchmark\.[a-zA-Z]+(:p0\.50)?  )' "$out/jmh.txt" \
        | grep -vE ':p0\.(00|90|95|99|999|9999)|:p1\.00' || true
    cat "$out/footprint.txt"
    echo '```'
    echo
    echo "Hotspots of the fake under wrk (JFR):"
    echo
    echo '```'
    sed -n '/^JFR /,$p' "$out/standalone.txt"
    echo '```'
} >> "$out/summary.md"
# The servers' logs hold one line per request (hundreds of MiB under wrk): keep their first 64 KiB.
for log in "$out"/*.log; do
    if [ "$(stat -c %s "$log")" -gt 1048576 ]; then
        head -c 65536 "$log" > "$log.head" && rm "$log"
    fi
done
echo
echo "================ summary ($out/summary.md)"
cat "$out/summary.md"
