package com.needleclinic.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.time.Duration;

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
        assertThat(targets(false).check("https://[2606:4700::1111]/").address()).isNotNull();
    }

    @Test
    void insecure_targets_are_allowed_only_when_configured() throws Exception {
        assertThat(targets(true).check("http://127.0.0.1:8080/hook").port()).isEqualTo(8080);
        assertThatThrownBy(() -> targets(true).check("ftp://127.0.0.1/")).isInstanceOf(WebhookTargets.RefusedTarget.class);
    }
}
