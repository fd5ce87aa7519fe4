package io.imagine4j.store.jdbc.kill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the children wrote down about leases and polls, and the checks on it:
 *
 * <ol>
 * <li>the store never granted one job to two instances for overlapping times (a renewal extends
 *     its owner's lease; a grant after a lapse starts a new one);</li>
 * <li>an instance polls a job only while it holds the job's lease, or within {@code grace} after
 *     that lease lapsed (the time it takes the instance to learn at its next renewal that the job
 *     is gone), and never after it was told the lease was lost.</li>
 * </ol>
 *
 * Together: two live instances never poll one job at once, except in the window where one of them
 * has not yet learnt that its lease lapsed. Those polls are counted, not hidden.
 */
final class LeaseEvidence {

    record Interval(String instance, long from, long until) {
    }

    record Poll(String instance, String jobId, long start, long end) {
    }

    private final Map<String, List<Interval>> held = new HashMap<>();       // by job key, merged per instance
    private final Map<String, Map<String, Long>> lostAt = new HashMap<>();  // key -> instance -> first "lost"
    private final List<Poll> polls = new ArrayList<>();

    static LeaseEvidence read(List<Path> files) throws IOException {
        LeaseEvidence evidence = new LeaseEvidence();
        Map<String, List<String[]>> grants = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(" ");
                if (f.length == 5 && f[0].equals("grant")) {
                    grants.computeIfAbsent(f[2], k -> new ArrayList<>()).add(f);
                } else if (f.length == 5 && f[0].equals("poll")) {
                    evidence.polls.add(new Poll(f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4])));
                } else if (f.length == 4 && f[0].equals("lost")) {
                    evidence.lostAt.computeIfAbsent(f[2], k -> new HashMap<>()).merge(f[1], Long.parseLong(f[3]), Math::min);
                } // else: the line a SIGKILL cut short
            }
        }
        grants.forEach((key, list) -> evidence.held.put(key, merge(list)));
        return evidence;
    }

    /** One interval per stretch of time an instance held the lease: renewals before the lapse extend it. */
    private static List<Interval> merge(List<String[]> grants) {
        grants.sort(Comparator.comparingLong(f -> Long.parseLong(f[3])));
        Map<String, Interval> open = new HashMap<>();
        List<Interval> intervals = new ArrayList<>();
        for (String[] f : grants) {
            String instance = f[1];
            long from = Long.parseLong(f[3]);
            long until = Long.parseLong(f[4]);
            Interval current = open.get(instance);
            if (current != null && from <= current.until()) {
                intervals.remove(current);
                current = new Interval(instance, current.from(), Math.max(current.until(), until));
            } else {
                current = new Interval(instance, from, until);
            }
            intervals.add(current);
            open.put(instance, current);
        }
        return intervals;
    }

    /** Leases of one job granted to two instances for overlapping times. */
    List<String> overlappingGrants() {
        List<String> overlaps = new ArrayList<>();
        held.forEach((key, intervals) -> {
            for (int i = 0; i < intervals.size(); i++) {
                for (int j = i + 1; j < intervals.size(); j++) {
                    Interval a = intervals.get(i);
                    Interval b = intervals.get(j);
                    if (!a.instance().equals(b.instance()) && Math.max(a.from(), b.from()) < Math.min(a.until(), b.until())) {
                        overlaps.add(key + ": " + a + " and " + b);
                    }
                }
            }
        });
        return overlaps;
    }

    /** Polls outside the poller's lease beyond {@code grace}, or after it was told the lease was lost. */
    List<String> pollsWithoutLease(Map<String, String> keysByJobId, long grace) {
        List<String> bad = new ArrayList<>();
        for (Poll poll : polls) {
            String key = keysByJobId.get(poll.jobId());
            List<Interval> mine = held.getOrDefault(key, List.of()).stream()
                    .filter(interval -> interval.instance().equals(poll.instance()) && interval.from() <= poll.start())
                    .collect(Collectors.toList());
            if (mine.isEmpty()) {
                bad.add(poll + " of " + key + ": never granted before");
            } else if (poll.start() >= mine.get(mine.size() - 1).until() + grace) {
                bad.add(poll + " of " + key + ": " + (poll.start() - mine.get(mine.size() - 1).until()) / 1_000_000
                        + " ms after its lease lapsed");
            }
            Long lost = lostAt.getOrDefault(key, Map.of()).get(poll.instance());
            if (lost != null && poll.start() > lost) {
                bad.add(poll + " of " + key + ": after its instance was told the lease was lost");
            }
        }
        return bad;
    }

    /** Polls made while the poller's lease had lapsed (within the grace): allowed, and reported. */
    long pollsAfterALapse(Map<String, String> keysByJobId) {
        return polls.stream().filter(poll -> held.getOrDefault(keysByJobId.get(poll.jobId()), List.of()).stream()
                .noneMatch(interval -> interval.instance().equals(poll.instance()) && interval.from() <= poll.start()
                        && poll.start() < interval.until())).count();
    }

    /** Pairs of polls of one job by two instances whose times overlap. */
    long overlappingPolls() {
        Map<String, List<Poll>> byJob = polls.stream().collect(Collectors.groupingBy(Poll::jobId));
        long overlaps = 0;
        for (List<Poll> list : byJob.values()) {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Poll a = list.get(i);
                    Poll b = list.get(j);
                    if (!a.instance().equals(b.instance()) && Math.max(a.start(), b.start()) < Math.min(a.end(), b.end())) {
                        overlaps++;
                    }
                }
            }
        }
        return overlaps;
    }

    /** The instances that polled the job, in the order of their first poll. */
    List<String> pollers(String jobId) {
        return polls.stream().filter(poll -> poll.jobId().equals(jobId)).sorted(Comparator.comparingLong(Poll::start))
                .map(Poll::instance).distinct().collect(Collectors.toList());
    }

    /** The last time {@code instance} polled anything. */
    long lastPoll(String instance) {
        return polls.stream().filter(poll -> poll.instance().equals(instance)).mapToLong(Poll::end).max().orElse(Long.MIN_VALUE);
    }

    int pollCount() {
        return polls.size();
    }
}
