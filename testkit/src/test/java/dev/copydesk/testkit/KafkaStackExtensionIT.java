package dev.copydesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaStackExtension.class)
class KafkaStackExtensionIT {

    @Test
    void givesAWorkingBrokerAndRegistryAndSaysWhichKind(TestStack stack) throws Exception {
        String mode = System.getProperty(KafkaStackExtension.MODE_PROPERTY, "auto");
        if (mode.equals("embedded")) {
            assertThat(stack.kind()).startsWith("embedded KRaft");
        }
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("testkit-probe", 1, (short) 1)))
                    .all()
                    .get();
            assertThat(admin.listTopics().names().get()).contains("testkit-probe", "_schemas");
        }
        HttpResponse<String> types = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/schemas/types"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(types.body()).isEqualTo("[\"AVRO\"]");
    }
}
