from build import R, V, text_from_json
# precision document: four provincial high-tech zones named only by place words and a count
T = text_from_json(r'''欢迎您阅览陕西科技报!\n通版阅读请点击:\n展开通版\n收缩通版\n当前版:02版\n发布日期:\n全省高新区总数已达29家\n  本报讯 近日,省政府批复建设延安黄陵及咸阳兴平、武功、礼泉4家省级高新技术产业开发区。截至目前,全省高新区总数达到29家,其中国家高新区7家、省级高新区22家。\n  近年来,高新区作为秦创原建设重要组成部分,已成为承载开放创新、培育发展产业、支撑区域高质量发展的核心载体和示范样板,集聚了全省56%的高新技术企业和38%的科技型中小企业,拥有各类研发机构1619家,各类创业孵化载体384家;拥有168万从业者。\n  黄陵、武功、兴平、礼泉四家各具特色省级高新区的批复建设,是进一步优化全省高新区总体布局,充分发挥高新区在创新驱动发展中的排头兵作用,有效促进关中协同创新、陕南绿色发展和陕北持续转型发展,加速构建全省秦创原协同创新“一总多区多平台”发展格局的有力支撑,将成为我省创新驱动高质量发展的又一重要力量。''')
DOC = dict(
    id='test-park-36-snkjb-shaanxi-hitech-2023',
    date='2023-01-31',
    title='全省高新区总数已达29家',
    source='https://szb.snkjb.com/sxkjb/20230131/html/page_01_content_005.htm',
    publisher='陕西科技报 (e-paper, issue of 2023-01-31)',
    province='陕西省',
    text=T,
    spans=[],
)
