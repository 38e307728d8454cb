# syntax=docker/dockerfile:1
#
# articlebot serve in a container: a static binary on distroless/static
# (CA certificates, tzdata, no shell), run as the image's non-root user.
#
#   docker build \
#     --build-arg VERSION="$(git describe --tags --always --dirty)" \
#     --build-arg REVISION="$(git rev-parse HEAD)" \
#     --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
#     -t articlebot .
#   docker run --rm -e DISCORD_TOKEN \
#     -v "$PWD/config.yaml:/etc/articlebot/config.yaml:ro" \
#     -v "$PWD/articles:/seeds:ro" -e ARTICLEBOT_SEEDS=/seeds \
#     -p 127.0.0.1:9090:9090 articlebot
#
# The image holds config.example.yaml as /etc/articlebot/config.yaml: every
# default, the token from DISCORD_TOKEN, the embedded articles. Mount your
# own config over it; for the metrics and health checks to be reachable
# from outside the container, it must set metrics_addr: ":9090". Without
# ARTICLEBOT_SEEDS (or seeds: in the config) the bot answers from the
# articles embedded in the binary; with it, from the mounted folder, which
# it reloads when the files change.
#
# Which commit is in the image: the labels say, from the build arguments.
# The binary cannot: .dockerignore keeps .git out of the build, so go build
# stamps no vcs.revision or vcs.time, and `articlebot version` in the image
# reports the revision as unknown. Read the labels instead:
#
#   docker inspect -f '{{index .Config.Labels "org.opencontainers.image.revision"}}' articlebot

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
# The build command, the same as in .ci/run, which proves it builds. Go
# stamps the VCS revision and time only where it finds .git, which this
# build does not see (see the labels below).
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/articlebot ./cmd/articlebot

FROM gcr.io/distroless/static-debian12:nonroot
# OCI labels. The defaults mark a build no one described: a version and
# revision that say so, and the Unix epoch, a valid RFC 3339 date no one
# will take for the real one. Declared here, in the last stage, so that
# changing them rebuilds no layer of the build stage.
ARG VERSION=devel
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
LABEL org.opencontainers.image.title="articlebot" \
      org.opencontainers.image.description="Answers questions about news articles in Discord, with exact quotes and who said them" \
      org.opencontainers.image.source="https://github.com/articlebot/articlebot" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}"
COPY --from=build /out/articlebot /usr/local/bin/articlebot
COPY config.example.yaml /etc/articlebot/config.yaml
USER nonroot:nonroot
# Only served when the config sets metrics_addr: ":9090".
EXPOSE 9090
# SIGTERM (docker stop) finishes the replies in flight for up to 10 s
# (shutdownTimeout in bot/bot.go), then closes the gateway (about 1 s) and
# the metrics server (up to 5 s): up to 16 s in all, past docker's default
# grace of 10 s, after which it is killed. So stop it with
# docker stop -t 20, the 20 s deploy/articlebot.service allows.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/articlebot"]
CMD ["serve", "--config", "/etc/articlebot/config.yaml"]
