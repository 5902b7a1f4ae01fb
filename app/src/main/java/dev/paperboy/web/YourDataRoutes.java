package dev.paperboy.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.PaperCollections;
import dev.paperboy.community.User;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * "Export your data": everything the signed-in person did here as one JSON file. Bounded: the
 * newest {@value #MAX_VOTES} votes and {@value #MAX_COMMENTS} comments; collections are bounded by
 * their own limits (100 of at most 1,000 papers).
 */
final class YourDataRoutes {

  static final int MAX_VOTES = 20_000;
  static final int MAX_COMMENTS = 5_000;

  private final CommunityServices community;

  YourDataRoutes(CommunityServices community) {
    this.community = community;
  }

  void register(Javalin app) {
    app.get("/settings/export.json", this::export);
  }

  record Account(String name, String email, String created) {}

  record Vote(String paper, String at) {}

  record Collection(
      long id,
      String name,
      String description,
      @JsonProperty("public") boolean isPublic,
      String created,
      List<String> papers) {}

  record Comment(long id, String paper, Long parent, String text, String at, String edited) {}

  /** An author, organisation, category or topic followed: {@code key} is what its page is at. */
  record Follow(String kind, String key, String name, String at) {}

  record Export(
      Account account,
      List<Vote> votes,
      List<Collection> collections,
      List<Comment> comments,
      List<Follow> follows) {}

  private void export(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    Export export =
        new Export(
            new Account(user.displayName(), user.email(), user.createdAt().toString()),
            community.votes().castBy(user.id(), MAX_VOTES).stream()
                .map(v -> new Vote(v.paperId(), v.at().toString()))
                .toList(),
            community.collections().ofUser(user.id(), user).stream().map(this::collection).toList(),
            community.comments().byUser(user.id(), MAX_COMMENTS).stream()
                .map(
                    c ->
                        new Comment(
                            c.id(),
                            c.paperId(),
                            c.parentId(),
                            c.body(),
                            c.createdAt().toString(),
                            c.editedAt() == null ? null : c.editedAt().toString()))
                .toList(),
            community.follows().of(user.id()).stream()
                .map(f -> new Follow(f.kind().key(), f.key(), f.label(), f.createdAt().toString()))
                .toList());
    ctx.header("Content-Disposition", "attachment; filename=\"paperboy-data.json\"");
    ctx.header("Cache-Control", "no-store");
    ApiJson.send(ctx, export);
  }

  private Collection collection(PaperCollections.Collection k) {
    return new Collection(
        k.id(),
        k.name(),
        k.description(),
        k.isPublic(),
        k.createdAt().toString(),
        community.collections().paperIds(k.id()));
  }
}
