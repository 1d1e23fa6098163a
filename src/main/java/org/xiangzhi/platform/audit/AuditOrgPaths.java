package org.xiangzhi.platform.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.xiangzhi.platform.OrgPath;

/** Path arithmetic the audit log needs to place a row in the tree. */
final class AuditOrgPaths {

	private AuditOrgPaths() {
	}

	/**
	 * The deepest node that contains every given path, so that an auditor sees the row
	 * only when the actor's whole scope lies inside the auditor's: an actor assigned at
	 * {@code /62/6206/620621/} and {@code /62/6206/620622/} acts at {@code /62/6206/}.
	 * @return {@code null} for no paths
	 */
	static OrgPath deepestCommonAncestor(Collection<OrgPath> paths) {
		if (paths == null || paths.isEmpty()) {
			return null;
		}
		List<String> common = null;
		for (OrgPath path : paths) {
			List<String> codes = path.codes();
			if (common == null) {
				common = new ArrayList<>(codes);
				continue;
			}
			int shared = 0;
			while (shared < common.size() && shared < codes.size() && common.get(shared).equals(codes.get(shared))) {
				shared++;
			}
			common = new ArrayList<>(common.subList(0, shared));
		}
		return OrgPath.ofCodes(common.toArray(String[]::new));
	}

}
