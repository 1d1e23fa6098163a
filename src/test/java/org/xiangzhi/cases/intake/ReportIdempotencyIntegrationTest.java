package org.xiangzhi.cases.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;

/**
 * Security checklist 29: the form's one-time token is the idempotency key. The same token
 * twice (double click, retry after a timeout, back button) gives one case and the same
 * receipt; the same token with other data is refused with 422; two concurrent duplicates
 * make one case and each gets a 2xx/3xx receipt or a 409.
 */
@IntegrationTest
class ReportIdempotencyIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long casesWith(String marker) {
		return jdbc.sql("select count(*) from case_record where description like :m")
			.param("m", "%" + marker + "%")
			.query(Long.class)
			.single();
	}

	long photosOfNoCase() {
		return jdbc.sql("select count(*) from case_photo where case_id is null and kind = 'BEFORE'")
			.query(Long.class)
			.single();
	}

	@Test
	void theSameTokenTwiceMakesOneCaseAndTheSameReceipt() throws Exception {
		String marker = ResidentForms.marker("twice");
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		long orphansBefore = photosOfNoCase();
		List<String> receipts = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse response = mvc
				.perform(ResidentForms.report(CHENGCAO, form.token(), "environment", "垃圾没人清 " + marker, address)
					.file(ResidentForms.photo(ResidentForms.png(30, 20), "a.png", "image/png")))
				.andReturn()
				.getResponse();
			receipts.add(ResidentForms.trackingCode(response));
		}
		assertThat(receipts).hasSize(3).containsOnly(receipts.get(0));
		assertThat(casesWith(marker)).isEqualTo(1);
		// the replays' photos were rolled back, not left behind unattached
		assertThat(photosOfNoCase()).isEqualTo(orphansBefore);
	}

	@Test
	void theSameTokenWithOtherDataIsRefusedWith422AndAClearMessage() throws Exception {
		String marker = ResidentForms.marker("other");
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		String first = ResidentForms.trackingCode(
				mvc.perform(ResidentForms.report(CHENGCAO, form.token(), "environment", "第一次 " + marker, address))
					.andReturn()
					.getResponse());
		MockHttpServletResponse other = mvc
			.perform(ResidentForms.report(CHENGCAO, form.token(), "environment", "改过的内容 " + marker, address))
			.andReturn()
			.getResponse();
		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(other.getContentAsString()).contains("此表单已用于提交其他内容").doesNotContain(first);
		assertThat(casesWith(marker)).isEqualTo(1);
	}

	@Test
	void twoConcurrentDuplicatesMakeOneCaseAndEachGetsAReceiptOrA409() throws Exception {
		String marker = ResidentForms.marker("race");
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		CountDownLatch start = new CountDownLatch(1);
		Callable<MockHttpServletResponse> send = () -> {
			start.await();
			return mvc
				.perform(ResidentForms.report(CHENGCAO, form.token(), "environment", "同时提交 " + marker, address)
					.file(ResidentForms.photo(ResidentForms.jpeg(200, 150), "b.jpg", "image/jpeg")))
				.andReturn()
				.getResponse();
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<MockHttpServletResponse> a = pool.submit(send);
			Future<MockHttpServletResponse> b = pool.submit(send);
			start.countDown();
			List<MockHttpServletResponse> responses = List.of(a.get(), b.get());
			List<String> receipts = new ArrayList<>();
			for (MockHttpServletResponse response : responses) {
				assertThat(response.getStatus()).as("each duplicate gets a receipt (302) or 409").isIn(302, 409);
				if (response.getStatus() == 302) {
					receipts.add(ResidentForms.trackingCode(response));
				}
			}
			assertThat(receipts).isNotEmpty();
			assertThat(receipts).containsOnly(receipts.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(casesWith(marker)).isEqualTo(1);
	}

	@Test
	void anUnknownTokenGetsTheFormAgainWithAFreshToken() throws Exception {
		String marker = ResidentForms.marker("unknown");
		String address = ResidentForms.freshAddress();
		MockHttpServletResponse response = mvc
			.perform(ResidentForms.report(CHENGCAO, "no-such-token", "environment", "x " + marker, address))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("表单已过期").doesNotContain("no-such-token");
		assertThat(casesWith(marker)).isZero();
	}

}
