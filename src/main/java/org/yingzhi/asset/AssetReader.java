package org.yingzhi.asset;

import java.util.Optional;
import org.bson.types.ObjectId;

/** Reads one asset by id: all that background handlers need of the catalog (and easy to fake in their tests). */
public interface AssetReader {

    Optional<Asset> findById(ObjectId id);
}
