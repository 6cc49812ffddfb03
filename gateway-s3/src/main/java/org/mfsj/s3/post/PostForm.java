package org.mfsj.s3.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Reads a browser upload's multipart/form-data body as it streams: the fields before the file are
 * kept (names in lower case), and when the file part begins they are handed over to be checked and
 * the file's bytes go straight to {@link FileSink}, never gathered here. Parts after the file are
 * ignored, as S3 ignores them.
 */
final class PostForm implements MultiPart.Parser.Listener {
    /** Most bytes of all fields before the file (S3 allows 20 KB; a policy is most of them). */
    static final int MAX_FIELD_BYTES = 64 << 10;

    /** Where the file part goes. */
    interface FileSink {
        /** The file part begins: {@code fields} are every field before it. */
        void begin(Map<String, String> fields, String fileName) throws IOException;

        void write(ByteBuffer bytes) throws IOException;
    }

    private final FileSink sink;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String partName;
    private String fileName;
    private ByteArrayOutputStream value;
    private int fieldBytes;
    private boolean inFile;
    private boolean fileSeen;
    private IOException failure;

    PostForm(FileSink sink) {
        this.sink = sink;
    }

    /** Feeds {@code bytes} (the last piece when {@code last}); throws the first failure met so far. */
    void feed(MultiPart.Parser parser, byte[] bytes, int length, boolean last) throws IOException {
        parser.parse(Content.Chunk.from(ByteBuffer.wrap(bytes, 0, length), last));
        if (failure != null) {
            throw failure;
        }
    }

    boolean fileSeen() {
        return fileSeen;
    }

    @Override
    public void onPartBegin() {
        partName = null;
        fileName = null;
        value = new ByteArrayOutputStream();
    }

    @Override
    public void onPartHeader(String name, String headerValue) {
        if (name.equalsIgnoreCase("Content-Disposition")) {
            Map<String, String> params = new HashMap<>();
            HttpField.getValueParameters(headerValue, params);
            partName = params.get("name");
            fileName = params.get("filename");
        }
    }

    @Override
    public void onPartHeaders() {
        if (failure != null || fileSeen) {
            return;
        }
        if (partName == null) {
            fail(new S3Exception(S3Error.MALFORMED_POST_REQUEST, "A form part has no name in its Content-Disposition"));
        } else if (partName.equalsIgnoreCase("file")) {
            inFile = true;
            fileSeen = true;
            try {
                sink.begin(Map.copyOf(fields), fileName == null ? "" : fileName);
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    @Override
    public void onPartContent(Content.Chunk chunk) {
        try {
            if (failure != null) {
                return;
            }
            ByteBuffer b = chunk.getByteBuffer();
            if (inFile) {
                sink.write(b);
            } else if (!fileSeen) {
                fieldBytes += b.remaining();
                if (fieldBytes > MAX_FIELD_BYTES) {
                    fail(new S3Exception(S3Error.MAX_POST_PRE_DATA_LENGTH_EXCEEDED));
                    return;
                }
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                value.writeBytes(copy);
            }
        } catch (IOException e) {
            fail(e);
        } finally {
            chunk.release();
        }
    }

    @Override
    public void onPartEnd() {
        if (inFile) {
            inFile = false;
        } else if (!fileSeen && failure == null && partName != null) {
            fields.put(partName.toLowerCase(Locale.ROOT), value.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onFailure(Throwable t) {
        fail(new S3Exception(S3Error.MALFORMED_POST_REQUEST, S3Error.MALFORMED_POST_REQUEST.message() + ": "
                + t.getMessage()));
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
