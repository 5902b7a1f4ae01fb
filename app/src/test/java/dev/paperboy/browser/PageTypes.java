package dev.paperboy.browser;

import java.util.List;

/**
 * One page of every kind, over the two Hugging Face days in {@code web/} (20 and 21 Aug 2026): what
 * the layout, accessibility and screenshot checks walk through.
 */
final class PageTypes {

  /** The fixture days every app behind these pages serves. */
  static final String[] DAYS = {"web/2026-08-20.json", "web/2026-08-21.json"};

  static final List<String> SIGNED_OUT =
      List.of(
          "/",
          "/papers/date/2026-08-21",
          "/papers/week/2026-W34",
          "/papers/month/2026-08",
          "/papers/trending",
          "/papers/2608.19880",
          "/authors/chengsong%20huang",
          "/authors/haitz%20saez%20de%20ocariz%20borde",
          "/orgs/google",
          "/orgs/NationalUniversityofSingapore",
          "/authors/nobody%20at%20all",
          "/orgs/no-such-org",
          "/search?q=agents",
          "/search?q=qwertyuiop",
          "/search?q=agents&cat=cs.XX",
          "/papers/2501.99999",
          "/signin",
          "/signup",
          "/keys",
          "/api",
          "/status");

  /** Stands for the signed-in member's own profile, whose address holds their id. */
  static final String PROFILE = "PROFILE";

  /** Pages a member sees once signed in. */
  static final List<String> SIGNED_IN =
      List.of(
          "/papers/2608.19880",
          PROFILE,
          "/settings",
          "/submit",
          "/for-you?date=2026-08-21",
          "/following",
          "/saved");

  private PageTypes() {}
}
