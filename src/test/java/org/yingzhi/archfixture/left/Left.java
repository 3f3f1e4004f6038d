package org.yingzhi.archfixture.left;

import org.yingzhi.archfixture.right.Right;

/** Half of a deliberate package cycle: proves that {@link org.yingzhi.ArchitectureTest}'s rules catch one. */
public class Left {
    public Right right;
}
