package org.yingzhi.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yingzhi.shared.i18n.Texts;

/** A refusal in the reader's language, for pages that show it after a form was sent (the API sends it as message). */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The message of a problem: its code's text with its arguments, or, for a plain exception, its status's. */
    public String of(RuntimeException e) {
        ApiException a = e instanceof ApiException x ? x : e instanceof IllegalArgumentException i ? ApiException.of(i)
                : ApiException.badRequest(String.valueOf(e.getMessage()));
        return messages.getMessage(Texts.PROBLEM + a.code(), a.args(), a.getMessage(), LocaleContextHolder.getLocale());
    }
}
