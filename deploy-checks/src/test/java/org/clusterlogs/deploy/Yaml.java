package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads (multi-document) YAML into Jackson trees; empty documents are dropped. */
final class Yaml {

    private static final ObjectReader READER = new YAMLMapper().readerFor(JsonNode.class);

    private Yaml() {
    }

    static List<JsonNode> read(Path file) {
        try (MappingIterator<JsonNode> docs = READER.readValues(file.toFile())) {
            return nonEmpty(docs.readAll());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static List<JsonNode> read(String text) {
        try (MappingIterator<JsonNode> docs = READER.readValues(text)) {
            return nonEmpty(docs.readAll());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse YAML", e);
        }
    }

    private static List<JsonNode> nonEmpty(List<JsonNode> docs) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode doc : docs) {
            if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                out.add(doc);
            }
        }
        return out;
    }
}
