#!/usr/bin/env python3
"""Checker for a PARK test set (plain Python 3, no imports from newsx).

Usage: check.py [--dir corpus/gold-test2 --years 2018-2025]  (default: corpus/gold-test, 2020-2023).

Asserts: record keys, labels == ["PARK"], ISO date in 2020-2023, offsets inside the text,
text[start:end] == span text, label PARK, no overlaps, spans sorted, value keys exactly
canonical/level/province/city/id, level in the allowed set, registry ids exist and agree
with the registry canonical, one canonical per id.  Prints counts.
"""
import argparse, collections, json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
GOLD = HERE.parent / 'park.jsonl'
ROOT = HERE.parents[2]
REGF = next((p for p in (ROOT / 'extract/park/data/registry.jsonl', ROOT / 'corpus/parks/registry.jsonl') if p.exists()),
            ROOT / 'extract/park/data/registry.jsonl')
REG = {}
if REGF.exists():
    for line in open(REGF, encoding='utf-8'):
        d = json.loads(line)
        REG[d['id']] = d

DOC_KEYS = {'id', 'date', 'title', 'source', 'publisher', 'province', 'labels', 'text', 'spans'}
VAL_KEYS = {'canonical', 'level', 'province', 'city', 'id'}
LEVELS = {'national', 'provincial', 'other', 'unknown'}


def main(path=GOLD, years=(2020, 2023)):
    errors, ids = [], set()
    docs = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    lv, inreg, prov, canon_of_id = collections.Counter(), collections.Counter(), collections.Counter(), {}
    nspans = 0
    for d in docs:
        did = d.get('id')
        if set(d) != DOC_KEYS:
            errors.append(f'{did}: keys {sorted(set(d) ^ DOC_KEYS)}')
        if did in ids:
            errors.append(f'{did}: duplicate id')
        ids.add(did)
        if d.get('labels') != ['PARK']:
            errors.append(f'{did}: labels')
        date = d.get('date') or ''
        if not (re.fullmatch(r'\d{4}-\d\d-\d\d', date) and years[0] <= int(date[:4]) <= years[1]):
            errors.append(f'{did}: date {d.get("date")} not an ISO date in {years[0]}-{years[1]}')
        text = d['text']
        if len(text) < 300:
            errors.append(f'{did}: text shorter than 300 characters')
        prev_end = -1
        for s in d['spans']:
            nspans += 1
            a, b = s['start'], s['end']
            if set(s) != {'start', 'end', 'label', 'text', 'value'}:
                errors.append(f'{did}: span keys {s}')
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
                errors.append(f'{did}: bad offsets {a},{b}')
                continue
            if text[a:b] != s['text']:
                errors.append(f'{did}: {a}-{b} {text[a:b]!r} != {s["text"]!r}')
            if s['label'] != 'PARK':
                errors.append(f'{did}: label {s["label"]}')
            if a < prev_end:
                errors.append(f'{did}: overlap or unsorted at {a}')
            prev_end = b
            v = s['value']
            if set(v) != VAL_KEYS:
                errors.append(f'{did}: value keys {sorted(v)}')
                continue
            if v['level'] not in LEVELS:
                errors.append(f'{did}: level {v["level"]}')
            if not v['canonical']:
                errors.append(f'{did}: empty canonical at {a}')
            if v['id'] is not None:
                r = REG.get(v['id'])
                if r is None:
                    errors.append(f'{did}: unknown registry id {v["id"]}')
                elif (r['canonical'], r['level'], r['province'], r['city']) != (v['canonical'], v['level'], v['province'], v['city']):
                    errors.append(f'{did}: value differs from registry for {v["id"]}: {v}')
                if canon_of_id.setdefault(v['id'], v['canonical']) != v['canonical']:
                    errors.append(f'{did}: two canonicals for {v["id"]}')
                inreg['in registry'] += 1
            else:
                inreg['not in registry'] += 1
                if REG and any(r['canonical'] == v['canonical'] for r in REG.values()):
                    errors.append(f'{did}: {v["canonical"]} is in the registry but id is null')
            lv[v['level']] += 1
            prov[v['province']] += 1
    for e in errors:
        print('ERROR', e)
    print(f'{len(docs)} documents, {nspans} PARK spans')
    print('levels:', dict(lv))
    print('registry:', dict(inreg))
    print('span provinces:', dict(prov.most_common()))
    print('document provinces:', dict(collections.Counter(d['province'] for d in docs).most_common()))
    return 1 if errors else 0


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--dir', default=str(HERE.parent), help='test-set folder holding park.jsonl (default: gold-test)')
    ap.add_argument('--years', default='2020-2023', help='allowed publication years, e.g. 2018-2025')
    a = ap.parse_args()
    y0, y1 = (int(x) for x in a.years.split('-'))
    sys.exit(main(pathlib.Path(a.dir) / 'park.jsonl', (y0, y1)))
