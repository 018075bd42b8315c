package dev.strangler.gateway.web;

import java.util.function.Function;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Swaps a bean of exactly one stock class, once it is configured, for a replacement made from it. */
final class StockBeanReplacer {

    private StockBeanReplacer() {
    }

    static <T> BeanPostProcessor of(Class<T> stock, Function<T, ? extends T> replacement) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean.getClass() == stock ? replacement.apply(stock.cast(bean)) : bean;
            }
        };
    }
}
