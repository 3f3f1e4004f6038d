package org.yingzhi.archfixture.owner;

/** A feature's repository made public by mistake: {@link org.yingzhi.ArchitectureTest} must report it and its use. */
public class OwnerRepository {
    public String find() {
        return "row";
    }
}
