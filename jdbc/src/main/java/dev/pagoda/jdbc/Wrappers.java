package dev.pagoda.jdbc;

import java.sql.SQLException;

/**
 * {@link java.sql.Wrapper} support: a driver object unwraps to any interface or class it is an
 * instance of, and to the engine object it wraps (a {@link dev.pagoda.Connection} from a {@link
 * PagodaConnection}, say), so callers can reach Pagoda's embedded API.
 */
final class Wrappers {
  private Wrappers() {}

  static boolean isWrapperFor(Object self, Object wrapped, Class<?> iface) {
    return iface != null
        && (iface.isInstance(self) || (wrapped != null && iface.isInstance(wrapped)));
  }

  static <T> T unwrap(Object self, Object wrapped, Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(self)) {
      return iface.cast(self);
    }
    if (iface != null && wrapped != null && iface.isInstance(wrapped)) {
      return iface.cast(wrapped);
    }
    throw new SQLException(
        self.getClass().getSimpleName()
            + " does not wrap "
            + (iface == null ? null : iface.getName()),
        Errors.GENERAL);
  }
}
