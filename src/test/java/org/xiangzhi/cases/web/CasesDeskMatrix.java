package org.xiangzhi.cases.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.context.ApplicationContext;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The cadres' case screens in the authorization matrix: every case reader in scope, 404
 * (audited, identical to a missing case) outside it; intake for handlers; category
 * settings for county and system administrators.
 */
public class CasesDeskMatrix implements MatrixContribution {

	private static final Role[] READERS = CaseAccess.READERS.toArray(Role[]::new);

	private static final Role[] HANDLERS = CaseAccess.HANDLERS.toArray(Role[]::new);

	private static final Role[] CONFIGURERS = CaseAccess.CONFIGURERS.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(get("/cases").anonymous(302).only(200, READERS),
				get("/cases/{id}").record("case").anonymous(302).only(200, READERS),
				// without JavaScript the whole page comes back with the reporter revealed
				post("/cases/{id}/reporter").record("case").anonymous(302).only(200, HANDLERS),
				// an action answers with a redirect and a flash, accepted or refused
				post("/cases/{id}/act").record("case")
					.param("action", "ACCEPT")
					.param("version", "0")
					.anonymous(302)
					.only(302, HANDLERS),
				get("/cases/photos/{id}").record("case-photo").anonymous(302).only(200, READERS),
				get("/cases/new").anonymous(302).only(200, HANDLERS),
				// an empty form comes back with its errors
				post("/cases/new").anonymous(302).only(422, HANDLERS),
				get("/cases/new/residents").param("residentName", "王").anonymous(302).only(200, HANDLERS),
				get("/cases/categories").param("county", "620621").anonymous(302).only(200, CONFIGURERS),
				post("/cases/categories").param("county", "620621").anonymous(302).only(422, CONFIGURERS));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("case", (place, context) -> String.valueOf(caseAt(place, context).value()), "case-photo",
				(place, context) -> {
					CaseId id = caseAt(place, context);
					CasePhotos photos = context.getBean(CasePhotos.class);
					long photo = photos.store(png(), CasePhotos.Kind.BEFORE, "matrix").id();
					photos.attach(id, List.of(photo), CasePhotos.Kind.BEFORE);
					return String.valueOf(photo);
				});
	}

	/**
	 * A case at the place: reported at a village or grid; for a place above, at a test
	 * village created right below it (below a test county for places above the county),
	 * so that it does not fall into a more specific node of the matrix.
	 */
	static CaseId caseAt(Place place, ApplicationContext context) {
		Places places = context.getBean(Places.class);
		Place village = place;
		if (!place.level().isAtOrBelow(PlaceLevel.VILLAGE)) {
			Place parent = place;
			if (!place.level().isAtOrBelow(PlaceLevel.COUNTY)) {
				parent = places.addIfAbsent(place.code() + "MXC", "矩阵测试县", PlaceLevel.COUNTY, place.code());
			}
			village = places.addIfAbsent(parent.code() + "MXV", "矩阵测试村", PlaceLevel.VILLAGE, parent.code());
		}
		return context.getBean(CaseDesk.class)
			.report(new NewCase(village.code(), "other", "矩阵案件", null, null, null, Channel.QR, null, null, List.of()),
					null, null, null)
			.id();
	}

	static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
