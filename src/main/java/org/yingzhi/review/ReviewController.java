package org.yingzhi.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;

@RestController
@Tag(name = "Review", description = "The two checks every item passes (政治关、史实关), comments at timecodes and photo regions, returns and resubmissions, queues")
class ReviewController {

    private final ReviewService review;

    ReviewController(ReviewService review) {
        this.review = review;
    }

    @Operation(summary = "An item's review: both checks, the round and the comments")
    @GetMapping("/api/assets/{id}/review")
    ReviewService.ReviewView get(@PathVariable String id, User user) {
        return review.get(id, user);
    }

    @Operation(summary = "Decide one check (political or facts)", description = "Those who hold the check; a return or "
            + "rejection needs a reason, which the unit reads beside the item.")
    @PostMapping(path = "/api/assets/{id}/review/{check}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewService.ReviewView decide(@PathVariable String id, @PathVariable String check,
            @Valid @RequestBody ReviewService.DecisionInput body, User user) {
        return review.decide(id, check, body, user);
    }

    @Operation(summary = "Comment on an item, at a timecode or range of a clip or a region of a photo")
    @PostMapping(path = "/api/assets/{id}/review/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReviewService.Comment> comment(@PathVariable String id, @Valid @RequestBody ReviewService.CommentInput body,
            User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(review.comment(id, body, user));
    }

    @Schema(description = "The unit's answer with the resubmission (optional)")
    record ResubmitInput(@Size(max = 4000) String note) {
    }

    @Operation(summary = "Send a returned item back to review, corrected", description = "Its unit; every returned check is pending again.")
    @PostMapping(path = "/api/assets/{id}/review/resubmit", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewService.ReviewView resubmit(@PathVariable String id, @Valid @RequestBody ResubmitInput body, User user) {
        return review.resubmit(id, body.note(), user);
    }

    @Operation(summary = "A review queue, oldest first", description = "check=political|facts, state=PENDING (default), "
            + "RETURNED, APPROVED or REJECTED, unit=…, chapter=<outline node id> (its material and its subtree's)")
    @GetMapping("/api/review/queue")
    List<ReviewService.QueueItem> queue(@RequestParam String check, @RequestParam(required = false) String state,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String chapter,
            @RequestParam(defaultValue = "100") int limit, User user) {
        return review.queue(check, state, unit, chapter, limit, user);
    }

    @Operation(summary = "The same decision over a selection", description = "Each item is decided and recorded on its own; refusals are listed.")
    @PostMapping(path = "/api/review/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewService.BatchResult batch(@Valid @RequestBody ReviewService.BatchInput body, User user) {
        return review.batch(body, user);
    }
}
