package org.xiangzhi.platform;

import java.util.List;
import java.util.function.ToIntFunction;

import org.springframework.boot.ApplicationArguments;

/**
 * An operations command run instead of serving, e.g. {@code java -jar xiangzhi.jar
 * --spring.main.web-application-type=none --xiangzhi.command=verify-audit}. Modules
 * declare their commands as beans; the platform runs the named one after start-up (demo
 * data first) and ends the process with its status.
 */
public interface Command {

	/** The value of {@code --xiangzhi.command} that selects this command. */
	String name();

	/**
	 * Runs the command. @return the process exit status: 0 success, 1 failure, 2 bad
	 * arguments
	 */
	int run(ApplicationArguments args);

	/** A command from its name and body. */
	static Command of(String name, ToIntFunction<ApplicationArguments> body) {
		return new Command() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public int run(ApplicationArguments args) {
				return body.applyAsInt(args);
			}
		};
	}

	/** The first value of {@code --name=value}, or {@code fallback}. */
	static String option(ApplicationArguments args, String name, String fallback) {
		List<String> values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? fallback : values.get(0);
	}

}
