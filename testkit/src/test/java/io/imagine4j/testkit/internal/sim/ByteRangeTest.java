package io.imagine4j.testkit.internal.sim;

import io.vavr.control.Option;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfASingleRange() {
        assertThat(ByteRange.parse(Option.some("bytes=0-99"), 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 99)));
        assertThat(ByteRange.parse(Option.some("bytes=900-"), 1000)).isEqualTo(new ByteRange.Part(new ByteRange(900, 999)));
        assertThat(ByteRange.parse(Option.some("bytes=-100"), 1000)).isEqualTo(new ByteRange.Part(new ByteRange(900, 999)));
    }

    @Test
    void clampsToTheEnd() {
        assertThat(ByteRange.parse(Option.some("bytes=990-5000"), 1000)).isEqualTo(new ByteRange.Part(new ByteRange(990, 999)));
        assertThat(ByteRange.parse(Option.some("bytes=-5000"), 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 999)));
    }

    @Test
    void aRangePastTheEndIsUnsatisfiable() {
        assertThat(ByteRange.parse(Option.some("bytes=1000-"), 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse(Option.some("bytes=-0"), 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void whatAHostMayIgnoreMeansTheWholeFile() {
        for (String ignored : new String[] {"bytes=0-1,5-6", "items=0-1", "bytes=5-2", "garbage", "bytes=-", "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.parse(Option.some(ignored), 1000)).as(ignored).isInstanceOf(ByteRange.Whole.class);
        }
        assertThat(ByteRange.parse(Option.none(), 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Property
    void aSatisfiableRangeStaysInsideTheFile(@ForAll @IntRange(min = 1, max = 10_000) int length,
                                             @ForAll @IntRange(min = 0, max = 12_000) int first,
                                             @ForAll @IntRange(min = 0, max = 12_000) int span) {
        ByteRange.Wanted wanted = ByteRange.parse(Option.some("bytes=" + first + "-" + (first + span)), length);
        if (first >= length) {
            assertThat(wanted).isInstanceOf(ByteRange.Unsatisfiable.class);
        } else {
            ByteRange range = ((ByteRange.Part) wanted).range();
            assertThat(range.first()).isEqualTo(first);
            assertThat(range.last()).isEqualTo(Math.min(first + span, length - 1));
            assertThat(range.length()).isBetween(1L, (long) length);
        }
    }
}
