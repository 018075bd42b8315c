package dev.strangler.analyzer.cache;

/** A cache file that cannot be read back as it was written; the cache is then ignored and rewritten. */
final class CorruptCacheException extends RuntimeException {
    CorruptCacheException(String message) {
        super(message);
    }
}
