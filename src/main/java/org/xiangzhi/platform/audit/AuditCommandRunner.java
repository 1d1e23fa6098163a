package org.xiangzhi.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs an audit maintenance command given as {@code --xiangzhi.command=...} and then ends
 * the process with its status, so that cron or a monitoring check can act on it:
 * <ul>
 * <li>{@code verify-audit}: verify the chain; status 0 when intact, 1 when not;</li>
 * <li>{@code purge-audit}: purge rows past retention (run as the database owner role),
 * then verify; status 0 when purged and intact, 1 otherwise.</li>
 * </ul>
 * Other commands are left to other modules.
 */
@Configuration(proxyBeanMethods = false)
class AuditCommandRunner implements ApplicationRunner {

	static final String VERIFY = "verify-audit";

	static final String PURGE = "purge-audit";

	private static final Logger log = LoggerFactory.getLogger(AuditCommandRunner.class);

	private final String command;

	private final AuditVerifier verifier;

	private final AuditPurge purge;

	private final ProcessExit exit;

	AuditCommandRunner(@Value("${xiangzhi.command:}") String command, AuditVerifier verifier, AuditPurge purge,
			ProcessExit exit) {
		this.command = command;
		this.verifier = verifier;
		this.purge = purge;
		this.exit = exit;
	}

	@Bean
	static ProcessExit processExit(ApplicationContext context) {
		return status -> System.exit(SpringApplication.exit(context, () -> status));
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer status = execute(command);
		if (status != null) {
			exit.exit(status);
		}
	}

	/**
	 * @return the exit status, or {@code null} when the command is not an audit command
	 */
	Integer execute(String command) {
		if (VERIFY.equals(command)) {
			return verify();
		}
		if (PURGE.equals(command)) {
			try {
				AuditPurge.Result result = purge.purge();
				log.info("Audit purge: {} rows before {} deleted; the chain now starts after seq {}",
						result.purgedRows(), AuditHash.time(result.cutoff()), result.anchorSeq());
			}
			catch (RuntimeException ex) {
				log.error("Audit purge failed: {}", ex.getMessage());
				return 1;
			}
			return verify();
		}
		return null;
	}

	private int verify() {
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
