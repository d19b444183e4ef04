"""Test articles written for this suite (English, German, Russian), as paragraph lists."""

ENGLISH = (
    "The harbour authority approved a plan on Tuesday to cover the old fish market roofs "
    "with solar panels. The panels will supply power to the harbour's cranes and cold stores.",
    "Officials said the solar project would cut the harbour's electricity bill by a third. "
    "The project costs 12 million euros, most of it from a regional climate fund.",
    "Fishermen welcomed the plan but asked for the market to stay open during construction. "
    "The authority promised that stalls would move to a temporary hall next to the quay.",
    "Construction of the solar roofs begins in March and should finish before the summer "
    "season. Engineers will first repair the market roofs, some of which are a century old.",
    "The mayor called the solar project a model for other ports on the coast. "
    "Two neighbouring harbours have already asked to see the plans.",
    "Critics said the money would be better spent on dredging the harbour entrance. "
    "The authority replied that dredging is paid for from a separate national budget.",
)

GERMAN = (
    "Der Stadtrat von Freiburg hat am Montag den Bau einer neuen Straßenbahnlinie beschlossen. "
    "Die Linie soll den Hauptbahnhof mit dem neuen Stadtteil im Westen verbinden.",
    "Die Kosten für die Straßenbahnlinie werden auf 85 Millionen Euro geschätzt. "
    "Der größte Teil des Geldes kommt vom Bund und vom Land Baden-Württemberg.",
    "Die Bauarbeiten beginnen am 5. Jan. um 8 Uhr mit der Verlegung der Gleise. "
    "Während der Bauzeit fahren Busse als Ersatz für die Straßenbahn.",
    "Anwohner kritisierten den Lärm der Bauarbeiten und die Fällung von Bäumen. "
    "Die Stadt versprach, für jeden gefällten Baum zwei neue Bäume zu pflanzen.",
    "Der Oberbürgermeister nannte die neue Straßenbahnlinie einen wichtigen Schritt für den "
    "Klimaschutz. Bis 2030 sollen doppelt so viele Menschen mit der Straßenbahn fahren.",
)

RUSSIAN = (
    "Городская дума Казани в среду одобрила строительство новой линии метро. "
    "Линия метро соединит центр города с новыми районами на севере.",
    "Стоимость строительства линии метро оценивается в сорок миллиардов рублей. "
    "Большую часть денег выделит федеральный бюджет.",
    "Работы начнутся весной, а первые станции метро откроются через четыре года. "
    "На время строительства некоторые улицы в центре будут закрыты.",
    "Жители северных районов давно просили построить метро, потому что дорога в центр "
    "занимает больше часа. Мэр города назвал новую линию метро главным проектом десятилетия.",
    "Критики считают, что деньги лучше потратить на автобусы и трамваи. "
    "В мэрии ответили, что автобусы не решат проблему пробок.",
)
