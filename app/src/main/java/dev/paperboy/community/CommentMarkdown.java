package dev.paperboy.community;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The Markdown subset comments are written in: paragraphs, emphasis, code, quotes, lists and links
 * (bare URLs too). Raw HTML is shown as text, headings and rules stay plain text, images become
 * links (no tracking pixels), link targets are limited to http, https, mailto and relative URLs,
 * and every link gets {@code rel="nofollow noopener ugc"}.
 */
final class CommentMarkdown {

  private static final String REL = "nofollow noopener ugc";

  private final Parser parser =
      Parser.builder()
          .enabledBlockTypes(
              Set.of(
                  FencedCodeBlock.class,
                  IndentedCodeBlock.class,
                  BlockQuote.class,
                  ListBlock.class))
          .extensions(List.of(AutolinkExtension.create()))
          .build();

  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          // commonmark also allows data: by default; comments promise http, https and mailto
          .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
          .softbreak("<br>\n")
          .extensions(List.of(AutolinkExtension.create()))
          .attributeProviderFactory(
              context ->
                  (node, tag, attributes) -> {
                    if (node instanceof Link) {
                      attributes.put("rel", REL);
                    }
                  })
          .nodeRendererFactory(ImageAsLink::new)
          .build();

  /** Safe HTML for a comment body. */
  String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /** Renders an image as a plain link to it, its alt text as the link text. */
  private static final class ImageAsLink implements NodeRenderer {

    private final HtmlNodeRendererContext context;

    ImageAsLink(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
      Image image = (Image) node;
      String url = context.urlSanitizer().sanitizeLinkUrl(image.getDestination());
      HtmlWriter html = context.getWriter();
      Map<String, String> attributes = new LinkedHashMap<>(); // same order as other links
      attributes.put("rel", REL);
      attributes.put("href", context.encodeUrl(url));
      html.tag("a", attributes);
      for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      if (image.getFirstChild() == null) {
        html.text(image.getDestination());
      }
      html.tag("/a");
    }
  }
}
