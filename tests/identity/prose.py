"""Paragraphs written for the identity corpus, in the languages the documents label."""

PROSE: dict[str, tuple[str, ...]] = {
    "en": (
        "The county council voted 9 to 3 on Wednesday to reopen the Millbrook ferry, closed since "
        "a storm damaged its landing stage in 2021. The crossing will run every 40 minutes.",
        '"People on the island have waited long enough," said the council leader, Ruth Adeyemi. '
        '"This is about getting children to school and nurses to work."',
        "The repairs will cost £2.4 million, of which £1.1 million comes from a national "
        "transport fund. Fares will rise by 5 per cent to cover the running costs.",
        "Dr. Owen Pryce, who chairs the island's residents' association, said the vote was a "
        "relief but warned that the timetable still ended too early for evening shifts.",
        "Opponents argued that a fixed bridge would be cheaper over 30 years. The council replied "
        "that a bridge had been costed at £61 million in 2019 and that no lender would fund it.",
        "Work on the landing stage starts in April, and the first crossings are planned for "
        "the autumn half-term, when about 1,200 passengers a day are expected.",
    ),
    "de": (
        "Der Gemeinderat von Lindenau hat am Dienstag mit 14 zu 5 Stimmen beschlossen, das alte "
        "Hallenbad zu sanieren. Die Arbeiten sollen im Herbst beginnen.",
        "„Wir haben lange genug gewartet“, sagte Bürgermeisterin Karin Voss nach der Sitzung. "
        "Die Sanierung kostet rund 7,8 Millionen Euro.",
        "Das Land übernimmt 60 Prozent der Kosten. Den Rest finanziert die Gemeinde über einen "
        "Kredit mit einer Laufzeit von 20 Jahren.",
        "Während der Bauzeit können die Schulen das Bad im Nachbarort nutzen. Ein Bus fährt "
        "zweimal am Tag dorthin.",
        "Kritiker hatten einen Neubau am Stadtrand gefordert. Dieser wäre nach Angaben der "
        "Verwaltung aber fast doppelt so teuer geworden.",
    ),
    "fr": (
        "Le conseil municipal de Valmont a approuvé jeudi, par 21 voix contre 6, la création "
        "d'une piste cyclable le long du canal. Les travaux dureront huit mois.",
        "« C'est une promesse de campagne que nous tenons », a déclaré la maire, Sophie Garnier. "
        "Le chantier coûtera 3,2 millions d'euros.",
        "La région financera la moitié du projet. Le reste sera pris sur le budget "
        "d'investissement de la ville, sans hausse des impôts locaux.",
        "Les riverains craignent la disparition de 40 places de stationnement. La mairie promet "
        "un nouveau parking près de la gare avant la fin des travaux.",
        "Les associations de cyclistes ont salué une décision attendue depuis dix ans, tout en "
        "demandant un éclairage sur toute la longueur de la piste.",
    ),
    "es": (
        "El ayuntamiento de Villarreal del Monte aprobó el lunes, por 12 votos a 5, la "
        "construcción de una nueva biblioteca en el antiguo mercado.",
        "«Es un día importante para el pueblo», dijo el alcalde, Javier Morales. La obra "
        "costará 4,5 millones de euros y durará dos años.",
        "La diputación aportará el 40 por ciento del presupuesto. El resto saldrá de un "
        "préstamo a quince años que el pleno votó en la misma sesión.",
        "Los comerciantes del mercado se trasladarán a una carpa provisional en la plaza mayor "
        "mientras duren las obras.",
        "La oposición criticó que no se hubiera consultado a los vecinos sobre el diseño del "
        "edificio, que tendrá tres plantas y una terraza de lectura.",
    ),
    "it": (
        "Il consiglio comunale di Borgoverde ha approvato martedì il restauro del ponte "
        "romano, chiuso al traffico da due anni. I lavori costeranno 1,9 milioni di euro.",
        "«Il ponte è il simbolo della nostra città», ha detto il sindaco Marco Bellini. "
        "La riapertura è prevista per la prossima estate.",
        "La regione coprirà il 70 per cento della spesa. Durante i lavori sarà attivo un "
        "servizio di navetta gratuito tra le due sponde del fiume.",
    ),
    "pt": (
        "A câmara municipal de Vila Serena aprovou na quarta-feira a construção de um novo "
        "centro de saúde, por 8 votos a 3. A obra deve ficar pronta em 2028.",
        "«Esta é uma conquista de toda a população», afirmou a presidente da câmara, "
        "Helena Costa. O investimento é de 6 milhões de euros.",
        "O governo central financia metade do projeto. A outra metade vem de fundos europeus "
        "destinados a zonas rurais.",
    ),
    "nl": (
        "De gemeenteraad van Waterveld heeft dinsdag met 23 tegen 8 stemmen ingestemd met een "
        "nieuwe fietsbrug over de rivier. De bouw begint volgend voorjaar.",
        "„Dit is een grote stap voor de stad”, zei wethouder Pieter de Vries. De brug kost "
        "naar schatting 11 miljoen euro.",
        "De provincie betaalt een derde van de kosten. Omwonenden vrezen overlast tijdens de "
        "bouw, die anderhalf jaar duurt.",
    ),
    "pl": (
        "Rada miasta Zielonki przyjęła w piątek plan budowy nowej linii tramwajowej. Za "
        "głosowało 17 radnych, przeciw było 6.",
        "„To najważniejsza inwestycja tej kadencji”, powiedziała prezydent miasta Anna "
        "Kowalska. Koszt budowy oszacowano na 320 milionów złotych.",
        "Większość pieniędzy pochodzi z funduszy unijnych. Pierwsze tramwaje mają pojechać "
        "nową trasą za trzy lata.",
    ),
    "ru": (
        "Городской совет Озёрска в четверг одобрил строительство нового моста через реку. "
        "За проект проголосовали 19 депутатов, против — 4.",
        "«Жители ждали этого моста двадцать лет», — сказал мэр города Игорь Соколов. "
        "Строительство обойдётся в 2,1 миллиарда рублей.",
        "Большую часть расходов возьмёт на себя региональный бюджет. Работы начнутся весной.",
    ),
    "el": (
        "Το δημοτικό συμβούλιο της Καλαμιάς ενέκρινε την Τρίτη την ανακαίνιση του παλιού "
        "λιμανιού. Το έργο θα κοστίσει 5,3 εκατομμύρια ευρώ.",
        "«Το λιμάνι είναι η καρδιά της πόλης», δήλωσε ο δήμαρχος Νίκος Παπαδάκης. "
        "Οι εργασίες θα διαρκέσουν δύο χρόνια.",
        "Το μεγαλύτερο μέρος της χρηματοδότησης προέρχεται από ευρωπαϊκά κονδύλια.",
    ),
    "he": (
        "מועצת העיר אישרה ביום שני את הקמת הפארק החדש בשכונה הצפונית. הפרויקט יעלה כ־12 "
        "מיליון שקלים.",
        "ראש העיר אמר כי הפארק ייפתח לציבור בקיץ הבא. התושבים ביקשו שטח ירוק במשך שנים.",
        "העבודות יתחילו בחודש הבא ויימשכו כשנה.",
    ),
    "ar": (
        "وافق المجلس البلدي يوم الأحد على إنشاء حديقة عامة جديدة في وسط المدينة. وتبلغ كلفة "
        "المشروع نحو ثلاثة ملايين دينار.",
        "وقال رئيس البلدية إن الأعمال ستبدأ في الربيع المقبل وتستمر عاماً كاملاً.",
        "ورحب السكان بالقرار بعد سنوات من المطالبة بمساحات خضراء.",
    ),
}

TITLES: dict[str, str] = {
    "en": "Millbrook ferry to return after three-year gap",
    "de": "Lindenau saniert das alte Hallenbad",
    "fr": "Valmont aura sa piste cyclable le long du canal",
    "es": "Villarreal del Monte tendrá nueva biblioteca",
    "it": "Borgoverde restaura il ponte romano",
    "pt": "Vila Serena vai ter novo centro de saúde",
    "nl": "Waterveld krijgt een nieuwe fietsbrug",
    "pl": "Zielonki zbudują nową linię tramwajową",
    "ru": "В Озёрске построят новый мост",
    "el": "Ανακαινίζεται το παλιό λιμάνι της Καλαμιάς",
    "he": "פארק חדש יוקם בשכונה הצפונית",
    "ar": "حديقة عامة جديدة في وسط المدينة",
}
