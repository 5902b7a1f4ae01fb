package dev.paperboy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which engine holds the search index: the embedded Lucene index in each node's folder (the
 * default), or a SolrCloud collection every node shares.
 *
 * @param engine PAPERBOY_SEARCH: {@code embedded} or {@code solr} (the default is solr when a Solr
 *     address is set, else embedded)
 * @param solrZk PAPERBOY_SOLR_ZK: ZooKeeper's address with Solr's chroot, e.g. {@code
 *     zk1:2181,zk2:2181/solr}; null when Solr is reached by URL
 * @param solrUrls PAPERBOY_SOLR_URLS: Solr nodes' base URLs, comma-separated, e.g. {@code
 *     http://solr1:8983/solr}; empty when Solr is reached through ZooKeeper
 * @param collection PAPERBOY_SOLR_COLLECTION: the alias searches go through (default {@code
 *     paperboy}); each build of the index is a collection behind it
 * @param shards PAPERBOY_SOLR_SHARDS: shards of a new collection (default 2)
 * @param replicas PAPERBOY_SOLR_REPLICAS: copies of each shard in a new collection (default 2)
 */
public record SearchSettings(
    Engine engine,
    String solrZk,
    List<String> solrUrls,
    String collection,
    int shards,
    int replicas) {

  public enum Engine {
    EMBEDDED,
    SOLR
  }

  public static final String DEFAULT_COLLECTION = "paperboy";

  public static final SearchSettings EMBEDDED =
      new SearchSettings(Engine.EMBEDDED, null, List.of(), DEFAULT_COLLECTION, 2, 2);

  public SearchSettings {
    solrUrls = List.copyOf(solrUrls == null ? List.of() : solrUrls);
    solrZk = solrZk == null || solrZk.isBlank() ? null : solrZk.strip();
    if (collection == null || !collection.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,60}")) {
      throw new IllegalArgumentException(
          "PAPERBOY_SOLR_COLLECTION takes letters, digits, '_' and '-' (up to 61), got '"
              + collection
              + "'");
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException(
          "PAPERBOY_SOLR_SHARDS and PAPERBOY_SOLR_REPLICAS must be >= 1");
    }
    if (engine == Engine.SOLR && (solrZk == null) == solrUrls.isEmpty()) {
      throw new IllegalArgumentException(
          "PAPERBOY_SEARCH=solr needs exactly one of PAPERBOY_SOLR_ZK (ZooKeeper, e.g."
              + " zk:2181/solr) and PAPERBOY_SOLR_URLS (e.g. http://solr1:8983/solr)");
    }
    for (String url : solrUrls) {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException(
            "PAPERBOY_SOLR_URLS takes http:// or https:// addresses, got '" + url + "'");
      }
    }
  }

  /** SolrCloud through ZooKeeper at {@code zk}, with the default alias, shards and replicas. */
  public static SearchSettings solr(String zk) {
    return new SearchSettings(Engine.SOLR, zk, List.of(), DEFAULT_COLLECTION, 2, 2);
  }

  public boolean solr() {
    return engine == Engine.SOLR;
  }

  /** The same cluster with searches going through another alias (a test's or a benchmark's). */
  public SearchSettings withCollection(String alias) {
    return new SearchSettings(engine, solrZk, solrUrls, alias, shards, replicas);
  }

  public SearchSettings withLayout(int shards, int replicas) {
    return new SearchSettings(engine, solrZk, solrUrls, collection, shards, replicas);
  }

  static SearchSettings resolve(Map<String, String> env) {
    String zk = env.get("PAPERBOY_SOLR_ZK");
    String urls = env.get("PAPERBOY_SOLR_URLS");
    List<String> urlList =
        urls == null || urls.isBlank()
            ? List.of()
            : Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    boolean addressed = (zk != null && !zk.isBlank()) || !urlList.isEmpty();
    String name = env.get("PAPERBOY_SEARCH");
    Engine engine;
    if (name == null || name.isBlank()) {
      engine = addressed ? Engine.SOLR : Engine.EMBEDDED;
    } else {
      engine =
          switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "embedded", "lucene" -> Engine.EMBEDDED;
            case "solr", "solrcloud" -> Engine.SOLR;
            default ->
                throw new IllegalArgumentException(
                    "PAPERBOY_SEARCH must be embedded or solr, got '" + name + "'");
          };
    }
    if (engine == Engine.EMBEDDED && addressed) {
      throw new IllegalArgumentException(
          "PAPERBOY_SEARCH=embedded but PAPERBOY_SOLR_ZK or PAPERBOY_SOLR_URLS is set; unset one");
    }
    String collection = env.getOrDefault("PAPERBOY_SOLR_COLLECTION", DEFAULT_COLLECTION);
    return new SearchSettings(
        engine,
        zk,
        urlList,
        collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection.strip(),
        Config.number(env, "PAPERBOY_SOLR_SHARDS", 2),
        Config.number(env, "PAPERBOY_SOLR_REPLICAS", 2));
  }

  @Override
  public String toString() {
    if (engine == Engine.EMBEDDED) {
      return "embedded";
    }
    return String.format(
        Locale.ROOT,
        "SolrCloud at %s, alias %s (%d shards x %d replicas)",
        solrZk != null ? "zk " + solrZk : String.join(",", solrUrls),
        collection,
        shards,
        replicas);
  }
}
