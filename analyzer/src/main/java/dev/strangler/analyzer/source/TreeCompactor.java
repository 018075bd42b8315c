package dev.strangler.analyzer.source;

import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.observer.AstObserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * Shrinks a parsed tree to what the analysis reads, so that a whole codebase's trees, all kept until extraction, cost
 * the garbage collector less to copy.
 *
 * <p>Every JavaParser node carries its token range and three lists of its own (children, orphan comments, observers).
 * The analysis reads positions but never tokens, comments or observers, and never changes a tree. So the token range
 * is dropped (the node keeps its position range), the child list is trimmed, and each empty comment or observer list
 * is replaced by one shared list that refuses changes: about a fifth of a tree's memory on the synthetic benchmark
 * tree. Should a later change to the analysis modify a compacted tree, the shared list fails loudly instead of
 * sharing state. When the JavaParser in use has other field names, compaction is skipped and only costs memory.
 */
final class TreeCompactor {
    private static final Fields FIELDS = Fields.find();

    private TreeCompactor() {
    }

    static void compact(Node root) {
        if (FIELDS == null) {
            return;
        }
        root.walk(FIELDS::compact);
    }

    /** An empty list shared by every compacted node; any change to it is a bug in the analysis. */
    private static final class Frozen<E> extends ArrayList<E> {
        Frozen() {
            super(0);
        }

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("compacted syntax trees are read-only");
        }

        @Override
        public boolean add(E e) {
            throw refused();
        }

        @Override
        public void add(int index, E element) {
            throw refused();
        }

        @Override
        public boolean addAll(Collection<? extends E> c) {
            throw refused();
        }

        @Override
        public boolean addAll(int index, Collection<? extends E> c) {
            throw refused();
        }

        @Override
        public E set(int index, E element) {
            throw refused();
        }

        @Override
        public void replaceAll(UnaryOperator<E> operator) {
            throw refused();
        }
    }

    private record Fields(VarHandle tokenRange, VarHandle childNodes, VarHandle orphanComments, VarHandle observers,
                          ArrayList<Comment> noComments, ArrayList<AstObserver> noObservers) {
        static Fields find() {
            try {
                MethodHandles.Lookup node = MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup());
                return new Fields(node.findVarHandle(Node.class, "tokenRange", TokenRange.class),
                        node.findVarHandle(Node.class, "childNodes", ArrayList.class),
                        node.findVarHandle(Node.class, "orphanComments", ArrayList.class),
                        node.findVarHandle(Node.class, "observers", ArrayList.class),
                        new Frozen<>(), new Frozen<>());
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        void compact(Node node) {
            tokenRange.set(node, (TokenRange) null);
            ((ArrayList<?>) childNodes.get(node)).trimToSize();
            if (((ArrayList<?>) orphanComments.get(node)).isEmpty()) {
                orphanComments.set(node, noComments);
            }
            if (((ArrayList<?>) observers.get(node)).isEmpty()) {
                observers.set(node, noObservers);
            }
        }
    }
}
