package org.yingzhi.gazetteer.figure;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetFigureViews;

/** The photo page's view of the book's figures: the numbers a photo has. */
@Component
class FigureViews implements AssetFigureViews {

    private final FigureService figures;

    FigureViews(FigureService figures) {
        this.figures = figures;
    }

    @Override
    public List<Shown> of(String assetId) {
        return figures.ofPhoto(assetId).stream().map(n -> new Shown(n.number(), n.figure().caption(), n.figure().credit(),
                n.figure().chapter(), n.node())).toList();
    }
}
