package dev.paperboy.digest;

import dev.paperboy.paper.Dates;
import dev.paperboy.paper.Paper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the mail, with no side effects: the same subscription, period and papers always give the
 * same message (which the golden-file tests rely on). HTML comes from the precompiled, escaping
 * templates in {@code mail/}; the plain-text part is built here.
 */
public final class DigestComposer {

  /** One paper as a mail card: everything already formatted. */
  public record MailCard(
      int rank,
      String title,
      String url,
      String authors,
      String organization,
      long upvotes,
      String summary,
      List<String> reasons) {}

  /** What the digest template shows. */
  public record DigestView(
      String heading,
      String periodLabel,
      String feedUrl,
      List<MailCard> cards,
      String reason,
      String email,
      String manageUrl,
      String unsubscribeUrl,
      String homeUrl) {}

  /** What the confirmation template shows. */
  public record ConfirmView(
      String email, String reason, String confirmUrl, String homeUrl, int days) {}

  private static final int SUMMARY_CHARS = 220;

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  /** The digest of these papers (best first) for one reader. */
  public OutgoingMail digest(
      Subscription s, DigestPeriod period, List<Paper> papers, SignedLinks links) {
    return digestPicked(
        s, period, papers.stream().map(p -> new PaperPicker.Picked(p, List.of())).toList(), links);
  }

  /** The same, each paper with the reasons it was picked (a For-you digest's). */
  public OutgoingMail digestPicked(
      Subscription s, DigestPeriod period, List<PaperPicker.Picked> picks, SignedLinks links) {
    String base = links.publicUrl();
    List<MailCard> cards = new ArrayList<>();
    for (PaperPicker.Picked pick : picks) {
      Paper p = pick.paper();
      cards.add(
          new MailCard(
              cards.size() + 1,
              p.title(),
              base + "/papers/" + p.id(),
              authors(p.authors()),
              p.organization() == null ? null : p.organization().displayName(),
              p.totalUpvotes(),
              summary(p),
              pick.reasons()));
    }
    String what =
        switch (s.kind()) {
          case TRENDING -> "trending papers";
          case TOPICS -> "papers on your topics";
          case FOR_YOU -> "papers for you";
        };
    String heading =
        (s.frequency() == Subscription.Frequency.DAILY ? "Daily" : "Weekly") + " " + what;
    String when = period.from().equals(period.to()) ? Dates.day(period.from()) : period.label();
    String subject =
        "Paperboy "
            + s.frequency().key()
            + ": "
            + cards.size()
            + " "
            + (cards.size() == 1 ? what.replace("papers", "paper") : what)
            + " · "
            + when;
    DigestView view =
        new DigestView(
            heading,
            period.label(),
            base + period.feedPath(),
            cards,
            s.reason(),
            s.email(),
            links.manage(s),
            links.unsubscribe(s),
            base + "/");
    String unsubscribe = links.unsubscribe(s);
    return new OutgoingMail(
        messageId(period.key(), s, base),
        s.email(),
        subject,
        digestText(view),
        render("mail/digest.jte", view),
        Map.of(
            // RFC 8058: mail programs offer one-click unsubscribe and POST to this address
            "List-Unsubscribe", "<" + unsubscribe + ">",
            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
            "List-Id", "Paperboy " + s.frequency().key() + " digest <digest." + host(base) + ">",
            "Auto-Submitted", "auto-generated",
            "Precedence", "bulk"));
  }

  /** The double opt-in mail: one signed link that expires, and nothing else. */
  public OutgoingMail confirmation(Subscription s, SignedLinks links) {
    String base = links.publicUrl();
    ConfirmView view =
        new ConfirmView(
            s.email(),
            s.reason(),
            links.confirm(s),
            base + "/",
            (int) SignedLinks.CONFIRM_LIFETIME.toDays());
    String text =
        "Please confirm your Paperboy subscription\n\n"
            + "Someone, hopefully you, asked to send "
            + s.reason()
            + " to "
            + s.email()
            + ".\nConfirm by opening this link (it works for "
            + view.days()
            + " days):\n\n"
            + view.confirmUrl()
            + "\n\nIf you did not ask for this, ignore this mail: nothing more will be sent.\n\n"
            + "Paperboy · "
            + view.homeUrl()
            + "\n";
    return new OutgoingMail(
        messageId("confirm:" + s.confirmSeq(), s, base),
        s.email(),
        "Confirm your Paperboy subscription",
        text,
        render("mail/confirm.jte", view),
        Map.of("Auto-Submitted", "auto-generated"));
  }

  private static String digestText(DigestView v) {
    StringBuilder t = new StringBuilder();
    t.append("Paperboy · ").append(v.heading()).append('\n');
    t.append(v.periodLabel()).append("\n\n");
    for (MailCard c : v.cards()) {
      t.append(c.rank()).append(". ").append(c.title()).append('\n');
      t.append("   ").append(c.authors());
      if (c.organization() != null) {
        t.append(" · ").append(c.organization());
      }
      t.append(" · ▲ ").append(c.upvotes()).append('\n');
      if (!c.reasons().isEmpty()) {
        t.append("   Why: ").append(String.join("; ", c.reasons())).append('\n');
      }
      t.append("   ").append(c.summary()).append('\n');
      t.append("   ").append(c.url()).append("\n\n");
    }
    t.append("All papers of the period: ").append(v.feedUrl()).append("\n\n");
    t.append("You get this mail because ")
        .append(v.email())
        .append(" subscribed to ")
        .append(v.reason())
        .append(" on Paperboy.\n");
    t.append("Change what you get: ").append(v.manageUrl()).append('\n');
    t.append("Unsubscribe (one click): ").append(v.unsubscribeUrl()).append('\n');
    return t.toString();
  }

  private String render(String template, Object view) {
    StringOutput out = new StringOutput();
    templates.render(template, view, out);
    return out.toString();
  }

  static String messageId(String purpose, Subscription s, String base) {
    return "<" + purpose.replace(':', '.') + "." + s.id() + "@" + host(base) + ">";
  }

  private static String host(String base) {
    String host = URI.create(base).getHost();
    return host == null ? "paperboy.local" : host;
  }

  private static String authors(List<String> authors) {
    if (authors.isEmpty()) {
      return "Unknown authors";
    }
    String shown = String.join(", ", authors.subList(0, Math.min(3, authors.size())));
    return authors.size() > 3 ? shown + " et al." : shown;
  }

  /** The AI summary when Hugging Face has one, else the abstract, cut at a word. */
  static String summary(Paper p) {
    String text = p.aiSummary() != null ? p.aiSummary() : p.abstractText();
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.length() <= SUMMARY_CHARS) {
      return s;
    }
    int cut = s.lastIndexOf(' ', SUMMARY_CHARS - 1);
    return s.substring(0, cut < SUMMARY_CHARS / 2 ? SUMMARY_CHARS - 1 : cut) + "…";
  }
}
