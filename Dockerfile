# Build: Maven with JDK 17, then a JRE image with the thin jar and its lib/ folder (dependencies change
# less often than the code, so they sit in a layer of their own).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY inference/pom.xml inference/
COPY memory/pom.xml memory/
COPY agent/pom.xml agent/
COPY web/pom.xml web/
COPY server/pom.xml server/
RUN mvn -B -q -ntp dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -q -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin pertouch \
    && mkdir -p /data /app/.djl \
    && chown pertouch /data /app/.djl
WORKDIR /app
COPY --from=build /src/server/target/lib/ /app/lib/
COPY --from=build /src/server/target/pertouch.jar /app/pertouch.jar
USER pertouch
ENV PERTOUCH_HOST=0.0.0.0 \
    PERTOUCH_PORT=7860 \
    PERTOUCH_DATA_DIR=/data \
    DJL_OFFLINE=true \
    DJL_CACHE_DIR=/app/.djl
VOLUME /data
EXPOSE 7860
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-XX:MaxRAMPercentage=70", "-jar", "/app/pertouch.jar"]
CMD ["serve"]
