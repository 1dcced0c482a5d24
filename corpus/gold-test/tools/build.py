#!/usr/bin/env python3
"""Turn the hand-written PARK annotations in ann/*.py into ../park.jsonl.

Usage: build.py [--dir corpus/gold-test2]  (default: the gold-test folder of this script).
Each <dir>/tools/ann/dNN_*.py module defines DOC = dict(id, date, title, source, publisher,
province, text, spans) where spans is the hand-written list, in document order, of
(surface, value).  A surface may carry left context as "context§surface": the
script then looks for context+surface and keeps only the surface part.  Spans are
found in order (each search starts after the previous span), so a repeated
surface is matched to its next occurrence.  Nothing here reads extractor output.
"""
import argparse, importlib.util, json, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]            # worktree root
# the registry moved into the package; the old corpus path is kept as a fallback
REGF = next(p for p in (ROOT / 'extract/park/data/registry.jsonl', ROOT / 'corpus/parks/registry.jsonl') if p.exists())
REG = {}
for line in open(REGF, encoding='utf-8'):
    d = json.loads(line)
    REG.setdefault(d['canonical'], d)
ALIAS = {}
for d in REG.values():
    for a in d.get('aliases', []):
        ALIAS.setdefault(a, d)


def R(name):
    """Value of a registry zone, looked up by canonical or alias."""
    d = REG.get(name) or ALIAS.get(name)
    if d is None:
        raise KeyError('not in registry: ' + name)
    return {'canonical': d['canonical'], 'level': d['level'], 'province': d['province'],
            'city': d['city'], 'id': d['id']}


def V(canonical, level, province, city=None):
    """Value of a park that is not in the registry (id null)."""
    assert level in ('national', 'provincial', 'other', 'unknown'), level
    assert canonical not in REG and canonical not in ALIAS, 'in registry, use R(): ' + canonical
    return {'canonical': canonical, 'level': level, 'province': province, 'city': city, 'id': None}


def text_from_json(s):
    return json.loads('"' + s + '"')


def build_doc(doc):
    text = doc['text']
    spans, pos = [], 0
    for surface, value in doc['spans']:
        ctx = ''
        if '§' in surface:
            ctx, surface = surface.split('§', 1)
        i = text.find(ctx + surface, pos)
        if i < 0:
            sys.exit(f"{doc['id']}: not found after {pos}: {ctx}§{surface}")
        start = i + len(ctx)
        end = start + len(surface)
        if value['id'] is None and (surface in REG or surface in ALIAS):
            print(f"  WARN {doc['id']}: surface {surface} is a registry name but id is null")
        spans.append({'start': start, 'end': end, 'label': 'PARK', 'text': surface, 'value': value})
        pos = end
    # miss hunter: every occurrence of a labelled surface should be covered by a span
    for surf in {s['text'] for s in spans}:
        i = text.find(surf)
        while i >= 0:
            if not any(s['start'] <= i and i + len(surf) <= s['end'] for s in spans):
                print(f"  WARN {doc['id']}: unlabelled occurrence of {surf} at {i}: ...{text[max(0,i-8):i+len(surf)+4]}...")
            i = text.find(surf, i + 1)
    return {'id': doc['id'], 'date': doc['date'], 'title': doc['title'], 'source': doc['source'],
            'publisher': doc['publisher'], 'province': doc['province'], 'labels': ['PARK'],
            'text': text, 'spans': spans}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--dir', default=str(HERE.parent),
                    help='test-set folder holding tools/ann/ and park.jsonl (default: this gold-test folder)')
    args = ap.parse_args(argv)
    folder = pathlib.Path(args.dir).resolve()
    sys.path.insert(0, str(HERE))
    out = []
    for f in sorted((folder / 'tools' / 'ann').glob('d*.py')):
        spec = importlib.util.spec_from_file_location(f.stem, f)
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        out.append(build_doc(m.DOC))
    with open(folder / 'park.jsonl', 'w', encoding='utf-8') as fh:
        for d in out:
            fh.write(json.dumps(d, ensure_ascii=False) + '\n')
    print(len(out), 'documents,', sum(len(d['spans']) for d in out), 'spans')


if __name__ == '__main__':
    main()
