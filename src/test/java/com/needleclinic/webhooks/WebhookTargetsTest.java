package com.needleclinic.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SSRF (docs/events.md): only https targets whose every address is public, unless insecure targets are allowed. */
class WebhookTargetsTest {

    private static WebhookTargets targets(boolean allowInsecure) {
        return new WebhookTargets(new WebhookConfig() {
            @Override
            public boolean allowInsecureTargets() {
                return allowInsecure;
            }

            @Override
            public int workers() {
                return 1;
            }

            @Override
            public Duration retryBase() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration retryMax() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration giveUpAfter() {
                return Duration.ofHours(24);
            }

            @Override
            public java.util.Optional<String> secretKey() {
                return java.util.Optional.empty();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://127.8.9.10/", "https://localhost/hook", "https://[::1]/",
            "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.20/", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/", "https://0.0.0.0/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/",
            "https://[fd00::1]/", "https://[fe80::1]/", "https://[64:ff9b::a00:1]/", "https://224.0.0.1/",
            "https://198.18.0.1/", "https://[2001:db8::1]/"})
    void refuses_loopback_private_link_local_and_reserved_addresses(String url) {
        assertThatThrownBy(() -> targets(false).check(url)).isInstanceOf(WebhookTargets.RefusedTarget.class)
                .hasMessageContaining("loopback, private or reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "ftp://93.184.215.14/", "https:///nohost", "https://user:pw@93.184.215.14/",
            "not a url", "https://93.184.215.14/#fragment"})
    void refuses_what_is_not_a_plain_https_url(String url) {
        assertThatThrownBy(() -> targets(false).check(url)).isInstanceOf(WebhookTargets.RefusedTarget.class);
    }

    @Test
    void accepts_public_https_targets_and_connects_to_the_address_it_checked() throws Exception {
        WebhookTargets.Target target = targets(false).check("https://93.184.215.14:8443/hooks/clinic?key=1");
        assertThat(target.address()).isEqualTo(InetAddress.getByName("93.184.215.14"));
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.pathAndQuery()).isEqualTo("/hooks/clinic?key=1");
        assertThat(target.https()).isTrue();
        assertThat(WebhookTargets.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
        assertThat(WebhookTargets.isPublic(InetAddress.getByName("::ffff:93.184.215.14"))).isTrue();
    }

    /** Every entry of both IANA special-purpose registries: its first and its last address. */
    static Stream<Arguments> specialRanges() {
        return Stream.concat(SpecialRanges.IPV4.stream(), SpecialRanges.IPV6.stream()).flatMap(range -> {
            byte[] first = range.prefix().clone();
            byte[] last = range.prefix().clone();
            for (int bit = range.bits(); bit < last.length * 8; bit++) {
                last[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
            return Stream.of(Arguments.of(range.name(), first), Arguments.of(range.name(), last));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specialRanges")
    void refuses_every_special_purpose_range(String name, byte[] address) throws Exception {
        assertThat(WebhookTargets.isPublic(InetAddress.getByAddress(address))).as(name).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[::127.0.0.1]/", "https://[::ffff:0:7f00:1]/", "https://[64:ff9b:1::a00:1]/",
            "https://[2002:7f00:1::]/", "https://[2001::1]/", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "https://[100::1]/", "https://192.88.99.1/", "https://192.31.196.1/", "https://[3fff::1]/",
            "https://[5f00::1]/", "https://[fec0::1]/", "https://255.255.255.255/", "https://240.0.0.1/"})
    void refuses_what_fuzzing_found_accepted(String url) {
        assertThatThrownBy(() -> targets(false).check(url)).isInstanceOf(WebhookTargets.RefusedTarget.class)
                .hasMessageContaining("loopback, private or reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://0177.0.0.1/", "https://0x7f.0.0.1/", "https://2130706433/", "https://127.1/",
            "https://017700000001/", "https://93.184.215.014/"})
    void refuses_ipv4_written_any_other_way_than_four_decimal_numbers(String url) {
        assertThatThrownBy(() -> targets(false).check(url)).isInstanceOf(WebhookTargets.RefusedTarget.class)
                .hasMessageContaining("four decimal numbers");
    }

    @Test
    void refuses_a_public_ipv6_literal_it_could_not_deliver_to() {
        assertThatThrownBy(() -> targets(false).check("https://[2606:4700::1111]/"))
                .isInstanceOf(WebhookTargets.RefusedTarget.class).hasMessageContaining("by name");
        assertThat(SpecialRanges.isUnusualIpv4Literal("hooks.example")).isFalse();
        assertThat(SpecialRanges.isUnusualIpv4Literal("1e100.net")).isFalse();
        assertThat(SpecialRanges.isUnusualIpv4Literal("93.184.215.14")).isFalse();
    }

    @Test
    void insecure_targets_are_allowed_only_when_configured() throws Exception {
        assertThat(targets(true).check("http://127.0.0.1:8080/hook").port()).isEqualTo(8080);
        assertThatThrownBy(() -> targets(true).check("ftp://127.0.0.1/")).isInstanceOf(WebhookTargets.RefusedTarget.class);
    }
}
