package org.xiangzhi.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and session rules (等保 2.0 level 3, OWASP ASVS level 2), bound from
 * {@code xiangzhi.security.*}.
 *
 * @param lockoutFailures failed passwords in a row that lock an account
 * @param lockoutDuration how long the lock lasts
 * @param addressFailures failed logins from one address, across accounts, before it gets
 * 429
 * @param addressWindow the window for {@code addressFailures}
 * @param requireAdminTotp whether administrators must use a second factor (true under
 * prod)
 * @param passwordMaxAge a password older than this must be changed (MLPS periodic change)
 * @param dormantAfter accounts without a login for this long are refused (demo accounts
 * exempt)
 */
@ConfigurationProperties("xiangzhi.security")
public record SecuritySettings(@DefaultValue("5") int lockoutFailures, @DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("20") int addressFailures, @DefaultValue("10m") Duration addressWindow,
		@DefaultValue("false") boolean requireAdminTotp, @DefaultValue("180d") Duration passwordMaxAge,
		@DefaultValue("90d") Duration dormantAfter) {

}
