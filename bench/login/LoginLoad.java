import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Login load for bench/ (wrk cannot do it: a login needs a cookie jar per user and the CSRF
 * token of the form). No dependencies; run with the JDK's source launcher:
 *
 * <pre>
 * java bench/login/LoginLoad.java --url=http://127.0.0.1:18180 --mode=app \
 *     --users=admin,county-admin,town-admin --password=Xiangzhi@2026 --threads=16 --warmup=30 --duration=30
 * </pre>
 *
 * <p>
 * {@code --mode=app}: one login is what a browser does against Xiangzhi, with a fresh cookie
 * jar: {@code GET /login} (the form, its hidden {@code _csrf} input and the session cookie that
 * holds the token), {@code POST /login} form-encoded {@code username}, {@code password},
 * {@code _csrf}, which must answer 302 to somewhere other than {@code /login} (the session id
 * changes here), then {@code GET /} with the new session cookie, which must answer 200 (the
 * session works and no pending step such as a password change or a second factor holds the
 * account). Redirects are never followed. {@code --mode=bare}: one login is
 * {@code POST /bare/login} of bench/bare-endpoint (one indexed read and one bcrypt check),
 * which must answer 200.
 *
 * <p>
 * Thread {@code i} logs in as user {@code i mod users} again and again until the warm-up and
 * the measured duration are over. A login's latency is its whole sequence. Only logins that
 * complete inside the measured window count; at the end exactly one line goes to stdout:
 * {@code RESULT rps=… p50=… p90=… p99=… errors=… requests=…} (latencies of the successful logins
 * in ms, rps = successful logins per measured second, requests = completed logins, failed ones
 * included), and a summary with the first error's detail to stderr.
 *
 * <p>
 * Before the load, every user logs in once, one after the other: a wrong password or a locked
 * account stops the run there (RESULT with errors=1, exit status 1) instead of locking the
 * accounts (5 wrong passwords in a row) and getting the address throttled (429 after 20 failed
 * logins in 10 minutes). A 429 during the run stops every thread at once for the same reason.
 */
public class LoginLoad {

	static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	static final Pattern NAME_CSRF = Pattern.compile("\\bname\\s*=\\s*[\"']_csrf[\"']", Pattern.CASE_INSENSITIVE);

	static final Pattern VALUE = Pattern.compile("\\bvalue\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

	final URI base;

	final boolean app;

	final String password;

	final HttpClient http;

	final Duration timeout = Duration.ofSeconds(30);

	volatile boolean stop;

	final AtomicReference<String> firstError = new AtomicReference<>();

	LoginLoad(String url, boolean app, String password) {
		this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
		this.app = app;
		this.password = password;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				usage("not an option: " + arg);
			}
			opts.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		String url = opts.getOrDefault("url", "http://127.0.0.1:18180");
		String mode = opts.getOrDefault("mode", "app");
		if (!mode.equals("app") && !mode.equals("bare")) {
			usage("--mode must be app or bare");
		}
		List<String> users = Arrays.stream(opts.getOrDefault("users", "").split(","))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.toList();
		if (users.isEmpty() || !opts.containsKey("password")) {
			usage("--users and --password are required");
		}
		int threads = Integer.parseInt(opts.getOrDefault("threads", "16"));
		double warmup = seconds(opts.getOrDefault("warmup", "10"));
		double duration = seconds(opts.getOrDefault("duration", "30"));
		LoginLoad load = new LoginLoad(url, mode.equals("app"), opts.get("password"));
		System.exit(load.run(users, threads, warmup, duration));
	}

	static void usage(String problem) {
		System.err.println(problem);
		System.err.println("usage: java LoginLoad.java --url=http://127.0.0.1:18180 --mode=app|bare --users=a,b,c "
				+ "--password=... [--threads=16] [--warmup=10] [--duration=30]  (seconds; 30s, 1m also accepted)");
		System.exit(2);
	}

	/** 30, 30s, 2m, 1h (the harness's duration style). */
	static double seconds(String value) {
		String v = value.trim().toLowerCase(Locale.ROOT);
		if (v.endsWith("h")) {
			return Double.parseDouble(v.substring(0, v.length() - 1)) * 3600;
		}
		if (v.endsWith("m")) {
			return Double.parseDouble(v.substring(0, v.length() - 1)) * 60;
		}
		if (v.endsWith("s")) {
			return Double.parseDouble(v.substring(0, v.length() - 1));
		}
		return Double.parseDouble(v);
	}

	int run(List<String> users, int threads, double warmupSeconds, double durationSeconds) throws Exception {
		// one login per user first, sequentially: a wrong password costs one failed attempt
		// per account, not a lockout
		for (String user : new LinkedHashSet<>(users)) {
			try {
				login(user);
			}
			catch (Exception ex) {
				System.err.printf("LoginLoad: the first login of %s failed, no load run: %s%n", user, describe(ex));
				System.out.println("RESULT rps=0.0 p50=0.00 p90=0.00 p99=0.00 errors=1 requests=0");
				return 1;
			}
		}
		long start = System.nanoTime();
		long measureFrom = start + (long) (warmupSeconds * 1e9);
		long measureTo = measureFrom + (long) (durationSeconds * 1e9);
		Worker[] workers = new Worker[threads];
		Thread[] running = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			workers[i] = new Worker(users.get(i % users.size()), measureFrom, measureTo);
			running[i] = new Thread(workers[i], "login-" + i);
			running[i].start();
		}
		for (Thread t : running) {
			t.join();
		}
		int successes = 0;
		long errors = 0;
		long warmupErrors = 0;
		for (Worker w : workers) {
			successes += w.latencies.size();
			errors += w.errors;
			warmupErrors += w.warmupErrors;
		}
		long[] all = new long[successes];
		int k = 0;
		for (Worker w : workers) {
			for (int j = 0; j < w.latencies.size(); j++) {
				all[k++] = w.latencies.get(j);
			}
		}
		Arrays.sort(all);
		double rps = successes / durationSeconds;
		System.out.printf(Locale.ROOT, "RESULT rps=%.1f p50=%.2f p90=%.2f p99=%.2f errors=%d requests=%d%n", rps,
				percentile(all, 50), percentile(all, 90), percentile(all, 99), errors, successes + errors);
		System.err.printf(Locale.ROOT,
				"LoginLoad %s %s: %d threads over %d users (%s), %.0f s warm-up, %.0f s measured: %d logins, %.1f/s, "
						+ "%d errors (%d more during the warm-up), max %.2f ms%s%n",
				app ? "app" : "bare", base, threads, users.size(),
				users.size() <= 4 ? String.join(",", users) : String.join(",", users.subList(0, 3)) + ",…", warmupSeconds,
				durationSeconds, successes, rps, errors, warmupErrors, all.length == 0 ? 0.0 : all[all.length - 1] / 1e6,
				firstError.get() == null ? "" : "; first error: " + firstError.get());
		return 0;
	}

	/** Nearest-rank percentile in ms. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	final class Worker implements Runnable {

		final String user;

		final long measureFrom;

		final long measureTo;

		final LongList latencies = new LongList();

		long errors;

		long warmupErrors;

		Worker(String user, long measureFrom, long measureTo) {
			this.user = user;
			this.measureFrom = measureFrom;
			this.measureTo = measureTo;
		}

		@Override
		public void run() {
			while (!stop && System.nanoTime() < measureTo) {
				long t0 = System.nanoTime();
				String error = null;
				try {
					login(user);
				}
				catch (Throttled ex) {
					stop = true;
					error = describe(ex);
				}
				catch (Exception ex) {
					error = describe(ex);
				}
				long t1 = System.nanoTime();
				if (error != null) {
					firstError.compareAndSet(null, user + ": " + error);
				}
				if (t1 < measureFrom) {
					if (error != null) {
						warmupErrors++;
					}
				}
				else if (t1 <= measureTo) {
					if (error != null) {
						errors++;
					}
					else {
						latencies.add(t1 - t0);
					}
				}
			}
		}

	}

	/** The address got 429: nothing more can succeed for 10 minutes. */
	static final class Throttled extends IOException {

		Throttled(String message) {
			super(message);
		}

	}

	/** A failed step of a login. */
	static final class Failed extends IOException {

		Failed(String message) {
			super(message);
		}

	}

	static String describe(Exception ex) {
		return ex instanceof Failed || ex instanceof Throttled ? ex.getMessage() : ex.toString();
	}

	/** One whole login; returns normally on success, throws with the detail otherwise. */
	void login(String user) throws IOException, InterruptedException {
		if (!app) {
			HttpResponse<byte[]> r = send(HttpRequest.newBuilder(base.resolve("/bare/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password)))),
					new Jar());
			expect(r, "POST /bare/login", 200);
			return;
		}
		Jar jar = new Jar();
		HttpResponse<byte[]> page = send(HttpRequest.newBuilder(base.resolve("/login")).GET(), jar);
		expect(page, "GET /login", 200);
		String csrf = csrf(body(page));
		if (csrf == null) {
			throw new Failed("GET /login: no hidden _csrf input in the form");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", user);
		fields.put("password", password);
		fields.put("_csrf", csrf);
		HttpResponse<byte[]> post = send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", base.toString())
			.header("Referer", base.resolve("/login").toString())
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))), jar);
		expect(post, "POST /login", 302);
		String location = post.headers().firstValue("Location").orElse("");
		String path = URI.create(location).getPath();
		if (path == null || path.startsWith("/login")) {
			throw new Failed("POST /login → 302 " + location + " (wrong password, locked, disabled or dormant account)");
		}
		HttpResponse<byte[]> home = send(HttpRequest.newBuilder(base.resolve("/")).GET(), jar);
		if (home.statusCode() == 302) {
			throw new Failed("GET / → 302 " + home.headers().firstValue("Location").orElse("")
					+ " (no session, or a pending step: password change, second factor)");
		}
		expect(home, "GET /", 200);
	}

	HttpResponse<byte[]> send(HttpRequest.Builder builder, Jar jar) throws IOException, InterruptedException {
		builder.timeout(timeout).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.header("Accept-Encoding", "gzip");
		String cookies = jar.header();
		if (!cookies.isEmpty()) {
			builder.header("Cookie", cookies);
		}
		HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
		jar.take(response);
		if (response.statusCode() == 429) {
			throw new Throttled(response.request().method() + " " + response.request().uri().getPath()
					+ " → 429: this address is throttled (20 failed logins in 10 minutes); stopping");
		}
		return response;
	}

	static void expect(HttpResponse<byte[]> response, String what, int status) throws Failed {
		if (response.statusCode() != status) {
			String location = response.headers().firstValue("Location").map(l -> " " + l).orElse("");
			throw new Failed(what + " → " + response.statusCode() + location + " (expected " + status + ")");
		}
	}

	static String body(HttpResponse<byte[]> response) throws IOException {
		byte[] bytes = response.body();
		if (response.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false)) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
				bytes = in.readAllBytes();
			}
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** The value of the form's hidden {@code _csrf} input, unescaped. */
	static String csrf(String html) {
		Matcher inputs = INPUT.matcher(html);
		while (inputs.find()) {
			String tag = inputs.group();
			if (NAME_CSRF.matcher(tag).find()) {
				Matcher value = VALUE.matcher(tag);
				return value.find() ? unescape(value.group(1)) : null;
			}
		}
		return null;
	}

	static String unescape(String s) {
		return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * The cookie jar of one login (one browser): every cookie the application sets lives on
	 * path / of one host, so name → value is enough; Max-Age=0 deletes.
	 */
	static final class Jar {

		final Map<String, String> cookies = new LinkedHashMap<>();

		void take(HttpResponse<?> response) {
			for (String set : response.headers().allValues("Set-Cookie")) {
				String pair = set.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq <= 0) {
					continue;
				}
				String name = pair.substring(0, eq).trim();
				String value = pair.substring(eq + 1).trim();
				boolean expired = Arrays.stream(set.split(";"))
					.map(a -> a.trim().toLowerCase(Locale.ROOT))
					.anyMatch(a -> a.equals("max-age=0") || a.startsWith("expires=thu, 01 jan 1970"));
				if (expired || value.isEmpty()) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
		}

		String header() {
			return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
		}

	}

	/** A growable list of longs (no boxing of one latency per login). */
	static final class LongList {

		long[] values = new long[1024];

		int size;

		void add(long v) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = v;
		}

		long get(int i) {
			return values[i];
		}

		int size() {
			return size;
		}

	}

}
