"""The vocabulary of articles not written in English: German, Spanish, Portuguese, French
and Italian. Data only, kept here in one place; dates.py builds its date patterns from
the month and season names, cues.py adds the release verbs, hedges and denials to its
own vocabularies. A word listed here should mean the same in every article of its
language; a word that is also common English ("mai", "mars") is read only in the date
shapes that cannot be English ("3. Mai 2025", "en mars").
"""

from __future__ import annotations

# Month names, lower case, with and without their accents -> the month's number.
MONTHS: dict[str, int] = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6,
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
    # (English spellings a German article shares, after a day with its full stop:
    # "13. April 2020", "1. August")
    "april": 4, "august": 8, "september": 9, "november": 11,
}  # fmt: skip

# Seasons of the year -> the English season they name ("primavera 2024" = spring 2024).
SEASONS: dict[str, str] = {
    "frühling": "spring", "fruehling": "spring", "frühjahr": "spring", "sommer": "summer",
    "herbst": "autumn",
    "primavera": "spring", "verano": "summer", "otoño": "autumn", "invierno": "winter",
    "verão": "summer", "outono": "autumn", "inverno": "winter",
    "printemps": "spring", "été": "summer", "automne": "autumn", "hiver": "winter",
    "estate": "summer", "autunno": "autumn",
}  # fmt: skip

# Words between a season and its year: "Herbst 2021", "nell'estate del 2025", "verano de 2024".
SEASON_YEAR_JOINERS = (r"de", r"del", r"do", r"da", r"di", r"dell['\u2019]", r"des")

# Words that put a month alone ("im März", "en janvier", "a dicembre") in the article's
# year: the month of a coming release.
MONTH_PREPOSITIONS = (
    r"im", r"ab", r"seit", r"en", r"em", r"nel", r"a", r"ad", r"dès", r"desde", r"da",
    r"a\s+partir\s+de", r"à\s+partir\s+de", r"a\s+partire\s+da", r"para", r"pour",
    r"per", r"für",
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
    r"veröffentlicht", r"premiere\s+feiert", r"feiert\s+premiere", r"kommt", r"kommen",
    r"kehrt", r"zurück", r"rückkehr", r"fortgesetzt",
    # Spanish
    r"estren\w*", r"llega\w*", r"lanzamiento", r"disponible", r"se\s+emitirá",
    r"vuelve\w*", r"volverá", r"regresa\w*", r"regreso", r"desde\s+el(?=\s+\d)",
    # Portuguese
    r"estrei\w*", r"chega\w*", r"lançamento", r"lancamento", r"disponível",
    r"volta", r"voltará", r"retorna\w*", r"partir\s+de(?=\s+\d)",
    # French
    r"sortie", r"sortira", r"débarque\w*", r"diffusé\w*", r"diffusion",
    r"en\s+salles", r"sera\s+disponible", r"reviendra", r"revient", r"de\s+retour",
    r"partir\s+du", r"dès\s+le",
    # Italian
    r"arriva\w*", r"uscita", r"uscirà", r"esce", r"partirà", r"debutt\w*",
    r"disponibile", r"in\s+onda", r"tornerà", r"torna", r"ritorna\w*", r"ritorno",
    r"dal(?=\s+\d)",
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
)

# Denials: "noch kein Starttermin", "todavía no", "ainda não", "pas encore", "non ancora".
NEGATION_WORDS = (
    r"noch\s+kein\w*",
    r"noch\s+nicht",
    r"todavía\s+no",
    r"aún\s+no",
    r"sin\s+fecha",
    r"ainda\s+não",
    r"sem\s+data",
    r"pas\s+encore",
    r"aucune\s+date",
    r"non\s+ancora",
    r"nessuna\s+data",
)

# What a season is called ("Staffel 2", "la segunda temporada", "stagione 2", "saison 2").
SEASON_NOUNS = ("staffel", "temporada", "stagione", "saison")

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
    r"uscita",
    r"estreno",
    r"estreia",
    r"sortie",
    r"lançamento",
    r"lanzamiento",
    r"kinostart",
    r"starttermin",
    r"serienstart",
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
)

# Articles and the like that open a season's name ("Die zweite Staffel", "La saison 2"):
# lower case; a capitalized one is the start of a sentence, not a show's name.
ARTICLES = (
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "la", "le", "les", "el", "los",
    "las", "il", "lo", "gli", "i", "o", "os", "as", "un", "une", "una", "uma", "sa", "su",
    "sua", "seine", "ihre",
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
)  # fmt: skip
ENGLISH_MARKERS = (" the ", " and ", " of ", " to ", " is ", " with ", " that ", " for ")
