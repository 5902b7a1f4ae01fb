package dev.paperboy.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.ConfigSetAdminResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Paperboy's Solr configset, kept in the jar under {@code /solr/configset}: the schema with the
 * model's vector dimension filled in, uploaded under a name that carries a hash of its content, so
 * a changed schema is a new configset (for the next collection) and never alters a live one.
 */
final class Configset {

  static final List<String> FILES = List.of("solrconfig.xml", "schema.xml", "stopwords_en.txt");

  private Configset() {}

  /** The configset's files for vectors of {@code dimension}, by name. */
  static Map<String, byte[]> files(int dimension) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String name : FILES) {
      try (InputStream in = Configset.class.getResourceAsStream("/solr/configset/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks /solr/configset/" + name);
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        out.put(
            name,
            text.replace("@DIMENSION@", Integer.toString(dimension))
                .getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Solr configset", e);
      }
    }
    return out;
  }

  /** The configset's name: its content decides it. */
  static String name(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach(
          (name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
          });
      return "paperboy-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Uploads the configset unless the cluster has it already; returns its name. */
  static String upload(SolrClient client, int dimension) {
    Map<String, byte[]> files = files(dimension);
    String name = name(files);
    try {
      ConfigSetAdminResponse.List existing = new ConfigSetAdminRequest.List().process(client);
      if (existing.getConfigSets().contains(name)) {
        return name;
      }
      new ConfigSetAdminRequest.Upload()
          .setConfigSetName(name)
          .setUploadStream(
              new ContentStreamBase.ByteArrayStream(zip(files), name + ".zip", "application/zip"))
          .process(client);
      return name;
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IllegalStateException(
          "uploading the configset " + name + " to SolrCloud failed: " + e.getMessage(), e);
    }
  }

  private static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        out.putNextEntry(new ZipEntry(f.getKey()));
        out.write(f.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
