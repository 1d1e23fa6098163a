package org.xiangzhi.platform.audit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.xiangzhi.platform.audit.AuditVerification.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class AuditCommandRunnerTest {

	private final AuditVerifier verifier = mock(AuditVerifier.class);

	private final AuditPurge purge = mock(AuditPurge.class);

	private final List<Integer> exits = new ArrayList<>();

	private AuditCommandRunner runner(String command) {
		return new AuditCommandRunner(command, verifier, purge, exits::add);
	}

	@Test
	void verifyExitsWithZeroWhenTheChainIsIntact() {
		given(verifier.verify()).willReturn(AuditVerification.ok(3));
		runner("verify-audit").run(new DefaultApplicationArguments());
		assertThat(exits).containsExactly(0);
	}

	@Test
	void verifyExitsWithOneWhenTheChainIsBroken() {
		given(verifier.verify()).willReturn(AuditVerification.broken(4, 5L, Problem.ALTERED));
		runner("verify-audit").run(new DefaultApplicationArguments());
		assertThat(exits).containsExactly(1);
	}

	@Test
	void purgeThatFailsExitsWithOne() {
		given(purge.purge()).willThrow(new IllegalStateException("broken"));
		runner("purge-audit").run(new DefaultApplicationArguments());
		assertThat(exits).containsExactly(1);
	}

	@Test
	void withoutAnAuditCommandTheApplicationRunsOn() {
		runner("").run(new DefaultApplicationArguments());
		runner("import-places").run(new DefaultApplicationArguments());
		assertThat(exits).isEmpty();
		verifyNoInteractions(verifier, purge);
	}

}
