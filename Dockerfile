# Organizer bot image: one image, the command picks the role
# (`web`, `scheduler`, `migrate`; see docker-compose.yml and README "Production").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A fixed uid so volumes and file ownership are predictable across rebuilds.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin organizer

WORKDIR /app
# Metadata first: the dependency layer is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
COPY organizer ./organizer
COPY handlers ./handlers
COPY scheduler ./scheduler
COPY migrations ./migrations
COPY emulator ./emulator
COPY alembic.ini ./
RUN pip install . && chown -R organizer:organizer /app

USER organizer
# Inside a container the server must listen on all interfaces; compose sets the rest.
ENV WEB_HOST=0.0.0.0 \
    WEB_PORT=8080
EXPOSE 8080

ENTRYPOINT ["organizer"]
CMD ["web"]
