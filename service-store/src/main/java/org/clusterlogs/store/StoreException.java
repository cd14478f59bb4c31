package org.clusterlogs.store;

import java.sql.SQLException;

/** The database failed: an unexpected error for the request (500), logged with its cause. */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super("store failure: " + cause.getMessage(), cause);
    }
}
