/**
 * The page cache plug-ins that ship with the pager, and the primitive map they and the pager share.
 * Not exported: the providers are reached through {@link dev.pagoda.pager.PageCacheProviders} by
 * name ({@code clock}, the default, and {@code caffeine}).
 *
 * <p>Both keep the {@link dev.pagoda.pager.PageCache} contract: they hold only the clean, unpinned
 * pages the pager gives them, allocate nothing on a hit, and keep {@code size() <= capacity()}
 * after every call.
 */
package dev.pagoda.pager.cache;
