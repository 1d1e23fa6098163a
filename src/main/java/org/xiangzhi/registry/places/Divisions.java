package org.xiangzhi.registry.places;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;
import org.xiangzhi.registry.places.DivisionCsv.Division;
import org.xiangzhi.registry.places.DivisionCsv.Parsed;
import org.xiangzhi.registry.places.DivisionCsv.Problem;

/**
 * Loads divisions (province, city, county, town, village) from {@code china-division} CSV
 * files into the place tree: parents first, in JDBC batches, adding only codes not yet
 * present (names as given, e.g. 西一村委会). Nothing is loaded while any row is bad.
 */
@Service
public class Divisions {

	/** The root of the place tree. */
	static final String NATION = "000000";

	/** Who may load divisions from the screen: administrators, inside their scope. */
	static final Set<Role> LOADERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN);

	static final String CAN_LOAD = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN')";

	private static final Logger log = LoggerFactory.getLogger(Divisions.class);

	private static final int BATCH = 1000;

	/** Bounds on an uploaded zip, so that a small upload cannot unpack to gigabytes. */
	private static final long MAX_UNPACKED = 64L * 1024 * 1024;

	private static final String[] FILES = { "provinces.csv", "cities.csv", "areas.csv", "streets.csv" };

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final AuditLog audit;

	Divisions(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.audit = audit;
	}

	/**
	 * What a load did.
	 *
	 * @param rows rows read (after the subtree filter)
	 * @param added places inserted
	 * @param present codes that already existed (left as they are)
	 * @param outsideScope new places refused because they lie outside the caller's scope
	 * @param problems bad rows; when not empty, nothing was loaded
	 */
	public record LoadReport(int rows, int added, int present, int outsideScope, List<Problem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	/**
	 * Loads the standard files of a directory ({@code provinces.csv}, {@code cities.csv},
	 * {@code areas.csv}, {@code streets.csv} and every {@code villages*.csv}), keeping
	 * the subtree of {@code prefix} (a province, city, county or town code) and its
	 * ancestors; an empty prefix loads everything.
	 */
	@Transactional
	public LoadReport loadDirectory(Path dir, String prefix) {
		List<Parsed> parsed = new ArrayList<>();
		for (String name : FILES) {
			Path file = dir.resolve(name);
			if (Files.isRegularFile(file)) {
				parsed.add(parseFile(file));
			}
		}
		try (Stream<Path> villages = Files.list(dir)) {
			villages.filter(p -> p.getFileName().toString().startsWith("villages") && p.toString().endsWith(".csv"))
				.sorted()
				.forEach(p -> parsed.add(parseFile(p)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LoadReport report = load(parsed, subtree(prefix), null);
		audit.recordAs("command:load-divisions", null, null,
				AuditEntry.success("PLACES_DIVISIONS_LOADED", "place", prefix).withDetail(summary(report)));
		return report;
	}

	/** Loads the subset shipped with the project (the demo's divisions). */
	@Transactional
	public LoadReport loadShipped() {
		List<Parsed> parsed = new ArrayList<>();
		for (String name : new String[] { "provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv" }) {
			try (InputStream in = new ClassPathResource("registry/divisions/" + name).getInputStream()) {
				parsed.add(DivisionCsv.parse(name, new InputStreamReader(in, StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return load(parsed, code -> true, null);
	}

	/**
	 * Loads an administrator's upload: one CSV of any of the five kinds, or a zip of
	 * them. New places outside the administrator's scope are counted and left out.
	 */
	@Transactional
	public LoadReport loadUpload(Actor actor, String fileName, byte[] content) {
		DataScope scope = actor.scopeFor(LOADERS);
		List<Parsed> parsed = new ArrayList<>();
		String name = fileName == null ? "upload.csv" : fileName;
		if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
			parsed.addAll(unzip(content));
		}
		else {
			parsed.add(DivisionCsv.parse(name, new StringReader(new String(content, StandardCharsets.UTF_8))));
		}
		LoadReport report = load(parsed, code -> true, scope);
		audit.record(
				AuditEntry.success("PLACES_DIVISIONS_LOADED", "place", null).withDetail(name + ": " + summary(report)));
		return report;
	}

	static String summary(LoadReport report) {
		return "rows=" + report.rows() + " added=" + report.added() + " present=" + report.present() + " outside="
				+ report.outsideScope() + " problems=" + report.problems().size();
	}

	/**
	 * Keeps a code when it lies in the subtree of {@code prefix} or is one of its
	 * ancestors.
	 */
	static Predicate<String> subtree(String prefix) {
		if (prefix == null || prefix.isBlank()) {
			return code -> true;
		}
		String p = prefix.strip();
		return code -> code.startsWith(p) || p.startsWith(code);
	}

	private static Parsed parseFile(Path file) {
		try {
			return DivisionCsv.parse(file.getFileName().toString(), Files.newBufferedReader(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Parsed> unzip(byte[] content) {
		List<Parsed> parsed = new ArrayList<>();
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				String entryName = entry.getName();
				if (entry.isDirectory() || !entryName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
					continue;
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				int n;
				while ((n = zip.read(buffer)) > 0) {
					total += n;
					if (total > MAX_UNPACKED) {
						return List.of(new Parsed(List.of(),
								List.of(new Problem(entryName, 0, "places.divisions.error.tooLarge", ""))));
					}
					out.write(buffer, 0, n);
				}
				String shortName = entryName.substring(entryName.lastIndexOf('/') + 1);
				parsed.add(DivisionCsv.parse(shortName, new StringReader(out.toString(StandardCharsets.UTF_8))));
			}
		}
		catch (IOException ex) {
			return List.of(new Parsed(List.of(), List.of(new Problem("zip", 0, "places.divisions.error.zip", ""))));
		}
		if (parsed.isEmpty()) {
			return List.of(new Parsed(List.of(), List.of(new Problem("zip", 0, "places.divisions.error.empty", ""))));
		}
		return parsed;
	}

	/**
	 * Inserts the rows that pass the filter, parents first. {@code scope} null means no
	 * scope check (the command line and the demo loader).
	 */
	LoadReport load(List<Parsed> files, Predicate<String> filter, DataScope scope) {
		List<Problem> problems = new ArrayList<>();
		Map<String, Division> byCode = new LinkedHashMap<>();
		for (Parsed file : files) {
			problems.addAll(file.problems());
			for (Division d : file.divisions()) {
				if (filter.test(d.code())) {
					byCode.putIfAbsent(d.code(), d);
				}
			}
		}
		List<Division> rows = new ArrayList<>(byCode.values());
		rows.sort(Comparator.comparingInt((Division d) -> d.level().ordinal()).thenComparing(Division::code));
		Set<String> lookup = new HashSet<>(byCode.keySet());
		rows.forEach(d -> lookup.add(d.parentCode()));
		Map<String, String> paths = existingPaths(lookup);
		Set<String> existing = new HashSet<>(paths.keySet());
		Set<String> outside = new HashSet<>();
		List<Object[]> inserts = new ArrayList<>();
		int present = 0;
		for (Division d : rows) {
			if (existing.contains(d.code())) {
				present++;
				continue;
			}
			if (outside.contains(d.parentCode())) {
				outside.add(d.code());
				continue;
			}
			String parentPath = paths.get(d.parentCode());
			if (parentPath == null) {
				problems.add(new Problem(d.file(), d.line(), "places.divisions.error.noParent", d.parentCode()));
				continue;
			}
			OrgPath path = OrgPath.of(parentPath).child(d.code());
			if (scope != null && !scope.contains(path)) {
				outside.add(d.code());
				continue;
			}
			paths.put(d.code(), path.value());
			inserts
				.add(new Object[] { d.code(), d.name(), d.level().name(), d.parentCode(), path.value(), path.depth() });
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
			return new LoadReport(rows.size(), 0, present, outside.size(), List.copyOf(problems));
		}
		for (int from = 0; from < inserts.size(); from += BATCH) {
			jdbc.batchUpdate(
					"insert into place (code, name, level, parent_code, org_path, depth) values (?, ?, ?, ?, ?, ?)",
					inserts.subList(from, Math.min(inserts.size(), from + BATCH)));
		}
		log.info("Divisions: {} rows, {} added, {} already present, {} outside the scope", rows.size(), inserts.size(),
				present, outside.size());
		return new LoadReport(rows.size(), inserts.size(), present, outside.size(), List.of());
	}

	private Map<String, String> existingPaths(Set<String> codes) {
		Map<String, String> paths = new HashMap<>();
		List<String> all = new ArrayList<>(codes);
		for (int from = 0; from < all.size(); from += BATCH) {
			named.query("select code, org_path from place where code in (:codes)",
					Map.of("codes", all.subList(from, Math.min(all.size(), from + BATCH))), (rs) -> {
						paths.put(rs.getString("code"), rs.getString("org_path"));
					});
		}
		return paths;
	}

}
