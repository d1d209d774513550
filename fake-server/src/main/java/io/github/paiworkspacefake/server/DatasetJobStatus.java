package io.github.paiworkspacefake.server;

import java.util.Arrays;
import java.util.Optional;

/**
 * The statuses of a dataset job (GetDatasetJob's {@code Status}). The reference shows only {@code Running}; the others
 * are the lifecycle names PAI's job services use. The fake runs no job: a new job is {@link #RUNNING} until
 * StopDatasetJob makes it {@link #STOPPED} or test code sets another status ({@code fake.datasets().setJobStatus},
 * {@code POST /__admin/datasets/{DatasetId}/datasetjobs/{DatasetJobId}/status}, or a seed's {@code Status}).
 */
public enum DatasetJobStatus {
    /** Being set up. */
    CREATING("Creating"),
    /** Working; every new job of the fake. */
    RUNNING("Running"),
    /** Finished with every file handled. */
    SUCCEEDED("Succeeded"),
    /** Finished with an error. */
    FAILED("Failed"),
    /** Being stopped. */
    STOPPING("Stopping"),
    /** Stopped before it finished; what StopDatasetJob makes of a job that has not finished. */
    STOPPED("Stopped");

    private final String value;

    DatasetJobStatus(String value) {
        this.value = value;
    }

    /** The status as the API spells it, such as {@code Running}. */
    public String value() {
        return value;
    }

    /** Whether a job in this status has finished: it has a {@code FinishTime}, and StopDatasetJob cannot stop it. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == STOPPED;
    }

    /** The status the API spells {@code value} (case-sensitive), if there is one. */
    public static Optional<DatasetJobStatus> of(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value.equals(value))
                .findFirst();
    }
}
