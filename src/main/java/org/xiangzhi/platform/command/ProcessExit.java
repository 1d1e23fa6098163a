package org.xiangzhi.platform.command;

/**
 * Ends the process with a status. A seam so that tests can run a command without stopping
 * the JVM.
 */
@FunctionalInterface
interface ProcessExit {

	void exit(int status);

}
