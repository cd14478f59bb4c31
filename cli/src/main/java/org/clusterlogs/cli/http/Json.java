package org.clusterlogs.cli.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the command, made on first use: picocli builds every command's
 * model at start-up, and a mapper in a command's static field would load Jackson (a few hundred
 * classes) for commands that never read JSON, such as a range of a log.
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
