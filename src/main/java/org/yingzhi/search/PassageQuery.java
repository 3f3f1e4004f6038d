package org.yingzhi.search;

import java.util.List;
import java.util.Map;

/**
 * A search of passages: the words (Chinese words, bigram phrases, single characters, as in the catalog search),
 * filters that must hold ({@code field -> value}), fields one of whose values must hold, values that must not ({@code field -> values}), and how many.
 */
public record PassageQuery(String text, Map<String, String> require, Map<String, List<String>> anyOf,
        Map<String, List<String>> exclude, int limit) {

    public PassageQuery {
        require = require == null ? Map.of() : Map.copyOf(require);
        anyOf = anyOf == null ? Map.of() : Map.copyOf(anyOf);
        exclude = exclude == null ? Map.of() : Map.copyOf(exclude);
    }
}
