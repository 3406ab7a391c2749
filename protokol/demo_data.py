"""Demo content for the ``load_demo`` command: the two EBU meetings of the seed minutes.

Pure data (no Django, no I/O). Transcribed from ``shared/seeds/001_e8a37eafa7a70e2d.txt``
(12-03-2014, 9 items) and ``shared/seeds/003_efd706ca5032b39e.txt`` (13-05-2015, 6 items),
checked against ``seeds/INVENTORY.md`` and cleaned of the extraction artefacts of DOMAIN §7
(page-break spaces, footers, wrapped labels and headings, lost bullet glyphs, broken URL).

Conventions:

* Sections keep three states: ``None`` when the section is absent from the item, ``"-"`` or
  ``"Ingen"`` as printed, otherwise simple HTML: ``<p>``, ``<ul>``/``<ol>`` with ``<li>``,
  stand-alone sub-headings as ``<p><strong>…</strong></p>`` and ``<a href>`` for URLs. Wording,
  typos, double spaces and the ``”`` quotes are verbatim.
* Decisions are oldest first; ``udvalg`` is ``"EBU"`` for the committee itself. Decision texts
  are plain text with paragraphs separated by a blank line.
* 12-03-2014 item 4: the decision text is ``""`` because the protocol text is generated from
  ``afstemning``; ``protokoltekst`` holds the printed text so the generator can be compared.
* ``bilag``: ``filnavn`` verbatim from the item's Bilag field, ``titel`` as found in the appended
  document (the file name without extension when the document has no single title), ``bilagsnr``
  only where an attachment cover block shows it, ``tekst`` an excerpt of the opening paragraphs.
"""

from datetime import date, time

UDVALG = {
    "navn": "Erhvervs- og Beskæftigelsesudvalget",
    "forkortelse": "EBU",
    "periode_start": 2014,
    "periode_slut": 2017,
}

# Members in the order of DOMAIN §2.2. Party only where the seeds show it: the minority
# statement of 12-03-2014 starts "Enhedslisten kan ikke støtte …".
MEDLEMMER = [
    {"navn": "Nikolaj Bührmann", "rolle": "formand", "parti": "", "parti_bogstav": ""},
    {"navn": "Erling Petersen", "rolle": "medlem", "parti": "", "parti_bogstav": ""},
    {
        "navn": "Rasmus Keis Neerbek",
        "rolle": "medlem",
        "parti": "Enhedslisten",
        "parti_bogstav": "Ø",
    },
    {"navn": "Agnete Fog", "rolle": "medlem", "parti": "", "parti_bogstav": ""},
    {"navn": "Gurli Nielsen", "rolle": "medlem", "parti": "", "parti_bogstav": ""},
]

# Names of other bodies. Økonomiudvalget is named only in prose as the body that handled a case
# earlier (001 items 7 and 9, 003 item 3); no decision of it is printed in the seeds, and its
# abbreviation and term are not shown.
ANDRE_UDVALG = ["Økonomiudvalget"]

MOEDER = [
    # Seed 001_e8a37eafa7a70e2d.txt: møde onsdag den 12. marts 2014. The start time is only in prose
    # (item 3: "kl. 07.30"); no place is given anywhere in the seeds.
    {
        "dato": date(2014, 3, 12),
        "starttid": time(7, 30),
        "sted": None,
        "fravaerende": ["Agnete Fog"],
        "underskrivere": [
            "Nikolaj Bührmann",
            "Gurli Nielsen",
            "Erling Petersen",
            "Rasmus Keis Neerbek",
        ],
        "punkter": [
            # Punkt 1. Bemærkninger til dagsordenen
            {
                "nummer": 1,
                "titel": "Bemærkninger til dagsordenen",
                "sagsnr": None,
                "sag_titel": None,
                "punkttype": "-",
                "adgang": "aaben",
                "tema": "-",
                "sagsbeskrivelse": "-",
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": "-",
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [],
                "beslutninger": [{"udvalg": "EBU", "dato": date(2014, 3, 12), "tekst": "-"}],
                "afstemning": None,
            },
            # Punkt 2. Meddelelser
            {
                "nummer": 2,
                "titel": "Meddelelser",
                "sagsnr": None,
                "sag_titel": None,
                "punkttype": "-",
                "adgang": "aaben",
                "tema": "-",
                "sagsbeskrivelse": "-",
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": "-",
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [],
                "beslutninger": [{"udvalg": "EBU", "dato": date(2014, 3, 12), "tekst": "-"}],
                "afstemning": None,
            },
            # Punkt 3. Introduktion til UU-Sjælsø
            {
                "nummer": 3,
                "titel": "Introduktion til UU-Sjælsø",
                "sagsnr": "11/23767",
                "sag_titel": "Introduktion til UU-Sjælsø",
                "punkttype": "Orientering",
                "adgang": "aaben",
                "tema": (
                    "<p>UU Sjælsø er inviteret til at deltage i Erhvervs- og "
                    "Beskæftigelsesudvalgets møde d. 12. marts 2014 kl. 07.30. "
                    "Vicekommunaldirektør Anne Steffensen er næstformand i bestyrelsen for UU "
                    "Sjælsø og vil deltage under behandling af punktet. Fra UU Sjælsø deltager "
                    "centerleder Benny Olsen.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>UU-Sjælsø er et samarbejde mellem Allerød, Furesø, Hørsholm og Rudersdal "
                    "Kommuner om uddannelses- og erhvervsvejledning af børn og unge fra 7. klasse "
                    "til de fylder 25 år.</p>"
                    "<p>UU-Sjælsø står til rådighed for børn, unge, forældre, skoler, virksomheder "
                    "og øvrige samarbejdspartnere. Deres opgave er blandt andet, at</p>"
                    "<ul>"
                    "<li>vejlede elever i folkeskolen</li>"
                    "<li>vejlede unge om valg af uddannelse og erhverv</li>"
                    "<li>vejlede unge med særlig behov for vejledning</li>"
                    "<li>vejlede unge op til 25 år, der ikke er i uddannelse eller "
                    "beskæftigelse</li>"
                    "</ul>"
                    "<p>UU-Sjælsø vil på mødet orientere om UU arbejdsfelt, herunder blandt "
                    "andet:</p>"
                    "<ul>"
                    "<li>Status på unges uddannelsesplaceringer</li>"
                    "<li>Status på unge som ikke påbegynder en uddannelse, herunder orientering om "
                    "UU-Sjælsøs opsøgende og forebyggende indsats - hvad gøres der konkret i "
                    "forhold til at opfange og løse problemer tidligt</li>"
                    "<li>Status på brug af produktionsskoler. UU Sjælsøs opsøgende og forebyggende "
                    "indsats - hvad gøres der konkret i forhold til at opfange og løse problemer "
                    "tidligt</li>"
                    "<li>Samarbejdet mellem UU Sjælsø og Allerød Kommune.</li>"
                    "</ul>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at orienteringen tages til efterretning</p>"
                ),
                "afledte_konsekvenser": "Ingen",
                "oekonomi_og_finansiering": "Ingen",
                "dialog_hoering": "Ingen",
                "bilag": [],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 3, 12),
                        "tekst": "Orienteringen taget til efterretning.",
                    },
                ],
                "afstemning": None,
            },
            # Punkt 4. Nytteindsats
            {
                "nummer": 4,
                "titel": "Nytteindsats",
                "sagsnr": "14/1175",
                "sag_titel": "Nytteindsats",
                "punkttype": "Beslutning",
                "adgang": "aaben",
                "tema": (
                    "<p>Med vedtagelse af kontanthjælpsreformen er tilbudsviften i lov om en aktiv "
                    "beskæftigelsesindsats, pr. 1. januar 2014 udvidet med tilbud om "
                    "virksomhedspraktik som nytteindsats.</p>"
                    "<p>I lovgivningen er det fastlagt at nytteindsatsen for borgere omfattet af "
                    "reglerne om midlertidig arbejdsmarkedsydelse skal være på minimum 20 timer "
                    "ugentligt. Der er ikke krav om et minimum antal timer ugentligt for de øvrige "
                    "målgrupper.</p>"
                    "<p>Erhvervs- og Beskæftigelsesudvalget anmodes om, at fastlægge niveau for "
                    "hvor mange timer ugentligt borgeren skal deltage i nytteindsats for at "
                    "opretholde udbetalingen af uddannelseshjælp eller kontanthjælp.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Nytteindsats er et tilbud efter lov om en aktiv beskæftigelsesindsats som "
                    "består af udførelse af samfundsnyttige opgaver hos offentlige "
                    "arbejdsgivere.</p>"
                    "<p>Formålet med nytteindsatsen er at den ledige arbejder for sin ydelse, til "
                    "forskel fra virksomhedspraktik, hvor formålet blandt andet kan være afklaring "
                    "af beskæftigelsesmål mv. Arbejdet skal have et indhold, som giver den enkelte "
                    "mulighed for en beskæftigelse, hvor personen indgår i et arbejdsfællesskab og "
                    "udfører et stykke arbejde for sin ydelse.</p>"
                    "<p>Det er op til kommunerne at beslutte, hvad indholdet af nytteindsatserne "
                    "skal være. Der kan fx være opgaver, der relaterer sig til vedligeholdelse af "
                    "kommunale institutioner og anlæg eller at gå til hånde inden for kommunale "
                    "servicetilbud. Nytteindsats kan ud over de opgaver, der efter gældende regler "
                    "kan udføres af kommunen, være servicearbejde for borgere, som kan dokumentere "
                    "ikke selv at være i stand til at udføre det pågældende arbejde på grund af "
                    "fysiske eller psykiske begrænsninger. Ved vurderingen af, om servicearbejde "
                    "for den enkelte borger er konkurrenceforvridende, skal indgå, at arbejdet "
                    "ikke kan forventes at blive udført som almindeligt lønnet arbejde.</p>"
                    "<p>En ydelse, som er en del af kommunens serviceniveau efter servicelovens § "
                    "83, det vil sige hjemmehjælp mv., kan ikke samtidig udføres som nytteindsats "
                    "uden for reglerne om hjælp i servicelovens § 83.</p>"
                    "<p><strong>Målgruppen</strong></p>"
                    "<p>Nytteindsats skal primært gives til personer, der er i stand til at "
                    "arbejde, og som enten afventer at påbegynde en uddannelse eller et job, det "
                    "vil sige jobparate kontanthjælpsmodtagere og åbenlyst uddannelsesparate "
                    "uddannelseshjælpsmodtagere</p>"
                    "<p><strong>Uddannelseshjælpsmodtagere</strong></p>"
                    "<p>Borgere under 30 år som modtager uddannelseshjælp skal stå til rådighed "
                    "for arbejdsmarkedet og i videst mulig omfang arbejde og forsørge sig selv "
                    "frem til uddannelsesstart. For målgruppen gælder følgende:</p>"
                    "<ul>"
                    "<li>Skal efter 1 måned have tilbud om aktivering - herunder nyttejob.</li>"
                    "<li>Kontinuerligt i tilbud frem til påbegyndelse af ordinær uddannelse.</li>"
                    "<li>Varighed på højest 13 uger</li>"
                    "<li>Højest 4 uger mellem tilbud</li>"
                    "<li>Intet krav om ugentligt timetal</li>"
                    "</ul>"
                    "<p>Nytteindsats vil også kunne gives til personer, der er aktivitetsparate, "
                    "hvis nytteindsats vurderes at være det mest egnede tilbud med henblik på at "
                    "bringe dem tættere på at kunne tage en uddannelse.</p>"
                    "<p><strong>Jobparate borgere</strong></p>"
                    "<p>For Jobparate borgere over 30 år gælder følgende:</p>"
                    "<ul>"
                    "<li>Har efter 3 måneder på kontanthjælp ret og pligt til at tage imod tilbud "
                    "om nytteindsats, virksomhedspraktik eller ansættelse med løntilskud.</li>"
                    "<li>Tilbud skal have en varighed på minimum 2 uger</li>"
                    "<li>Nytteindsats kan have varighed på op til 13 uger</li>"
                    "<li>Intet krav om ugentligt timetal</li>"
                    "</ul>"
                    "<p>Det vil dog også kunne gives til personer, der er aktivitetsparate, i de "
                    "situationer, hvor nytteindsats vurderes at være det mest egnede tilbud med "
                    "henblik på at bringe dem tættere på at kunne tage en uddannelse eller et "
                    "job.</p>"
                    "<p><strong>Midlertidig arbejdsmarkedsydelse</strong></p>"
                    "<p>Personer der modtager midlertidig arbejdsmarkedsydelse gælder følgende:</p>"
                    "<ul>"
                    "<li>Ret og pligt til at påbegynde tilbud om nytteindsats eller "
                    "virksomhedspraktik, ansættelse med løntilskud eller som vikar i jobrotation "
                    "senest efter 4 uger.</li>"
                    "<li>Varighed i nytteindsat maksimum 13 uger</li>"
                    "<li>Krav om ugentligt nytteindsats 20 timer ugentligt</li>"
                    "</ul>"
                    "<p><strong>Etablering af nytteindsats</strong></p>"
                    "<p>Ved etablering af virksomhedspraktik i form af nytteindsats skal "
                    "spørgsmålet have været drøftet mellem virksomheden og tillidsrepræsentanten "
                    "eller en medarbejderrepræsentant, uanset varigheden af forløbet.</p>"
                    "<p>Rimelighedskravet for almindelig virksomhedspraktik gælder som "
                    "udgangspunkt også for nytteindsats. Rimelighedskravet betyder, at der skal "
                    "være et rimeligt forhold mellem antallet af ordinært ansatte og antallet af "
                    "personer i virksomhedspraktik samt ansatte med løntilskud.</p>"
                    "<p>Hvis en virksomhed har mellem 0 og 50 ansatte, må der derfor maksimalt "
                    "være 1 person i virksomhedspraktik for hver 5 ordinært ansatte.  I "
                    "virksomheder med mere end 50 ansatte må der herudover være 1 person for hver "
                    "10 ordinært ansatte.</p>"
                    "<p>Det lokale beskæftigelsesråd kan på baggrund af en begrundet ansøgning fra "
                    "kommunen træffe afgørelse om, at rimelighedskravet ikke skal gælde for "
                    "personer i nytteindsats.</p>"
                    "<p><strong>Fastlæggelse af ugentligt timetal</strong></p>"
                    "<p>På baggrund af et lovkrav om, at nytteindsats skal være på minimum 20 "
                    "timer ugentligt for borgere der modtager midlertidig arbejdsmarkedsydelse "
                    "anbefaler forvaltningen, at udvalget beslutter, at nytteindsatsen skal "
                    "tilrettelægges med en ugentlig arbejdstid på minimum 20 med mulighed for op "
                    "til 37 timer ugentligt efter konkret individuel skøn af jobcenteret.</p>"
                ),
                "supplerende_sagsbeskrivelse": (
                    "<p>Sagen er genoptaget fra udvalgets møde den 5. februar 2014 med supplerende "
                    "notat fra Forvaltningen. Forvaltningens notat er vedlagt som bilag til "
                    "punktet.</p>"
                ),
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at nytteindsatsen fastlægges med et ugentligt "
                    "timetal på minimum 20 med mulighed for op til 37 timer ugentligt efter "
                    "konkret individuel skøn af jobcenteret.</p>"
                ),
                "afledte_konsekvenser": "-",
                "oekonomi_og_finansiering": "-",
                "dialog_hoering": (
                    "<p>Det Lokale Beskæftigelsesråd kan på baggrund af en begrundet ansøgning fra "
                    "kommunen træffe afgørelse om, at rimelighedskravet ikke skal gælde for "
                    "personer i nytteindsats</p>"
                ),
                "bilag": [
                    {
                        "filnavn": "Supplerende notat om nytteindsats.pdf",
                        "titel": "Supplerende notat vedrørende etablering af nytteindsats",
                        "bilagsnr": None,
                        "tekst": (
                            "Erhvervs- og Beskæftigelsesudvalget har til mødet den 12. marts 2014 "
                            "bedt om supplerende oplysninger vedrørende;\n\n"
                            "1. antal borger i virksomhedsrettet aktivering i Allerød Service\n"
                            "2. ”timelønnen” ved aktivering i nyttejob\n"
                            "3. mulighed for etablering af nyttejob i frivillige "
                            "organisationer.\n\n"
                            "Antal borger i virksomhedsrettet aktivering i Allerød Service\n\n"
                            "Pr. 3. marts 2014 er 8 borgere i virksomhedsrettet aktivering i "
                            "Allerød Service, heraf 1 i ansættelse med løntilskud og 7 borgere i "
                            "virksomhedspraktik.\n\n"
                            "I 2013 har 32 borgere været i virksomhedsrettet aktivering i Allerød "
                            "Service. Fire borgere har været i ansættelse med løntilskud, og 28 "
                            "borgere i virksomhedspraktik.\n\n"
                            "Den gennemsnitlige ansættelsesperiode for borgere i ansættelse med "
                            "løntilskud har været ca. 5 måneder. Borgeren har typisk "
                            "håndværksmæssig erfaring forud for ansættelsen.\n\n"
                            "For borgere i virksomhedspraktik er den gennemsnitlige "
                            "aktiveringsperioden ca. 8 uger. 1 enkelt borger har været i "
                            "virksomhedspraktik i ca. 7 måneder. Borgerne har typisk ingen "
                            "uddannelse.\n\n"
                            "På baggrund af de administrative krav til arbejdsgiver og det "
                            "forholdsvis lave antal borgere som forventes visiteret til nyttejob "
                            "(ca. 8 borgere løbende), samt en forventet stor gennemgang af "
                            "borgere, anbefaler forvaltningen at nyttejob primært oprettes i "
                            "Allerød Service, hvor de administrative procedurer er på plads, og "
                            "hvor der stilles en fast mentor til rådighed."
                        ),
                    },
                ],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 2, 5),
                        "tekst": "Sagen genoptages med supplerende notat fra Forvaltningen.",
                    },
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 3, 12),
                        "tekst": "",
                        "protokoltekst": (
                            "Følgende forslag blev sat til afstemning:\n"
                            "”Forvaltningens forslag godkendes, idet der foretages en evaluering "
                            "efter 1 år med fokus på effekt, timetal, placering mv.”\n\n"
                            "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling "
                            "Petersen og Gurli Nielsen). Imod stemte 1 medlem (Rasmus Keis "
                            "Neerbek).\n\n"
                            "Rasmus Keis Neerbek har ønsket følgende mindretalsudtalelse ført til "
                            "protokol:\n\n"
                            "”Enhedslisten kan ikke støtte forvaltningens forslag, da den "
                            "beregnede timeløn på maks.tiden vil være langt under den "
                            "gennemsnitlige sats i sammenlignelig overenskomst. Det er frivilligt "
                            "for kommunen at oprette nyttejobs, og derfor mener vi det skal ske "
                            "under samme forhold som ellers gælder på arbejdsmarkedet.”"
                        ),
                    },
                ],
                "afstemning": {
                    "forslag": (
                        "Forvaltningens forslag godkendes, idet der foretages en evaluering efter "
                        "1 år med fokus på effekt, timetal, placering mv."
                    ),
                    "for": ["Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen"],
                    "imod": ["Rasmus Keis Neerbek"],
                    "undlod": [],
                    "mindretalsudtalelser": [
                        {
                            "navn": "Rasmus Keis Neerbek",
                            "tekst": (
                                "Enhedslisten kan ikke støtte forvaltningens forslag, da den "
                                "beregnede timeløn på maks.tiden vil være langt under den "
                                "gennemsnitlige sats i sammenlignelig overenskomst. Det er "
                                "frivilligt for kommunen at oprette nyttejobs, og derfor mener vi "
                                "det skal ske under samme forhold som ellers gælder på "
                                "arbejdsmarkedet."
                            ),
                        },
                    ],
                },
            },
            # Punkt 5. Gensidig forsørgerpligt
            {
                "nummer": 5,
                "titel": "Gensidig forsørgerpligt",
                "sagsnr": "13/14081",
                "sag_titel": "Gensidig forsørgerpligt",
                "punkttype": "Orientering",
                "adgang": "aaben",
                "tema": (
                    "<p>Samlevende par, hvor begge er fyldt 25 år, har fra 1. januar 2014 fået "
                    "pligt til at forsørge hinanden, når én af dem søger om kontanthjælp. Hidtil "
                    "har den gensidige forsørgerpligt kun været gældende for ægtefaller. "
                    "Udgangspunktet for ændringen er at kontanthjælpssystemet skal afspejler de "
                    "moderne samlivsformer og familiemønstre.</p>"
                    "<p>Sagen forelægges til orientering for Erhvervs- og "
                    "Beskæftigelsesudvalget.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Med kontanthjælpsreformen følger en gensidig forsørgelsespligt for "
                    "samlevende, hvor begge er fyldt 25 år. Ordningen er først fuld indfaset i "
                    "2015, og 2014 bliver et overgangsår, hvor den nye ordning får halv "
                    "virkning.</p>"
                    "<p>To personer bliver betragtet som samboende par, når:</p>"
                    "<ul>"
                    "<li>De begge er fyldt 25 år</li>"
                    "<li>De begge er ugifte</li>"
                    "<li>De bor på samme adresse</li>"
                    "<li>De er ikke slægtninge i ret op- eller nedstigende linje</li>"
                    "<li>De er ikke søskende</li>"
                    "</ul>"
                    "<p>Dertil kommer at:</p>"
                    "<ul>"
                    "<li>De har et fælles barn, eller</li>"
                    "<li>De er eller har været noteret som samlevende i ATP, eller</li>"
                    "<li>De har tidligere har været gift med hinanden, medmindre de er blevet "
                    "separeret eller skilt inden for de seneste tre måneder.</li>"
                    "</ul>"
                    "<p>Herudover kan kommunen betragte to personer for at være samlevende, når de "
                    "har et samliv af ægteskabslignende karakter.</p>"
                    "<p>I de tilfælde hvor en person, der modtager kontanthjælp eller søger om "
                    "det, ikke har angivet sig som samlevende, men hvor kommunen kan se, at der "
                    "bor en anden på samme adresse, og begge parter opfylder betingelserne for at "
                    "være omfattet af reglerne om gensidig forsørgelsespligt, kan kommunen "
                    "igangsætte en nærmere undersøgelse af forholdene.</p>"
                    "<p>Derefter træffer kommunen afgørelse ud fra en konkret, individuel "
                    "vurdering og henvender sig herefter til begge parter. Hvis kommunen træffer "
                    "afgørelse om samliv og dermed gensidig forsørgelsespligt, skal der være en "
                    "begrundelse for det og en klagevejledning.</p>"
                    "<p>I 2014 indfases gensidig forsørgelsespligt for samlevende par. Det "
                    "betyder, at når kommunen skal beregne kontanthjælpen eller "
                    "uddannelseshjælpen, så beregnes først, hvad man er berettiget til, hvis man "
                    "ikke var samlevende, og derefter beregnes, hvad man vil være berettiget til "
                    "efter reglerne om gensidig forsørgelsespligt. Det beløb lægges sammen og "
                    "deles med to, og det er så det beløb, der bliver udbetalt i 2014.</p>"
                    "<p>I Allerød kommunen anslås det at ca. 10 borgere ved udgangen af februar "
                    "2014 har oplevet ændringer i kontanthjælpen grundet indførsel af gensidig "
                    "forsørgerpligt. På mødet fremlægges eksempler på de økonomiske konsekvenser "
                    "for borgerne.</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at orienteringen tages til efterretning.</p>"
                ),
                "afledte_konsekvenser": "-",
                "oekonomi_og_finansiering": "-",
                "dialog_hoering": "-",
                "bilag": [],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 3, 12),
                        "tekst": "Orienteringen taget til efterretning.",
                    },
                ],
                "afstemning": None,
            },
            # Punkt 6. Udredning af den aktive beskæftigelsesindsats
            {
                "nummer": 6,
                "titel": "Udredning af den aktive beskæftigelsesindsats",
                "sagsnr": "14/3512",
                "sag_titel": "Udredning af den aktive beskæftigelsesindsats",
                "punkttype": "Orientering",
                "adgang": "aaben",
                "tema": (
                    "<p>Erhvervs- og Beskæftigelsesudvalget orienteres om afrapportering fra "
                    "ekspertgruppen til udredning af den aktive beskæftigelsesindsats, samt KL’s "
                    "høringssvar.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Regeringen nedsatte i februar 2013 en ekspertgruppe, som fik til opgave at "
                    "udrede den aktive beskæftigelsesindsats og komme med anbefalinger til en ny "
                    "og bedre indsats, der varigt løfter beskæftigelsen.</p>"
                    "<p>Ekspertgruppen til udredning af den aktive beskæftigelsesindsats "
                    "offentliggjorde den 28. februar 2014 deres endelige rapport om indsatsen for "
                    "de arbejdsmarkedsparate ledige.</p>"
                    "<p>Ekspertgruppen har formuleret en række principper, som de anbefaler som "
                    "styrende for den fremtidige indsats og har på den baggrund fremlagt 39 "
                    "anbefalinger til en ny arbejdsmarkedsindsats for forsikrede ledige. "
                    "Ekspertgruppens samlede udredning kan findes vi følgende link:</p>"
                    '<p><a href="http://bm.dk/da/Aktuelt/Pressemeddelelser/Arkiv/2014/02/koch-udvalget.aspx">'
                    "http://bm.dk/da/Aktuelt/Pressemeddelelser/Arkiv/2014/02/koch-udvalget.aspx</a></p>"
                    "<p>Vedhæftet som bilag er fakta ark med ekspertgruppens anbefalinger, samt "
                    "høringssvar med tilhørende bilag fra KL.</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at orienteringen tages til efterretning.</p>"
                ),
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [
                    {
                        "filnavn": "faktaark - anbefalinger pdf",
                        "titel": (
                            "Oversigt over ekspertgruppens anbefalinger til en ny "
                            "arbejdsmarkedsindsats"
                        ),
                        "bilagsnr": None,
                        "tekst": (
                            "Ekspertgruppen om udredningen af den aktive beskæftigelsesindsats\n\n"
                            "A. Ny, individuel og jobrettet indsats for den enkelte\n"
                            "- Tilbud om hjælp til afskedigede allerede i opsigelsesfasen og "
                            "større fleksibilitet i varslingsindsatsen til gavn for alle ledige\n"
                            "- Jobsøgningsforløb med intensiverede samtaler det første halve år og "
                            "relevante og differentierede samtaler og jobsøgningsaktiviteter\n"
                            "- Fremrykning af aktiveringsindsatsen til 6 måneder med "
                            "virksomhedsrettede tilbud for ledige over 30 år (efter 3 måneder for "
                            "unge under 30 år)\n"
                            "- Afskaffelse af gentagen ret-og-pligt aktivering\n"
                            "- Styrket inddeling af ledige efter risiko for langtidsledighed og "
                            "skærpet pligt til at understøtte ledige i høj risiko (baseret på "
                            "profiling)\n"
                            "- Mulighed for at ledige med lav risiko for langtidsledighed kan "
                            "vælge at gennemføre de første seks måneders samtaleforløb i a-kassen\n"
                            "- Selvbooking af samtaler og jobsøgningsstøtteaktiviteter i den "
                            "første ledighedsfase\n"
                            "- Kompetenceløft af ledere og medarbejdere i a-kasser og jobcentre\n"
                            "- Harmonisering af reglerne for offentlige og privat løntilskud\n"
                            "- Øget fleksibilitet i brugen af virksomhedspraktik\n"
                            "- Målretning og forenkling af jobrotationsordningen\n"
                            "- Krav om løbende dokumentation af intensiv, bred og realistisk "
                            "søgning i joblog\n"
                            "- Styrket mulighed for sanktionering af manglende rådighed"
                        ),
                    },
                    {
                        "filnavn": "Reform af beskæftigelsesindsatsen - borgmesterbrev.pdf",
                        "titel": "Reform af beskæftigelsesindsatsen",
                        "bilagsnr": None,
                        "tekst": (
                            "Ekspertgruppen til udredning af den aktive beskæftigelsesindsats har "
                            "i dag offentliggjort sin endelige rapport om indsatsen for de "
                            "arbejdsmarkedsparate ledige. KL har haft lejlighed til at afgive "
                            "bemærkninger til rapporten.\n\n"
                            "KL har valgt en overordnet positiv tilgang til anbefalingerne, da "
                            "mange af intentionerne er i tråd med KL’s udspil til en moderne "
                            "beskæftigelsespolitik. Det gælder ikke mindst det stærke fokus på en "
                            "individuel indsats med større ejerskab til den ledige kombineret med "
                            "effektiv rådighedskontrol, mere målrettet uddannelse og et styrket "
                            "fokus på virksomhedernes behov.\n\n"
                            "Det er i processen lykkedes KL at påvirke ekspertgruppens analyser, "
                            "så den kommunale opgavevaretagelse på vigtige stræk står uantastet. "
                            "Således cementerer rapporten reelt kommunernes rolle som ansvarlige "
                            "for beskæftigelsesindsatsen, og den lægger ikke op til at genindføre "
                            "en ny udgave af AF-systemet. Ekspertgruppen afliver også myten om, at "
                            "kommunestørrelse har betydning for resultaterne."
                        ),
                    },
                    {
                        "filnavn": (
                            "Bilag til KL's høringssvar til ekspertgruppens udredning af den "
                            "aktive b....pdf"
                        ),
                        "titel": (
                            "Bilag til KL's høringssvar til ekspertgruppens udredning af den "
                            "aktive beskæftigelsesindsats"
                        ),
                        "bilagsnr": None,
                        "tekst": (
                            "A.3 Intensiveret jobsøgningsstøtte med hyppige samtaler og hjælp til "
                            "jobsøgning\n\n"
                            "Hovedtænkningen i forslaget matcher KL’s politik:\n"
                            "- med større ansvar og medindflydelse til den ledige\n"
                            "- med fokus på samtaler og intensiv jobsøgning tidligt i "
                            "ledighedsforløbet\n"
                            "- og med anvendelse af screeningsværktøjer til tidlig afklaring af "
                            "hvilke ledige, der hurtigt forventes at komme i job.\n\n"
                            "Men detaljerede anbefalinger om månedlige – siden hen kvartalsvise – "
                            "samtaler, er nye detaljerede regler som ikke understøtter større "
                            "fleksibilitet i indsatsen mhp., at kommunerne kan levere en mere "
                            "individuel indsats. Det giver samtidig risiko for, at der anvendes "
                            "ressourcer på samtaler til stærke ledige, der ikke behøver så "
                            "intensiv støtte og risiko for, at der i et vist omfang bliver afholdt "
                            "samtaler for at leve op til minimums krav uden reelt indhold. "
                            "Tilsvarende er det ikke hensigtsmæssigt med detaljerede regler om "
                            "kontaktform."
                        ),
                    },
                    {
                        "filnavn": (
                            "KL's høringssvar til ekspertgruppens udredning af den aktive "
                            "beskæftigel....pdf"
                        ),
                        "titel": (
                            "KL's høringssvar til ekspertgruppens udredning af den aktive "
                            "beskæftigelsesindsats"
                        ),
                        "bilagsnr": None,
                        "tekst": (
                            "KL har modtaget rapporten fra ekspertgruppen til udredning af den "
                            "aktive beskæftigelsesindsats til kommentering.\n\n"
                            "KL ser overordnet meget positivt på sigtelinjerne i anbefalingerne "
                            "fra ekspertgruppen. KL kan bakke fuldt og helt op om en mere "
                            "individuel og jobrettet indsats med større ansvar til den ledige, "
                            "mere jobrettet opkvalificering og et styrket fokus på virksomhedernes "
                            "behov.\n\n"
                            "Det er rigtig fornuftige sigtelinjer. Kommunerne har længe "
                            "efterspurgt at kunne give en mere fleksibel indsats. Samfundet har "
                            "længe brugt for mange penge på uddannelse, der ikke har hjulpet "
                            "ledige i arbejde. Og virksomhederne har længe ikke fået tilstrækkelig "
                            "bistand til rekruttering, fordi ressourcerne er bundet i proceskrav "
                            "og bureaukrati.\n\n"
                            "I det følgende er fremhævet en række overordnede synspunkter til "
                            "rapporten under følgende hovedoverskrifter:\n"
                            "- Behov for mere individuel og fleksibel indsats\n"
                            "- Kommunens politiske ansvar\n"
                            "- Kommunens økonomiske ansvar\n"
                            "- Samspillet med a-kasserne og rådighedsvurdering\n"
                            "- Digitalisering"
                        ),
                    },
                ],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 3, 12),
                        "tekst": "Orienteringen taget til efterretning.",
                    },
                ],
                "afstemning": None,
            },
            # Punkt 7. Opfølgning på politisk aftale
            {
                "nummer": 7,
                "titel": "Opfølgning på politisk aftale",
                "sagsnr": "14/1795",
                "sag_titel": "Opfølgning på politisk aftale",
                "punkttype": "Beslutning",
                "adgang": "aaben",
                "tema": (
                    "<p>Økonomiudvalget behandlede på møde den 18. februar 2014 sag om ”Opfølgning "
                    "på politisk aftale”, herunder proces for den videre behandling af emnerne i "
                    "konstitueringsaftalen.</p>"
                    "<p>Som opfølgning herpå anmodes de enkelte fagudvalg om at foretage "
                    "opfølgning indenfor fagudvalgets ressortområde, samt prioritere emnerne.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Af vedlagte notat fremgår status, samt forslag til videre behandling af de "
                    "emner i konstitueringsaftalen der i henhold til styrelsesvedtægten er henlagt "
                    "til fagudvalget.</p>"
                    "<p>Forvaltningens status- og forslagsnotat er udsendt til byrådets "
                    "orientering den 30. januar 2014. Notat er revideret med enkelte tilføjelser i "
                    "forlængelse af Økonomiudvalgets behandling af sagen den 18. februar 2014.</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler;</p>"
                    "<ul>"
                    "<li>at status på emnerne i konstitueringsaftalen tages til efterretning, "
                    "og</li>"
                    "<li>at udvalget foretager en drøftelse og prioritering af emnerne.</li>"
                    "</ul>"
                ),
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [
                    {
                        "filnavn": "EBU Opfølgning på politisk aftale ifm konstitueringen.pdf",
                        "titel": (
                            "Erhvervs- og Beskæftigelsesudvalgets opfølgning på ”Politisk aftale "
                            "for Allerød Byråd efter kommunalvalget den 19. november 2013”"
                        ),
                        "bilagsnr": None,
                        "tekst": (
                            "Som opfølgning på Økonomiudvalgets behandling af sagen den 18. "
                            "februar 2014 skal de enkelte fagudvalg foretage opfølgning på emner "
                            "indenfor fagudvalgets ressort.\n\n"
                            "Erhvervs- og Beskæftigelsesudvalget skal sikre opfølgning af følgende "
                            "emner:\n\n"
                            "Klimavenlig erhvervspolitik og tiltrækning af arbejdspladser\n"
                            "Status: Erhvervspolitikken blev godkendt i byrådet den 1. september "
                            "2011. De erhvervspolitiske mål for 2011-2013 har fokus på "
                            "myndighedsopgaver, serviceopgaver og organisering.\n"
                            "Beslutning: Erhvervs- og Beskæftigelsesudvalget behandler i 2014 "
                            "status for erhvervspolitikken med henblik på udarbejdelse af forslag "
                            "til ny, klimavenlig erhvervspolitik til fremlæggelse i byrådet primo "
                            "2015.\n\n"
                            "Aktiv erhvervspolitik\n"
                            "Status: Se ovenfor.\n"
                            "Beslutning: Se ovenfor.\n\n"
                            "Grøn erhvervsstrategi\n"
                            "Status: Se ovenfor.\n"
                            "Beslutning: Se ovenfor.\n\n"
                            "Erhvervskontaktudvalg\n"
                            "Status: Erhvervs- og Beskæftigelsesudvalget har i den foregående "
                            "byrådsperiode løbende afholdt møder med erhvervsforeninger i "
                            "kommunen.\n"
                            "Beslutning: Erhvervs- og Beskæftigelsesudvalget og Økonomiudvalget "
                            "behandler i 1. halvår 2014 en sag om etablering af et "
                            "erhvervskontaktudvalg."
                        ),
                    },
                ],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 3, 12),
                        "tekst": "Forvaltningens forslag godkendt.",
                    },
                ],
                "afstemning": None,
            },
            # Punkt 8. Status erhvervspolitik
            {
                "nummer": 8,
                "titel": "Status erhvervspolitik",
                "sagsnr": "10/21512",
                "sag_titel": "Status erhvervspolitik",
                "punkttype": "Orientering",
                "adgang": "aaben",
                "tema": (
                    "<p>Allerød Kommunes erhvervspolitik blev godkendt på møde i byrådet d. 1. "
                    "september 2011. Af erhvervspolitikken fremgår 6 overordnede målsætninger og "
                    "en række tilknyttede handlingsrettede aktiviteter i perioden 2011 - 2013.</p>"
                    "<p>Status på erhvervspolitikken forelægges til orientering for Erhvervs- og "
                    "Beskæftigelsesudvalget.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Mål 1: Det er Allerød Kommunes erhvervspolitiske mål, at udøvelse af "
                    "kommunens myndighedsopgaver overfor erhvervslivet foregår kvalificeret, "
                    "hurtigt og fleksibelt indenfor de politisk fastlagte mål og rammer.</p>"
                    "<p>Status: Der udarbejdes løbende landsdækkende målinger af erhvervsklimaet. "
                    "De seneste to målinger er udarbejdet af henholdsvis Dansk Byggeri og Dansk "
                    "Industri. Allerød Kommune er i undersøgelsen fra Dansk Byggeri placeret som "
                    "nr. 44, mens DI placerer Allerød Kommune som nr. 60. Dansk Byggeris "
                    "undersøgelse er primært statistiske indikatorer, mens DI s undersøgelse "
                    "endvidere indeholder kvalitative elementer.</p>"
                    "<p>Allerøds placering som nr. 60 i DI undersøgelse er et fald på 45 pladser i "
                    "forhold til 2012. Den bedste placering er i de statistiske indikatorer, hvor "
                    "Allerød opnår en 8. plads. Det største fald er på 80 pladser i kategorien "
                    "velfærdsservice, hvor Allerød var tredje bedst i kategorien i 2012.</p>"
                    "<p>Mål 2: Det er Allerød Kommunes erhvervspolitiske mål at lette "
                    "erhvervslivets indgang i den kommunale forvaltning, herunder at brande "
                    "Allerød Kommune i forhold til nye virksomheder.</p>"
                    "<p>Status: Der arbejdes løbende med at formidle relevante informationer og "
                    "henvise til øvrige erhvervsrelaterede myndigheder på kommunens hjemmeside, "
                    "eksempelvis udbud, arrangementer i Væksthuset, Iværksætterhuset mm. På "
                    "kommunens hjemmeside er relevante informationer til erhvervslivet samlet "
                    "under hovedsiden – erhverv.</p>"
                    "<p>Mål 3: Det er Allerød Kommunes erhvervspolitiske mål at samarbejde med "
                    "andre kommuner i hovedstadsregionen om erhvervsforhold.</p>"
                    "<p>Status: Allerød Kommune indgår i samarbejde med øvrige kommuner i "
                    "hovedstaden om Væksthus Hovedstaden og Iværksætterhuset. Samarbejdet betyder "
                    "blandt andet, at virksomheder og iværksættere kan deltage i arrangementer i "
                    "de øvrige nordsjællandske kommuner.</p>"
                    "<p>Mål 4: Det er Allerød Kommunes erhvervspolitiske mål at etablere et lokalt "
                    "erhvervsservicetilbud med virkning fra 2013, eventuelt i samarbejde med andre "
                    "kommuner.</p>"
                    "<p>Status: Siden 1. januar 2013 har Allerød Kommune haft lokal "
                    "erhvervsservice – Iværksætterhuset - i samarbejde med 8 Nordsjællandske "
                    "Kommuner. Iværksætterhuset drives af Væksthus Hovedstaden.</p>"
                    "<p>Mål 5: Det er Allerød Kommunes erhvervspolitiske mål at formalisere "
                    "samarbejdet mellem kommunen og erhvervslivet inden udgangen af 2012.</p>"
                    "<p>Status: Erhvervs- og Beskæftigelsesudvalget afholder løbende møder med de "
                    "lokale erhvervs- og handelsforeninger. Derudover har udvalget 1- 2 gange "
                    "årligt afholdt gå-hjem-møder for lokale virksomheder. Næste gå-hjem-møde er "
                    "planlagt til afholdelse den 7. maj 2014 og har fokus på udbud.</p>"
                    "<p>Mål 6: Det er Allerød Kommunes erhvervspolitiske mål at etablere "
                    "strategiske partnerskaber mellem erhvervsliv, offentlige aktører og "
                    "uddannelsesinstitutioner på udvalgte områder med særlig kommunal "
                    "interesse.</p>"
                    "<p>Status: I regi af Green Cities er der etableret partnerskabsaftaler med "
                    "lokale virksomheder omkring projekterne Carbon 20 og Formel M. Endvidere har "
                    "Forvaltningen i samarbejde med Væksthus Hovedstaden haft indledende dialog "
                    "med virksomheder indenfor velfærdsservice omkring Offentlig privat-alliance "
                    "(OPALL).</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at orienteringen om status på erhvervspolitikken "
                    "2011 – 2013 tages til efterretning.</p>"
                ),
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [
                    {
                        "filnavn": "Erhvervspolitik som godkendt .pdf",
                        "titel": "Erhvervspolitik",
                        "bilagsnr": None,
                        "tekst": (
                            "Erhvervspolitikkens rammer\n\n"
                            "Allerød Byråds overordnede mål i kommuneplanen er en afbalanceret "
                            "udvikling, som sikrer, at der er balance mellem boligudbygning og "
                            "udbygning med arbejdspladser, og balance mellem befolkningsudvikling "
                            "og kapacitet i de kommunale ydelser.\n\n"
                            "Kommuneplanens overordnede mål for kommunens udvikling udmøntes i "
                            "kommunens økonomiske politik og sektorpolitikker på områder med "
                            "betydning for borgerne; f.eks. attraktive boligområder, let adgang "
                            "til infrastruktur, gode indkøbsmuligheder, velfungerende børnepasning "
                            "og uddannelsesinstitutioner samt varierede kultur- og "
                            "fritidsmuligheder.\n\n"
                            "Kommuneplanen, den økonomiske politik og sektorpolitikkerne har "
                            "afledt betydning for virksomhedernes rammevilkår og kan som sådan "
                            "være medvirkende til at fastholde og tiltrække virksomheder og "
                            "derigennem sikre gode beskæftigelsesmuligheder for kommunens "
                            "borgere.\n\n"
                            "Ansvaret for den lokale erhvervsservice er henlagt til kommunerne, "
                            "som også inddrages i formuleringen af politikken for den regionale "
                            "erhvervsudvikling. Allerød Kommune kan derfor igangsætte "
                            "erhvervspolitiske aktiviteter indenfor lovgivningens rammer: f.eks. i "
                            "forhold til iværksætteri, virksomhedstiltrækning, "
                            "virksomhedskonsolidering, bosætning eller arbejdskraftudvikling."
                        ),
                    },
                ],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 3, 12),
                        "tekst": "Orienteringen taget til efterretning.",
                    },
                ],
                "afstemning": None,
            },
            # Punkt 9. Velkomstmøde for nye borgere
            {
                "nummer": 9,
                "titel": "Velkomstmøde for nye borgere",
                "sagsnr": "14/1342",
                "sag_titel": "Velkomstmøde for nye borgere",
                "punkttype": "Beslutning",
                "adgang": "aaben",
                "tema": (
                    "<p>Økonomiudvalget besluttede på møde den 18. februar 2014, at der afholdes "
                    "velkomstmøde for nye borgere den 5. april 2014. Som opfølgning herpå, anmodes "
                    "udvalget om at drøfte deltagelsen og ønsker til emner på velkomstmødet.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Velkomstmødet afholdes på Allerød Rådhus den 5. april 2014 i tidsrummet "
                    "13.00 – 15.00, og der er fastlagt følgende program for arrangementet.</p>"
                    "<p><strong>Dagens indhold:</strong></p>"
                    "<ul>"
                    "<li>I Borgerportalen har hvert udvalg en ”stand”, hvor borgerne kan høre om "
                    "udvalgets arbejdsfelt, planer og projekter.</li>"
                    "<li>Byrådsmedlemmer og medarbejdere viser rundt og fortæller gæster om "
                    "rådhuset, kommunens struktur mv.</li>"
                    "<li>Borgmesteren byder velkommen kl. 13.15 og fortæller lidt om kommunen, "
                    "byrådet og dagens program.</li>"
                    "<li>Kjeld Schouboe fortæller om kunsten på rådhuset</li>"
                    "<li>På parkeringspladsen kan gæsterne komme en tur op i Beredskabets "
                    "stigevogn.</li>"
                    "<li>Hyggemusik i rådhusets kantine/cafe (musikskolen spiller).</li>"
                    "</ul>"
                    "<p><strong>Praktisk:</strong></p>"
                    "<ul>"
                    "<li>Nye borgere inviteres med brev (ca. 8-900 breve).</li>"
                    "<li>Reklame for arrangementet via annoncer, pressemeddelelser, Facebook, "
                    "hjemmeside mv.</li>"
                    "<li>Der serveres kaffe, vand, frugt og snacks i Borgerportalen.</li>"
                    "<li>Udvalgene får hvert et bord i Borgerportalen og kan fx forsyne det med "
                    "plancher o.l., som fortæller om udvalgets arbejdsområde.</li>"
                    "</ul>"
                    "<p>Målgruppen er dels tilflyttere til kommunen siden arrangementet i "
                    "september 2012, dels alle øvrige borgere i kommunen, som er interesserede i "
                    "at se rådhuset og møde det nye byråd.</p>"
                    "<p>Som det fremgår af programmet er der lagt op til at udvalgene får et "
                    "bord/stand hver i Borgerportalen, hvor udvalgets medlemmer har mulighed for "
                    "at fortælle om udvalgets arbejdsområde. Forvaltningen vil sikre, at gældende "
                    "politikker, planer og andet aktuelt materiale er tilgængeligt. Hvis udvalget "
                    "derudover har forslag til eksisterende materiale de ønsker præsenteret på "
                    "velkomstmødet vil der være mulighed for det.</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at udvalget drøfter deltagelsen og ønsker til "
                    "emner på velkomstmødet den 5. april 2014.</p>"
                ),
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 3, 12),
                        "tekst": "Forvaltningens indstilling godkendt.",
                    },
                ],
                "afstemning": None,
            },
        ],
    },
    # Seed 003_efd706ca5032b39e.txt: møde onsdag den 13. maj 2015, "Kl. 7:30" from the attachment
    # cover blocks; no place is given anywhere in the seeds.
    {
        "dato": date(2015, 5, 13),
        "starttid": time(7, 30),
        "sted": None,
        "fravaerende": [],
        "underskrivere": [
            "Nikolaj Bührmann",
            "Erling Petersen",
            "Rasmus Keis Neerbek",
            "Agnete Fog",
            "Gurli Nielsen",
        ],
        "punkter": [
            # Punkt 1. Bemærkninger til dagsordenen
            {
                "nummer": 1,
                "titel": "Bemærkninger til dagsordenen",
                "sagsnr": None,
                "sag_titel": None,
                "punkttype": "-",
                "adgang": "aaben",
                "tema": "-",
                "sagsbeskrivelse": "-",
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": "-",
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [],
                "beslutninger": [{"udvalg": "EBU", "dato": date(2015, 5, 13), "tekst": "-"}],
                "afstemning": None,
            },
            # Punkt 2. Meddelelser
            {
                "nummer": 2,
                "titel": "Meddelelser",
                "sagsnr": None,
                "sag_titel": None,
                "punkttype": "-",
                "adgang": "aaben",
                "tema": "-",
                "sagsbeskrivelse": "-",
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": "-",
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2015, 5, 13),
                        "tekst": (
                            "Udvalgets møde den 10. juni 2015 afholdes forud for byrådets møde den "
                            "25. juni 2015 fra kl. 15.30."
                        ),
                    },
                ],
                "afstemning": None,
            },
            # Punkt 3. Budgetlægning 2016 - 2019 - forslag til besparelser
            {
                "nummer": 3,
                "titel": "Budgetlægning 2016 - 2019 - forslag til besparelser",
                "sagsnr": "15/839",
                "sag_titel": "Budgetlægning 2016 - 2019 - forslag til besparelser",
                "punkttype": "Beslutning",
                "adgang": "aaben",
                "tema": (
                    "<p>Fagudvalgene skal udarbejde et katalog med forslag til besparelser og "
                    "effektiviseringer på i alt 50 mio. kr. Erhvervs- og Beskæftigelsesudvalget "
                    "har et nettodriftsbudget i budget 2016 på 115,9 mio. kr., og der skal "
                    "udarbejdes forslag til driftsbesparelser på 0,1 mio. kr., svarende til 0,1 "
                    "pct.</p>"
                    "<p>Udvalget anmodes at tage stilling til konkrete besparelsesforslag "
                    "vedrørende overførselsudgifter på udvalgets område.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Som afsæt for udvalgets drøftelse af besparelsesforslag blev udvalget på "
                    "mødet den 11. marts 2015 orienteret om serviceudgifterne på udvalgets område. "
                    "Udvalget oversendte forslag til driftsbesparelser vedr. serviceudgifter til "
                    "Økonomiudvalget på udvalgets møde den 15. april 2015.</p>"
                    "<p>Forvaltningen har nu udarbejdet konkrete forslag til besparelser "
                    "vedrørende overførselsudgifter som er vedlagt som bilag til punktet.</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at udvalget oversender besparelsesforlag, inkl. "
                    "bilag til Økonomiudvalget.</p>"
                ),
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [
                    {
                        "filnavn": "Forslag til besparelser på ledighedsydelse.pdf",
                        "titel": (
                            "Besparelse ved ansættelse af borgere på ledighedsydelse i fleksjob"
                        ),
                        "bilagsnr": "33292/15",
                        "tekst": (
                            "Borgere som er visiteret til fleksjob modtager i perioder uden "
                            "ansættelse i fleksjob ledighedsydelse, som udbetales af Allerød "
                            "Kommune.\n\n"
                            "Ledighedsydelsen svarer til et beløb på mellem kr. 10.850 til kr. "
                            "15.947 afhængig af borgerens tidligere forsørgelse og forsørger "
                            "status. Den gennemsnitlige udgift til ledighedsydelse var i december "
                            "2014 pr. kr. 13.900 pr. person. Der kan hjemtages 30 pct. refusion "
                            "fra staten på udgiften. Efter 18 måneder på ydelsen ophører "
                            "statsrefusionen og udgiften bliver et kommunalt anliggende.\n\n"
                            "Ved udgangen af november måned 2014 var der i Allerød Kommune 17 "
                            "borgere som havde været på ledighedsydelse i 18 måneder eller "
                            "mere.\n\n"
                            "Ved ansættelse af disse borgere i Allerød Kommune ville der kunne "
                            "opnås en besparelse på 37.000 kr. årligt pr. borger.\n\n"
                            "Af de 17 borgere som i dag har været på ledighedsydelse i mere end 18 "
                            "måneder er det omkring 10 borgere som det vil være realistisk at "
                            "ansætte i Allerød Kommune. Det vil betyde en ekstraudgift til "
                            "lønninger på ca. kr. 650.000, og en mindreudgift på driften på kr. "
                            "1.020.000 svarende til en samlet besparelse på kr.370.000. årligt."
                        ),
                    },
                    {
                        "filnavn": "Intensiveret indsats for sygedagpengemodtagere.pdf",
                        "titel": "Intensiveret indsats for sygedagpengemodtagere",
                        "bilagsnr": "33291/15",
                        "tekst": (
                            "Anden halvdel af sygedagpengereformen trådte i kraft ved årsskiftet: "
                            "Reformen betyder at der skal iværksættes en tidligere og tættere "
                            "opfølgning på sygemeldte borgere.\n\n"
                            "Borgere der vurderes ikke at være fuldt raskmeldt indenfor 8 uger "
                            "skal deltage i samtaler med Jobcentret minimum hver 4 uger. Endvidere "
                            "skal borgere som vurderes at have et uforudsigeligt sygdomsforløb og "
                            "hvor der ikke er en klar dato for raskmelding have deres sag forlagt "
                            "Rehabiliteringsteamet indenfor 12 uger.\n\n"
                            "Reformen betyder en betydelig forøgelse af antallet af samtaler. "
                            "Primo januar 2015 var der 163 forløb med en varighed på over 8 uger. "
                            "Ifølge de gamle regler betød det at der skulle afholdes ca. 53 "
                            "samtaler i januar måned mens det med den nye reform betyder at der "
                            "skal afholdes 163 samtaler.\n\n"
                            "Jobcenter Allerød kan ikke varetage opgaven med de nuværende "
                            "ressourcer. I dag varetages opgaven af 5 årsværk. Det vurderes, at "
                            "der er behov for yderligere 1 årsværk til opgaven.\n\n"
                            "Med ansættelse af 1 ekstra årsværk kan det forventes at den "
                            "gennemsnitlige varighed nedbringes med 0,5 uge svarende til en "
                            "besparelse på ca. 1,1 mio. kr. Til aflønning af et ekstra årsværk må "
                            "beregnes en udgift på ca. 475.000 kr. Den samlede besparelse må "
                            "forventes at være ca. 625.000 kr."
                        ),
                    },
                    {
                        "filnavn": "Styrkelse af virksomhedskontakt og jobformidling.pdf",
                        "titel": "Virksomhedsservice og jobformidling skal styrkes",
                        "bilagsnr": None,
                        "tekst": (
                            "Samarbejdet med virksomhederne bliver med den nye "
                            "beskæftigelsesreform opprioriteret og systematiseret, så der i højere "
                            "grad er fokus på virksomhedernes ønsker og behov for kvalificerede "
                            "medarbejdere. Målet er at skabe et bedre match mellem konkrete "
                            "jobåbninger og de lediges kompetencer.\n\n"
                            "Virksomhedskontakten og jobformidlingen bliver derfor en kerneopgave "
                            "for jobcentrene, som også skal have fokus på at opkvalificere ledige, "
                            "så de har de kompetencer, som virksomhederne efterspørger. Et tættere "
                            "samarbejde med virksomheder er samtidig afgørende for, at jobcentrene "
                            "kan finde relevante, virksomhedsrettede tilbud til ledige, som er "
                            "omdrejningspunktet for den aktive indsats.\n\n"
                            "Til varetagelse af den øgede virksomhedsservide og jobformidling "
                            "vurderes at være behov for ansættelse af 2 årsværk yderligere. Med "
                            "ansættelsen forventes andelen af virksomhedsrettet aktivering at "
                            "stige således at brugen af private aktører minimeres.\n\n"
                            "Det forventes, at udgiften til ansættelse af 2 årsværk vil være "
                            "ca.0,95 mio.kr. således at den samlede besparelse vil være på 0,1 "
                            "mio. kr."
                        ),
                    },
                    {
                        "filnavn": "Oversigt over besparelsesforslag EBU.pdf",
                        "titel": "Oversigt over besparelsesforslag EBU",
                        "bilagsnr": None,
                        "tekst": (
                            "Borgerservice – Ansættelse af borgere på ledighedsydelse (EBU)\n"
                            "Afdelings nr. 434, Forslag nr. 1, Scenarie nr. 1, Udvalg EBU, "
                            "Udgiftstype Overførsel/Service, Acadre 15/6552. I alt netto "
                            "2016-2019: -370.000 årligt.\n\n"
                            "Borgerservice - Intensiveret indsats for sygedagpengemodtagere (EBU)\n"
                            "Afdelings nr. 434, Forslag nr. 2, Scenarie nr. 1, Udvalg EBU, "
                            "Udgiftstype Service/overførsel, Acadre 15/6552. I alt netto "
                            "2016-2019: -625.000 årligt.\n\n"
                            "Borgerservice - Intensiveret indsats for kontanthjælpsmodtagere "
                            "(EBU)\n"
                            "Afdelings nr. 434, Forslag nr. 3, Scenarie nr. 1, Udvalg EBU, "
                            "Udgiftstype Overførsel, Acadre 15/6552. I alt netto 2016-2019: "
                            "-232.000 årligt.\n\n"
                            "Borgerservice - Styrket virksomhedskontakt og jobformidling (EBU)\n"
                            "Afdelings nr. 434, Forslag nr. 4, Scenarie nr. 1, Udvalg EBU, "
                            "Udgiftstype Service/Overførsel, Acadre 15/6552. I alt netto "
                            "2016-2019: -100.000 årligt.\n\n"
                            "Samlet oversigt over besparelser i Borgerservice\n"
                            "I alt: -1.327.000 årligt."
                        ),
                    },
                ],
                "beslutninger": [
                    {"udvalg": "EBU", "dato": date(2015, 5, 13), "tekst": "Indstilling godkendt."},
                ],
                "afstemning": None,
            },
            # Punkt 4. Danskuddannelse til voksne udlændinge
            {
                "nummer": 4,
                "titel": "Danskuddannelse til voksne udlændinge",
                "sagsnr": "14/11078",
                "sag_titel": "Danskuddannelse til voksne udlændinge",
                "punkttype": "Beslutning",
                "adgang": "aaben",
                "tema": (
                    "<p>Erhvervs- og Beskæftigelsesudvalget behandlede på møde den 3. december "
                    "2014 sag om serviceniveauet i forhold til bevilling af danskuddannelse til "
                    "udlændinge, som ikke har påbegyndt eller afsluttet danskuddannelse indenfor "
                    "den 5 årig tilbudsperiode. Udvalget besluttede, at fastlægge serviceniveauet "
                    "på området således, at midlerne anvendes på borgere, hvor danskuddannelse er "
                    "nødvendig for at bibeholde tilknytningen til arbejdsmarkedet.</p>"
                    "<p>Udvalget besluttede i forbindelse med behandlingen, at genoptage sagen i "
                    "maj 2015 med henblik på vurdering af integrationsudfordring og økonomi i "
                    "forhold til borgere der har andet behov for danskuddannelse end "
                    "arbejdsmarkedstilknytningen.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>I henhold til Lov om danskuddannelse for voksne udlændinge m.fl. skal "
                    "kommunen tilbyde danskuddannelse til udlændige der er fyldt 18 år, og som har "
                    "opholdstilladelse i medfør af udlændingeloven og er folkeregistreret i "
                    "kommunen. Tilbuddet omfatter danskuddannelse i op til 5 år fra det tidspunkt, "
                    "hvor udlændingen første gang kunne påbegynde undervisningen.</p>"
                    "<p>Formålet med uddannelse i dansk som andetsprog er at bidrage til, at "
                    "voksne udlændinge med udgangspunkt i deres individuelle forudsætninger og "
                    "integrationsmål opnår nødvendige dansksproglige kompetencer og viden om "
                    "kultur- og samfundsforhold i Danmark, så de kan blive deltagende og ydende "
                    "medborgere på lige fod med samfundets øvrige borgere, så de herved får "
                    "mulighed for at komme i beskæftigelse og bliver i stand til at forsørge sig "
                    "selv.</p>"
                    "<p>Danskuddannelse skal endvidere fremme voksne udlændinges aktive brug af "
                    "det danske sprog samt bidrage til, at de opnår almene kundskaber og "
                    "færdigheder, som er relevante i forhold til arbejde og uddannelse samt livet "
                    "som medborger i et demokratisk samfund.</p>"
                    "<p>Kommunalbestyrelsen kan beslutte, at udlændinge, som ikke har påbegyndt "
                    "eller afsluttet danskuddannelsen i løbet af den samlede uddannelsesperiode "
                    "fortsat skal have tilbud om danskuddannelse.</p>"
                    "<p>Allerød Kommune får ca. 5 til 7 henvendelser årligt fra borgere, som ikke "
                    "har påbegyndt eller gennemført danskuddannelse i forbindelse med deres "
                    "ankomst til Danmark oftest grundet sygdom eller erhvervsarbejde.</p>"
                    "<p>Fælles for disse borgere er, at de har et ønske om danskuddannelse med "
                    "henblik på:</p>"
                    "<ul>"
                    "<li>Fastholdelse af nuværende job</li>"
                    "<li>Almen integration i samfundet</li>"
                    "<li>Skolesamarbejde omkring børnene</li>"
                    "<li>På sigt, at kunne komme i et job/skånejob for at blive en del af "
                    "arbejdsmarkedet</li>"
                    "</ul>"
                    "<p><strong>Eksempler:</strong></p>"
                    "<p><strong>Tidligere flygtning nu førtidspensionist:</strong></p>"
                    "<p>Ankommet for år tilbage som oftest traumatiseret flygtning, og er tilkendt "
                    "førtidspension.</p>"
                    "<p>Henvender sig med ønske om genoptagelse af danskuddannelsen. Den 3 årige "
                    "danskuddannelsesret er udløbet. Borgeren har kun deltaget sporadisk i den "
                    "tidligere tilbudte undervisning grundet psykiske problemer, og har måttet "
                    "opgive at bestå en afsluttende prøve i dansk.</p>"
                    "<p><strong>Tidligere flygtning nu ledigt dagpengemodtager:</strong></p>"
                    "<p>Ankommet for år tilbage som flygtning. Er hurtigt kommet i ufaglært job "
                    "indenfor rengøring. Har været selvforsørgende i flere år, og har kunnet klare "
                    "sig på arbejdsmarkedet med meget få dansksproglige kompetencer. Har fået "
                    "etableret sig selv og sin familie.</p>"
                    "<p>Har ikke prioriteret sin danskuddannelse, og har ikke mødt stabilt til "
                    "undervisningen, og er til sidst droppet ud. Har nu mistet jobbet, og ønsker "
                    "at få mulighed for, at søge og bestride andre og mere udfordrende og stabile "
                    "jobs.</p>"
                    "<p>Henvender sig med ønske om genoptagelse af danskuddannelsen. Borgeren "
                    "oplever, at arbejdsgivere kræver et vist niveau dansk før de vil ansætte "
                    "dem.</p>"
                    "<p><strong>EU-borger i job:</strong></p>"
                    "<p>Ankommet til Danmark for flere år tilbage, i forbindelse med beskæftigelse "
                    "i en dansk eller international virksomhed, hvor koncernsproget er engelsk. "
                    "Har været i ordinær beskæftigelse hele tiden. Har klaret sig på engelsk både "
                    "arbejdsmæssigt og privat, og har prioriteret at arbejde og få etableret "
                    "familien i Danmark.</p>"
                    "<p>Borgeren oplever nu et øget behov for, at kunne kommunikere på dansk i "
                    "arbejdsmæssige relationer, men i høj grad også i fritiden med familien og med "
                    "børnenes skole osv. Ser et behov for danskuddannelse i forhold til at "
                    "fastholde jobbet.</p>"
                    "<p>Der findes ikke tilbud til borgere uden forudgående danskundervisning i "
                    "det ”ordinære” system. Eksempelvis kræver danskuddannelse på VUC, at "
                    "borgerens danskniveau svarer til modul 2 niveau 4 på sprogskolen.</p>"
                    "<p>Jobcentret har et budget på 300.000 kr. til gruppen af selvforsørgende "
                    "borgere. Det svarer til, at vi kan have ca. 10 borgere under uddannelse ad "
                    "gangen. Indenfor budgettet kan der årligt bevilliges ca. 3 nye årligt.</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at udvalget fastlægger serviceniveauet på området "
                    "således, at midlerne anvendes på borgere, hvor danskuddannelse er nødvendig "
                    "for at bibeholde tilknytningen til arbejdsmarkedet.</p>"
                ),
                "afledte_konsekvenser": "-",
                "oekonomi_og_finansiering": (
                    "<p>Et modul på sprogskolen koster gennemsnitligt 30.000 kr.</p>"
                ),
                "dialog_hoering": "-",
                "bilag": [],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2014, 12, 3),
                        "tekst": (
                            "Godkendes, idet indstillingen er på linje med hidtidig administration "
                            "af området.\n\n"
                            "Sagen genoptages i maj 2015 med henblik på vurdering af "
                            "integrationsudfordring og økonomi i forhold til borgere der har andet "
                            "behov for danskuddannelse end arbejdsmarkedstilknytningen."
                        ),
                    },
                    {
                        "udvalg": "EBU",
                        "dato": date(2015, 5, 13),
                        "tekst": (
                            "Forslag om at nuværende administration på området fastholdes indtil "
                            "videre godkendt.\n\n"
                            "Erhvervs- og Beskæftigelsesudvalget foreslår endvidere, at området "
                            "tilføres yderligere 300.000 kr. finansieret af de foreslåede "
                            "merbesparelser vedr. overførselsudgifter. Forslaget oversendes til "
                            "budgetlægning for 2016 – 2019."
                        ),
                    },
                ],
                "afstemning": None,
            },
            # Punkt 5. Ny aftale for Iværksætterhuset
            {
                "nummer": 5,
                "titel": "Ny aftale for Iværksætterhuset",
                "sagsnr": "12/10411",
                "sag_titel": "Ny aftale for Iværksætterhuset",
                "punkttype": "Beslutning",
                "adgang": "aaben",
                "tema": (
                    "<p>9 kommuner i Nordsjælland og Væksthus Hovedstadsregionen indgik den 12. "
                    "oktober 2012 aftalen om Iværksætterhuset. Aftalen løb fra 1. januar 2013 til "
                    "31. december 2014. Efterfølgende er der udarbejdet en allonge gældende for 1. "
                    "januar 2015 til 31. december 2015.</p>"
                    "<p>Der skal nu genforhandles en ny fælles aftale for Iværksætterhuset. "
                    "Gældende fra 1. januar 2016.</p>"
                    "<p>De 9 kommuner som er med i aftalen om Iværksætterhuset er: Allerød, "
                    "Egedal, Fredensborg, Frederikssund, Furesø, Gribskov, Helsingør, Hillerød og "
                    "Hørsholm.</p>"
                    "<p>Styregruppen for Iværksætterhuset - som består af én repræsentant fra hver "
                    "kommune har - udtrykt stor tilfredshed med Iværksætterhusets indsats og "
                    "anbefaler på den baggrund, at få mandat til at udarbejde en ny aftale for "
                    "Iværksætterhuset, som forelægges til politisk behandling i august 2015.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>Iværksætterhuset udfører lokal iværksættervejledning for at fremme "
                    "iværksætteri og vækst i mindre og mellemstore virksomheder. Indsatsen er "
                    "omfattet af erhvervsfremmeloven, som giver kommunerne mulighed for at "
                    "iværksætte erhvervsudviklingsaktiviteter.</p>"
                    "<p>Med etableringen af Iværksætterhuset ønskede de ni kommuner i Nordsjælland "
                    "at sætte fokus på iværksættere samt styrke et enstrenget og ensartet "
                    "erhvervsfremmetilbud for kommunernes iværksættere og nystartede virksomheder. "
                    "Dette for at sikre at iværksættere med vækstpotentiale identificeres og "
                    "henvises til Væksthuset eller andre relevante aktører og får information og "
                    "vejledning om relevante erhvervsfremmetilbud.</p>"
                    "<p>Iværksætterhuset har opnået gode resultater.</p>"
                    "<ul>"
                    "<li>I 2014 har 402 modtaget 1:1 vejledning med ét eller flere møder med en "
                    "tilfredshedsgrad på 95 %. 84 % er blevet henvist til én eller flere "
                    "rådgivere. 23 er efter 6-9 måneder i vækstforløb i Væksthuset.</li>"
                    "<li>Der er i 2014 afholdt i alt 17 startupmøder med 306 deltager, 16 "
                    "startupcafeer med deltagelse af lokale, private rådgivere samt 4 "
                    "startupkurser med 41 deltagere – med en tilfredsgrad på mellem 88-92 %</li>"
                    "<li>Iværksætterhuset har fået skabt et kvalitetssikret koncept, med én "
                    "indgang for de 9 kommuners iværksættere. Det har ført til, at yderligere 13 "
                    "kommuner i Region Hovedstaden i 2015 har indgået kontrakt med Væksthus "
                    "Hovedstadsregionen om Iværksætterhus.</li>"
                    "</ul>"
                    "<p>Det er styregruppens vurdering, at resultaterne fra 2014 og de tidligere "
                    "år viser, at der er skabt den synergi kommunerne ønskede, ved at 9 kommuner "
                    "gå sammen om at etablere Iværksætterhuset og arbejde sammen om at fremme "
                    "iværksætteri. For der igennem at understøtte kommunernes iværksættere og "
                    "vækstiværksættere samt nystartede virksomheder ved at kunne give den rette "
                    "vejledning og information om relevante erhvervsfremmetilbud. Vedlagt et bilag "
                    "som skitserer succeskriterier og resultater for iværksætterhuset i 2014.</p>"
                    "<p>Styregruppen anbefaler på denne baggrund følgende:</p>"
                    "<ol>"
                    "<li>at de nuværende 9 kommuner og evt. flere kommuner frem mod ultimo juni "
                    "2015 udarbejder en ny aftale for Iværksætterhuset gældende fra 1. januar 2016 "
                    "til den 31. december 2018. Den tre-årige periode matcher projektperioden for "
                    "Hovedstadens Iværksætterprogram (HIP), og giver således Væksthuset mulighed "
                    "for at lave en langsigtet planlægning, som kan maksimere synergierne og "
                    "optimere tilbuddene til iværksætterne.</li>"
                    "<li>at der justeres i aftalens aktiviteter, således at Hovedstadens "
                    "Iværksætterprogram (HIP) bliver en integreret del af Iværksætterhuset inden "
                    "for den eksisterende budgetramme, idet intentionen i HIP er samstemmende med "
                    "Iværksætterhusets arbejde og løfter digitalisering på området.</li>"
                    "<li>at tilskuddet til Iværksættersætterhuset ikke ændres, men fortsat er 6 "
                    "kr. pr. borgere i kommunen. Tilskuddet fremskrives med KLs "
                    "fremskrivningsprocent for løn og prisudvikling, hvor udgangspunktet er "
                    "2013.</li>"
                    "<li>at styregruppen for Iværksættehuset får mandat til at udarbejde en ny "
                    "aftale som forelægges til politisk behandling i august 2015</li>"
                    "</ol>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at Erhvervs- og Beskæftigelsesudvalget godkender "
                    "igangsætning af proces for udarbejdelse af ny aftale for Iværksætterhuset, "
                    "med henblik på politisk behandling i august/september 2015.</p>"
                ),
                "afledte_konsekvenser": None,
                "oekonomi_og_finansiering": None,
                "dialog_hoering": None,
                "bilag": [
                    {
                        "filnavn": "Statistik Iværksætterhuset 2014.pdf",
                        "titel": "Årsrapport/statistik for Iværksætterhuset",
                        "bilagsnr": "30825/15",
                        "tekst": (
                            "1. januar 2014 - 31. december 2014.\n\n"
                            "Succeskriterier for Iværksætterhuset\n\n"
                            "Iværksætterhuset skal:\n"
                            "1) sikre et enstrenget og ensartet erhvervsfremmetilbud for "
                            "kommunernes iværksættere og nystartede virksomheder\n"
                            "2) sikre at iværksættere med vækstpotentiale identificeres og "
                            "henvises til Væksthuset eller andre relevante aktører\n"
                            "3) sikre at kommunernes iværksættere og nystartede virksomheder får "
                            "information om relevante erhvervsfremmetilbud\n"
                            "4) skabe kendskab til Iværksætterhuset hos kommunernes iværksættere "
                            "og nystartede virksomheder\n"
                            "5) sikre lokal forankring af Iværksætterhuset i kommunerne herunder "
                            "at inddrage lokale rådgivere\n\n"
                            "Succeskriterie 1) Enstrengethed og konceptualisering\n"
                            "- Iværksætterhuset har skabt et brand, med en indgang for de ni "
                            "kommuners iværksættere på ivsh.dk og med fælles telefonindgang.\n"
                            "- Der er udarbejdet koncepter for Startupmøder, Startupcafeer og "
                            "Startupkurser. To kommuner indgik kontrakt i starten af 2014 og "
                            "yderligere 11 kommuner har indgået kontrakt for 2015 bl.a. pba. det "
                            "stærke brand og kvaliteteten.\n"
                            "- Der er etableret en kommunikationsplatform med hjemmeside, foldere, "
                            "bannere og massiv presse. I 2014 blev Iværksætterhuset omtalt i 174 "
                            "forskellige artikler en stigning på 11 % i fht. 2013."
                        ),
                    },
                ],
                "beslutninger": [
                    {"udvalg": "EBU", "dato": date(2015, 5, 13), "tekst": "Indstilling godkendt"},
                ],
                "afstemning": None,
            },
            # Punkt 6. Ændret lovgivning siden for-analyse i 2011 om fælles Jobcenter
            {
                "nummer": 6,
                "titel": "Ændret lovgivning siden for-analyse i 2011 om fælles Jobcenter",
                "sagsnr": "15/6585",
                "sag_titel": "Ændret lovgivning siden for-analyse i 2011 om fælles Jobcenter",
                "punkttype": "Orientering",
                "adgang": "aaben",
                "tema": (
                    "<p>I forbindelse med behandling af sag om tværkommunalt samarbejde på møde "
                    "den 11. marts 2015 bad Erhvervs- og Beskæftigelsesudvalget Forvaltningen "
                    "udarbejde notat, der beskriver de lovgivningsmæssige ændringer der er sket "
                    "siden for-analysen om fælles jobcenter fra 2011.</p>"
                    "<p>Erhvervs- og Beskæftigelsesudvalget anmodes om at tage orienteringen til "
                    "efterretning.</p>"
                ),
                "sagsbeskrivelse": (
                    "<p>I 2011 udarbejdede Forvaltningen en for-analyse om mulighederne for "
                    "etablering af et fælles Jobcenter med Rudersdal Kommune.</p>"
                    "<p>Analysen viste, at der på daværende tidspunkt ikke ville være en økonomisk "
                    "besparelse ved etablering af et fælles Jobcenter, en særskilt udfordring var "
                    "blandt andet finansiering af etablerings- og driftsomkostninger ved et fælles "
                    "jobcenter.</p>"
                    "<p>En opgørelse af offentlige udgifter pr. person i arbejdsstyrken i 2013 og "
                    "2014 viser, at Allerød Kommune fortsat ligger væsentligt under niveauet i de "
                    "omkringliggende kommuner. De offentlige udgifter lå i Allerød i 2014 således "
                    "ca. 1.567 kr. pr. borger i arbejdsstyrken under Rudersdal som er "
                    "næst-billigst.</p>"
                    "<p>I Allerød Kommune har vi i mange år haft fokus på at yde en "
                    "helhedsorienteret, koordineret og tværfaglig indsats, og det er Jobcentrets "
                    "opfattelse, at de gode resultater på beskæftigelsesområdet er begrundet i det "
                    "tætte samarbejde omkring borgeren. Allerød Kommune bliver på den baggrund "
                    "ofte fremhævet som en af de få kommuner, hvor der er lykkes at levere en "
                    "koordineret indsats på tværs af jobcenter og den sociale indsats.</p>"
                    "<p>Rent lovgivningsmæssigt er der siden 2013 også kommet markant fokus på at "
                    "Jobcentret/Kommunen skal levere en tværfaglig og koordineret indsats. Siden "
                    "for-analysen i 2011 er der implementeret flere reformer på "
                    "beskæftigelsesområdet der alle netop lægger vægt på, at borgeren skal mødes "
                    "med en helhedsorienteret og koordineret indsats.</p>"
                    "<ul>"
                    "<li>Førtidspensionsreform</li>"
                    "<li>Fleksjobreform</li>"
                    "<li>Sygedagpengereform</li>"
                    "<li>Kontanthjælpsreform</li>"
                    "<li>Beskæftigelsesreform.</li>"
                    "</ul>"
                    "<p>For alle reformer gælder, at der er fokus på det tværfaglige samarbejde på "
                    "tværs af beskæftigelsesområdet, socialområdet, sundhedsområdet og "
                    "undervisningsområdet. For en uddybende gennemgang af ovennævnte reformer "
                    "henvises til vedlagte bilag.</p>"
                    "<p>Det er vigtigt at påpege, at størstedelen af borgeren på kontanthjælp og "
                    "sygedagpenge har brug for indsats fra både den sociale lovgivning og fra "
                    "jobcenterområdet.  Kun ved koordineret og tværfaglig indsats kommer borgeren "
                    "videre i selvforsørgelse.</p>"
                    "<p>Det tværfaglige samarbejde har været praktiseret i Allerød Kommune i flere "
                    "år, og erfaringen er, at den fysiske nærhed i dagligdagen, og kendskabet til "
                    "både personer og arbejdsområder er afgørende for en god koordinering. Det "
                    "betyder konkret i dag, at indsatsen er så integreret, at hverken den sociale "
                    "indsats eller jobcenterindsatsen kan stå alene.</p>"
                    "<p>På den baggrund er det Forvaltningens vurdering, at et tværkommunalt "
                    "samarbejde der kun har fokus på etablering af et fælles Jobcenter er "
                    "vanskeligt realiserbar med udgangspunkt i lovgivningens krav om en "
                    "koordineret og tværfaglig indsats.</p>"
                ),
                "supplerende_sagsbeskrivelse": None,
                "administrationens_forslag": (
                    "<p>Forvaltningen anbefaler, at orienteringen tages til efterretning.</p>"
                ),
                "afledte_konsekvenser": "Ingen",
                "oekonomi_og_finansiering": "Ingen",
                "dialog_hoering": "Ingen",
                "bilag": [
                    {
                        "filnavn": "Notat om ændringer i lovgivning siden 2011.pdf",
                        "titel": (
                            "Ændret lovgivning siden for-analysen for etablering af fælles "
                            "jobcenter i 2011"
                        ),
                        "bilagsnr": "33271/15",
                        "tekst": (
                            "I 2011 foretog forvaltningen en for-analyse om mulighederne for "
                            "etablering af et fælles Jobcenter med Rudersdal Kommune.\n\n"
                            "Analysen viste, at der på daværende tidspunkt ikke ville være en "
                            "økonomisk besparelse ved etablering af et fælles Jobcenter.\n\n"
                            "En opgørelse af offentlige udgifter pr. person i arbejdsstyrken i "
                            "2013 og 2014 viser, at Allerød Kommune fortsat ligger væsentligt "
                            "under niveauet i de omkringliggende kommuner.\n\n"
                            "I Allerød Kommune har vi i mange år haft fokus på at yde en "
                            "helhedsorienteret, koordineret og tværfaglig indsats, og det er "
                            "Jobcentrets opfattelse, at de gode resultater på "
                            "beskæftigelsesområdet er begrundet i det tætte samarbejde omkring "
                            "borgeren. Allerød Kommune bliver på den baggrund ofte fremhævet som "
                            "en af de kommuner, hvor det er lykkedes at levere en koordineret "
                            "indsats på tværs af jobcenter og den sociale indsats.\n\n"
                            "På foranledning af evalueringskrav fra ministeriet for Sundhed og "
                            "Forebyggelse har Allerød kommune iværksat en ekstern evaluering af "
                            "den koordinerede rehabilitering for senhjerneskadet ved LG Insight."
                        ),
                    },
                ],
                "beslutninger": [
                    {
                        "udvalg": "EBU",
                        "dato": date(2015, 5, 13),
                        "tekst": "Orienteringen taget til efterretning.",
                    },
                ],
                "afstemning": None,
            },
        ],
    },
]
