package com.acmeshop.controller;

import com.acmeshop.dto.ReservationDto;
import com.acmeshop.dto.StockLevelDto;
import com.acmeshop.dto.StockUpdateRequest;
import com.acmeshop.service.InventoryService;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inventory")
public class InventoryController {

    private final InventoryService inventoryService;

    public InventoryController(InventoryService inventoryService) {
        this.inventoryService = inventoryService;
    }

    @GetMapping("/{productId}")
    public StockLevelDto stock(@PathVariable Long productId) {
        return inventoryService.getStock(productId);
    }

    @PutMapping("/{productId}")
    public StockLevelDto update(@PathVariable Long productId, @Valid @RequestBody StockUpdateRequest request) {
        return inventoryService.updateStock(productId, request);
    }

    @GetMapping("/low-stock")
    public List<StockLevelDto> lowStock() {
        return inventoryService.lowStock();
    }

    @GetMapping("/{productId}/reservations")
    public List<ReservationDto> reservations(@PathVariable Long productId) {
        return inventoryService.reservationsOf(productId);
    }
}
