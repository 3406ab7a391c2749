"""The structure README's "Architecture" section describes, held: layers that point one way in
the Python imports (import-linter) and in the templates, no imports hidden in functions, and
modules of a readable size."""

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
# The project's apps, bottom layer first: each may use itself and the layers below it.
LAYERS = ["kerne", "udvalg", "sager", "budget", "protokol", "portal", "referatimport"]
PACKAGES = [*LAYERS, "config"]
MAX_LINES = 800


def _python_files(*folders: str):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_the_layers_contract_names_every_app_in_the_installed_order():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = pyproject["tool"]["importlinter"]["contracts"]
    assert contract["type"] == "layers"
    assert contract["layers"] == ["config", *reversed(LAYERS)]
    apps = [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()]
    assert apps == LAYERS, "INSTALLED_APPS lists the project's apps bottom layer first"


def test_lint_imports_finds_no_upward_import():
    result = subprocess.run(
        [Path(sys.executable).with_name("lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_no_function_imports_a_module():
    """Imports are at the top of a module, where the layers contract and a reader see them;
    an import inside a function is how a cycle hides."""
    found = []
    for path in _python_files(*PACKAGES):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [
                    f"{path.relative_to(ROOT)}:{sub.lineno}: {ast.unparse(sub)}"
                    for sub in ast.walk(node)
                    if isinstance(sub, ast.Import | ast.ImportFrom)
                ]
    assert found == []


def test_no_module_is_over_800_lines_outside_migrations_and_demo_data():
    too_long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in _python_files(*PACKAGES, "tests", "scripts")
        if path.name != "demo_data.py"
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert too_long == []


TEMPLATE_TAG = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")
# Jinja2 partials (templates/jinja2/, kerne.jinja): imported by each other, called from Django
# templates with {% jinja "<template>" "<macro>" ... %}.
JINJA_TAG = re.compile(r"""{%\s*(?:from|import|include)\s+["']([^"']+)["']""")
JINJA_CALL = re.compile(r"""{%\s*jinja\s+["']([^"']+)["']""")


def _template_layer(name: str) -> int:
    """templates/<app>/ belongs to that app's layer; the shared pages and partials at the top
    (base.html, _field.html, registration/, 403/404/500) to the bottom one."""
    folder = name.split("/")[0] if "/" in name else ""
    return LAYERS.index(folder) if folder in LAYERS else 0


def test_templates_include_and_extend_only_their_own_layer_and_below():
    """Links ({% url %}) may point anywhere: navigation is a graph. Included and extended
    templates are code the page runs, so they follow the layers like imports."""
    templates = ROOT / "templates"
    jinja = templates / "jinja2"
    upward = []
    for path in sorted(templates.rglob("*.html")):
        in_jinja = jinja in path.parents
        name = path.relative_to(jinja if in_jinja else templates).as_posix()
        text = path.read_text(encoding="utf-8")
        if in_jinja:
            uses = [(jinja, used) for used in JINJA_TAG.findall(text)]
        else:
            uses = [(templates, used) for used in TEMPLATE_TAG.findall(text)]
            uses += [(jinja, used) for used in JINJA_CALL.findall(text)]
        for folder, used in uses:
            assert (folder / used).is_file(), f"{name} uses {used}, which does not exist"
            if _template_layer(used) > _template_layer(name):
                upward.append(f"{name} -> {used}")
    assert upward == []
