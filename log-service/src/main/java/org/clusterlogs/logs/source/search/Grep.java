package org.clusterlogs.logs.source.search;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.clusterlogs.logs.source.BadParameterException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code grep} parameter: a regular expression found (not fully matched) in an entry's
 * message. Patterns are RE2 syntax run by RE2/J, whose matching is linear in the line's length
 * whatever the pattern, so a pathological pattern such as {@code (a+)+$} cannot stall a read
 * (no backtracking, no time budget needed; RE2 has no back-references or look-around).
 *
 * <p>The expensive part of a search is looking at lines that cannot match. A literal every
 * match must contain ({@link RequiredLiteral}) is searched for in the raw bytes of a whole read
 * buffer first ({@link LiteralFinder}); only a line around a hit is looked at, and only then is
 * the expression run. A pattern that is nothing but a literal needs no expression at all.
 */
public final class Grep {

    private final String expression;
    private final Pattern pattern;
    /** The UTF-8 bytes every match contains, or null when no such literal is known. */
    private final LiteralFinder literal;
    /** Whether a line holds a match exactly when it holds {@link #literal}. */
    private final boolean literalOnly;

    private Grep(String expression, Pattern pattern, LiteralFinder literal, boolean literalOnly) {
        this.expression = expression;
        this.pattern = pattern;
        this.literal = literal;
        this.literalOnly = literalOnly;
    }

    /**
     * @param expression the parameter's value
     * @return empty for no parameter
     * @throws BadParameterException for a pattern RE2 does not accept, with its reason
     */
    public static Optional<Grep> parse(String expression) {
        if (expression == null || expression.isEmpty()) {
            return Optional.empty();
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new BadParameterException("grep is not a valid regular expression (RE2 syntax): "
                    + e.getDescription() + " in '" + expression + "'");
        }
        RequiredLiteral required = RequiredLiteral.of(expression);
        LiteralFinder literal = required.text().isEmpty() ? null
                : new LiteralFinder(required.text().getBytes(StandardCharsets.UTF_8));
        return Optional.of(new Grep(expression, pattern, literal, literal != null && required.whole()));
    }

    /** Whether the message (UTF-8 bytes, invalid sequences as U+FFFD) holds a match. */
    public boolean matches(byte[] message) {
        if (literal != null && !literal.foundIn(message)) {
            return false;
        }
        return literalOnly || pattern.matcher(message).find();
    }

    /** Whether the message holds a match. */
    public boolean matches(String message) {
        return pattern.matcher(message).find();
    }

    /** Whether holding the literal of {@link #finder()} is matching: the pattern is nothing but that literal. */
    public boolean literalOnly() {
        return literalOnly;
    }

    /**
     * A finder for the literal every matching line contains, to skip lines without it while
     * they are still raw bytes; empty when the pattern has no such literal.
     */
    public Optional<LiteralFinder> finder() {
        return Optional.ofNullable(literal);
    }

    @Override
    public String toString() {
        return "grep=" + expression;
    }
}
