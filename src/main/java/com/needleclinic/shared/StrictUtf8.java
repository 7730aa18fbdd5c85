package com.needleclinic.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body must be well-formed UTF-8 (RFC 8259, section 8.1). Jackson's parser decodes some
 * malformed sequences instead of refusing them: the overlong {@code C0 BE} became {@code >}, so a
 * filter in front that looks for {@code >} in UTF-8 would pass what the service then stores as
 * one. Java's decoder refuses overlong forms, encoded surrogates (CESU-8) and stray bytes; a body
 * it refuses is {@code 400 malformed-json} and changes nothing. Unpaired surrogates written as
 * JSON escapes are refused field by field by {@link InputLimits}.
 * <p>
 * Bodies are small (at most {@code quarkus.http.limits.max-body-size}) and already in memory
 * ({@link RequestBodies}): reading one twice costs a copy.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new MalformedBody();
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** The body is not UTF-8; the message never quotes it. */
    public static final class MalformedBody extends DomainException {
        MalformedBody() {
            super(400, "malformed-json", "Malformed JSON", "The request body is not well-formed UTF-8");
        }
    }
}
