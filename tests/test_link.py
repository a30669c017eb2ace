"""Linking on hand-made extractions: locality, qualified names, stable IRIs, families."""

from kg.link import link
from kg.model import Award, Document, Extraction, Mention, Post, Sentence


def ex_for(doc_id: str, text: str, spans: list[tuple[str, str]], **facts) -> Extraction:
    mentions, pos = [], 0
    for label, surface in spans:
        start = text.index(surface, pos)
        mentions.append(Mention(start, start + len(surface), label, surface))
        pos = start + len(surface)
    ex = Extraction(Document(doc_id, text), 2021, [Sentence(0, len(text), text)], mentions)
    by = {}
    for m in mentions:
        by.setdefault(m.text, m)
    for p in facts.get("posts", []):
        ex.posts.append(Post(by[p[0]], by[p[1]], by[p[2]] if p[2] else None))
    for a in facts.get("awards", []):
        ex.awards.append(Award(by[a[0]], by[a[1]], a[2], [by[c] for c in a[3]], 2021))
    return ex


def names_of(ld, type_):
    return sorted(e.name for e in ld.entities.values() if e.type == type_)


def test_level_words_take_the_document_place():
    text = "岳阳市妇联召开会议。岳阳市委宣传部、市妇联、省妇联参加，市妇联主席王红讲话。"
    ex = ex_for("d", text, [("ORG", "岳阳市妇联"), ("ORG", "岳阳市委宣传部"), ("ORG", "市妇联"),
                            ("ORG", "省妇联"), ("ORG", "市妇联"), ("POST", "主席"),
                            ("PERSON", "王红")],
                posts=[("王红", "主席", "市妇联")])
    ld = link(ex)
    assert ld.locality["province"] == "湖南省" and ld.locality["city"] == "岳阳市"
    assert "岳阳市妇联" in names_of(ld, "Organization")
    assert "湖南省妇联" in names_of(ld, "Organization")
    org = ld.entities[next(f.org for f in ld.facts if f.kind == "post")]
    assert org.name == "岳阳市妇联" and org.full_name == "岳阳市妇女联合会"
    assert {"市妇联", "岳阳市妇联"} <= org.aliases


def test_county_document_and_nearer_context():
    text = ("平江县妇联开展活动，平江县妇联主席讲话。平江县妇儿工委召开会议。"
            "长沙市“最美家庭”评选中，市妇联表彰了县妇联。")
    ex = ex_for("d", text, [("ORG", "平江县妇联"), ("ORG", "平江县妇联"), ("ORG", "平江县妇儿工委"),
                            ("GPE", "长沙市"), ("ORG", "市妇联"), ("ORG", "县妇联")])
    ld = link(ex)
    assert ld.locality["county"] == "平江县" and ld.locality["city"] == "岳阳市"
    orgs = names_of(ld, "Organization")
    assert "长沙市妇联" in orgs  # the place named earlier in the sentence wins
    assert "平江县妇联" in orgs and "岳阳市妇联" not in orgs


def test_same_short_name_in_two_cities_gives_two_iris():
    a = link(ex_for("a", "岳阳市妇联与市妇联。岳阳市委。", [("ORG", "岳阳市妇联"), ("ORG", "市妇联"),
                                                    ("ORG", "岳阳市委")]))
    b = link(ex_for("b", "常德市妇联与市妇联。常德市委。", [("ORG", "常德市妇联"), ("ORG", "市妇联"),
                                                    ("ORG", "常德市委")]))
    ia = {e.iri for e in a.entities.values() if e.type == "Organization"}
    ib = {e.iri for e in b.entities.values() if e.type == "Organization"}
    assert not ia & ib


def test_three_spellings_one_node():
    docs = [("a", "岳阳市妇联召开会议，岳阳市委出席。", [("ORG", "岳阳市妇联"), ("ORG", "岳阳市委")]),
            ("b", "岳阳市妇女联合会发布通知。岳阳市委。", [("ORG", "岳阳市妇女联合会"), ("ORG", "岳阳市委")]),
            ("c", "岳阳市委指出，市妇联要做好工作。", [("ORG", "岳阳市委"), ("ORG", "市妇联")])]
    iris = []
    for doc_id, text, spans in docs:
        ld = link(ex_for(doc_id, text, spans))
        iris.append({e.iri for e in ld.entities.values() if e.type == "Organization"
                     and "妇" in e.name})
    assert iris[0] == iris[1] == iris[2] and len(iris[0]) == 1


def test_family_recipient_and_ocr_honor():
    text = "常德市张丽家庭荣获“常德市中帼文明家庭”称号。常德市妇联表彰。"
    ex = ex_for("d", text, [("GPE", "常德市"), ("PERSON", "张丽"), ("HONOR", "常德市中帼文明家庭"),
                            ("ORG", "常德市妇联")],
                awards=[("张丽", "常德市中帼文明家庭", "张丽家庭", ["常德市妇联"])])
    ld = link(ex)
    award = next(f for f in ld.facts if f.kind == "award")
    fam = ld.entities[award.subject]
    assert fam.type == "Family" and fam.name == "张丽家庭"
    honor = ld.entities[award.honor]
    assert honor.name == "常德市巾帼文明家庭" and "常德市中帼文明家庭" in honor.aliases


def test_person_iri_is_anchored_to_the_body():
    t1 = "岳阳市妇联主席王红讲话。"
    t2 = "常德市妇联主席王红讲话。"
    l1 = link(ex_for("a", t1, [("ORG", "岳阳市妇联"), ("POST", "主席"), ("PERSON", "王红")],
                     posts=[("王红", "主席", "岳阳市妇联")]))
    l2 = link(ex_for("b", t2, [("ORG", "常德市妇联"), ("POST", "主席"), ("PERSON", "王红")],
                     posts=[("王红", "主席", "常德市妇联")]))
    p1 = {e.iri for e in l1.entities.values() if e.type == "Person"}
    p2 = {e.iri for e in l2.entities.values() if e.type == "Person"}
    assert len(p1) == len(p2) == 1 and p1 != p2
    l3 = link(ex_for("c", "会上，" + t1, [("ORG", "岳阳市妇联"), ("POST", "主席"), ("PERSON", "王红")],
                     posts=[("王红", "主席", "岳阳市妇联")]))
    assert {e.iri for e in l3.entities.values() if e.type == "Person"} == p1


def test_units_are_placed_under_their_parent_body():
    text = "平江县法院家事审判庭与湖南某某绣艺有限公司妇女委员会签约。平江县妇联。平江县委。"
    ld = link(ex_for("d", text, [("ORG", "平江县法院家事审判庭"), ("ORG", "湖南某某绣艺有限公司妇女委员会"),
                                 ("ORG", "平江县妇联"), ("ORG", "平江县委")]))
    by_name = {e.name: e for e in ld.entities.values() if e.type == "Organization"}
    court = by_name["平江县法院家事审判庭"]
    assert ld.entities[court.parent].name == "平江县法院"
    committee = by_name["湖南某某绣艺有限公司妇委会"]
    assert ld.entities[committee.parent].name == "湖南某某绣艺有限公司"
    # geography: the county court sits in 平江县, which sits in 岳阳市
    place = ld.entities[ld.entities[court.parent].place]
    assert place.name == "平江县" and ld.entities[place.parent].name == "岳阳市"


def test_bare_government_body_takes_the_scope_or_document_place():
    text = "平江县妇联召开会议。平江县委。11月4日，全县妇女儿童工作委员会召开会议，农业农村局参加。全国妇联表彰。"
    ld = link(ex_for("d", text, [("ORG", "平江县妇联"), ("ORG", "平江县委"),
                                 ("ORG", "妇女儿童工作委员会"), ("ORG", "农业农村局"), ("ORG", "全国妇联")]))
    orgs = names_of(ld, "Organization")
    assert "平江县妇儿工委" in orgs and "平江县农业农村局" in orgs
    assert "全国妇联" in orgs  # national bodies are never qualified


def test_labels_for_non_chinese_readers():
    from kg.labels import body_english, person_pinyin, place_english, post_english

    assert person_pinyin("欧阳明宇") == "Ōuyáng Míngyǔ"
    assert place_english("平江县") == "Pingjiang County"
    assert body_english("岳阳市妇联", "岳阳市") == "Yueyang City Women's Federation"
    assert post_english("党组书记") == "Party Leadership Group Secretary"
    assert body_english("某某研究所课题组") is None  # unknown type: no label, not a wrong one
    ld = link(ex_for("d", "岳阳市妇联主席王红讲话。", [("ORG", "岳阳市妇联"), ("POST", "主席"),
                                                 ("PERSON", "王红")], posts=[("王红", "主席", "岳阳市妇联")]))
    person = next(e for e in ld.entities.values() if e.type == "Person")
    assert person.pinyin == "Wáng Hóng"


def test_township_league_party_prefixes_and_departments():
    text = ("平江县三市镇召开会议。三市镇党委书记讲话，镇妇联参加，组织部派员出席。"
            "团市委、团省委和共青团岳阳市委到平江县调研。")
    ld = link(ex_for("d", text, [("GPE", "平江县三市镇"), ("ORG", "镇党委"), ("ORG", "镇妇联"),
                                 ("ORG", "组织部"), ("ORG", "团市委"), ("ORG", "团省委"),
                                 ("ORG", "共青团岳阳市委"), ("GPE", "平江县")]))
    written = {e.extra.get("written_name", e.name) for e in ld.entities.values()
               if e.type == "Organization"}
    assert {"三市镇党委", "三市镇妇联", "平江县委组织部", "共青团岳阳市委", "共青团湖南省委"} <= written
    assert not any(w.count("岳阳") > 1 for w in written)  # the place is never added twice


def test_township_words_stay_as_written_when_the_township_is_unknown():
    text = "平江县妇联召开会议，平江县委出席。各镇妇联、乡村振兴局参加。镇党委书记发言。"
    ld = link(ex_for("d", text, [("ORG", "平江县妇联"), ("ORG", "平江县委"), ("ORG", "乡村振兴局"),
                                 ("ORG", "镇党委")]))
    written = {e.extra.get("written_name", e.name) for e in ld.entities.values()
               if e.type == "Organization"}
    assert "镇党委" in written and "平江县乡村振兴局" in written


def test_an_alias_before_a_lower_level_word_is_not_that_place():
    from kg.link.locality import leading_place, township_of

    assert leading_place("新竹街道桃源社区") is None  # not Taiwan's 新竹市
    assert township_of("青秀区新竹街道") == "新竹街道"
    assert leading_place("株洲女企业家联合会")[0] == "株洲"  # an alias before a name still counts


def test_government_head_posts_belong_to_the_government():
    text = "平江县三市镇召开会议。三市镇党委副书记、镇长刘明主持。"
    m = ex_for("d", text, [("GPE", "平江县三市镇"), ("ORG", "三市镇党委"), ("POST", "副书记"),
                           ("POST", "镇长"), ("PERSON", "刘明")])
    by = {x.text: x for x in m.mentions}
    m.posts = [Post(by["刘明"], by["副书记"], by["三市镇党委"]), Post(by["刘明"], by["镇长"], by["三市镇党委"])]
    ld = link(m)
    bodies = {f.role: ld.entities[f.org].extra.get("written_name") for f in ld.facts if f.kind == "post"}
    assert bodies == {"副书记": "三市镇党委", "镇长": "三市镇人民政府"}


def test_county_level_cities_and_autonomous_county_short_forms():
    text = "琼海市妇联召开会议，琼海市总工会参加。市妇联主席王芳讲话。互助县委组织部、互助县妇联出席。"
    ld = link(ex_for("d", text, [("ORG", "琼海市妇联"), ("ORG", "琼海市总工会"), ("ORG", "市妇联"),
                                 ("ORG", "互助县委组织部"), ("ORG", "互助县妇联")]))
    assert ld.locality["province"] == "海南省" and ld.locality["county"] == "琼海市"
    assert ld.locality["city"] is None  # no 省直辖行政区划 pseudo-city
    written = {e.extra.get("written_name", e.name) for e in ld.entities.values()}
    assert {"琼海市妇联", "互助县委组织部"} <= written
    places = {e.name for e in ld.entities.values() if e.type == "Place"}
    assert "省直辖行政区划" not in places and "互助土族自治县" in places


def test_school_and_village_committees_belong_to_the_school_or_village_named():
    text = ("武汉理工大学举行表彰大会，材料学院团委获表彰，校团委书记周敏讲话。"
            "走进桃花村，村党支部书记、村委会主任吴强介绍。")
    ex = ex_for("d", text, [("ORG", "武汉理工大学"), ("ORG", "材料学院团委"), ("ORG", "校团委"),
                            ("POST", "书记"), ("PERSON", "周敏"), ("GPE", "桃花村"),
                            ("ORG", "村党支部"), ("POST", "书记"), ("ORG", "村委会"),
                            ("POST", "主任"), ("PERSON", "吴强")])
    ld = link(ex)
    orgs = names_of(ld, "Organization")
    assert "武汉理工大学团委" in orgs
    assert "桃花村党支部" in orgs and "桃花村委会" in orgs
    assert "校团委" not in orgs and "村党支部" not in orgs


def test_community_committee_belongs_to_the_community_named():
    text = "走进阳光社区，社区党委书记陈静介绍。"
    ex = ex_for("d", text, [("GPE", "阳光社区"), ("ORG", "社区党委"), ("POST", "书记"),
                            ("PERSON", "陈静")], posts=[("陈静", "书记", "社区党委")])
    assert "阳光社区党委" in names_of(link(ex), "Organization")


def test_ethnic_township_is_not_a_county_alias_and_names_the_township():
    from kg.link.locality import leading_place, township_of

    assert leading_place("灵山满族乡东兴村") is None  # not 灵山县 (Guangxi)
    assert township_of("灵山满族乡东兴村") == "灵山满族乡"
    text = "红旗满族乡丨前进村举办活动。乡党委书记王明出席，乡妇联参加。来源丨红旗满族乡人民政府"
    ld = link(ex_for("d", text, [("GPE", "红旗满族乡"), ("GPE", "前进村"), ("ORG", "乡党委"),
                                 ("ORG", "乡妇联"), ("ORG", "红旗满族乡人民政府")]))
    written = {e.extra.get("written_name", e.name) for e in ld.entities.values()
               if e.type == "Organization"}
    assert {"红旗满族乡党委", "红旗满族乡妇联"} <= written


def test_company_own_bodies_take_the_company_named_before():
    text = "华能电力集团党委副书记、集团工会主席李建国出席，集团工会副主席、女职工委员会主任王芳主持。"
    ld = link(ex_for("d", text, [("ORG", "华能电力集团"), ("ORG", "集团工会"), ("ORG", "集团工会"),
                                 ("ORG", "女职工委员会")]))
    written = {e.extra.get("written_name", e.name) for e in ld.entities.values()
               if e.type == "Organization"}
    assert {"华能电力集团工会", "华能电力集团工会女职工委员会"} <= written


def test_bare_court_division_takes_the_court_named_before():
    text = "平江县人民法院召开会议。家事审判庭庭长王红发言。"
    ld = link(ex_for("d", text, [("ORG", "平江县人民法院"), ("ORG", "家事审判庭")]))
    written = {e.extra.get("written_name", e.name) for e in ld.entities.values()
               if e.type == "Organization"}
    assert "平江县人民法院家事审判庭" in written


def test_nearer_place_prefers_the_document_province():
    from kg.link.locality import nearer_place

    # 巴州妇联副主席到培训班调研，副县长陪同。
    ms = [Mention(0, 4, "ORG", "巴州妇联")]
    assert nearer_place(ms, 15, 0, "county", "新疆维吾尔自治区") is None  # not 巴州区 (Sichuan)
    assert nearer_place(ms, 15, 0, "county") == "巴州区"


def test_autonomous_region_level_word_takes_the_region():
    text = "和静县妇联召开会议，和静县委出席。自治区妇联、自治区政协派员参加。"
    ld = link(ex_for("d", text, [("ORG", "和静县妇联"), ("ORG", "和静县委"), ("ORG", "自治区妇联"),
                                 ("ORG", "自治区政协")]))
    written = {e.extra.get("written_name", e.name) for e in ld.entities.values()
               if e.type == "Organization"}
    assert {"新疆维吾尔自治区妇联", "新疆维吾尔自治区政协"} <= written


def test_league_committee_of_an_autonomous_region():
    from kg.link.names import league_level
    assert league_level("团自治区委") == ("province", "")
    assert league_level("团自治州委宣传部") == ("city", "宣传部")
    assert league_level("团市委") == ("city", "")
