package org.yingzhi.gazetteer.figure;

import java.util.Collection;
import org.springframework.stereotype.Component;
import org.yingzhi.gazetteer.outline.ChapterReferences;

/** Figures as references to their chapters: they are numbered within a chapter and go when it goes. */
@Component
class FigureReferences implements ChapterReferences {

    private final FigureRepository figures;

    FigureReferences(FigureRepository figures) {
        this.figures = figures;
    }

    @Override
    public String kind() {
        return "figures";
    }

    @Override
    public boolean guarded() {
        return false;
    }

    @Override
    public long count(Collection<String> chapters) {
        return figures.ofChapters(chapters).size();
    }

    @Override
    public long moveTo(Collection<String> chapters, String to) {
        throw new UnsupportedOperationException("figures go with their chapter");
    }

    @Override
    public long drop(Collection<String> chapters) {
        return figures.deleteOfChapters(chapters);
    }
}
