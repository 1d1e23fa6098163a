/**
 * Platform module: accounts, roles, data scopes, audit, personal-data protection and the
 * web shell. Its base package is the API every other module builds on:
 * {@link org.xiangzhi.platform.OrgPath}, {@link org.xiangzhi.platform.DataScope},
 * {@link org.xiangzhi.platform.Actor}, {@link org.xiangzhi.platform.AuditLog} and
 * {@link org.xiangzhi.platform.PersonalData}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.xiangzhi.platform;
