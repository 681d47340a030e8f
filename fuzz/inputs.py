"""What fuzz/run gives the fuzzers besides the files of data/ themselves.

  python3 fuzz/inputs.py values OUT_DIR JSON_FILE...
      every value text (target, actual, period_target) of the reports and target
      tables, one file each: target_value_fuzzer's seeds;
  python3 fuzz/inputs.py dictionary TARGET OUT_FILE
      a libFuzzer dictionary for TARGET: the words the code under test looks for
      (its non-ASCII string literals), or for the message readers the contracts'
      field and enum value names. Made from the sources on every run, so that it
      follows the code.
"""

import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VALUE_KEYS = {"target", "actual", "period_target"}

# The code whose words each target's dictionary holds.
CODE = {
    "target_value": ["common/domain/target_value/*.cc",
                     "common/domain/target_value/qualitative_words.txt"],
    "evaluation_import": ["common/domain/table_import/*.cc", "common/domain/target_value/*.cc",
                          "common/domain/stated_percent/*.cc", "common/domain/money/*.cc"],
    "target_table_import": ["common/domain/table_import/*.cc", "common/domain/target_value/*.cc",
                            "common/domain/money/*.cc"],
    "scheme": ["services/scoring/scheme/*.cc"],
}
# The contracts whose names each message reader's dictionary holds, and how a name is written.
PROTOS = {
    "report_json": (["report", "target_table", "indicator", "budget", "department", "money",
                     "value"], 'json'),
    "scheme": (["scheme", "report"], 'text'),
}
LITERAL = re.compile(r'(?:u8|U|u|L)?"((?:[^"\\\n]|\\.)*)"')
FIELD = re.compile(r'^\s*(?:repeated\s+|optional\s+)?[\w.]+\s+(\w+)\s*=\s*\d+\s*[;\[]', re.M)
ENUM_VALUE = re.compile(r'^\s*([A-Z][A-Z0-9_]+)\s*=\s*-?\d+\s*;', re.M)
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def collect_values(node, out, in_value=False):
    if isinstance(node, dict):
        for key, child in node.items():
            if in_value and key == "text" and isinstance(child, str):
                out.add(child)
            collect_values(child, out, key in VALUE_KEYS)
    elif isinstance(node, list):
        for child in node:
            collect_values(child, out)


def values(out_dir, files):
    texts = set()
    for name in files:
        collect_values(json.loads(pathlib.Path(name).read_text(encoding="utf-8")), texts)
    out = pathlib.Path(out_dir)
    for text in texts:
        data = text.encode("utf-8")
        (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{len(texts)} value texts")


def unescape(literal):
    """The bytes of a C++ literal, or None for escapes other than \\n \\t \\" \\\\."""
    out, i = [], 0
    while i < len(literal):
        if literal[i] == "\\":
            if i + 1 >= len(literal) or literal[i + 1] not in ESCAPES:
                return None
            out.append(ESCAPES[literal[i + 1]])
            i += 2
        else:
            out.append(literal[i])
            i += 1
    return "".join(out)


def code_words(patterns):
    words = set()
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".txt":  # word lists: one phrase a line, '#' comments
                phrases = (line.split("#")[0].strip() for line in text.splitlines())
                words.update(p for p in phrases if p and not p.startswith("["))
                continue
            for match in LITERAL.finditer(text):
                word = unescape(match.group(1))
                if word and not word.isascii():
                    words.add(word)
    return words


# How the two formats write the doubles no document prints: NaN and the infinities.
SPECIAL_NUMBERS = {"json": ['"NaN"', '"Infinity"', '"-Infinity"'],
                   "text": ["nan", "inf", "-inf", "infinity"]}


def proto_words(names, style):
    words = set(SPECIAL_NUMBERS[style])
    for name in names:
        text = (ROOT / "protos/jixiao/v1" / f"{name}.proto").read_text(encoding="utf-8")
        for field in FIELD.findall(text):
            words.update([f'"{field}":'] if style == "json" else [f"{field}:", f"{field} {{"])
        for value in ENUM_VALUE.findall(text):
            words.add(f'"{value}"' if style == "json" else value)
    return words


def dictionary_entry(word):
    data = word.encode("utf-8")[:64]
    return '"' + "".join(chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else f"\\x{b:02X}"
                         for b in data) + '"'


def dictionary(target, out_file):
    words = code_words(CODE.get(target, []))
    if target in PROTOS:
        words |= proto_words(*PROTOS[target])
    entries = sorted({dictionary_entry(w) for w in words})
    pathlib.Path(out_file).write_text("".join(e + "\n" for e in entries), encoding="ascii")
    print(f"{len(entries)} dictionary words")


def main(argv):
    if len(argv) >= 3 and argv[1] == "values":
        values(argv[2], argv[3:])
    elif len(argv) == 4 and argv[1] == "dictionary":
        dictionary(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
