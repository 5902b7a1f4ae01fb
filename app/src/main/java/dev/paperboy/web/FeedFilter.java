package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What any feed may be narrowed by: {@code min_upvotes}, {@code cat} (an arXiv category, any of the
 * paper's), {@code code} (has a code repository) and {@code limit} (at most {@link #MAX_LIMIT}). A
 * value that is not one of these is a 400 saying so, never a silently ignored filter.
 */
record FeedFilter(long minUpvotes, String category, boolean hasCode, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** arXiv category names: cs.CL, math.AG, hep-th, q-bio.NC, physics.atom-ph. */
  static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]{0,15}(\\.[A-Za-z-]{1,15})?");

  static FeedFilter of(Context ctx) {
    int minUpvotes = Params.intParam(ctx, "min_upvotes", 0, 0, 1_000_000);
    int limit = Params.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    String cat = ctx.queryParam("cat");
    String category = cat == null || cat.isBlank() ? null : category(cat.strip());
    return new FeedFilter(minUpvotes, category, hasCode(ctx.queryParam("code")), limit);
  }

  /** The category as written, or a 400 for anything that cannot be one. */
  static String category(String text) {
    if (!CATEGORY.matcher(text).matches()) {
      throw new BadRequestResponse(
          "cat must be an arXiv category such as cs.CL, got '" + Params.clip(text) + "'");
    }
    return text;
  }

  private static boolean hasCode(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    return switch (text.strip()) {
      case "1", "true", "yes" -> true;
      case "0", "false", "no" -> false;
      default ->
          throw new BadRequestResponse(
              "code must be 1 (only papers with code) or 0, got '" + Params.clip(text) + "'");
    };
  }

  boolean keeps(Paper p) {
    return !p.hidden()
        && p.totalUpvotes() >= minUpvotes
        && (category == null || p.categories().contains(category))
        && (!hasCode || (p.githubRepo() != null && !p.githubRepo().isBlank()));
  }

  /** The papers that pass, in their order, at most {@link #limit()} of them. */
  List<Paper> apply(List<Paper> papers) {
    return papers.stream().filter(this::keeps).limit(limit).toList();
  }
}
