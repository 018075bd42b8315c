package com.acmeshop.common;

import com.acmeshop.exception.ShopException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every error into the shop's JSON error body; never a stack trace.
 */
@RestControllerAdvice
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ShopException.class)
    public ResponseEntity<ApiError> shop(ShopException e, HttpServletRequest request) {
        return error(e.getStatus(), e.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(GlobalExceptionHandler::describe)
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = "request body is invalid: " + e.getBindingResult().getAllErrors();
        }
        return error(HttpStatus.BAD_REQUEST, message, request);
    }

    private static String describe(FieldError fe) {
        Object rejected = fe.getRejectedValue();
        String but = rejected == null ? "" : rejected instanceof CharSequence
                ? ", but was '" + rejected + "'" : ", but was " + rejected;
        return fe.getField() + " " + fe.getDefaultMessage() + but;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String message;
        if (cause instanceof JacksonException je) {
            String path = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String detail = firstLine(je.getOriginalMessage());
            message = path.isEmpty() ? "request body is not valid JSON: " + detail
                    : path + " has the wrong type: " + detail;
        } else if (String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
            message = "request body is missing; send JSON with Content-Type: application/json";
        } else {
            message = "request body could not be read: " + firstLine(cause.getMessage());
        }
        return error(HttpStatus.BAD_REQUEST, message, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        String expected = switch (type) {
            case "Long", "long", "Integer", "int" -> "a whole number";
            default -> "a " + type;
        };
        return error(HttpStatus.BAD_REQUEST, e.getName() + " must be " + expected + ", but was '" + e.getValue() + "'",
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "query parameter " + e.getParameterName() + " is required", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ApiError> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "no route " + request.getMethod() + " " + request.getRequestURI(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiError> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, request.getMethod() + " is not supported on "
                + request.getRequestURI() + "; supported: " + e.getSupportedHttpMethods(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiError> wrongMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType()
                + " is not supported; send application/json", request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<ApiError> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Data integrity violation on {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return error(HttpStatus.CONFLICT, "the change conflicts with existing data (a duplicate or a missing reference)",
                request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error, reference " + reference
                + "; the server log has the details", request);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), status.getReasonPhrase(), message, request.getRequestURI()));
    }
}
