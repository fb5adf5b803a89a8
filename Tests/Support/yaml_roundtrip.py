#!/usr/bin/env python3
"""Check that YAML written by tkgauth reads back as the intended strings in PyYAML (a YAML 1.1 reader).

Usage: yaml_roundtrip.py EXPECTED < stream.yaml

EXPECTED is a JSON list of strings, given inline (starting with '[') or as the path of a file holding it.
Every document of the stream on stdin must have one of these shapes, with the strings in order:
  - a list whose items are the expected strings;
  - a mapping whose keys and values are both the expected strings (key == value);
  - a mapping whose values are all lists or mappings: each value is checked by these same rules.
Each string must load as a `str` (not bool, int, float, None, datetime...) equal to the expected one.
The stream is loaded with yaml.SafeLoader, with yaml.CSafeLoader when PyYAML was built with libyaml,
and with a SafeLoader that also takes y/Y/n/N for booleans as the YAML 1.1 spec and go-yaml v2 (helm,
kubectl) do; with ruamel.yaml installed it is also loaded as YAML 1.2 and as YAML 1.1.

Exit status: 0 when everything matches, 1 listing every mismatch, 2 for bad usage or a missing PyYAML.
"""

import json
import re
import sys
import warnings

try:
    import yaml
except ImportError as error:  # The Swift test turns this into a failure, never a skip.
    sys.stderr.write(f"yaml_roundtrip.py: cannot import PyYAML ({error}) with {sys.executable}\n")
    sys.exit(2)


class Yaml11Loader(yaml.SafeLoader):
    """SafeLoader plus the YAML 1.1 one-letter booleans PyYAML leaves out but go-yaml v2 reads."""


Yaml11Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
    list("yYnNtTfFoO"))
Yaml11Loader.add_constructor(
    "tag:yaml.org,2002:bool",
    lambda loader, node: loader.construct_scalar(node).lower() in ("y", "yes", "true", "on"))


def load_expected(argument):
    text = argument if argument.lstrip().startswith("[") else open(argument, encoding="utf-8").read()
    expected = json.loads(text)
    if not isinstance(expected, list) or not all(isinstance(s, str) for s in expected):
        raise ValueError("EXPECTED must be a JSON list of strings")
    return expected


def loaders():
    """(name, function returning the list of documents of a text) for every reader available."""
    found = [("PyYAML SafeLoader", lambda text: list(yaml.load_all(text, Loader=yaml.SafeLoader)))]
    if getattr(yaml, "CSafeLoader", None) is not None:
        found.append(("PyYAML CSafeLoader", lambda text: list(yaml.load_all(text, Loader=yaml.CSafeLoader))))
    found.append(("YAML 1.1 booleans (go-yaml v2)", lambda text: list(yaml.load_all(text, Loader=Yaml11Loader))))
    try:
        from ruamel.yaml import YAML
    except ImportError:
        return found

    def ruamel(version):
        def load(text):
            reader = YAML(typ="safe", pure=True)
            if version is not None:
                reader.version = version
            # ruamel.yaml warns about YAML 1.1 spellings on stderr; mismatches are reported instead.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return list(reader.load_all(text))
        return load

    found.append(("ruamel.yaml 1.2", ruamel(None)))
    found.append(("ruamel.yaml 1.1", ruamel((1, 1))))
    return found


def check_string(got, want, where, problems):
    if not isinstance(got, str):
        problems.append(f"{where}: expected the string {want!r}, got {type(got).__name__} {got!r}")
    elif got != want:
        problems.append(f"{where}: expected {want!r}, got {got!r}")


def check_node(node, expected, where, problems):
    if isinstance(node, list):
        if len(node) != len(expected):
            problems.append(f"{where}: expected {len(expected)} items, got {len(node)}")
        for index, (got, want) in enumerate(zip(node, expected)):
            check_string(got, want, f"{where} item {index}", problems)
    elif isinstance(node, dict) and node and all(isinstance(v, (list, dict)) for v in node.values()):
        for key, value in node.items():
            check_node(value, expected, f"{where}.{key}", problems)
    elif isinstance(node, dict):
        # Keys that load as non-strings may collide (e.g. 'y' and 'Y' both True), so count first.
        if len(node) != len(expected):
            problems.append(f"{where}: expected {len(expected)} keys, got {len(node)}")
        for index, ((key, value), want) in enumerate(zip(node.items(), expected)):
            check_string(key, want, f"{where} key {index}", problems)
            check_string(value, want, f"{where} value {index} (key {key!r})", problems)
    else:
        problems.append(f"{where}: expected a list or a mapping, got {type(node).__name__} {node!r}")


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    try:
        expected = load_expected(argv[1])
    except (OSError, ValueError) as error:
        sys.stderr.write(f"yaml_roundtrip.py: cannot read the expected strings: {error}\n")
        return 2
    text = sys.stdin.buffer.read().decode("utf-8")
    problems = []
    for name, load in loaders():
        try:
            documents = load(text)
        except Exception as error:  # Any reader failure is a finding, reported with the rest.
            problems.append(f"{name}: cannot load the stream: {error}")
            continue
        if not documents:
            problems.append(f"{name}: the stream holds no documents")
        for number, document in enumerate(documents, start=1):
            check_node(document, expected, f"{name} document {number}", problems)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} mismatch(es)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
