/**
 * Cases module (码上办) — residents' demands and disputes handled at the lowest level that
 * can. Its base package is the API: {@link org.xiangzhi.cases.CaseId}, the workflow
 * vocabulary ({@link org.xiangzhi.cases.CaseStatus},
 * {@link org.xiangzhi.cases.CaseAction}, {@link org.xiangzhi.cases.HandlingLevel}) and
 * the refusals a transition can end in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.xiangzhi.cases;
