package org.xiangzhi.platform;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database the application runs on, for the few statements written once for
 * PostgreSQL and once for H2 (ADR 2).
 */
public final class Databases {

	private Databases() {
	}

	/** True on PostgreSQL; false on H2, or when the database cannot be asked. */
	public static boolean isPostgres(DataSource dataSource) {
		try {
			return "PostgreSQL".equals(
					JdbcUtils.extractDatabaseMetaData(dataSource, java.sql.DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException ex) {
			return false;
		}
	}

}
