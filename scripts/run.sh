#!/usr/bin/env bash
# Runs the app locally the way `func start` would: Azurite on its default ports (10000-10002, data in .azurite/),
# then the function host on http://localhost:7071 (Host.LocalHttpPort in local.settings.json; `--port N` wins).
# Azurite is stopped by its PID when the host exits (Ctrl+C). Extra arguments go to the host.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json

dotnet build functions/Dealix.Functions -c Release --nologo -v q

azurite_pid=""
if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
  echo "run.sh: something already listens on 127.0.0.1:10000; using it as Azurite" >&2
else
  # In its own session, so that Ctrl+C reaches the host only and Azurite outlives the host's graceful stop.
  azurite_pid=$(setsid bash scripts/azurite.sh start .azurite 10000 10001 10002)
  echo "run.sh: Azurite started (PID $azurite_pid, data in .azurite/)" >&2
fi
stop_azurite() {
  if [ -n "$azurite_pid" ]; then
    kill "$azurite_pid" 2>/dev/null || true
    echo "run.sh: Azurite stopped (PID $azurite_pid)" >&2
  fi
}
trap stop_azurite EXIT

# Run from the repository root so the host finds host.json and local.settings.json here.
status=0
dotnet functions/Dealix.Functions/bin/Release/net10.0/Dealix.Functions.dll "$@" || status=$?
exit "$status"
