"""The site's absolute address: :mod:`components.public_url` (shared with pages/)."""
from components.public_url import base_url, configured, vary  # noqa: F401
