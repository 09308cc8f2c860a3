#!/usr/bin/env bash
# Azurite for local runs and integration tests, installed from npm into .tools/azurite (gitignored).
#
#   scripts/azurite.sh install
#       Installs azurite 3.37.0 (pinned) if it is missing and prints the path of its launcher.
#   scripts/azurite.sh start DATA_DIR BLOB_PORT QUEUE_PORT TABLE_PORT
#       Installs if needed, starts Azurite on 127.0.0.1 with the given ports and data folder in the
#       background, waits until the three ports accept connections and prints its PID. The caller
#       stops it by that PID (kill PID).
#   scripts/azurite.sh bin
#       Prints the launcher path (fails when not installed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=3.37.0
DIR="$ROOT/.tools/azurite"
BIN="$DIR/node_modules/.bin/azurite"

installed() { [[ -x "$BIN" && -f "$DIR/.installed" && "$(cat "$DIR/.installed")" == "$VERSION" ]]; }

install() {
  installed && return 0
  # Several test runs may ask at once: one installs, the others wait for it.
  mkdir -p "$ROOT/.tools"
  exec 9>"$ROOT/.tools/azurite.lock"
  flock 9
  installed && return 0
  command -v npm >/dev/null || { echo "azurite.sh: npm is not on PATH; install Node.js (apt-get install nodejs npm)" >&2; exit 2; }
  mkdir -p "$DIR"
  cat >"$DIR/package.json" <<JSON
{ "name": "dealix-azurite", "private": true, "dependencies": { "azurite": "$VERSION" } }
JSON
  (cd "$DIR" && SCARF_ANALYTICS=false DO_NOT_TRACK=1 npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2) \
    || { echo "azurite.sh: npm install azurite@$VERSION failed" >&2; exit 3; }
  echo "$VERSION" >"$DIR/.installed"
}

wait_port() {
  local port=$1
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

case "${1:-}" in
  install)
    install
    echo "$BIN"
    ;;
  bin)
    [[ -x "$BIN" ]] || { echo "azurite.sh: not installed; run scripts/azurite.sh install" >&2; exit 1; }
    echo "$BIN"
    ;;
  start)
    [[ $# -eq 5 ]] || { echo "usage: $0 start DATA_DIR BLOB_PORT QUEUE_PORT TABLE_PORT" >&2; exit 64; }
    install
    data=$2
    mkdir -p "$data"
    "$BIN" --silent --skipApiVersionCheck --disableTelemetry --loose --location "$data" \
      --blobHost 127.0.0.1 --blobPort "$3" --queueHost 127.0.0.1 --queuePort "$4" \
      --tableHost 127.0.0.1 --tablePort "$5" >"$data/azurite.log" 2>&1 &
    pid=$!
    for port in "$3" "$4" "$5"; do
      if ! wait_port "$port"; then
        kill "$pid" 2>/dev/null || true
        echo "azurite.sh: Azurite did not open port $port within 30 s; log: $data/azurite.log" >&2
        tail -20 "$data/azurite.log" >&2 || true
        exit 4
      fi
    done
    echo "$pid"
    ;;
  *)
    echo "usage: $0 install | bin | start DATA_DIR BLOB_PORT QUEUE_PORT TABLE_PORT" >&2
    exit 64
    ;;
esac
