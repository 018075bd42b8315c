package com.acmeshop.service;

/**
 * Outcome of a charge at the payment provider: approved with a reference, or declined with a reason.
 */
public record ChargeResult(boolean approved, String reference, String declineReason) {
}
