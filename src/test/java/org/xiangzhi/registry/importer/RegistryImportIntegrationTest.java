package org.xiangzhi.registry.importer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.xiangzhi.registry.importer.ImportColumn.BIRTH_DATE;
import static org.xiangzhi.registry.importer.ImportColumn.GROUP;
import static org.xiangzhi.registry.importer.ImportColumn.ID_NUMBER;
import static org.xiangzhi.registry.importer.ImportColumn.NAME;
import static org.xiangzhi.registry.importer.ImportColumn.PHONE;
import static org.xiangzhi.registry.importer.ImportColumn.VILLAGE_CODE;

@IntegrationTest
class RegistryImportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	Place village;

	String group;

	@BeforeEach
	void freshVillageAndGroup() {
		village = Rosters.village(places);
		group = String.valueOf(Rosters.group(jdbc, village));
	}

	@Test
	void theTemplateDownloadsWithChineseHeadersTextIdColumnAndInstructions() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/registry/import/template").with(townCadre()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet roster = book.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			roster.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue().replace("*", "")));
			assertThat(headers).containsExactly("户编号", "村代码", "村民小组", "网格代码", "住址", "户标签", "姓名", "身份证号", "性别", "出生日期",
					"与户主关系", "手机号", "人员标签", "备注");
			assertThat(roster.getColumnStyle(ID_NUMBER.ordinal()).getDataFormatString()).isEqualTo("@");
			Sheet help = book.getSheet("填写说明");
			StringBuilder text = new StringBuilder();
			help.forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('\n')));
			assertThat(text).contains("户主", "配偶", "脱贫户", "留守老人");
		}
		// the empty template reads back as a roster without rows
		MvcResult empty = upload(response.getContentAsByteArray(), townCadre());
		assertThat(errors(empty)).containsExactly(new RowError(0, null, "import.file.noRows", null));
	}

	@Test
	void fiveDeliberateErrorsAreEachReportedByRowAndColumnAndNothingIsImported() throws Exception {
		List<Map<ImportColumn, String>> rows = correctRows();
		// row 3: bad check digit
		String id3 = rows.get(1).get(ID_NUMBER);
		rows.get(1).put(ID_NUMBER, id3.substring(0, 17) + (id3.charAt(17) == '0' ? '1' : '0'));
		// row 4: a birth date that contradicts the ID number
		rows.get(2).put(BIRTH_DATE, "1901-01-01");
		// row 5: empty name
		rows.get(3).put(NAME, "");
		// row 6: a group the village does not have
		rows.get(4).put(GROUP, "99999");
		// row 7: the ID number of row 2 again
		rows.get(5).put(ID_NUMBER, rows.get(0).get(ID_NUMBER));
		long residentsBefore = residents();
		long householdsBefore = households();

		MvcResult result = upload(Rosters.xlsx(rows), townCadre());

		assertThat(errors(result)).containsExactly(new RowError(3, ID_NUMBER, "import.error.idNumber.checkDigit", null),
				new RowError(4, BIRTH_DATE, "import.error.birthDateContradictsId", "1901-01-01"),
				new RowError(5, NAME, "import.error.required", null),
				new RowError(6, GROUP, "import.error.groupUnknown", "99999"),
				new RowError(7, ID_NUMBER, "import.error.duplicateId", "2"));
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("未导入任何数据", "身份证号校验码错误", "出生日期“1901-01-01”与身份证号不符", "必填，不能为空", "该村没有村民小组“99999”",
				"身份证号与第 2 行重复");
		assertThat(residents()).isEqualTo(residentsBefore);
		assertThat(households()).isEqualTo(householdsBefore);
	}

	@Test
	void theCorrectedFileImportsWithEncryptedIdentifiersAndImportingItAgainChangesNothing() throws Exception {
		List<Map<ImportColumn, String>> rows = correctRows();
		rows.get(0).put(PHONE, "13912345678");
		byte[] file = Rosters.xlsx(rows);
		long audits = auditRows();

		MvcResult first = upload(file, townCadre());

		assertThat(errors(first)).isNull();
		ImportService.Outcome outcome = (ImportService.Outcome) first.getModelAndView().getModel().get("outcome");
		assertThat(outcome).isEqualTo(new ImportService.Outcome(3, 0, 6, 0));
		assertThat(first.getResponse().getContentAsString()).contains("新建户：3", "新建居民：6");
		assertThat(households()).isEqualTo(3);
		assertThat(residents()).isEqualTo(6);
		assertThat(jdbc.sql("select count(*) from household where village_code = :v and head_resident_id is null")
			.param("v", village.code())
			.query(Long.class)
			.single()).as("every household has its head").isZero();
		Map<String, Object> raw = jdbc
			.sql("select id_number_enc, id_number_bidx, phone_enc from resident where name = :n and org_path like :p")
			.param("n", rows.get(0).get(NAME))
			.param("p", village.path().value() + "%")
			.query()
			.singleRow();
		assertThat(String.valueOf(raw.get("id_number_enc"))).doesNotContain(rows.get(0).get(ID_NUMBER));
		assertThat(String.valueOf(raw.get("id_number_bidx"))).doesNotContain(rows.get(0).get(ID_NUMBER));
		assertThat(String.valueOf(raw.get("phone_enc"))).isNotBlank().doesNotContain("13912345678");
		assertThat(auditRows()).isEqualTo(audits + 1);
		assertThat(jdbc.sql("select detail from audit_event where action = 'REGISTRY_IMPORTED' order by seq desc")
			.query(String.class)
			.list()
			.get(0)).contains("householdsCreated=3", "residentsCreated=6");

		MvcResult again = upload(file, townCadre());

		assertThat(errors(again)).isNull();
		assertThat(again.getModelAndView().getModel().get("outcome")).isEqualTo(new ImportService.Outcome(0, 3, 0, 6));
		assertThat(households()).isEqualTo(3);
		assertThat(residents()).isEqualTo(6);
	}

	@Test
	void aNewMemberOfARegisteredHouseholdJoinsItWithoutANewHousehold() throws Exception {
		List<Map<ImportColumn, String>> rows = correctRows();
		upload(Rosters.xlsx(rows), townCadre());
		Map<ImportColumn, String> baby = new EnumMap<>(Rosters.row("1", "", "", "孙子女", "新生儿", Rosters.idNumber(false)));
		rows.add(2, baby);

		MvcResult result = upload(Rosters.xlsx(rows), townCadre());

		assertThat(result.getModelAndView().getModel().get("outcome")).isEqualTo(new ImportService.Outcome(0, 3, 1, 6));
		assertThat(households()).isEqualTo(3);
		assertThat(residents()).isEqualTo(7);
	}

	@Test
	void aHouseholdNeedsExactlyOneHeadAndConsistentHouseholdColumns() throws Exception {
		List<Map<ImportColumn, String>> rows = correctRows();
		rows.get(1).put(ImportColumn.RELATION, "户主");
		rows.get(3).put(VILLAGE_CODE, "620621110212");
		rows.get(4).put(ImportColumn.RELATION, "配偶");

		MvcResult result = upload(Rosters.xlsx(rows), townCadre());

		assertThat(errors(result)).containsExactly(
				new RowError(3, ImportColumn.RELATION, "import.error.secondHead", "1"),
				new RowError(5, VILLAGE_CODE, "import.error.householdConflict", "2"),
				new RowError(6, ImportColumn.RELATION, "import.error.noHead", "3"));
		assertThat(residents()).isZero();
	}

	@Test
	void aVillageCadreCannotImportIntoAnotherVillage() throws Exception {
		Place chengcao = places.find("620621110212").orElseThrow();
		long before = residents();

		MvcResult result = upload(Rosters.xlsx(correctRows()),
				TestActors.as(TestActors.actor("import-village-cadre", Role.VILLAGE_CADRE, chengcao.path())));

		assertThat(errors(result)).extracting(RowError::messageKey).containsOnly("import.error.villageOutOfScope");
		assertThat(errors(result)).extracting(RowError::row).containsExactly(2, 4, 6);
		assertThat(residents()).isEqualTo(before);
	}

	@Test
	void aGridWorkerMayNotImport() throws Exception {
		MvcResult result = mvc
			.perform(multipart("/registry/import").file(file(Rosters.xlsx(correctRows())))
				.with(csrf())
				.with(TestActors.as(Role.GRID_WORKER, village.path())))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(residents()).isZero();
	}

	/** Three households of two (rows 2–7), all valid, in the test village. */
	private List<Map<ImportColumn, String>> correctRows() {
		String run = Long.toString(System.nanoTime(), 36);
		List<Map<ImportColumn, String>> rows = new ArrayList<>();
		for (int h = 1; h <= 3; h++) {
			rows.add(Rosters.row(String.valueOf(h), village.code(), group, "户主", "户主" + h + run,
					Rosters.idNumber(true)));
			rows.add(Rosters.row(String.valueOf(h), "", "", "配偶", "配偶" + h + run, Rosters.idNumber(false)));
		}
		return rows;
	}

	private RequestPostProcessor townCadre() {
		return TestActors.as(Role.TOWN_CADRE, places.find("620621110").orElseThrow().path());
	}

	private MvcResult upload(byte[] content, RequestPostProcessor actor) throws Exception {
		MvcResult result = mvc.perform(multipart("/registry/import").file(file(content)).with(csrf()).with(actor))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result;
	}

	static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "roster.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
	}

	@SuppressWarnings("unchecked")
	private static List<RowError> errors(MvcResult result) {
		return (List<RowError>) result.getModelAndView().getModel().get("errors");
	}

	private long residents() {
		return jdbc.sql("select count(*) from resident where org_path like :p")
			.param("p", village.path().value() + "%")
			.query(Long.class)
			.single();
	}

	private long households() {
		return jdbc.sql("select count(*) from household where village_code = :v")
			.param("v", village.code())
			.query(Long.class)
			.single();
	}

	private long auditRows() {
		return jdbc.sql("select count(*) from audit_event where action = 'REGISTRY_IMPORTED'")
			.query(Long.class)
			.single();
	}

}
