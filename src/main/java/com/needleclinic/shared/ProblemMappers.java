package com.needleclinic.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * The one place where exceptions become RFC 9457 problem+json. Nothing here ever echoes an
 * exception message from a library: those can carry SQL, class names or patient data.
 */
public class ProblemMappers {

    @Inject
    Instance<KnownConstraints> knownConstraints;

    @Inject
    Event<AccessDenied> accessDenied;

    @Inject
    Caller caller;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Response response = Problems.response(e.toProblem());
        return e instanceof RetryLater later
                ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, later.retryAfterSeconds()).build()
                : response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(new InvalidRequestException(errors).toProblem());
    }

    private Response fromJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof InvalidFormatException format) {
            return wrongType(format);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (e instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problems.response(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problems.response(new InvalidRequestException(FieldPaths.of(e), "unknown field").toProblem());
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        if (e instanceof InputLimits.OutOfLimits limits) {
            return Problems.response(new InvalidRequestException(FieldPaths.of(e), limits.getOriginalMessage()).toProblem());
        }
        String expected = e.getTargetType() == null ? "another type" : FieldPaths.describe(e.getTargetType());
        return Problems.response(new InvalidRequestException(FieldPaths.of(e), "must be " + expected).toProblem());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String expected = e.getTargetType() == null ? "of another shape" : FieldPaths.describe(e.getTargetType());
        return Problems.response(new InvalidRequestException(FieldPaths.of(e), "must be " + expected).toProblem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.response(new InvalidRequestException(FieldPaths.of(mapping), "invalid value").toProblem());
        }
        return Problems.response(400, "malformed-json", "Malformed JSON", "The request body could not be read");
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e) {
        return Response.fromResponse(Problems.response(401, "unauthorized", "Unauthorized", TokenProblems.why(e)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /**
     * Role checks run on the I/O thread; recording the refusal writes to the database, so it moves
     * to a worker thread before the response is sent.
     */
    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, ContainerRequestContext request,
                                   org.jboss.resteasy.reactive.server.SimpleResourceInfo resource) {
        AccessDenied denied = new AccessDenied(request.getMethod(), request.getUriInfo().getPath(),
                caller.subject(), caller.role());
        java.util.List<String> allowed = allowedRoles(resource);
        String why = TokenProblems.whyForbidden(e);
        Problem problem = Problem.of(403, "forbidden", "Forbidden", why);
        if (why.equals(TokenProblems.ROLE_REFUSED) && !allowed.isEmpty()) {
            // Say what to change: the roles this operation takes (the token's is not among them).
            problem = Problem.of(403, "forbidden", "Forbidden", "This needs the role " + String.join(" or ", allowed)
                    + "; the token's role is " + caller.role()).withExtension("allowedRoles", allowed);
        }
        Response response = Problems.response(problem);
        Uni<Response> recorded = Uni.createFrom().item(() -> {
            accessDenied.fire(denied);
            return response;
        });
        return BlockingOperationControl.isBlockingAllowed() ? recorded
                : recorded.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The roles {@code @RolesAllowed} names on the resource method, or on its class; empty when unknown. */
    private static java.util.List<String> allowedRoles(org.jboss.resteasy.reactive.server.SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return java.util.List.of();
        }
        try {
            java.lang.reflect.Method method = resource.getResourceClass().getMethod(resource.getMethodName(),
                    resource.parameterTypes());
            jakarta.annotation.security.RolesAllowed roles = method.getAnnotation(jakarta.annotation.security.RolesAllowed.class);
            if (roles == null) {
                roles = resource.getResourceClass().getAnnotation(jakarta.annotation.security.RolesAllowed.class);
            }
            return roles == null ? java.util.List.of() : java.util.List.of(roles.value());
        } catch (NoSuchMethodException e) {
            return java.util.List.of();
        }
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return fromJson(json);
        }
        return Problems.response(status, HttpCodes.code(status), HttpCodes.title(status), HttpCodes.detail(status));
    }

    /** Everything else, including exceptions wrapped by transactions: look inside before giving up. */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain(domain);
            }
            if (t instanceof MergePatch.InvalidPatchException && t.getCause() instanceof JsonMappingException mapping) {
                return mapping instanceof InvalidFormatException format ? wrongType(format)
                        : Problems.response(new InvalidRequestException(FieldPaths.of(mapping), "invalid value").toProblem());
            }
            if (t instanceof ConstraintViolationException violation) {
                return validation(violation);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Problems.response(409, "concurrent-update", "Concurrent update",
                        "The resource was changed by another request at the same time; read it again and retry");
            }
            if (ConnectionPool.exhausted(t)) {
                return overloaded();
            }
            if (t instanceof JDBCConnectionException) {
                return unavailable();
            }
            if (t instanceof SQLException sql) {
                Response mapped = fromSqlState(sql);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        if (transactionInfrastructureFailed(e)) {
            Log.warnf(e, "Transaction failed in the infrastructure (%s)", e.getClass().getSimpleName());
            return unavailable();
        }
        Log.errorf(e, "Unexpected error (%s)", e.getClass().getSimpleName());
        return Problems.response(500, "internal-error", "Internal error",
                "The request could not be completed; it has been logged");
    }

    /**
     * A commit or rollback that failed below the application (the connection died mid-commit): the
     * client should retry, with its Idempotency-Key, once the database is back.
     */
    private static boolean transactionInfrastructureFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.SystemException || t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.HeuristicRollbackException) {
                return true;
            }
        }
        return false;
    }

    private Response fromSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return null;
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return unavailable();
        }
        if (state.equals("40P01") || state.equals("40001")) { // deadlock victim, serialization failure: a race lost
            return Problems.response(409, "concurrent-update", "Concurrent update",
                    "Another request changed the same data at the same time; nothing was changed, retry");
        }
        if (state.startsWith("23") && sql instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            String constraint = server == null ? null : server.getConstraint();
            Problem problem = constraint == null ? null : knownProblem(constraint);
            if (problem != null) {
                return Problems.response(problem);
            }
            Log.warnf("Unmapped integrity violation %s on constraint %s", state, constraint);
            return Problems.response(409, "conflict", "Conflict", "The request conflicts with stored data");
        }
        return null;
    }

    private Problem knownProblem(String constraint) {
        for (KnownConstraints known : knownConstraints) {
            Problem problem = known.problemsByConstraint().get(constraint);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * Every database connection stayed busy for the whole acquisition timeout: the service is
     * overloaded, not broken. The client retries (with its Idempotency-Key) after a moment; the
     * request changed nothing.
     */
    private static Response overloaded() {
        return Response.fromResponse(Problems.response(503, "overloaded", "Service overloaded",
                "Too many requests are being served at once; retry in a moment")).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    private static Response unavailable() {
        return Response.fromResponse(Problems.response(503, "service-unavailable", "Service unavailable",
                "The database is not reachable; retry shortly")).header(HttpHeaders.RETRY_AFTER, "5").build();
    }
}
