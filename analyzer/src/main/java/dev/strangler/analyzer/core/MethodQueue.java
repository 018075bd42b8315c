package dev.strangler.analyzer.core;

import java.util.Arrays;

/** A first-in first-out queue of method numbers for {@link UseCaseTracer}; each is added at most once per use case. */
final class MethodQueue {
    private int[] items = new int[64];
    private int head;
    private int tail;

    void add(int item) {
        if (tail == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[tail++] = item;
    }

    int poll() {
        return items[head++];
    }

    boolean isEmpty() {
        return head == tail;
    }
}
