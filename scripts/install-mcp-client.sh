#!/usr/bin/env bash
# Installs the TypeScript MCP SDK (npm @modelcontextprotocol/sdk) into scripts/mcp-client/node_modules, for the
# independent-client check of the MCP server (NodeClientIT runs scripts/mcp-client/check-stdio.mjs with it).
#
# Idempotent: when the pinned version is already there nothing is done. Needs Node 20+ and npm on the PATH.
set -euo pipefail

SDK_VERSION=1.32.2
DIR="$(cd "$(dirname "$0")" && pwd)/mcp-client"

say() { echo "install-mcp-client: $*"; }
die() { echo "install-mcp-client: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "node not found: install Node 20+ (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || die "npm not found"
major=$(node -p 'process.versions.node.split(".")[0]')
[[ $major -ge 20 ]] || die "Node 20+ needed, found $(node --version)"

installed=$(node -p "try { require('$DIR/node_modules/@modelcontextprotocol/sdk/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [[ $installed == "$SDK_VERSION" ]]; then
  say "@modelcontextprotocol/sdk $SDK_VERSION already installed in $DIR"
  exit 0
fi

exec 9>"/tmp/governance-jdbc-mcp-client.lock"
flock -w 600 9 || die "another install-mcp-client.sh run held the lock for 10 minutes"
say "installing @modelcontextprotocol/sdk $SDK_VERSION into $DIR"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "@modelcontextprotocol/sdk@$SDK_VERSION" >&2
node -e "require('$DIR/node_modules/@modelcontextprotocol/sdk/package.json')" || die "install failed"
say "done"
