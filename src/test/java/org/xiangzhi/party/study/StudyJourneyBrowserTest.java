package org.xiangzhi.party.study;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.browser.Browser;
import org.xiangzhi.browser.BrowserTest;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, on a phone-sized window: 橙槽村's Tuesday theory class is open; the demo
 * party member opens the check-in address of its QR code, checks in, takes the
 * three-question test and sees the score; the secretary sees the pass rate.
 */
@BrowserTest
class StudyJourneyBrowserTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String PASSWORD = "Xiangzhi@2026";

	static final String CHENGCAO = "620621110212";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudySessions sessions;

	@Autowired
	QuestionBank bank;

	@Autowired
	PartyDirectory directory;

	@Test
	void aMemberChecksInByQrTakesTheTestAndThePassRateAppears() {
		Actor secretary = TestActors.account(jdbc, "village-cadre");
		PartyOrgId branch = directory
			.orgs(org.xiangzhi.platform.DataScope
				.of(org.xiangzhi.platform.OrgPath.of("/62/6206/620621/620621110/620621110212/")))
			.stream()
			.filter(o -> o.kind() == OrgKind.BRANCH)
			.findFirst()
			.orElseThrow()
			.id();
		long q1 = bank
			.create(secretary,
					new QuestionBank.Draft(CHENGCAO, QuestionKind.SINGLE, "党章", "浏览器测试：党的最高领导机关是？",
							List.of("全国代表大会和它所产生的中央委员会", "国务院", "村民委员会"), Set.of("A"), null))
			.id();
		long q2 = bank
			.create(secretary,
					new QuestionBank.Draft(CHENGCAO, QuestionKind.TRUE_FALSE, "党章", "浏览器测试：预备党员的预备期为一年。", List.of(),
							Set.of("T"), null))
			.id();
		long q3 = bank
			.create(secretary,
					new QuestionBank.Draft(CHENGCAO, QuestionKind.MULTIPLE, "三会一课", "浏览器测试：“三会”包括哪些？",
							List.of("支部党员大会", "支部委员会", "党小组会", "村民大会"), Set.of("A", "B", "C"), null))
			.id();
		StudySession session = sessions.create(secretary, new StudySessions.Draft(branch, SessionKind.TUESDAY_CLASS,
				"浏览器测试：星期二理论课堂", LocalDateTime.now().minusMinutes(5), "村委会会议室", "学习党章，课后测试", null));
		sessions.setTest(secretary, session.id(), List.of(q1, q2, q3), 60);
		session = sessions.transition(secretary, session.id(), SessionState.Transition.OPEN);

		browser.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			browser.signIn("party-member", PASSWORD);
			browser.open("/party/study/checkin/" + session.checkinCode());
			browser.clickAndWaitForNewPage(browser.findById("checkin-button"));
			assertThat(browser.findById("checkin-outcome").getText()).contains("签到成功");
			browser.assertCleanConsole("check-in");

			browser.open("/party/me/tests/" + session.id());
			browser.find(By.id("q" + q1 + "A")).click();
			browser.find(By.id("q" + q2 + "T")).click();
			browser.find(By.id("q" + q3 + "A")).click();
			browser.find(By.id("q" + q3 + "B")).click();
			browser.find(By.id("q" + q3 + "C")).click();
			browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#test-form button[type=submit]")));
			assertThat(browser.findById("attempt-score").getText()).isEqualTo("100");
			browser.assertCleanConsole("test result");
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}

		browser.signIn("village-cadre", PASSWORD);
		browser.open("/party/study/" + session.id());
		assertThat(browser.findById("pass-rate").getText()).isEqualTo("100%");
		browser.assertCleanConsole("session results");
	}

}
