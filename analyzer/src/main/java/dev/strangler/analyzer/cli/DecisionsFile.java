package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.ClassPattern;
import dev.strangler.analyzer.core.Decision;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a decisions file (YAML). The format, every key optional:
 * <pre>
 * shared-kernel: [com.acme.util.**, "*Dto"]
 * pin:
 *   billing: [com.acme.billing.**, com.acme.web.InvoiceController]
 * merge:
 *   - into: sales
 *     candidates: [orders, cart]
 * split:
 *   - candidate: catalog
 *     into: inventory
 *     classes: [com.acme.inventory.**]
 * rename:
 *   service-3: payments
 * </pre>
 * Decisions are applied in this order: shared-kernel, merge, split, pin, rename. Errors name the file and line.
 */
final class DecisionsFile {
    private static final Set<String> KEYS = Set.of("shared-kernel", "pin", "merge", "split", "rename");

    private final Path file;

    private DecisionsFile(Path file) {
        this.file = file;
    }

    static List<Decision> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--decisions file does not exist: " + file);
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new UsageException(file + ":" + (e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1)
                    + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new UsageException("cannot read --decisions file " + file + ": " + e.getMessage());
        }
        return root == null ? List.of() : new DecisionsFile(file).decisions(root);
    }

    private List<Decision> decisions(Node root) {
        MappingNode mapping = mapping(root, "the top level");
        List<Decision> kernel = new ArrayList<>();
        List<Decision> merges = new ArrayList<>();
        List<Decision> splits = new ArrayList<>();
        List<Decision> pins = new ArrayList<>();
        List<Decision> renames = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            Node value = tuple.getValueNode();
            switch (key) {
                case "shared-kernel" -> kernel.add(new Decision.SharedKernel(patterns(value, key), line(value)));
                case "pin" -> {
                    for (NodeTuple pin : mapping(value, "pin").getValue()) {
                        String service = scalar(pin.getKeyNode(), "a service name");
                        pins.add(new Decision.Pin(service, patterns(pin.getValueNode(), "pin." + service),
                                line(pin.getKeyNode())));
                    }
                }
                case "merge" -> {
                    for (Node item : sequence(value, "merge").getValue()) {
                        MappingNode entry = mapping(item, "a merge entry");
                        merges.add(new Decision.Merge(required(entry, "into"), names(field(entry, "candidates"),
                                "merge.candidates"), line(item)));
                    }
                }
                case "split" -> {
                    for (Node item : sequence(value, "split").getValue()) {
                        MappingNode entry = mapping(item, "a split entry");
                        splits.add(new Decision.Split(required(entry, "candidate"), required(entry, "into"),
                                patterns(field(entry, "classes"), "split.classes"), line(item)));
                    }
                }
                case "rename" -> {
                    for (NodeTuple rename : mapping(value, "rename").getValue()) {
                        renames.add(new Decision.Rename(scalar(rename.getKeyNode(), "a candidate name"),
                                scalar(rename.getValueNode(), "the new name"), line(rename.getKeyNode())));
                    }
                }
                default -> throw error(tuple.getKeyNode(), "unknown key '" + key + "'; the keys are " + KEYS.stream().sorted().toList());
            }
        }
        List<Decision> all = new ArrayList<>(kernel);
        all.addAll(merges);
        all.addAll(splits);
        all.addAll(pins);
        all.addAll(renames);
        return List.copyOf(all);
    }

    private List<ClassPattern> patterns(Node node, String where) {
        List<ClassPattern> patterns = new ArrayList<>();
        for (String glob : names(node, where)) {
            try {
                patterns.add(new ClassPattern(glob));
            } catch (IllegalArgumentException e) {
                throw error(node, e.getMessage());
            }
        }
        return patterns;
    }

    private List<String> names(Node node, String where) {
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        List<String> names = new ArrayList<>();
        for (Node item : sequence(node, where).getValue()) {
            names.add(scalar(item, "a name in " + where));
        }
        if (names.isEmpty()) {
            throw error(node, where + " must list at least one name");
        }
        return names;
    }

    private String required(MappingNode entry, String key) {
        return scalar(field(entry, key), key);
    }

    private Node field(MappingNode entry, String key) {
        for (NodeTuple tuple : entry.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        throw error(entry, "missing '" + key + "'");
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, what + " must be a mapping (key: value)");
    }

    private SequenceNode sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence;
        }
        throw error(node, what + " must be a list");
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        throw error(node, what + " must be a non-empty text");
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private UsageException error(Node node, String message) {
        return new UsageException(file + ":" + line(node) + ": " + message);
    }
}
