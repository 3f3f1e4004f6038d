package org.yingzhi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void hanTextBecomesCharactersAndBigrams() {
        Set<String> keys = SearchKeys.index(List.of("援藏干部"));
        assertEquals(Set.of("援", "援藏", "藏", "藏干", "干", "干部", "部"), keys);
    }

    @Test
    void latinWordsAreLowerCasedAndFullWidthFolded() {
        Set<String> keys = SearchKeys.index(List.of("Nyingchi ＣＣＴＶ 2010年"));
        assertTrue(keys.containsAll(List.of("nyingchi", "cctv", "2010", "年")), keys.toString());
    }

    @Test
    void queryKeysAreAllContainedInTheTextsThatMatch() {
        Set<String> doc = SearchKeys.index(List.of("第一批援藏干部在拉萨调研"));
        assertTrue(doc.containsAll(SearchKeys.query("援藏干部")));
        assertTrue(doc.containsAll(SearchKeys.query("拉萨 调研")));
        assertTrue(doc.containsAll(SearchKeys.query("藏")));
        assertTrue(!doc.containsAll(SearchKeys.query("援疆干部")));
        assertEquals(List.of("援藏", "藏干", "干部", "lhasa"), SearchKeys.query("援藏干部, Lhasa"));
        assertEquals(List.of(), SearchKeys.query("  ，。 "));
    }
}
