/**
 * Registry module (户籍与网格台账): divisions, villager groups, grids and micro-grids,
 * households and residents. Its base package is the API other modules use:
 * {@link org.xiangzhi.registry.IdNumber}, {@link org.xiangzhi.registry.HouseholdId},
 * {@link org.xiangzhi.registry.ResidentId} and the {@link org.xiangzhi.registry.Registry}
 * facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.xiangzhi.registry;
