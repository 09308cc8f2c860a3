#!/usr/bin/env bash
# Sets up and runs every test of the solution on a fresh machine, then prints one summary line.
# Installs what the tests need (NuGet packages via restore; Azurite from npm when the storage tests exist)
# and leaves nothing running: test fixtures start their own Azurite and stop it by PID.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f scripts/azurite.sh ]; then
  bash scripts/azurite.sh install
fi

# The operator console's browser tests drive Debian's Chromium (Playwright's own browser download is not used).
if ! command -v chromium >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

dotnet restore Dealix.Functions.sln --nologo -v q
# Code style as .editorconfig states it (STYLE.md §5). Whitespace is checked here, on the files alone (fast); every
# other rule dotnet format would apply at warning severity (naming, braces, usings, file-scoped namespaces, analyzers)
# is an error of the build below (EnforceCodeStyleInBuild + TreatWarningsAsErrors), so the full `dotnet format` pass,
# which compiles the solution a second time, is not repeated here.
dotnet format whitespace . --folder --verify-no-changes
dotnet build Dealix.Functions.sln --nologo -v q --no-restore -c Release

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Dealix.Functions.sln --nologo --no-build -c Release -v q --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# The benchmark harness in its short smoke mode: proves the harness works, asserts no speed.
smoke=0
dotnet benchmarks/Dealix.Benchmarks/bin/Release/net10.0/Dealix.Benchmarks.dll --smoke >"$log.smoke" 2>&1 || smoke=$?
if [ "$smoke" -ne 0 ]; then
  cat "$log.smoke"
  echo "The benchmark smoke run failed (exit $smoke)." >&2
  status=1
else
  echo "Benchmark harness smoke run: ok"
fi
rm -f "$log.smoke"

# One closing line for people and CI: the totals over every test project.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Total: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
