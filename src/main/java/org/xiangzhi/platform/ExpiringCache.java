package org.xiangzhi.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small in-memory cache whose entries live for a fixed time: for rows that every
 * request reads and that change rarely (integration credentials, a county's category
 * tree). A change made on this node is seen at once when the writer calls
 * {@link #invalidate}; a change made on another node is seen after at most the
 * time-to-live, which is why callers choose a short one and say so in their docs. Absent
 * values are not cached, so a new record is usable at once everywhere. When the cache
 * holds more than its bound it starts afresh rather than track recency: the bound only
 * protects memory against a flood of distinct keys.
 *
 * @param <K> the key
 * @param <V> the cached value
 */
public final class ExpiringCache<K, V> {

	private record Entry<V>(V value, Instant until) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration timeToLive;

	private final int maxEntries;

	private final Clock clock;

	/**
	 * @param timeToLive how long a loaded value is served without asking again
	 * @param maxEntries the bound above which the cache is emptied
	 * @param clock the clock (tests move it)
	 */
	public ExpiringCache(Duration timeToLive, int maxEntries, Clock clock) {
		if (timeToLive.isNegative() || timeToLive.isZero() || maxEntries < 1) {
			throw new IllegalArgumentException("positive time-to-live and bound required");
		}
		this.timeToLive = timeToLive;
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	/**
	 * The cached value of {@code key}, else what {@code loader} finds (cached if
	 * present). Two threads missing the same key at once may both load it; loaders are
	 * idempotent reads.
	 */
	public Optional<V> get(K key, Function<K, Optional<V>> loader) {
		Instant now = clock.instant();
		Entry<V> entry = entries.get(key);
		if (entry != null && now.isBefore(entry.until())) {
			return Optional.of(entry.value());
		}
		Optional<V> loaded = loader.apply(key);
		if (loaded.isPresent()) {
			if (entries.size() >= maxEntries) {
				entries.clear();
			}
			entries.put(key, new Entry<>(loaded.get(), now.plus(timeToLive)));
		}
		else if (entry != null) {
			entries.remove(key, entry);
		}
		return loaded;
	}

	/** Forgets {@code key} on this node. */
	public void invalidate(K key) {
		entries.remove(key);
	}

	/** Forgets everything on this node. */
	public void invalidateAll() {
		entries.clear();
	}

	/** How long a value is served, which is how late another node's change is seen. */
	public Duration timeToLive() {
		return timeToLive;
	}

}
