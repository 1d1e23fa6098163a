package org.xiangzhi.registry.importer;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.registry.RegistryAccess;

/**
 * Takes an uploaded roster: small files are validated and imported while the user waits;
 * large ones become an {@code import_job} run on one background thread, whose progress
 * page polls the table. The file's content hash is the job's idempotency key while it
 * runs, so a retried upload joins the running job instead of importing twice.
 */
@Service
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	/** Files with more data rows than this import in the background. */
	static final int BACKGROUND_ROWS = 1000;

	/** Uploads larger than this are refused (a 100,000-row roster is about 6 MB). */
	public static final long MAX_BYTES = 30L * 1024 * 1024;

	/** A running job not heard from for this long is taken to have died with its node. */
	static final Duration STALE = Duration.ofMinutes(10);

	/** Bad rows stored per job; the page says how many more there were. */
	static final int MAX_STORED_ERRORS = 10_000;

	private final RosterValidator validator;

	private final RosterImporter importer;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final AuditLog audit;

	private final Clock clock;

	/** Progress commits on its own while the import's transaction is still open. */
	private final org.springframework.transaction.support.TransactionTemplate progressTx;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "registry-import");
		thread.setDaemon(true);
		return thread;
	});

	ImportService(RosterValidator validator, RosterImporter importer, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
			AuditLog audit, Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
		this.validator = validator;
		this.importer = importer;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.audit = audit;
		this.clock = clock;
		this.progressTx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.progressTx
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	/** What an import did. */
	public record Outcome(long householdsCreated, long householdsExisting, long residentsCreated,
			long residentsUnchanged) {

		public String describe() {
			return "householdsCreated=" + householdsCreated + ", householdsExisting=" + householdsExisting
					+ ", residentsCreated=" + residentsCreated + ", residentsUnchanged=" + residentsUnchanged;
		}

	}

	/** What became of an upload. */
	public sealed interface Result {

	}

	/** Imported while the user waited. */
	public record Imported(Outcome outcome) implements Result {
	}

	/** Nothing imported: every bad row. */
	public record Rejected(List<RowError> errors) implements Result {
	}

	/** Running (or joined) in the background. */
	public record Queued(long jobId) implements Result {
	}

	/**
	 * Validates and imports a roster, or queues it when it is large. Runs outside a
	 * transaction: the import opens its own.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public Result submit(Actor actor, String fileName, byte[] content) {
		if (content.length > MAX_BYTES) {
			return new Rejected(
					List.of(new RowError(0, null, "import.file.tooLarge", String.valueOf(MAX_BYTES >> 20))));
		}
		Roster roster;
		try {
			roster = RosterReader.read(new ByteArrayInputStream(content));
		}
		catch (RosterReader.UnreadableRosterException ex) {
			return new Rejected(List.of(new RowError(0, null, ex.getMessage(), null)));
		}
		DataScope scope = RegistryAccess.importScope(actor);
		if (roster.rows().size() <= BACKGROUND_ROWS) {
			RosterValidator.Validation validation = validator.validate(roster, scope, RosterValidator.Progress.NONE);
			if (!validation.valid()) {
				return new Rejected(validation.errors());
			}
			try {
				return new Imported(importer.write(validation.plan(), actor, null, RosterValidator.Progress.NONE));
			}
			catch (DuplicateKeyException ex) {
				// the same people were imported by someone else a moment ago
				return new Rejected(List.of(new RowError(0, null, "import.file.concurrent", null)));
			}
		}
		String hash = sha256(content);
		long jobId = startJob(actor, fileName, hash, roster);
		return new Queued(jobId);
	}

	/** The job's id, new or the running one with the same content. */
	private long startJob(Actor actor, String fileName, String hash, Roster roster) {
		Optional<Long> running = runningJob(hash);
		if (running.isPresent()) {
			return running.get();
		}
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into import_job (org_path, account_id, username, file_name, content_hash, active_key, "
					+ "status, total_rows, created_at, updated_at) values (:path, :account, :user, :file, :hash, :hash, "
					+ "'QUEUED', :rows, :now, :now)")
				.param("path", jobPath(actor).value())
				.param("account", actor.accountId())
				.param("user", actor.username())
				.param("file", fileName == null ? null : truncate(fileName, 255))
				.param("hash", hash)
				.param("rows", roster.rows().size())
				.param("now", now)
				.update(key, "id");
		}
		catch (DuplicateKeyException ex) {
			// another node or request started the same file between our read and insert
			return runningJob(hash).orElseThrow(() -> ex);
		}
		long id = key.getKey().longValue();
		executor.execute(() -> run(id, actor, roster));
		return id;
	}

	private Optional<Long> runningJob(String hash) {
		Optional<JobRow> job = jdbc.sql("select id, updated_at from import_job where active_key = :h")
			.param("h", hash)
			.query((rs, i) -> new JobRow(rs.getLong("id"), rs.getTimestamp("updated_at").toInstant()))
			.optional();
		if (job.isEmpty()) {
			return Optional.empty();
		}
		if (job.get().updatedAt().isBefore(clock.instant().minus(STALE))) {
			finish(job.get().id(), "FAILED");
			return Optional.empty();
		}
		return Optional.of(job.get().id());
	}

	private record JobRow(long id, Instant updatedAt) {
	}

	/** The background task. Progress updates commit on their own, outside the import. */
	private void run(long id, Actor actor, Roster roster) {
		try {
			status(id, "VALIDATING", 0);
			RosterValidator.Validation validation = validator.validate(roster, RegistryAccess.importScope(actor),
					rows -> status(id, "VALIDATING", rows));
			if (!validation.valid()) {
				storeErrors(id, validation.errors());
				finish(id, "REJECTED");
				return;
			}
			status(id, "IMPORTING", 0);
			Outcome outcome = importer.write(validation.plan(), actor, id, rows -> status(id, "IMPORTING", rows));
			jdbc.sql("update import_job set households_created = :hc, households_existing = :he, "
					+ "residents_created = :rc, residents_unchanged = :ru, processed_rows = total_rows where id = :id")
				.param("hc", outcome.householdsCreated())
				.param("he", outcome.householdsExisting())
				.param("rc", outcome.residentsCreated())
				.param("ru", outcome.residentsUnchanged())
				.param("id", id)
				.update();
			finish(id, "SUCCEEDED");
		}
		catch (DuplicateKeyException ex) {
			storeErrors(id, List.of(new RowError(0, null, "import.file.concurrent", null)));
			finish(id, "REJECTED");
		}
		catch (RuntimeException ex) {
			log.error("Import job {} failed", id, ex);
			finish(id, "FAILED");
		}
	}

	private void status(long id, String status, int rows) {
		progressTx.executeWithoutResult(tx -> jdbc
			.sql("update import_job set status = :s, processed_rows = :r, updated_at = :now where id = :id")
			.param("s", status)
			.param("r", rows)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update());
	}

	private void storeErrors(long id, List<RowError> errors) {
		List<Object[]> rows = errors.stream()
			.limit(MAX_STORED_ERRORS)
			.map(e -> new Object[] { id, e.row(), e.column() == null ? null : e.column().name(), e.messageKey(),
					e.argument() == null ? null : truncate(e.argument(), 200) })
			.toList();
		jdbcTemplate
			.batchUpdate("insert into import_job_error (job_id, row_number, column_name, message_key, argument) "
					+ "values (?, ?, ?, ?, ?)", rows);
		jdbc.sql("update import_job set error_count = :n where id = :id")
			.param("n", errors.size())
			.param("id", id)
			.update();
	}

	private void finish(long id, String status) {
		jdbc.sql("update import_job set status = :s, active_key = null, finished_at = :now, updated_at = :now "
				+ "where id = :id")
			.param("s", status)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
	}

	/** A job as its progress page shows it. */
	public record Job(long id, String fileName, String status, int totalRows, int processedRows, int householdsCreated,
			int householdsExisting, int residentsCreated, int residentsUnchanged, int errorCount,
			List<RowError> errors) {

		public boolean running() {
			return status.equals("QUEUED") || status.equals("VALIDATING") || status.equals("IMPORTING");
		}

		public int percent() {
			return totalRows == 0 ? 0 : (int) Math.min(100, processedRows * 100L / totalRows);
		}

	}

	/**
	 * The job, if it lies inside the actor's import scope; a job outside it answers like
	 * a missing one, and the refusal is audited.
	 */
	public Job job(Actor actor, long id) {
		Optional<String> path = jdbc.sql("select org_path from import_job where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
		if (path.isEmpty()) {
			throw new RecordNotFoundException("import_job", id);
		}
		if (!RegistryAccess.importScope(actor).contains(OrgPath.of(path.get()))) {
			audit.record(AuditEntry.of("SCOPE_DENIED", "import_job", id, AuditOutcome.DENIED));
			throw new RecordNotFoundException("import_job", id);
		}
		List<RowError> errors = jdbc
			.sql("select row_number, column_name, message_key, argument from import_job_error where job_id = :id "
					+ "order by row_number, id")
			.param("id", id)
			.query((rs, i) -> new RowError(rs.getInt("row_number"),
					rs.getString("column_name") == null ? null : ImportColumn.valueOf(rs.getString("column_name")),
					rs.getString("message_key"), rs.getString("argument")))
			.list();
		return jdbc
			.sql("select id, file_name, status, total_rows, processed_rows, households_created, households_existing, "
					+ "residents_created, residents_unchanged, error_count from import_job where id = :id")
			.param("id", id)
			.query((rs, i) -> new Job(rs.getLong("id"), rs.getString("file_name"), rs.getString("status"),
					rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("households_created"),
					rs.getInt("households_existing"), rs.getInt("residents_created"), rs.getInt("residents_unchanged"),
					rs.getInt("error_count"), errors))
			.single();
	}

	/** The deepest place holding every node where the actor may import. */
	static OrgPath jobPath(Actor actor) {
		List<OrgPath> roots = RegistryAccess.importScope(actor).roots();
		OrgPath common = null;
		for (OrgPath root : roots) {
			common = common == null ? root : RosterValidator.commonAncestor(common, root);
		}
		return common == null ? OrgPath.ROOT : common;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

}
