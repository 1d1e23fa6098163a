package org.xiangzhi.platform;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Materialized path of a node in the place tree, built from division codes, e.g.
 * {@code /62/6206/620621/620621110/620621110212/}. It always starts and ends with a slash
 * so that a prefix match never confuses {@code /6206/} with {@code /62061/}. The root
 * (the whole tree) is {@code /}.
 */
public record OrgPath(String value) implements java.io.Serializable {

	private static final Pattern SHAPE = Pattern.compile("/([0-9A-Za-z-]+/)*");

	/** The whole tree: every path starts with it. */
	public static final OrgPath ROOT = new OrgPath("/");

	public OrgPath {
		if (value == null || value.length() > 255 || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a materialized path: " + value);
		}
	}

	public static OrgPath of(String value) {
		return new OrgPath(value);
	}

	/** Builds a path from its codes, root first. */
	public static OrgPath ofCodes(String... codes) {
		return new OrgPath(codes.length == 0 ? "/" : "/" + String.join("/", codes) + "/");
	}

	/** True when {@code other} is this node or lies below it. */
	public boolean contains(OrgPath other) {
		return other.value.startsWith(this.value);
	}

	/** Number of codes in the path; the root has depth 0. */
	public int depth() {
		return codes().size();
	}

	public List<String> codes() {
		if (value.length() == 1) {
			return List.of();
		}
		return Arrays.asList(value.substring(1, value.length() - 1).split("/"));
	}

	/** The code of the node itself, or {@code null} for the root. */
	public String leafCode() {
		List<String> codes = codes();
		return codes.isEmpty() ? null : codes.get(codes.size() - 1);
	}

	public OrgPath child(String code) {
		return new OrgPath(value + code + "/");
	}

	/** The parent path; the root is its own parent. */
	public OrgPath parent() {
		List<String> codes = codes();
		if (codes.isEmpty()) {
			return this;
		}
		return ofCodes(codes.subList(0, codes.size() - 1).toArray(String[]::new));
	}

	@Override
	public String toString() {
		return value;
	}

}
