package io.imagine4j.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small video service on the imagine4j starter. Run it with {@code XAI_API_KEY} set (or
 * {@code imagine4j.xai.base-url} pointing at a simulator, as its test does), then:
 *
 * <pre>{@code
 * curl -s -X POST localhost:8080/videos -H 'Content-Type: application/json' -d '{"prompt":"A red fox running through snow"}'
 * curl -s localhost:8080/videos/{key}
 * curl -s -o fox.mp4 localhost:8080/videos/{key}/content
 * }</pre>
 */
@SpringBootApplication
public class VideoApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideoApplication.class, args);
    }
}
