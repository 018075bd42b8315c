package dev.strangler.analyzer.source.parse;

/**
 * A source file's text made cheaper to parse without changing what the analysis reads from it: comments and runs of
 * blanks are dropped, every line break is kept.
 *
 * <p>JavaParser turns every blank character and every comment into a token of its own (an object with its text and
 * position), and reads comments through its slowest lexer states; indentation and Javadoc are often half of a file's
 * characters. The analysis reads neither comments nor columns, only the tree and line numbers. So indentation and
 * blanks before a line break go, other runs of blanks become one space, a comment becomes the line breaks it spanned
 * (or one space if none), and string, character and text block literals are copied exactly. Line numbers are unchanged;
 * columns are not, so a file that fails to parse is parsed again from its original text for the message.
 *
 * <p>A file with a Unicode escape anywhere ({@code \\u}) is left as it is: an escape can stand for a quote, a line
 * break or a comment delimiter, which only the parser's own reading gets right. So is a file with an unterminated
 * block comment or literal, whose error the parser should report as written.
 */
public final class CompactText {

    private CompactText() {
    }

    /** The compacted text, or {@code text} itself when it cannot be compacted safely. */
    public static String of(String text) {
        if (text.indexOf("\\u") >= 0) {
            return text;
        }
        int length = text.length();
        StringBuilder out = new StringBuilder(length);
        boolean lineStart = true;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(c);
                lineStart = true;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                int end = i + 1;
                while (end < length && isBlank(text.charAt(end))) {
                    end++;
                }
                if (!lineStart && end < length && !isLineBreak(text.charAt(end)) && !endsWithSpace(out)) {
                    out.append(' ');
                }
                i = end;
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
                while (i < length && !isLineBreak(text.charAt(i))) {
                    i++;
                }
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return text;
                }
                int before = out.length();
                for (int k = i + 2; k < end; k++) {
                    char inside = text.charAt(k);
                    if (isLineBreak(inside)) {
                        out.append(inside);
                    }
                }
                if (out.length() > before) {
                    lineStart = true;
                } else if (!lineStart && !endsWithSpace(out)) {
                    out.append(' ');
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                int end = c == '"' && text.startsWith("\"\"\"", i) ? textBlockEnd(text, i + 3) : literalEnd(text, i + 1, c);
                if (end < 0) {
                    return text;
                }
                out.append(text, i, end);
                lineStart = false;
                i = end;
            } else {
                out.append(c);
                lineStart = false;
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the closing quote of a string or character literal, or -1 if the line ends first. */
    private static int literalEnd(String text, int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (isLineBreak(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** The index after a text block's closing {@code """}, or -1 if there is none. */
    private static int textBlockEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                return i + 3;
            }
        }
        return -1;
    }

    private static boolean endsWithSpace(StringBuilder out) {
        return out.length() > 0 && out.charAt(out.length() - 1) == ' ';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
