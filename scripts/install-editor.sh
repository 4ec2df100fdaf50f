#!/usr/bin/env bash
# Installs what the real-editor test (test/e2e/web) needs, offline-friendly:
#   - Debian's chromium (apt), only when /usr/bin/chromium is missing;
#   - code-server@4.96.4 (VS Code 1.96 web workbench) from the npm registry into .cache/editor/code-server,
#     with its postinstall done by hand (the real one fetches a git dependency from the internet).
# Idempotent: a marker file records a finished install; a second run returns in well under a second.
# Works as root in CI (CI=true, no stdin). Usage: bash scripts/install-editor.sh [--force]
set -euo pipefail

CODE_SERVER_VERSION=4.96.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache/editor"
DIR="$CACHE/code-server"
MARKER="$CACHE/code-server-$CODE_SERVER_VERSION.ok"
export DEBIAN_FRONTEND=noninteractive
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

log() { printf '[install-editor] %s\n' "$*" >&2; }
start=$SECONDS

if [[ "${1:-}" == "--force" ]]; then rm -f "$MARKER"; fi

# 1. Browser
if [[ ! -x /usr/bin/chromium ]]; then
  log "installing chromium from Debian"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo -n"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
[[ -x /usr/bin/chromium ]] || { log "chromium is still missing"; exit 1; }

# 2. code-server
if [[ -f "$MARKER" && -f "$DIR/node_modules/code-server/out/node/entry.js" ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in .cache/editor (marker present)"
  exit 0
fi

NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [[ "$NODE_MAJOR" != 20 ]]; then
  log "warning: code-server $CODE_SERVER_VERSION is built for Node 20, this is Node $NODE_MAJOR"
fi

# node-gyp needs a compiler, make and python for the native modules.
if ! command -v make >/dev/null || ! command -v g++ >/dev/null || ! command -v python3 >/dev/null; then
  log "installing build tools (make, g++, python3) from Debian"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends build-essential python3 >/dev/null
fi

log "installing code-server@$CODE_SERVER_VERSION into .cache/editor/code-server (a few minutes)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
printf '{ "name": "hcpcs-editor-cache", "private": true }\n' > package.json
npm install --no-save --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION" </dev/null

VS="$DIR/node_modules/code-server/lib/vscode"
[[ -d "$VS" ]] || { log "unexpected layout: $VS missing"; exit 1; }
(
  cd "$VS"
  # The shrinkwrap pins @vscode/proxy-agent to a GitHub URL; the npm release of that version is fine.
  rm -f npm-shrinkwrap.json
  log "installing VS Code's runtime dependencies"
  npm install --omit=dev --ignore-scripts --no-package-lock </dev/null
  log "building native modules (node-pty native-watchdog @parcel/watcher @vscode/spdlog @vscode/deviceid)"
  npm rebuild node-pty native-watchdog @parcel/watcher @vscode/spdlog @vscode/deviceid </dev/null
)
# argon2 is hoisted next to code-server, so rebuild it from the install folder.
log "building argon2"
npm rebuild argon2 </dev/null

# Smoke check: the entry point runs.
node "$DIR/node_modules/code-server/out/node/entry.js" --version >/dev/null

date -u +%FT%TZ > "$MARKER"
log "done in $((SECONDS - start)) s"
