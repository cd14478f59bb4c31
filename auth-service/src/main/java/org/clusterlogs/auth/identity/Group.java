package org.clusterlogs.auth.identity;

/** A group of users and service accounts; its ACEs apply to every member. */
public record Group(String gid, String description) {
}
