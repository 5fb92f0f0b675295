# The API image for compose.yaml. libvips and fonts render /api/og.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Waitlist.csproj ./
RUN dotnet restore Waitlist.csproj
COPY . ./
RUN dotnet publish Waitlist.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libvips42 fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:4000
# As scripts/runtime-env (the reasons are there, the figures in the README's "Runtime tuning"): fewer glibc arenas,
# large blocks returned to the system. The GC and JIT settings travel in the build (Waitlist.csproj).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
EXPOSE 4000
USER app
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fs http://localhost:4000/health || exit 1
ENTRYPOINT ["dotnet", "Waitlist.dll"]
