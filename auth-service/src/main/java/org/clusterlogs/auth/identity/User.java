package org.clusterlogs.auth.identity;

/**
 * A local identity: a person with a password (its bcrypt hash), or a service account with an RSA
 * public key (PEM). Exactly one of the two credentials is set.
 */
public record User(String uid, String description, Kind kind, String passwordHash, String publicKeyPem) {

    public enum Kind {
        USER("user"), SERVICE("service");

        private final String column;

        Kind(String column) {
            this.column = column;
        }

        /** The value stored in {@code iam_users.kind}. */
        public String column() {
            return column;
        }

        /** The kind a {@code ?type=} query parameter asks for: {@code service}, else users. */
        public static Kind ofQuery(String type) {
            return SERVICE.column.equals(type) ? SERVICE : USER;
        }

        static Kind ofColumn(String value) {
            return value.equals(SERVICE.column) ? SERVICE : USER;
        }
    }

    public boolean isService() {
        return kind == Kind.SERVICE;
    }
}
