package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.SqlStates;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap} is a security decision: the governed object answers for itself and for the JDBC interfaces it
 * implements; the real driver's object is reachable only with {@code governance.allow-unwrap=true}.
 */
final class Unwrapping {
    private Unwrapping() {
    }

    static <T> T unwrap(Object self, Wrapper delegate, Class<T> iface, boolean allowed) throws SQLException {
        if (iface == null) {
            throw new SQLException("unwrap(null)", "HY009");
        }
        if (iface.isInstance(self)) {
            return iface.cast(self);
        }
        if (!allowed) {
            throw new SQLException("unwrap to " + iface.getName() + " is not allowed: the real driver's objects would"
                    + " bypass governance (set governance.allow-unwrap=true to permit it)", SqlStates.POLICY_DENIED);
        }
        if (iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        return delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object self, Wrapper delegate, Class<?> iface, boolean allowed) throws SQLException {
        if (iface == null) {
            return false;
        }
        if (iface.isInstance(self)) {
            return true;
        }
        return allowed && (iface.isInstance(delegate) || delegate.isWrapperFor(iface));
    }
}
