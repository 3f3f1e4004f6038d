package org.yingzhi.interview;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.job.JobQueue;
import org.yingzhi.job.Scope;
import org.yingzhi.job.Subject;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * Speech drafts: which engines this installation has, and queueing a {@link SpeechJob} ({@code speech_<engine>} on
 * subject {@code asset:<id>}) for a recording, after the access policy and the engine's own readiness.
 */
@Component
class Recognition {

    static final String PREFIX = "speech_";

    private final List<SpeechEngine> engines;
    private final AssetReader assets;
    private final JobQueue queue;
    private final AccessPolicy policy;

    Recognition(List<SpeechEngine> engines, AssetReader assets, JobQueue queue, AccessPolicy policy) {
        this.engines = engines;
        this.assets = assets;
        this.queue = queue;
        this.policy = policy;
    }

    @Schema(description = "A speech job queued: its type, the engine and model")
    public record Queued(String job, String engine, String model, String subject) {
    }

    @Schema(description = "A speech engine and whether it can run here (reason: why not)")
    public record EngineState(String name, String model, boolean available, String reason, boolean words) {
    }

    List<EngineState> engines() {
        return engines.stream().map(e -> new EngineState(e.name(), e.model(), e.unavailable().isEmpty(),
                e.unavailable().map(c -> org.yingzhi.shared.i18n.Texts.en(org.yingzhi.shared.i18n.Texts.PROBLEM + c)).orElse(null),
                e.words())).toList();
    }

    Queued queue(String assetId, String engineName, String language, User user) {
        if (assetId == null || !ObjectId.isValid(assetId)) {
            throw ApiException.notFound("asset", String.valueOf(assetId));
        }
        Asset a = assets.findById(new ObjectId(assetId)).filter(x -> !x.deleted())
                .orElseThrow(() -> ApiException.notFound("asset", assetId));
        if (a.type() == org.yingzhi.asset.AssetType.PHOTO) {
            throw ApiException.invalid("transcript.photo");
        }
        policy.check(user, Action.EDIT, Resource.of(ResourceKind.ASSET, a.contributorUnit()));
        SpeechEngine e = engine(engineName);
        e.unavailable().ifPresent(code -> {
            throw ApiException.invalid(code, e.name());
        });
        Subject s = new Subject("asset", a.id());
        queue.requeue(s, PREFIX + e.name(), new Scope(a.contributorUnit(), false));
        return new Queued(PREFIX + e.name(), e.name(), e.model(), s.toString());
    }

    SpeechEngine engine(String name) {
        return engines.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.invalid("speech.engine", name,
                        String.join(", ", engines.stream().map(SpeechEngine::name).toList())));
    }
}

