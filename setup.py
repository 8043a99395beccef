"""Package discovery; the metadata lives in pyproject.toml.

Every package under brief/ is found (so a new subpackage can never be left out of the wheel, and
`make check` proves it by running every method from the built wheel in a fresh venv), and the
top-level templates/ folder ships inside the package as brief.templates.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["brief", "brief.*"]), "brief.templates"],
    package_dir={"brief.templates": "templates"},
    package_data={"brief": ["py.typed", "schemas/*.json"], "brief.templates": ["*.j2", "*.html"]},
)
