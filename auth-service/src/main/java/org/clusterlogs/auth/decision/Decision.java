package org.clusterlogs.auth.decision;

/** A yes or no, and why: the reason goes to the audit line. */
public record Decision(boolean allowed, String reason) {
}
