package org.xiangzhi.cases.open311;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One document, two renderings: the wrappers differ, the content does not. */
class Open311DocumentTest {

	static Open311Document.Arr twoRequests() {
		return new Open311Document.Arr("service_requests", "request")
			.add(new Open311Document.Obj("request").put("service_request_id", "ABC")
				.put("lat", 38.6)
				.put("media_url", null))
			.add(new Open311Document.Obj("request").put("service_request_id", "DEF")
				.put("lat", null)
				.put("media_url", "https://x/y?a=1&b=2"));
	}

	@Test
	void aListIsATopLevelArrayInJson() {
		assertThat(Open311Document.json(twoRequests()))
			.isEqualTo("[{\"service_request_id\":\"ABC\",\"lat\":38.6,\"media_url\":null},"
					+ "{\"service_request_id\":\"DEF\",\"lat\":null,\"media_url\":\"https://x/y?a=1&b=2\"}]");
	}

	@Test
	void aListIsACollectionElementOfItemElementsInXml() {
		assertThat(Open311Document.xml(twoRequests())).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<service_requests><request><service_request_id>ABC</service_request_id><lat>38.6</lat>"
				+ "<media_url/></request><request><service_request_id>DEF</service_request_id><lat/>"
				+ "<media_url>https://x/y?a=1&amp;b=2</media_url></request></service_requests>");
	}

	@Test
	void nestedListsAndBooleansRenderInBothFormats() {
		Open311Document.Obj definition = new Open311Document.Obj("service_definition").put("service_code", "dispute")
			.put("attributes",
					new Open311Document.Arr("attributes", "attribute")
						.add(new Open311Document.Obj("attribute").put("required", true)
							.put("values", new Open311Document.Arr("values", "value")
								.add(new Open311Document.Obj("value").put("key", "land").put("name", "土地<山林>")))));
		assertThat(Open311Document.json(definition)).isEqualTo("{\"service_code\":\"dispute\",\"attributes\":"
				+ "[{\"required\":true,\"values\":[{\"key\":\"land\",\"name\":\"土地<山林>\"}]}]}");
		assertThat(Open311Document.xml(definition)).endsWith("<service_definition><service_code>dispute</service_code>"
				+ "<attributes><attribute><required>true</required><values><value><key>land</key>"
				+ "<name>土地&lt;山林&gt;</name></value></values></attribute></attributes></service_definition>");
	}

	@Test
	void charactersXmlCannotCarryAreDroppedNotEscapedIntoInvalidXml() {
		String xml = Open311Document.xml(new Open311Document.Obj("error").put("description", "a\u0000b\u0007c"));
		assertThat(xml).endsWith("<error><description>abc</description></error>");
	}

	@Test
	void datesAreW3cWithTheChinaOffset() {
		assertThat(Open311Document.dateTime(Instant.parse("2026-11-22T16:30:15.123Z")))
			.isEqualTo("2026-11-23T00:30:15+08:00");
		assertThat(Open311Document.dateTime(null)).isNull();
	}

}
