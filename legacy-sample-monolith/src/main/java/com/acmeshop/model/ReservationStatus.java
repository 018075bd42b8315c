package com.acmeshop.model;

public enum ReservationStatus {
    HELD,
    COMMITTED,
    RELEASED
}
