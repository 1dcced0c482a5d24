"""Park words, their full forms, and the characters that cannot sit inside a park name.

Suffixes follow ANNOTATION.md (PARK) and the names used in the State Council, MOST and MOFCOM
lists (高新技术产业开发区, 经济技术开发区, 自由贸易试验区, 综合保税区 …).
"""

from __future__ import annotations

# Park words that, after a place name, make a park name (pattern layer). Longest match wins.
PATTERN_SUFFIXES: tuple[str, ...] = (
    "高新技术产业开发区", "高新技术产业园区", "高新技术开发区", "高新区", "高新园区",
    "经济技术开发区", "经济开发区", "经开区", "开发区", "技术开发区",
    "工业园区", "工业园", "产业园区", "产业园", "科技园区", "科技园", "大学科技园", "科技城", "产业城",
    "产业基地", "制造基地", "生产基地", "产业创新基地", "炼化基地", "能源化工基地", "数据产业基地",
    "物流园区", "物流园", "农业园区", "农业科技园区", "农业产业园", "观光园", "生态园", "创业园", "食品产业园",
    "产业集聚区", "新区", "自贸区", "自由贸易试验区", "自贸试验区", "自由贸易港", "自贸港",
    "综合保税区", "综保区", "保税区", "保税港区", "出口加工区", "边境经济合作区", "跨境经济合作区",
    "重点开发开放试验区", "园区", "基地", "科学城", "科创城", "科创园", "创新园", "经济合作区", "合作区", "示范园",
    "农业高新技术产业示范区", "农高区", "国家农业科技园区", "智慧产业园", "文化创意产业园",
    "创新城", "智慧城", "新片区", "开放试验区", "陆港区", "边境经济合作区", "农业高新技术产业示范区",
    "软件园", "科学园", "工业集中区", "产业新城", "生物城",
)

# Endings of registry names that are not pattern park words (a bare X片区 is not a park by itself):
# scanned on their own, so 南沙新区片区 is read whole and not cut at 新区.
REGISTRY_ENDINGS: tuple[str, ...] = ("片区",)

# Park words after which a proper name that is not a place still makes a park (亦庄综保区,
# 六松现代产业园, 合肥滨湖科学城): generic use of these words without a name is rare.
STRONG_SUFFIXES = frozenset({
    "综合保税区", "综保区", "保税港区", "科学城", "科创城", "科技城", "科创园", "创新园", "经济合作区", "合作区",
    "示范园", "产业园", "科技园", "农高区", "智慧产业园", "文化创意产业园", "产业城", "农业产业园",
    "工业园区", "工业园", "物流园区", "物流园", "产业基地", "基地", "制造基地", "生产基地",
    "创新城", "智慧城", "新片区", "高新技术产业开发区", "经济技术开发区", "能源化工基地", "炼化基地",
    "软件园", "科学园", "生物城",
})
# Park words after which a company name may stand before the place (比亚迪合肥基地, 富士康郑州科技园).
COMPANY_SUFFIXES = frozenset({"基地", "产业基地", "制造基地", "生产基地", "产业园", "科技园", "创新园", "智慧产业园"})
# Heads that are generic, not names (全国高新区, 各产业园, 该基地).
GENERIC_HEADS = frozenset({
    "全国", "全省", "全市", "全区", "全县", "各地", "我国", "我省", "我市", "我区", "本市", "本区", "该区", "其中", "今年",
    "去年", "国家", "国家级", "省级", "市级", "县级", "现代", "特色", "数字", "智慧", "重点", "新型", "一批", "首批",
    "这些", "相关", "大型", "专业", "综合", "高新", "生态", "绿色", "文化", "农业", "工业", "物流", "科技", "创新", "产业",
})
# Industries and products: a head made only of these before a park word names a kind of park
# (光伏产业园、新能源产业园等一批园区), not one park; a place or a brand must come with them.
INDUSTRY_WORDS = frozenset({
    "光伏", "家电", "电商", "氢能", "储能", "锂电", "锂电池", "电池", "新能源", "新材料", "半导体", "芯片", "集成电路",
    "生物", "医药", "生物医药", "医疗", "器械", "汽车", "新能源汽车", "汽配", "软件", "信息", "电子", "电子信息",
    "文创", "文化", "创意", "数字", "经济", "数字经济", "数据", "大数据", "算力", "人工智能", "智能", "机器人",
    "装备", "制造", "智能制造", "化工", "精细化工", "石化", "化学", "化学工业", "石油化工", "纺织", "服装", "食品", "农产品", "物流", "冷链", "跨境", "电子商务",
    "低空", "航空", "航天", "卫星", "通信", "光电", "光学", "激光", "材料", "钢铁", "有色", "金属", "建材", "家居",
    "家具", "陶瓷", "茶叶", "中药", "中医药", "健康", "大健康", "康养", "养老", "旅游", "影视", "动漫", "游戏",
    "总部", "双创", "创业", "孵化", "环保", "节能", "绿色", "低碳", "零碳", "循环", "再生", "资源", "海洋",
    "现代", "农业", "现代农业", "产业", "工业", "高端", "先进", "未来", "新兴", "战略性", "特色", "加工",
})

# Verbs read as a boundary when reading leftwards (推进肇庆高新区, 加快建设比亚迪合肥基地).
VERB_BIGRAMS = frozenset({
    "建设", "打造", "推进", "推动", "加快", "支持", "启动", "实施", "落地", "落户", "入驻", "进驻", "开工", "投产", "签约",
    "引进", "培育", "壮大", "提升", "依托", "围绕", "包括", "创建", "申报", "申建", "获批", "设立", "成立", "布局",
    "搭建", "聚集", "集聚", "位于", "地处", "入选", "规划", "新建", "扩建", "谋划", "做强", "做大", "助力", "服务", "对接",
    "联动", "深化", "优化", "完善", "加强", "强化", "争创", "筹建", "开通", "带动", "辐射", "推出", "出台", "举办", "承办",
    "参加", "前往", "来到", "走进", "进入", "跻身", "迈入", "走访", "考察", "调研", "提速", "扩大", "改造", "利用", "用好", "携手", "牵手", "获悉",
    "表示", "介绍", "显示", "认定", "命名", "授予", "批复", "同意", "升级", "晋升", "成为", "作为", "建成", "形成",
    "新增", "设立", "启用", "运营", "开园", "开业", "建好", "办好", "用好", "管好", "做好", "抓好", "打好",
    "用于", "产于", "产自", "来自", "属于", "源于", "出自", "销往", "运往", "发往", "鼓励", "建起",
    "施行", "实行", "推行", "试行", "执行", "开展",
    "设有", "拥有", "建有", "共有", "现有", "遍布", "覆盖", "涵盖", "包含", "分布", "看好", "选址", "选定",
})
# A base whose name holds one of these is a research or training base, not a park.
NOT_PARK_HEAD_WORDS = ("实验室", "研究院", "研究所", "研究中心", "大学城", "学校", "学院", "技能")

# Bases that are not parks (GUIDELINE: farm, breeding, seed, pilot, training bases, designations).
NOT_PARK_ENDINGS: tuple[str, ...] = (
    "养殖基地", "制种基地", "种植基地", "繁育基地", "育种基地", "中试基地", "培训基地", "实训基地", "训练基地",
    "教育基地", "实践基地", "研学基地", "奶源基地", "蔬菜基地", "保障基地", "工业基地", "示范基地", "人才基地",
    "孵化基地", "科普基地", "拍摄基地", "生产基地建设",
    # energy and grain bases are designations of a region's output, not parks (腾格里沙漠基地送电)
    "沙漠基地", "风电基地", "光伏基地", "风光基地", "煤电基地", "水电基地", "清洁能源基地", "能源基地", "粮食基地",
    "粮食生产基地", "储备基地", "大基地", "新能源基地",
)

# Cross-provincial regions named by their provinces' one-character names: a place that starts
# a park name shared by two provinces (川渝高竹新区, 京津电子化学品基地); no single province.
REGION_PLACES = frozenset({
    "京津冀", "京津", "京冀", "津冀", "川渝", "成渝", "沪苏浙", "苏浙沪", "江浙沪", "沪苏", "苏浙", "苏皖", "浙皖",
    "粤港澳", "粤港", "粤澳", "港澳", "闽台", "湘赣", "湘鄂赣", "鄂豫皖", "晋陕豫", "陕甘宁", "云贵", "滇黔",
    "川黔", "渝黔", "黔桂", "湘黔", "吉黑", "辽吉黑", "蒙晋陕", "甘青", "青甘", "桂琼", "琼港澳",
})

# Partner-country abbreviations that start the name of a bilateral park before its place
# (中新济南未来产业城, 中德（沈阳）高端装备制造产业园, 中韩盐城产业园): part of the name.
COOPERATION_PREFIXES: tuple[str, ...] = (
    "中新", "中德", "中法", "中韩", "中日", "中以", "中意", "中俄", "中白", "中欧", "中英", "中瑞", "中马",
    "中奥", "中荷", "中芬", "中比", "中澳", "中美", "中非", "中阿", "中哈", "中印尼", "中泰", "中越", "中老",
)

# Two-character words inside names whose first character is otherwise a stop (先进制造, 创新, 加工).
NAME_BIGRAMS = frozenset({"先进", "创新", "加工", "通用", "建材", "集成", "共享", "共建", "进出", "国家", "集聚", "合作", "创意", "高教", "科创", "双创"})

# Abbreviations expanded in canonical names (GUIDELINE: 高新区 → 高新技术产业开发区 …).
EXPANSIONS: tuple[tuple[str, str], ...] = (
    ("农高区", "农业高新技术产业示范区"),
    ("高新区", "高新技术产业开发区"),
    ("经开区", "经济技术开发区"),
    ("自贸区", "自由贸易试验区"),
    ("自贸试验区", "自由贸易试验区"),
    ("自贸港", "自由贸易港"),
    ("综保区", "综合保税区"),
)

# Words between the place and the park word that only say the level: dropped in canonical names.
LEVEL_WORDS: dict[str, str] = {
    "国家级": "national", "国家": "national", "省级": "provincial", "自治区级": "provincial", "市级": "other",
}

# Characters that end a name when reading leftwards from the park word: particles, verbs and
# prepositions that stand between a sentence and the name (在肇庆高新区, 落户肇庆高新区).
# A place name is looked up before a character is read as a stop, so 石家庄, 大同, 驻马店 and
# 建湖 stay whole.
STOP_CHARS = frozenset(
    "的在和与及或等从向对把将为由于是了着到至让使被给以并而且也都已又再还就个所这该其此各"
    "建入进驻落设申获批创打推加支搭布依托共同聚集属位处距离经过通即"
)
# Boundaries whatever jieba says (counters and particles: 三个蔬菜生产园区, 一批).
HARD_STOPS = frozenset("个批的在和与及等")
MAX_DESCRIPTOR = 16  # characters between the place (or bracket) and the park word
# A bracketed place inside a company base name: 百度智能云（山西·临汾）人工智能基础数据产业基地.
BRACKET_PLACE_SEPARATORS = "·・、"

# What a place or street name goes on with after a brand used alone (中关村大街, 光谷广场 is a square):
# the brand is then part of another name (a street, a square, an event, a company: 中关村论坛, 中关村银行),
# not the zone.
AFTER_BRAND_NOT_ZONE = r"(?:发展|科技|国际|创新|投资)?(?:银行|集团|公司|股份|控股|证券|基金|租赁)|论坛|大会|峰会|大厦|电子城|在线|[东南西北]?大街|[东南西北中]?路|街道|广场|地铁|站|小学|中学|医院|村委|社区"

# Short place names that are too common as ordinary words to start a park name alone.
AMBIGUOUS_SHORT_PLACES = frozenset({"合作", "新区", "城区", "郊区", "矿区", "开发", "高新", "经开", "中心", "新城", "东区", "西区", "南区", "北区"})
