package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.sim.MultipartForm;
import io.imagine4j.testkit.internal.sim.RejectedCall;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The multipart body of a file API upload ({@code FileUploadBody}), read into the files it puts
 * where: each {@code files[]} part into the directory the URL names, the deprecated {@code file}
 * part at the full path the URL names (or into it, when that path is a directory), plus the
 * commit's {@code message}, {@code name} and {@code email}.
 *
 * <pre>{@code
 * UploadForm form = UploadForm.read(request, "inputs", path -> repo.isDirectory(path));
 * form.uploads();           // [Upload[inputs/clip.mp4, video/mp4, …]]
 * }</pre>
 */
record UploadForm(List<RepoFiles.Upload> uploads, Option<String> message, Option<String> author, Option<String> email) {

    UploadForm {
        uploads = List.copyOf(uploads);
    }

    /**
     * @param path        the path inside the branch that the URL names
     * @param isDirectory whether a path of the branch is a directory
     * @throws RejectedCall 400 for a body that is not a multipart form, or one without a file
     */
    static UploadForm read(SimRequest request, String path, Predicate<String> isDirectory) {
        String contentType = request.header("Content-Type").getOrElse("");
        if (!MultipartForm.isMultipart(contentType)) {
            throw RejectedCall.badRequest("Upload files as multipart/form-data in the field files[] (or file).");
        }
        MultipartForm form;
        try {
            form = MultipartForm.parse(contentType, request.body());
        } catch (IllegalArgumentException malformed) {
            throw RejectedCall.badRequest("The multipart body is malformed: " + malformed.getMessage() + ".");
        }
        List<RepoFiles.Upload> uploads = new ArrayList<>();
        for (MultipartForm.Part part : form.parts()) {
            if (part.name().equals("files[]") || part.name().equals("files")) {
                uploads.add(upload(part, join(path, fileName(part))));
            } else if (part.name().equals("file")) {
                uploads.add(upload(part, isDirectory.test(path) ? join(path, fileName(part)) : path));
            }
        }
        if (uploads.isEmpty()) {
            throw RejectedCall.badRequest("No file to upload: send it in the multipart field files[] (or file).");
        }
        return new UploadForm(uploads, form.field("message"), form.field("name"), form.field("email"));
    }

    private static RepoFiles.Upload upload(MultipartForm.Part part, String path) {
        if (path.isEmpty()) {
            throw RejectedCall.badRequest("The upload needs a file name: give the part a filename or the URL a path.");
        }
        String type = part.contentType().filter(value -> !value.isBlank()).getOrElse(() -> typeOf(path));
        return new RepoFiles.Upload(path, type, part.content());
    }

    /** The part's file name without any directory a client put in it. */
    private static String fileName(MultipartForm.Part part) {
        String name = part.filename().getOrElse("");
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static String join(String directory, String name) {
        if (name.isEmpty()) {
            return "";
        }
        return directory.isEmpty() ? name : directory + "/" + name;
    }

    private static String typeOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
