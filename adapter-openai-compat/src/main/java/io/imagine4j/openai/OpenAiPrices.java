package io.imagine4j.openai;

import io.imagine4j.core.cost.Price;
import io.imagine4j.core.cost.PriceTable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * OpenAI's published per-second prices for its Sora models, for estimates before a submit:
 * <ul>
 *   <li>{@code sora-2}: $0.10 per second ({@code 720x1280}, {@code 1280x720});</li>
 *   <li>{@code sora-2-pro}: $0.30 per second at 720p ({@code 720x1280}, {@code 1280x720}), $0.50 per
 *       second at 1024p ({@code 1024x1792}, {@code 1792x1024}); a request that names no resolution is
 *       priced at 720p, the API's default size.</li>
 * </ul>
 * Source: OpenAI's API pricing page (openai.com/api/pricing, "Video" section) and the model pages
 * on platform.openai.com/docs/models/sora-2 and sora-2-pro, as published when the Sora 2 API
 * launched (2025-10-06); they were not read again for this release, so check them, or pass your own
 * {@link PriceTable} to the service. A size given exactly ({@link OpenAiOptions#size}) without a
 * resolution is priced at 720p. OpenAI has announced the end of its hosted Sora API on 2026-09-24;
 * Azure, LiteLLM, vLLM and gateways price their own: these entries apply under the provider name
 * {@code openai} only.
 *
 * <pre>{@code
 * provider.prices().find("openai", "sora-2-pro", Option.some(Resolution.parse("1024p")));   // $0.50/s
 * }</pre>
 */
final class OpenAiPrices {

    static final LocalDate AS_OF = LocalDate.of(2025, 10, 6);
    static final String SOURCE = "OpenAI API pricing (openai.com/api/pricing, Video) and platform.openai.com/docs/models,"
            + " as published at the Sora 2 API launch; OpenAI ends its hosted Sora API on 2026-09-24";

    private OpenAiPrices() {
    }

    static PriceTable of(String provider) {
        if (!provider.equals(OpenAiCapabilities.PROVIDER)) {
            return PriceTable.empty();
        }
        Price sora2 = Price.perSecond(provider, OpenAiModels.SORA_2, new BigDecimal("0.10"), AS_OF, SOURCE);
        Price pro = Price.perSecond(provider, OpenAiModels.SORA_2_PRO, new BigDecimal("0.30"), AS_OF, SOURCE);
        Price pro1024 = Price.perSecond(provider, OpenAiModels.SORA_2_PRO, new BigDecimal("0.50"), AS_OF, SOURCE)
                .at(FrameSize.P1024);
        return PriceTable.of(sora2, pro, pro.at(io.imagine4j.core.model.Resolution.P720), pro1024);
    }
}
