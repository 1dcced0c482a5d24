from build import R, V, text_from_json
T = text_from_json(r'''中关村指的是哪里\n\n更新时间: 2020-10-04 00:00:00\n\n中关村科技园,起源于20世纪80年代初的“中关村电子一条街”,位于北京市海淀区,是中国第一个国家级高新技术产业开发区、第一个国家自主创新示范区、第一个国家级人才特区,也是京津石高新技术产业带的核心园区。中关村科技园是我国体制机制创新的试验田,被誉为“中国硅谷”。\n\n中关村科技园区现已形成一区十园的发展格局,包括海淀园、丰台园、昌平园、电子城科技园、亦庄科技园、德胜园、雍和园、石景山园、通州园、大兴生物医药基地、平谷园、怀柔园、密云园,其中海淀园的主要功能是高新技术成果的研发、辐射、孵化和商贸中心,其他六园主要功能是高新技术产业的发展基地。\n\n中关村科技园区是我国科教智力和人才资源最为密集的区域,拥有以北京大学、中国人民大学、清华大学为代表的高等院校近41所。''')
Z = R('中关村科技园区')
def S(name):          # a sub-park of the 2020 text; old names not in the registry keep their own canonical
    try:
        return (name, R('中关村' + name))
    except KeyError:
        return (name, V('中关村科技园区' + name, 'national', '北京市', None))
DOC = dict(
    id='test2-park-04-tianqi-zhongguancun-subparks-2020',
    date='2020-10-04',
    title='中关村指的是哪里',
    source='https://m.tianqiyubao2.com/news/view-331348',
    publisher='tianqiyubao2.com (question-and-answer page)',
    province='北京市',
    text=T,
    spans=[('中关村', Z), ('中关村科技园', Z), ('中关村科技园', Z), ('中关村科技园区', Z)]
          + [S(n) for n in '海淀园 丰台园 昌平园 电子城科技园 亦庄科技园 德胜园 雍和园 石景山园 通州园 大兴生物医药基地 平谷园 怀柔园 密云园 海淀园'.split()]
          + [('中关村科技园区', Z)],
)
