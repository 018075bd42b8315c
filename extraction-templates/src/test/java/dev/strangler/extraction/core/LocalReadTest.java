package dev.strangler.extraction.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.core.MethodFacts.RepositoryCall;
import dev.strangler.extraction.core.MethodFacts.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalReadTest {
    private static final RepositoryCall FIND = new RepositoryCall("StockItemRepository", "findByProductId", true, true, false);

    private static MethodFacts facts(Transaction transaction, RepositoryCall... calls) {
        return new MethodFacts(transaction, List.of(calls), List.of(), List.of(), List.of());
    }

    @Test
    void a_method_that_only_reads_through_spring_data_runs_in_the_function() {
        assertThat(LocalRead.refusals(facts(Transaction.READ_ONLY, FIND))).isEmpty();
        assertThat(LocalRead.refusals(facts(Transaction.NONE,
                new RepositoryCall("CustomerRepository", "findById", true, false, false),
                new RepositoryCall("CouponRepository", "existsByCode", true, false, false),
                new RepositoryCall("OrderRepository", "countByStatus", true, false, false)))).isEmpty();
        assertThat(LocalRead.refusals(facts(Transaction.NONE))).as("a method that reads nothing but its arguments").isEmpty();
    }

    @Test
    void a_declared_query_reads_unless_it_is_modifying() {
        assertThat(LocalRead.refusals(facts(Transaction.NONE,
                new RepositoryCall("StockItemRepository", "findBelowReorderLevel", true, true, false)))).isEmpty();
        assertThat(LocalRead.refusals(facts(Transaction.NONE,
                new RepositoryCall("StockItemRepository", "findBelowReorderLevel", true, true, true))))
                .containsExactly("it writes through StockItemRepository.findBelowReorderLevel");
        assertThat(LocalRead.refusals(facts(Transaction.NONE,
                new RepositoryCall("StockItemRepository", "lowStock", true, false, false))))
                .containsExactly("it writes through StockItemRepository.lowStock");
    }

    @Test
    void a_method_that_writes_or_may_write_stays_not_yet_moved() {
        assertThat(LocalRead.refusals(facts(Transaction.READ_WRITE, FIND)))
                .containsExactly("it runs in a read-write transaction (@Transactional without readOnly = true)");
        for (String write : List.of("save", "saveAndFlush", "delete", "deleteById", "deleteByOrderId", "flush")) {
            assertThat(LocalRead.refusals(facts(Transaction.READ_ONLY,
                    new RepositoryCall("StockReservationRepository", write, true, false, false))))
                    .containsExactly("it writes through StockReservationRepository." + write);
        }
        assertThat(LocalRead.refusals(new MethodFacts(Transaction.NONE, List.of(FIND), List.of("stock.setUpdatedAt(...)"),
                List.of("PaymentService.refund on another bean"), List.of("the field cache of the monolith's PriceService"))))
                .containsExactly("it writes: stock.setUpdatedAt(...)",
                        "it calls PaymentService.refund on another bean, which reading cannot prove read-only",
                        "it needs the field cache of the monolith's PriceService, which the function does not have");
    }

    @Test
    void a_repository_that_is_not_spring_datas_is_not_read_locally() {
        assertThat(LocalRead.refusals(facts(Transaction.NONE,
                new RepositoryCall("LegacyDao", "findByCode", false, false, false))))
                .containsExactly("it calls LegacyDao.findByCode, and LegacyDao is not a Spring Data repository of an entity"
                        + " the function has");
    }
}
