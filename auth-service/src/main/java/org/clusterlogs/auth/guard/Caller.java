package org.clusterlogs.auth.guard;

import jakarta.enterprise.context.RequestScoped;

/** Who made this request, as the {@link Guard} verified it (unset on open routes). */
@RequestScoped
public class Caller {

    private String uid;
    private long authTime;

    void set(String uid, long authTime) {
        this.uid = uid;
        this.authTime = authTime;
    }

    public String uid() {
        if (uid == null) {
            throw new IllegalStateException("no verified caller on this route");
        }
        return uid;
    }

    /** When the caller's session began (its first login), epoch seconds. */
    public long authTime() {
        return authTime;
    }
}
