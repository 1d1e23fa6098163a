package org.xiangzhi.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Liveness and readiness are separate probes: only readiness depends on the database, so
 * a database outage takes the node out of the load balancer without getting it restarted.
 */
@IntegrationTest
class OperationsEndpointsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void onlyReadinessDependsOnTheDatabase() {
		assertThat(groups.get("readiness").isMember("db")).isTrue();
		assertThat(groups.get("liveness").isMember("db")).isFalse();
	}

	@Test
	void bothProbesAnswerWithoutAuthenticationAndWithoutDetails() throws Exception {
		for (String probe : new String[] { "liveness", "readiness" }) {
			var response = mvc.perform(get("/actuator/health/" + probe)).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("jdbc");
		}
	}

}
