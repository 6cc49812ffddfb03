package org.mfsj.s3.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.Checksum;

/** The additional checksums S3 clients send ({@code x-amz-checksum-*}), computed as bytes stream by. */
public enum ChecksumAlgorithm {
    CRC32, CRC32C, SHA1, SHA256;

    /** The header (and trailer) name carrying this checksum. */
    public String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    public static ChecksumAlgorithm fromName(String name) {
        for (ChecksumAlgorithm a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        return null;
    }

    public static ChecksumAlgorithm fromHeader(String header) {
        for (ChecksumAlgorithm a : values()) {
            if (a.header().equalsIgnoreCase(header)) {
                return a;
            }
        }
        return null;
    }

    /** A running computation; {@link Running#base64()} ends it. */
    public Running start() {
        return switch (this) {
            case CRC32 -> new Crc(new java.util.zip.CRC32());
            case CRC32C -> new Crc(new java.util.zip.CRC32C());
            case SHA1 -> new Digest(digest("SHA-1"));
            case SHA256 -> new Digest(digest("SHA-256"));
        };
    }

    /** One checksum being computed. */
    public interface Running {
        void update(byte[] b, int off, int len);

        byte[] value();

        default String base64() {
            return Base64.getEncoder().encodeToString(value());
        }
    }

    private record Crc(Checksum c) implements Running {
        @Override
        public void update(byte[] b, int off, int len) {
            c.update(b, off, len);
        }

        @Override
        public byte[] value() {
            return ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
        }
    }

    private record Digest(MessageDigest d) implements Running {
        @Override
        public void update(byte[] b, int off, int len) {
            d.update(b, off, len);
        }

        @Override
        public byte[] value() {
            return d.digest();
        }
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

