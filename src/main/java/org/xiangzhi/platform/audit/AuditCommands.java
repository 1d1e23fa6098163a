package org.xiangzhi.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiangzhi.platform.Command;

/**
 * Audit maintenance commands:
 * <ul>
 * <li>{@code verify-audit}: verify the chain; status 0 when intact, 1 when not;</li>
 * <li>{@code purge-audit}: purge rows past retention (run as the database owner role),
 * then verify; status 0 when purged and intact, 1 otherwise.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AuditCommands {

	static final String VERIFY = "verify-audit";

	static final String PURGE = "purge-audit";

	private static final Logger log = LoggerFactory.getLogger(AuditCommands.class);

	@Bean
	Command verifyAuditCommand(AuditVerifier verifier) {
		return Command.of(VERIFY, args -> verify(verifier));
	}

	@Bean
	Command purgeAuditCommand(AuditVerifier verifier, AuditPurge purge) {
		return Command.of(PURGE, args -> {
			try {
				AuditPurge.Result result = purge.purge();
				log.info("Audit purge: {} rows before {} deleted; the chain now starts after seq {}",
						result.purgedRows(), AuditHash.time(result.cutoff()), result.anchorSeq());
			}
			catch (RuntimeException ex) {
				log.error("Audit purge failed: {}", ex.getMessage());
				return 1;
			}
			return verify(verifier);
		});
	}

	static int verify(AuditVerifier verifier) {
		AuditVerification result = verifier.verify();
		if (result.intact()) {
			log.info("Audit chain intact: {} rows checked; head {}", result.rowsChecked(), verifier.headFingerprint());
			return 0;
		}
		log.error("Audit chain BROKEN at seq {}: {} ({} rows checked before it)", result.firstBadSeq(),
				result.problem(), result.rowsChecked());
		return 1;
	}

}
