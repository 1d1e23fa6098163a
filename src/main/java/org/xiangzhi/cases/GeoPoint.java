package org.xiangzhi.cases;

/** A point on the WGS 84 ellipsoid, in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {

	/** Mean earth radius (IUGG), in metres. */
	public static final double EARTH_RADIUS_METRES = 6_371_008.8;

	public GeoPoint {
		if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("not a point: " + latitude + "," + longitude);
		}
	}

	/**
	 * Parses coordinates as typed into a form: empty when both are blank.
	 * @throws IllegalArgumentException when only one is given, or either is not a number
	 * on the globe
	 */
	public static java.util.Optional<GeoPoint> parse(String latitude, String longitude) {
		boolean noLatitude = latitude == null || latitude.isBlank();
		boolean noLongitude = longitude == null || longitude.isBlank();
		if (noLatitude && noLongitude) {
			return java.util.Optional.empty();
		}
		if (noLatitude || noLongitude) {
			throw new IllegalArgumentException("half a point");
		}
		// NumberFormatException is an IllegalArgumentException too
		return java.util.Optional
			.of(new GeoPoint(Double.parseDouble(latitude.strip()), Double.parseDouble(longitude.strip())));
	}

	/** Great-circle distance by the haversine formula, in metres. */
	public double metresTo(GeoPoint other) {
		double phi1 = Math.toRadians(latitude);
		double phi2 = Math.toRadians(other.latitude);
		double dPhi = phi2 - phi1;
		double dLambda = Math.toRadians(other.longitude - longitude);
		double h = Math.pow(Math.sin(dPhi / 2), 2)
				+ Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
	}

}
