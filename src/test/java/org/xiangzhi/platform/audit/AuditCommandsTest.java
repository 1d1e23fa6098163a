package org.xiangzhi.platform.audit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.xiangzhi.platform.audit.AuditVerification.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class AuditCommandsTest {

	private final AuditVerifier verifier = mock(AuditVerifier.class);

	private final AuditPurge purge = mock(AuditPurge.class);

	private final AuditCommands commands = new AuditCommands();

	@Test
	void verifyAnswersZeroWhenTheChainIsIntact() {
		given(verifier.verify()).willReturn(AuditVerification.ok(3));
		assertThat(commands.verifyAuditCommand(verifier).run(new DefaultApplicationArguments())).isZero();
	}

	@Test
	void verifyAnswersOneWhenTheChainIsBroken() {
		given(verifier.verify()).willReturn(AuditVerification.broken(4, 5L, Problem.ALTERED));
		assertThat(commands.verifyAuditCommand(verifier).run(new DefaultApplicationArguments())).isEqualTo(1);
	}

	@Test
	void aPurgeThatFailsAnswersOneWithoutVerifying() {
		given(purge.purge()).willThrow(new IllegalStateException("broken"));
		assertThat(commands.purgeAuditCommand(verifier, purge).run(new DefaultApplicationArguments())).isEqualTo(1);
		verifyNoInteractions(verifier);
	}

	@Test
	void theCommandsHaveTheDocumentedNames() {
		assertThat(commands.verifyAuditCommand(verifier).name()).isEqualTo("verify-audit");
		assertThat(commands.purgeAuditCommand(verifier, purge).name()).isEqualTo("purge-audit");
	}

}
