package io.imagine4j.benchmarks.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * What a hand-written client must know of one API: how to submit, poll and download, and how to
 * read the answers. Answers are read with regular expressions, not a JSON parser: the least a
 * hand-written client does.
 */
interface RawWire {

    HttpRequest.Builder submit(URI baseUrl, String prompt);

    /** The job's id in a submit answer, if it was accepted. */
    Optional<String> acceptedId(HttpResponse<String> answer);

    /** What a submit answer says of the job's state: its progress and poll hint, as a poll answer would. */
    PollAnswer.Pending initial(HttpResponse<String> answer);

    HttpRequest.Builder poll(URI baseUrl, String id);

    PollAnswer read(HttpResponse<String> answer);

    /** The request that downloads a finished job's result; {@code withKey} when the API wants its key there. */
    HttpRequest.Builder download(URI baseUrl, String id, PollAnswer.Done done);

    /** Whether the download goes to the API (and needs the key) rather than to a public URL. */
    boolean downloadNeedsKey();
}
