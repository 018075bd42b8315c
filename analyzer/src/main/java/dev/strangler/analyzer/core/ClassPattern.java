package dev.strangler.analyzer.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A class name or glob from a decisions file: {@code com.acme.billing.Invoice} (one class),
 * {@code com.acme.billing.*} (the classes of one package), {@code com.acme.billing.**} (a package and its
 * sub-packages), {@code *Dto} (any class whose simple name ends in Dto).
 *
 * @param glob the pattern as written
 */
public record ClassPattern(String glob) {
    public ClassPattern {
        Objects.requireNonNull(glob, "glob");
        glob = glob.strip();
        if (glob.isEmpty() || !glob.matches("[\\w.*$]+")) {
            throw new IllegalArgumentException("a class pattern must be a class name or a glob with * and **, but was '"
                    + glob + "'; for example com.acme.billing.** or com.acme.billing.Invoice");
        }
    }

    public boolean matches(ClassName name) {
        if (!glob.contains("*")) {
            // a bare package name means the classes of that package
            return name.value().equals(glob) || name.packageName().equals(glob);
        }
        String target = glob.contains(".") ? name.value() : name.simpleName();
        return regex().matcher(target).matches();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
