package com.acmeshop.common;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The JSON body of every error answer.
 */
@JsonPropertyOrder({"status", "error", "message", "path"})
public record ApiError(int status, String error, String message, String path) {
}
