package io.github.paiworkspacefake.server.internal.domain.datasets;

import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;

/** The resource engine's types of the dataset families, as the catalogue's overlay declares them. */
final class DatasetTypes {

    static final ResourceSpec DATASET = type("Dataset");
    static final ResourceSpec VERSION = type("DatasetVersion");
    static final ResourceSpec FILE_META = type("DatasetFileMeta");
    static final ResourceSpec JOB = type("DatasetJob");
    static final ResourceSpec JOB_CONFIG = type("DatasetJobConfig");

    private DatasetTypes() {}

    private static ResourceSpec type(String name) {
        return Catalogue.get()
                .resource(name)
                .orElseThrow(() -> new IllegalStateException("the catalogue declares no resource type " + name));
    }
}
