"""Map the top-level folders onto the ``collatio.*`` import names.

Every subpackage is listed by computing it here: a package missing from this list is
silently dropped by ``pip install .`` while an editable install still imports it, so
tests/test_packaging.py checks the built wheel against the folders.
"""

from setuptools import find_namespace_packages, find_packages, setup

FOLDERS = {"core": "collatio.core", "gui": "collatio.gui", "assets": "collatio.assets"}


def mapped_packages() -> tuple[list[str], dict[str, str]]:
    packages: list[str] = []
    package_dir: dict[str, str] = {}
    for folder, name in FOLDERS.items():
        packages.append(name)
        package_dir[name] = folder
        # assets holds data folders (icons, samples) without __init__.py: listing them as
        # namespace packages is how setuptools wants package data in subfolders declared.
        subs = (find_namespace_packages(folder, exclude=["__pycache__", "*.__pycache__"])
                if folder == "assets" else find_packages(folder))
        for sub in subs:
            packages.append(f"{name}.{sub}")
            package_dir[f"{name}.{sub}"] = f"{folder}/{sub.replace('.', '/')}"
    return packages, package_dir


PACKAGES, PACKAGE_DIR = mapped_packages()

setup(
    packages=PACKAGES,
    package_dir=PACKAGE_DIR,
    package_data={
        "collatio.assets": ["*.desktop"],
        "collatio.assets.icons": ["*.png", "*.svg"],
        "collatio.assets.samples": ["*.txt"],
    },
    include_package_data=True,
)
