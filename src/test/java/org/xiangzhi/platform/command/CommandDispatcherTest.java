package org.xiangzhi.platform.command;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.xiangzhi.platform.Command;

import static org.assertj.core.api.Assertions.assertThat;

class CommandDispatcherTest {

	private final List<Integer> exits = new ArrayList<>();

	private final List<String> ran = new ArrayList<>();

	private final List<Command> commands = List.of(Command.of("succeed", args -> {
		ran.add("succeed");
		return 0;
	}), Command.of("fail", args -> {
		ran.add("fail:" + Command.option(args, "why", "none"));
		return 1;
	}));

	private void dispatch(String command, String... args) {
		new CommandDispatcher(command, commands, exits::add).run(new DefaultApplicationArguments(args));
	}

	@Test
	void theNamedCommandRunsAndItsStatusEndsTheProcess() {
		dispatch("fail", "--why=broken");
		assertThat(ran).containsExactly("fail:broken");
		assertThat(exits).containsExactly(1);
	}

	@Test
	void withoutACommandTheApplicationServes() {
		dispatch("");
		assertThat(ran).isEmpty();
		assertThat(exits).isEmpty();
	}

	@Test
	void anUnknownCommandEndsWithStatusTwoAndRunsNothing() {
		dispatch("no-such-command");
		assertThat(ran).isEmpty();
		assertThat(exits).containsExactly(2);
	}

}
