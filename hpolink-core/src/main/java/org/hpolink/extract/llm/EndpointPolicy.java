package org.hpolink.extract.llm;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps clinical text inside the hospital: an LLM endpoint is used only when its host is this machine or on a
 * private network (loopback, site-local, link-local, IPv6 unique-local), unless remote endpoints are allowed.
 */
public final class EndpointPolicy {

    private EndpointPolicy() {
    }

    /**
     * @throws IllegalArgumentException naming the endpoint when it is remote and not allowed, or its host is unknown
     */
    public static void requireAllowed(URI endpoint, boolean allowRemote) {
        if (allowRemote) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(endpoint.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the LLM endpoint " + endpoint + " names a host that cannot be resolved: " + endpoint.getHost());
        }
        for (InetAddress address : addresses) {
            if (!isPrivate(address)) {
                throw new IllegalArgumentException("the LLM endpoint " + endpoint + " is outside this machine and its private network ("
                        + address.getHostAddress() + "): the text of every observation would be sent there. Pass --llm-allow-remote "
                        + "to allow it");
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        // IPv6 unique-local addresses, fc00::/7, are the IPv6 private networks.
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
    }
}
