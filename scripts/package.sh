#!/usr/bin/env bash
# Builds the zip-deploy package of one of the two deployment modes (functions/README.md, "Two ways to deploy"):
#   bash scripts/package.sh standard         # .NET isolated app for FUNCTIONS_WORKER_RUNTIME=dotnet-isolated
#   bash scripts/package.sh custom-handler   # our executable for FUNCTIONS_WORKER_RUNTIME=custom
# Output: artifacts/<mode>/ (the package's files) and artifacts/dealix-<mode>.zip; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
out=artifacts/$mode
case $mode in
standard)
  rm -rf "$out"
  # Framework-dependent: the host starts `dotnet Dealix.Functions.dll` (worker.config.json) on the .NET 10 stack.
  dotnet publish functions/Dealix.Functions -c Release -o "$out" --nologo -v q
  # host.json for Microsoft's host: no customHandler section (the host would send every invocation to an HTTP custom
  # handler instead of the worker), no extension bundle (the package brings its extensions in .azurefunctions/), and
  # Microsoft's Azure Storage provider (its Durable extension knows nothing of our engine's provider type).
  jq 'del(.customHandler, .extensionBundle) | .extensions.durableTask.storageProvider.type = "AzureStorage"' \
    host.json > "$out/host.json"
  ;;
custom-handler)
  rm -rf "$out"
  dotnet publish functions/Dealix.Functions -c Release -r linux-x64 --self-contained -o "$out" --nologo -v q
  # The Worker SDK's files describe the standard app; a custom handler is described by host.json + function.json.
  rm -rf "$out/.azurefunctions" "$out/functions.metadata" "$out/extensions.json" "$out/worker.config.json"
  # One <Function>/function.json per HTTP, timer and queue function, the management API proxy, and host.json.
  "$out/Dealix.Functions" generate-function-metadata "$out"
  # The Functions host reads this host.json too, and the Durable extension of its bundle refuses a provider type it does
  # not know: it gets Microsoft's type (idle, no durable function is declared to it) while the app setting
  # Dealix__DurableProvider=Dealix (infra/) tells our host to run the Dealix engine.
  jq '.extensions.durableTask.storageProvider.type = "AzureStorage"' "$out/host.json" > "$out/host.json.tmp" && mv "$out/host.json.tmp" "$out/host.json"
  ;;
*)
  echo "usage: bash scripts/package.sh standard|custom-handler" >&2
  exit 2
  ;;
esac
rm -f "artifacts/dealix-$mode.zip"
(cd "$out" && zip -qr "../dealix-$mode.zip" .)
echo "artifacts/dealix-$mode.zip"
