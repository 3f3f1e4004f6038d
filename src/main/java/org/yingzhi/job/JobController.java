package org.yingzhi.job;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.web.ApiException;

@RestController
@RequestMapping("/api/jobs")
@Tag(name = "Jobs", description = "State of the background processing queue")
class JobController {

    private final JobRepository jobs;

    JobController(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "Queue state: counts per type and status, and the most recently changed jobs",
            description = "Filter the list with status (QUEUED, RUNNING, DONE, FAILED) and type (proxy, thumbnail, ...).")
    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, User user) {
        if (size < 1 || size > 500 || page < 0) {
            throw ApiException.badRequest("size must be 1-500 and page at least 0");
        }
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Map<String, Long> totals = new TreeMap<>();
        for (Document c : jobs.counts()) {
            Document key = c.get("_id", Document.class);
            String t = JobType.valueOf(key.getString(JobRepository.F.TYPE)).step();
            String s = key.getString(JobRepository.F.STATUS);
            long n = c.get("count", Number.class).longValue();
            counts.computeIfAbsent(t, k -> new TreeMap<>()).put(s, n);
            totals.merge(s, n, Long::sum);
        }
        List<Bson> filters = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            try {
                filters.add(eq(JobRepository.F.STATUS, JobStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)).name()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be QUEUED, RUNNING, DONE or FAILED");
            }
        }
        if (type != null && !type.isBlank()) {
            filters.add(eq(JobRepository.F.TYPE, JobType.ofStep(type).name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Object> items = new ArrayList<>();
        for (Document d : jobs.list(filter, page * size, size)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Json.plain(d);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", m.remove("_id"));
            m.remove(JobRepository.F.CLAIM_TOKEN);
            m.put(JobRepository.F.TYPE, JobType.valueOf((String) m.get(JobRepository.F.TYPE)).step());
            out.putAll(m);
            items.add(out);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", counts);
        body.put("totals", totals);
        body.put("items", items);
        body.put("total", jobs.count(filter));
        body.put("page", page);
        body.put("size", size);
        return body;
    }
}
