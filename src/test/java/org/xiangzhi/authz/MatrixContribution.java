package org.xiangzhi.authz;

import java.util.List;
import java.util.Map;

/**
 * A module's rows of the authorization matrix. Implementations anywhere under
 * {@code org.xiangzhi} in the test sources are found by
 * {@link AuthorizationMatrixIntegrationTest} and need a public no-argument constructor.
 */
public interface MatrixContribution {

	/** The module's endpoints with their expectations. */
	List<Endpoint> endpoints();

	/** Factories for the record kinds the module's endpoints address by id. */
	default Map<String, RecordFactory> recordFactories() {
		return Map.of();
	}

}
