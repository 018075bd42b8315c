package com.acmeshop.controller;

import com.acmeshop.dto.CategoryDto;
import com.acmeshop.dto.ProductDto;
import com.acmeshop.service.CatalogService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
public class CategoryController {

    private final CatalogService catalogService;

    public CategoryController(CatalogService catalogService) {
        this.catalogService = catalogService;
    }

    @GetMapping
    public List<CategoryDto> list() {
        return catalogService.listCategories();
    }

    @GetMapping("/{id}/products")
    public List<ProductDto> products(@PathVariable Long id) {
        return catalogService.productsOfCategory(id);
    }
}
