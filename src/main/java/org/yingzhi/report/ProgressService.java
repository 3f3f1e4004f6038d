package org.yingzhi.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.AssetTallies;
import org.yingzhi.gazetteer.book.CoverageService;
import org.yingzhi.gazetteer.link.Link;
import org.yingzhi.gazetteer.link.LinkGraph;
import org.yingzhi.shared.time.CatalogTime;

/**
 * Progress on a day, from the catalog as it is: the assets (as {@link AssetTallies} keeps them), the outline's
 * coverage and the links.
 */
@Service
public class ProgressService {

    private final TargetService targets;
    private final AssetTallies tallies;
    private final CoverageService coverage;
    private final LinkGraph links;
    private final int weeks;
    private final int idleWeeks;

    ProgressService(TargetService targets, AssetTallies tallies, CoverageService coverage, LinkGraph links,
            @Value("${yingzhi.report.weeks:8}") int weeks,
            @Value("${yingzhi.report.idle-weeks:3}") int idleWeeks) {
        this.targets = targets;
        this.tallies = tallies;
        this.coverage = coverage;
        this.links = links;
        this.weeks = weeks;
        this.idleWeeks = idleWeeks;
    }

    public Progress today() {
        return on(LocalDate.now(CatalogTime.ZONE));
    }

    public Progress on(LocalDate day) {
        return Progress.compute(targets.plan(), tallies.all(), outline(), linkedAssets(), day, weeks, idleWeeks);
    }

    LocalDate planDeadline() {
        return targets.plan().deadline();
    }

    List<Progress.NodeIn> outline() {
        List<CoverageService.Row> rows = coverage.coverage().rows();
        List<Progress.NodeIn> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CoverageService.Row r = rows.get(i);
            boolean leaf = i + 1 == rows.size() || rows.get(i + 1).depth() <= r.depth();
            out.add(new Progress.NodeIn(r.id(), r.title(), r.level(), r.depth(), r.unit(), r.due(), leaf, r.clips(),
                    r.durationMicros(), r.photos(), r.approvedClips(), r.approvedMicros(), r.approvedPhotos()));
        }
        return out;
    }

    /** The assets with at least one link, kept until the link graph changes (it holds hundreds of thousands). */
    private record Linked(long version, Set<String> assets) {
    }

    private volatile Linked linked;

    Set<String> linkedAssets() {
        long v = links.version();
        Linked l = linked;
        if (l != null && l.version() == v && links.ready()) {
            return l.assets();
        }
        Set<String> out = new HashSet<>();
        for (Link x : links.all()) {
            out.add(x.asset());
        }
        linked = new Linked(v, java.util.Collections.unmodifiableSet(out));
        return out;
    }
}
