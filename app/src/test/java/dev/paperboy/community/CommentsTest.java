package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Threaded comments in a safe Markdown subset, with counts that follow every change. */
class CommentsTest {

  static final String PAPER = "2608.19880";

  @TempDir Path dir;
  CommunityFixture f;
  Comments comments;

  @BeforeEach
  void open() {
    f = new CommunityFixture(dir, "2026-08-21T18:00:00Z");
    f.importing("web/2026-08-21.json");
    comments = f.services.comments();
  }

  @AfterEach
  void close() {
    f.close();
  }

  /** Markdown in, the HTML a reader gets out, kept as data in markdown-golden.csv. */
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/community/markdown-golden.csv", delimiter = '|', numLinesToSkip = 1)
  void markdownIsRenderedSafely(String what, String markdown, String html) {
    assertEquals(
        html.replace("\\n", "\n"),
        new CommentMarkdown().toHtml(markdown.replace("\\n", "\n")).strip());
  }

  @Test
  void repliesNestUnderTheirParentInOrder() {
    User ada = f.user("ada");
    User bob = f.user("bob");
    Comments.Comment first = comments.post(ada, PAPER, null, "First");
    Comments.Comment second = comments.post(bob, PAPER, null, "Second");
    Comments.Comment reply = comments.post(bob, PAPER, first.id(), "Reply to first");
    comments.post(ada, PAPER, reply.id(), "Reply to the reply");
    List<Comments.Placed> thread = comments.thread(PAPER, null);
    assertEquals(
        List.of("First", "Reply to first", "Reply to the reply", "Second"),
        thread.stream().map(p -> p.comment().body()).toList());
    assertEquals(List.of(0, 1, 2, 0), thread.stream().map(Comments.Placed::depth).toList());
    assertEquals(second.id(), thread.get(3).comment().id());
    assertEquals(4, f.papers.find(PAPER).orElseThrow().community().comments());
    assertEquals(5, f.papers.find(PAPER).orElseThrow().totalComments(), "plus 1 from Hugging Face");
  }

  @Test
  void onlyTheAuthorEditsAndAnAdminOrTheAuthorDeletes() {
    User ada = f.user("ada");
    User bob = f.user("bob");
    Comments.Comment c = comments.post(ada, PAPER, null, "Tpyo");
    Refusal r = assertThrows(Refusal.class, () -> comments.edit(bob, c.id(), "Vandalised"));
    assertEquals(Refusal.Kind.FORBIDDEN, r.kind());
    assertThrows(Refusal.class, () -> comments.delete(bob, c.id()));
    Comments.Comment edited = comments.edit(ada, c.id(), "Typo");
    assertEquals("Typo", edited.body());
    assertTrue(edited.editedAt() != null);
    comments.delete(f.admin("root"), c.id());
    assertTrue(comments.thread(PAPER, ada).isEmpty());
    assertEquals(0, f.papers.find(PAPER).orElseThrow().community().comments());
  }

  @Test
  void aDeletedCommentWithRepliesStaysAsAPlaceholder() {
    User ada = f.user("ada");
    Comments.Comment parent = comments.post(ada, PAPER, null, "Parent");
    comments.post(f.user("bob"), PAPER, parent.id(), "Child");
    comments.delete(ada, parent.id());
    List<Comments.Placed> thread = comments.thread(PAPER, null);
    assertEquals(2, thread.size());
    assertNull(thread.get(0).html());
    assertEquals("", thread.get(0).comment().body(), "the text itself is erased");
    assertThrows(Refusal.class, () -> comments.post(ada, PAPER, parent.id(), "Reply to gone"));
  }

  @Test
  void aHiddenCommentIsGoneForReadersButAdminsStillSeeIt() {
    User admin = f.admin("root");
    Comments.Comment spam = comments.post(f.user("ada"), PAPER, null, "Buy things");
    f.services.moderation().setCommentHidden(admin, spam.id(), true, "spam");
    assertTrue(comments.thread(PAPER, null).isEmpty());
    List<Comments.Placed> seenByAdmin = comments.thread(PAPER, admin);
    assertEquals(1, seenByAdmin.size());
    assertTrue(seenByAdmin.get(0).comment().hidden());
    assertEquals(0, f.papers.find(PAPER).orElseThrow().community().comments());
    assertEquals("hide comment", f.services.moderation().log(1).get(0).action());
  }

  @Test
  void emptyAndOverlongCommentsAreRefused() {
    User ada = f.user("ada");
    assertThrows(Refusal.class, () -> comments.post(ada, PAPER, null, "   "));
    Refusal r =
        assertThrows(Refusal.class, () -> comments.post(ada, PAPER, null, "x".repeat(5001)));
    assertTrue(r.getMessage().contains("at most 5000"));
    assertThrows(Refusal.class, () -> comments.post(ada, "2608.99999", null, "Nowhere"));
  }
}
