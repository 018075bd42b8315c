package dev.strangler.extraction.source;

import java.util.List;
import java.util.Set;

/** The package names an extraction decides: the moved code's common root, and a service's name as a package. */
final class PackageNames {
    private PackageNames() {
    }

    /** The longest package every class is in (their common root), or empty when they share none. */
    static String common(Set<String> classes) {
        List<String> packages = classes.stream().map(n -> n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : "").toList();
        if (packages.isEmpty()) {
            return "";
        }
        String common = packages.get(0);
        for (String p : packages) {
            while (!(p.equals(common) || p.startsWith(common + ".")) && !common.isEmpty()) {
                common = common.contains(".") ? common.substring(0, common.lastIndexOf('.')) : "";
            }
        }
        return common;
    }

    /** A service's name as one Java package segment: {@code shipping-rates} becomes {@code shippingrates}. */
    static String javaName(String service) {
        String name = service.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "service" + name : name;
    }
}
