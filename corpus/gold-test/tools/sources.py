#!/usr/bin/env python3
"""Write <dir>/SOURCES.md from <dir>/park.jsonl plus licence and date notes.

Usage: sources.py [--dir corpus/gold-test2]. The notes below are those of corpus/gold-test; another
folder gives its own in <dir>/tools/sources_meta.py (dicts LIC and DATE keyed by the two-digit
number, strings HEAD and TAIL).
"""
import argparse, importlib.util, json, pathlib
HERE = pathlib.Path(__file__).resolve().parent
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--dir', default=str(HERE.parent))
FOLDER = pathlib.Path(ap.parse_args().dir).resolve()
docs = [json.loads(l) for l in open(FOLDER / 'park.jsonl', encoding='utf-8')]
OFF = 'official document of a state organ (Art. 5, Copyright Law of the PRC): may be shipped'
NEWS = 'news report / third-party page: copyright of the publisher; a short excerpt kept for evaluation only, do not redistribute beyond the test set'
FACT = 'factual list (names and ranks from an official evaluation) on a third-party page; excerpt kept for evaluation only'
LIC = {
 '01': FACT, '02': NEWS, '03': NEWS + ' (reports a notice of 辽宁省工业和信息化厅)', '04': NEWS + ' (reports a notice of 贵州省工业和信息化厅)',
 '05': NEWS, '06': NEWS + ' (the page claims exclusive copyright of 浙江在线)', '07': NEWS, '08': NEWS, '09': NEWS,
 '10': OFF + ' (科技部办公厅 notice 国科办农〔2021〕150号, reposted)', '11': NEWS + ' (人民日报 page with data of the zone’s party-government office)',
 '12': OFF + ' (安徽省农业农村厅 public notice, reposted)', '13': OFF + ' (山东省农业农村厅/财政厅 notice 鲁农发规字〔2021〕24号, reposted; original on nync.shandong.gov.cn)',
 '14': 'information released by a park committee office (锡山经济技术开发区党政办), reposted; treated as a news item: evaluation only',
 '15': NEWS + ' (科技日报, traditional-script repost)', '16': NEWS + ' (新华社 wire in 甘肃日报)', '17': NEWS,
 '18': OFF + ' (district five-year plan of 天津市滨海新区人民政府, uploaded copy)',
 '19': NEWS + ' (reports a decision of 甘肃省人民政府办公厅)', '20': NEWS + ' (page states rights are held by 甘肃媒体版权保护中心)', '21': NEWS,
 '22': 'page of the Chongqing municipal government website (cq.gov.cn) carrying a 华龙网 report on the government’s approval; the approval is an official document, the report text is news: evaluation only',
 '23': OFF + ' (开州府发〔2020〕20号, on cqkz.gov.cn)', '24': OFF + ' (plan of 天津港保税区管理委员会 on tjbh.gov.cn)', '25': NEWS, '26': FACT, '27': NEWS,
 '28': NEWS + ' (newspaper e-paper)', '29': OFF + ' (安徽省发展和改革委员会 public notice, reposted)', '30': NEWS, '31': FACT + ' (summary of 国办函〔2021〕64号)',
 '32': NEWS, '33': OFF + ' (notice of 上海市经济和信息化委员会 and six other organs, reposted)', '34': NEWS + ' (新华社)', '35': NEWS,
 '36': NEWS + ' (陕西科技报 e-paper)',
}
DATE = {
 '01': 'inferred from the URL (…/2022/22022150304.htm); the page shows no date',
 '06': 'from the URL (t20230116)', '08': 'from the URL (t20231101)', '19': 'from the URL (2022-11/29)',
 '20': 'from the URL (2021/02/14)', '32': 'from the URL (2021/0914)', '34': 'from the URL (2022/0820)',
 '10': 'page date; the notice is dated 2021年12月17日', '11': 'date of the 人民日报 issue (2021-03-07, p. 6)',
 '12': 'date of the notice (2021年2月4日); the repost shows no page date', '13': 'page date; the notice is dated 2021年12月23日',
 '16': 'issue date of 甘肃日报', '18': 'upload date shown by yunzhan365', '21': 'page update time; the report is about a 2月13日 press conference',
 '23': 'publication date in the URL (t20200819); the document is dated 2020年6月28日', '28': 'issue date of the e-paper',
 '33': 'date of the notice (2020年9月24日); the repost shows no page date', '36': 'issue date of the e-paper',
}
HEAD = ('Every document is an excerpt returned by the `search` tool (corpus "pages") and used as given: the end cut at the last complete sentence (or the last complete list item), characters otherwise exact; in 14 and 15 the site navigation before the article title was left out. All were published 2020–2023; none is in /work/main/corpus or /work/shared/corpus.')
TAIL = ('Licence summary: documents 10, 12, 13, 18, 23, 24, 29 and 33 are official documents of state organs (Art. 5) and may be shipped with the project; the others are news reports or third-party pages kept as short excerpts for measuring the recognizer, with their URL recorded, and should not be redistributed beyond this held-out test set without clearing the publisher’s rights.')
TITLE = '# PARK test set: sources'
meta = FOLDER / 'tools' / 'sources_meta.py'
if meta.exists():
    spec = importlib.util.spec_from_file_location('sources_meta', meta)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    LIC, DATE, HEAD, TAIL, TITLE = m.LIC, m.DATE, m.HEAD, m.TAIL, getattr(m, 'TITLE', TITLE)
out = [TITLE, '', HEAD, '',
       '| # | id | title | publisher | date | URL | licence basis |', '|---|---|---|---|---|---|---|']
for d in docs:
    n = d['id'].split('-')[2]
    out.append(f"| {n} | {d['id']} | {d['title']} | {d['publisher']} | {d['date']} ({DATE.get(n, 'page date')}) | {d['source']} | {LIC[n]} |")
out += ['', TAIL]
(FOLDER / 'SOURCES.md').write_text('\n'.join(out) + '\n', encoding='utf-8')
print(len(docs), 'sources written')
