package org.xiangzhi.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.xiangzhi.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiringCacheTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

	private final AtomicInteger loads = new AtomicInteger();

	private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 3, clock);

	private Optional<String> load(String key) {
		loads.incrementAndGet();
		return key.startsWith("missing") ? Optional.empty() : Optional.of(key.toUpperCase());
	}

	@Test
	void aValueIsLoadedOnceWithinItsTimeToLiveAndAgainAfter() {
		assertThat(cache.get("a", this::load)).contains("A");
		clock.advance(Duration.ofSeconds(9));
		assertThat(cache.get("a", this::load)).contains("A");
		assertThat(loads).hasValue(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(cache.get("a", this::load)).contains("A");
		assertThat(loads).hasValue(2);
	}

	@Test
	void anAbsentValueIsAskedForEveryTimeSoThatANewRecordCountsAtOnce() {
		assertThat(cache.get("missing", this::load)).isEmpty();
		assertThat(cache.get("missing", this::load)).isEmpty();
		assertThat(loads).hasValue(2);
	}

	@Test
	void aValueThatDisappearsIsForgottenWhenItExpires() {
		ExpiringCache<String, String> revocable = new ExpiringCache<>(Duration.ofSeconds(10), 10, clock);
		AtomicInteger calls = new AtomicInteger();
		assertThat(revocable.get("k", k -> Optional.of("v" + calls.incrementAndGet()))).contains("v1");
		clock.advance(Duration.ofSeconds(11));
		assertThat(revocable.get("k", k -> Optional.empty())).isEmpty();
		assertThat(revocable.get("k", k -> Optional.of("v" + calls.incrementAndGet()))).contains("v2");
	}

	@Test
	void invalidatingForgetsAtOnce() {
		cache.get("a", this::load);
		cache.get("b", this::load);
		cache.invalidate("a");
		cache.get("a", this::load);
		cache.get("b", this::load);
		assertThat(loads).hasValue(3);
		cache.invalidateAll();
		cache.get("b", this::load);
		assertThat(loads).hasValue(4);
	}

	@Test
	void aFloodOfKeysEmptiesTheCacheInsteadOfGrowingIt() {
		cache.get("a", this::load);
		cache.get("b", this::load);
		cache.get("c", this::load);
		cache.get("d", this::load);
		// the bound of 3 was reached: the cache started afresh with d
		cache.get("a", this::load);
		cache.get("d", this::load);
		assertThat(loads).hasValue(5);
	}

	@Test
	void aTimeToLiveMustBePositive() {
		assertThatThrownBy(() -> new ExpiringCache<String, String>(Duration.ZERO, 1, clock))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(cache.timeToLive()).isEqualTo(Duration.ofSeconds(10));
	}

}
