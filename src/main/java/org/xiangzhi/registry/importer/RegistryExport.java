package org.xiangzhi.registry.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Masking;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.RegistryAccess;
import org.xiangzhi.registry.household.RegistryStore;
import org.xiangzhi.registry.household.RegistryStore.ClearIdentifiers;
import org.xiangzhi.registry.household.RegistryStore.ResidentQuery;
import org.xiangzhi.registry.household.RegistryStore.ResidentView;

/**
 * Excel export of a resident search (导出): the caller's read scope, masked identifiers
 * unless the caller asked for them unmasked and holds a reveal role over the row; every
 * export leaves one audit row with the criteria (identifiers masked) and the counts.
 */
@Service
@Transactional(readOnly = false)
public class RegistryExport {

	/**
	 * More matching residents than this are not exported; the user narrows the search.
	 */
	public static final int MAX_ROWS = 50_000;

	static final int PAGE = 1000;

	static final String[] HEADERS = { "户ID", "姓名", "性别", "出生日期", "身份证号", "手机号", "与户主关系", "状态", "人员标签", "所在地代码" };

	private final RegistryStore store;

	private final AuditLog audit;

	RegistryExport(RegistryStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	/** The outcome: a workbook, or the count that was too large. */
	public record Export(byte[] workbook, long rows, long unmaskedRows, boolean tooMany) {
	}

	public Export export(Actor actor, ResidentQuery query, boolean reveal) {
		DataScope scope = RegistryAccess.readScope(actor);
		long count = store.countResidents(scope, query);
		if (count > MAX_ROWS) {
			return new Export(null, count, 0, true);
		}
		DataScope revealScope = reveal ? RegistryAccess.revealScope(actor) : DataScope.none();
		long unmasked = 0;
		long written = 0;
		try (SXSSFWorkbook book = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("居民");
			Row head = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 1;
			for (int offset = 0; offset < count; offset += PAGE) {
				List<ResidentView> page = store.searchResidents(scope, query, offset, PAGE);
				if (page.isEmpty()) {
					break;
				}
				List<Long> revealable = new ArrayList<>();
				for (ResidentView v : page) {
					if (revealScope.contains(OrgPath.of(v.orgPath()))) {
						revealable.add(v.id());
					}
				}
				Map<Long, ClearIdentifiers> clear = revealable.isEmpty() ? Map.of()
						: store.clearIdentifiers(revealable);
				for (ResidentView v : page) {
					Row row = sheet.createRow(r++);
					ClearIdentifiers ids = clear.get(v.id());
					row.createCell(0).setCellValue(v.householdId());
					row.createCell(1).setCellValue(v.name());
					row.createCell(2).setCellValue(v.gender() == org.xiangzhi.registry.Gender.MALE ? "男" : "女");
					row.createCell(3).setCellValue(v.birthDate() == null ? "" : v.birthDate().toString());
					row.createCell(4).setCellValue(ids != null ? ids.idNumber() : v.maskedIdNumber());
					row.createCell(5).setCellValue(ids != null ? ids.phone() : v.maskedPhone());
					row.createCell(6).setCellValue(v.relation().chinese());
					row.createCell(7).setCellValue(v.status().name());
					row.createCell(8).setCellValue(String.join(",", v.tags()));
					row.createCell(9).setCellValue(OrgPath.of(v.orgPath()).leafCode());
					if (ids != null) {
						unmasked++;
					}
					written++;
				}
			}
			book.write(out);
			book.dispose();
			audit.record(new AuditEntry(AuditActions.EXPORT, "resident", null, AuditOutcome.SUCCESS,
					"registry residents; criteria: " + describe(query) + "; rows=" + written + "; unmasked="
							+ (unmasked > 0) + " (" + unmasked + " rows)"));
			return new Export(out.toByteArray(), written, unmasked, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The criteria for the audit log, identifiers masked. */
	static String describe(ResidentQuery q) {
		List<String> parts = new ArrayList<>();
		if (notBlank(q.namePrefix())) {
			parts.add("name=" + q.namePrefix().strip());
		}
		if (notBlank(q.idNumber())) {
			parts.add("idNumber=" + Masking.idNumber(q.idNumber()));
		}
		if (notBlank(q.phone())) {
			parts.add("phone=" + Masking.phone(q.phone()));
		}
		if (notBlank(q.tag())) {
			parts.add("tag=" + q.tag());
		}
		if (q.groupId() != null) {
			parts.add("groupId=" + q.groupId());
		}
		if (notBlank(q.gridCode())) {
			parts.add("gridCode=" + q.gridCode());
		}
		if (q.status() != null) {
			parts.add("status=" + q.status());
		}
		return parts.isEmpty() ? "all" : String.join(", ", parts);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
