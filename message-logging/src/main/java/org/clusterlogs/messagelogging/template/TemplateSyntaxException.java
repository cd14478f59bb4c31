package org.clusterlogs.messagelogging.template;

import java.util.List;

/** A template the compiler refused, with every problem found in it (each a short sentence without final period). */
public class TemplateSyntaxException extends IllegalArgumentException {

    private final List<String> problems;

    public TemplateSyntaxException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
