package org.yingzhi.archfixture.intruder;

import org.yingzhi.archfixture.owner.OwnerRepository;
import org.yingzhi.archfixture.owner.internal.OwnerDetail;

/** Another feature reaching past the owner's API, into its repository and an internal class: both must be reported. */
public class Intruder {
    public String peek() {
        return new OwnerRepository().find() + OwnerDetail.detail();
    }
}
