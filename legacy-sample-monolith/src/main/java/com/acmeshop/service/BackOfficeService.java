package com.acmeshop.service;

import com.acmeshop.dto.ProductCreateRequest;
import com.acmeshop.dto.ProductDto;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.Category;
import com.acmeshop.model.CustomerOrder;
import com.acmeshop.model.OrderStatus;
import com.acmeshop.model.Product;
import com.acmeshop.model.StockItem;
import com.acmeshop.repository.CartRepository;
import com.acmeshop.repository.CategoryRepository;
import com.acmeshop.repository.OrderRepository;
import com.acmeshop.repository.ProductRepository;
import com.acmeshop.repository.StockItemRepository;
import com.acmeshop.util.CatalogCache;
import com.acmeshop.util.DtoMapper;
import com.acmeshop.util.MoneyUtils;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the back office can do, written straight against every area's repositories.
 */
@Service
public class BackOfficeService {

    private static final Logger log = LoggerFactory.getLogger(BackOfficeService.class);

    private final ProductRepository productRepository;
    private final CategoryRepository categoryRepository;
    private final StockItemRepository stockItemRepository;
    private final OrderRepository orderRepository;
    private final CartRepository cartRepository;
    private final NotificationService notificationService;
    private final InventoryService inventoryService;

    public BackOfficeService(ProductRepository productRepository, CategoryRepository categoryRepository,
            StockItemRepository stockItemRepository, OrderRepository orderRepository, CartRepository cartRepository,
            NotificationService notificationService, InventoryService inventoryService) {
        this.productRepository = productRepository;
        this.categoryRepository = categoryRepository;
        this.stockItemRepository = stockItemRepository;
        this.orderRepository = orderRepository;
        this.cartRepository = cartRepository;
        this.notificationService = notificationService;
        this.inventoryService = inventoryService;
    }

    @Transactional
    public ProductDto createProduct(ProductCreateRequest request) {
        if (productRepository.findBySku(request.sku()).isPresent()) {
            throw new ConflictException("sku " + request.sku() + " already exists");
        }
        Category category = categoryRepository.findBySlug(request.categorySlug())
                .orElseThrow(() -> new NotFoundException("category '" + request.categorySlug() + "' does not exist"));
        Product product = new Product();
        product.setSku(request.sku());
        product.setName(request.name().trim());
        product.setDescription(request.description());
        product.setPrice(MoneyUtils.round(request.price()));
        product.setWeightGrams(request.weightGrams());
        product.setActive(true);
        product.setCategory(category);
        product.setCreatedAt(LocalDateTime.now());
        productRepository.save(product);

        StockItem stock = new StockItem();
        stock.setProduct(product);
        stock.setQuantityOnHand(request.initialStock() == null ? 0 : request.initialStock());
        stock.setQuantityReserved(0);
        stock.setReorderLevel(5);
        stock.setUpdatedAt(LocalDateTime.now());
        stockItemRepository.save(stock);
        CatalogCache.clear();
        return DtoMapper.toDto(product);
    }

    /** Changes a price; carts show the new price at once, placed orders keep theirs. */
    @Transactional
    public ProductDto changePrice(Long productId, BigDecimal newPrice) {
        Product product = productRepository.findById(productId)
                .orElseThrow(() -> new NotFoundException("product " + productId + " does not exist"));
        BigDecimal old = product.getPrice();
        product.setPrice(MoneyUtils.round(newPrice));
        CatalogCache.clear();
        long openOrders = orderRepository.findAll().stream()
                .filter(o -> o.getStatus() == OrderStatus.PENDING_PAYMENT)
                .filter(o -> o.getLines().stream().anyMatch(l -> l.getProduct().getId().equals(productId)))
                .count();
        long carts = cartRepository.findAll().stream()
                .filter(c -> c.getItems().stream().anyMatch(i -> i.getProduct().getId().equals(productId)))
                .count();
        log.info("Price of {} changed from {} to {} ({} carts, {} unpaid orders affected)", product.getSku(), old,
                product.getPrice(), carts, openOrders);
        return DtoMapper.toDto(product);
    }

    /** Unpaid orders older than the given hours are cancelled and their stock released. */
    @Transactional
    public Map<String, Object> cancelStaleOrders(int olderThanHours) {
        if (olderThanHours < 1) {
            throw new com.acmeshop.exception.BadRequestException(
                    "olderThanHours must be at least 1, but was " + olderThanHours);
        }
        LocalDateTime cutoff = LocalDateTime.now().minusHours(olderThanHours);
        int cancelled = 0;
        for (CustomerOrder o : orderRepository.findAll()) {
            if (o.getStatus() == OrderStatus.PENDING_PAYMENT && o.getCreatedAt().isBefore(cutoff)) {
                inventoryService.releaseReservations(o.getId());
                o.setStatus(OrderStatus.CANCELLED);
                o.setUpdatedAt(LocalDateTime.now());
                notificationService.enqueue(o.getCustomer(), "ORDER_EXPIRED", "Order " + o.getOrderNumber() + " expired",
                        "We cancelled your order because it was not paid within " + olderThanHours + " hours.");
                cancelled++;
            }
        }
        return Map.of("cancelled", cancelled, "cutoff", cutoff.toString());
    }
}
