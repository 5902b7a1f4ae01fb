package dev.paperboy.thumbnail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * An image host on a local port: each path answers as {@link #serve} set it, anything else is a
 * 404, and every request is remembered.
 */
final class ImageServer implements AutoCloseable {

  /** An answer: status, the Content-Type it claims, the body, and whether to send it chunked. */
  record Answer(int status, String contentType, byte[] body, boolean chunked) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new ArrayList<>();

  ImageServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** A real PNG of {@code width} x 8 pixels in one colour, padded with zeros to {@code size}. */
  static byte[] png(int width, Color colour, int size) {
    BufferedImage image = new BufferedImage(width, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, colour.getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    if (bytes.length > size) {
      throw new IllegalArgumentException("the PNG alone is " + bytes.length + " bytes");
    }
    return Arrays.copyOf(bytes, size);
  }

  ImageServer serve(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  ImageServer serve(String path, byte[] png) {
    return serve(path, new Answer(200, "image/png", png, false));
  }

  /** The address of {@code path} on this server, as 127.0.0.1. */
  String url(String path) {
    return origin() + path;
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    synchronized (this) {
      requests.add(path);
    }
    Answer a = answers.getOrDefault(path, new Answer(404, "text/plain", "no".getBytes(), false));
    exchange.getResponseHeaders().set("Content-Type", a.contentType());
    exchange.sendResponseHeaders(a.status(), a.chunked() ? 0 : a.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(a.body());
    } catch (IOException e) {
      // the client hung up on an answer it did not want
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
