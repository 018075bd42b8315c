package com.acmeshop.model;

public enum ShipmentStatus {
    LABEL_CREATED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    RETURNED
}
