package org.xiangzhi.cases.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the application and its database server that can be switched off:
 * off, it cuts every open connection and refuses new ones, which is exactly what a
 * stopped database server looks like to the connection pool; on, it listens again on the
 * same port. The database itself is untouched.
 */
final class DatabaseSwitch {

	private final int port;

	private final String targetHost;

	private final int target;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	DatabaseSwitch(int port, String targetHost, int target) {
		this.port = port;
		this.targetHost = targetHost;
		this.target = target;
	}

	synchronized void on() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		listener = socket;
		Thread accept = new Thread(() -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					Socket server = new Socket(targetHost, target);
					open.add(client);
					open.add(server);
					pump(client, server);
					pump(server, client);
				}
				catch (IOException closed) {
					return;
				}
			}
		}, "db-switch-accept");
		accept.setDaemon(true);
		accept.start();
	}

	synchronized void off() throws IOException {
		listener.close();
		for (Socket socket : open) {
			socket.close();
		}
		open.clear();
	}

	private static void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException cut) {
				// the switch went off, or a side hung up
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ignored) {
					// already closed
				}
			}
		}, "db-switch-pump");
		thread.setDaemon(true);
		thread.start();
	}

}
