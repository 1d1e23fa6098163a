package org.xiangzhi.party.links;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * Villages, households and members addressed by the links screens: the same "not found"
 * for a missing record and for one outside the caller's scope, the latter with a
 * {@code SCOPE_DENIED} audit row (callers' transactions do not roll back on
 * {@link RecordNotFoundException}, so the row stays).
 */
@Component
class ScopedLinks {

	/** Object types of the audit log (and record kinds of the authorization matrix). */
	static final String VILLAGE = "party-village";

	static final String HOUSEHOLD = "party-household";

	static final String MEMBER = "party-member";

	private final Places places;

	private final LinkStore store;

	private final AuditLog audit;

	ScopedLinks(Places places, LinkStore store, AuditLog audit) {
		this.places = places;
		this.store = store;
		this.audit = audit;
	}

	Place village(String code, DataScope scope) {
		Place village = places.find(code)
			.filter(p -> p.level() == PlaceLevel.VILLAGE)
			.orElseThrow(() -> new RecordNotFoundException(VILLAGE, code));
		if (!scope.contains(village.path())) {
			throw denied(VILLAGE, code);
		}
		return village;
	}

	LinkStore.HouseholdRow household(long id, DataScope scope) {
		LinkStore.HouseholdRow household = store.household(id)
			.orElseThrow(() -> new RecordNotFoundException(HOUSEHOLD, id));
		if (!scope.contains(household.path())) {
			throw denied(HOUSEHOLD, id);
		}
		return household;
	}

	LinkStore.MemberRow member(long id, DataScope scope) {
		LinkStore.MemberRow member = store.member(id).orElseThrow(() -> new RecordNotFoundException(MEMBER, id));
		if (!scope.contains(member.path())) {
			throw denied(MEMBER, id);
		}
		return member;
	}

	/** Audits a refused access to an existing record and answers "not found". */
	RecordNotFoundException denied(String type, Object id) {
		audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, type, id, org.xiangzhi.platform.AuditOutcome.DENIED));
		return new RecordNotFoundException(type, id);
	}

}
