package org.xiangzhi.party.links;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Staff;

/**
 * 党员联户 demo (issue 5, item 9): after the organisation demo ({@code PartyDemoData}, order
 * 30) has made 橙槽村's 52 members, the suggestion is run for 橙槽村 and saved as its secretary
 * ({@code village-cadre}) would, so that every household is linked (coverage: 0
 * uncovered). Does nothing while the village has no active member, and adds nothing on
 * later starts (households already linked are kept by the suggestion).
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "xiangzhi.demo.enabled", havingValue = "true")
@Order(31)
class PartyLinksDemoData implements ApplicationRunner {

	static final String CHENGCAO = "620621110212";

	private static final Logger log = LoggerFactory.getLogger(PartyLinksDemoData.class);

	private final LinkDesk desk;

	private final Staff staff;

	private final JdbcClient jdbc;

	PartyLinksDemoData(LinkDesk desk, Staff staff, JdbcClient jdbc) {
		this.desk = desk;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		String path = jdbc.sql("select org_path from place where code = :c")
			.param("c", CHENGCAO)
			.query(String.class)
			.optional()
			.orElse(null);
		if (path == null) {
			return;
		}
		long members = jdbc
			.sql("select count(*) from party_member where org_path like :prefix and status = 'ACTIVE' "
					+ "and mobile = false")
			.param("prefix", path + "%")
			.query(Long.class)
			.single();
		if (members == 0) {
			return;
		}
		staff.actor("village-cadre").ifPresent(secretary -> {
			LinkDesk.SaveResult result = desk.saveSuggestion(secretary, CHENGCAO);
			if (result.saved() > 0) {
				log.info("Party links demo: {} households of 橙槽村 linked", result.saved());
			}
		});
	}

}
