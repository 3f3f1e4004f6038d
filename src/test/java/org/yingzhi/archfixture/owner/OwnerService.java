package org.yingzhi.archfixture.owner;

import org.yingzhi.archfixture.owner.internal.OwnerDetail;

/** The owner feature's API, which may use its own repository and internals. */
public class OwnerService {
    public String read(OwnerRepository repo) {
        return repo.find() + OwnerDetail.detail();
    }
}
