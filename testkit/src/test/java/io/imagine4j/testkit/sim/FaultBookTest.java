package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaultBookTest {

    @Test
    void eachPlanAnswersItsNextCallsInOrder() {
        Fault unavailable = new Fault.ServerError(503);
        Fault reset = new Fault.ConnectionReset();
        FaultBook book = new FaultBook(List.of(new FaultPlan(Call.POLL, unavailable, 2), FaultPlan.once(Call.POLL, reset)));
        book.add(FaultPlan.once(Call.SUBMIT, new Fault.MalformedJson()));

        assertThat(book.take(Call.CONTENT)).isEmpty();
        assertThat(book.take(Call.POLL)).contains(unavailable);
        assertThat(book.take(Call.POLL)).contains(unavailable);
        assertThat(book.take(Call.POLL)).contains(reset);
        assertThat(book.take(Call.POLL)).isEmpty();
        assertThat(book.isEmpty()).isFalse();
        assertThat(book.take(Call.SUBMIT)).contains(new Fault.MalformedJson());
        assertThat(book.isEmpty()).isTrue();
    }

    @Test
    void clearForgetsEverything() {
        FaultBook book = new FaultBook();
        book.add(new FaultPlan(Call.POLL, new Fault.NotFound(), 5));
        book.clear();
        assertThat(book.take(Call.POLL)).isEmpty();
    }
}
