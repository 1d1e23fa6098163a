package org.xiangzhi.platform;

import java.util.List;
import java.util.Optional;

/**
 * Reads and extends the place tree. Every scoped read goes through a {@link DataScope}.
 */
public interface Places {

	Optional<Place> find(String code);

	/**
	 * The place, if it exists and lies inside {@code scope}.
	 * @throws RecordNotFoundException when it does not exist or lies outside the scope
	 */
	Place require(String code, DataScope scope);

	/** All places inside the scope, in tree order; at most {@code limit}. */
	List<Place> within(DataScope scope, int limit);

	/** Adds a place under an existing parent, or does nothing if the code exists. */
	Place addIfAbsent(String code, String name, PlaceLevel level, String parentCode);

}
