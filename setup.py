"""Map the top-level folders onto the ``collatio.*`` import names.

Every subpackage is listed by computing it here: a package missing from this list is
silently dropped by ``pip install .`` while an editable install still imports it, so
tests/test_packaging.py checks the built wheel against the folders.
"""

from setuptools import find_packages, setup

FOLDERS = {"core": "collatio.core", "gui": "collatio.gui", "assets": "collatio.assets"}


def mapped_packages() -> tuple[list[str], dict[str, str]]:
    packages: list[str] = []
    package_dir: dict[str, str] = {}
    for folder, name in FOLDERS.items():
        packages.append(name)
        package_dir[name] = folder
        for sub in find_packages(folder):
            packages.append(f"{name}.{sub}")
            package_dir[f"{name}.{sub}"] = f"{folder}/{sub.replace('.', '/')}"
    return packages, package_dir


PACKAGES, PACKAGE_DIR = mapped_packages()

setup(
    packages=PACKAGES,
    package_dir=PACKAGE_DIR,
    package_data={"collatio.assets": ["samples/*.txt", "icons/*.png", "icons/*.svg", "*.desktop"]},
    include_package_data=True,
)
