package dev.copydesk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.registry.RegistryUnreachableException;
import dev.copydesk.registry.SchemaRegistryClients;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void passwordsAndUserInfoAreMasked() {
        assertThat(Redact.secrets("jdbc:postgresql://db:5432/news?user=copydesk&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/news?user=copydesk&password=****&ssl=true");
        assertThat(Redact.secrets("http://alice:s3cr3t@registry:8081,http://bob:pw@other:8081"))
                .isEqualTo("http://****@registry:8081,http://****@other:8081");
        assertThat(
                        Redact.secrets(
                                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"s3cr3t\";"))
                .doesNotContain("s3cr3t")
                .contains("password=\"****\"");
        assertThat(Redact.secrets("jdbc:sqlite:/data/copydesk.db")).isEqualTo("jdbc:sqlite:/data/copydesk.db");
        assertThat(Redact.secrets(null)).isNull();
    }

    @Test
    void aFailingRegistryCallNeverShowsTheCredentialsInItsErrorOrTheLogs() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        StringWriter logs = new StringWriter();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("secrets-test")
                .setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%m %ex%n").build())
                .build();
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        try {
            var client = SchemaRegistryClients.create(Map.of(
                    "schema.registry.url",
                    "http://alice:s3cr3t@127.0.0.1:" + closed,
                    "basic.auth.credentials.source",
                    "URL",
                    "schema.registry.retry.max.attempts",
                    "2",
                    "schema.registry.retry.backoff.ms",
                    "10"));
            assertThatThrownBy(() -> client.getById(1))
                    .isInstanceOf(RegistryUnreachableException.class)
                    .satisfies(e ->
                            assertThat(e.getMessage()).contains("unreachable").doesNotContain("s3cr3t"));
        } finally {
            context.getConfiguration().getRootLogger().removeAppender("secrets-test");
            context.updateLoggers();
            appender.stop();
        }
        assertThat(logs.toString()).doesNotContain("s3cr3t");
    }
}
