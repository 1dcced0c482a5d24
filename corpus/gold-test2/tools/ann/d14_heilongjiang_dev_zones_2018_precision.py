from build import R, V, text_from_json
T = text_from_json(r'''黑龙江省开发区数量居东北首位\n\n13.03.2018  19:16\n\n为加强各类开发区规划指导、创新发展,充分发挥开发区引领和带动作用,推动产业升级,国家发展改革委、科技部、国土资源部、住房城乡建设部、商务部、海关总署联合发布了《中国开发区审核公告目录》(2018年版)(国家发展改革委公告2018年第4号),共包括2543家开发区,其中国家级开发区552家,省级开发区1991家。\n\n黑龙江省有90家开发区纳入《目录》,开发区数量居东北地区第一位。其中国家级开发区16家,包括哈尔滨、哈尔滨利民、宾西、双鸭山、大庆、牡丹江、海林、绥化等8家经济技术开发区,哈尔滨、齐齐哈尔、大庆等3家高新技术产业开发区,哈尔滨、黑龙江绥芬河等2家综合保税区,绥芬河、黑河等2家边境经济合作区,中俄东宁—波尔塔夫卡互市贸易区;省级开发区74家,基本覆盖全省县级以上城市。''')
DOC = dict(
    id='test2-park-14-baogaosu-heilongjiang-dev-zones-2018',
    date='2018-03-13',
    title='黑龙江省开发区数量居东北首位',
    source='http://haerbin.baogaosu.com/xinwen/%E9%BB%91%E9%BE%99%E6%B1%9F%E7%9C%81%E5%BC%80%E5%8F%91%E5%8C%BA%E6%95%B0%E9%87%8F%E5%B1%85%E4%B8%9C%E5%8C%97%E9%A6%96%E4%BD%8D/65495797/',
    publisher='baogaosu.com (Harbin news aggregator)',
    province='黑龙江省',
    text=T,
    # precision document: every zone but one is a counted coordination (… 等8家经济技术开发区) — no span
    spans=[('中俄东宁—波尔塔夫卡互市贸易区', V('中俄东宁—波尔塔夫卡互市贸易区', 'national', '黑龙江省', '牡丹江市'))],
)
