"""A data file parsed once, with the line of any place in it, and the YAML it may not use."""

from __future__ import annotations

from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from meridians.load.problems import Problem, place_of

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: four times faster


class Source:
    """One parsed file with its node tree, so any place in it can be given a line number."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text
        loader = _LOADER(text)  # parsed once: the node tree gives lines, the data is built from it
        try:
            self.root = loader.get_single_node()
            self.data = loader.construct_document(self.root) if self.root is not None else None
        finally:
            loader.dispose()

    def line(self, path: tuple) -> int | None:
        node, line = self.root, None
        for step in path:
            if node is None:
                break
            line = node.start_mark.line + 1
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                node = None
        return node.start_mark.line + 1 if node is not None else line

    def problem(self, path: tuple, reason: str) -> Problem:
        return Problem(self.name, place_of(path), reason, self.line(path))

    def duplicate_keys(self) -> list[Problem]:
        """YAML keeps the last of two equal keys without a word; here that is a mistake to report."""
        problems, todo = [], [(self.root, ())]
        while todo:
            node, path = todo.pop()
            if isinstance(node, yaml.MappingNode):
                first: dict = {}
                for key, value in node.value:
                    if key.value in first:
                        problems.append(Problem(self.name, place_of(path), (
                            f"duplicate key '{key.value}' (first on line {first[key.value]})"), key.start_mark.line + 1))
                    first.setdefault(key.value, key.start_mark.line + 1)
                    todo.append((value, path + (key.value,)))
            elif isinstance(node, yaml.SequenceNode):
                todo += [(item, path + (i,)) for i, item in enumerate(node.value)]
        return sorted(problems, key=lambda p: p.line)

    def aliases(self) -> list[Problem]:
        """An alias makes two places share one value: editing the one silently edits the other."""
        events = [e for e in yaml.parse(self.text, Loader=_LOADER) if isinstance(e, yaml.AliasEvent)]
        places: list[tuple] = []  # where the tree holds a node a second time, in document order: one per alias
        seen: set[int] = set()

        def walk(node, path: tuple) -> None:
            if id(node) in seen:
                places.append(path)
                return
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    walk(value, path + (key.value,))
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    walk(item, path + (i,))

        if self.root is not None:
            walk(self.root, ())
        return [Problem(self.name, place_of(path), (
                    f"YAML alias '*{event.anchor}': write the value out, as an alias makes every place that uses "
                    "it share one value"), event.start_mark.line + 1)
                for event, path in zip(events, places + [()] * (len(events) - len(places)), strict=True)]


def _reason(error) -> str:
    says = error.schema.get("x-says") if isinstance(error.schema, dict) else None
    if error.validator == "pattern" and says:
        return f"{error.instance!r} is not {says}"
    return error.message


def parse(data_dir: Path, name: str, schema: dict) -> tuple[Source | None, list[Problem]]:
    """The file read and checked against its schema; None when it cannot be read at all."""
    try:
        source = Source(name, (data_dir / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [Problem(name, "", f"file not found in {data_dir}")]
    except UnicodeDecodeError as err:
        return None, [Problem(name, "", f"not UTF-8 text ({err.reason})")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        reason = f"YAML syntax error: {getattr(err, 'problem', None) or err}"
        return None, [Problem(name, "", reason, mark.line + 1 if mark else None)]
    errors = sorted(Draft202012Validator(schema).iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path)))
    return source, (source.duplicate_keys() + source.aliases()
                    + [source.problem(tuple(e.absolute_path), _reason(e)) for e in errors])


def read_all(data_dir: Path, files: dict[str, dict]) -> tuple[dict[str, list[Source]], list[Problem]]:
    """Every data file parsed and checked against its schema, grouped by the `files` pattern it matches."""
    sources: dict[str, list[Source]] = {}
    problems: list[Problem] = []
    for pattern, schema in files.items():
        names = [str(f.relative_to(data_dir)) for f in sorted(data_dir.glob(pattern))] if "*" in pattern else [pattern]
        if not names:
            problems.append(Problem(pattern, "", f"no files match in {data_dir}"))
        sources[pattern] = []
        for name in names:
            source, found = parse(data_dir, name, schema)
            problems += found
            if source is not None and not found:
                sources[pattern].append(source)
    return sources, problems
