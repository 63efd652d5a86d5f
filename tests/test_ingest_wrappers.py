"""HTML content split over wrapper elements that add no text (<div><font><span>...</span></font></div>,
as 2011 CMS pages write every paragraph): the content element is the container of the paragraphs,
not the one wrapped paragraph that scores highest; a closing promotion list under such a wrapper
still goes."""
import extract

A = "一家区属医院的门诊大厅每天人满为患，为了缩短患者排队的时间，区卫生局今年3月宣布将在全区推行分时段预约挂号，此次试点的范围是内科和儿科门诊，包括普通号和专家号共计二十余种。"
B = "据了解，全区所有公立医院和社区卫生服务中心都要参与此次预约挂号试点。预约渠道包括电话、网站和自助机等。本次试点工作计划于年底前完成评估。"
C = "此前有市民反映，一位患者为了挂一个专家号，凌晨五点就到医院排队，而号源在半小时内全部发完，不少患者只能空手而归。"


def _para(text, link_word=None):
    if link_word:
        text = text.replace(link_word, f'<a href="http://example.com/x">{link_word}</a>', 1)
    return f'<div><font face="宋体"><span style="font-size: 14px;">\u3000\u3000{text}</span></font></div>'


def test_paragraphs_in_font_span_wrappers_are_all_kept():
    spacer = '<div><font face="宋体"><span style="font-size: 14px;"><br></span></font></div>'
    body = ('<div class="news_real"><p class="detailPic"></p><p>' + _para(A, "预约") + spacer
            + _para(B, "预约") + spacer + _para(C) + '</p></div>')
    page = ('<html><head><meta charset="utf-8"><title>区里推行预约挂号</title></head><body>'
            '<h1>区里推行预约挂号</h1>' + body + '</body></html>')
    text = extract.parse(page, published="2024-05-06").text
    for para in (A, B, C):
        assert para in text, text


def test_a_promotion_list_closing_wrapped_paragraphs_is_dropped():
    items = "".join(f'<p><span>{i}</span><span>、</span><span><a href="http://example.org/{i}"><font>'
                    f'<span>2024（第{i}届）某行业优秀供应商评价推介</span></font></a></span></p>' for i in range(1, 5))
    body = ('<div class="content"><div><p>' + A + '</p><p>' + B + '</p><p>' + C + '</p><p>&nbsp;</p>'
            + items + '</div></div>')
    page = ('<html><head><meta charset="utf-8"><title>区里推行预约挂号</title></head><body>'
            '<h1>区里推行预约挂号</h1>' + body + '</body></html>')
    text = extract.parse(page, published="2024-05-06").text
    assert C in text and "评价推介" not in text, text
