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
        if (uri.getHost().startsWith("[")) {
            // TLS names a host (SNI) and certificates rarely name an IPv6 address: such a target
            // could be saved but never delivered to.
            throw new RefusedTarget("must name its host by name, not by an IPv6 address");
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
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String named = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        if (SpecialRanges.isUnusualIpv4Literal(named)) {
            // 0177.0.0.1 is 177.0.0.1 to Java and 127.0.0.1 to curl and browsers: no such guessing.
            throw new RefusedTarget("must write an IPv4 address as four decimal numbers without leading zeros");
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
     * Every entry of IANA's IPv4 and IPv6 Special-Purpose Address Registries (as of 2024), globally
     * reachable or not, plus multicast and IPv6 site-local: a webhook goes to an ordinary unicast
     * address or nowhere. {@link SpecialRanges} holds the table; its test walks every entry.
     */
    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = SpecialRanges.embeddedIpv4(b);
            if (embedded != null) {
                return SpecialRanges.isOrdinaryV4(embedded); // judged by the IPv4 address it carries
            }
            return SpecialRanges.isOrdinaryV6(b);
        }
        return address instanceof Inet4Address && SpecialRanges.isOrdinaryV4(b);
    }
}
