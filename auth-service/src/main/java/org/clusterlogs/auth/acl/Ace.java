package org.clusterlogs.auth.acl;

/** One grant: a user or a group may perform {@code action} on {@code rid}. */
public record Ace(String rid, Principal principal, String id, Action action) {

    public enum Principal {
        USER("user"), GROUP("group");

        private final String column;

        Principal(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }

        static Principal ofColumn(String value) {
            return value.equals(GROUP.column) ? GROUP : USER;
        }
    }
}
