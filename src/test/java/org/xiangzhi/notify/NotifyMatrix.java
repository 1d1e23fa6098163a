package org.xiangzhi.notify;

import java.util.List;

import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The inbox: every signed-in account has its own; a message of another account (here: an
 * id nobody has) is not found. {@code InboxIntegrationTest} shows that another account's
 * real message answers the same.
 */
public class NotifyMatrix implements MatrixContribution {

	@Override
	public List<Endpoint> endpoints() {
		return List.of(get("/inbox").anonymous(302).everyRole(200),
				post("/inbox/read").param("id", "987654321").anonymous(302).everyRole(404),
				post("/inbox/read-all").anonymous(302).everyRole(302),
				get("/api/v1/inbox").anonymous(401).everyRole(200));
	}

}
