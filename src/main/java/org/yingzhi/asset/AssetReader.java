package org.yingzhi.asset;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.types.ObjectId;

/** Reads assets by id: all that background handlers need of the catalog (and easy to fake in their tests). */
public interface AssetReader {

    /** The collection of assets, as the change log names it (what re-indexes an asset). */
    String COLLECTION = "assets";

    Optional<Asset> findById(ObjectId id);

    /** Several assets at once, in the order of the ids given, missing ones left out (one catalog query). */
    default List<Asset> findByIds(List<String> ids) {
        return ids.stream().filter(ObjectId::isValid).map(id -> findById(new ObjectId(id)).orElse(null))
                .filter(Objects::nonNull).toList();
    }
}
