package org.xiangzhi.platform;

import java.io.Serializable;

/**
 * A node of the place tree: a division (province … village) or a grid.
 *
 * @param code division code, or the grid code (village code + {@code G01})
 * @param name official name, e.g. 橙槽村委会
 * @param level the node's level
 * @param parentCode the parent node's code; {@code null} for the root
 * @param path the materialized path
 */
public record Place(String code, String name, PlaceLevel level, String parentCode,
		OrgPath path) implements Serializable {

}
