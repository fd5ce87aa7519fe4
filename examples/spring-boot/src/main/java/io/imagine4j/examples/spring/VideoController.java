package io.imagine4j.examples.spring;

import io.imagine4j.core.cost.BudgetExceededException;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.vavr.control.Either;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Videos over HTTP, on the {@link VideoJobs} bean the starter makes: submitting returns at once
 * (the job is stored, then sent in the background), and a job survives a restart of the service.
 */
@RestController
@RequestMapping("/videos")
class VideoController {

    private final VideoJobs jobs;
    private final Path videos;

    VideoController(VideoJobs jobs, @Value("${example.videos-directory:${java.io.tmpdir}/imagine4j-example}") Path videos) {
        this.jobs = jobs;
        this.videos = videos;
    }

    /** Submits a text-to-video job; 202 with its key, 400 naming every problem of the request. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VideoReport> submit(@RequestBody VideoOrder order) {
        VideoJob job = jobs.submit(order.toRequest());
        return ResponseEntity.accepted().location(URI.create("/videos/" + job.key().value())).body(VideoReport.of(job));
    }

    /** Where the job stands: this process's view, or the store's for a job submitted before a restart. */
    @GetMapping("/{key}")
    ResponseEntity<VideoReport> report(@PathVariable String key) {
        return jobs.find(new SubmissionKey(key)).map(VideoReport::of).map(ResponseEntity::ok)
                .getOrElse(() -> ResponseEntity.notFound().build());
    }

    /** The video once the job succeeded, downloaded once then served from disk; 409 before. */
    @GetMapping("/{key}/content")
    ResponseEntity<Resource> content(@PathVariable String key) throws Exception {
        VideoJob job = jobs.find(new SubmissionKey(key)).getOrNull();
        if (job == null) {
            return ResponseEntity.notFound().build();
        }
        if (job.status() != JobStatus.SUCCEEDED) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        Path file = videos.resolve(key + ".mp4");
        if (!Files.exists(file)) {
            Files.createDirectories(videos);
            GeneratedVideo video = job.state().result().get();
            Either<JobFailure, DownloadedVideo> downloaded = jobs.download(video, file);
            if (downloaded.isLeft()) {
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4")).body(new FileSystemResource(file));
    }

    @ExceptionHandler(BudgetExceededException.class)
    ProblemDetail overBudget(BudgetExceededException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("violations", e.violations().stream().map(Violation::message).toList());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unreadable(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
