package org.yingzhi.asset;

import java.util.Collection;
import java.util.Map;
import org.yingzhi.search.SearchDocument;

/**
 * What the gazetteer knows of assets (the chapters, people, projects and places they are linked to), asked by the
 * search index when it indexes them. Implemented by the gazetteer, which depends on assets and not the other way
 * round; without an implementation assets are indexed without links.
 */
public interface AssetLinkFacts {

    /** Facts for each asset id that has any; ids without links may be missing from the map. */
    Map<String, SearchDocument.Links> of(Collection<String> assetIds);
}
