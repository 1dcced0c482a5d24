"""Licence and date notes of corpus/gold-test2 for ../../gold-test/tools/sources.py --dir corpus/gold-test2."""
TITLE = '# PARK test set 2: sources'
OFF = 'official document of a state organ (Art. 5, Copyright Law of the PRC): may be shipped'
NEWS = 'news report / third-party page: copyright of the publisher; a short excerpt kept for evaluation only, do not redistribute beyond the test set'
QA = 'third-party question-and-answer / encyclopedia-style page: copyright of the site; excerpt kept for evaluation only'
HEAD = ('Every document is an excerpt returned by the `search` tool (corpus "pages") and used as given: the start at the article '
        '(site navigation, share buttons and repeated page titles before it left out, noted below where it matters), the end cut at '
        'the last complete sentence or the last complete list item, characters otherwise exact (injected spam words of reposts kept). '
        'All were published 2018–2025; no URL, site or article is in /work/main/corpus, /work/shared/corpus or corpus/gold-test/SOURCES.md.')
TAIL = ('Licence summary: documents 02, 24, 26 and 29 are official documents of state organs (Art. 5) and may be shipped with the '
        'project; 25 is a Wikipedia article (CC BY-SA 4.0: may be shipped with attribution and the same licence); the others are '
        'news reports or third-party pages kept as short excerpts for measuring the recognizer, with their URL recorded, and should '
        'not be redistributed beyond this held-out test set without clearing the publisher’s rights.')
LIC = {
 '01': QA, '02': OFF + ' (公示公告 of 国家现代农业产业园建设工作领导小组办公室, 农业农村部/财政部, reposted)',
 '03': NEWS + ' (中国高新院 item reporting a list of the 四川省委农村工作领导小组)', '04': QA, '05': NEWS + ' (新华网)',
 '06': NEWS + ' (襄阳日报)', '07': NEWS + ' (repost of the 商务部 release)', '08': NEWS + ' (中新网)', '09': NEWS + ' (summary page of a WeChat article)',
 '10': NEWS, '11': NEWS + ' (interview by 搜狐城市)', '12': NEWS + ' (新华网)', '13': NEWS + ' (黑龙江日报)', '14': NEWS, '15': QA,
 '16': NEWS + ' (news item from 四川省科学技术厅)', '17': NEWS, '18': NEWS + ' (四川日报)', '19': NEWS + ' (四川日报 glossary box)',
 '20': NEWS, '21': NEWS + ' (新华社 via 澎湃新闻)', '22': NEWS, '23': NEWS + ' (新京报)',
 '24': OFF + ' (公示 of 国家生态工业示范园区建设协调领导小组办公室, 生态环境部, reposted)',
 '25': 'Wikipedia article (CC BY-SA 4.0), via a Kiwix mirror: may be shipped with attribution under the same licence',
 '26': OFF + ' (国务院 国函〔2018〕48号, reposted)', '27': NEWS, '28': NEWS + ' (观点网)',
 '29': OFF + ' (云南省人民政府办公厅 云政办发〔2022〕76号, on yn.gov.cn)', '30': NEWS + ' (青海新闻网)', '31': NEWS + ' (中国新闻网)',
 '32': NEWS + ' (NetEase Hao user post)', '33': NEWS + ' (新华社)', '34': NEWS + ' (浙江日报)', '35': NEWS, '36': NEWS + ' (搜狐焦点 from 青白江区融媒体中心)',
 '37': NEWS + ' (西南商报)', '38': NEWS + ' (上海证券报 / 中国证券网)', '39': NEWS + ' (香港商报)',
 '40': NEWS + ' (国际在线)',
}
DATE = {
 '01': 'page update time shown (更新时间 2024-06-20)', '02': 'date of the notice (2019年6月13日); the repost shows no page date',
 '03': 'page date (日期:2021-02-19)', '04': 'page update time shown (更新时间 2020-10-04)', '06': 'from the URL (t20250205)',
 '08': 'dateline 7月5日 of the 2024 report; the repost shows no page date', '09': 'from the article (8月14日, 2024 report); no page date',
 '10': 'from the URL (t20200831)', '13': 'issue date of the e-paper (URL 20190510)', '14': 'page date (13.03.2018)',
 '15': 'page update time shown', '16': 'page date (2019.1.31)', '19': 'issue date of the e-paper (URL 20220527)',
 '20': 'no page date: 4月4日 from the dateline, the year from the page’s related-news list (April 2023 items)',
 '22': 'page date (25.05.2019)', '23': 'no page date: from the article (10月10日, “2023全国都市报+新媒体总编辑宁夏行”)',
 '24': 'first day of the public-notice period (2019年6月3日)', '25': 'snapshot month of the Kiwix mirror (wikipedia_zh_all_maxi_2024-04); day unknown, the first of the month used',
 '26': '发布日期 of 国函〔2018〕48号 (2018-03-07, as shown by another repost, liangwengen.cn/guoqing/0626/3417.html); this copy shows no date',
 '28': 'from the URL (20230614) and the dateline', '29': 'from the URL (t20220902); the notice is dated 2022年8月30日', '30': 'from the URL (2024/01/04)',
 '32': 'no page date: from the text (the 2024 evaluation published 12月23日)', '33': 'from the text (工业和信息化部12月23日公布2024年…); no page date',
 '35': 'no page date: from the URL id (a MongoDB ObjectId whose timestamp is 2019-04-22)',
 '40': 'from the URL (2024-03-14)',
 '36': 'no page date: 6月21日 from the text, the year from the history it gives (provincial zone 2020-08, upgrade after it: 2021)',
}
