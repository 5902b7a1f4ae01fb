package dev.paperboy.solr;

import dev.paperboy.search.SearchUnavailableException;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a SolrCloud cluster and the collections Paperboy keeps there: each build of the
 * index is a collection named after its alias and the time it was made, and searches go through the
 * alias, so a rebuild switches the alias without a moment of downtime.
 */
public final class SolrCluster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SolrCluster.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final CloudSolrClient client;
  private final String address;
  private final int shards;
  private final int replicas;
  private final int dimension;

  private SolrCluster(
      CloudSolrClient client, String address, int shards, int replicas, int dimension) {
    this.client = client;
    this.address = address;
    this.shards = shards;
    this.replicas = replicas;
    this.dimension = dimension;
  }

  /**
   * Connects through ZooKeeper ({@code host:port[,host:port]/chroot}) or, when {@code zk} is null,
   * to the given Solr nodes; new collections get {@code shards} x {@code replicas} and vectors of
   * {@code dimension}.
   */
  public static SolrCluster connect(
      String zk, List<String> urls, int shards, int replicas, int dimension) {
    // fail in seconds, never stall a search: a request that cannot be answered in 15 s will not be
    Http2SolrClient.Builder http =
        new Http2SolrClient.Builder()
            .withConnectionTimeout(3, TimeUnit.SECONDS)
            .withRequestTimeout(15, TimeUnit.SECONDS)
            .withIdleTimeout(60, TimeUnit.SECONDS);
    CloudHttp2SolrClient.Builder b;
    String address;
    if (zk != null) {
      int slash = zk.indexOf('/');
      List<String> hosts = List.of((slash < 0 ? zk : zk.substring(0, slash)).split(","));
      Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zk.substring(slash));
      b =
          new CloudHttp2SolrClient.Builder(hosts, chroot)
              .withZkConnectTimeout(10, TimeUnit.SECONDS)
              .withZkClientTimeout(30, TimeUnit.SECONDS);
      address = "ZooKeeper " + zk;
    } else {
      b = new CloudHttp2SolrClient.Builder(urls);
      address = String.join(",", urls);
    }
    try {
      CloudSolrClient client = b.withHttpClientBuilder(http).build();
      return new SolrCluster(client, address, shards, replicas, dimension);
    } catch (RuntimeException e) {
      throw new SearchUnavailableException(
          "cannot reach SolrCloud at " + address + ": " + e.getMessage(), e);
    }
  }

  CloudSolrClient client() {
    return client;
  }

  String address() {
    return address;
  }

  /** The collection behind {@code alias}, creating one (and the alias) when there is none. */
  String ensure(String alias) {
    Optional<String> current = resolve(alias);
    if (current.isPresent()) {
      return current.get();
    }
    String name = create(alias);
    switchAlias(alias, name);
    return name;
  }

  /** The collection the alias names now, or empty when there is no such alias. */
  Optional<String> resolve(String alias) {
    try {
      List<String> names = client.getClusterStateProvider().resolveAlias(alias);
      String name = names.isEmpty() ? alias : names.get(0);
      if (name.equals(alias)) {
        return Optional.empty(); // not an alias: the name itself, which we never create
      }
      return Optional.of(name);
    } catch (RuntimeException e) {
      throw unavailable("resolving the alias " + alias, e);
    }
  }

  /**
   * Why the collection cannot serve this build, or null when it can: a collection keeps the
   * configset it was made with, and one made by an older Paperboy lacks fields this one writes and
   * asks for (author name keys, the words "did you mean" suggests from).
   */
  String staleness(String collection) {
    String wanted = Configset.name(Configset.files(dimension));
    try {
      var state = client.getClusterStateProvider().getCollection(collection);
      String has = state == null ? null : state.getConfigName();
      if (has == null || has.equals(wanted)) {
        return null;
      }
      return "the SolrCloud collection "
          + collection
          + " was made with the configset "
          + has
          + " of an older Paperboy, which lacks fields this one needs ("
          + wanted
          + "): run `paperboy reindex` once to rebuild it";
    } catch (IOException | RuntimeException e) {
      throw unavailable("reading the state of " + collection, e);
    }
  }

  /** Creates an empty collection for the alias's next build, with Paperboy's configset. */
  String create(String alias) {
    String configName = Configset.upload(client, dimension);
    String name = alias + "_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    try {
      CollectionAdminRequest.Create create =
          CollectionAdminRequest.createCollection(name, configName, shards, replicas);
      // Solr 9 answers once the collection's replicas are active
      create.process(client);
      log.info(
          "Created the SolrCloud collection {} ({} shards x {} replicas, configset {})",
          name,
          shards,
          replicas,
          configName);
      return name;
    } catch (SolrServerException | IOException | SolrException e) {
      throw unavailable("creating the collection " + name, e);
    }
  }

  /** Points the alias at the collection: searches through it see that collection from now on. */
  void switchAlias(String alias, String collection) {
    try {
      CollectionAdminRequest.createAlias(alias, collection).process(client);
    } catch (SolrServerException | IOException | SolrException e) {
      throw unavailable("pointing the alias " + alias + " at " + collection, e);
    }
  }

  void delete(String collection) {
    try {
      CollectionAdminRequest.deleteCollection(collection).process(client);
    } catch (SolrServerException | IOException | SolrException e) {
      // an old build left behind costs disk, never correctness
      log.warn("Could not delete the old SolrCloud collection {}: {}", collection, e.getMessage());
    }
  }

  SearchUnavailableException unavailable(String doing, Exception e) {
    return new SearchUnavailableException(
        "the search cluster (SolrCloud at "
            + address
            + ") failed "
            + doing
            + ": "
            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
        e);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      log.debug("closing the Solr client", e);
    }
  }
}
