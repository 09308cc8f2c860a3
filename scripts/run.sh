#!/usr/bin/env bash
# Sets up and runs the app locally. Until the function host lands it runs the HelloCities sample on the
# in-memory backend and prints its output.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json
dotnet run --project functions/Dealix.Functions -c Release
