from build import R, V, text_from_json
T = text_from_json(r'''云南全省千亿级园区增至6个 2022年园区工业总产值超1.6万亿元|世界热点评\n\n\n(资料图片仅供参考)\n\n观点网讯:6月14日,云南深入开展园区规模和质量提升行动,实施绿色低碳示范产业园区三年行动,“一园一策”推动打造7个千亿级园区,开展中老磨憨—磨丁经合区招商推介活动,有序推进园区标准化建设。\n\n观点新媒体获悉,云南全省千亿级园区增至6个,五百亿级园区达到10个。累计建成国家级新型工业化产业示范基地9个、省级基地41个,建成绿色低碳产业园区10个。\n\n2022年,云南全省园区工业总产值超1.6万亿元,同比增长15.4%。2023年1-4月,全省园区实现规上工业总产值4806.7亿元,占全省规模以上工业总产值比重达76%,园区作为工业发展的载体和平台作用进一步凸显。''')
DOC = dict(
    id='test2-park-28-guandian-yunnan-parks-2023',
    date='2023-06-14',
    title='云南全省千亿级园区增至6个 2022年园区工业总产值超1.6万亿元',
    source='http://baoji.gqsoso.com/baoji/20230614/1127569.html',
    publisher='观点网 (guandian.cn), as reposted by gqsoso.com (title tag of the repost kept as given)',
    province='云南省',
    text=T,
    # precision: 千亿级园区 / 五百亿级园区 (size classes), 绿色低碳(示范)产业园区 and 新型工业化产业示范基地 (designations)
    spans=[('中老磨憨—磨丁经合区', R('中国老挝磨憨—磨丁经济合作区'))],
)
