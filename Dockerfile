# syntax=docker/dockerfile:1
# Builds the service from this repository with the repository's Maven wrapper and runs it in the
# prod profile. Configure it only through the variables of README "Deploying"; JVM flags go in
# JAVA_OPTS (e.g. -Xms1g -Xmx1g).
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
# Dependencies first, in a layer of their own: a change to the sources does not download them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline || true
COPY src ./src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17.0.15_6-jre-noble
WORKDIR /app
COPY --from=build /src/target/quarkus-app/ /app/
RUN useradd --system --uid 185 clinic
USER 185
EXPOSE 8080 9000
# The management interface listens on loopback only in prod; in a container, the healthcheck
# runs inside it, so loopback is enough. Publish 9000 only if Prometheus scrapes from outside
# (then set QUARKUS_MANAGEMENT_HOST=0.0.0.0 and publish the port on a private address).
ENV JAVA_OPTS="" QUARKUS_HTTP_HOST=0.0.0.0
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/9000 && printf "GET /q/health/ready HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
