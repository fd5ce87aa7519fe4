package io.imagine4j.reliability.secrets;

import io.vavr.control.Either;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the suite's runs touched (providers, services, jobs, events, outcomes, exceptions, stores),
 * and every library object reachable from them: the instances whose {@code toString()} the secret
 * scan reads. Reachability follows fields reflectively through the library's objects and the
 * libraries it builds on (Feign's clients and proxies, Vavr's values), and JDK collections through
 * their API; it stops at JSON mappers, JDBC drivers and pools, and meter registries, which hold no
 * library object worth printing.
 *
 * <pre>{@code
 * Instances seen = new Instances();
 * seen.add(provider);
 * seen.reachable().forEach(object -> Canary.assertAbsent("toString", object.toString()));
 * }</pre>
 */
public final class Instances {

    /** The library's packages; the testkit and this suite are not the library. */
    public static final String LIBRARY = "io.imagine4j.";
    private static final List<String> NOT_LIBRARY = List.of("io.imagine4j.testkit.", "io.imagine4j.reliability.");
    /** Packages whose objects are walked through, though they are not the library's. */
    private static final List<String> WALKED = List.of("feign.", "io.vavr.");
    private static final int LIMIT = 500_000;

    private final Set<Object> roots = Collections.newSetFromMap(new IdentityHashMap<>());

    public synchronized void add(Object root) {
        if (root != null) {
            roots.add(root);
        }
    }

    /** Whether {@code type} is one of the library's own. */
    public static boolean isLibrary(Class<?> type) {
        String name = type.getName();
        return name.startsWith(LIBRARY) && NOT_LIBRARY.stream().noneMatch(name::startsWith);
    }

    /** Every library object reachable from the roots, each once. */
    public List<Object> reachable() {
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> queue;
        synchronized (this) {
            queue = new ArrayDeque<>(roots);
        }
        List<Object> library = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < LIMIT) {
            Object next = queue.poll();
            if (next == null || !visited.add(next)) {
                continue;
            }
            Class<?> type = next.getClass();
            if (isLibrary(type)) {
                library.add(next);
            }
            children(next).stream().filter(Objects::nonNull).forEach(queue::add);
        }
        return library;
    }

    private static List<Object> children(Object object) {
        List<Object> children = new ArrayList<>();
        try {
            if (object instanceof Either<?, ?> either) {
                children.add(either.isLeft() ? either.getLeft() : either.get());
            } else if (object instanceof Map<?, ?> map) {
                new ArrayList<>(map.entrySet()).forEach(entry -> {
                    children.add(entry.getKey());
                    children.add(entry.getValue());
                });
            } else if (object instanceof Collection<?> collection && !isWalked(object.getClass())) {
                children.addAll(new ArrayList<>(collection));
            } else if (object instanceof Optional<?> optional) {
                optional.ifPresent(children::add);
            } else if (object instanceof AtomicReference<?> reference) {
                children.add(reference.get());
            } else if (object instanceof CompletableFuture<?> future) {
                if (future.isDone() && !future.isCompletedExceptionally()) {
                    children.add(future.getNow(null));
                }
            } else if (object instanceof Throwable error) {
                children.add(error.getCause());
                children.addAll(List.of(error.getSuppressed()));
                fields(object, children);
            } else if (object.getClass().isArray() && !object.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(object); i++) {
                    children.add(Array.get(object, i));
                }
            } else if (Proxy.isProxyClass(object.getClass())) {
                children.add(Proxy.getInvocationHandler(object));
            } else if (isLibrary(object.getClass()) || isWalked(object.getClass())) {
                fields(object, children);
            }
        } catch (RuntimeException unreadable) {
            // A collection that cannot be copied right now (being closed): what was read is enough.
        }
        return children;
    }

    private static boolean isWalked(Class<?> type) {
        String name = type.getName();
        return isLibrary(type) || WALKED.stream().anyMatch(name::startsWith);
    }

    private static void fields(Object object, List<Object> into) {
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : FIELDS.computeIfAbsent(type, Instances::readable)) {
                try {
                    into.add(field.get(object));
                } catch (IllegalAccessException | RuntimeException unreadable) {
                    // a field the JVM will not open: skipped
                }
            }
        }
    }

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private static List<Field> readable(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (!isWalked(type) && !type.getName().startsWith("java.")) {
            return fields;
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                continue;
            }
            if (field.trySetAccessible()) {
                fields.add(field);
            }
        }
        return fields;
    }
}
