package jp.kawaraban.platform;

import java.net.InetAddress;
import java.util.UUID;

/**
 * This application node among those sharing one database: the name it signs its node events with
 * and claims shared work under (the search queue's rows). Host and process say where it runs; a
 * random part makes a restarted process, or two on one host in containers, a different node.
 */
public final class ThisNode {

    private static final String NAME = name(hostName(), ProcessHandle.current().pid(), UUID.randomUUID());

    private ThisNode() {
    }

    public static String name() {
        return NAME;
    }

    private static String name(String host, long pid, UUID random) {
        return host + "/" + pid + "/" + random.toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) { // no name resolution in a container: the rest still tells nodes apart
            return "unknown-host";
        }
    }
}
