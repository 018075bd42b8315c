package com.acmeshop.dto;

/** Stock of one product. */
public record StockLevelDto(
        Long productId,
        String sku,
        int quantityOnHand,
        int quantityReserved,
        int available,
        int reorderLevel,
        boolean belowReorderLevel) {
}
