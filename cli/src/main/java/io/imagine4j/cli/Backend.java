package io.imagine4j.cli;

import io.imagine4j.core.port.out.VideoProvider;

import java.util.List;

/**
 * The provider a run uses, with what must be shut after it (an embedded simulator).
 *
 * @param provider    the provider
 * @param api         the API it speaks
 * @param description a short phrase for messages ("xAI at https://api.x.ai/v1")
 * @param embedded    whether it is a simulator inside this process, whose jobs end with it
 * @param closers     run after the provider is closed, in order
 */
record Backend(VideoProvider provider, Api api, String description, boolean embedded, List<Runnable> closers)
        implements AutoCloseable {

    @Override
    public void close() {
        provider.close();
        closers.forEach(Runnable::run);
    }
}
