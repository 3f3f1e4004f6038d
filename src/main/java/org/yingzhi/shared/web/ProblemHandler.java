package org.yingzhi.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yingzhi.shared.io.StorageFaults;

/** Every API error leaves as application/problem+json; unexpected ones are logged and answered without internals. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemMessages messages;

    ProblemHandler(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest req) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        pd.setTitle(e.title());
        pd.setInstance(URI.create(req.getRequestURI()));
        e.properties().forEach(pd::setProperty);
        pd.setProperty("code", e.code());
        pd.setProperty("args", java.util.Arrays.asList(e.args()));
        pd.setProperty("message", messages.of(e));
        return ResponseEntity.status(e.status()).body(pd);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest req) {
        return api(ApiException.of(e), req);
    }

    /** A query or form parameter Tomcat could not decode (bad percent-encoding, bytes that are not UTF-8). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(RuntimeException e, HttpServletRequest req) {
        return api(ApiException.badRequest("a request parameter is not valid percent-encoded UTF-8; encode the text "
                + "as UTF-8 and escape it with %XX"), req);
    }

    /** A request body that is not the JSON its operation takes: which field is unknown or of the wrong type. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpServletRequest req = ((org.springframework.web.context.request.ServletWebRequest) request).getRequest();
        String why = "the request body is missing or is not JSON";
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException j) {
                why = org.yingzhi.shared.json.Json.describe(j);
                break;
            }
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(api(ApiException.badRequest(why), req).getBody());
    }

    /** A request body whose fields break their constraints: the first field named, with every one in {@code fields}. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpServletRequest req = ((org.springframework.web.context.request.ServletWebRequest) request).getRequest();
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
        var first = fields.entrySet().stream().findFirst();
        ApiException e = first.map(f -> ApiException.coded(HttpStatus.BAD_REQUEST, "Bad request", "field", f.getKey(),
                f.getValue())).orElse(ApiException.badRequest("the request body is not valid"));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(api(e.with("fields", fields), req).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest req = ((org.springframework.web.context.request.ServletWebRequest) request).getRequest();
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(
                api(ApiException.coded(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "upload.overLimit"), req).getBody());
    }

    /** A multipart body that is malformed or was cut off by the client. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e, HttpServletRequest req) {
        if (StorageFaults.diskFull(e)) {
            return diskFull(req);
        }
        log.info("malformed upload on {}: {}", req.getRequestURI(), e.getMessage());
        return api(ApiException.coded(HttpStatus.BAD_REQUEST, "Bad request", "upload.malformed"), req);
    }

    /** The disk filled up while this request wrote: it fails alone, with 507; reads and other writes go on. */
    private ResponseEntity<ProblemDetail> diskFull(HttpServletRequest req) {
        log.error("no space left on the data directory's file system while handling {} {}", req.getMethod(),
                req.getRequestURI());
        return api(ApiException.coded(HttpStatus.INSUFFICIENT_STORAGE, "Insufficient storage", "upload.diskFull"), req);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req) {
        if (StorageFaults.diskFull(e)) {
            return diskFull(req);
        }
        log.error("unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return api(ApiException.coded(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "internal"), req);
    }
}
