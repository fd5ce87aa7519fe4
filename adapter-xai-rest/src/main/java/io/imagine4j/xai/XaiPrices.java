package io.imagine4j.xai;

import io.imagine4j.core.cost.Price;
import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.model.Resolution;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What xAI's video models cost per second of video made, for estimates and budgets before a
 * submit. The price xAI reports per job ({@code usage.cost_in_usd_ticks}) is the truth once a job
 * ends: it is on {@code GeneratedVideo.costUsd}, or on {@code JobFailure.costUsd} for a billed
 * failure, and replaces the estimate in the service's spending.
 *
 * <ul>
 *   <li>{@code grok-imagine-video}: $4.20 per minute of generated video with audio, $0.07 a
 *       second, any resolution — xAI's video generation guide, as PROTOCOLS.md §1 quotes it. xAI
 *       bills by resolution too, so a 480p video may cost less.</li>
 *   <li>{@code grok-imagine-video-1.5}: xAI's own pages read here give no price. The figures are a
 *       reseller's pass-through list for {@code grok-imagine-video-1.5-preview}: $0.08 a second at
 *       480p, $0.14 at 720p, the latter also used for every other resolution (1080p's price is
 *       unknown). Without this entry the 1.5 family would be priced as {@code grok-imagine-video},
 *       whose name prefixes it. Override with your own table when you know better:
 *       {@code ServiceSettings.withPrices(...)}.</li>
 * </ul>
 */
final class XaiPrices {

    /** When the figures below were read. */
    static final LocalDate READ_ON = LocalDate.of(2026, 12, 6);

    private static final String GUIDE = "https://docs.x.ai/docs/guides/video-generations ($4.20 per minute of generated video"
            + " with audio, quoted in PROTOCOLS.md §1)";
    private static final String RESELLER = "https://runware.ai/docs/models/xai-grok-imagine-video-1-5-preview (a reseller's list"
            + " for grok-imagine-video-1.5-preview; no xAI price found)";

    private static final PriceTable TABLE = PriceTable.of(
            Price.perSecond(XaiCapabilities.PROVIDER, XaiCapabilities.GROK_IMAGINE_VIDEO, new BigDecimal("0.07"), READ_ON, GUIDE),
            Price.perSecond(XaiCapabilities.PROVIDER, XaiCapabilities.GROK_IMAGINE_VIDEO_1_5, new BigDecimal("0.14"), READ_ON,
                    RESELLER + "; the 720p figure, for any resolution"),
            Price.perSecond(XaiCapabilities.PROVIDER, XaiCapabilities.GROK_IMAGINE_VIDEO_1_5, new BigDecimal("0.08"), READ_ON, RESELLER)
                    .at(Resolution.P480));

    private XaiPrices() {
    }

    static PriceTable table() {
        return TABLE;
    }
}
