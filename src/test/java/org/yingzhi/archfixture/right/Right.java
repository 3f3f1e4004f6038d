package org.yingzhi.archfixture.right;

import org.yingzhi.archfixture.left.Left;

/** The other half of the deliberate cycle (test sources only; never part of the application). */
public class Right {
    public Left left;
}
