package org.xiangzhi.platform.command;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.xiangzhi.platform.Command;

/**
 * Runs the {@link Command} named by {@code --xiangzhi.command} and ends the process with
 * its status (2 for an unknown command), so that cron or a monitoring check can act on
 * it. Without the option the application simply serves. Ordered after the demo-data
 * runners.
 */
@Configuration(proxyBeanMethods = false)
@Order(20)
class CommandDispatcher implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

	private final String command;

	private final List<Command> commands;

	private final ProcessExit exit;

	CommandDispatcher(@Value("${xiangzhi.command:}") String command, List<Command> commands, ProcessExit exit) {
		this.command = command;
		this.commands = commands;
		this.exit = exit;
	}

	@Bean
	static ProcessExit processExit(ApplicationContext context) {
		return status -> System.exit(SpringApplication.exit(context, () -> status));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (command == null || command.isBlank()) {
			return;
		}
		Command selected = commands.stream().filter(c -> c.name().equals(command.strip())).findFirst().orElse(null);
		if (selected == null) {
			log.error("Unknown command '{}'; known: {}", command,
					commands.stream().map(Command::name).sorted().toList());
			exit.exit(2);
			return;
		}
		exit.exit(selected.run(args));
	}

}
