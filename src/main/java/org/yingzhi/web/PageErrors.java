package org.yingzhi.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yingzhi.shared.web.ApiException;

/** Pages show a refusal as a page in the reader's language, with the reason; the API keeps problem+json. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletResponse res, Model model) {
        res.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("detail", e.getMessage());
        return "error";
    }
}
