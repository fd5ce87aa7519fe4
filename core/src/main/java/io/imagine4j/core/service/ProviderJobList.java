package io.imagine4j.core.service;

import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.port.in.ProviderCallException;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.VideoProvider;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The provider's job list as a lazy stream: a page is fetched only when the reader reaches it, by
 * the cursor the previous page gave. Filters the provider did not apply are applied here, so a
 * provider that ignores a filter still answers what was asked.
 */
final class ProviderJobList extends Spliterators.AbstractSpliterator<JobSummary> {

    private final VideoProvider provider;
    private final JobQuery first;
    private final Deque<JobSummary> buffered = new ArrayDeque<>();
    private JobQuery next;
    private boolean exhausted;

    private ProviderJobList(VideoProvider provider, JobQuery query) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.provider = provider;
        this.first = query;
        this.next = query;
    }

    static Stream<JobSummary> of(VideoProvider provider, JobQuery query) {
        return StreamSupport.stream(new ProviderJobList(provider, query), false);
    }

    @Override
    public boolean tryAdvance(Consumer<? super JobSummary> action) {
        while (buffered.isEmpty() && !exhausted) {
            JobPage page = provider.list(next).getOrElseThrow(ProviderCallException::new);
            page.jobs().stream().filter(this::wanted).forEach(buffered::add);
            page.next().fold(() -> exhausted = true, cursor -> {
                next = next.after(cursor);
                return false;
            });
            if (page.jobs().isEmpty()) {
                exhausted = true; // a page without jobs ends the list, whatever cursor it gave
            }
        }
        if (buffered.isEmpty()) {
            return false;
        }
        action.accept(buffered.removeFirst());
        return true;
    }

    private boolean wanted(JobSummary job) {
        return first.status().forAll(status -> status == job.status())
                && first.model().forAll(model -> job.model().forAll(model::equals));
    }
}
