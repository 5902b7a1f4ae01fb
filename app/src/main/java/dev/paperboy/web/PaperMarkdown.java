package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A paper page as Markdown, as Hugging Face serves it at {@code /papers/{id}.md} (what
 * huggingface_hub's {@code read_paper} and {@code hf papers read} print): the text a reader or a
 * language model wants, without the page around it.
 */
final class PaperMarkdown {

  static final String TYPE = "text/markdown; charset=utf-8";

  private final PaperStore papers;
  private final Site site;

  PaperMarkdown(PaperStore papers, Site site) {
    this.papers = papers;
    this.site = site;
  }

  /** Whether the request prefers Markdown to a page (an Accept naming text/markdown, not HTML). */
  static boolean asked(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/markdown") && !accept.contains("text/html");
  }

  /** Answers the stored paper as Markdown; a 404 that says how to fetch it otherwise. */
  void send(Context ctx, String id) {
    Paper paper = papers.find(id).orElseThrow(() -> new NotStoredResponse(id));
    ctx.contentType(TYPE).result(of(paper));
  }

  String of(Paper p) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(line(p.title())).append("\n\n");
    if (!p.authors().isEmpty()) {
      md.append("**Authors:** ").append(line(String.join(", ", p.authors()))).append("\n\n");
    }
    List<String> facts = new ArrayList<>();
    if (p.published() != null) {
      facts.add("**Published:** " + LocalDate.ofInstant(p.published(), ZoneOffset.UTC));
    }
    if (p.dailyDate() != null) {
      facts.add("**Daily Papers:** " + p.dailyDate());
    }
    facts.add("**Upvotes:** " + p.totalUpvotes());
    if (p.organization() != null) {
      facts.add("**Organization:** " + line(p.organization().displayName()));
    }
    if (p.submittedBy() != null) {
      facts.add("**Submitted by:** " + line(p.submittedBy()));
    }
    md.append(String.join(" · ", facts)).append("\n\n");
    md.append("**Links:** ").append(String.join(" · ", links(p))).append("\n\n");
    if (p.aiSummary() != null && !p.aiSummary().isBlank()) {
      md.append("## AI summary\n\n").append(p.aiSummary().strip()).append("\n\n");
    }
    if (!p.aiKeywords().isEmpty()) {
      md.append("**Keywords:** ").append(line(String.join(", ", p.aiKeywords()))).append("\n\n");
    }
    if (p.abstractText() != null && !p.abstractText().isBlank()) {
      md.append("## Abstract\n\n").append(p.abstractText().strip()).append("\n");
    }
    return md.toString();
  }

  private List<String> links(Paper p) {
    List<String> links = new ArrayList<>();
    links.add(link("arXiv", p.absUrl()));
    links.add(link("PDF", p.pdfUrl()));
    if (p.githubRepo() != null) {
      links.add(link("Code", p.githubRepo()));
    }
    if (p.projectPage() != null) {
      links.add(link("Project page", p.projectPage()));
    }
    links.add(link("Paperboy", site.absolute("/papers/" + p.id())));
    return links;
  }

  private static String link(String text, String url) {
    return "[" + text + "](<" + url.replace(">", "%3E").replace(" ", "%20") + ">)";
  }

  /** One line of text, with the characters that would start Markdown markup escaped. */
  private static String line(String text) {
    return text.replaceAll("\\s+", " ").strip().replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
  }
}
