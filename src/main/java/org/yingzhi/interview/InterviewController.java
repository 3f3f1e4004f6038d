package org.yingzhi.interview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

@RestController
@Tag(name = "Oral history", description = "Interviews, transcripts (VTT, SRT, OHMS, text, .docx), index segments, passage search, speech drafts")
class InterviewController {

    private final InterviewService interviews;
    private final TranscriptService transcripts;
    private final Recognition recognition;

    InterviewController(InterviewService interviews, TranscriptService transcripts, Recognition recognition) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.recognition = recognition;
    }

    @Operation(summary = "Interviews, newest first", description = "Filters: interviewee (person id), interviewer (name, "
            + "part of it), language, unit, restriction = none | embargoed | internal | any.")
    @GetMapping("/api/interviews")
    List<InterviewService.InterviewView> list(@RequestParam(required = false) String interviewee,
            @RequestParam(required = false) String interviewer, @RequestParam(required = false) String language,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String restriction,
            @RequestParam(defaultValue = "200") int limit, User user) {
        return interviews.list(interviewee, interviewer, language, unit, restriction, Math.max(1, Math.min(limit, 500)), user);
    }

    @Operation(summary = "Make an interview", description = "Its recordings, people, date, place, languages, what it serves, restriction and summary.")
    @PostMapping(path = "/api/interviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InterviewService.InterviewView> create(@Valid @RequestBody InterviewService.InterviewInput body, User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(interviews.create(body, user));
    }

    @GetMapping("/api/interviews/{id}")
    InterviewService.InterviewView get(@PathVariable String id, User user) {
        return interviews.get(id, user);
    }

    @PatchMapping(path = "/api/interviews/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    InterviewService.InterviewView update(@PathVariable String id, @Valid @RequestBody InterviewService.InterviewInput body, User user) {
        return interviews.update(id, body, user);
    }

    @DeleteMapping("/api/interviews/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, User user) {
        interviews.delete(id, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Attach the signed consent and release form", description = "The body is the file (PDF, JPEG, PNG or TIFF, at most 30 MB).")
    @PostMapping("/api/interviews/{id}/consent")
    InterviewService.InterviewView consent(@PathVariable String id, @RequestParam(required = false) String name,
            @RequestHeader(value = "Content-Type", required = false) String type, HttpServletRequest req, User user)
            throws IOException {
        if (req.getContentLengthLong() > InterviewService.MAX_CONSENT_BYTES) {
            throw ApiException.coded(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "interview.consentTooLarge",
                    InterviewService.MAX_CONSENT_BYTES / (1024 * 1024));
        }
        try (InputStream in = req.getInputStream()) {
            return interviews.consent(id, name, type, in, user);
        }
    }

    @Operation(summary = "The consent form", description = "For the office, the book's editors and the recording unit while a restriction runs.")
    @GetMapping("/api/interviews/{id}/consent")
    ResponseEntity<Resource> consentFile(@PathVariable String id, User user) {
        InterviewService.ConsentFile f = interviews.consentFile(id, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType())).contentLength(f.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(f.path()));
    }

    @Operation(summary = "The interview a recording belongs to (204 when none)")
    @GetMapping("/api/assets/{id}/interview")
    ResponseEntity<InterviewService.InterviewView> ofAsset(@PathVariable String id, User user) {
        return interviews.ofAsset(id, user).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    // ------------------------------------------------------------ transcripts

    @Operation(summary = "A recording's transcripts (the shown one first), without cues")
    @GetMapping("/api/assets/{id}/transcripts")
    List<Transcript.Summary> transcripts(@PathVariable String id, User user) {
        return transcripts.listFor(id, user);
    }

    @Operation(summary = "Import a transcript of a recording", description = "The body is the file: WebVTT, SRT, OHMS XML "
            + "(legacy sync or vtt_transcript; its index points become segments), text or .docx with [00:12:03] stamps; "
            + "UTF-8 or GB18030; at most 20 MB. format is detected unless given; clock=timecode when the file's times "
            + "are the source timecode rather than the media's; a text without stamps needs alignTo (a pre-cut transcript).")
    @PostMapping("/api/assets/{id}/transcripts")
    ResponseEntity<TranscriptService.Imported> importFile(@PathVariable String id, HttpServletRequest req,
            @RequestParam(required = false) String format, @RequestParam(required = false) String language,
            @Parameter(description = "transcript, translation, machine or precut") @RequestParam(required = false) String kind,
            @RequestParam(required = false) String label, @RequestParam(required = false) String name,
            @RequestParam(required = false) String clock, @RequestParam(required = false) Boolean show,
            @RequestParam(required = false) String alignTo, User user) throws IOException {
        if (req.getContentLengthLong() > TranscriptService.MAX_BYTES) {
            throw ApiException.coded(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "transcript.tooLarge",
                    TranscriptService.MAX_BYTES >> 20);
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes((int) TranscriptService.MAX_BYTES + 1);
        }
        if (body.length > TranscriptService.MAX_BYTES) {
            throw ApiException.coded(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "transcript.tooLarge",
                    TranscriptService.MAX_BYTES >> 20);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(transcripts.importFile(id, body,
                new TranscriptService.ImportOptions(format, language, kind, label, name, clock, show, alignTo), user));
    }

    @GetMapping("/api/transcripts/{id}")
    TranscriptService.TranscriptView transcript(@PathVariable String id, User user) {
        return transcripts.get(id, user);
    }

    @Operation(summary = "Correct one cue (numbered from 1): text, speaker, times; recorded like any edit")
    @PatchMapping(path = "/api/transcripts/{id}/cues/{n}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TranscriptService.TranscriptView correct(@PathVariable String id, @PathVariable int n,
            @Valid @RequestBody TranscriptService.CueInput body, User user) {
        return transcripts.correct(id, n, body, user);
    }

    @Operation(summary = "Make it the transcript shown beside the player and as captions")
    @PostMapping("/api/transcripts/{id}/show")
    TranscriptService.TranscriptView show(@PathVariable String id, User user) {
        return transcripts.show(id, user);
    }

    @DeleteMapping("/api/transcripts/{id}")
    ResponseEntity<Void> deleteTranscript(@PathVariable String id, User user) {
        transcripts.delete(id, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Export a transcript", description = "format = vtt, srt, ohms (OHMS XML with the recording's segments) or docx (printable, with source timecode).")
    @GetMapping("/api/transcripts/{id}/file")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "vtt") String format, Locale locale,
            User user) {
        TranscriptService.Export e = transcripts.export(id, format, locale, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.fileName()).build().toString())
                .body(e.body());
    }

    @Operation(summary = "Captions for the player's <track>: the shown transcript (or the one named) as WebVTT")
    @GetMapping(path = "/api/assets/{id}/captions.vtt", produces = "text/vtt;charset=utf-8")
    ResponseEntity<String> captions(@PathVariable String id, @RequestParam(required = false) String transcript, User user) {
        return transcripts.shownFor(id, transcript, user)
                .map(t -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/vtt;charset=utf-8"))
                        .body(TranscriptWriters.vtt(t.cues())))
                .orElse(ResponseEntity.ok().contentType(MediaType.parseMediaType("text/vtt;charset=utf-8")).body("WEBVTT\n\n"));
    }

    @Operation(summary = "Search transcripts and segments", description = "The catalog search's Chinese analysis (words, "
            + "bigram phrases, characters); filters: interviewee (person id), interviewer, language, restriction "
            + "(none | embargoed | internal | any), kind (cue | segment). Hits carry the media time and source timecode.")
    @GetMapping("/api/transcripts/search")
    TranscriptService.Results search(@RequestParam String q, @RequestParam(required = false) String interviewee,
            @RequestParam(required = false) String interviewer, @RequestParam(required = false) String language,
            @RequestParam(required = false) String restriction, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "30") int limit, User user) throws IOException {
        return transcripts.search(q, interviewee, interviewer, language, restriction, kind, limit, user);
    }

    // ------------------------------------------------------------ segments

    @GetMapping("/api/assets/{id}/segments")
    List<TranscriptService.SegmentView> segments(@PathVariable String id, User user) {
        return transcripts.segments(id, user);
    }

    @Operation(summary = "Make an index segment", description = "A range in media milliseconds with title, synopsis, partial "
            + "transcript, keywords; each target (chapter, person, project, place) becomes a link of the range.")
    @PostMapping(path = "/api/assets/{id}/segments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TranscriptService.SegmentView> addSegment(@PathVariable String id,
            @Valid @RequestBody TranscriptService.SegmentInput body, User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(transcripts.addSegment(id, body, user));
    }

    @DeleteMapping("/api/segments/{id}")
    ResponseEntity<Void> deleteSegment(@PathVariable String id, User user) {
        transcripts.deleteSegment(id, user);
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ speech

    @Operation(summary = "Make a machine draft or a silence pre-cut of a recording (a job)", description = "engine = "
            + "silence (sentences cut at pauses, empty text, for a typist; needs no model) or the configured speech "
            + "engine (yingzhi.speech.engine with its model directory). The draft is marked as machine-made.")
    @PostMapping("/api/assets/{id}/transcripts/recognize")
    ResponseEntity<Recognition.Queued> recognize(@PathVariable String id,
            @RequestParam(defaultValue = "silence") String engine, @RequestParam(required = false) String language,
            User user) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(recognition.queue(id, engine, language, user));
    }

    @Operation(summary = "The speech engines this installation has, and whether their models are in place")
    @GetMapping("/api/speech/engines")
    List<Recognition.EngineState> engines() {
        return recognition.engines();
    }
}
