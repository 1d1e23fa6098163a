package org.xiangzhi.registry.importer;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Masking;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

@IntegrationTest
class RegistryExportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	Place village;

	String prefix;

	List<Map<ImportColumn, String>> rows;

	@BeforeEach
	void importAHousehold() throws Exception {
		village = Rosters.village(places);
		String group = String.valueOf(Rosters.group(jdbc, village));
		prefix = "导出" + Long.toString(System.nanoTime(), 36);
		rows = List.of(Rosters.row("1", village.code(), group, "户主", prefix + "甲", Rosters.idNumber(true)),
				Rosters.row("1", "", "", "配偶", prefix + "乙", Rosters.idNumber(false)));
		rows.get(0).put(ImportColumn.PHONE, "13712345678");
		mvc.perform(multipart("/registry/import").file(RegistryImportIntegrationTest.file(Rosters.xlsx(rows)))
			.with(csrf())
			.with(TestActors.as(Role.TOWN_CADRE, places.find("620621110").orElseThrow().path()))).andReturn();
	}

	@Test
	void anExportIsMaskedByDefaultAndAudited() throws Exception {
		long audits = exports();

		Map<String, String[]> byName = export(TestActors.as(Role.TOWN_CADRE, village.path()), "false");

		assertThat(byName).hasSize(2);
		assertThat(byName.get(prefix + "甲")[4]).isEqualTo(Masking.idNumber(rows.get(0).get(ImportColumn.ID_NUMBER)));
		assertThat(byName.get(prefix + "甲")[5]).isEqualTo("137****5678");
		assertThat(exports()).isEqualTo(audits + 1);
		assertThat(lastExportDetail()).contains("name=" + prefix, "rows=2", "unmasked=false");
	}

	@Test
	void aRevealerWhoAsksGetsClearIdentifiersAndTheAuditSaysSo() throws Exception {
		Map<String, String[]> byName = export(TestActors.as(Role.VILLAGE_CADRE, village.path()), "true");

		assertThat(byName.get(prefix + "甲")[4]).isEqualTo(rows.get(0).get(ImportColumn.ID_NUMBER));
		assertThat(byName.get(prefix + "甲")[5]).isEqualTo("13712345678");
		assertThat(byName.get(prefix + "乙")[4]).isEqualTo(rows.get(1).get(ImportColumn.ID_NUMBER));
		assertThat(lastExportDetail()).contains("rows=2", "unmasked=true (2 rows)");
	}

	@Test
	void aGridWorkerWhoAsksForClearIdentifiersStillGetsThemMasked() throws Exception {
		Map<String, String[]> byName = export(TestActors.as(Role.GRID_WORKER, village.path()), "true");

		assertThat(byName.get(prefix + "甲")[4]).isEqualTo(Masking.idNumber(rows.get(0).get(ImportColumn.ID_NUMBER)));
		assertThat(lastExportDetail()).contains("unmasked=false");
	}

	@Test
	void residentsOutsideTheReadScopeAreNotExported() throws Exception {
		Place chengcao = places.find("620621110212").orElseThrow();

		Map<String, String[]> byName = export(TestActors.as(Role.VILLAGE_CADRE, chengcao.path()), "true");

		assertThat(byName).isEmpty();
	}

	private Map<String, String[]> export(RequestPostProcessor actor, String reveal) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/registry/export").param("name", prefix).param("reveal", reveal).with(actor))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		Map<String, String[]> byName = new HashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("身份证号");
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue;
				}
				String[] cells = new String[RegistryExport.HEADERS.length];
				for (int i = 1; i < cells.length; i++) {
					cells[i] = row.getCell(i).getStringCellValue();
				}
				byName.put(cells[1], cells);
			}
		}
		return byName;
	}

	private long exports() {
		return jdbc.sql("select count(*) from audit_event where action = 'EXPORT'").query(Long.class).single();
	}

	private String lastExportDetail() {
		return jdbc.sql("select detail from audit_event where action = 'EXPORT' order by seq desc")
			.query(String.class)
			.list()
			.get(0);
	}

}
