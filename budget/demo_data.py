"""The savings round of shared/seeds/003_efd706ca5032b39e.txt: "Budgetlægning 2016 - 2019", EBU's
frame (item 3 Tema) and the four transfer-expenditure forms 434/1-4 with every field as printed
(DOMAIN §5). Paragraphs are separated by blank lines; wrapped lines are joined."""

import datetime

RUNDE = {
    "navn": "Budgetlægning 2016 - 2019",
    "slug": "2016-2019",
    "foerste_aar": 2016,
    "sidste_aar": 2019,
    "samlet_maal": 50_000_000,
}
RAMME = {"nettodriftsbudget": 115_900_000, "besparelsesmaal": 100_000}
PUNKT = {"dato": datetime.date(2015, 5, 13), "nummer": 3}

DIALOG = (
    "Drøftet med nedsat besparelses/effektiviseringsgruppe som repræsenterer den samlede "
    "Borgerservice."
)
NOTE_BEGGE = "Merudgifterne er serviceudgifter\nMindreudgifterne er overførselsudgifter"
AAR = [2016, 2017, 2018, 2019]


def _aar(service, overfoersel, aarsvaerk):
    return {
        aar: {
            "udgifter_service": service,
            "udgifter_overfoersel": overfoersel,
            "aarsvaerk": aarsvaerk,
        }
        for aar in AAR
    }


FORSLAG = [
    {
        "afdeling_nr": 434,
        "afdeling_navn": "Borgerservice",
        "forslag_nr": 1,
        "scenarie_nr": 1,
        "udgiftstype": "begge",
        "udgiftstype_tekst": "Overførsel/Service",
        "acadre": "15/6552",
        "titel": "Ansættelse af borgere på ledighedsydelse",
        "beskrivelse": (
            "Borgere der er visiteret til fleksjob har ret til ledighedsydelse i "
            "ledighedsperioder. Refusionen fra staten bortfalder når borgeren har modtaget "
            "ledighedsydelse i 18 måneder. Retten til refusion indtræder igen, når borgeren har "
            "været i job i 9 måneder.\n\n"
            "Ved at ansætte borgere visiteret til fleksjob, som har 18 måneders ledighed eller "
            "mere, i Allerød Kommune, kan der opnås en besparelse på minimum 37.000 kr. pr. "
            "borger årligt.\n\n"
            "Ansættelse af borgeren i Allerød Kommune i gennemsnitlig 5 timer om ugen vil betyde "
            "at borgeren opnår/vedligeholder kompetencer i forhold til arbejdsmarkedet. Endvidere "
            "vil ansættelserne betyde tilførsel af ressourcer til varetagelse af forskellige "
            "kommunale opgaver.\n\n"
            "Det vurderes, at 10 borgere i 2016 vil være i målgruppen for et fleksjob i Allerød "
            "Kommune.\n\n"
            "Forslaget betyder et merforbrug på servicerammen på kr. 650.000 årligt, og en "
            "besparelse på overførselsrammen på kr. 1.020.000 årligt."
        ),
        "oekonomi_note": NOTE_BEGGE,
        "oekonomi_beskrivelse": (
            "Det vurderes realistisk, at nedskrive budgettet med 0,37 mio. kr. årlige i de "
            "kommende år."
        ),
        "personale_beskrivelse": (
            "Ansættelsen af borgere i fleksjob vil betyde en forøgelse af antallet af årsværk "
            "på 1,35."
        ),
        "serviceniveau_nu": (
            "Borgere der er visiteret til fleksjob har ret til ledighedsydelse i perioder, hvor "
            "de er uden job. Grundet funktionsnedsættelser og skånehensyn kan det være vanskeligt "
            "at få placeret borgeren på arbejdsmarkedet."
        ),
        "serviceniveau_fremtidig": (
            "Det foreslås at Allerød Kommune tilbyder ansættelse af borgere med mere en 18 "
            "måneder på ledighedsydelse tilbydes ansættelse i Allerød Kommune med henblik på "
            "optræning/vedligeholdelse af borgerens kompetencer og med henblik på hjemtagelse af "
            "refusion. Borgerens ansættelse løber frem til der kan etableres en ansættelse på det "
            "private arbejdsmarked."
        ),
        "serviceniveau_konsekvenser": (
            "Ansættelse af borgeren i Allerød Kommune i gennemsnitlig 5 timer om ugen vil betyde "
            "at borgeren opnår/vedligeholder kompetencer i forhold til arbejdsmarkedet. Endvidere "
            "vil ansættelserne betyde tilførsel af ressourcer til varetagelse af forskellige "
            "kommunale opgaver."
        ),
        "serviceniveau_sammenligning": "Andre kommuner har tilsvarende modeller.",
        "bilag_tekst": "Notat om besparelse på ledighedsydelse",
        "aar": _aar(650_000, -1_020_000, "0"),
    },
    {
        "afdeling_nr": 434,
        "afdeling_navn": "Borgerservice",
        "forslag_nr": 2,
        "scenarie_nr": 1,
        "udgiftstype": "begge",
        "udgiftstype_tekst": "Service/overførsel",
        "acadre": "15/6552",
        "titel": "Intensiveret indsats for sygedagpengemodtagere",
        "beskrivelse": (
            "Anden halvdel af sygedagpengereformen trådte i kraft pr. 1. januar 2015. Reformen "
            "betyder, at der skal iværksættes en tidligere og tættere opfølgning på sygemeldte "
            "borgere, hvilket medfører en tredobling af antallet af samtaler.\n\n"
            "Endvidere er det administrative arbejde i forbindelse med klargøring af sager til "
            "det Rehabiliterende team steget væsentligt.\n\n"
            "I dag varetages opgaven af 5 årsværk.\n\n"
            "Erfaringsmæssigt betyder ekstra ressourcer til sygedagpengeområdet en besparelse, "
            "idet en tættere opfølgning forkorter sagerne.\n\n"
            "Ansættelse af et årsværk yderligere vil således betyde en forkortelse af "
            "sygedagpengesagerne samt en sikring af, at den lovgivningsbestemte "
            "opfølgningsforpligtigelse kan opfyldes.\n\n"
            "Sammenlignet med Hørsholm Kommune er sygedagpengeforløbende gennemsnitligt 0,6 uger "
            "længere i Allerød Kommune, hvilket giver en merudgift på kr. 1.085 kr. pr. forløb "
            "svarende til en merudgift på ca. 2,3 mio. kr. på de ca. 2.000 sygedagpengeforløb, "
            "der var i 2014.\n\n"
            "Med ansættelse af et ekstra årsværk kan det forventes at den gennemsnitlige varighed "
            "nedbringes med 0,5 uge svarende til en besparelse på ca. 1,1 mio. kr. på "
            "overførselsrammen. Til aflønning af et ekstra årsværk må beregnes en udgift på ca. "
            "475.000 kr. på servicerammen. Den samlede besparelse må således forventes at være "
            "ca. 625.000 kr.\n\n"
            "Besparelsen har potentiale så snart ansættelsen iværksættes. Der er således allerede "
            "medio 2015 ansat en medarbejder i en projektstilling, som i 2015 finansieres af den "
            "afsatte effektiviseringspulje i budget 2015, for at realisere en besparelse på "
            "sygedagpengeforløb på 312.500 kr. allerede i 2015."
        ),
        "oekonomi_note": NOTE_BEGGE,
        "oekonomi_beskrivelse": (
            "Det vurderes realistisk at nedskrive budgettet med 0,625 mio. kr. årlige i de "
            "kommende år."
        ),
        "personale_beskrivelse": "Forslaget betyder en forøgelse af antallet af årsværk med 1.",
        "serviceniveau_nu": (
            "Med de nuværende ressourcer kan det intensiverede samtaleforløb i henhold til den "
            "nye lovgivning ikke holdes rettidigt. Dette på trods af at tidsforbruget på de "
            "enkelte samtaler er afkortet væsentligt via styring af samtaleindhold."
        ),
        "serviceniveau_fremtidig": (
            "Med ansættelse af en ekstra medarbejder vil det være muligt at gennemføre den "
            "tidligere og tættere opfølgning på sygemeldte borgere, som er specificeret i "
            "lovgivningen."
        ),
        "serviceniveau_konsekvenser": (
            "Erfaringsmæssigt betyder ekstra ressourcer til sygedagpengeområdet en besparelse, "
            "idet en tættere opfølgning forkorter sagerne. Det forventes at den gennemsnitlige "
            "varighed kan forkortes med 0,5 uge."
        ),
        "serviceniveau_sammenligning": (
            "Allerød Kommune ligger på nuværende tidspunkt under det gennemsnitlige niveau i de "
            "omkringliggende kommuner i forhold til ressourceforbruget."
        ),
        "bilag_tekst": "Intensiveret indsats for sygedagpengemodtagere",
        "aar": _aar(475_000, -1_100_000, "0"),
    },
    {
        "afdeling_nr": 434,
        "afdeling_navn": "Borgerservice",
        "forslag_nr": 3,
        "scenarie_nr": 1,
        "udgiftstype": "overfoersel",
        "udgiftstype_tekst": "Overførsel",
        "acadre": "15/6552",
        "titel": "Intensiveret indsats for kontanthjælpsmodtagere",
        "beskrivelse": (
            "I 2014 har 236 personer modtaget kontanthjælp i Allerød Kommune. Den gennemsnitlige "
            "ledighedsperiode var på 34,4 uger.\n\n"
            "Den gennemsnitlige ledighedsperiode er 0,9 uge højere end i Hørsholm Kommune, "
            "hvilket betød at udgiften pr. kontanthjælpsmodtager var 985,92 kr. højere i Allerød "
            "Kommune end i Hørsholm Kommune. Det må antages at den gennemsnitlige "
            "ledighedsperiode kan nedbringes til et niveau svarende til Hørsholm eller lavere. "
            "Det er således et besparelsespotentiale på ca. kr. 232.000.\n\n"
            "Hovedparten af kontanthjælpsmodtagerne har problemer ud over ledighed i form af "
            "fysiske, psykiske og eller misbrugsproblemer. Erfaringen er at borgere som har "
            "længerevarende fravær fra arbejdsmarkedet har særdeles stor risiko for at blive "
            "marginaliseret og helt miste tilknytningen til arbejdsmarkedet. Det vurderes at en "
            "intensiveret indsats for denne målgruppen bør understøttes via lægefaglig "
            "screening, der peger på relevante behandlings- og/eller aktiveringstiltag.\n\n"
            "Ultimo november 2014 var der 52 borgere med en ledighed på 24 måneder eller mere. "
            "Det vurderes, at lægefaglig screening vil være relevant i ca. 40 af disse sager. "
            "Udgiften forventes at udgøre ca. kr. 100.000.\n\n"
            "Besparelsen har potentiale så snart ansættelsen iværksættes. Beløbet til lægefaglig "
            "screening finansieres derfor allerede i 2015 af den afsatte effektiviseringspulje i "
            "budget 2015. I årene 2016-2019 indgår således alene besparelsespotentialet på "
            "overførselsrammen på 232.000 kr. årligt."
        ),
        "oekonomi_note": "",
        "oekonomi_beskrivelse": (
            "Det vurderes at det er realistisk at nedskrive budgettet med 0,232 kr. hvert af årene."
        ),
        "personale_beskrivelse": "Forslaget har ingen personalemæssige konsekvenser.",
        "serviceniveau_nu": (
            "I dag gennemføres ikke lægefaglig screening af sagerne. Der indhentes lægelige "
            "oplysninger fra praktiserende læge og speciallæger i det omfang det vurderes at være "
            "relevant for sagsbehandlingen. Sundhedskoordinatoren bruges til vejledning i enkelte "
            "sager."
        ),
        "serviceniveau_fremtidig": (
            "Det vurderes at en lægefaglig screening af de længerevarende kontanthjælpssager vil "
            "understøtte og målrette sagsbehandlingen og medføre at borgerens varighed på "
            "kontanthjælp forkortes."
        ),
        "serviceniveau_konsekvenser": (
            "Lægefaglig screening af sagerne vil betyder, at sagsbehandlerne får faglig "
            "vejledning i forhold til hvilke lægelige oplysninger der er relevante i den konkrete "
            "sag, samt hvilke beskæftigelsesrettede tiltag der kan iværksættes på trods af "
            "borgerens problemstillinger."
        ),
        "serviceniveau_sammenligning": (
            "De omkringliggende kommuner har fortsat lægekonsulenter ansat til vejledning af "
            "sagsbehandleren. Det vurderes at Allerød Kommunes behov kan dækkes ved en "
            "kombination af lægefaglig screening og vejledning fra Sundhedskoordinator."
        ),
        "bilag_tekst": "Ingen",
        "aar": _aar(None, -232_000, None),
    },
    {
        "afdeling_nr": 434,
        "afdeling_navn": "Borgerservice",
        "forslag_nr": 4,
        "scenarie_nr": 1,
        "udgiftstype": "begge",
        "udgiftstype_tekst": "Service/Overførsel",
        "acadre": "15/6552",
        "titel": "Styrket virksomhedskontakt og jobformidling",
        "beskrivelse": (
            "Med den nye beskæftigelsesreform og aftale i regi af KKR skal samarbejdet med "
            "virksomhederne opprioriteres. Der skal etableres et tæt samarbejde med "
            "virksomhederne inden for tre servicespor:\n\n"
            "1. Rekruttering af ledige\n"
            "2. Uddannelse og opkvalificering af medarbejdere\n"
            "3. Fastholdelse af sygemeldte medarbejdere\n\n"
            "Herudover skal kommunerne levere følgende:\n\n"
            "• Forsikrede ledige med mere end 16 måneders ledighed bag sig skal have en intensiv "
            "indsats med fokus på virksomhedsrettet aktivering, og skal tilbydes en personlig "
            "jobformidler.\n\n"
            "• Virksomhederne skal vejledning om fastholdelse af sygemeldte borgere.\n\n"
            "Pt. er der 2 årsværk ansat til den virksomhedsrettede indsats samt 1 årsværk til "
            "varetagelse af indsatsen for fleksjobvisiterede. Sidstnævnte er ansats via en "
            "særlig bevilling fra Styrelsen for Arbejdsmarked og Rekruttering som udløber ved "
            "årsskiftet.\n\n"
            "Til varetagelse af den øgede virksomhedsservice og jobformidling vurderes der at "
            "være behov for ansættelse af 2 årsværk yderligere.\n\n"
            "Som effekt af den øgede virksomhedskontakt forventes andelen af virksomhedsrettet "
            "aktivering at stige således at brugen af private aktører minimeres.\n\n"
            "I 2014 købte Jobcentret forløb hos private aktører for ca. 4,2 mio. kr. til "
            "afdækning af borgernes arbejdsevne og understøttelse af jobsøgningen. Med ansættelse "
            "af 2 årsværk vil Jobcentret selv være i stand til at varetage en del af denne "
            "opgave. Det vurderes derfor, at der kan hjemtages ca. 25 pct. af opgaven som "
            "konsekvens af ansættelserne, hvilket svarer til en besparelse på ca. 1,05 mio. kr. "
            "på køb af forløb hos private aktører på overførselsrammen.\n\n"
            "Det forventes, at udgiften til ansættelse af 2 årsværk vil være ca.0,95 mio.kr. på "
            "servicerammen således at den samlede besparelse vil være på 0,1 mio. kr."
        ),
        "oekonomi_note": NOTE_BEGGE,
        "oekonomi_beskrivelse": "Ingen",
        "personale_beskrivelse": "Forslaget betyder ansættelse af 2 årsværk.",
        "serviceniveau_nu": (
            "Virksomhedskonsulenterne varetager i dag opgaver i forhold til etablering af "
            "virksomhedsrettet aktivering for Jobcentrets målgrupper. Herudover ydes der "
            "vejledning til virksomhederne i det omfang den efterspørges."
        ),
        "serviceniveau_fremtidig": (
            "Fremadrettes anbefales det, at virksomhedskonsulenterne i højere grad er opsøgende i "
            "forhold til virksomhederne i forhold til at etablere virksomhedsrettet aktivering, "
            "men også i forhold til rekruttering, vejledning om uddannelsesmuligheder, "
            "fastholdelse af sygemeldte, ansættelse af voksenlærlinge mm."
        ),
        "serviceniveau_konsekvenser": (
            "Det vurderes at være nødvendigt at prioritere virksomhedskontakten for at sikre det "
            "nødvendige antal virksomhedsrettede aktiveringspladser fremover. Ligeledes vurderes "
            "det, at en øget vejledning af virksomhederne i forbindelse med rekruttering, "
            "uddannelse og fastholdelse vil medvirke til at antallet af borgere på offentlig "
            "forsørgelse mindskes."
        ),
        "serviceniveau_sammenligning": (
            "Allerød Kommune bruger færre ressourcer til virksomhedsopsøgende arbejde end de "
            "omkringliggende kommuner."
        ),
        "bilag_tekst": "Notat om styrket virksomhedskontakt og jobformidling.",
        "aar": _aar(950_000, -1_050_000, "0"),
    },
]
for _forslag in FORSLAG:
    _forslag.setdefault("sammenhaenge", "Ingen")
    _forslag.setdefault("ikrafttraeden", datetime.date(2016, 1, 1))
    _forslag.setdefault("dialog_hoering", DIALOG)
