package org.clusterlogs.messagelogging.policy;

/**
 * One thing wrong with a policy, as the deployer sees it: the same three members as the entries
 * of the {@code errors} list policy-service answers.
 *
 * @param code    the stable name of the failed check, such as {@code InvalidPort}
 * @param message one sentence saying what is wrong and where, such as
 *                {@code Invalid Port: 0 for Syslog handler in policy LogToSyslog.}
 * @param policy  the name of the policy
 */
public record PolicyError(String code, String message, String policy) {
}
