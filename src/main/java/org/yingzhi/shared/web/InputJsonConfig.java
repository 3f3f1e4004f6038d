package org.yingzhi.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yingzhi.shared.json.InputJson;

/** Request bodies are read by {@link InputJson}'s rules. */
@Configuration(proxyBeanMethods = false)
class InputJsonConfig {

    @Bean
    JsonMapperBuilderCustomizer inputJsonRules() {
        return InputJson::configure;
    }
}
