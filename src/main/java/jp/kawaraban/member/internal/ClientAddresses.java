package jp.kawaraban.member.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client address as the throttles count it. It is the request's remote address, which
 * Tomcat takes from {@code X-Forwarded-For} only when the request came from a proxy named in
 * {@code server.tomcat.remoteip.internal-proxies} (decision 0021): a client cannot choose the
 * address it is counted under. An IPv6 client counts by its /64 network, since one
 * subscriber usually has a whole /64 to pick addresses from.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String counted(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress == null ? "" : remoteAddress;
        }
        try {
            // An IPv6 literal: parsed without any name look-up.
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return remoteAddress;
        }
    }
}
