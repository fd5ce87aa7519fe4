package io.imagine4j.cli;

import io.imagine4j.core.port.out.VideoProvider;

import java.util.List;

/**
 * The provider a run uses, with what must be shut after it (an embedded simulator).
 *
 * @param provider    the provider
 * @param description a short phrase for messages ("xAI at https://api.x.ai/v1")
 * @param closers     run after the provider is closed, in order
 */
record Backend(VideoProvider provider, String description, List<Runnable> closers) implements AutoCloseable {

    @Override
    public void close() {
        provider.close();
        closers.forEach(Runnable::run);
    }
}
