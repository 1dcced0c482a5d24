from build import R, V, text_from_json
T = text_from_json(r'''宁东基地跻身全国化工园区30强第6位\n\n25.05.2019  19:24\n\n  银川新闻网讯(记者  马小军)记者5月24日获悉,23日在广东惠州召开的“2019年中国化工园区与产业发展论坛”上,宁东能源化工基地名列中国化工园区30强第6位,较2018年跃升两个位次。\n\n  记者了解到,全国化工园区30强的评选包含化工园区的综合经济实力、基础设施配套、绿色生态化发展、安全与公众认知、园区创新发展等多项指标,是国内石化产业园区综合实力和先进水平的反映。\n\n  近年来,宁东基地高标准、高水平、全方位建设世界一流的国家级现代煤化工基地,坚持煤化工产业高端化、绿色化、集约化发展,突出创新驱动、产业链延伸、产业集群培育、质量效益提升。截至2018年年底,宁东基地累计完成固定资产投资5008亿元,工业总产值占宁夏的35%,工业增加值增长15%,全口径财政收入近百亿元。宁东基地加快产业转型升级、推动经济高质量发展的典型经验也受到了国务院的通报表彰。''')
ND = V('宁东能源化工基地', 'unknown', '宁夏回族自治区', '银川市')
DOC = dict(
    id='test2-park-22-ycnews-ningdong-chempark-2019',
    date='2019-05-25',
    title='宁东基地跻身全国化工园区30强第6位',
    source='http://yinchuan.baogaosu.com/xinwen/%E5%AE%81%E4%B8%9C%E5%9F%BA%E5%9C%B0%E8%B7%BB%E8%BA%AB%E5%85%A8%E5%9B%BD%E5%8C%96%E5%B7%A5%E5%9B%AD%E5%8C%BA/75120617/',
    publisher='银川新闻网, as reposted by baogaosu.com',
    province='宁夏回族自治区',
    text=T,
    # 宁东基地 is the short form of 宁东能源化工基地 (also in the headline before the full name);
    # 国家级现代煤化工基地 is a designation
    spans=[('宁东基地', ND), ('宁东能源化工基地', ND), ('宁东基地', ND), ('宁东基地', ND), ('宁东基地', ND)],
)
