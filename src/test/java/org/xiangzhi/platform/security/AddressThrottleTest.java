package org.xiangzhi.platform.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.xiangzhi.MutableClock;
import org.xiangzhi.platform.SecuritySettings;

import static org.assertj.core.api.Assertions.assertThat;

class AddressThrottleTest {

	private static final int LIMIT = 4;

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

	private final AddressThrottle throttle = new AddressThrottle(new SecuritySettings(5, Duration.ofMinutes(15), LIMIT,
			WINDOW, false, Duration.ofDays(180), Duration.ofDays(90)), clock);

	private void fail(String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.recordFailure(address);
		}
	}

	@Test
	void anUnknownAddressIsNotBlocked() {
		assertThat(throttle.isBlocked("203.0.113.7")).isFalse();
	}

	@Test
	void oneFailureFewerThanTheLimitIsNotBlocked() {
		fail("203.0.113.7", LIMIT - 1);
		assertThat(throttle.isBlocked("203.0.113.7")).isFalse();
	}

	@Test
	void reachingTheLimitBlocks() {
		fail("203.0.113.7", LIMIT);
		assertThat(throttle.isBlocked("203.0.113.7")).isTrue();
		fail("203.0.113.7", 1);
		assertThat(throttle.isBlocked("203.0.113.7")).isTrue();
	}

	@Test
	void onceTheWindowHasPassedTheAddressIsUnblocked() {
		fail("203.0.113.7", LIMIT);
		clock.advance(WINDOW.minusSeconds(1));
		assertThat(throttle.isBlocked("203.0.113.7")).isTrue();
		clock.advance(Duration.ofSeconds(2));
		assertThat(throttle.isBlocked("203.0.113.7")).isFalse();
	}

	@Test
	void onlyFailuresInsideTheWindowCount() {
		fail("203.0.113.7", LIMIT - 1);
		clock.advance(WINDOW.dividedBy(2));
		fail("203.0.113.7", 1);
		assertThat(throttle.isBlocked("203.0.113.7")).isTrue();
		// the first failures fall out of the window, the last one stays
		clock.advance(WINDOW.dividedBy(2).plusSeconds(1));
		assertThat(throttle.isBlocked("203.0.113.7")).isFalse();
		fail("203.0.113.7", LIMIT - 2);
		assertThat(throttle.isBlocked("203.0.113.7")).isFalse();
		fail("203.0.113.7", 1);
		assertThat(throttle.isBlocked("203.0.113.7")).isTrue();
	}

	@Test
	void addressesAreCountedIndependently() {
		fail("203.0.113.7", LIMIT);
		fail("198.51.100.1", LIMIT - 1);
		assertThat(throttle.isBlocked("203.0.113.7")).isTrue();
		assertThat(throttle.isBlocked("198.51.100.1")).isFalse();
		assertThat(throttle.isBlocked("2001:db8::1")).isFalse();
	}

}
