package org.xiangzhi.registry.importer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/** The registry import and export rows of the authorization matrix. */
public class RegistryImportMatrix implements MatrixContribution {

	private static final Role[] IMPORTERS = { Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN, Role.TOWN_CADRE,
			Role.VILLAGE_CADRE };

	private static final Role[] READERS = { Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN, Role.TOWN_CADRE,
			Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.MEDIATOR };

	@Override
	public List<Endpoint> endpoints() {
		return List.of(get("/registry/import").anonymous(302).only(200, IMPORTERS),
				get("/registry/import/template").anonymous(302).only(200, IMPORTERS),
				// without a file the form answers with "choose a file"
				post("/registry/import").anonymous(302).only(200, IMPORTERS),
				get("/registry/import/jobs/{id}").record("import_job").anonymous(302).only(200, IMPORTERS),
				get("/registry/export").param("name", "矩阵无此人").anonymous(302).only(200, READERS));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("import_job", (place, context) -> {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Timestamp now = Timestamp.from(Instant.now());
			String hash = "matrix-" + place.code() + "-" + Long.toString(System.nanoTime(), 36);
			jdbc.sql("insert into import_job (org_path, username, file_name, content_hash, status, created_at, "
					+ "updated_at, finished_at) values (:p, 'matrix', 'matrix.xlsx', :h, 'SUCCEEDED', :now, :now, :now)")
				.param("p", place.path().value())
				.param("h", hash)
				.param("now", now)
				.update();
			return String.valueOf(jdbc.sql("select id from import_job where content_hash = :h")
				.param("h", hash)
				.query(Long.class)
				.single());
		});
	}

}
