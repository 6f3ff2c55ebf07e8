"""The vocabulary of articles not written in English: German, Spanish, Portuguese, French,
Italian, Indonesian, Russian, and the months and release words of Dutch, the Scandinavian
languages, Polish and Ukrainian. Data only, kept here in one place; dates.py builds its
date patterns from the month and season names and the relative times ("diesen Sommer",
"tahun depan"), cues.py adds the release verbs, hedges, denials and past releases to its
own vocabularies. A word listed here should mean the same in every article of its
language; a word that is also common English ("mai", "mars") is read only in the date
shapes that cannot be English ("3. Mai 2025", "en mars").
"""

from __future__ import annotations

# Month names, lower case, with and without their accents -> the month's number.
MONTHS: dict[str, int] = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6,
    "juli": 7, "oktober": 10, "dezember": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # Indonesian ("14 Desember 2019", "awal Maret", "bulan Juli")
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "mei": 5, "agustus": 8,
    "desember": 12, "nopember": 11,
    # Russian, in the nominative, the genitive of a date ("10 января 2019 года") and the
    # prepositional of a month alone ("в марте")
    "январь": 1, "января": 1, "январе": 1, "февраль": 2, "февраля": 2, "феврале": 2,
    "март": 3, "марта": 3, "марте": 3, "апрель": 4, "апреля": 4, "апреле": 4,
    "май": 5, "мая": 5, "мае": 5, "июнь": 6, "июня": 6, "июне": 6,
    "июль": 7, "июля": 7, "июле": 7, "август": 8, "августа": 8, "августе": 8,
    "сентябрь": 9, "сентября": 9, "сентябре": 9, "октябрь": 10, "октября": 10,
    "октябре": 10, "ноябрь": 11, "ноября": 11, "ноябре": 11, "декабрь": 12,
    "декабря": 12, "декабре": 12,
    # Dutch, Swedish, Danish and Norwegian (those not spelled as above)
    "maart": 3, "augustus": 8, "maj": 5, "augusti": 8, "marts": 3,
    # Polish, in the genitive of a date ("14 marca 2025")
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
    # Croatian, nominative and the genitive of a date ("17. svibnja"); not October's
    # "listopad(a)", which is Polish's November
    "siječanj": 1, "siječnja": 1, "veljača": 2, "veljače": 2, "ožujak": 3, "ožujka": 3,
    "travanj": 4, "travnja": 4, "svibanj": 5, "svibnja": 5, "lipanj": 6, "lipnja": 6,
    "srpanj": 7, "srpnja": 7, "kolovoz": 8, "kolovoza": 8, "rujan": 9, "rujna": 9,
    "studeni": 11, "studenoga": 11, "prosinac": 12, "prosinca": 12,
    # Ukrainian, in the genitive of a date
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    # Czech, the genitive of a date ("6. srpna", "3. září") and the nominative
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6,
    "července": 7, "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    "leden": 1, "únor": 2, "březen": 3, "duben": 4, "květen": 5, "červen": 6,
    "červenec": 7, "srpen": 8, "říjen": 10, "prosinec": 12,
    # Slovene, the genitive of a date ("31. oktobra") and the nominative
    "januarja": 1, "februarja": 2, "marec": 3, "aprila": 4, "junija": 6, "junij": 6,
    "julija": 7, "julij": 7, "avgust": 8, "avgusta": 8, "septembra": 9, "oktobra": 10,
    "novembra": 11, "decembra": 12,
    # Hungarian, which writes the month before the day ("május 28-án", "2023. március 17.":
    # MONTH_FIRST below)
    "január": 1, "február": 2, "március": 3, "április": 4, "május": 5, "június": 6,
    "július": 7, "augusztus": 8, "szeptember": 9, "október": 10,
    # Romanian
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    # (English spellings a German article shares, after a day with its full stop:
    # "13. April 2020", "1. August")
    "april": 4, "august": 8, "september": 9, "november": 11,
}  # fmt: skip

# Months a language writes before their day, as Hungarian does ("május 28-án", "október
# 15-én", "2023. március 17."): the day follows, with a full stop or a hyphen and the
# case ending ("-án", "-én", "-tól", "-ig"); the year, when written, comes first.
MONTH_FIRST = (
    "január", "február", "március", "április", "május", "június", "július", "augusztus",
    "szeptember", "október", "november", "december",
)  # fmt: skip

# Weekdays -> their number (Monday 0), for a date told by its weekday and its day of the
# month alone, as Brazilian and Spanish news write the coming days: "Nesta quinta-feira,
# 15, será lançada", "el próximo viernes 20", "ce jeudi 15" (no month: the nearest 15th
# that falls on a Thursday).
WEEKDAYS: dict[str, int] = {
    "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
    "quinta-feira": 3, "sexta-feira": 4,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
    "lunedì": 0, "martedì": 1, "mercoledì": 2, "giovedì": 3, "venerdì": 4, "sabato": 5,
    "domenica": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonntag": 6,
}  # fmt: skip
# ... German writes them with a capital, as every noun; the others in lower case, so
# that a capital one inside a sentence is a name ("Mercoledì 2", the Italian title of
# "Wednesday" season 2), not a day.
CAPITALIZED_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                        "sonntag")  # fmt: skip

# Seasons of the year -> the English season they name ("primavera 2024" = spring 2024).
SEASONS: dict[str, str] = {
    "frühling": "spring", "fruehling": "spring", "frühjahr": "spring", "sommer": "summer",
    "herbst": "autumn",
    "primavera": "spring", "verano": "summer", "otoño": "autumn", "invierno": "winter",
    "verão": "summer", "outono": "autumn", "inverno": "winter",
    "printemps": "spring", "été": "summer", "automne": "autumn", "hiver": "winter",
    "estate": "summer", "autunno": "autumn",
    "musim semi": "spring", "musim panas": "summer", "musim gugur": "autumn",
    "musim dingin": "winter",
    "весна": "spring", "весной": "spring", "весны": "spring", "лето": "summer",
    "летом": "summer", "лета": "summer", "осень": "autumn", "осенью": "autumn",
    "осени": "autumn", "зима": "winter", "зимой": "winter", "зимы": "winter",
}  # fmt: skip

# Words between a season and its year: "Herbst 2021", "nell'estate del 2025", "verano de 2024".
SEASON_YEAR_JOINERS = (r"de", r"del", r"do", r"da", r"di", r"dell['\u2019]", r"des")

# Words before a year alone that make it a time of release ("llegará en 2025", "arriva
# nel 2025", "startet im Jahr 2026", "chega no início de 2026", "sortira début 2025"),
# each optionally followed by the language's word for year. Asked of a page in another
# language only: in English "no 2024 release" is no Portuguese "no".
YEAR_PREPOSITIONS = (
    r"en", r"em", r"no", r"nel", r"im", r"für",
    # Dutch, the Nordic languages, Polish: "het tweede seizoen, dat in 2017 uitkomt"
    r"in", r"i", r"w",
    r"pour", r"para", r"per", r"ab", r"dès",
    r"desde", r"a\s+partir\s+de", r"à\s+partir\s+de", r"a\s+partire\s+dal",
    r"entro\s+il", r"(?:anfang|ende|mitte|début|fin|courant|mi-)",
    r"(?:a\s+)?(?:principios|finales|mediados|inicios|comienzos)\s+de(?:l)?",
    r"(?:no\s+|em\s+)?(?:início|inicio|começo|fim|final|meados)\s+d[eo]",
    r"(?:all['\u2019]|a(?:ll['\u2019])?)?(?:inizio|fine|metà)\s+(?:del|dell['\u2019])",
)
# Hungarian puts the case ending on the year where others put a preposition: "2026-ban"
# (in 2026), "2025-ben", "2026-ra" (for 2026), "2026 elején" aside.
YEAR_SUFFIXES = ("ban", "ben", "ra", "re")
YEAR_WORDS = (r"jahr", r"jahres", r"l['\u2019]année", r"année", r"año", r"ano", r"anno")

# Words that put a month alone ("im März", "en janvier", "a dicembre") in the article's
# year: the month of a coming release.
MONTH_PREPOSITIONS = (
    r"im", r"ab", r"seit", r"en", r"em", r"nel", r"a", r"ad", r"dès", r"desde", r"da",
    r"a\s+partir\s+de", r"à\s+partir\s+de", r"a\s+partire\s+da", r"para", r"pour",
    r"per", r"für",
    # Indonesian: "bulan Juli" (the month of July), "awal Maret" (early March)
    r"bulan", r"pada", r"awal", r"akhir", r"pertengahan", r"mulai", r"sejak", r"hingga",
    # Russian: "в марте", "с июля" (from July), "к декабрю"
    r"в", r"во", r"с", r"со",
    # a part of the month, as of a year (YEAR_PREPOSITIONS): "a finales de octubre",
    # "Ende Oktober", "début novembre", "no final de outubro", "a fine ottobre"
    r"(?:a\s+)?(?:principios|finales|mediados|inicios|comienzos)\s+de",
    r"anfang", r"ende", r"mitte", r"début", r"fin", r"courant",
    r"(?:no\s+|em\s+)?(?:início|inicio|começo|fim|final|meados)\s+de",
    r"(?:a\s+|all['\u2019])?(?:inizio|fine|metà)(?:\s+di)?",
    # Romanian: "în martie", "la finalul lunii martie" (at the end of the month of March)
    r"în", r"lunii",
)  # fmt: skip

# Release verbs and nouns ("startet", "estreia", "uscirà", "date de sortie"): a date they
# govern is a release's. Regular-expression fragments, matched case-insensitively as
# whole words. They are a pattern of their own (cues.FOREIGN_RELEASE), asked of a page in
# another language only: as alternatives of cues.RELEASE they would lengthen every English
# page's scans, and a word opening with a cased letter of another script ("läuft",
# "débarque") would turn RELEASE's start gate (gate.py) off altogether.
RELEASE_WORDS = (
    # German
    r"startet", r"starten", r"startete", r"starttermin", r"kinostart", r"serienstart",
    r"an\s+den\s+start", r"erscheint", r"erscheinen", r"erschien", r"ab\s+dem",
    r"ab\s+(?=\d)", r"läuft", r"laufen", r"zu\s+sehen", r"verfügbar", r"ausgestrahlt",
    r"veröffentlicht", r"veröffentlichung", r"premiere\s+feiert", r"feiert\s+premiere",
    r"kommt", r"kommen", r"im\s+kino", r"in\s+den\s+kinos", r"ins\s+kino",
    r"kehrt", r"zurück", r"rückkehr", r"fortgesetzt", r"abrufbar",
    r"geht\s+es\s+(?:\S+\s+){0,3}?weiter",  # "Am 15. April geht es bei Netflix weiter mit"
    # Spanish
    r"estren\w*", r"llega\w*", r"lanzamiento", r"disponibles?", r"se\s+emitirá",
    r"vuelve\w*", r"volverá", r"regresa\w*", r"regreso", r"desde\s+el(?=\s+\d)",
    r"arranc\w*", r"lanza\w*", r"previst[oa]s?\s+(?:para|el)", r"programad[oa]s?",
    r"en\s+(?:las\s+)?(?:salas|cines)", r"a\s+los\s+cines",
    r"gran\s+pantalla", r"arrib\w*", r"pantalla\s+chica",
    # Portuguese
    # (the verb "estrear": "estreia", and its future and gerund, "estreará", "estrearão",
    # "estreando"; "estreou", past, is in PAST_RELEASE_WORDS)
    r"estrei\w*", r"estrear\w*", r"estreando",
    r"chega\w*", r"lança\w*", r"lancamento", r"disponível",
    # (going on air: "deverá entrar no ar no ano que vem", "vai ao ar em março")
    r"entr(?:a|ar|ará|arão)\s+no\s+ar", r"v(?:ai|ão)\s+ao\s+ar",
    r"volta", r"voltará", r"retorna\w*", r"partir\s+de(?=\s+\d)",
    # French
    r"sortie", r"sortira", r"sort(?:ent|ir|iront)?", r"prévue?s?\s+(?:pour|le|au|en)",
    r"programmée?s?", r"débarque\w*", r"diffusé\w*", r"diffusion",
    r"en\s+salles?", r"au\s+cinéma", r"sera\s+disponible", r"reviendra", r"revient", r"de\s+retour",
    r"partir\s+du", r"dès\s+le",
    # a launch and a comeback: "Lancement le 9 février", "lancée le 30 septembre", "fera son
    # retour sur le petit écran le 28 septembre"
    r"lancement", r"lancée?s?", r"lancera\w*", r"son\s+(?:grand\s+)?retour",
    # "Rendez-vous le 4 septembre sur Prime Video": the date the reader is asked to be there
    r"rendez-vous(?=\s+(?:le|dès|à\s+partir|en|au|sur)\b)",
    # Italian
    r"arriv\w*", r"uscita", r"previst[oa]\s+(?:per|il|a|in|nelle)", r"programmat[oa]",
    r"uscirà", r"esce", r"partirà", r"debutt\w*",
    r"disponibile", r"in\s+onda", r"tornerà", r"torna", r"ritorna\w*", r"ritorno",
    r"dal(?=\s+\d)", r"dall['\u2019](?=\d)", r"nelle\s+sale", r"in\s+sala", r"al\s+cinema",
    r"nei\s+cinema",
    # a premiere: "verrà presentato in anteprima il 5 gennaio"
    r"(?:in\s+)?anteprima",
    # Indonesian
    r"tayang\w*", r"ditayangkan", r"penayangan", r"rilis", r"dirilis", r"hadir",
    r"disaksikan", r"meluncur", r"mengudara",
    # Russian
    r"выйд\w*", r"выход\w*", r"вышел", r"вышла", r"вышли", r"премьер\w*", r"стартует",
    r"стартуют", r"старт", r"покажут", r"покажет", r"выпуст\w*", r"в\s+прокат\w*",
    r"на\s+экран\w*", r"появится", r"появятся", r"верн[её]тся", r"вернутся",
    # Dutch, Swedish, Danish, Norwegian, Polish, Ukrainian
    r"verschijnt", r"uitkom\w*", r"komt\s+uit", r"in\s+première", r"te\s+streamen",
    r"première", r"premiär\w*", r"släpps", r"premiere", r"udkommer",
    r"vanaf(?=\s+\d)", r"uitgezonden", r"komt\s+(?:\S+\s+){0,3}?(?:op|naar)",
    # ("kommer til Max 17. juni"; not "kommer til at", the future's "will")
    r"kommer\s+(?:\S+\s+){0,2}?(?:til|på)(?!\s+at\b)", r"vender\s+tilbage", r"kommer\s+tilbake",
    r"premieredato\w*", r"strømme\w*", r"har\s+premiär",
    # Croatian: "stiže 17. svibnja" (arrives), "premijera", "izlazi" (comes out)
    r"stiže", r"stižu", r"premijer\w*", r"izlazi", r"izlaze",
    r"premiera", r"premierę", r"zadebiutuje", r"trafi", r"вийде", r"прем['\u2019]єр\w*",
    r"покажуть",
    # Czech: "bude mít premiéru 6. srpna", "dorazí na Netflix", "vyjde"
    r"premiér\w*", r"doraz\w*", r"vyjde\w*", r"odstartuje",
    # Slovene: "se vrne 31. oktobra", "prihaja", "na sporedu" (on the schedule)
    r"vrne(?:jo)?", r"prihaja\w*", r"na\s+sporedu", r"izide\w*",
    # Hungarian: "debütál", "vetítik" (they screen it), "érkezik a mozikba" (comes to
    # cinemas), "premier", "bemutató" (opening), "tér vissza" (returns)
    r"debütál\w*", r"vetít\w*", r"érkezik", r"érkeznek", r"mozikba", r"premier\w*",
    r"bemutató\w*", r"tér\s+vissza", r"látható",
    # Romanian: "va avea premiera", "se lansează", "revine"
    r"premiera", r"lans\w*", r"revine",
    # Korean (a word's particles and endings follow it: "방송된다", "공개될")
    r"방송\w*", r"방영\w*", r"공개\w*", r"개봉\w*", r"출시\w*",
)  # fmt: skip

# A show coming back, in the other languages: a later season's start whatever its
# number ("Paradise volta ao Disney+ a 23 de fevereiro"), as "returns" is in English.
RETURN_WORDS = (
    r"kehrt", r"zurück", r"rückkehr",
    r"vuelve", r"volverá", r"regresa", r"regresará", r"regreso",
    r"volta", r"voltará", r"retorna", r"retornará", r"regressa", r"regressará",
    r"revient", r"reviendra", r"retour",
    r"torna", r"tornerà", r"ritorna", r"ritornerà", r"ritorno",
)  # fmt: skip

# Words that turn a story to another subject, as "Meanwhile," and "Elsewhere," do in
# English: "On passe ensuite aux 8 Salopards", "De son côté, Universal a révélé ...",
# "Por otro lado", "Nel frattempo", "Außerdem".
TOPIC_SHIFT_WORDS = (
    r"de\s+son\s+côté", r"par\s+ailleurs",
    r"por\s+otro\s+lado", r"por\s+su\s+parte", r"en\s+otras\s+noticias",
    r"nel\s+frattempo", r"intanto", r"inoltre", r"dall['\u2019]altra\s+parte",
    r"außerdem", r"unterdessen", r"indes",
)  # fmt: skip
# Words that move a list on to its next item, the subject they introduce: "On passe ensuite
# aux 8 Salopards", "Passons à ...", "Enfin, on termine avec ...", "Moving on to ...".
NEXT_ITEM_WORDS = (
    r"on\s+passe\s+(?:ensuite\s+)?(?:à|au|aux)", r"passons\s+(?:ensuite\s+)?(?:à|au|aux)",
    r"(?:enfin,?\s+)?on\s+termine\s+(?:avec|par)", r"moving\s+on\s+to", r"next\s+up\b",
)  # fmt: skip

# Hedges: the date is a guess ("könnte", "podría", "pourrait", "potrebbe").
HEDGE_WORDS = (
    r"könnte\w*",
    r"vermutlich",
    r"wahrscheinlich",
    r"voraussichtlich",
    r"gerücht\w*",
    r"podría\w*",
    r"probablemente",
    r"rumor\w*",
    r"poderia\w*",
    r"provavelmente",
    r"pourrait",
    r"pourraient",
    r"probablement",
    r"rumeur\w*",
    r"potrebbe\w*",
    r"probabilmente",
    r"forse",
    r"peut-être",
    r"quizás",
    r"talvez",
    r"kemungkinan",
    r"mungkin",
    r"dikabarkan",
    r"kabarnya",
    r"возможно",
    r"вероятно",
    r"предположительно",
    r"слух\w*",
    # A verb in the conditional mood: what would happen, not what is set ("Esto
    # permitiría que la temporada 3 se estrenase en 2027", "la série arriverait en 2026",
    # "la stagione arriverebbe nel 2026", "die Staffel würde 2026 starten"). Lower case
    # only, so a name ("María") is none: Spanish -aría/-ería/-iría/-dría, French
    # -rait/-raient after a vowel or v (not "portrait", "extrait"), Italian -rebbe.
    r"(?-i:[a-zñáéíóú]\w*(?:ar|er|ir|dr)ía(?:n|mos)?)",
    r"(?-i:[a-zàâéèêëîïôûùç]\w*[aeiouyv]r(?:ait|aient))",
    r"(?-i:[a-zàèéìòù]\w*rebbe(?:ro)?)",
    r"würden?",
    # An expectation, not a plan: Portuguese's "deverá estrear" (is expected to premiere),
    # Dutch's "naar verwachting" / "zou", the Nordic "troligen" / "sannsynligvis",
    # Polish "prawdopodobnie" / "podobno", Czech "pravděpodobně" / "údajně" / "by měl",
    # Slovene "naj bi" / "verjetno", Hungarian "várhatóan" / "állítólag" /
    # "valószínűleg", Romanian "probabil" / "ar putea"
    r"deverá", r"deverão", r"deveria\w*", r"naar\s+verwachting", r"zou(?:den)?",
    r"troligen", r"sannolikt", r"trolig", r"sannsynligvis", r"formentlig",
    r"prawdopodobnie", r"podobno", r"pravděpodobně", r"údajně", r"by\s+měl[aoi]?",
    r"naj\s+bi", r"verjetno", r"várhatóan", r"állítólag", r"valószínűleg", r"probabil",
    r"ar\s+putea",
    # A leak is no announcement: "Dando per buono il leak", "secondo indiscrezioni",
    # "trapelata", "según una filtración", "vazou", "d'après une fuite", "geleakt"
    r"dando\s+per\s+buon[oaie]", r"leak\w*", r"indiscrezion\w*", r"trapelat\w*",
    r"filtraci[oó]n\w*", r"filtrad[oa]s?", r"vazad[oa]s?", r"vazamento", r"vazou",
    r"fuite", r"geleakt", r"durchgesickert",
)

# A plan given up, said just before its date, as English's "originally set for": the
# adverbs of the first plan ("originariamente", "ursprünglich", "pierwotnie", "당초") and
# the verbs of what was to happen ("avrebbe dovuto uscire il", "doveva uscire il",
# "devait sortir le", "iba a estrenarse el", "miał zadebiutować ... 25 grudnia", Korean's
# "기존 5월 28일에서": from the existing May 28). Regular-expression fragments, whole
# words, case-insensitive; the date follows within a few words, with no turn to the new
# plan between ("..., ma uscirà ora il 1° ottobre 2027" dates the new one).
# Words that turn from a plan given up to what replaced it, after a comma: "..., ma
# uscirà ora il", "..., pero", "..., now" (a date after them is the new plan's).
TURN_WORDS = (
    "ma", "pero", "mais", "aber", "maar", "men", "ale", "but", "però", "mas",
    r"sin\s+embargo", "tuttavia", "jedoch", "cependant", "ahora", "ora", "now", "teraz", "most",
)  # fmt: skip
SUPERSEDED_WORDS = (
    r"originariamente", r"inizialmente", r"avrebbe(?:ro)?\s+dovuto", r"doveva(?:no)?",
    r"originalmente", r"inicialmente", r"iba(?:n)?\s+a", r"estaba(?:n)?\s+previst[oa]s?",
    r"estava(?:m)?\s+previst[oa]s?",
    r"initialement", r"originellement", r"devai(?:t|ent)", r"était\s+prévue?s?",
    r"ursprünglich", r"eigentlich(?=\s*$|\s+(?:für|am|im|ab|mitte|ende|anfang|bereits|schon)\b)",
    r"pierwotnie", r"początkowo", r"miał[aoy]?", r"mieli", r"planowano",
    r"oorspronkelijk", r"aanvankelijk", r"ursprungligen", r"opprinnelig\w*",
    r"oprindelig\w*", r"původně", r"eredetileg", r"inițial", r"esialgu", r"alun\s+perin",
    r"기존", r"당초", r"当初", r"元々",
)  # fmt: skip

# Denials: "noch kein Starttermin", "todavía no", "ainda não", "pas encore", "non ancora".
NEGATION_WORDS = (
    r"noch\s+kein\w*",
    r"noch\s+nicht",
    r"nicht\s+wie\s+(?:geplant|vorgesehen|angekündigt)",  # the plan denied: "nicht wie geplant am
    # 26. März starten"
    r"todavía\s+no",
    r"aún\s+no",
    r"sin\s+fecha",
    r"ainda\s+não",
    r"sem\s+data",
    r"pas\s+encore",
    r"aucune\s+date",
    r"non\s+ancora",
    r"nessuna\s+data",
    r"belum\s+ada",
    r"belum\s+diumumkan",
    r"belum\s+diketahui",
    r"пока\s+не",
    r"ещ[её]\s+не",
    r"без\s+даты",
)

# What a season is called ("Staffel 2", "la segunda temporada", "stagione 2", "saison 2").
SEASON_NOUNS = (
    "staffel", "temporada", "stagione", "saison", "musim", "сезон", "сезона", "сезоне",
    "seizoen", "säsong", "sæson", "sesong", "sezon",
    # (the Nordic definite forms, "den nye sesongen", and the Croatian cases, "drugu sezonu")
    "säsongen", "sæsonen", "sesongen", "sezona", "sezonu", "sezone",
    # Czech "druhá řada" / "druhou sezónu", Slovene "drugo sezono", Romanian "sezonul 2",
    # Hungarian "második évad" with its case endings ("évadának", "évadja")
    "řada", "řadu", "řady", "řadě", "sezóna", "sezónu", "sezóny", "sezóně", "sezono",
    "sezoni", "sezonul", "sezonului", "évad", "évada", "évadja", "évadának", "évadát",
    "évadban", "évaddal", "évadra",
    "시즌", "シーズン",  # Korean and Japanese write the number straight after: "시즌2"
)  # fmt: skip

# Ordinals before a season noun ("zweite Staffel", "segunda temporada", "seconda stagione",
# "deuxième saison"), every gender's ending -> the number.
ORDINALS: dict[str, int] = {
    "erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3,
    "vierte": 4, "vierten": 4, "fünfte": 5, "fünften": 5, "sechste": 6, "sechsten": 6,
    "primera": 1, "segunda": 2, "tercera": 3, "cuarta": 4, "quinta": 5, "sexta": 6,
    "primeira": 1, "terceira": 3,
    "prima": 1, "seconda": 2, "terza": 3, "quarta": 4, "sesta": 6,
    "première": 1, "premiere": 1, "deuxième": 2, "deuxieme": 2, "seconde": 2,
    "troisième": 3, "troisieme": 3, "quatrième": 4, "quatrieme": 4, "cinquième": 5,
    "cinquieme": 5, "sixième": 6, "sixieme": 6,
    "первый": 1, "первого": 1, "первом": 1, "второй": 2, "второго": 2, "втором": 2,
    "третий": 3, "третьего": 3, "третьем": 3, "четвертый": 4, "четвёртый": 4,
    "четвертого": 4, "четвёртого": 4, "пятый": 5, "пятого": 5, "шестой": 6, "шестого": 6,
    "седьмой": 7, "седьмого": 7, "восьмой": 8, "восьмого": 8,
    "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "tredje": 3, "fjärde": 4,
    "fjerde": 4, "femte": 5, "drugi": 2, "drugiego": 2, "trzeci": 3, "trzeciego": 3,
    # Danish, Norwegian and Swedish "second" ("anden sæson", "andre sesong", "andra
    # säsongen"); Croatian ("druga sezona", "drugu sezonu", "treća sezona")
    "anden": 2, "andre": 2, "andra": 2, "druga": 2, "drugu": 2, "treća": 3, "treću": 3,
    # Czech, Slovene and Hungarian
    "první": 1, "druhá": 2, "druhou": 2, "druhé": 2, "druhý": 2, "třetí": 3, "čtvrtá": 4,
    "čtvrtou": 4, "drugo": 2, "tretja": 3, "tretjo": 3, "četrta": 4, "četrto": 4,
    "első": 1, "második": 2, "harmadik": 3, "negyedik": 4, "ötödik": 5, "hatodik": 6,
}

# Ordinals after a season noun, as Indonesian writes them ("musim kedua", "season
# ketiganya": its third season) -> the number.
ORDINALS_AFTER: dict[str, int] = {
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
    "ketujuh": 7, "kedelapan": 8,
}  # fmt: skip

# A trailer that carries the date ("Nel trailer viene svelato che ...", "Der Trailer
# verrät ...", "El tráiler revela ..."): the date is the release's, not the trailer's.
TRAILER_REVEALS = (
    r"verr\w*",
    r"enthüll\w*",
    r"bestätig\w*",
    r"svela\w*",
    r"rivela\w*",
    r"annuncia\w*",
    r"conferma\w*",
    r"revela\w*",
    r"confirma\w*",
    r"anuncia\w*",
    r"révèle\w*",
    r"dévoile\w*",
    r"annonce\w*",
)

# The release as a noun after a trailer ("un teaser ... in uscita il 13 giugno", "le teaser
# ... avant sa sortie le 3 mars"), with the words that introduce it.
RELEASE_NOUNS = (
    # ("à quelques jours de la diffusion -le 18 mai-", "med premiären den 9 juni")
    r"diffusion",
    r"lancement",
    r"debutto",
    r"premiär(?:en)?",
    r"première",
    r"uscita",
    r"estreno",
    r"estreia",
    r"sortie",
    r"lançamento",
    r"lanzamiento",
    r"kinostart",
    r"starttermin",
    r"serienstart",
    r"veröffentlichung",
    r"premiere",
)
RELEASE_NOUN_INTRODUCERS = (
    r"il",
    r"la",
    r"le",
    r"lo",
    r"l['\u2019]",
    r"el",
    r"der",
    r"die",
    r"das",
    r"dem",
    r"den",
    r"o",
    r"in",
    r"sa",
    r"son",
    r"sua",
    r"suo",
    r"seu",
    r"su",
    r"ihr\w*",
    r"sein\w*",
    # relative possessives: "die zweite Staffel, deren Veröffentlichung ... für den 31. Oktober"
    r"deren",
    r"dessen",
    r"cuy[oa]",
    r"dont\s+la",
)

# Articles and the like that open a season's name ("Die zweite Staffel", "La saison 2"):
# lower case; a capitalized one is the start of a sentence, not a show's name.
ARTICLES = (
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "la", "le", "les", "el", "los",
    "las", "il", "lo", "gli", "i", "o", "os", "as", "un", "une", "una", "uma", "sa", "su",
    "sua", "seine", "ihre", "het", "de", "een", "den", "det", "ett", "en",
)  # fmt: skip

# Short words that mark a page's language (lower case, spaced): a page whose first
# sentences hold more of these than of English's is read with the vocabulary above.
MARKERS = (
    " der ", " die ", " das ", " und ", " ist ", " mit ", " nicht ", " auf ",
    " el ", " los ", " las ", " que ", " del ", " para ", " por ", " una ",
    " não ", " uma ", " com ", " dos ", " mais ", " em ",
    " les ", " une ", " des ", " est ", " dans ", " pour ", " sur ", " avec ",
    " il ", " della ", " che ", " degli ", " sono ", " alla ", " anche ", " di ", " su ",
    " la ", " le ", " de ", " du ", " et ", " da ", " do ", " von ", " im ", " am ",
    " yang ", " dan ", " dengan ", " untuk ", " akan ", " ini ", " dari ", " itu ",
    " het ", " een ", " niet ", " och ", " att ", " är ", " för ", " og ", " ikke ",
    " det ", " på ", " af ", " til ", " som ", " har ", " av ", " med ", " er ",
    " je ", " za ", " na ", " ili ",
    " się ", " nie ", " jest ",
    " že ", " se ", " jsou ", " ki ", " pa ",  # Czech, Slovene
    " az ", " és ", " hogy ", " egy ", " nem ", " van ",  # Hungarian
    " și ", " în ", " care ", " pentru ", " cu ", " pe ", " al ", " va ",  # Romanian
)  # fmt: skip
ENGLISH_MARKERS = (" the ", " and ", " of ", " to ", " is ", " with ", " that ", " for ")

# Times counted from the article, as another language says "this summer", "next year",
# "next month": a word for this or the next before the unit ("diesen Sommer", "cet été",
# "el próximo año", "этим летом") or after it ("l'été prochain", "tahun depan", "Maret
# nanti"). The units are the season names above, these nouns of the year and the month,
# and the month names (a month named so is its next turn, as English's "next May").
RELATIVE_BEFORE: dict[str, int] = {
    "diesen": 0, "diesem": 0, "dieses": 0, "diese": 0, "nächsten": 1, "nächstes": 1,
    "nächste": 1, "kommenden": 1, "kommendes": 1,
    "cet": 0, "cette": 0, "ce": 0,
    "este": 0, "esta": 0, "neste": 0, "nesta": 0, "próximo": 1, "próxima": 1,
    "proximo": 1, "proxima": 1,
    "questa": 0, "questo": 0, "quest'": 0, "quest\u2019": 0, "prossimo": 1, "prossima": 1,
    "этим": 0, "этом": 0, "этой": 0, "этот": 0, "следующем": 1, "следующим": 1,
    "следующей": 1, "следующий": 1, "будущем": 1,
}  # fmt: skip
RELATIVE_AFTER: dict[str, int] = {
    "prochain": 1, "prochaine": 1, "prossimo": 1, "prossima": 1, r"que\s+vem": 1,
    r"que\s+viene": 1, "ini": 0, "depan": 1, "mendatang": 1, "nanti": 1,
}  # fmt: skip
YEAR_NOUNS = ("jahr", "année", "an", "año", "ano", "anno", "tahun", "году", "год")
MONTH_NOUNS = ("monat", "mois", "mes", "mês", "mese", "bulan", "месяце", "месяц")

# A release already past, in another language's clause ("die erst im Dezember gestartet
# war", "se estrenó en marzo", "вышел в марте"): a date without a year is before the
# article. Regular-expression fragments, whole words, case-insensitive.
PAST_RELEASE_WORDS = (
    r"gestartet", r"erschienen", r"erschien", r"startete\w*", r"lief", r"liefen",
    r"se\s+estrenó", r"estrenó", r"llegó", r"debutó",
    r"estreou", r"chegou",
    r"est\s+sortie?s?", r"est\s+arrivée?s?", r"a\s+débarqué", r"a\s+été\s+diffusée?s?",
    r"è\s+uscit[oa]", r"è\s+arrivat[oa]", r"ha\s+debuttato",
    r"kemarin", r"telah\s+tayang", r"sudah\s+tayang",
    r"вышел", r"вышла", r"вышли", r"выходил\w*", r"стартовал\w*",
    # Dutch, Swedish: "toen de serie in 2015 verscheen", "hade premiär 2017"
    r"verscheen", r"kwam\s+uit", r"ging\s+in\s+première", r"hade\s+premiär",
)  # fmt: skip

# Korean, Japanese and Chinese write a date with its unit after each number ("2026년 3월
# 15일", "2020年7月3日", "2026년 상반기": a year's first half) and count years from the
# article's ("내년": next year, "올해": this year). The units, and those words -> the years
# ahead of the article's.
CJK_YEAR, CJK_MONTH, CJK_DAY = "년年", "월月", "일日"
CJK_RELATIVE_YEARS: dict[str, int] = {
    "내년": 1, "올해": 0, "금년": 0, "来年": 1, "今年": 0, "明年": 1,
}  # fmt: skip
# ... and months counted from the article's with a day after ("다음 달 15일": the 15th of
# next month, "来月3日", "이번 달 20일": this month's 20th) -> the months ahead.
CJK_RELATIVE_MONTHS: dict[str, int] = {
    "다음 달": 1, "다음달": 1, "이번 달": 0, "이번달": 0, "来月": 1, "今月": 0, "下个月": 1,
    "下月": 1, "本月": 0,
}  # fmt: skip

# The season the news is about, whatever its number, as English's "the new season", "new
# episodes": regular-expression fragments, whole words, case-insensitive; and words
# (lower case) one of which every match holds, to skip the pattern on most sentences.
CURRENT_SEASON = (
    r"neuen?\s+(?:staffel|folgen|episoden)", r"neue\s+staffel",
    r"nouvelle\s+saison", r"nouveaux\s+épisodes",
    r"nueva\s+temporada", r"nuevos\s+episodios",
    r"nova\s+temporada", r"novos\s+episódios",
    r"nuova\s+stagione", r"nuovi\s+episodi",
    r"(?:musim|season)\s+(?:terbaru|baru)", r"episode\s+(?:terbaru|baru)",
    r"нов(?:ый|ого|ом)\s+сезон\w*", r"новые\s+(?:серии|эпизоды)",
)  # fmt: skip
CURRENT_SEASON_GATE = ("neue", "nouve", "nuev", "nova", "novos", "nuov", "baru", "нов")


# What a page's own stamp holds besides its date, in these languages: the label before
# it ("Publicado el", "Veröffentlicht am", "Mis à jour le", "Aggiornato il"), the
# weekday ("Viernes 22 de julio de 2016", "Montag, 3. Mai 2021") and the little words
# between ("de", "às", "um ... Uhr"). A short line of only these and a date with its
# year is the page's publish stamp (candidates.py), as "Published June 3, 2019" is.
STAMP_WORDS = frozenset(
    (
        # labels: published, updated, posted, last
        "publicado", "publicada", "actualizado", "actualizada", "atualizado", "atualizada",
        "última", "ultima", "actualización", "atualização",
        "veröffentlicht", "aktualisiert", "zuletzt", "erschienen", "stand",
        "publié", "publie", "publiée", "mis", "à", "jour", "modifié", "modifie",
        "pubblicato", "pubblicata", "aggiornato", "aggiornata", "ultimo", "aggiornamento",
        "gepubliceerd", "bijgewerkt", "laatst", "geplaatst",
        "udgivet", "opdateret", "publiceret", "publicerad", "uppdaterad", "publisert",
        "oppdatert", "sist", "diterbitkan", "diperbarui", "опубликовано", "обновлено",
        # Korean and Japanese: entered, modified, registered; sent out, updated, posted
        "입력", "수정", "기사입력", "등록", "승인",
        "配信日", "更新日", "公開日", "投稿日", "掲載日",
        # joiners and clock words
        "el", "la", "de", "del", "em", "às", "as", "a", "las", "los", "am", "um", "uhr",
        "le", "il", "alle", "ore", "op", "om", "den", "kl", "klo", "pukul", "h", "hs",
        "e", "et", "y", "und", "en", "i", "på", "в",
        # weekdays
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado",
        "sabado", "domingo", "segunda-feira", "terça-feira", "terca-feira",
        "quarta-feira", "quinta-feira", "sexta-feira", "segunda", "terça", "quarta",
        "quinta", "sexta",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "måndag", "tisdag", "lördag", "söndag",
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    )
)  # fmt: skip

# Words that open a clause of its own after a comma, as English's ", and", ", which",
# ", while" do: a date in that clause is said of its own subject, not of the noun before
# the comma ("el primer tráiler de la segunda temporada, la cual regresará el 2 de
# septiembre": the season returns, the trailer does not). The relative pronouns, which
# may also be said of the noun right before them, are listed apart.
CLAUSE_CONJUNCTIONS = (
    r"y", r"e", r"pero", r"mientras", r"aunque",
    r"mas", r"enquanto", r"embora",
    r"et", r"mais", r"tandis\s+que", r"alors\s+que",
    r"ma", r"mentre", r"però",
    r"und", r"aber", r"während", r"doch", r"denn",
    r"maar", r"terwijl", r"og", r"men", r"mens", r"och", r"medan",
)  # fmt: skip
RELATIVE_PRONOUNS = (
    r"(?:la|el|lo|las|los)\s+cual(?:es)?", r"que", r"quien", r"donde",
    r"(?:a|o|as|os)\s+qual", r"(?:as|os)\s+quais",
    r"qui", r"lequel", r"laquelle", r"dont", r"où",
    r"che", r"(?:il|la|i|le)\s+qual[ei]", r"cui",
    r"der", r"die", r"das", r"welche[rs]?", r"wo",
    r"die", r"dat", r"som", r"der", r"hvor",
)  # fmt: skip

# The word that opens a clause of its own as English's "that" does ("revelou que a série
# estreia", "avslöjade att tv-serien har premiär", "bejelentette, hogy ... debütál"):
# a release verb in it is said of that clause's subject.
SUBORDINATORS = (
    r"que", r"qu['\u2019]", r"che", r"dass", r"dat", r"att", r"at", r"że", r"hogy", r"že",
    r"da", r"că",
)  # fmt: skip

# The making of a show or film, in these languages (filming, shooting, recording): a date
# whose nearest verb or noun is one of these is when it is made, not released ("en
# noviembre empieza a filmarse", "die Dreharbeiten beginnen im Mai", "le tournage
# débutera en juin"), as English's "filming starts in May" (cues.PRODUCTION_SUBJECT).
PRODUCTION_WORDS = (
    r"rodaje", r"rodar\w*", r"filmaci[oó]n", r"filmar\w*", r"grabaci[oó]n\w*", r"grabar\w*",
    r"filmagens?", r"gravaç(?:ão|ões)", r"gravar\w*", r"filmar",
    r"dreharbeiten", r"gedreht", r"drehen", r"drehstart", r"produktion",
    r"tournage", r"tourn(?:er|é|ée|ées|és)", r"prises\s+de\s+vue",
    r"riprese", r"girat[oaie]", r"girare", r"produzione",
    r"opnames", r"optagelser\w*", r"innspilling\w*", r"inspelning\w*", r"zdjęcia",
    r"съ[её]мк\w*",
)  # fmt: skip

# A day of the month written as a word before "de" and its month, as Spanish and
# Portuguese news may write it ("el próximo dos de septiembre", "no dia primeiro de
# março"): the word -> the day.
DAY_WORDS: dict[str, int] = {
    "primero": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "treinta": 30,
    "primeiro": 1, "dois": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8, "nove": 9,
    "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
    "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18,
    "dezenove": 19, "dezanove": 19, "vinte": 20, "trinta": 30,
}  # fmt: skip

# Japanese and Chinese write no spaces, so their words are matched without word
# boundaries, and a particle or ending may follow with none ("2026年に放送される",
# "配信開始", "上映"). Release verbs and nouns: broadcast, stream, release (to the public),
# air, screen. (Korean's, written with spaces, are in RELEASE_WORDS.)
CJK_RELEASE_WORDS = ("放送", "配信", "公開", "放映", "上映", "播出", "上线", "首播")

# A season counted as Japanese counts one: the number then its counter, "第2期", "2期",
# "第3シーズン" (the counter is the season noun; "第2クール", a cour, is a part of one).
SEASON_COUNTERS = ("期", "シーズン", "シリーズ")
# ... and a part of one, counted the same way: "第2クール" (a cour, a quarter-year run).
PART_COUNTERS = ("クール",)
# Other languages' nouns for a part of a season released in parts, written before its
# number: "Parte 1: 6 agosto", "Teil 2", "la partie 2", "deel 1". (Not the Nordic "del",
# which is also Spanish's and Italian's "del 2 de agosto".)
PART_NOUNS = ("parte", "teil", "partie", "deel", "cz\u0119\u015b\u0107")

# The trailer's own noun in languages that do not borrow "trailer" or "teaser": Slovene
# "napovednik", Czech "upoutávka", Hungarian "előzetes", Polish "zwiastun" (with their
# case endings): regular-expression fragments, whole words, case-insensitive.
TRAILER_NOUNS = (r"napovednik\w*", r"upoutávk\w*", r"előzetes\w*", r"zwiastun\w*")
# ... and the words that say one is out, in those languages and others not in cues.py's
# list: Czech "zveřejnil" (published), Slovene "objavil" / "predstavil", Hungarian
# "bemutatta" / "megjelent" / "kiadta", Romanian "a lansat", Polish "opublikował" /
# "zaprezentował" / "pojawił się", Spanish "compartió" (shared).
TRAILER_OUT_WORDS = (
    r"zveřejnil\w*", r"představil\w*", r"predstavil\w*", r"bemutatt\w*", r"megjelent",
    r"kiadt\w*", r"a\s+lansat", r"lansat\w*", r"opublikowa\w*", r"zaprezentowa\w*",
    r"pojawi[łl]\w*", r"compart(?:ió|ido|ida)",
    # Portuguese: "a série ganhou um teaser recente" (got a teaser)
    r"ganh(?:ou|aram)\s+(?:um|uma|o|a|seu|sua|novo|nova)",
    # Dutch: "te zien in een nieuwe trailer", "dit is de eerste trailer"
    r"in\s+(?:de|een|het)\s+(?:[\w-]+\s+){0,2}(?:trailer|teaser)",
    r"(?:dit|hier)\s+is\s+de\s+(?:[\w-]+\s+){0,2}(?:trailer|teaser)",
)  # fmt: skip

# Korean's and Japanese's words for a trailer: Korean's "예고편" (trailer) and "티저"
# (teaser), Japanese's "予告" (trailer), "特報" (the first short teaser), "ティザー",
# "トレーラー"; anime news's "PV" is in cues.TRAILER. A teaser *visual* or poster is a
# picture: the words after one that make it no video.
# (the anime "PV" also in full-width letters, as Japanese text sets it, and spelled out)
CJK_TRAILER_WORDS = (
    "예고편", "티저", "予告", "特報", "ティザー", "ティーザー", "トレーラー",
    "\uff30\uff36", "プロモーションビデオ",
)  # fmt: skip
CJK_NOT_VIDEO_AFTER = (
    "ビジュアル", "ポスター", "イラスト", "画像", "포스터", "이미지", "스틸", "비주얼",
)  # fmt: skip

# Hedges and denials of Japanese, Korean and Chinese, matched without word boundaries as
# their release words are: speculation ("憶測", "噂", "추측", "소문", "传闻"), a possibility
# ("可能性", "かもしれ", "가능성"), a guess ("のではないか"); a date not yet set ("未定",
# "미정", "미확정", "待定").
CJK_HEDGE_WORDS = (
    "憶測", "噂", "可能性", "かもしれ", "のではないか", "추측", "소문", "루머", "가능성",
    "传闻", "据传", "或将",
)  # fmt: skip
CJK_NEGATION_WORDS = (
    "未定", "未発表", "미정", "미확정", "待定",
    # a verb denied: "まだ決まっていない" (not yet decided), "一切しない" (none at all),
    # "정해지지 않았다" (has not been set), "예정은 없다" (there is no plan)
    "ていない", "一切", "しない", "されない", "않았", "않는", "않을", "없다", "없는",
)  # fmt: skip

# A trailer put out, in Korean and Japanese ("예고편을 공개했다", "PVが公開された",
# "PV解禁", "映像が到着"); not yet ("공개될", "공개 예정", "公開予定", "公開される"):
# regular-expression fragments matched without word boundaries.
CJK_TRAILER_OUT = (
    r"공개(?:됐|했|된|돼|되었|하였|해|\s*중)",
    r"公開(?!予定|される|されます|する|します|へ)",
    r"解禁", r"到着", r"お披露目",
)  # fmt: skip
