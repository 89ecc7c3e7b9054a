# The explorer as a container: the pinned requirements, the fonts its printouts use, a non-root user and
# Streamlit's health check. `docker build -t meridian .`; several replicas behind nginx: deploy/README.md.
# The Python of the development machines and CI (3.11.7), on Debian 12 like them.
FROM python:3.11.7-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
# DejaVu Sans for the PNG and PDF printouts (meridians/draw/printouts.py; Pillow's own font has no tone marks).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
# What Community Cloud runs (tests/deploy/test_clean_install.py, DEPLOYED), and the link static/ -> assets/.
COPY explorer.py ./
COPY .streamlit .streamlit
COPY app_pages app_pages
COPY ui ui
COPY meridians meridians
COPY data data
COPY assets assets
RUN ln -s assets static

# The proxy: Debian's nginx with deploy/nginx.conf, Streamlit's frontend from this same image's Streamlit,
# precompressed. Build with --target proxy; REPLICAS are the app containers' host:port.
FROM base AS proxy
ARG REPLICAS="app1:8501 app2:8501"
RUN apt-get update && apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static \
 && rm -rf /var/lib/apt/lists/*
# The frontend's .br files (deploy/proxy.py): the proxy's own need, not the app's.
RUN pip install brotli==1.2.1
COPY deploy deploy
RUN python -m deploy.proxy frontend /srv/meridian/frontend \
 && mkdir -p /var/lib/meridian-proxy/tmp \
 && python -m deploy.proxy render --listen 8080 $(for r in $REPLICAS; do printf ' --replica %s' "$r"; done) \
      --frontend /srv/meridian/frontend --prefix /var/lib/meridian-proxy > /etc/nginx/meridian.conf \
 && chown -R www-data:www-data /var/lib/meridian-proxy/tmp
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8080/_stcore/health', timeout=4)"
CMD ["nginx", "-c", "/etc/nginx/meridian.conf", "-e", "/var/lib/meridian-proxy/error.log", "-g", "daemon off;"]

# The app (the default target).
FROM base AS app
RUN useradd --create-home --uid 10001 meridian
USER meridian
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD python -c "import sys, urllib.request as u; sys.exit(u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"
CMD ["streamlit", "run", "explorer.py", "--server.port", "8501", "--server.address", "0.0.0.0"]
