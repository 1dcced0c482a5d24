"""Write notebooks/evaluation.ipynb (without outputs). Run: python tools/make_notebook.py"""

from pathlib import Path

import nbformat as nbf

cells = [
    nbf.v4.new_markdown_cell(
        "# newsx — evaluation on the project gold\n\n"
        "Loads every gold file in `corpus/gold/`, runs the extractor on the gold texts, and shows the\n"
        "scores per label, the errors by kind, and the worst errors with their context.\n"
        "It is executed by `make test` (tests/test_notebook.py), so it cannot rot."),
    nbf.v4.new_code_cell(
        "from pathlib import Path\n"
        "import matplotlib\n"
        "matplotlib.use('Agg')\n"
        "import matplotlib.pyplot as plt\n"
        "from matplotlib import font_manager\n"
        "from IPython.display import HTML, display\n\n"
        "from extract.evaluate import load_gold, score\n"
        "from extract.evaluate.report import as_json, table\n"
        "from extract.pipeline import extract_document\n"
        "from schemas.records import Document\n\n"
        "# A CJK font (Debian: fonts-noto-cjk) so that Chinese labels render.\n"
        "cjk = [f.name for f in font_manager.fontManager.ttflist if 'CJK' in f.name or 'Han' in f.name]\n"
        "if cjk:\n"
        "    plt.rcParams['font.family'] = sorted(set(cjk))[0]\n"
        "root = Path.cwd() if (Path.cwd() / 'corpus').exists() else Path.cwd().parent\n"
        "gold_files = sorted((root / 'corpus' / 'gold').glob('*.jsonl'))\n"
        "gold = load_gold(gold_files)\n"
        "pred = {g.id: extract_document(Document(id=g.id, text=g.text, date=g.date)) for g in gold}\n"
        "result = score(gold, pred)\n"
        "print(f'{len(gold_files)} gold files, CJK font: {cjk[0] if cjk else None}')\n"
        "print(table(result, len(gold)))"),
    nbf.v4.new_code_cell(
        "report = as_json(result, len(gold))\n"
        "labels = list(report['labels'])\n"
        "f1 = [report['labels'][l]['strict']['f1'] for l in labels]\n"
        "va = [report['labels'][l]['value_accuracy'] or 0 for l in labels]\n"
        "fig, ax = plt.subplots(figsize=(7, 3.5))\n"
        "x = range(len(labels))\n"
        "ax.bar([i - 0.2 for i in x], f1, width=0.4, label='strict F1')\n"
        "ax.bar([i + 0.2 for i in x], va, width=0.4, label='value accuracy')\n"
        "ax.set_xticks(list(x), labels)\n"
        "ax.set_ylim(0, 1.05)\n"
        "ax.set_title('newsx on the project gold（项目金标准）')\n"
        "ax.legend(loc='lower right')\n"
        "plt.show()"),
    nbf.v4.new_code_cell(
        "kinds = ['miss', 'spurious', 'boundary', 'value']\n"
        "counts = {k: [sum(e.kind == k and e.label == l for e in result.errors) for l in labels] for k in kinds}\n"
        "fig, ax = plt.subplots(figsize=(7, 3.5))\n"
        "bottom = [0] * len(labels)\n"
        "for k in kinds:\n"
        "    ax.bar(labels, counts[k], bottom=bottom, label=k)\n"
        "    bottom = [b + c for b, c in zip(bottom, counts[k])]\n"
        "ax.set_title('errors by kind（错误类型）')\n"
        "ax.legend()\n"
        "plt.show()\n"
        "counts"),
    nbf.v4.new_code_cell(
        "# The worst errors first: misses and spurious spans, then boundaries, then values.\n"
        "order = {'miss': 0, 'spurious': 1, 'boundary': 2, 'value': 3}\n"
        "rows = sorted(result.errors, key=lambda e: (order[e.kind], e.label, e.doc_id))[:40]\n"
        "def cell(m):\n"
        "    return '' if m is None else f'{m.text} → {m.value.model_dump_json()}'\n"
        "html = ['<table><tr><th>kind</th><th>label</th><th>document</th><th>context</th><th>gold</th><th>predicted (rule)</th></tr>']\n"
        "for e in rows:\n"
        "    rule = e.pred.rule if e.pred else ''\n"
        "    html.append(f'<tr><td>{e.kind}</td><td>{e.label}</td><td>{e.doc_id}</td><td>{e.context}</td>'\n"
        "                f'<td>{cell(e.gold)}</td><td>{cell(e.pred)} {rule}</td></tr>')\n"
        "html.append('</table>')\n"
        "display(HTML(''.join(html)))\n"
        "len(result.errors)"),
]
nb = nbf.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
out = Path(__file__).resolve().parent.parent / "notebooks" / "evaluation.ipynb"
nbf.write(nb, out)
