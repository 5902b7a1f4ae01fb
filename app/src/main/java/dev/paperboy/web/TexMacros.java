package dev.paperboy.web;

import java.util.Map;
import java.util.Set;

/**
 * The text-mode macros {@link TexText} knows, found in arXiv abstracts: what each becomes in HTML.
 * A macro not listed here is printed as written.
 */
final class TexMacros {

  private TexMacros() {}

  /** Macros whose argument is wrapped in a tag; an empty tag keeps just the text. */
  static final Map<String, String> WRAPS =
      Map.ofEntries(
          Map.entry("emph", "em"),
          Map.entry("textit", "em"),
          Map.entry("textsl", "em"),
          Map.entry("textbf", "strong"),
          Map.entry("texttt", "code"),
          Map.entry("underline", "u"),
          Map.entry("uline", "u"),
          Map.entry("textsuperscript", "sup"),
          Map.entry("textsubscript", "sub"),
          Map.entry("textrm", ""),
          Map.entry("textsf", ""),
          Map.entry("textsc", ""),
          Map.entry("textnormal", ""),
          Map.entry("textup", ""),
          Map.entry("textmd", ""),
          Map.entry("mbox", ""),
          Map.entry("hbox", ""),
          Map.entry("text", ""));

  /** Old-style switches ({@code {\em x}}) and what they open until their group ends. */
  static final Map<String, String> DECLARATIONS =
      Map.ofEntries(
          Map.entry("em", "em"),
          Map.entry("it", "em"),
          Map.entry("itshape", "em"),
          Map.entry("sl", "em"),
          Map.entry("bf", "strong"),
          Map.entry("bfseries", "strong"),
          Map.entry("tt", "code"),
          Map.entry("ttfamily", "code"),
          Map.entry("rm", ""),
          Map.entry("sf", ""),
          Map.entry("sc", ""),
          Map.entry("scshape", ""),
          Map.entry("normalfont", ""),
          Map.entry("small", ""),
          Map.entry("large", ""),
          Map.entry("Large", ""),
          Map.entry("footnotesize", ""),
          Map.entry("centering", ""),
          Map.entry("noindent", ""),
          Map.entry("newline", " "),
          Map.entry("par", " "));

  /** Macros that vanish with their arguments: citations, references, spacing. */
  static final Set<String> REMOVED =
      Set.of(
          "cite",
          "citet",
          "citep",
          "citealp",
          "citealt",
          "citeauthor",
          "citeyear",
          "citenum",
          "parencite",
          "textcite",
          "autocite",
          "nocite",
          "ref",
          "eqref",
          "autoref",
          "cref",
          "Cref",
          "pageref",
          "label",
          "vspace",
          "hspace",
          "index",
          "footnotemark",
          "thanks");

  /** Accents: their combining characters. */
  static final Map<Character, Character> ACCENTS =
      Map.ofEntries(
          Map.entry('`', '\u0300'),
          Map.entry('\'', '\u0301'),
          Map.entry('^', '\u0302'),
          Map.entry('~', '\u0303'),
          Map.entry('=', '\u0304'),
          Map.entry('u', '\u0306'),
          Map.entry('.', '\u0307'),
          Map.entry('"', '\u0308'),
          Map.entry('r', '\u030a'),
          Map.entry('H', '\u030b'),
          Map.entry('v', '\u030c'),
          Map.entry('d', '\u0323'),
          Map.entry('c', '\u0327'),
          Map.entry('k', '\u0328'),
          Map.entry('b', '\u0331'));

  /** Macros that stand for a character or a word. */
  static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          // the abbreviations papers define for themselves, left in abstracts by the dozen
          Map.entry("eg", "e.g."),
          Map.entry("ie", "i.e."),
          Map.entry("etal", "et al."),
          Map.entry("vs", "vs."),
          Map.entry("wrt", "w.r.t."),
          Map.entry("etc", "etc."),
          Map.entry("LaTeX", "LaTeX"),
          Map.entry("TeX", "TeX"),
          Map.entry("ldots", "…"),
          Map.entry("dots", "…"),
          Map.entry("textellipsis", "…"),
          Map.entry("textendash", "–"),
          Map.entry("textemdash", "—"),
          Map.entry("textasciitilde", "~"),
          Map.entry("textbackslash", "\\"),
          Map.entry("textbar", "|"),
          Map.entry("textless", "<"),
          Map.entry("textgreater", ">"),
          Map.entry("textquotedblleft", "“"),
          Map.entry("textquotedblright", "”"),
          Map.entry("textquoteleft", "‘"),
          Map.entry("textquoteright", "’"),
          Map.entry("textbullet", "•"),
          Map.entry("S", "§"),
          Map.entry("P", "¶"),
          Map.entry("dag", "†"),
          Map.entry("ddag", "‡"),
          Map.entry("copyright", "©"),
          Map.entry("textregistered", "®"),
          Map.entry("texttrademark", "™"),
          Map.entry("euro", "€"),
          Map.entry("pounds", "£"),
          Map.entry("textdollar", "$"),
          Map.entry("textdegree", "°"),
          Map.entry("deg", "°"),
          Map.entry("degree", "°"),
          Map.entry("textmu", "μ"),
          Map.entry("AA", "Å"),
          Map.entry("aa", "å"),
          Map.entry("ss", "ß"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"),
          Map.entry("times", "×"),
          Map.entry("pm", "±"),
          Map.entry("approx", "≈"),
          Map.entry("sim", "~"),
          Map.entry("ge", "≥"),
          Map.entry("geq", "≥"),
          Map.entry("le", "≤"),
          Map.entry("leq", "≤"),
          Map.entry("neq", "≠"),
          Map.entry("infty", "∞"),
          Map.entry("cdot", "·"),
          Map.entry("to", "→"),
          Map.entry("rightarrow", "→"),
          Map.entry("leftarrow", "←"),
          Map.entry("Rightarrow", "⇒"),
          Map.entry("checkmark", "✓"),
          Map.entry("xmark", "✗"),
          Map.entry("alpha", "α"),
          Map.entry("beta", "β"),
          Map.entry("gamma", "γ"),
          Map.entry("delta", "δ"),
          Map.entry("epsilon", "ε"),
          Map.entry("lambda", "λ"),
          Map.entry("mu", "μ"),
          Map.entry("pi", "π"),
          Map.entry("sigma", "σ"),
          Map.entry("tau", "τ"),
          Map.entry("theta", "θ"),
          Map.entry("phi", "φ"),
          Map.entry("omega", "ω"),
          Map.entry("Delta", "Δ"),
          Map.entry("Sigma", "Σ"),
          Map.entry("Omega", "Ω"));
}
