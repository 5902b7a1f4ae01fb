package dev.paperboy.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SMTP peer on a local port for the one answer GreenMail cannot give: a permanent
 * rejection of one recipient at RCPT (550). Everything else is accepted; accepted recipients are
 * remembered.
 */
final class ScriptedSmtp implements AutoCloseable {

  private final ServerSocket socket;
  private final String rejected;
  private final String rejection;
  private final List<String> accepted = new ArrayList<>();
  private final Thread thread;

  ScriptedSmtp(String rejected, String rejection) throws IOException {
    this.rejected = rejected.toLowerCase(Locale.ROOT);
    this.rejection = rejection;
    this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  synchronized List<String> accepted() {
    return List.copyOf(accepted);
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    reply(out, "220 scripted ESMTP");
    String to = null;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        reply(out, "250 scripted");
      } else if (command.startsWith("MAIL FROM")) {
        reply(out, "250 OK");
      } else if (command.startsWith("RCPT TO")) {
        to = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
        reply(out, to.equals(rejected) ? rejection : "250 OK");
      } else if (command.equals("DATA")) {
        reply(out, "354 go ahead");
        while (!".".equals(in.readLine())) {
          // the message itself is not needed
        }
        synchronized (this) {
          accepted.add(to);
        }
        reply(out, "250 OK queued");
      } else if (command.equals("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "250 OK");
      }
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
