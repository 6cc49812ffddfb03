package org.mfsj.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.mfsj.s3.auth.SigV4;
import org.mfsj.s3.auth.UriEncoding;

/**
 * The load generator of {@code bench/s3/run}: N workers doing SigV4-signed PUT, GET and LIST over
 * plain HTTP/1.1 against any S3 endpoint (ours, or s3proxy as the reference). Not a test.
 *
 * <pre>
 * java -cp tools/target/mfs.jar org.mfsj.tools.bench.S3Bench --endpoint http://127.0.0.1:9000
 *      --access-key AK --secret-key SK [--workers 8] [--small 2000] [--medium 200] [--large-mib 256]
 *      [--list-keys 100000] [--warmup 0] [--cpu gateway=PID,master=PID,...]
 * </pre>
 *
 * Results go to stdout as {@code name value unit} lines; progress to stderr. {@code --warmup N}
 * first runs the 4 KiB and 1 MiB phases N times untimed (under another prefix), so the timed
 * figures describe running servers rather than their JIT's first minutes. {@code --cpu} adds, for
 * each timed PUT and GET phase, the CPU milliseconds per request each named process spent.
 */
public final class S3Bench {
    /** Workers that fill the LIST phase's bucket, unless {@code --fill-workers} says otherwise. */
    static final int DEFAULT_FILL_WORKERS = 32;
    private static final String HTTP_BUFFER_PROPERTY = "jdk.httpclient.bufsize";
    private static final int HTTP_BUFFER_BYTES = 128 << 10;
    private final URI endpoint;
    private final String ak;
    private final String sk;
    private final int workers;
    private final int fillWorkers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String bucket = "bench" + System.currentTimeMillis();
    private final ProcessCpu cpu;
    private boolean quiet;

    S3Bench(URI endpoint, String ak, String sk, int workers, int fillWorkers, ProcessCpu cpu) {
        this.endpoint = endpoint;
        this.ak = ak;
        this.sk = sk;
        this.workers = workers;
        this.fillWorkers = fillWorkers;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        // the JDK client reads responses in buffers of this size (16 KiB unless set): 128 KiB took its CPU
        // per 64 MiB GET from 130-220 ms to 70-95, per 64 MiB PUT from 220 to 120-135 (session 12)
        if (System.getProperty(HTTP_BUFFER_PROPERTY) == null) {
            System.setProperty(HTTP_BUFFER_PROPERTY, Integer.toString(HTTP_BUFFER_BYTES));
        }
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--endpoint") || !a.containsKey("--access-key") || !a.containsKey("--secret-key")) {
            System.err.println("usage: S3Bench --endpoint URL --access-key AK --secret-key SK [--workers N]"
                    + " [--small N] [--medium N] [--large-mib N] [--list-keys N] [--fill-workers N]"
                    + " [--warmup N] [--cpu name=pid,...]");
            System.exit(2);
        }
        S3Bench b = new S3Bench(URI.create(a.get("--endpoint")), a.get("--access-key"), a.get("--secret-key"),
                Integer.parseInt(a.getOrDefault("--workers", "8")),
                Integer.parseInt(a.getOrDefault("--fill-workers", Integer.toString(DEFAULT_FILL_WORKERS))),
                ProcessCpu.parse(a.getOrDefault("--cpu", "")));
        int small = Integer.parseInt(a.getOrDefault("--small", "2000"));
        int medium = Integer.parseInt(a.getOrDefault("--medium", "200"));
        b.createBucket();
        b.warmUp(Integer.parseInt(a.getOrDefault("--warmup", "0")), small, medium);
        b.run(small, medium, Integer.parseInt(a.getOrDefault("--large-mib", "256")),
                Integer.parseInt(a.getOrDefault("--list-keys", "100000")));
        System.exit(0);
    }

    void createBucket() throws Exception {
        check(send("PUT", "/" + bucket, "", new byte[0], 0), "create bucket");
    }

    /** The 4 KiB and 1 MiB phases, {@code passes} times, printing nothing. */
    void warmUp(int passes, int small, int medium) throws Exception {
        quiet = true;
        for (int p = 0; p < passes; p++) {
            log("warm-up pass " + (p + 1) + " of " + passes);
            phase("warmup/4k", small, 4096);
            phase("warmup/1m", medium, 1 << 20);
        }
        quiet = false;
    }

    void run(int small, int medium, int largeMib, int listKeys) throws Exception {
        phase("4k", small, 4096);
        phase("1m", medium, 1 << 20);
        phase("large", workers, (long) largeMib << 20);
        if (listKeys > 0) {
            fillListBucket(listKeys);
            long t0 = System.nanoTime();
            long keys = listAll("list/");
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "list_keys_per_s %.0f keys/s%n", keys / secs);
            System.out.printf(Locale.ROOT, "list_seconds %.2f s%n", secs);
        }
    }

    private void phase(String name, int count, long size) throws Exception {
        log("PUT " + count + " x " + size + " bytes");
        Map<String, Double> cpu0 = cpu.sample();
        double put = put(name, count, size);
        Map<String, Double> cpu1 = cpu.sample();
        print("put_%s_ops %.1f ops/s%n", name, count / put);
        print("put_%s_mbps %.1f MB/s%n", name, count * size / put / 1e6);
        printCpu("put_" + name, count, cpu0, cpu1);
        log("GET " + count + " x " + size + " bytes");
        double get = forAll(count, i -> {
            HttpResponse<Long> r = http.send(request("GET", "/" + bucket + "/" + name + "/" + i, "",
                    HttpRequest.BodyPublishers.noBody()), BenchBodies.counted());
            long n = r.body();
            if (r.statusCode() != 200 || n != size) {
                throw new IOException("GET " + name + "/" + i + ": " + r.statusCode() + ", " + n + " bytes");
            }
        });
        print("get_%s_ops %.1f ops/s%n", name, count / get);
        print("get_%s_mbps %.1f MB/s%n", name, count * size / get / 1e6);
        printCpu("get_" + name, count, cpu1, cpu.sample());
    }

    private void print(String format, Object... args) {
        if (!quiet) {
            System.out.printf(Locale.ROOT, format, args);
        }
    }

    /** CPU ms per request of each watched process, and of all of them, between two samples. */
    private void printCpu(String phase, int count, Map<String, Double> before, Map<String, Double> after) {
        if (cpu.isEmpty() || count == 0) {
            return;
        }
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double ms = (e.getValue() - before.get(e.getKey())) * 1000 / count;
            total += ms;
            print("cpu_%s_%s %.3f ms/req%n", phase, e.getKey(), ms);
        }
        print("cpu_%s_all %.3f ms/req%n", phase, total);
    }

    /** PUTs {@code count} objects of {@code size} bytes under {@code prefix/}; returns the seconds taken. */
    private double put(String prefix, int count, long size) throws Exception {
        return forAll(count, i -> check(send("PUT", "/" + bucket + "/" + prefix + "/" + i, "", null, size),
                "PUT " + prefix + "/" + i));
    }

    /**
     * The LIST phase's keys, empty objects PUT by {@code fillWorkers} workers: untimed set-up, and
     * with the phases' few workers a 100,000-key bucket took longer to fill than to measure.
     */
    private void fillListBucket(int keys) throws Exception {
        log("PUT " + keys + " empty objects for the LIST, " + fillWorkers + " workers");
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, keys / 10);
        double secs = forAll(keys, fillWorkers, i -> {
            check(send("PUT", "/" + bucket + "/list/" + i, "", null, 0), "PUT list/" + i);
            if (done.incrementAndGet() % step == 0) {
                log("  " + done.get() + " of " + keys);
            }
        });
        log(String.format(Locale.ROOT, "filled in %.1f s (%.0f PUTs/s)", secs, keys / secs));
    }

    private long listAll(String prefix) throws Exception {
        long keys = 0;
        String token = null;
        do {
            String q = "list-type=2&prefix=" + UriEncoding.encode(prefix, false)
                    + (token == null ? "" : "&continuation-token=" + UriEncoding.encode(token, false));
            HttpResponse<String> r = http.send(request("GET", "/" + bucket, q, HttpRequest.BodyPublishers.noBody()),
                    HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            check(r.statusCode(), "list");
            keys += body.split("<Key>", -1).length - 1;
            int t = body.indexOf("<NextContinuationToken>");
            token = t < 0 ? null : body.substring(t + 23, body.indexOf("</NextContinuationToken>"));
        } while (token != null);
        return keys;
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    private double forAll(int count, Task task) throws Exception {
        return forAll(count, workers, task);
    }

    private double forAll(int count, int threads, Task task) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                fs.add(pool.submit(() -> {
                    for (long i; (i = next.getAndIncrement()) < count; ) {
                        task.run((int) i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private int send(String method, String path, String query, byte[] body, long size) throws Exception {
        HttpRequest.BodyPublisher p = body != null ? HttpRequest.BodyPublishers.ofByteArray(body)
                : size == 0 ? HttpRequest.BodyPublishers.noBody()
                : BenchBodies.pattern(size);
        HttpResponse<String> r = http.send(request(method, path, query, p), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private HttpRequest request(String method, String path, String query, HttpRequest.BodyPublisher body) {
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        String day = date.substring(0, 8);
        String host = endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
        List<SigV4.Param> params = new ArrayList<>();
        if (!query.isEmpty()) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                params.add(new SigV4.Param(UriEncoding.decode(kv.substring(0, eq), false),
                        UriEncoding.decode(kv.substring(eq + 1), false)));
            }
        }
        Map<String, List<String>> h = new TreeMap<>(Map.of("host", List.of(host), "x-amz-content-sha256",
                List.of("UNSIGNED-PAYLOAD"), "x-amz-date", List.of(date)));
        String scope = SigV4.scope(day, "us-east-1", "s3");
        String creq = SigV4.canonicalRequest(method, SigV4.canonicalUri(path), params, new ArrayList<>(h.keySet()), h,
                "UNSIGNED-PAYLOAD");
        String sig = SigV4.signature(SigV4.signingKey(sk, day, "us-east-1", "s3"),
                SigV4.stringToSign(date, scope, creq));
        return HttpRequest.newBuilder(endpoint.resolve(path + (query.isEmpty() ? "" : "?" + query)))
                .method(method, body)
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").header("x-amz-date", date)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ak + "/" + scope
                        + ",SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=" + sig)
                .build();
    }

    private static void check(int status, String what) throws IOException {
        if (status / 100 != 2) {
            throw new IOException(what + ": HTTP " + status);
        }
    }

    private static void log(String s) {
        System.err.println("[s3bench] " + s);
    }
}
