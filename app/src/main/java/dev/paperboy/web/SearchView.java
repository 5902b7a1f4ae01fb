package dev.paperboy.web;

import java.util.List;

/**
 * The search page: the form as the user filled it, and one page of result cards; {@code arxivOffer}
 * (or null) when the query is an arXiv id this Paperboy does not store.
 */
public record SearchView(
    String query,
    String from,
    String to,
    String category,
    boolean hasCode,
    String sort,
    List<CardView> cards,
    String summary,
    String notice,
    String previousPageHref,
    String nextPageHref,
    ArxivOffer arxivOffer) {}
