package dev.pagoda.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The driver's catalog code ({@link CatalogMethods}) run on real SQLite through sqlite-jdbc, over
 * the full schema: with WITHOUT ROWID and TEMP tables, which Pagoda cannot create yet. So the pragma-reading code is checked against sqlite-jdbc for them too, and
 * {@link DatabaseMetaDataConformanceTest} checks that Pagoda's engine answers the same SQL alike.
 */
class CatalogMethodsOnSqliteTest extends ForeignKeyConformanceBase {
  private Connection ours;

  @Override
  List<String> schema() {
    return MetaOracle.both(MetaOracle.COMMON, MetaOracle.SQLITE_ONLY);
  }

  @Override
  DatabaseMetaData open() throws SQLException {
    ours = MetaOracle.sqlite(schema());
    CatalogMethods catalog = new CatalogMethods(ours);
    return (DatabaseMetaData)
        Proxy.newProxyInstance(
            DatabaseMetaData.class.getClassLoader(),
            new Class<?>[] {DatabaseMetaData.class},
            (proxy, method, args) -> invoke(catalog, method, args));
  }

  /** Calls the CatalogMethods method with {@code method}'s signature. */
  private static Object invoke(CatalogMethods catalog, Method method, Object[] args)
      throws Throwable {
    Method target = CatalogMethods.class.getMethod(method.getName(), method.getParameterTypes());
    try {
      return target.invoke(catalog, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  void close() throws SQLException {
    ours.close();
  }
}
