package dev.copydesk.watch;

import java.util.List;

/**
 * One watchlist an article matched: the words and phrases of the query found in its title or body (as written
 * there), the entities its entity: terms matched, a snippet around the first match, and a score for ranking.
 */
public record WatchMatch(String watchlist, List<String> terms, List<String> entities, String snippet, double score) {}
