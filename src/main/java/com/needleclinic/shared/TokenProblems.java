package com.needleclinic.shared;

import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * What a 401 or 403 says about its cause, so an integrator fixes the right thing (an expired
 * token, a wrong issuer, a missing claim, a booking for a colleague). Only fixed sentences: never
 * the token, its claims or the library's message.
 */
final class TokenProblems {

    private TokenProblems() {
    }

    static String why(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException jwt) {
                if (jwt.hasExpired()) {
                    return "The bearer token has expired; get a new one";
                }
                if (jwt.hasErrorCode(ErrorCodes.ISSUER_INVALID) || jwt.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "The bearer token's issuer is not the one this service trusts";
                }
                if (jwt.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || jwt.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "The bearer token is not meant for this service (audience)";
                }
                if (jwt.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || jwt.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "The bearer token's signature does not verify with this service's key";
                }
            }
            if (t instanceof ParseException parse && parse.getMessage() != null && parse.getMessage().startsWith("the token")) {
                return "The bearer token is refused: " + parse.getMessage(); // our own fixed sentences (CachingJwtParser)
            }
        }
        return "A valid bearer token is required";
    }

    /** Our own refusals carry a fixed sentence (e.g. "A practitioner books only for themself"); a role check none. */
    /** The detail of a role check's refusal (the operation's roles exclude the token's). */
    static final String ROLE_REFUSED = "Your role may not do this";

    static String whyForbidden(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank() || message.startsWith("Forbidden")) {
            return ROLE_REFUSED;
        }
        return message;
    }
}
