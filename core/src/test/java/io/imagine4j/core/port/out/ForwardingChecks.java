package io.imagine4j.core.port.out;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a forwarding base must do for every method of its port, found by reflection so that a method
 * added to the port without being forwarded fails (it would otherwise fall back silently to the
 * port's default, or not compile, in every decorator).
 */
final class ForwardingChecks {

    private ForwardingChecks() {
    }

    /**
     * Calls every method of {@code port} on {@code wrap(delegate)}: the delegate gets the same call with
     * the same arguments, and its answer (one per return type, from {@code answers}) comes back as it is.
     */
    static <T> void forwardsEveryCall(Class<T> port, Function<T, T> wrap, Map<Class<?>, Object> answers) throws Exception {
        List<String> reached = new ArrayList<>();
        T delegate = port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            reached.add(signature(method) + Arrays.toString(args == null ? new Object[0] : args));
            return answers.get(method.getReturnType());
        }));
        T forwarding = wrap.apply(delegate);
        List<Method> methods = methods(port);
        assertThat(methods).as("methods of %s", port.getSimpleName()).isNotEmpty();
        for (Method method : methods) {
            Object[] args = arguments(method);
            Object answer;
            try {
                answer = method.invoke(forwarding, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(signature(method) + " threw instead of forwarding: " + e.getCause(), e.getCause());
            }
            assertThat(reached).as("calls the delegate received for %s", signature(method))
                    .containsExactly(signature(method) + Arrays.toString(args));
            if (method.getReturnType() != void.class) {
                assertThat(answers).as("an answer of the delegate's for %s", signature(method)).containsKey(method.getReturnType());
                if (method.getReturnType().isPrimitive()) { // boxed again on the way back
                    assertThat(answer).as("the answer of %s", signature(method)).isEqualTo(answers.get(method.getReturnType()));
                } else {
                    assertThat(answer).as("the answer of %s", signature(method)).isSameAs(answers.get(method.getReturnType()));
                }
            }
            reached.clear();
        }
    }

    /** {@code base} declares every method of {@code port} itself, not through a default. */
    static void declaresEveryMethod(Class<?> port, Class<?> base) {
        for (Method method : methods(port)) {
            boolean declared;
            try {
                declared = base.getDeclaredMethod(method.getName(), method.getParameterTypes()) != null;
            } catch (NoSuchMethodException e) {
                declared = false;
            }
            assertThat(declared).as("%s forwards %s", base.getSimpleName(), signature(method)).isTrue();
        }
    }

    private static List<Method> methods(Class<?> port) {
        return Arrays.stream(port.getMethods()).filter(method -> !Modifier.isStatic(method.getModifiers())).toList();
    }

    /** Stand-ins the forwarding neither reads nor checks: null, or a distinct number for a primitive. */
    private static Object[] arguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == long.class) {
                args[i] = 42L + i;
            } else if (types[i] == int.class) {
                args[i] = 42 + i;
            } else if (types[i] == boolean.class) {
                args[i] = true;
            }
        }
        return args;
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
