package org.yingzhi.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;

@RestController
@RequestMapping("/api/jobs")
@Tag(name = "Jobs", description = "State of the background processing queue")
class JobController {

    private final JobBoard board;

    JobController(JobBoard board) {
        this.board = board;
    }

    @Operation(summary = "Queue state: counts per type and status, and the most recently changed jobs",
            description = "Filter the list with status (QUEUED, RUNNING, DONE, FAILED) type (proxy, thumbnail, ...) and unit (of the job's material).")
    @GetMapping
    JobBoard.JobPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, User user) {
        return board.list(status, type, unit, page, size, user);
    }
}
