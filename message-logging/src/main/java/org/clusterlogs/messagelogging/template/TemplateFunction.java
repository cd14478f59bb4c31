package org.clusterlogs.messagelogging.template;

import java.util.List;

/**
 * A function a template may call, such as {@code {escapeJSON(request.header.User-Agent)}}.
 * Arguments are variable values (null when unresolved) or literals; a null result renders like an
 * unresolved variable. The arity is checked when the template is compiled, so a policy with a
 * wrong call is refused at deployment instead of failing on every call.
 */
interface TemplateFunction {

    int minArgs();

    int maxArgs();

    String apply(List<String> args);
}
