#!/usr/bin/env bash
# Everything `mvn -B verify` needs outside Maven, installed and started idempotently (Debian/Ubuntu, as root):
#   PostgreSQL 15 and MariaDB on 127.0.0.1          (scripts/start-databases.sh)
#   Chromium and ChromeDriver for the console tests (scripts/install-chromium.sh)
#   the TypeScript MCP SDK for the MCP client check (scripts/install-mcp-client.sh; needs Node 20+)
#   the Flyway Maven plugin that FlywayMavenPluginIT runs offline (scripts/install-flyway-maven-plugin.sh)
# Re-running it is cheap: what is there already is left alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/start-databases.sh"
bash "$here/install-chromium.sh"
bash "$here/install-mcp-client.sh"
bash "$here/install-flyway-maven-plugin.sh"
