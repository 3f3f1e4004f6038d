package org.yingzhi.pipeline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.media.spec.PreviewSpec;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.SpriteSpec;
import org.yingzhi.media.spec.ThumbnailSpec;
import org.yingzhi.media.spec.WaveformSpec;

/** The derivative settings in use: data objects, one per derivative (see media/spec). */
@Configuration(proxyBeanMethods = false)
class PipelineConfig {

    @Bean
    ProxySpec proxySpec() {
        return ProxySpec.DEFAULT;
    }

    @Bean
    ThumbnailSpec thumbnailSpec() {
        return ThumbnailSpec.DEFAULT;
    }

    @Bean
    SpriteSpec spriteSpec() {
        return SpriteSpec.DEFAULT;
    }

    @Bean
    WaveformSpec waveformSpec() {
        return WaveformSpec.DEFAULT;
    }

    @Bean
    AudioProxySpec audioProxySpec() {
        return AudioProxySpec.DEFAULT;
    }

    @Bean
    SceneSpec sceneSpec() {
        return SceneSpec.DEFAULT;
    }

    @Bean
    PreviewSpec previewSpec() {
        return PreviewSpec.DEFAULT;
    }
}
