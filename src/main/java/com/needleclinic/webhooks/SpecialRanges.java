package com.needleclinic.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address ranges a webhook never goes to (docs/security.md, "SSRF"): every entry of IANA's
 * IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates, as of 2024), whether
 * IANA marks it globally reachable or not, and multicast and IPv6 site-local besides. IPv6 forms
 * that carry an IPv4 address a NAT or a host would reach (IPv4-mapped, IPv4-translated,
 * IPv4-compatible, the well-known NAT64 prefix) are judged by that IPv4 address.
 */
final class SpecialRanges {

    /** A range: {@code prefix/bits}, and what the registry calls it. */
    record Range(byte[] prefix, int bits, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final List<Range> IPV4 = List.of(
            v4("0.0.0.0/8", "this network"), v4("10.0.0.0/8", "private-use"),
            v4("100.64.0.0/10", "shared address space"), v4("127.0.0.0/8", "loopback"),
            v4("169.254.0.0/16", "link local"), v4("172.16.0.0/12", "private-use"),
            v4("192.0.0.0/24", "IETF protocol assignments"), v4("192.0.2.0/24", "documentation (TEST-NET-1)"),
            v4("192.31.196.0/24", "AS112-v4"), v4("192.52.193.0/24", "AMT"),
            v4("192.88.99.0/24", "deprecated 6to4 relay anycast"), v4("192.168.0.0/16", "private-use"),
            v4("192.175.48.0/24", "direct delegation AS112 service"), v4("198.18.0.0/15", "benchmarking"),
            v4("198.51.100.0/24", "documentation (TEST-NET-2)"), v4("203.0.113.0/24", "documentation (TEST-NET-3)"),
            v4("224.0.0.0/4", "multicast"), v4("240.0.0.0/4", "reserved"),
            v4("255.255.255.255/32", "limited broadcast"));

    static final List<Range> IPV6 = List.of(
            v6("::1/128", "loopback"), v6("::/128", "unspecified"),
            v6("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"), v6("100::/64", "discard-only"),
            v6("100:0:0:1::/64", "dummy IPv6 prefix"), v6("2001::/23", "IETF protocol assignments"),
            v6("2001::/32", "TEREDO"), v6("2001:2::/48", "benchmarking"), v6("2001:db8::/32", "documentation"),
            v6("2002::/16", "6to4"), v6("2620:4f:8000::/48", "direct delegation AS112 service"),
            v6("3fff::/20", "documentation"), v6("5f00::/16", "segment routing (SRv6) SIDs"),
            v6("fc00::/7", "unique-local"), v6("fe80::/10", "link-local unicast"),
            v6("fec0::/10", "site-local (deprecated)"), v6("ff00::/8", "multicast"));

    /** IPv6 prefixes whose last 32 bits are an IPv4 address that is what gets reached. */
    private static final List<Range> CARRY_IPV4 = List.of(
            v6("::ffff:0:0/96", "IPv4-mapped"), v6("::ffff:0:0:0/96", "IPv4-translated"),
            v6("::/96", "IPv4-compatible (deprecated)"), v6("64:ff9b::/96", "IPv4/IPv6 translation"));

    private static final Pattern INET_ATON_PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");
    private static final Pattern CANONICAL_PART = Pattern.compile("0|[1-9][0-9]{0,2}");

    private SpecialRanges() {
    }

    static boolean isOrdinaryV4(byte[] address) {
        return IPV4.stream().noneMatch(r -> r.contains(address));
    }

    static boolean isOrdinaryV6(byte[] address) {
        return IPV6.stream().noneMatch(r -> r.contains(address));
    }

    /** The IPv4 address an IPv6 address carries to where it would be reached, or null. */
    static byte[] embeddedIpv4(byte[] v6) {
        if (v6.length == 16 && CARRY_IPV4.stream().anyMatch(r -> r.contains(v6))
                && !Arrays.equals(v6, new byte[16]) && !IPV6.get(0).contains(v6)) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        return null;
    }

    /**
     * A host that C's inet_aton (curl, browsers) reads as an IPv4 address but that is not four
     * plain decimal numbers: {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 2130706433}, {@code 127.1}.
     * Java reads some of these differently, so the address checked would not be the one reached.
     */
    static boolean isUnusualIpv4Literal(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4 || Arrays.stream(parts).anyMatch(p -> !INET_ATON_PART.matcher(p).matches())) {
            return false;
        }
        boolean canonical = parts.length == 4 && Arrays.stream(parts)
                .allMatch(p -> CANONICAL_PART.matcher(p).matches() && Integer.parseInt(p) <= 255);
        return !canonical;
    }

    private static Range v4(String cidr, String name) {
        String[] at = cidr.split("/");
        String[] octets = at[0].split("\\.");
        byte[] prefix = new byte[4];
        for (int i = 0; i < 4; i++) {
            prefix[i] = (byte) Integer.parseInt(octets[i]);
        }
        return new Range(prefix, Integer.parseInt(at[1]), name);
    }

    private static Range v6(String cidr, String name) {
        String[] at = cidr.split("/");
        try {
            byte[] prefix = java.net.InetAddress.getByName(at[0]).getAddress();
            if (prefix.length == 4) { // ::ffff:0:0 parses as IPv4; keep the IPv6 form
                prefix = ipv4MappedPrefix();
            }
            return new Range(prefix, Integer.parseInt(at[1]), name);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static byte[] ipv4MappedPrefix() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        return mapped;
    }
}
