package org.xiangzhi.cases.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.platform.Images;
import org.xiangzhi.platform.InvalidInputException;

/**
 * Case photos (现场照片, 办理后照片). An upload is accepted only if its bytes are a JPEG or PNG
 * (by content, never by name), within the byte and pixel limits; it is then decoded and
 * re-encoded as a fresh JPEG, which drops EXIF, GPS and anything smuggled after the image
 * data, and stored outside the web root under a random name.
 */
@Service
public class CasePhotos {

	/** Photos per report and per handling result. */
	public static final int MAX_PER_CASE = 3;

	/** Before: sent with the report. After: the handler's proof (办结). */
	public enum Kind {

		BEFORE, AFTER

	}

	/** A stored photo. */
	public record Photo(long id, CaseId caseId, Kind kind, String storageName, int width, int height, int bytes) {
	}

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final CaseSettings settings;

	private final Clock clock;

	private final List<UploadScanner> scanners;

	public CasePhotos(JdbcClient jdbc, CaseSettings settings, Clock clock, List<UploadScanner> scanners) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.scanners = scanners;
	}

	/**
	 * Checks, re-encodes and stores one upload, not yet attached to a case.
	 * @throws InvalidInputException {@code case.photo.*} when the upload is refused
	 */
	public Photo store(byte[] upload, Kind kind, String uploadedBy) {
		Images.Limits limits = new Images.Limits(settings.maxPhotoBytes(), settings.maxPhotoPixels(),
				settings.maxPhotoSide());
		Images.Jpeg stored;
		try {
			Images.check(upload, limits);
			for (UploadScanner scanner : scanners) {
				if (!scanner.clean(upload)) {
					throw new InvalidInputException("photos", "case.photo.infected");
				}
			}
			stored = Images.reencode(upload, limits);
		}
		catch (Images.RefusedImage refused) {
			throw new InvalidInputException("photos", switch (refused.problem()) {
				case EMPTY -> "case.photo.empty";
				case TOO_LARGE -> "case.photo.tooLarge";
				case TOO_MANY_PIXELS -> "case.photo.tooManyPixels";
				case NOT_AN_IMAGE -> "case.photo.notImage";
			});
		}
		byte[] jpeg = stored.bytes();
		String storageName = randomName();
		try {
			Files.createDirectories(settings.photoDir());
			Files.write(settings.photoDir().resolve(storageName), jpeg);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jdbc.sql("insert into case_photo (kind, storage_name, content_type, width, height, bytes, uploaded_by, "
				+ "created_at) values (:kind, :name, 'image/jpeg', :w, :h, :bytes, :by, :now)")
			.param("kind", kind.name())
			.param("name", storageName)
			.param("w", stored.width())
			.param("h", stored.height())
			.param("bytes", jpeg.length)
			.param("by", uploadedBy)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		long id = jdbc.sql("select id from case_photo where storage_name = :name")
			.param("name", storageName)
			.query(Long.class)
			.single();
		return new Photo(id, null, kind, storageName, stored.width(), stored.height(), jpeg.length);
	}

	/**
	 * Forgets photos stored for a submission that did not go through (refused, or a
	 * replay whose transaction was rolled back): deletes their files; their rows, if
	 * committed at all, stay unattached.
	 */
	public void discard(List<Photo> stored) {
		for (Photo photo : stored) {
			try {
				Files.deleteIfExists(file(photo.storageName()));
			}
			catch (IOException ex) {
				// an orphan file is harmless: no row points to it and nothing serves it
			}
		}
	}

	/** Attaches stored, unattached photos to a case. */
	public void attach(CaseId caseId, List<Long> photoIds, Kind kind) {
		if (photoIds.size() > MAX_PER_CASE) {
			throw new InvalidInputException("photos", "case.photo.tooMany");
		}
		for (Long photoId : photoIds) {
			int attached = jdbc
				.sql("update case_photo set case_id = :case where id = :id and case_id is null and kind = :kind")
				.param("case", caseId.value())
				.param("id", photoId)
				.param("kind", kind.name())
				.update();
			if (attached != 1) {
				throw new InvalidInputException("photos", "case.photo.unknown");
			}
		}
	}

	public List<Photo> of(CaseId caseId) {
		return jdbc
			.sql("select id, case_id, kind, storage_name, width, height, bytes from case_photo "
					+ "where case_id = :case order by id")
			.param("case", caseId.value())
			.query((rs, i) -> new Photo(rs.getLong("id"), new CaseId(rs.getLong("case_id")),
					Kind.valueOf(rs.getString("kind")), rs.getString("storage_name"), rs.getInt("width"),
					rs.getInt("height"), rs.getInt("bytes")))
			.list();
	}

	/** The photo of that case, if it belongs to it. */
	public Optional<Photo> find(CaseId caseId, long photoId) {
		return of(caseId).stream().filter(p -> p.id() == photoId).findFirst();
	}

	/** The case a photo is attached to; empty for an unknown or unattached photo. */
	public Optional<CaseId> caseOf(long photoId) {
		return jdbc.sql("select case_id from case_photo where id = :id and case_id is not null")
			.param("id", photoId)
			.query(Long.class)
			.optional()
			.map(CaseId::new);
	}

	/** The stored JPEG bytes. */
	public byte[] read(Photo photo) {
		try {
			return Files.readAllBytes(file(photo.storageName()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path file(String storageName) {
		if (!storageName.matches("[0-9a-f]{32}\\.jpg")) {
			throw new IllegalArgumentException("not a storage name");
		}
		return settings.photoDir().resolve(storageName);
	}

	private String randomName() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes) + ".jpg";
	}

}
