package org.clusterlogs.policy.api;

/**
 * One thing wrong with a MessageLogging policy, as the deployer sees it.
 *
 * @param code    the stable name of the check that failed, such as {@code InvalidPort}
 * @param message what is wrong, such as {@code Invalid Port: 0 for Syslog handler in policy LogToSyslog.}
 * @param policy  the name of the policy it was found in
 */
public record ValidationError(String code, String message, String policy) {
}
