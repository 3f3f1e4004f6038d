package org.yingzhi.search;

import java.util.List;

/** A passage found, with its text cut into parts that matched ({@code hit}) and parts that did not, and the total. */
public record PassageHit(Passage passage, List<Part> parts, float score) {

    public record Part(String text, boolean hit) {
    }

    /** A page of hits and how many passages matched in all. */
    public record Page(List<PassageHit> hits, long total, long tookMicros) {
    }
}
