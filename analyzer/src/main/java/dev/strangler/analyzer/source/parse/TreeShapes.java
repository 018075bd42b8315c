package dev.strangler.analyzer.source.parse;

import com.github.javaparser.ast.AllFieldsConstructor;
import com.github.javaparser.metamodel.BaseNodeMetaModel;
import com.github.javaparser.metamodel.JavaParserMetaModel;
import com.github.javaparser.metamodel.PropertyMetaModel;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every concrete kind of JavaParser node as {@link TreeCodec} writes and reads it, found once from JavaParser's
 * metamodel: its number, its all-fields constructor, and that constructor's parameters with the fields that hold them.
 *
 * @param byClass each node class's shape
 * @param byId the shapes by number, from 1
 * @param failure why this JavaParser's trees cannot be kept, or null when they can
 */
record TreeShapes(Map<Class<?>, TreeShapes.Shape> byClass, List<TreeShapes.Shape> byId, String failure) {
    /** How a property is written. */
    enum Kind { NODE, LIST, STRING, FLAG, CONSTANT }

    /**
     * One constructor parameter: the field that holds it, how it is written, and the class of its nodes (a list's
     * elements) or its constants.
     */
    record Slot(Field field, Kind kind, Class<?> element, Object[] constants) {
    }

    /** A concrete kind of node: its number, its all-fields constructor and that constructor's parameters in order. */
    record Shape(int id, Constructor<?> constructor, Slot[] slots) {
    }

    /** The shapes of the JavaParser in use; never throws: a failure is kept in {@link #failure}. */
    static TreeShapes find() {
        Map<Class<?>, Shape> byClass = new HashMap<>();
        List<Shape> byId = new ArrayList<>();
        try {
            for (BaseNodeMetaModel model : JavaParserMetaModel.getNodeMetaModels()) {
                if (model.isAbstract()) {
                    continue;
                }
                Shape shape = new Shape(byId.size() + 1, constructor(model), slots(model));
                byId.add(shape);
                byClass.put(model.getType(), shape);
            }
            return new TreeShapes(Map.copyOf(byClass), List.copyOf(byId), null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new TreeShapes(Map.of(), List.of(), "this JavaParser's trees cannot be kept: " + e);
        }
    }

    private static Constructor<?> constructor(BaseNodeMetaModel model) throws NoSuchMethodException {
        for (Constructor<?> constructor : model.getType().getConstructors()) {
            if (constructor.isAnnotationPresent(AllFieldsConstructor.class)
                    && constructor.getParameterCount() == model.getConstructorParameters().size()) {
                return constructor;
            }
        }
        throw new NoSuchMethodException("no all-fields constructor in " + model.getType().getName());
    }

    private static Slot[] slots(BaseNodeMetaModel model) throws NoSuchFieldException {
        List<PropertyMetaModel> properties = model.getConstructorParameters();
        Slot[] slots = new Slot[properties.size()];
        for (int i = 0; i < slots.length; i++) {
            PropertyMetaModel property = properties.get(i);
            Field field = field(model.getType(), property.getName());
            Class<?> type = property.getType();
            Kind kind;
            if (property.isNodeList()) {
                kind = Kind.LIST;
            } else if (property.isNode()) {
                kind = Kind.NODE;
            } else if (type == String.class) {
                kind = Kind.STRING;
            } else if (type == boolean.class || type == Boolean.class) {
                kind = Kind.FLAG;
            } else if (type.isEnum()) {
                kind = Kind.CONSTANT;
            } else {
                throw new IllegalStateException("property " + property.getName() + " of "
                        + model.getType().getSimpleName() + " is a " + type.getName());
            }
            Class<?> element = property.getNodeReference().isPresent()
                    ? property.getNodeReference().get().getType() : type;
            slots[i] = new Slot(field, kind, element, kind == Kind.CONSTANT ? type.getEnumConstants() : null);
        }
        return slots;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName());
    }
}
