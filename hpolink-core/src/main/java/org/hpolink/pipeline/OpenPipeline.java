package org.hpolink.pipeline;

import java.util.List;

import org.hpolink.model.Provenance;

/**
 * A pipeline, the provenance of its models, and what it holds open (encoders, native models); closing it closes them,
 * last opened first, so a model is closed before the encoders it reads.
 */
public record OpenPipeline(Pipeline pipeline, String description, List<Provenance> provenance, List<AutoCloseable> resources)
        implements AutoCloseable {

    public OpenPipeline {
        provenance = List.copyOf(provenance);
        resources = List.copyOf(resources);
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + resources.get(i) + ": " + e.getMessage(), e);
            }
        }
    }
}
