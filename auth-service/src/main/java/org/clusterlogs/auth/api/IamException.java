package org.clusterlogs.auth.api;

import java.util.Map;
import org.clusterlogs.common.problem.ProblemException;

/**
 * An error of the DC/OS IAM API: its {@code ERR_*} code, and its text both as the problem's
 * {@code detail} and as the {@code description} member IAM clients read (the reference's error
 * body is {@code {title, description, code}}).
 */
public class IamException extends ProblemException {

    /**
     * @param status      the status the reference answers with (mostly 400; 401, 409)
     * @param code        the reference's name of the error, such as {@code ERR_INVALID_DATA}
     * @param description what was wrong, for the client
     */
    public IamException(int status, String code, String description) {
        super(status, code, description, Map.of("description", description));
    }
}
