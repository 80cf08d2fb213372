"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).

One test suite with one test case per file checked, named after the file. Findings at or
above the fail level (``--fail-on``) fail the file's test case: its ``failure`` element lists
them one per line, as the concise format writes them. Findings below it are listed in the
test case's ``system-out``. Files that could not be read are test cases with an ``error``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, ClassVar
from xml.etree import ElementTree as ET

from ..lazyre import lazy_compile
from ..model import Finding
from ..report import RenderOptions
from .concise import headline

if TYPE_CHECKING:
    from ..report import Report

# characters XML 1.0 cannot hold, even escaped
_NOT_XML = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def junit_xml(report: Report, options: RenderOptions) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_file[f.path].append(f)
    names = list(dict.fromkeys([*report.checked, *by_file]))
    suites = ET.Element("testsuites", name="respectful-lint")
    suite = ET.SubElement(suites, "testsuite", name="respectful-lint")
    failures = 0
    for name in names:
        case = ET.SubElement(
            suite, "testcase", name=_clean(name), classname="respectful-lint", file=_clean(name)
        )
        failing = [f for f in by_file[name] if f.severity >= options.fail_on]
        passing = [f for f in by_file[name] if f.severity < options.fail_on]
        if failing:
            failures += 1
            n = len(failing)
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{n} finding{'' if n == 1 else 's'}",
                type=max(f.severity for f in failing).label,
            )
            failure.text = _clean("\n".join(headline(f) for f in failing))
        if passing:
            ET.SubElement(case, "system-out").text = _clean("\n".join(headline(f) for f in passing))
    for error in report.errors:
        case = ET.SubElement(
            suite, "testcase", name=_clean(error.split(": ", 1)[0]), classname="respectful-lint"
        )
        ET.SubElement(case, "error", message=_clean(error))
    counts = {
        "tests": str(len(names) + len(report.errors)),
        "failures": str(failures),
        "errors": str(len(report.errors)),
        "skipped": "0",
    }
    for element in (suites, suite):
        element.attrib.update(counts)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


class JunitReporter:
    name: ClassVar[str] = "junit"

    def render(self, report: Report, options: RenderOptions) -> str:
        return junit_xml(report, options)
