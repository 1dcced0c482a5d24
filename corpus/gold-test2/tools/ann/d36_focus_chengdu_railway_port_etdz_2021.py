from build import R, V, text_from_json
T = text_from_json(r'''6月21日,据青白江区融媒体中心“I青白江”消息:\n日前,国务院批复,同意四川成都青白江经济开发区升级为:高级经济技术开发区。\n定名为:成都国际铁路港经济技术开发区。\n目前成都有3个高级经济开发区:\n1、成都高新技术产业开发区(高新)\n2、成都经济技术开发区(龙泉)\n3、海峡两岸科技产业开发园(温江)\n而现在青白江的“成都国际铁路港经济开发区”,是成都市第四个国际级经济技术开发区!\n恭喜青白江人民!\n成都国际铁路港经济技术开发区的设立,对于青白江人民、成都人民,甚至整个西部,都意义重大!\n青白江“升级高级”历程\n2018年11月,四川省委、省政府印发《关于实施“一干多支”发展战略推动全省区域协同发展的指导意见》,支持成都设立“蓉欧铁路港经济技术开发区”。\n2019年6月21日,国家商务部外资司明确:“蓉欧铁路港经济技术开发区”纳入高级经开区两年培育期,培育期起始时间为2018年10月30日。\n2020年5月17日,《中共中央 国务院关于新时代推进西部大开发形成新格局的指导意见》提出,研究按程序设立“成都国际铁路港经济开发区”。\n2020年8月25日,四川省人民政府关于设立成都国际铁路港经济开发区的批复:设立成都国际铁路港经济开发区(省级)。\n如今,“成都国际铁路港经济开发区”正式升级为高级新区。\n设立“成都国际铁路港经济开发区”\n有何意义?\n成都国际铁路港经济开发区的设立,这对于青白江、四川省还有我国铁路都具有重大的意义。''')
# the registry lists the zone under its former name; the text ties every later name to it (升级为…定名为), so
# all of them take the registry value (see NOTES)
QBJ = R('成都青白江经济技术开发区')
RP, RPE, RO = '成都国际铁路港经济技术开发区', '成都国际铁路港经济开发区', '蓉欧铁路港经济技术开发区'
DOC = dict(
    id='test2-park-36-focus-chengdu-railway-port-etdz-2021',
    date='2021-06-21',
    title='重磅!成都这个区,升级为“国际级开发区”!（成都国际铁路港经济技术开发区）',
    source='https://cd.focus.cn/zixun/1b300b5c9925a794.html',
    publisher='搜狐焦点成都 (cd.focus.cn), from 青白江区融媒体中心; the page replaces 国家级 by 高级/国际级 (kept as given); no page date, date from the text',
    province='四川省',
    text=T,
    # 高级经济开发区 / 国际级经济技术开发区 / 高级经开区 / 高级新区 are category words (garbled 国家级); 成都铁路口岸 no park
    spans=[('四川成都青白江经济开发区', QBJ), (RP, QBJ),
           ('成都高新技术产业开发区', R('成都高新技术产业开发区')), ('成都经济技术开发区', R('成都经济技术开发区')),
           ('海峡两岸科技产业开发园', V('成都海峡两岸科技产业开发园', 'national', '四川省', '成都市')),
           (RPE, QBJ), (RP, QBJ), (RO, QBJ), (RO, QBJ), (RPE, QBJ), (RPE, QBJ), (RPE, QBJ), (RPE, QBJ), (RPE, QBJ), (RPE, QBJ)],
)
