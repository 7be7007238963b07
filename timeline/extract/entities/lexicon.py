"""Word lists for person detection: titles, honorifics, first names, organisation words.

Kept as frozensets of lowercase words so that each check is one set lookup
per token; these lists decide when a capitalised word sequence is a person,
where a title ends and a name begins, and which pronoun fits a speaker.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A whitespace-separated word list (kept as prose so the lists stay compact)."""
    return frozenset(text.split())


# Honorifics and abbreviated ranks: a capitalised word right after one is a name.
HONORIFICS = _words(
    """adm. atty. capt. cmdr. col. cpl. dr dr. gen. gov. hon. lt. maj. miss mr mr. mrs mrs. ms ms.
    msgr. prof. pvt. rep. reps. rev. sen. sens. sgt. supt."""
)

# Title words, any case ("President", "press secretary", "Mayor").
TITLE_WORDS = _words(
    """activist adm. administrator admiral adviser advisor aide alderman ambassador analyst anchor
    archbishop assistant attorney atty. author ayatollah bishop brother candidate capt. captain
    cardinal ceo chair chairman chairwoman chancellor chief chief-of-staff cleric clerk cmdr.
    co-founder coach col. colonel commander commissioner congressman congresswoman consultant
    correspondent councillor councilman councilmember councilor councilwoman counsel counterpart
    dean deputy detective diplomat director donor dr. economist emir envoy executive expert
    father field first founder gen. general gov. governor governor-elect governor-general head
    historian hopeful host imam judge justice king lady lawmaker lawyer leader legislator
    lieutenant lt. magistrate maj. manager marshal mayor mayor-elect minister minister-president
    mr. mrs. ms. negotiator nominee officer official officials ombudsman ombudsperson operative
    organizer owner pastor pollster pope premier president president-elect press prime prince
    princess prof. professor prosecutor provost queen rabbi rector rep. reporter representative
    researcher rev. scientist secretary secretary-general sen. senator senator-elect sergeant
    sgt. sheikh sheriff sister speaker spokesman spokesmen spokesperson spokeswoman strategist
    superintendent supt. surrogate treasurer under-secretary undersecretary vice vice-president
    whip"""
)

# Words that may sit inside a title phrase ("Secretary of Defense", "press secretary").
TITLE_MODIFIERS = _words(
    """acting affairs agriculture and armed associate attorney campaign campaign's chief city
    commerce communications county defence defense deputy district economic education emergency
    energy environment executive external federal finance for forces foreign former general
    health homeland house human in intelligence interim interior internal international justice
    labor majority military minority national of party policy political principal public
    regional rights security senate senior situations staff state supreme the to top trade
    transportation treasury veterans white"""
)

# Capitalised words that never start or form a name.
STOP_CAPS = _words(
    """a according advertisement after all also although an and another any april are as asked at
    august be because been before being both breaking but by can could december did do does each
    earlier editor's eight either even every february first five for four friday from getty had
    has have he her here his how however i if in indeed instead is it its january july june just
    last later live many march may meanwhile might monday more moreover most mr mrs ms much must
    my neither new next nine no nor not note november october of old on one only or other our
    photo read related said saturday says second september seven she should since six so some
    still such sunday ten than that the their then there these they third this those though
    three thursday to today told tomorrow tonight tuesday two until update updated video was
    watch we wednesday were what when where which while who whom whose why will with would yes
    yesterday yet you your now separately additionally overall otherwise finally again thus
    hence therefore likewise similarly nonetheless nevertheless regardless currently recently
    previously initially ultimately eventually originally besides instead"""
)

# Words that make a capitalised sequence an organisation, not a person.
ORG_WORDS = _words(
    """administration agency airlines alliance army assembly association authority bank board
    bureau cabinet campaign capital caucus center centre channel church club co. coalition
    college command commission committee company congress consulate corp corp. council court
    department embassy federation forces foundation fund gazette government group guard herald
    holdings hospital house inc inc. institute journal league llc ltd. magazine media ministry
    motors navy network news office organisation organization pac parliament partners party
    police post press project radio school senate service services society studios systems
    technologies television times tribune trust tv union university"""
)

# Name particles allowed inside a name ("Ursula von der Leyen", "Bashar al-Assad").
NAME_PARTICLES = _words("""al bin da de del della der di du el ibn jr. la le sr. st. van von""")

# Common first names with the pronoun they take; used to accept a name with no title and to
# resolve "he"/"she". Short on purpose: titles and cues find the rest.
_MALE = _words(
    """aaron abdel adam ahmed alan albert alex alexander alexei ali andrei andrew andrzej anthony
    antonio antony ben benjamin bernie bill bob boris brad brian bruce carl carlos charles chris
    christopher chuck dan daniel dave david dennis dmitri dmitry donald doug douglas ebrahim ed
    edward emmanuel eric frank fred gary george gerald greg gregory harry hassan henry howard
    ian igor ivan jack jacob jake james jason jeb jeff jeffrey jens jerry jim jimmy joe john jon
    jonathan jong jose joseph josh juan justin keir keith ken kevin kim larry lee leon lindsey
    lloyd luis marco mark martin matt matthew michael mike mikhail mitch mitt mohammed muhammad
    narendra nick nicolas olaf oleksandr pat patrick paul pete peter phil ralph randy recep
    reince richard rick rishi rob robert roger ron ronald roy rudy rush ryan sam samuel scott
    sean sergei sergey serhii stephen steve steven ted terry tim timothy todd tom tony valdimir
    viktor vitalii vladimir volodymyr vyacheslav walter wayne will william xi yoon yuri"""
)
_FEMALE = _words(
    """alice amy angela ann anna annalena anne barbara betsy betty carly carol caroline catherine
    cathy christine claire condoleezza debbie deborah diane donna elise elizabeth ellen emily
    emma giorgia hillary huma ivanka jane janet jennifer jill joan jodi julia julie kaja kamala
    karen kate katherine kathleen kathy kelly kellyanne kirsten laura linda lisa liz loretta
    margaret maria marie marine marsha martha mary megyn melania michelle molly nancy nicola
    nikki olena patricia penny rachel rebecca ruth sabrina samantha sandra sarah sharon
    stephanie susan suzanne tammy teresa theresa tulsi ursula valerie victoria virginia wendy
    yulia"""
)
FIRST_NAMES: dict[str, str] = {**dict.fromkeys(_MALE, "m"), **dict.fromkeys(_FEMALE, "f")}

MALE_HONORIFICS = _words("mr. mr king prince father brother sheikh")
FEMALE_HONORIFICS = _words("mrs. ms. mrs ms miss queen princess sister")
