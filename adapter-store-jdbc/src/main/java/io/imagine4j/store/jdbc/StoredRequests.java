package io.imagine4j.store.jdbc;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code request} column of each job. A job is saved after every transition with the same
 * request object, so its JSON is remembered per job while the job is unfinished: an input is
 * hashed once per job, not once per poll that changed its status. A request that reads back as
 * not sendable again (see {@link RequestCodec}) is left out of the record: a job that had not been
 * accepted then ends as "submission outcome unknown" when resumed, instead of sending something else.
 */
final class StoredRequests {

    private static final System.Logger LOG = System.getLogger(StoredRequests.class.getName());
    private static final int REMEMBERED = 10_000;

    private record Written(VideoRequest request, String json) {
    }

    private final RequestCodec codec;
    private final Map<SubmissionKey, Written> written = new ConcurrentHashMap<>();

    StoredRequests(RequestCodec codec) {
        this.codec = codec;
    }

    /**
     * The JSON of the record's request; {@code null} when it has none.
     *
     * @throws IllegalArgumentException when the request cannot be stored
     */
    String write(JobRecord record) {
        if (record.request().isEmpty()) {
            return null;
        }
        VideoRequest request = record.request().get();
        Written known = written.get(record.key());
        String json = known != null && known.request() == request ? known.json() : codec.encode(request);
        if (record.isFinished()) {
            written.remove(record.key());
        } else {
            if (written.size() >= REMEMBERED) {
                written.clear(); // jobs handed over to other instances never finish here
            }
            written.put(record.key(), new Written(request, json));
        }
        return json;
    }

    /** The request {@code json} holds, if it can be sent again as it was. */
    Option<VideoRequest> read(SubmissionKey key, String json) {
        try {
            return codec.decode(json).fold(notAgain -> {
                LOG.log(System.Logger.Level.DEBUG, () -> "job " + key + " is read without its request: " + notAgain);
                return Option.none();
            }, Option::some);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the stored request of job " + key + " is unreadable and left out: "
                    + e.getMessage());
            return Option.none();
        }
    }
}
