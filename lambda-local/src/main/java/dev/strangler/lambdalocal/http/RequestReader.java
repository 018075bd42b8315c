package dev.strangler.lambdalocal.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one connection's requests with their bodies and hands each, whole, to the {@link Router}.
 *
 * <p>Each route has its own body limit, known from the path and headers before the body arrives. A body over it is
 * read and dropped, so the connection stays usable, and the route still gets the request (with no body) to answer in
 * AWS's error shape. {@code Expect: 100-continue} is answered here: {@code 100 Continue} when the declared length
 * fits, else at once the route's error and then the connection is closed, as the client may still send the body.
 * A request the codec could not parse gets a 400 and the connection is closed, as the byte stream is lost.
 *
 * <p>One instance per connection, used on its event loop only. Answers may be written later and from other threads;
 * they cannot overtake each other because the SDK and the runtime client wait for each answer before they send the
 * next request (neither pipelines).
 */
final class RequestReader extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RequestReader.class);

    private final Router router;
    /** The request whose body is being read, or {@code null} between requests and after a refused one. */
    private HttpRequest request;
    private URI target;
    private int limit;
    /** The body so far; {@code null} once it passed the limit and the rest is dropped. */
    private byte[] body;
    private int size;

    RequestReader(Router router) {
        this.router = router;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof HttpRequest started) {
                begin(ctx, started);
            }
            if (message instanceof HttpContent content && request != null) {
                if (content.decoderResult().isFailure()) {
                    request = null;
                    refuse(ctx, HttpResponseStatus.BAD_REQUEST, "BadRequestException", "lambda-local could not read the"
                            + " body of this HTTP request: " + content.decoderResult().cause().getMessage());
                    return;
                }
                append(content.content());
                if (content instanceof LastHttpContent) {
                    dispatch(ctx, whole(), HttpUtil.isKeepAlive(request));
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest started) {
        request = null;
        if (started.decoderResult().isFailure()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "BadRequestException", "lambda-local could not parse this"
                    + " HTTP request: " + started.decoderResult().cause().getMessage());
            return;
        }
        if (started.protocolVersion().majorVersion() != 1) {
            refuse(ctx, HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "HttpVersionNotSupportedException",
                    "lambda-local speaks HTTP/1.1 (and 1.0), not " + started.protocolVersion());
            return;
        }
        try {
            target = new URI(started.uri());
        } catch (URISyntaxException e) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "BadRequestException", "lambda-local could not parse the "
                    + "request target '" + started.uri() + "': " + e.getMessage());
            return;
        }
        String expectation = started.headers().get(HttpHeaderNames.EXPECT);
        if (expectation != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expectation)) {
            refuse(ctx, HttpResponseStatus.EXPECTATION_FAILED, "ExpectationFailedException", "lambda-local only "
                    + "understands 'Expect: 100-continue', not '" + expectation + "'");
            return;
        }
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        limit = Router.bodyLimit(path, started.headers().get("X-Amz-Invocation-Type"));
        long declared = HttpUtil.getContentLength(started, -1L);
        request = started;
        size = 0;
        if (declared > limit) {
            body = null;
            if (HttpUtil.is100ContinueExpected(started)) {
                // The client waits with its body: answer now and close, rather than read what it may send anyway.
                dispatch(ctx, null, false);
            }
            return;
        }
        body = new byte[(int) Math.max(declared, 0)];
        if (HttpUtil.is100ContinueExpected(started)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private void append(ByteBuf content) {
        int readable = content.readableBytes();
        if (body == null || readable == 0) {
            return;
        }
        if (size + readable > limit) {
            body = null;
            return;
        }
        if (size + readable > body.length) {
            body = Arrays.copyOf(body, Math.min(limit, Math.max(size + readable, body.length * 2)));
        }
        content.readBytes(body, size, readable);
        size += readable;
    }

    /** The body read, or {@code null} when it passed the limit; copied only when it came shorter than declared. */
    private byte[] whole() {
        return body == null || size == body.length ? body : Arrays.copyOf(body, size);
    }

    private void dispatch(ChannelHandlerContext ctx, byte[] content, boolean keepAlive) {
        HttpRequest whole = request;
        request = null;
        body = null;
        // Answer HTTP/1.0 in kind (its keep-alive differs); any other 1.x as the 1.1 this server speaks.
        HttpVersion version = whole.protocolVersion().minorVersion() == 0 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        router.route(new Exchange(ctx.channel(), version, whole.method().name(),
                target.getRawPath() == null ? "" : target.getRawPath(), target.getRawQuery(), whole.headers(), content,
                keepAlive));
    }

    /**
     * Answers a request no route can take, in the Invoke API's error shape, and closes the connection: after a request
     * it could not read, the codec cannot tell where the next one starts.
     */
    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String message) {
        log.debug("Refusing a request from {} with {}: {}", ctx.channel().remoteAddress(), status, message);
        Exchange exchange = new Exchange(ctx.channel(), HttpVersion.HTTP_1_1, "?", "?", null, new DefaultHttpHeaders(),
                new byte[0], false);
        exchange.sendServiceError(status.code(), type, message);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("Connection from {} failed", ctx.channel().remoteAddress(), cause);
        } else {
            log.warn("Connection from {} failed; closing it", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
