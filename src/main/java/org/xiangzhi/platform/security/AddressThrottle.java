package org.xiangzhi.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.SecuritySettings;

/**
 * Counts failed logins per client address across all accounts, so a password spray from
 * one address is stopped even though no single account reaches its lockout. Kept in
 * memory: with several nodes each node counts its own share, which still bounds a spray
 * (see docs).
 */
@Component
class AddressThrottle {

	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final SecuritySettings settings;

	private final Clock clock;

	AddressThrottle(SecuritySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	boolean isBlocked(String address) {
		Deque<Instant> times = failures.get(address);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times, clock.instant());
			return times.size() >= settings.addressFailures();
		}
	}

	void recordFailure(String address) {
		if (failures.size() >= MAX_TRACKED_ADDRESSES) {
			Instant now = clock.instant();
			failures.values().removeIf(times -> {
				synchronized (times) {
					prune(times, now);
					return times.isEmpty();
				}
			});
		}
		Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (times) {
			prune(times, clock.instant());
			times.addLast(clock.instant());
		}
	}

	private void prune(Deque<Instant> times, Instant now) {
		Instant horizon = now.minus(settings.addressWindow());
		while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
			times.removeFirst();
		}
	}

}
