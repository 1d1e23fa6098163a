package org.xiangzhi.platform.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.OrgPath;

import static org.assertj.core.api.Assertions.assertThat;

class AuditOrgPathsTest {

	@Test
	void noAssignmentsPlaceTheRowNowhere() {
		assertThat(AuditOrgPaths.deepestCommonAncestor(List.of())).isNull();
	}

	@Test
	void oneAssignmentIsItsOwnAncestor() {
		assertThat(AuditOrgPaths.deepestCommonAncestor(List.of(OrgPath.ofCodes("62", "6206", "620621"))))
			.isEqualTo(OrgPath.ofCodes("62", "6206", "620621"));
	}

	@Test
	void siblingsMeetAtTheirParent() {
		assertThat(AuditOrgPaths.deepestCommonAncestor(
				List.of(OrgPath.ofCodes("62", "6206", "620621"), OrgPath.ofCodes("62", "6206", "620622"))))
			.isEqualTo(OrgPath.ofCodes("62", "6206"));
	}

	@Test
	void aNodeAndItsDescendantMeetAtTheNode() {
		assertThat(AuditOrgPaths.deepestCommonAncestor(
				List.of(OrgPath.ofCodes("62", "6206", "620621", "620621110"), OrgPath.ofCodes("62", "6206"))))
			.isEqualTo(OrgPath.ofCodes("62", "6206"));
	}

	@Test
	void codesAreComparedWholeNotByTextPrefix() {
		// "/62/6206/" and "/62/62061/" share the text "/62/6206" but only the node /62/
		assertThat(AuditOrgPaths
			.deepestCommonAncestor(List.of(OrgPath.ofCodes("62", "6206"), OrgPath.ofCodes("62", "62061"))))
			.isEqualTo(OrgPath.ofCodes("62"));
	}

	@Test
	void unrelatedTreesMeetAtTheRoot() {
		assertThat(AuditOrgPaths.deepestCommonAncestor(List.of(OrgPath.ofCodes("62"), OrgPath.ofCodes("63"))))
			.isEqualTo(OrgPath.ROOT);
	}

}
