#!/usr/bin/env bash
# The Flyway Maven plugin that governance-jdbc-flyway's FlywayMavenPluginIT runs as a child `mvn -o` (offline):
# resolved once into the local Maven repository. Re-running it is cheap: a resolved plugin is left alone.
set -euo pipefail
version="${FLYWAY_VERSION:-13.12.2}"
repo="${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}"
# plexus-utils 1.1: Maven 3 adds it to every plugin that doesn't bring its own, so offline it must be there too.
for artifact in "org.flywaydb:flyway-maven-plugin:$version" org.codehaus.plexus:plexus-utils:1.1; do
  IFS=: read -r group name v <<<"$artifact"
  if [ ! -f "$repo/${group//.//}/$name/$v/$name-$v.jar" ]; then
    mvn -B -q -Dmaven.repo.local="$repo" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
      -Dartifact="$artifact" -Dtransitive=true
  fi
done
