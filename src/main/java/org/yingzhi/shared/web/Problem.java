package org.yingzhi.shared.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What every refusal of the API says (application/problem+json, RFC 9457), as the OpenAPI document shows it. */
@Schema(name = "Problem", description = "A refusal: RFC 9457 problem details with a stable code and its arguments")
public record Problem(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Not a media file") String title,
        @Schema(example = "415") int status,
        @Schema(description = "what is wrong, in English", example = "the content is text, not media") String detail,
        @Schema(description = "the request path") String instance,
        @Schema(description = "stable code of the message (problem.<code> in the message bundles)", example = "notMedia.text")
        String code,
        @Schema(description = "the message's arguments") List<Object> args,
        @Schema(description = "the same in the reader's language (zh by default, English with ?lang=en)",
                example = "内容是文字，不是影音或图片") String message) {
}
