package dev.paperboy.solr;

import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index as a SolrCloud collection that every node shares: sharded and replicated by
 * Solr, fed by one node's change-log follower, searched through an alias. It holds the same fields
 * with the same analysis as the embedded index and is asked the same questions (see {@link
 * SolrQueries}), so both rank alike.
 */
public final class SolrIndex implements PaperIndex {

  private static final Logger log = LoggerFactory.getLogger(SolrIndex.class);

  private final SolrCluster cluster;
  private final String alias;
  private final SolrQueries queries;
  private final boolean writable;

  /** A collection of its own (a rebuild not yet behind the alias), or null to use the alias. */
  private final String fixed;

  /** Where writes go: the collection {@link #id()} last named (see there). */
  private volatile String target;

  private SolrIndex(SolrCluster cluster, String alias, String fixed, boolean writable) {
    this.cluster = cluster;
    this.alias = alias;
    this.fixed = fixed;
    this.writable = writable;
    this.target = fixed;
    this.queries = new SolrQueries(cluster, fixed != null ? fixed : alias);
  }

  /**
   * The index behind {@code alias} in the cluster; a writable one creates the first collection and
   * the alias when there are none yet (on first use, so a node starts while Solr is away).
   */
  public static SolrIndex open(SolrCluster cluster, String alias, boolean writable) {
    return new SolrIndex(cluster, alias, null, writable);
  }

  /**
   * The collection this index is now. Writes that follow go to that collection even if a rebuild
   * switches the alias meanwhile: the follower reads its watermark under this id, and a write
   * landing in the new collection could put an older state of a paper over a newer one there.
   */
  @Override
  public String id() {
    if (fixed != null) {
      return fixed;
    }
    String now =
        writable
            ? cluster.ensure(alias)
            : cluster
                .resolve(alias)
                .orElseThrow(
                    () ->
                        new SearchUnavailableException(
                            "SolrCloud at "
                                + cluster.address()
                                + " has no alias "
                                + alias
                                + " yet; a serving node creates it",
                            null));
    if (!now.equals(checked)) {
      stale = cluster.staleness(now);
      checked = now;
      if (stale != null) {
        log.error("Search index: {}", stale);
      }
    }
    target = now;
    return now;
  }

  /** The collection last checked against this build's configset, and what the check found. */
  private volatile String checked;

  private volatile String stale;

  @Override
  public Optional<String> problem() {
    if (fixed == null) {
      try {
        id();
      } catch (SearchUnavailableException e) {
        return Optional.of(String.valueOf(e.getMessage()));
      }
    }
    String why = stale;
    return why != null ? Optional.of(why) : PaperIndex.super.problem();
  }

  @Override
  public boolean writable() {
    return writable;
  }

  @Override
  public boolean shared() {
    return true;
  }

  private String target() {
    String t = target;
    return t != null ? t : id();
  }

  @Override
  public void put(Collection<Document> documents) {
    if (documents.isEmpty()) {
      return;
    }
    List<SolrInputDocument> docs = new ArrayList<>(documents.size());
    for (Document p : documents) {
      docs.add(SolrQueries.document(p));
    }
    try {
      cluster.client().add(target(), docs);
    } catch (SolrServerException | IOException | SolrException e) {
      throw cluster.unavailable("indexing " + docs.size() + " papers", e);
    }
  }

  @Override
  public void delete(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      cluster.client().deleteById(target(), List.copyOf(ids));
    } catch (SolrServerException | IOException | SolrException e) {
      throw cluster.unavailable("removing " + ids.size() + " papers", e);
    }
  }

  @Override
  public void commit() {
    try {
      cluster.client().commit(target(), true, true);
    } catch (SolrServerException | IOException | SolrException e) {
      throw cluster.unavailable("committing", e);
    }
  }

  /** A writable index makes its first collection before its first search, if need be. */
  private SolrQueries queries() {
    if (writable && target == null) {
      id();
    }
    return queries;
  }

  @Override
  public Optional<String> respell(String query) {
    return queries().respell(query);
  }

  @Override
  public Matches keyword(SearchRequest request, int n) {
    return queries().keyword(request, n);
  }

  @Override
  public List<Scored> nearest(float[] vector, int k, SearchRequest filters, String exceptId) {
    return queries().nearest(vector, k, filters, exceptId);
  }

  @Override
  public Map<String, Highlight> highlight(SearchRequest request, List<String> ids) {
    return queries().highlight(request, ids);
  }

  @Override
  public int count() {
    QueryResponse r = queries().run(new SolrQuery("*:*").setRows(0), "counting papers");
    return Math.toIntExact(r.getResults().getNumFound());
  }

  /**
   * A new, empty collection for a rebuild; searches stay on the current one until {@link
   * #replaceWith} switches the alias.
   */
  @Override
  public PaperIndex emptyForRebuild() {
    return new SolrIndex(cluster, alias, cluster.create(alias), true);
  }

  @Override
  public void replaceWith(PaperIndex rebuilt) {
    if (!(rebuilt instanceof SolrIndex built) || built.fixed == null || built.cluster != cluster) {
      throw new IllegalArgumentException("not a rebuild of this index: " + rebuilt.id());
    }
    Optional<String> old = cluster.resolve(alias);
    cluster.switchAlias(alias, built.fixed);
    target = built.fixed;
    old.filter(o -> !o.equals(built.fixed)).ifPresent(cluster::delete);
  }

  @Override
  public void optimize() {
    try {
      cluster.client().optimize(target(), true, true, 1);
    } catch (SolrServerException | IOException | SolrException e) {
      throw cluster.unavailable("merging the index", e);
    }
  }

  /** Closes the connection, unless this is a rebuild, which shares its parent's. */
  @Override
  public void close() {
    if (fixed == null) {
      cluster.close();
    }
  }

  /** Ids of the documents in a response, in its order, with their scores. */
  static List<Scored> scored(QueryResponse r) {
    List<Scored> out = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      Object score = d.getFieldValue("score");
      out.add(
          new Scored(
              (String) d.getFieldValue("id"), score instanceof Number s ? s.floatValue() : 0f));
    }
    return out;
  }

  static Map<String, Highlight> highlights(QueryResponse r, List<String> ids) {
    Map<String, Map<String, List<String>>> all = r.getHighlighting();
    Map<String, Highlight> out = new HashMap<>();
    if (all == null) {
      return out;
    }
    for (String id : ids) {
      Map<String, List<String>> h = all.get(id);
      if (h != null) {
        out.put(id, new Highlight(first(h.get("title")), first(h.get("abstract"))));
      }
    }
    return out;
  }

  private static String first(List<String> snippets) {
    return snippets == null || snippets.isEmpty() ? null : snippets.get(0);
  }
}
