"""Write notebooks/evaluation.ipynb (without outputs). Run: python tools/make_notebook.py"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

cells = []
md = lambda s: cells.append(new_markdown_cell(s.strip()))
code = lambda s: cells.append(new_code_cell(s.strip()))

md("""
# newsx — evaluation on the project gold

Runs the extractor on the gold texts — the dev gold (`corpus/gold/`) and the held-out PARK test
split (`corpus/gold-test/`) — as `newsx score` does, and shows where it goes wrong: error counts
by label and kind, value accuracy with its uncertainty, F1 per source, and the errors themselves
with their context. It is executed by `make test` (tests/test_notebook.py), so it cannot rot;
the stored notebook has no outputs.
""")
code("""
%matplotlib inline
import re
from collections import defaultdict
from math import sqrt
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib import font_manager
from IPython.display import HTML, display

from extract.evaluate import load_gold, predict, score
from extract.evaluate.matching import Counts
from extract.evaluate.report import table


def cjk_font():
    \"\"\"Noto Sans CJK (Debian: fonts-noto-cjk) for the Chinese labels — registered with matplotlib
    even when its font cache was built before the fonts were installed.\"\"\"
    def names():
        return sorted({f.name for f in font_manager.fontManager.ttflist if f.name.startswith('Noto Sans CJK')})
    if not names():
        for path in font_manager.findSystemFonts():
            if Path(path).name.startswith('NotoSansCJK'):
                font_manager.fontManager.addfont(path)
    found = names()
    if not found:
        return None, None
    name = next((n for n in found if n.endswith(' SC')), found[0])  # simplified Chinese shapes first
    return name, font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)


font, font_file = cjk_font()
if font:
    plt.rcParams['font.family'] = [font, 'DejaVu Sans']
plt.rcParams['axes.unicode_minus'] = False
plt.rcParams['figure.dpi'] = 100
print(f'CJK font: {font} ({font_file})' if font else 'CJK font: none found (Debian: apt install fonts-noto-cjk)')
""")
code("""
root = Path.cwd() if (Path.cwd() / 'corpus').exists() else Path.cwd().parent
files = {'dev': sorted((root / 'corpus' / 'gold').glob('*.jsonl')),
         'test': sorted((root / 'corpus' / 'gold-test').glob('*.jsonl'))}
gold = {split: load_gold(fs) for split, fs in files.items() if fs}
pred = {split: predict(docs, options={'date_calendar_words': False}) for split, docs in gold.items()}  # as `newsx score` (the gold's DATE contract)
result = {split: score(gold[split], pred[split]) for split in gold}
for split in gold:
    print(f'== {split}: {len(files[split])} gold files, {len(gold[split])} documents')
    print(table(result[split], len(gold[split])))
    print()
""")
md("""
## Errors by label and kind

Counts, not rates: how many spans each label gets wrong and how. *miss*: a gold span nothing
predicted; *spurious*: a prediction with no gold; *boundary*: overlapping but not equal;
*value*: the right span with a wrong normalized value.
""")
code("""
kinds = ['miss', 'spurious', 'boundary', 'value']
colors = {'miss': '#d62728', 'spurious': '#ff7f0e', 'boundary': '#9467bd', 'value': '#1f77b4'}
fig, axes = plt.subplots(1, len(result), figsize=(5.5 * len(result), 3.6), squeeze=False)
for ax, (split, r) in zip(axes[0], result.items()):
    labels = sorted(r.by_label)
    left = [0] * len(labels)
    for k in kinds:
        n = [sum(e.kind == k and e.label == l for e in r.errors) for l in labels]
        ax.barh(labels, n, left=left, color=colors[k], label=k)
        left = [a + b for a, b in zip(left, n)]
    for y, (l, total) in enumerate(zip(labels, left)):
        ax.text(total, y, f' {total} of {r.by_label[l].gold} gold', va='center', fontsize=9)
    ax.set_xlim(0, max(left + [1]) * 1.45)
    ax.invert_yaxis()
    ax.set_xlabel('errors')
    ax.set_title(f'{split}: errors by label and kind（错误类型）')
    ax.legend(loc='lower right', fontsize=8)
fig.tight_layout()
plt.show()
{split: {k: sum(e.kind == k for e in r.errors) for k in kinds} for split, r in result.items()}
""")
md("""
## Value accuracy

Of the spans found exactly, how many carry the right value (amount, currency, qualifier, date,
park id …) — with a 95% Wilson interval, which says how far a few hundred spans can be trusted.
""")
code("""
def wilson(k, n, z=1.96):
    if n == 0:
        return 0.0, 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, centre - half, centre + half

rows = [(f'{l} ({split})', r.by_label[l].value_ok, r.by_label[l].strict_tp)
        for split, r in result.items() for l in sorted(r.by_label) if r.by_label[l].strict_tp]
fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(rows) + 1.2))
for y, (name, k, n) in enumerate(rows):
    p, lo, hi = wilson(k, n)
    ax.plot([lo, hi], [y, y], color='#1f77b4', lw=2)
    ax.plot(p, y, 'o', color='#1f77b4')
    ax.text(1.001, y, f' {k}/{n} right, {n - k} wrong', va='center', fontsize=9)
low = min(wilson(k, n)[1] for _, k, n in rows)
ax.set_xlim(max(0.0, low - 0.02), 1.0)
ax.set_yticks(range(len(rows)), [r[0] for r in rows])
ax.invert_yaxis()
ax.set_xlabel('value accuracy of exact matches (95% interval)')
ax.set_title('value accuracy（数值准确率）')
fig.tight_layout()
plt.show()
""")
md("""
## F1 per source

The gold comes from different kinds of text — news sites, provincial government work reports,
the founding newspaper page, and (test) park news from many web sites. Strict F1 per source and
label, with the number of gold spans behind each figure.
""")
code("""
def origin(doc, split):
    if split == 'test':
        return 'web park news (test)'
    src = re.split(r'[:@#]', doc.source or '?')[0]  # repository or site, not the file in it
    return src.split('/')[-1][:28]

cells = defaultdict(Counts)
for split, docs in gold.items():
    for g in docs:
        r = score([g], {g.id: pred[split][g.id]})
        for l, c in r.by_label.items():
            cells[(origin(g, split), l)].add(c)
            cells[(origin(g, split), 'overall')].add(c)
sources = sorted({s for s, _ in cells}, key=lambda s: (s.endswith('(test)'), s))
columns = sorted({l for _, l in cells} - {'overall'}) + ['overall']
grid = [[cells[(s, l)].strict()[2] if cells[(s, l)].gold else float('nan') for l in columns] for s in sources]
fig, ax = plt.subplots(figsize=(1.3 * len(columns) + 3, 0.6 * len(sources) + 1.4))
im = ax.imshow(grid, cmap='RdYlGn', vmin=0.7, vmax=1.0, aspect='auto')
for i, s in enumerate(sources):
    for j, l in enumerate(columns):
        c = cells[(s, l)]
        f1 = c.strict()[2]
        ax.text(j, i, f'{f1:.3f}\\nn={c.gold}' if c.gold else '–', ha='center', va='center', fontsize=9,
                color='white' if c.gold and f1 > 0.95 else 'black')
ax.set_xticks(range(len(columns)), columns)
ax.set_yticks(range(len(sources)), sources)
ax.set_title('strict F1 per source（按来源）')
fig.colorbar(im, ax=ax, label='strict F1 (0.7 and below: red)')
fig.tight_layout()
plt.show()
""")
md("""
## The errors themselves

Misses and spurious spans first, then boundaries, then values — with the sentence around them.
""")
code("""
order = {'miss': 0, 'spurious': 1, 'boundary': 2, 'value': 3}
def cell(m):
    return '' if m is None else f'{m.text} → {m.value.model_dump_json()}'
html = ['<table><tr><th>split</th><th>kind</th><th>label</th><th>document</th><th>context</th><th>gold</th><th>predicted (rule)</th></tr>']
for split, r in result.items():
    for e in sorted(r.errors, key=lambda e: (order[e.kind], e.label, e.doc_id))[:30]:
        rule = e.pred.rule if e.pred else ''
        html.append(f'<tr><td>{split}</td><td>{e.kind}</td><td>{e.label}</td><td>{e.doc_id}</td><td>{e.context}</td>'
                    f'<td>{cell(e.gold)}</td><td>{cell(e.pred)} {rule}</td></tr>')
html.append('</table>')
display(HTML(''.join(html)))
{split: len(r.errors) for split, r in result.items()}
""")

nb = new_notebook(cells=cells, metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                         "language_info": {"name": "python"}})
nbformat.write(nb, Path(__file__).resolve().parent.parent / "notebooks" / "evaluation.ipynb")
