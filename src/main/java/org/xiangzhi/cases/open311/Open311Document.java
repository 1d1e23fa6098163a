package org.xiangzhi.cases.open311;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * One GeoReport v2 answer, written once and rendered as JSON or XML. The two formats
 * differ only in their wrappers: a JSON list is a top-level array, the XML list is an
 * element named after the collection ({@code <services>}) holding one element per item
 * ({@code <service>}); an object's fields are elements in XML and members in JSON.
 */
final class Open311Document {

	/** W3C date-times with the offset of China Standard Time, as the spec asks. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private Open311Document() {
	}

	/** An object: ordered fields whose values are scalars, {@link Obj} or {@link Arr}. */
	record Obj(String xmlName, Map<String, Object> fields) {

		Obj(String xmlName) {
			this(xmlName, new LinkedHashMap<>());
		}

		Obj put(String name, Object value) {
			fields.put(name, value);
			return this;
		}

	}

	/** A list: items are {@link Obj} or scalars, each wrapped in {@code itemName}. */
	record Arr(String xmlName, String itemName, List<Object> items) {

		Arr(String xmlName, String itemName) {
			this(xmlName, itemName, new ArrayList<>());
		}

		Arr add(Object item) {
			items.add(item);
			return this;
		}

	}

	/** A W3C date-time with offset, or null. */
	static String dateTime(Instant instant) {
		return instant == null ? null : W3C.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

	static String json(Object document) {
		return JSON.writeValueAsString(plain(document));
	}

	private static Object plain(Object value) {
		if (value instanceof Obj obj) {
			Map<String, Object> map = new LinkedHashMap<>();
			obj.fields().forEach((k, v) -> map.put(k, plain(v)));
			return map;
		}
		if (value instanceof Arr arr) {
			return arr.items().stream().map(Open311Document::plain).toList();
		}
		return value;
	}

	static String xml(Object document) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			if (document instanceof Obj obj) {
				element(xml, obj.xmlName(), obj);
			}
			else {
				element(xml, ((Arr) document).xmlName(), document);
			}
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
		if (value == null) {
			xml.writeEmptyElement(name);
			return;
		}
		xml.writeStartElement(name);
		if (value instanceof Obj obj) {
			for (Map.Entry<String, Object> field : obj.fields().entrySet()) {
				element(xml, field.getKey(), field.getValue());
			}
		}
		else if (value instanceof Arr arr) {
			for (Object item : arr.items()) {
				element(xml, arr.itemName(), item);
			}
		}
		else {
			xml.writeCharacters(clean(String.valueOf(value)));
		}
		xml.writeEndElement();
	}

	/** Characters XML 1.0 cannot carry at all (most C0 controls) are dropped. */
	private static String clean(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints()
			.filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| c >= 0x10000)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
