package org.xiangzhi.registry;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryAccessTest {

	@Test
	void theExpressionsNameExactlyTheRoleSets() {
		assertThat(rolesIn(RegistryAccess.CAN_READ)).isEqualTo(RegistryAccess.READERS);
		assertThat(rolesIn(RegistryAccess.CAN_EDIT)).isEqualTo(RegistryAccess.EDITORS);
		assertThat(rolesIn(RegistryAccess.CAN_REVEAL)).isEqualTo(RegistryAccess.REVEALERS);
		assertThat(rolesIn(RegistryAccess.CAN_IMPORT)).isEqualTo(RegistryAccess.IMPORTERS);
	}

	@Test
	void auditorsAndPartyMembersHaveNoRegistryAccessYet() {
		assertThat(RegistryAccess.READERS).doesNotContain(Role.AUDITOR, Role.PARTY_MEMBER);
	}

	private static Set<Role> rolesIn(String expression) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (expression.contains("'" + role.name() + "'")) {
				roles.add(role);
			}
		}
		return roles;
	}

}
