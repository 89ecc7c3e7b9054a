"""Streamlit glue shared by the pages: loading, the URL, the card. Domain logic stays in `meridians`."""
