package org.yingzhi.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yingzhi.shared.i18n.Texts;

/**
 * Stored reasons in the reader's language, as {@code ${@reasons...}} in templates: metadata warnings and job or step
 * failures are stored as English text made from a message code; the code and arguments are read back and the
 * message shown from the bundle of the page's language. A reason no code made (a library's own message) is shown
 * as stored.
 */
@Component("reasons")
public class Reasons {

    static final String[] WARNINGS = {Texts.REASON + "photo.", Texts.REASON + "probe.", Texts.REASON + "ingest."};
    static final String[] FAILURES = {Texts.REASON + "job.", Texts.REASON + "ingest."};
    /** What a reason's arguments may be: another reason, or FFmpeg's own words for an error code. */
    static final String[] PARTS = {Texts.REASON + "ingest.", Texts.REASON + "av."};

    private final MessageSource messages;

    Reasons(MessageSource messages) {
        this.messages = messages;
    }

    /** A metadata warning of an asset. */
    public String warning(String stored) {
        return shown(stored, WARNINGS);
    }

    /** Why a job or a processing step failed. */
    public String failure(String stored) {
        return shown(stored, FAILURES);
    }

    private String shown(String stored, String[] prefixes) {
        return Texts.parse(stored, prefixes).map(c -> {
            Object[] args = c.args();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String s && s.length() < 2000) {
                    args[i] = shown(s, PARTS); // "proxy transcode failed: Invalid data ..." is two messages
                }
            }
            return messages.getMessage(c.key(), args, stored, LocaleContextHolder.getLocale());
        }).orElse(stored);
    }
}
