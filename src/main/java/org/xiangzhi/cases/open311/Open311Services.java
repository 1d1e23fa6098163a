package org.xiangzhi.cases.open311;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.cases.core.CategoryCatalog;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.platform.OrgPath;

/**
 * The services of a county: one per active category of its tree
 * ({@link CategoryCatalog#forCounty}), the category code being the service code. Every
 * service has metadata: the optional {@code village} list places a report whose point is
 * missing or lies outside every grid of the county; disputes (矛盾纠纷) ask in addition for
 * the kind of dispute (required), the other party and the number of households involved,
 * which the village mediation committee needs before its first session.
 */
@Component
class Open311Services {

	static final String VILLAGE = "village";

	static final String DISPUTE_KIND = "dispute_kind";

	static final String OTHER_PARTY = "other_party";

	static final String HOUSEHOLDS = "households";

	static final List<String> DISPUTE_KINDS = List.of("neighbour", "family", "land", "debt", "labour", "other");

	static final int MAX_TEXT = 200;

	private final CategoryCatalog catalog;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	Open311Services(CategoryCatalog catalog, JdbcClient jdbc, MessageSource messages) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** One attribute of a service definition. */
	record Attribute(String code, String datatype, boolean required, int order, String description,
			List<Value> values) {
	}

	/** One choice of a list attribute. */
	record Value(String key, String name) {
	}

	/** A village of the county: its code and "town village" name. */
	record Village(String code, String name) {
	}

	List<CaseCategory> categories(String countyCode) {
		return catalog.forCounty(countyCode);
	}

	Optional<CaseCategory> category(String countyCode, String serviceCode) {
		return catalog.find(countyCode, serviceCode);
	}

	/** The services list ({@code services.xml}). */
	Open311Document.Arr services(String countyCode, Locale locale) {
		List<CaseCategory> categories = categories(countyCode);
		Map<String, CaseCategory> byCode = categories.stream()
			.collect(Collectors.toMap(CaseCategory::code, Function.identity()));
		String language = language(locale);
		Open311Document.Arr services = new Open311Document.Arr("services", "service");
		for (CaseCategory category : categories) {
			CaseCategory group = category.parentCode() == null ? category
					: byCode.getOrDefault(category.parentCode(), category);
			services.add(new Open311Document.Obj("service").put("service_code", category.code())
				.put("service_name", category.name(language))
				.put("description", describe(countyCode, category, locale))
				.put("metadata", true)
				.put("type", "realtime")
				.put("keywords", category.nameZh() + "," + category.nameEn())
				.put("group", group.name(language)));
		}
		return services;
	}

	/** A service definition ({@code services/{code}.xml}). */
	Open311Document.Obj definition(String countyCode, OrgPath countyPath, CaseCategory category, Locale locale) {
		Open311Document.Arr attributes = new Open311Document.Arr("attributes", "attribute");
		for (Attribute attribute : attributes(countyPath, category, locale)) {
			Open311Document.Arr values = new Open311Document.Arr("values", "value");
			attribute.values()
				.forEach(v -> values.add(new Open311Document.Obj("value").put("key", v.key()).put("name", v.name())));
			attributes.add(new Open311Document.Obj("attribute").put("variable", true)
				.put("code", attribute.code())
				.put("datatype", attribute.datatype())
				.put("required", attribute.required())
				.put("datatype_description", text("open311.datatype." + attribute.datatype(), locale))
				.put("order", attribute.order())
				.put("description", attribute.description())
				.put("values", values));
		}
		return new Open311Document.Obj("service_definition").put("service_code", category.code())
			.put("attributes", attributes);
	}

	/** The attributes of the category's service, in order. */
	List<Attribute> attributes(OrgPath countyPath, CaseCategory category, Locale locale) {
		return attributes(countyPath, category, locale, true);
	}

	/**
	 * The attributes; without {@code listVillages} the village attribute's values are
	 * left empty (a POST checks its one value with {@link #isVillageOf} instead of
	 * reading every village of the county).
	 */
	List<Attribute> attributes(OrgPath countyPath, CaseCategory category, Locale locale, boolean listVillages) {
		List<Attribute> attributes = new ArrayList<>();
		attributes.add(new Attribute(VILLAGE, "singlevaluelist", false, 1, text("open311.attribute.village", locale),
				listVillages ? villages(countyPath).stream().map(v -> new Value(v.code(), v.name())).toList()
						: List.of()));
		if (CategoryCatalog.isDispute(category.code())) {
			attributes.add(new Attribute(DISPUTE_KIND, "singlevaluelist", true, 2,
					text("open311.attribute.dispute_kind", locale),
					DISPUTE_KINDS.stream()
						.map(kind -> new Value(kind, text("open311.dispute_kind." + kind, locale)))
						.toList()));
			attributes.add(new Attribute(OTHER_PARTY, "string", false, 3, text("open311.attribute.other_party", locale),
					List.of()));
			attributes.add(new Attribute(HOUSEHOLDS, "number", false, 4, text("open311.attribute.households", locale),
					List.of()));
		}
		return attributes;
	}

	/** Whether the code is a village of the county (a key of the village list). */
	boolean isVillageOf(OrgPath countyPath, String code) {
		return jdbc.sql("select count(*) from place where code = :code and level = 'VILLAGE' and org_path like :prefix")
			.param("code", code)
			.param("prefix", countyPath.value() + "%")
			.query(Long.class)
			.single() > 0;
	}

	/** The villages of the county, in tree order, named with their town. */
	List<Village> villages(OrgPath countyPath) {
		return jdbc
			.sql("select v.code, v.name, t.name as town from place v left join place t on t.code = v.parent_code "
					+ "where v.level = 'VILLAGE' and v.org_path like :prefix order by v.org_path")
			.param("prefix", countyPath.value() + "%")
			.query((rs, i) -> new Village(rs.getString("code"),
					(rs.getString("town") == null ? "" : rs.getString("town") + " ") + rs.getString("name")))
			.list();
	}

	private String describe(String countyCode, CaseCategory category, Locale locale) {
		var limits = catalog.limits(countyCode, category.code());
		return text("open311.service.description", locale, text("case.level." + category.handlingLevel(), locale),
				limits.accept(), limits.dispatch(), limits.handle(), limits.revisit());
	}

	static String language(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh";
	}

	String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
