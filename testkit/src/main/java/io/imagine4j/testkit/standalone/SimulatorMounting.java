package io.imagine4j.testkit.standalone;

import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.sim.SimulatorOptions;

import java.util.Objects;
import java.util.function.Function;

/**
 * One simulator of the standalone server: its name (printed), its mount prefix, and how to build
 * it from the server's options.
 */
public record SimulatorMounting(String name, String prefix, Function<SimulatorOptions, HttpSimulator<?>> factory) {

    public SimulatorMounting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(factory, "factory");
    }
}
