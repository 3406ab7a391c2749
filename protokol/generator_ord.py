"""Danish vocabulary for the data generator (protokol.generator): committees, people, parties,
case titles and the sentences items, decisions and attachments are written from."""

# (name, abbreviation, members); the first two are where cases end up (DOMAIN §1).
UDVALG = [
    ("Økonomiudvalget", "ØU", 7),
    ("Byrådet", "BY", 21),
    ("Erhvervs- og Beskæftigelsesudvalget", "EBU", 5),
    ("Børne- og Skoleudvalget", "BSU", 7),
    ("Social- og Sundhedsudvalget", "SSU", 7),
    ("Teknik- og Miljøudvalget", "TMU", 7),
    ("Kultur- og Fritidsudvalget", "KFU", 5),
    ("Plan- og Byudviklingsudvalget", "PBU", 7),
    ("Klima- og Naturudvalget", "KNU", 5),
    ("Ældre- og Værdighedsudvalget", "ÆVU", 5),
    ("Integrationsudvalget", "IU", 5),
    ("Folkeoplysningsudvalget", "FOU", 7),
    ("Handicaprådet", "HR", 9),
    ("Ældrerådet", "ÆR", 7),
]
# Further committees, where a register holds more than one municipality's standing ones.
LOKALOMRAADER = [
    "Allerød", "Lillerød", "Blovstrød", "Lynge", "Uggeløse", "Kollerød", "Engholm", "Ravnsnæs",
    "Nymølle", "Bregnerød", "Børstinghus", "Ny Hammersholt", "Farum", "Birkerød", "Hørsholm",
    "Rungsted", "Karlebo", "Kokkedal", "Nivå", "Humlebæk", "Fredensborg", "Hillerød", "Gørløse",
    "Slangerup", "Ølstykke", "Stenløse", "Værløse", "Hareskov", "Bagsværd", "Søborg", "Holte",
    "Nærum", "Vedbæk", "Trørød", "Skodsborg", "Dronningmølle", "Gilleleje", "Hornbæk", "Tisvilde",
    "Helsinge",
]  # fmt: skip

PARTIER = [
    ("A", "Socialdemokratiet", 6),
    ("V", "Venstre", 5),
    ("C", "Det Konservative Folkeparti", 4),
    ("F", "SF - Socialistisk Folkeparti", 3),
    ("Ø", "Enhedslisten", 2),
    ("O", "Dansk Folkeparti", 2),
    ("B", "Radikale Venstre", 2),
    ("I", "Liberal Alliance", 2),
    ("Æ", "Danmarksdemokraterne", 1),
    ("Å", "Alternativet", 1),
]

FORNAVNE = [
    "Anne", "Bente", "Camilla", "Dorthe", "Eva", "Gitte", "Hanne", "Helle", "Inge", "Jette",
    "Karen", "Lene", "Lone", "Maria", "Mette", "Nina", "Pia", "Susanne", "Tina", "Ulla",
    "Agnete", "Gurli", "Birgitte", "Kirsten", "Louise", "Anders", "Bjarne", "Carsten", "Erling",
    "Flemming", "Henrik", "Jens", "Jesper", "Kim", "Lars", "Michael", "Morten", "Niels",
    "Nikolaj", "Ole", "Peter", "Poul", "Rasmus", "Søren", "Thomas", "Torben", "Jørgen", "Mads",
]  # fmt: skip
EFTERNAVNE = [
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Fog", "Bührmann", "Neerbek",
    "Kjær", "Lund", "Holm", "Bach", "Dahl", "Friis", "Vestergaard", "Skov", "Brandt", "Krogh",
]  # fmt: skip

EMNER = [
    "jobcentrets indsats for ledige over 50 år", "den kommunale ungeindsats", "virksomhedsservice",
    "integration af flygtninge på arbejdsmarkedet", "sygedagpengeområdet",
    "ressourceforløb og jobafklaring", "erhvervsfremme og iværksætteri",
    "skolernes trivselsmåling", "specialundervisning", "dagtilbudsstrukturen",
    "ældreplejens kvalitetsstandarder", "hjemmeplejen", "genoptræning efter sygehusophold",
    "vejvedligeholdelse", "kollektiv trafik", "affaldsordningen", "klimatilpasning",
    "spildevandsplanen", "idrætsfaciliteter", "biblioteksbetjeningen", "folkeoplysningen",
    "lokalplanlægningen i bymidten", "boligsociale initiativer", "handicappolitikken",
    "digitaliseringsstrategien", "sundhedspolitikken", "forebyggelse af ensomhed",
    "naturgenopretning i ådalen", "energirenovering af kommunale bygninger", "cykelstier",
]  # fmt: skip
TITEL_SKABELONER = [
    "Orientering om {emne}",
    "Godkendelse af kvalitetsstandard for {emne}",
    "Høring om {emne}",
    "Status på {emne}",
    "Temadrøftelse: {emne}",
    "Tillægsbevilling vedrørende {emne}",
    "Evaluering af {emne}",
    "Handleplan for {emne} {aar}",
    "Budgetopfølgning pr. 31. {maaned} {aar}",
    "Ansøgning om tilskud til {emne}",
    "Lokalplan {nr} for {sted}",
    "Beskæftigelsesplan {aar}",
]
MAANEDER = ["marts", "maj", "august", "oktober"]
LUKKEDE_TITLER = [
    "Personalesag",
    "Køb af ejendom",
    "Salg af kommunal grund",
    "Udbud af rengøring",
    "Klagesag",
    "Kontraktforhandling",
]

SAETNINGER = [
    "Sagen forelægges udvalget til orientering om status og den videre proces.",
    "Forvaltningen har udarbejdet et notat, der beskriver de væsentligste ændringer siden "
    "sidste behandling.",
    "Rent lovgivningsmæssigt er der siden 2013 kommet markant fokus på en tværfaglig og "
    "koordineret indsats for borgeren.",
    "Udvalget besluttede på sit seneste møde at bede forvaltningen om en nærmere beskrivelse af "
    "konsekvenserne for borgerne.",
    "Erfaringen er, at den fysiske nærhed i dagligdagen og kendskabet til både personer og "
    "arbejdsområder er afgørende for en god koordinering.",
    "Der er gennemført en dialog med de berørte parter, og deres bemærkninger er indarbejdet i "
    "forslaget.",
    "Forslaget indebærer en omlægning af arbejdsgange, som forventes at frigøre ressourcer til "
    "kerneopgaven.",
    "Der henvises til vedlagte bilag for en uddybende gennemgang af tallene.",
    "Det samlede forbrug ligger på niveau med det forventede, og der er ikke behov for at "
    "tilføre yderligere midler.",
    "Kommunens andel af udgiften afholdes inden for udvalgets eksisterende ramme.",
    "Sagen har været drøftet i KKR Hovedstaden, der anbefaler kommunerne at styrke "
    "samarbejdet på tværs.",
    "Handicaprådet og Ældrerådet har haft forslaget i høring og har afgivet høringssvar.",
    "Der er i perioden modtaget 14 ansøgninger, hvoraf 9 opfylder kriterierne.",
    "Målet er, at flere borgere kommer i job eller uddannelse, og at færre modtager offentlig "
    "forsørgelse.",
    "Den nuværende ordning udløber ved årets udgang, og der skal tages stilling til en ny.",
    "Forvaltningen vurderer, at forslaget kan gennemføres uden konsekvenser for serviceniveauet.",
]
BESLUTNINGER = [
    "Godkendt.",
    "Anbefales.",
    "Orienteringen taget til efterretning.",
    "Administrationens forslag godkendt.",
    "Udvalget anbefaler forslaget over for Økonomiudvalget og Byrådet.",
    "Udsat.",
    "Sagen genoptages med supplerende notat fra forvaltningen.",
]
FASTE_BESLUTNINGER = {
    "Bemærkninger til dagsordenen": "Ingen bemærkninger.",
    "Meddelelser": "Orienteringen taget til efterretning.",
}
AFSTEMNINGSFORSLAG = [
    "Administrationens forslag",
    "Ændringsforslag om at udskyde beslutningen til næste møde",
    "Forslag om at sende sagen i fornyet høring",
]
MINDRETAL = [
    "{parti} kan ikke støtte forslaget, da det vil forringe serviceniveauet for borgerne.",
    "{parti} ønsker sagen belyst yderligere, før der træffes beslutning.",
    "{parti} mener, at udgiften bør finansieres inden for den eksisterende ramme.",
]
BILAG_TITLER = [
    "Notat om {emne}",
    "Høringssvar vedrørende {emne}",
    "Statusrapport: {emne}",
    "Økonomisk oversigt",
    "Analyse af {emne}",
    "Kvalitetsstandard",
]
AFDELINGER = [
    "Borgerservice", "Jobcenter", "Dagtilbud", "Skoler", "Ældre og Sundhed", "Teknik",
    "Kultur og Fritid", "Natur og Miljø", "Plan og Byg", "Familie og Rådgivning",
]  # fmt: skip
