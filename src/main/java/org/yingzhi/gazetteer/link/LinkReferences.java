package org.yingzhi.gazetteer.link;

import java.util.Collection;
import org.springframework.stereotype.Component;
import org.yingzhi.gazetteer.index.EntryKind;
import org.yingzhi.gazetteer.index.EntryReferences;
import org.yingzhi.gazetteer.outline.ChapterReferences;

/** Links as references to chapters and to index entries: what renaming, moving, deleting and merging do to them. */
@Component
class LinkReferences implements ChapterReferences, EntryReferences {

    private final LinkRepository links;

    LinkReferences(LinkRepository links) {
        this.links = links;
    }

    @Override
    public String kind() {
        return "links";
    }

    @Override
    public boolean guarded() {
        return true;
    }

    @Override
    public void touched(Collection<String> chapters) {
        links.touchTargets(LinkTarget.CHAPTER, chapters); // titles and places are searchable text of linked assets
    }

    @Override
    public long count(Collection<String> chapters) {
        return links.countTargets(LinkTarget.CHAPTER, chapters);
    }

    @Override
    public long moveTo(Collection<String> chapters, String to) {
        return links.retarget(LinkTarget.CHAPTER, chapters, to);
    }

    @Override
    public long drop(Collection<String> chapters) {
        return links.deleteTargets(LinkTarget.CHAPTER, chapters);
    }

    @Override
    public void touched(EntryKind kind, Collection<String> entries) {
        links.touchTargets(LinkTarget.of(kind), entries);
    }

    @Override
    public long moveTo(EntryKind kind, Collection<String> from, String to) {
        return links.retarget(LinkTarget.of(kind), from, to);
    }
}
