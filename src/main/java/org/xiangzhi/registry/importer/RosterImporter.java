package org.xiangzhi.registry.importer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.registry.household.RegistryStore;
import org.xiangzhi.registry.household.RegistryStore.BatchHousehold;
import org.xiangzhi.registry.household.RegistryStore.BatchResident;
import org.xiangzhi.registry.household.RegistryStore.NewResident;

/**
 * Writes a validated {@link ImportPlan} in one transaction, in batches, with one audit
 * row for the whole import: all of the file or nothing.
 */
@Component
class RosterImporter {

	/** Audit action of a completed import; the detail carries the counts. */
	static final String REGISTRY_IMPORTED = "REGISTRY_IMPORTED";

	/** Households per round trip; residents follow their households. */
	static final int BATCH = 2000;

	private final RegistryStore store;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	RosterImporter(RegistryStore store, AuditLog audit, PlatformTransactionManager transactions) {
		this.store = store;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
	}

	ImportService.Outcome write(ImportPlan plan, Actor actor, Long jobId, RosterValidator.Progress progress) {
		return tx.execute(status -> {
			List<ImportPlan.PlannedHousehold> all = plan.households();
			int written = 0;
			for (int from = 0; from < all.size(); from += BATCH) {
				List<ImportPlan.PlannedHousehold> batch = all.subList(from, Math.min(all.size(), from + BATCH));
				List<ImportPlan.PlannedHousehold> fresh = batch.stream().filter(h -> h.existingId() == null).toList();
				long[] ids = store.insertHouseholds(
						fresh.stream().map(h -> new BatchHousehold(h.path(), h.household())).toList(),
						actor.username());
				List<BatchResident> residents = new ArrayList<>();
				int next = 0;
				for (ImportPlan.PlannedHousehold h : batch) {
					long householdId = h.existingId() != null ? h.existingId() : ids[next++];
					for (NewResident r : h.newResidents()) {
						residents.add(new BatchResident(householdId, h.path(), r));
					}
					written += h.newResidents().size() + h.unchangedResidents();
				}
				store.insertResidents(residents, actor.username());
				progress.rowsDone(written);
			}
			ImportService.Outcome outcome = new ImportService.Outcome(plan.householdsToCreate(),
					plan.householdsExisting(), plan.residentsToCreate(), plan.residentsUnchanged());
			audit.recordAs(actor.username(), actor.describeScope(), plan.scopePath(),
					new AuditEntry(REGISTRY_IMPORTED, "registry_import", jobId == null ? null : String.valueOf(jobId),
							AuditOutcome.SUCCESS, outcome.describe()));
			return outcome;
		});
	}

}
