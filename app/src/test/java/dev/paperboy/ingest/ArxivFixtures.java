package dev.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.TestApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The recorded arXiv API answers in test resources arxiv-api/, and the OAI-PMH ones in
 * arxiv-oai-pmh/ (see SOURCE.txt in each).
 */
public final class ArxivFixtures {

  private ArxivFixtures() {}

  /** A recorded answer: the request URL, HTTP status and arXiv's original body bytes. */
  public record Recording(String url, int status, byte[] body) {}

  public static Recording recording(String name) {
    byte[] file = bytes(name);
    if (!name.endsWith(".json")) {
      return new Recording(null, 200, file);
    }
    try {
      JsonNode json = new ObjectMapper().readTree(file);
      // the recorder decoded arXiv's UTF-8 as ISO-8859-1; encoding back gives the original bytes
      byte[] body = json.path("body").asText().getBytes(StandardCharsets.ISO_8859_1);
      return new Recording(json.path("url").asText(), json.path("status_code").asInt(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] body(String name) {
    return recording(name).body();
  }

  /** An OAI-PMH answer's body, e.g. "ListRecordsResponse.xml" or "derived/...". */
  public static byte[] oaiPmh(String name) {
    return bytes("arxiv-oai-pmh/", name);
  }

  private static byte[] bytes(String name) {
    return bytes("arxiv-api/", name);
  }

  private static byte[] bytes(String folder, String name) {
    try {
      return Files.readAllBytes(TestApps.resource(folder + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
