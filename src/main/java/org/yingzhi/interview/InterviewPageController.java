package org.yingzhi.interview;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/** The oral-history pages: interviews with a search of what was said, and one interview. */
@Controller
class InterviewPageController {

    private final InterviewService interviews;
    private final TranscriptService transcripts;

    InterviewPageController(InterviewService interviews, TranscriptService transcripts) {
        this.interviews = interviews;
        this.transcripts = transcripts;
    }

    @GetMapping("/interviews")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String interviewer,
            @RequestParam(required = false) String language, @RequestParam(required = false) String restriction,
            User user, Model model) throws IOException {
        model.addAttribute("user", user);
        model.addAttribute("q", q);
        model.addAttribute("interviewer", interviewer);
        model.addAttribute("language", language);
        model.addAttribute("restriction", restriction);
        try {
            model.addAttribute("interviews", interviews.list(null, interviewer, language, null, restriction, 200, user));
            if (q != null && !q.isBlank()) {
                model.addAttribute("results", transcripts.search(q, null, interviewer, language, restriction, null, 50, user));
            }
        } catch (ApiException e) {
            model.addAttribute("problem", e.code());
            model.addAttribute("problemArgs", e.args());
            model.addAttribute("interviews", java.util.List.of());
        }
        return "interview/interviews";
    }

    @GetMapping("/interviews/{id}")
    String one(@PathVariable String id, User user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("i", interviews.get(id, user));
        return "interview/interview";
    }
}
