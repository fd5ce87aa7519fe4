package io.imagine4j.reliability.corpus;

import io.imagine4j.core.model.VideoRequest;

import java.util.function.Function;

/**
 * One invalid request of the corpus: what is wrong with it, the request (built from the desk's
 * fixtures; building may itself throw, for a value refused at construction), and the field the
 * refusal must name with the value it must show.
 *
 * @param provider the provider it is sent to
 * @param what     what is wrong, in words
 * @param request  the request, made with the desk
 * @param field    the field the refusal names ({@code prompt}, {@code duration}, {@code image}…)
 * @param shown    a part of the value the message must show
 */
record BadInput(String provider, String what, Function<Desk, VideoRequest> request, String field, String shown) {

    @Override
    public String toString() {
        return provider + ": " + what;
    }
}
