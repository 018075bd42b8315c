package dev.strangler.analyzer.cache;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a scan's result depends on, as the cache compares it: the analyzer's build, the settings that change
 * the result, and the hash ({@link ContentHash}) of every file the scan reads.
 *
 * @param analyzer names the analyzer's build (see {@link AnalyzerBuild#fingerprint()})
 * @param settings the options and tree facts that change the result, as one text (the classpath, the root, ...)
 * @param files each file read by the scan, by path relative to the root, to the hash of its bytes ({@link ContentHash})
 */
public record ScanInputs(String analyzer, String settings, SortedMap<String, String> files) {
    public ScanInputs {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(settings, "settings");
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        files.forEach((path, hash) -> {
            if (!ContentHash.isHash(hash)) {
                throw new IllegalArgumentException("hash of " + path + " must be " + ContentHash.HEX_DIGITS
                        + " hex digits, but was '" + hash + "'");
            }
        });
    }

    /** The hash of {@code content} ({@link ContentHash}). Thread-safe. */
    public static String hash(byte[] content) {
        return ContentHash.of(content);
    }

    /** Why {@code earlier} inputs do not give this scan's result, or "" when they are the same. */
    String differenceFrom(ScanInputs earlier) {
        if (!analyzer.equals(earlier.analyzer)) {
            return "written by another build of the analyzer";
        }
        if (!settings.equals(earlier.settings)) {
            return "the options or the tree's layout changed";
        }
        int changed = 0;
        int added = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String before = earlier.files.get(file.getKey());
            if (before == null) {
                added++;
            } else if (!before.equals(file.getValue())) {
                changed++;
            }
        }
        int removed = 0;
        for (String path : earlier.files.keySet()) {
            if (!files.containsKey(path)) {
                removed++;
            }
        }
        if (changed + added + removed == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        append(text, changed, "changed");
        append(text, added, "added");
        append(text, removed, "removed");
        return text.toString();
    }

    private static void append(StringBuilder text, int count, String what) {
        if (count > 0) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format("%,d", count))
                    .append(count == 1 ? " file " : " files ").append(what);
        }
    }
}
