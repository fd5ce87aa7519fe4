package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.support.Await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An open Oxen event stream read the plainest way: a line reader on the response body, on its own
 * thread, keeping every line; then split into events by blank lines, as an SSE client does.
 */
final class EventLines implements AutoCloseable {

    /** One event: its {@code event:} name and {@code data:} text. */
    record Event(String name, String data) {
        JsonObject json() {
            return (JsonObject) JsonReader.parse(data);
        }
    }

    final HttpResponse<InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> reading;

    EventLines(HttpResponse<InputStream> response) {
        this.response = response;
        this.reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException cut) {
                throw new IllegalStateException("the event stream broke off", cut);
            }
        });
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    long keepAlives() {
        return lines.stream().filter(": keep-alive"::equals).count();
    }

    /** The complete events so far (those followed by their blank line), in order. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = null;
        for (String line : lines()) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name, data.toString()));
                }
                name = "message";
                data = null;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return events;
    }

    List<Event> events(String name) {
        return events().stream().filter(event -> event.name().equals(name)).toList();
    }

    List<Event> completions() {
        return events("media_generation_completed");
    }

    /** Waits for the {@code count}-th event of that name and returns it. */
    Event await(String name, int count) {
        Await.until(count + " " + name + " event(s), got " + lines(), () -> events(name).size() >= count);
        return events(name).get(count - 1);
    }

    Event awaitCompletion(Predicate<Event> which) {
        Await.until("a completion event, got " + lines(), () -> completions().stream().anyMatch(which));
        return completions().stream().filter(which).findFirst().get();
    }

    void awaitKeepAlives(long count) {
        Await.until(count + " keep-alive(s), got " + lines(), () -> keepAlives() >= count);
    }

    /** Completes (exceptionally, for a cut connection) when the stream ends. */
    CompletableFuture<Void> ended() {
        return reading;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
