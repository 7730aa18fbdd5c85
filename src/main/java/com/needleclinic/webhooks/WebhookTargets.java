package com.needleclinic.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may go (docs/events.md, SSRF). A subscriber names a URL, and the service then
 * POSTs to it from inside the clinic's network: without these checks a subscription could reach
 * the database host, a cloud metadata endpoint or an admin panel on a private address. Only
 * {@code https} targets whose every address is public are accepted, checked when a subscription is
 * saved and again at each delivery after resolving the name - and the delivery connects to the
 * address checked, so a name re-pointed in between (DNS rebinding) gains nothing.
 * {@code CLINIC_WEBHOOKS_ALLOW_INSECURE_TARGETS=true} lifts the checks, for development and tests.
 */
@ApplicationScoped
class WebhookTargets {

    private final boolean allowInsecure;

    WebhookTargets(WebhookConfig config) {
        this.allowInsecure = config.allowInsecureTargets();
    }

    /** A target the service may POST to: the URL as given, and the address to connect to. */
    record Target(URI uri, InetAddress address) {
        boolean https() {
            return "https".equals(uri.getScheme());
        }

        int port() {
            return uri.getPort() != -1 ? uri.getPort() : https() ? 443 : 80;
        }

        String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** Refused: the reason is safe to show to the admin and to log (no address, no host). */
    static final class RefusedTarget extends Exception {
        RefusedTarget(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Parses and checks a URL, resolving its host now; every address must be allowed. */
    Target check(String url) throws RefusedTarget {
        URI uri = parse(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedTarget("its host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowInsecure && !isPublic(address)) {
                throw new RefusedTarget("its host resolves to a loopback, private or reserved address");
            }
        }
        return new Target(uri, addresses[0]);
    }

    private URI parse(String url) throws RefusedTarget {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedTarget("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
            throw new RefusedTarget("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTarget("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedTarget("must not have a fragment");
        }
        return uri;
    }

    /**
     * Public unicast only: not the unspecified, loopback, link-local (cloud metadata), private,
     * shared (carrier NAT), benchmarking, documentation, multicast or reserved ranges, for IPv4 and
     * IPv6, including IPv4 addresses carried inside IPv6 (mapped, NAT64).
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (isPrefix(b, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff})
                    || isPrefix(b, new int[] {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // mapped, NAT64
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && a1 >= 64 && a1 <= 127)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113));
    }

    private static boolean isPrefix(byte[] b, int[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
