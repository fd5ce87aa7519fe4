package io.imagine4j.cli;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.JobStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes up jobs recorded in the store, whichever process recorded them. The service claims at once
 * those no live process holds ({@code find}, one job at a time); those an interrupted run still holds it claims as
 * their leases lapse (its takeover, see {@link Session#takingOver}); a job that another live
 * process follows to its end is seen ended in the store.
 */
final class StoredJobFollow {

    private static final Duration LOOK_AGAIN = Duration.ofMillis(250);

    /** Where a stored job stands once taken up. */
    sealed interface Taken {
        /** This process follows it now. */
        record Followed(VideoJob job) implements Taken {
        }

        /** Another process followed it to its end. */
        record EndedElsewhere(JobRecord record) implements Taken {
        }

        /** Still held by another process when the wait ran out. */
        record StillHeld(JobRecord record) implements Taken {
        }
    }

    private StoredJobFollow() {
    }

    /**
     * Takes up {@code records} (unfinished jobs of the session's provider) until {@code deadline},
     * saying in one line when it waits for leases to lapse.
     */
    static Map<SubmissionKey, Taken> takeUp(Session session, JobStore store, List<JobRecord> records, Instant deadline,
            Messages messages) throws InterruptedException {
        Map<SubmissionKey, Taken> taken = new LinkedHashMap<>();
        List<JobRecord> waiting = new ArrayList<>(records);
        records.forEach(record -> session.jobs().find(record.key())); // claims each one no live process holds
        boolean told = false;
        while (true) {
            for (JobRecord record : List.copyOf(waiting)) {
                if (session.claims().has(record.key())) {
                    taken.put(record.key(), new Taken.Followed(session.jobs().find(record.key()).get()));
                    waiting.remove(record);
                } else {
                    JobRecord now = store.find(record.key()).getOrElse(record);
                    if (now.isFinished()) {
                        taken.put(record.key(), new Taken.EndedElsewhere(now));
                        waiting.remove(record);
                    }
                }
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (waiting.isEmpty() || left.isNegative() || left.isZero()) {
                break;
            }
            if (!told) {
                messages.info("Waiting for " + count(waiting.size()) + " held by an interrupted run (or another imagine4j"
                        + " process): its leases lapse within " + DurationArgument.format(session.leaseDuration())
                        + " of its end, then they are taken up here.");
                told = true;
            }
            session.claims().awaitClaim(left.compareTo(LOOK_AGAIN) < 0 ? left : LOOK_AGAIN);
        }
        waiting.forEach(record -> taken.put(record.key(), new Taken.StillHeld(record)));
        return taken;
    }

    private static String count(int jobs) {
        return jobs == 1 ? "1 job" : jobs + " jobs";
    }
}
