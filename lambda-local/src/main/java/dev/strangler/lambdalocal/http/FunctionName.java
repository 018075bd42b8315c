package dev.strangler.lambdalocal.http;

/**
 * A function name as the Invoke API accepts it: {@code name}, {@code name:qualifier},
 * {@code account:function:name[:qualifier]} or {@code arn:aws:lambda:region:account:function:name[:qualifier]}.
 *
 * @param name the plain function name
 * @param qualifier the version or alias, or {@code null}
 */
record FunctionName(String name, String qualifier) {

    static FunctionName parse(String given, String qualifierParameter) {
        String[] parts = given.split(":", -1);
        String name;
        String qualifier;
        if (parts.length >= 7 && parts[0].equals("arn") && parts[5].equals("function")) {
            name = parts[6];
            qualifier = parts.length > 7 ? parts[7] : null;
        } else if (parts.length >= 3 && parts[1].equals("function")) {
            name = parts[2];
            qualifier = parts.length > 3 ? parts[3] : null;
        } else {
            name = parts[0];
            qualifier = parts.length > 1 ? parts[1] : null;
        }
        if (qualifierParameter != null && !qualifierParameter.isEmpty()) {
            qualifier = qualifierParameter;
        }
        return new FunctionName(name, qualifier);
    }

    /** Only {@code $LATEST} exists locally; any other version or alias is not found. */
    boolean isLatest() {
        return qualifier == null || qualifier.equals("$LATEST");
    }
}
