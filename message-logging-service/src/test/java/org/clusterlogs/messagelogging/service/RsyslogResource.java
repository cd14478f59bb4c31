package org.clusterlogs.messagelogging.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.clusterlogs.testing.policy.FakePolicyService;
import org.clusterlogs.testing.syslog.RsyslogServer;

import java.time.Duration;
import java.util.Map;

/** A real rsyslogd and a (fake) policy-service with a Syslog-over-TCP policy deployed to every service. */
public class RsyslogResource implements QuarkusTestResourceLifecycleManager {

    static volatile RsyslogServer syslog;
    private FakePolicyService policyService;

    @Override
    public Map<String, String> start() {
        syslog = RsyslogServer.start();
        policyService = new FakePolicyService(Duration.ofSeconds(1)).start();
        policyService.deploy("ToSyslog", 1, null, "<MessageLogging name=\"ToSyslog\"><Syslog>"
                + "<Message>{apiproxy.name} {request.verb} {request.uri} {response.status.code} {user.uid:anonymous}</Message>"
                + "<Host>127.0.0.1</Host><Port>" + syslog.port(RsyslogServer.Transport.TCP) + "</Port><Protocol>TCP</Protocol>"
                + "</Syslog></MessageLogging>");
        return Map.of("messagelogging.policy-service.url", policyService.url(),
                "messagelogging.state-file", syslog.directory().resolve("state.json").toString());
    }

    @Override
    public void stop() {
        policyService.close();
        syslog.close();
    }
}
