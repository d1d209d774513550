package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.OfficialImage;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

/** The example official images, opted into by the annotation's seed: there in every test. */
// docs:begin junit-example-images
@WithFakePaiWorkspace(seed = OfficialImage.EXAMPLES) // the nine example official images, in every test
// docs:end junit-example-images
class ExampleOfficialImagesSeedTest {

    @Test
    void thePaiPythonSdksLookupFindsAGpuTrainingImage(PaiWorkspaceFake fake) {
        ApiClient.Reply images = new ApiClient(fake.baseUrl())
                .get("/api/v1/images?Labels=system.official%3Dtrue,system.supported.dlc%3Dtrue,system.chipType%3DGPU"
                        + "&Name=pytorch&Verbose=true");

        assertThat(images.body().get("TotalCount").asLong()).isEqualTo(3);
        assertThat(fake.images().official()).hasSize(9);
    }
}
