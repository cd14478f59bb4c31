package org.clusterlogs.logs.source.search;

/**
 * The longest run of literal characters that every match of a regular expression contains, found
 * by a deliberately simple reading of the pattern: only characters outside groups, in a pattern
 * without top-level alternation or flags, count, a quantifier takes back the character it applies to, and
 * anything not understood ends a run. Missing a literal only costs speed; a literal that is not
 * in every match would lose lines, so every doubt gives up.
 *
 * @param text  the literal, empty when none is known
 * @param whole whether the pattern is exactly this literal (a line matches when it holds it)
 */
record RequiredLiteral(String text, boolean whole) {

    private static final RequiredLiteral NONE = new RequiredLiteral("", false);

    static RequiredLiteral of(String pattern) {
        if (pattern.contains("(?") || pattern.indexOf('\uFFFD') >= 0) {
            return NONE; // flags (case folding) or the replacement character: no literal is sure
        }
        StringBuilder best = new StringBuilder();
        StringBuilder run = new StringBuilder();
        boolean plain = true; // nothing but literal characters so far
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 < pattern.length() && isEscapedLiteral(pattern.charAt(i + 1))) {
                    i++;
                    if (depth == 0) {
                        run.append(pattern.charAt(i));
                    }
                    continue;
                }
                plain = false;
                i++; // \d, \b, \x41, \Q...: ends the run
                endRun(run, best);
                continue;
            }
            if (c == '[') {
                plain = false;
                endRun(run, best);
                i = classEnd(pattern, i);
                continue;
            }
            if (c == '*' || c == '?' || c == '{') {
                plain = false;
                if (depth == 0 && run.length() > 0) {
                    // that character may be absent or repeated (a character outside the BMP is two chars)
                    int last = run.offsetByCodePoints(run.length(), -1);
                    run.setLength(last);
                }
                endRun(run, best);
                if (c == '{') {
                    int close = pattern.indexOf('}', i);
                    i = close < 0 ? i : close;
                }
                continue;
            }
            if (c == '|') {
                if (depth == 0) {
                    return NONE; // alternatives of the whole pattern: none of its literals is required
                }
                plain = false;
                continue; // alternatives inside a group: the group's content is not looked at anyway
            }
            if (c == '(' || c == ')' || c == '.' || c == '^' || c == '$' || c == '+') {
                plain = false;
                endRun(run, best); // '+': the character stays, but the next one need not follow it
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                continue;
            }
            if (depth == 0) {
                run.append(c);
            }
        }
        endRun(run, best);
        if (best.length() == 0) {
            return NONE;
        }
        return new RequiredLiteral(best.toString(), plain && best.length() == unescapedLength(pattern));
    }

    private static boolean isEscapedLiteral(char c) {
        return c < 0x80 && !Character.isLetterOrDigit(c) && c != '_' && !Character.isWhitespace(c);
    }

    private static int unescapedLength(String pattern) {
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                i++;
            }
            n++;
        }
        return n;
    }

    private static void endRun(StringBuilder run, StringBuilder best) {
        if (run.length() > best.length()) {
            best.setLength(0);
            best.append(run);
        }
        run.setLength(0);
    }

    /** The index of the {@code ]} closing the class opened at {@code open} (the last index if none). */
    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++; // a ']' first in the class is a member
        }
        for (; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                i = close < 0 ? i : close + 1;
            } else if (c == ']') {
                return i;
            }
        }
        return pattern.length() - 1;
    }
}
