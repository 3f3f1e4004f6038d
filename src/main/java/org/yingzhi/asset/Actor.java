package org.yingzhi.asset;

/** Who did something, as recorded on the asset: login name and unit at the time. */
public record Actor(String name, String unit) {
}
