"""A Streamlit server and Debian's chromium, the way the browser tests and the benchmark both use them."""
