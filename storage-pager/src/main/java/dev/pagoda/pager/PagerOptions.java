package dev.pagoda.pager;

/**
 * Options for {@link Pager#open}.
 *
 * @param pageSize page size used only when creating a new database (an empty file): a power of two
 *     in 512..65536
 * @param readOnly whether the pager refuses write transactions
 */
public record PagerOptions(int pageSize, boolean readOnly) {
  /** The default page size, as in SQLite. */
  public static final int DEFAULT_PAGE_SIZE = 4096;

  public PagerOptions {
    if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw new IllegalArgumentException("page size must be a power of two in 512..65536: " + pageSize);
    }
  }

  /** Page size 4096, read-write. */
  public static PagerOptions defaults() {
    return new PagerOptions(DEFAULT_PAGE_SIZE, false);
  }
}
