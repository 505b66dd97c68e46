# The API (serving the site) and the scraper in one image, for docker-compose.local.yml. Multi-stage, runs as non-root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Functions/ReviewPulse.Api -c Release -o /out/api \
 && dotnet publish src/Functions/ReviewPulse.Scraper -c Release -o /out/scraper

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/api ./api
COPY --from=build /out/scraper ./scraper
COPY src/Web ./web
COPY models/default ./models/default
ENV ASPNETCORE_URLS=http://+:8080 \
    ORT_DISABLE_TELEMETRY=1 \
    ReviewPulse__WebRoot=/app/web \
    ReviewPulse__Model__Uri=file:/app/models/default \
    ReviewPulse__Sqlite__Path=/tmp/reviewpulse.db
USER app
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["dotnet", "/app/api/ReviewPulse.Api.dll"]
