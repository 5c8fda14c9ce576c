package dev.governance.archfixture.config;

import dev.governance.archfixture.identity.Kind;

/** Breaks "config depends on no other part". */
public record LeakySettings(Kind kind) {
}
