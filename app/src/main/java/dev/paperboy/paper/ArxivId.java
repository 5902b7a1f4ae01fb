package dev.paperboy.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versionless arXiv identifier plus the version it was seen with (0 when unknown).
 *
 * <p>Accepts new-style ids ({@code 2603.25040}, {@code 0704.0001v2}), old-style ids ({@code
 * hep-th/9901001}, {@code math.AG/0601001}), an {@code arXiv:} prefix, arxiv.org abs/pdf URLs and
 * Hugging Face paper pages ({@code https://huggingface.co/papers/2401.12345}), which people paste.
 */
public record ArxivId(String id, int version) {

  // no paper has thousands of versions; a longer number is not an id (and would overflow an int)
  private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v(\\d{1,4}))?");
  private static final Pattern OLD_STYLE =
      Pattern.compile("([a-z][a-z\\-]*(?:\\.[A-Za-z]{2})?/\\d{7})(?:v(\\d{1,4}))?");
  private static final Pattern URL_PREFIX =
      Pattern.compile(
          "^(?:https?://)?(?:(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)"
              + "|(?:www\\.)?(?:huggingface|hf)\\.co/papers)/",
          Pattern.CASE_INSENSITIVE);

  public ArxivId {
    if (version < 0) {
      throw new IllegalArgumentException("negative version: " + version);
    }
  }

  /** Parses any accepted spelling; empty when the text is not an arXiv id. */
  public static Optional<ArxivId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    s = URL_PREFIX.matcher(s).replaceFirst("");
    if (s.regionMatches(true, 0, "arxiv:", 0, 6)) {
      s = s.substring(6);
    }
    if (s.endsWith(".pdf")) {
      s = s.substring(0, s.length() - 4);
    }
    Matcher m = NEW_STYLE.matcher(s);
    if (m.matches()) {
      return Optional.of(new ArxivId(m.group(1), version(m.group(2))));
    }
    m = OLD_STYLE.matcher(s);
    if (m.matches()) {
      return Optional.of(new ArxivId(normaliseOld(m.group(1)), version(m.group(2))));
    }
    return Optional.empty();
  }

  /** True for the versionless form stored as a primary key. */
  public static boolean isVersionless(String text) {
    return parse(text).map(a -> a.id.equals(text)).orElse(false);
  }

  private static String normaliseOld(String id) {
    int slash = id.indexOf('/');
    String archive = id.substring(0, slash);
    int dot = archive.indexOf('.');
    if (dot >= 0) {
      // subject class: math.AG keeps its upper-case class, the archive part is lower-case
      archive =
          archive.substring(0, dot).toLowerCase(Locale.ROOT)
              + "."
              + archive.substring(dot + 1).toUpperCase(Locale.ROOT);
    }
    return archive + id.substring(slash);
  }

  private static int version(String group) {
    return group == null ? 0 : Integer.parseInt(group);
  }

  public String versioned() {
    return version == 0 ? id : id + "v" + version;
  }
}
