#!/usr/bin/env bash
# The Flyway Maven plugin that governance-jdbc-flyway's FlywayMavenPluginIT runs as a child `mvn -o` (offline):
# resolved once into the local Maven repository. Re-running it is cheap: a resolved plugin is left alone.
set -euo pipefail
version="${FLYWAY_VERSION:-13.12.2}"
repo="${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}"
if [ -f "$repo/org/flywaydb/flyway-maven-plugin/$version/flyway-maven-plugin-$version.jar" ]; then
  exit 0
fi
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
  -Dartifact="org.flywaydb:flyway-maven-plugin:$version" -Dtransitive=true
