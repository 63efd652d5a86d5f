"""Last touches to names and kinds over the resolved mentions (guide v2, institutions):
- a research institute of a securities firm or a bank is kind company (光大证券研究所);
- research bodies are kind `university` (the guide's kind for universities and institutes):
  a name ending in 研究中心/研究所/研究院 that a rule gave kind other or government (卫生部卫生发展
  研究中心, 中国人民大学医药物流研究中心) is a research institute;
- a longer name led by a university's short form takes its full name (北大医药管理国际研究中心
  -> 北京大学医药管理国际研究中心);
- a foreign university's name less the country written before it (以色列耶路撒冷理工学院 ->
  耶路撒冷理工学院);
- a business school the patterns read, under no university, is a training body, kind other
  (中国医疗器械商学院; round 9);
- a college of practitioners is a professional body, kind association (英国皇家急诊医学院,
  美国外科医师学院; round 22);
- a township hospital named bare in a list after one named with its county takes that county
  (开化县村头卫生院、音坑卫生院 -> 开化县音坑卫生院), as a list carries a region over (guide v2)."""
from __future__ import annotations

from ..prebuilt import cached
from . import lexicon
from .candidates import Candidate
HEAD_KIND = ".appositive.head_kind"  # appositive.HEAD_KIND: a kind the appositive head gave (智库, round 21)
from .foreign import country_head
from .references import region_prefix

RESEARCH_ENDS = ("研究中心", "研究所", "研究院")
RETYPED = ("other", "government")  # a hospital's, a CDC's or a company's institute keeps its kind
# a government's 研究院 may be an organ of its own rank (中共中央党史和文献研究院): kept
ORGAN_END, PARTY = "研究院", "中国共产党"


@cached("institutions.kinds.firm_words")
def _firm_words() -> tuple[str, ...]:
    """Words that make a research institute a firm's (kinds.yaml firm_research): 光大证券研究所."""
    return tuple(lexicon._yaml("kinds.yaml")["firm_research"])


@cached("institutions.kinds.training_ends")
def _training_ends() -> tuple[str, ...]:
    return tuple(lexicon._yaml("kinds.yaml").get("training_school_ends", ()))


@cached("institutions.kinds.university_shorts")
def _university_shorts() -> dict[str, str]:
    """A university's short form (named.yaml alias) -> its name: 北大 -> 北京大学."""
    out = {}
    for surface, entry in lexicon.named().items():
        if entry.kind == "university" and surface != entry.name and entry.name.endswith("大学"):
            out[surface] = entry.name
    return out


def _foreign_head(name: str) -> int:
    """Length of a foreign country's name leading a university's name, where three characters
    or more are left (guide v2: a foreign university is named by its own name; a government
    keeps its country: 日本厚生劳动省)."""
    if not name.endswith(SCHOOL_ENDS):
        return 0  # 菲律宾火山地震研究所: a state's institute keeps its country
    n = country_head(name)
    return n if n and len(name) - n >= 3 and not name.startswith(NATIONAL_WORDS, n) else 0


@cached("institutions.kinds.standalone_research")
def _standalone() -> dict:
    return lexicon._yaml("kinds.yaml")["standalone_research"]


def _standalone_research(name: str) -> bool:
    """A research centre headed by a region, 中国 or 国家, with no parent body in its name
    (kinds.yaml standalone_research): 中国药品零售发展研究中心, not 卫生部卫生发展研究中心."""
    d = _standalone()
    end = next((e for e in d["ends"] if name.endswith(e)), None)
    if end is None:
        return False
    core = name[:-len(end)]
    if any(p in core for p in d["parents"]):
        return False
    if core.startswith(tuple(d["heads"])):
        return True
    return any(lexicon.region_named(core[:k]) is not None for k in (2, 3, 4) if len(core) > k + 1)


@cached("institutions.kinds.professional_colleges")
def _professional() -> tuple:
    d = lexicon._yaml("kinds.yaml")["professional_colleges"]
    return tuple(d["ends"]), d["royal"], d["royal_end"], tuple(d["fields"])


def _professional_college(name: str) -> bool:
    """A college of practitioners, a professional body (kinds.yaml professional_colleges; round
    22): 美国外科医师学院, 英国皇家急诊医学院; not 瑞典皇家理工学院."""
    ends, royal, royal_end, fields = _professional()
    if name.endswith(ends):
        return True
    k = name.find(royal)
    return k >= 0 and name.endswith(royal_end) and any(f in name[k + len(royal):] for f in fields)


SCHOOL_ENDS = ("大学", "学院")
NATIONAL_WORDS = ("皇家", "国立", "国家", "联邦")  # 英国皇家护理学院: named with its country


TOWNSHIP = "卫生院"
LIST_JOINERS = ("、", "和", "及", "与")


def retouched(found: list[Candidate], text: str = "") -> list[Candidate]:
    out = []
    shorts = None
    for c in found:
        if c.name.endswith(RESEARCH_ENDS) and c.kind != "company" and c.name[:-3].endswith(_firm_words()):
            c = c.with_(kind="company", level=None)  # 光大证券研究所
        elif c.rule.startswith("pattern") and _standalone_research(c.name):
            c = c.with_(kind="other", level=None)  # 中国药品零售发展研究中心 (round 13)
        elif c.name.endswith(RESEARCH_ENDS) and c.kind in RETYPED and not c.rule.endswith(HEAD_KIND) and not (
                c.kind == "government" and (c.name.endswith(ORGAN_END) or c.name.startswith(PARTY))):
            c = c.with_(kind="university", level=None)
            if shorts is None:
                shorts = _university_shorts()
            for n in (2, 3, 4):
                full = shorts.get(c.name[:n])
                if full is not None and len(c.name) > n + 2:
                    c = c.with_(name=full + c.name[n:])
                    break
        elif (c.kind == "university" and c.rule.startswith("pattern") and c.name.endswith(_training_ends())
              and "大学" not in c.name):
            c = c.with_(kind="other", level=None)  # 中国医疗器械商学院: a training body
        elif c.kind == "university" and c.name.endswith(SCHOOL_ENDS[1]) and _professional_college(c.name):
            c = c.with_(kind="association", level=None)  # 英国皇家急诊医学院: a professional body (round 22)
        elif c.kind == "university" and c.rule.startswith("pattern") and (head := _foreign_head(c.name)):
            c = c.with_(name=c.name[head:])  # 澳大利亚昆士兰大学 -> 昆士兰大学
        elif out and c.name.endswith(TOWNSHIP) and c.rule == "pattern.open" and text[out[-1].end:c.start] in LIST_JOINERS:
            prev = out[-1]
            n = region_prefix(prev.name) if prev.name.endswith(TOWNSHIP) else 0
            if n and prev.name[n - 1] == "县" and not region_prefix(c.name):
                c = c.with_(name=prev.name[:n] + c.name, region=prev.region)
        out.append(c)
    return out
