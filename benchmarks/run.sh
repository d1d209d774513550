#!/usr/bin/env bash
# Runs every benchmark in one go (about 6 minutes on 2 cores) and prints the numbers the README table uses.
# Usage: bash benchmarks/run.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests -pl fake-server,benchmarks -am
out=benchmarks/target/results
mkdir -p "$out"
java -jar benchmarks/target/benchmarks.jar 'LifecycleBenchmark|ColdLifecycleBenchmark|ThroughputBenchmark' \
     -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
java -cp benchmarks/target/benchmarks.jar io.github.paiworkspacefake.benchmarks.Footprint \
     fake-server/target/pai-workspace-fake-server.jar | tee "$out/footprint.txt"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
grep -E '^(Benchmark|[A-Za-z]+Benchmark\.[a-zA-Z]+(:p0\.50)?  )' "$out/jmh.txt" | grep -vE ':p0\.(00|90|95|99|999|9999)|:p1\.00' || true
