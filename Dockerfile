# syntax=docker/dockerfile:1
#
# articlebot serve in a container: a static binary on distroless/static
# (CA certificates, tzdata, no shell), run as the image's non-root user.
#
#   docker build -t articlebot .
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

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
# The build command, the same as in .ci/run, which proves it builds.
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/articlebot ./cmd/articlebot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/articlebot /usr/local/bin/articlebot
COPY config.example.yaml /etc/articlebot/config.yaml
USER nonroot:nonroot
# Only served when the config sets metrics_addr: ":9090".
EXPOSE 9090
# SIGTERM (docker stop) finishes the replies in flight, up to 10 s, within
# docker's default 10 s grace; give it more with docker stop -t 15.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/articlebot"]
CMD ["serve", "--config", "/etc/articlebot/config.yaml"]
