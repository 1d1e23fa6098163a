package org.xiangzhi.cases.intake;

import java.util.List;
import java.util.Map;

import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The resident-facing pages of 码上办 and the cadres' QR codes in the authorization matrix.
 * Residents' pages are public: anonymous callers and every role get the same answer for
 * any place or case. QR codes are for case readers, within their scope.
 */
public class CasesIntakeMatrix implements MatrixContribution {

	private static final Role[] READERS = CaseAccess.READERS.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(
				// the report page of any village or grid
				get("/r/{placeCode}").record("qr-place").sameForEveryone(200),
				// without a form token: the form again with "please fill it in again"
				post("/r/{placeCode}").record("qr-place").sameForEveryone(422), get("/track").sameForEveryone(200),
				get("/track/{code}").record("tracked-case").sameForEveryone(200),
				// without the version the page comes back with a message
				post("/track/{code}/confirm").record("tracked-case").sameForEveryone(302),
				post("/track/{code}/reject").record("tracked-case").sameForEveryone(302),
				post("/track/{code}/rate").record("tracked-case").sameForEveryone(302),
				// the matrix puts the tracking code into both variables: no such photo
				get("/track/{code}/photos/{photoId}").record("tracked-case").sameForEveryone(404),
				// QR codes: case readers, inside their scope
				get("/cases/qr").anonymous(302).only(200, READERS),
				get("/cases/qr/{placeCode}").record("qr-place").anonymous(302).only(200, READERS),
				get("/cases/qr/{placeCode}.svg").record("qr-place").anonymous(302).only(200, READERS),
				get("/cases/qr/{placeCode}.png").record("qr-place").anonymous(302).only(200, READERS));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("qr-place", (place, context) -> {
			if (place.level() == PlaceLevel.VILLAGE || place.level() == PlaceLevel.GRID) {
				return place.code();
			}
			// a test village right below a node above village level (as the registry's
			// rows do), so that it does not fall into a more specific node of the matrix
			return context.getBean(Places.class)
				.addIfAbsent(place.code() + "MXV", "矩阵测试村", PlaceLevel.VILLAGE, place.code())
				.code();
		}, "tracked-case",
				(place, context) -> context.getBean(CaseDesk.class)
					.report(new NewCase("620621110212", "other", "矩阵测试", null, null, null, Channel.QR, null, null,
							List.of()), null, null, null)
					.trackingCode());
	}

}
