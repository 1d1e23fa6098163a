/**
 * Party module (党建引领): the party organisation tree (town committee → branch or general
 * branch → grid party group, temporary branches), members tied to registry residents,
 * member↔household links (党员联户), visits and mandatory visits (必访), member points and
 * democratic appraisal, study sessions that end in a test (凡训必考), pioneer posts and
 * plaques. Its base package is the API other modules may use: {@link PartyDirectory},
 * {@link PartyAccess}, the typed ids and enums.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party")
package org.xiangzhi.party;
