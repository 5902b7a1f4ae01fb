package dev.paperboy.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the test writes it: malformed requests that {@link
 * java.net.http.HttpClient} would refuse to send (bad escapes, broken bodies, wrong lengths) reach
 * the server as they are.
 */
final class RawHttp {

  /** What came back: the status, the head and the body as text. */
  record Answer(int status, String head, String body) {}

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** Sends {@code method target} with the given extra header lines and body; waits for the end. */
  Answer send(String method, String target, String headers, byte[] body) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    head.append(headers);
    if (body != null && !headers.toLowerCase().contains("content-length")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + clip(target) + " failed", e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      all.write(buf, 0, n);
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] statusLine = head.split(" ", 3);
    int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
    return new Answer(status, head, body);
  }

  static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…(" + s.length() + " chars)";
  }
}
