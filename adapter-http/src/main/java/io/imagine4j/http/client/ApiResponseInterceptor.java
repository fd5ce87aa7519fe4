package io.imagine4j.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.InvocationContext;
import feign.Response;
import feign.ResponseInterceptor;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.response.ResponseHeaders;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Answers methods declared to return {@link ApiResponse} with the whole answer, whatever its
 * status, before Feign's decoder or error decoder see it. Other methods pass through.
 */
final class ApiResponseInterceptor implements ResponseInterceptor {

    private final ObjectMapper mapper;
    private final int maxResponseBytes;

    ApiResponseInterceptor(ObjectMapper mapper, int maxResponseBytes) {
        this.mapper = mapper;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Object intercept(InvocationContext context, Chain chain) throws Exception {
        Type returnType = context.returnType();
        if (!isApiResponse(returnType)) {
            return chain.next(context);
        }
        Response response = context.response();
        byte[] body;
        try (Response closing = response) {
            body = BoundedBody.read(closing, maxResponseBytes);
        }
        return ApiResponse.of(response.status(), ResponseHeaders.of(response.headers()), body, bodyType(returnType),
                mapper, RequestLine.of(response.request()));
    }

    private static boolean isApiResponse(Type type) {
        Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
        return raw == ApiResponse.class;
    }

    private static Type bodyType(Type returnType) {
        if (returnType instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[0];
            if (argument instanceof Class<?> || argument instanceof ParameterizedType) {
                return argument;
            }
        }
        return JsonNode.class; // ApiResponse<?> or raw: the body as a tree
    }
}
