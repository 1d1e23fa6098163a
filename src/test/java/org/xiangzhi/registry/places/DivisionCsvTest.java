package org.xiangzhi.registry.places;

import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.PlaceLevel;

import static org.assertj.core.api.Assertions.assertThat;

class DivisionCsvTest {

	@Test
	void aVillagesFileGivesVillagesUnderTheirTownWithTheOfficialName() {
		DivisionCsv.Parsed parsed = DivisionCsv.parse("villages.csv", new StringReader(
				"code,name,streetCode,provinceCode,cityCode,areaCode\n620902101209,\"西一村委会\",620902101,62,6209,620902\n"));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.divisions()).singleElement().satisfies(d -> {
			assertThat(d.code()).isEqualTo("620902101209");
			assertThat(d.name()).isEqualTo("西一村委会");
			assertThat(d.level()).isEqualTo(PlaceLevel.VILLAGE);
			assertThat(d.parentCode()).isEqualTo("620902101");
			assertThat(d.line()).isEqualTo(2);
		});
	}

	@Test
	void theKindOfFileIsToldByItsHeaderAndProvincesHangUnderTheNation() {
		DivisionCsv.Parsed provinces = DivisionCsv.parse("x.csv", new StringReader("code,name\n62,\"甘肃省\"\n"));
		DivisionCsv.Parsed streets = DivisionCsv.parse("y.csv",
				new StringReader("code,name,areaCode,provinceCode,cityCode\n620621110,\"苏武镇\",620621,62,6206\n"));
		assertThat(provinces.divisions().get(0).parentCode()).isEqualTo("000000");
		assertThat(provinces.divisions().get(0).level()).isEqualTo(PlaceLevel.PROVINCE);
		assertThat(streets.divisions().get(0).level()).isEqualTo(PlaceLevel.TOWN);
		assertThat(streets.divisions().get(0).parentCode()).isEqualTo("620621");
	}

	@Test
	void badRowsAreReportedWithTheirLineNumbersAndGoodRowsAreKept() {
		String csv = """
				code,name,streetCode,provinceCode,cityCode,areaCode
				620902101209,"西一村委会",620902101,62,6209,620902
				62090210121,"短代码",620902101,62,6209,620902
				620902101210,"",620902101,62,6209,620902

				620902101211,"西三村委会",620621110,62,6209,620902
				620902101212,"上寨村委会"
				""";
		DivisionCsv.Parsed parsed = DivisionCsv.parse("villages.csv", new StringReader(csv));
		assertThat(parsed.divisions()).extracting(DivisionCsv.Division::code).containsExactly("620902101209");
		assertThat(parsed.problems()).extracting(DivisionCsv.Problem::line).containsExactly(3, 4, 6, 7);
		assertThat(parsed.problems()).extracting(DivisionCsv.Problem::messageKey)
			.containsExactly("places.divisions.error.code", "places.divisions.error.name",
					"places.divisions.error.parent", "places.divisions.error.columns");
	}

	@Test
	void anUnknownHeaderIsRefusedAsAWhole() {
		DivisionCsv.Parsed parsed = DivisionCsv.parse("z.csv", new StringReader("id,label,foo\n1,2,3\n"));
		assertThat(parsed.divisions()).isEmpty();
		assertThat(parsed.problems()).singleElement()
			.extracting(DivisionCsv.Problem::messageKey)
			.isEqualTo("places.divisions.error.header");
	}

	@Test
	void quotedFieldsMayHoldCommasAndDoubledQuotes() {
		assertThat(DivisionCsv.fields("1,\"a,b\",\"say \"\"hi\"\"\",")).containsExactly("1", "a,b", "say \"hi\"", "");
	}

}
