package io.imagine4j.testkit.junit;

import io.imagine4j.testkit.scenario.BackendControl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a simulator (or any other {@link BackendControl}) for a test class: started
 * once before the class's first test, {@link BackendControl#reset() reset} before every test (so
 * each test starts with no jobs, faults, scripted scenarios or journal), closed after the class
 * (when it is {@link AutoCloseable}).
 * Test methods, constructors and lifecycle methods get it injected by type; the field gives typed
 * access anywhere.
 *
 * <pre>{@code
 * class MyAdapterTest {
 *     @RegisterExtension
 *     static final SimulatorExtension<XaiSimulator> xai = SimulatorExtension.of(XaiSimulator::start);
 *
 *     @Test
 *     void survivesA503(XaiSimulator sim) {            // or xai.get()
 *         sim.failNext(Call.POLL, new Fault.ServerError(503));
 *         MyClient client = new MyClient(sim.baseUrl(), "any-key");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Registered on a non-static field instead, it starts a fresh simulator for every test and
 * closes it after. Any simulator plugs in through its factory, options included:
 * {@code SimulatorExtension.of(() -> XaiSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly("k"))))}.
 *
 * @param <S> the simulator type, which parameters of that type (or a supertype other than Object) receive
 */
public final class SimulatorExtension<S extends BackendControl>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<S> factory;
    private S simulator;
    /** The unique id of the context that started the simulator: only it closes it (nested classes share it). */
    private String owner;

    private SimulatorExtension(Supplier<S> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public static <S extends BackendControl> SimulatorExtension<S> of(Supplier<S> factory) {
        return new SimulatorExtension<>(factory);
    }

    /** The running simulator. */
    public synchronized S get() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while the test class runs (register this extension with @RegisterExtension)");
        }
        return simulator;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            startFor(context);
        } else {
            simulator.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        stopFor(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        stopFor(context);
    }

    @Override
    public synchronized boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return simulator != null && type != Object.class && type.isInstance(simulator);
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (simulator == null) {
            throw new ParameterResolutionException("the simulator is not running");
        }
        return simulator;
    }

    private void startFor(ExtensionContext context) {
        if (simulator == null) {
            simulator = factory.get();
            owner = context.getUniqueId();
        }
    }

    private void stopFor(ExtensionContext context) throws Exception {
        if (simulator != null && context.getUniqueId().equals(owner)) {
            try {
                if (simulator instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } finally {
                simulator = null;
                owner = null;
            }
        }
    }
}
