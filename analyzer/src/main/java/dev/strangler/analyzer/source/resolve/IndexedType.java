package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One declared type of the tree as the index keeps it: its members' declared types, written supertypes and
 * constants, so that names and calls can be resolved without a full symbol solver.
 */
public final class IndexedType {
    public final String name;
    public final TypeDeclaration<?> declaration;
    public final FileScope scope;
    public final IndexedType outer;
    public final boolean isInterface;
    public final Set<String> typeParameters = new HashSet<>();
    final List<String> typeParameterOrder = new ArrayList<>();
    final Map<String, Type> fieldTypes = new HashMap<>();
    final Map<String, Expression> constants = new HashMap<>();
    public final Map<String, List<MethodDeclaration>> methods = new HashMap<>();
    final List<ClassOrInterfaceType> writtenSupertypes = new ArrayList<>();
    /** resolved lazily, see {@link TypeIndex#supertypes(IndexedType)} */
    volatile List<JType> supertypes;
    /** worked out lazily once the index is linked, see {@link TypeIndex#ancestors(IndexedType)} */
    volatile List<IndexedType> ancestors;
    /** worked out lazily once the index is linked, see {@link TypeIndex#supertypeNames(IndexedType)} */
    volatile Set<String> supertypeNames;
    final Map<String, TypeIndex.Resolution> nameCache = new ConcurrentHashMap<>();

    public IndexedType(String name, TypeDeclaration<?> declaration, FileScope scope, IndexedType outer) {
        this.name = name;
        this.declaration = declaration;
        this.scope = scope;
        this.outer = outer;
        this.isInterface = declaration.isClassOrInterfaceDeclaration()
                && declaration.asClassOrInterfaceDeclaration().isInterface();
        if (declaration.isClassOrInterfaceDeclaration()) {
            var type = declaration.asClassOrInterfaceDeclaration();
            type.getTypeParameters().forEach(p -> typeParameterOrder.add(p.getNameAsString()));
            writtenSupertypes.addAll(type.getExtendedTypes());
            writtenSupertypes.addAll(type.getImplementedTypes());
        } else if (declaration instanceof RecordDeclaration record) {
            record.getTypeParameters().forEach(p -> typeParameterOrder.add(p.getNameAsString()));
            writtenSupertypes.addAll(record.getImplementedTypes());
            for (Parameter component : record.getParameters()) {
                fieldTypes.put(component.getNameAsString(), component.getType());
            }
        } else if (declaration instanceof EnumDeclaration enumeration) {
            writtenSupertypes.addAll(enumeration.getImplementedTypes());
            enumeration.getEntries().forEach(entry -> fieldTypes.put(entry.getNameAsString(),
                    new ClassOrInterfaceType(null, declaration.getNameAsString())));
        }
        typeParameters.addAll(typeParameterOrder);
        for (BodyDeclaration<?> member : declaration.getMembers()) {
            if (member instanceof FieldDeclaration field) {
                boolean constant = field.isStatic() && field.isFinal() || isInterface;
                for (VariableDeclarator variable : field.getVariables()) {
                    fieldTypes.put(variable.getNameAsString(), variable.getType());
                    if (constant && variable.getInitializer().isPresent()) {
                        constants.put(variable.getNameAsString(), variable.getInitializer().get());
                    }
                }
            } else if (member instanceof MethodDeclaration method) {
                methods.computeIfAbsent(method.getNameAsString(), k -> new ArrayList<>(1)).add(method);
            }
        }
    }

    public String simpleName() {
        return declaration.getNameAsString();
    }

    boolean declaresMethod(String method) {
        return methods.containsKey(method);
    }

    public boolean isAbstract() {
        return isInterface || declaration.isClassOrInterfaceDeclaration()
                && declaration.asClassOrInterfaceDeclaration().isAbstract();
    }

    static Set<String> typeParameterNames(List<TypeParameter> parameters) {
        Set<String> names = new HashSet<>();
        parameters.forEach(p -> names.add(p.getNameAsString()));
        return names;
    }

    boolean hasConstructors() {
        return declaration.getMembers().stream().anyMatch(m -> m instanceof ConstructorDeclaration);
    }
}
