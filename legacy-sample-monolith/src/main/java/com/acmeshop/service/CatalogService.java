package com.acmeshop.service;

import com.acmeshop.common.ShopConstants;
import com.acmeshop.dto.CategoryDto;
import com.acmeshop.dto.ProductDto;
import com.acmeshop.exception.BadRequestException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.Category;
import com.acmeshop.model.Product;
import com.acmeshop.repository.CategoryRepository;
import com.acmeshop.repository.ProductRepository;
import com.acmeshop.util.CatalogCache;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the catalog: product list, product page, categories, search.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final ProductRepository productRepository;
    private final CategoryRepository categoryRepository;

    @Value("${acmeshop.catalog.cache-ttl-seconds:300}")
    private long cacheTtlSeconds;

    public CatalogService(ProductRepository productRepository, CategoryRepository categoryRepository) {
        this.productRepository = productRepository;
        this.categoryRepository = categoryRepository;
    }

    @Transactional(readOnly = true)
    public List<ProductDto> listProducts(String categorySlug, int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page must be at least 0, but was " + page);
        }
        if (size < 1 || size > ShopConstants.MAX_PAGE_SIZE) {
            throw new BadRequestException(
                    "size must be between 1 and " + ShopConstants.MAX_PAGE_SIZE + ", but was " + size);
        }
        List<ProductDto> all = loadCache();
        if (categorySlug != null && !categorySlug.isBlank()) {
            requireCategory(categorySlug);
            all = all.stream().filter(p -> p.categorySlug().equals(categorySlug)).toList();
        }
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        return all.subList(from, to);
    }

    @Transactional(readOnly = true)
    public ProductDto getProduct(Long id) {
        loadCache();
        ProductDto cached = CatalogCache.PRODUCTS_BY_ID.get(id);
        if (cached != null) {
            return cached;
        }
        Product product = productRepository.findById(id)
                .filter(Product::isActive)
                .orElseThrow(() -> new NotFoundException("product " + id + " does not exist"));
        return toDto(product);
    }

    @Transactional(readOnly = true)
    public List<ProductDto> search(String query) {
        String q = query == null ? "" : query.trim();
        if (q.length() < 2) {
            throw new BadRequestException("q must have at least 2 characters, but was '" + q + "'");
        }
        return productRepository.searchNative(q.toLowerCase(Locale.ROOT)).stream().map(this::toDto).toList();
    }

    @Transactional(readOnly = true)
    public List<CategoryDto> listCategories() {
        loadCache();
        return CatalogCache.allCategories;
    }

    @Transactional(readOnly = true)
    public List<ProductDto> productsOfCategory(Long categoryId) {
        Category category = categoryRepository.findById(categoryId)
                .orElseThrow(() -> new NotFoundException("category " + categoryId + " does not exist"));
        return loadCache().stream().filter(p -> p.categorySlug().equals(category.getSlug())).toList();
    }

    private void requireCategory(String slug) {
        boolean known = CatalogCache.allCategories.stream().anyMatch(c -> c.slug().equals(slug));
        if (!known) {
            throw new NotFoundException("category '" + slug + "' does not exist; GET /api/categories lists them");
        }
    }

    private List<ProductDto> loadCache() {
        if (CatalogCache.isFresh(cacheTtlSeconds)) {
            CatalogCache.hits++;
            return CatalogCache.allProducts;
        }
        CatalogCache.misses++;
        List<ProductDto> products = productRepository.findAllActiveWithCategory().stream().map(this::toDto).toList();
        List<CategoryDto> categories = categoryRepository.findAll().stream()
                .map(c -> new CategoryDto(c.getId(), c.getSlug(), c.getName(), c.getDescription()))
                .toList();
        CatalogCache.fill(products, categories);
        log.debug("Catalog cache loaded with {} products", products.size());
        return CatalogCache.allProducts;
    }

    // Copied from DtoMapper when the catalog team took over this class in 2019.
    private ProductDto toDto(Product p) {
        return new ProductDto(p.getId(), p.getSku(), p.getName(), p.getDescription(), p.getPrice(), p.getWeightGrams(),
                p.getCategory().getSlug(), p.getCategory().getName());
    }
}
