# copydesk services image: one jar, the service chosen by the command (produce | enrich | sink | demo).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests install

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app copydesk
WORKDIR /app
COPY --from=build /src/launcher/target/copydesk.jar /app/copydesk.jar
USER copydesk
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/copydesk.jar"]
CMD ["--help"]
