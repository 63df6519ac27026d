"""Every word and number a reader sees, in French or in English.

The book has two editions whose notebooks run the same code; only one line differs::

    labels.set_language("fr")   # or "en"

After it, :func:`label` returns the French (or English) text of a key, :func:`fmt_number`
writes numbers the French way (``1 234,5``, with a narrow no-break space) or the English
way (``1,234.5``), and :func:`vega_locale` gives charts the same conventions.

An unknown key or language raises an error that says what exists, so a typo in a notebook
fails loudly instead of printing a key name on a chart.
"""

from __future__ import annotations

import hashlib
import math
import numbers
from collections.abc import Mapping

import pandas as pd
from pandas.io.formats.style import Styler

LANGUAGES = ("fr", "en")

#: Narrow no-break space (U+202F): French thousands separator and space before ; ! ?
NNBSP = "\u202f"
#: No-break space (U+00A0): French space before : and inside « guillemets ».
NBSP = "\u00a0"

_state = {"language": "en"}

# One entry per reader-visible text: {key: {"fr": ..., "en": ...}}.
# French strings follow French typography: no-break space before ":" and inside « »,
# narrow no-break space before ";", "!" and "?".
MESSAGES: dict[str, dict[str, str]] = {
    # generic words
    "yes": {"fr": "oui", "en": "yes"},
    "no": {"fr": "non", "en": "no"},
    "thousand_euros": {"fr": "milliers d'euros", "en": "thousand euros"},
    "keur": {"fr": f"k{NBSP}€", "en": "k€"},
    # export consortium (fixed-cost sharing)
    "consortium.n_firms": {
        "fr": "Nombre d'entreprises qui partagent le coût",
        "en": "Number of firms sharing the cost",
    },
    "consortium.share": {
        "fr": f"Part du coût fixe par entreprise (k{NBSP}€)",
        "en": "Per-firm share of the fixed cost (k€)",
    },
    "consortium.profit": {
        "fr": f"Bénéfice d'exploitation à l'export d'une entreprise (k{NBSP}€)",
        "en": "A firm's operating profit from exporting (k€)",
    },
    "consortium.profit_short": {"fr": f"Bénéfice (k{NBSP}€)", "en": "Profit (k€)"},
    "consortium.fixed_cost": {
        "fr": f"Coût fixe d'entrée sur le marché (k{NBSP}€)",
        "en": "Fixed cost of entering the market (k€)",
    },
    "consortium.fixed_cost_short": {"fr": f"Coût fixe (k{NBSP}€)", "en": "Fixed cost (k€)"},
    "consortium.exports": {
        "fr": f"L'entreprise exporte-t-elle{NNBSP}?",
        "en": "Does the firm export?",
    },
    "consortium.exports_yes": {"fr": "elle exporte", "en": "it exports"},
    "consortium.exports_no": {"fr": "elle n'exporte pas", "en": "it does not export"},
    "consortium.profit_line": {"fr": "bénéfice d'exploitation", "en": "operating profit"},
    "consortium.description": {
        "fr": (
            "Courbe de la part du coût fixe d'entrée supportée par chaque entreprise selon le "
            "nombre d'entreprises du consortium, comparée au bénéfice d'exploitation d'une entreprise."
        ),
        "en": (
            "Curve of the share of the fixed entry cost borne by each firm against the number of "
            "firms in the consortium, compared with one firm's operating profit."
        ),
    },
    "consortium.min_partners": {
        "fr": "Taille minimale du consortium",
        "en": "Smallest consortium",
    },
    # measuring clusters: location quotients and concentration
    "lq.region": {"fr": "Région", "en": "Region"},
    "lq.industry": {"fr": "Industrie", "en": "Industry"},
    "lq.employment": {"fr": "Personnes occupées", "en": "Persons employed"},
    "lq.region_total": {"fr": "Emploi manufacturier du territoire", "en": "Manufacturing employment of the area"},
    "lq.lq": {"fr": "Quotient de localisation", "en": "Location quotient"},
    "lq.threshold": {"fr": "Seuil du quotient", "en": "Quotient threshold"},
    "lq.min_employment": {"fr": "Emploi minimal", "en": "Minimum employment"},
    "lq.status": {"fr": "La région est-elle spécialisée\u202f?", "en": "Is the region specialised?"},
    "lq.specialised": {"fr": "spécialisée", "en": "specialised"},
    "lq.not_specialised": {"fr": "non spécialisée", "en": "not specialised"},
    "lq.description": {
        "fr": (
            "Barres des quotients de localisation des quinze régions NUTS 2 les plus spécialisées dans "
            "l'industrie choisie, colorées selon le seuil et l'emploi minimal choisis."
        ),
        "en": (
            "Bars of the location quotients of the fifteen NUTS-2 regions most specialised in the chosen "
            "industry, coloured by the chosen threshold and minimum employment."
        ),
    },
    "lq.upload": {"fr": "Votre fichier", "en": "Your file"},
    "lq.source_book": {
        "fr": "Données\u00a0: Eurostat (sbs_r_nuts06_r2), 2015, industries manufacturières, régions NUTS 2.",
        "en": "Data: Eurostat (sbs_r_nuts06_r2), 2015, manufacturing divisions, NUTS-2 regions.",
    },
    "lq.choose_file": {
        "fr": "Choisissez un fichier CSV ou Excel (une ligne par région et industrie, ou un fichier URSSAF).",
        "en": "Choose a CSV or Excel file (one row per region and industry, or an URSSAF file).",
    },
    "dartboard.G": {"fr": "Concentration brute G", "en": "Raw concentration G"},
    "dartboard.gamma": {"fr": "Indice γ d'Ellison et Glaeser", "en": "Ellison–Glaeser index γ"},
    "dartboard.draws": {"fr": "Nombre de tirages", "en": "Number of draws"},
    "dartboard.expected": {"fr": "valeur attendue sans agglomération", "en": "expected value with no agglomeration"},
    "dartboard.description": {
        "fr": (
            "Histogrammes de la concentration brute G et de l'indice γ sur des tirages où les établissements "
            "sont lancés au hasard sur les régions."
        ),
        "en": (
            "Histograms of the raw concentration G and of the index γ over draws in which plants are thrown "
            "at the regions at random."
        ),
    },
    "data.summary": {
        "fr": (
            "{source}\u00a0: {rows} lignes lues ({layout})\u202f; {cells} cellules région × industrie, "
            "{missing} effectifs vides conservés comme manquants."
        ),
        "en": (
            "{source}: {rows} rows read ({layout}); {cells} region × industry cells, "
            "{missing} blank counts kept as missing."
        ),
    },
    "lq.left_out": {
        "fr": (
            "Laissées de côté, car sans aucun salarié dans le fichier (leur quotient serait 0/0) : "
            "{industries} industrie(s) et {regions} région(s)."
        ),
        "en": (
            "Left out, as they have no employee at all in the file (their quotient would be 0/0): "
            "{industries} industry(ies) and {regions} region(s)."
        ),
    },
    "pool.n_firms": {"fr": "Nombre d'entreprises", "en": "Number of firms"},
    "pool.shock_sd": {
        "fr": "Ampleur des chocs de demande (écart type)",
        "en": "Size of demand shocks (standard deviation)",
    },
    "pool.setting": {"fr": "Organisation", "en": "Setting"},
    "pool.pooled": {"fr": "un seul bassin d'emploi", "en": "one shared labour pool"},
    "pool.isolated": {"fr": "chaque entreprise isolée", "en": "each firm on its own"},
    "pool.profit": {"fr": "Profit espéré par entreprise", "en": "Expected profit per firm"},
    "pool.wage_sd": {"fr": "Risque de salaire (écart type)", "en": "Wage risk (standard deviation)"},
    "pool.unemployment": {"fr": "Chômage moyen, salaire rigide (%)", "en": "Expected unemployment, rigid wage (%)"},
    "pool.description": {
        "fr": (
            "Trois barres par organisation\u00a0: le profit espéré d'une entreprise, le risque de salaire d'un "
            "ouvrier et son risque de chômage quand le salaire ne peut pas baisser, selon que les entreprises "
            "partagent un seul bassin d'emploi ou sont chacune isolées, pour le nombre d'entreprises et "
            "l'ampleur des chocs choisis."
        ),
        "en": (
            "Three bars per setting: a firm's expected profit, a worker's wage risk, and their risk of "
            "unemployment when the wage cannot fall, whether the firms share one labour pool or each is on its "
            "own, for the chosen number of firms and size of shocks."
        ),
    },
    "neg.model": {"fr": "Modèle", "en": "Model"},
    "neg.model_cp": {"fr": "centre–périphérie (Krugman)", "en": "core–periphery (Krugman)"},
    "neg.model_fe": {
        "fr": "entrepreneurs mobiles (Forslid et Ottaviano)",
        "en": "footloose entrepreneurs (Forslid and Ottaviano)",
    },
    "neg.preset": {"fr": "Paramètres", "en": "Parameters"},
    "neg.mu": {"fr": "μ (part des dépenses en biens manufacturés)", "en": "μ (share of spending on manufactures)"},
    "neg.sigma": {"fr": "σ (élasticité de substitution)", "en": "σ (elasticity of substitution)"},
    "neg.phi": {"fr": "Liberté des échanges φ", "en": "Freeness of trade φ"},
    "neg.lam": {"fr": "Part de l'industrie dans la région 1 (λ)", "en": "Region 1's share of industry (λ)"},
    "neg.gap": {"fr": "Écart de salaire réel, région 1 − région 2", "en": "Real-wage gap, region 1 − region 2"},
    "neg.stability": {"fr": "Équilibre", "en": "Equilibrium"},
    "neg.stable": {"fr": "stable", "en": "stable"},
    "neg.unstable": {"fr": "instable", "en": "unstable"},
    "neg.sustain_point": {"fr": "Point de soutenabilité φ_S", "en": "Sustain point φ_S"},
    "neg.break_point": {"fr": "Point de rupture φ_B", "en": "Break point φ_B"},
    "neg.points": {
        "fr": "Point de soutenabilité\u00a0: φ = {phi_s}\u202f; point de rupture\u00a0: φ = {phi_b}",
        "en": "Sustain point: φ = {phi_s}; break point: φ = {phi_b}",
    },
    "neg.description": {
        "fr": (
            "En haut, le diagramme en «\u00a0tomahawk\u00a0»\u00a0: les équilibres de long terme (part λ de "
            "l'industrie dans la région 1) selon la liberté des échanges φ, en trait plein s'ils sont stables, "
            "en tirets sinon\u202f; le trait vertical marque φ choisi. En bas, l'écart de salaire réel entre les "
            "deux régions selon λ, pour ce φ."
        ),
        "en": (
            "Top, the 'tomahawk' diagram: the long-run equilibria (region 1's share λ of industry) against the "
            "freeness of trade φ, solid when stable, dashed when not; the vertical line marks the chosen φ. "
            "Bottom, the real-wage gap between the two regions against λ, at that φ."
        ),
    },
    "diamond.factors": {"fr": "Conditions des facteurs", "en": "Factor conditions"},
    "diamond.demand": {"fr": "Conditions de la demande", "en": "Demand conditions"},
    "diamond.related": {"fr": "Industries apparentées et de soutien", "en": "Related and supporting industries"},
    "diamond.rivalry": {
        "fr": "Stratégie, structure et rivalité des entreprises",
        "en": "Firm strategy, structure and rivalry",
    },
    "diamond.chance": {"fr": "Hasard", "en": "Chance"},
    "diamond.government": {"fr": "Pouvoirs publics", "en": "Government"},
    "diamond.determinant": {"fr": "Déterminant", "en": "Determinant"},
    "diamond.score": {"fr": "Note (0 = aucun rôle, 3 = source majeure)", "en": "Score (0 = no role, 3 = major source)"},
    "diamond.yours": {"fr": "votre note", "en": "your score"},
    "diamond.reference": {"fr": "lecture du récit publié", "en": "reading of the published account"},
    "diamond.whose": {"fr": "Note", "en": "Score"},
    "diamond.gap": {"fr": "Écart (vous − récit)", "en": "Gap (you − account)"},
    "diamond.evidence": {"fr": "Ce que dit le récit", "en": "What the account says"},
    "diamond.reveal": {"fr": "Montrer le récit publié", "en": "Show the published account"},
    "diamond.before_reveal": {
        "fr": "Notez les six éléments avec les curseurs,\npuis cochez la case pour comparer avec le récit publié.",
        "en": "Score the six elements with the sliders,\nthen tick the box to compare with the published account.",
    },
    "diamond.gap_total": {
        "fr": "Écart total avec le récit publié\u00a0: {total} point(s) sur 18",
        "en": "Total gap with the published account: {total} point(s) out of 18",
    },
    "diamond.description": {
        "fr": (
            "Barres horizontales\u00a0: pour chacun des quatre déterminants du diamant de Porter et des deux "
            "influences extérieures, la note du lecteur de 0 à 3 et, si la case est cochée, la note tirée du récit "
            "publié du cas de Sassuolo\u202f; en dessous, l'écart total entre les deux."
        ),
        "en": (
            "Horizontal bars: for each of the four determinants of Porter's diamond and the two outside "
            "influences, the reader's score from 0 to 3 and, when the box is ticked, the score read from the "
            "published account of the Sassuolo case; below, the total gap between the two."
        ),
    },
    "diamond.sassuolo.factors": {
        "fr": (
            "Pas d'avantage «\u00a0statique ou historique\u00a0»\u00a0: le savoir naît de l'expérimentation "
            "continue et de l'expérience cumulée de production (facteurs créés sur place)."
        ),
        "en": (
            "No 'static or historical advantage': knowledge grows from continuous experimentation and "
            "cumulative production experience (factors created on the spot)."
        ),
    },
    "diamond.sassuolo.demand": {
        "fr": "Des acheteurs locaux exigeants et avertis, des circuits de distribution solides et originaux.",
        "en": "Sophisticated and demanding local buyers, strong and unique distribution channels.",
    },
    "diamond.sassuolo.related": {
        "fr": (
            "Un ensemble très développé de fabricants locaux de machines et d'autres industries de soutien, "
            "et des industries italiennes apparentées de niveau mondial."
        ),
        "en": (
            "A highly developed set of local machinery suppliers and other supporting industries, and "
            "world-class Italian related industries."
        ),
    },
    "diamond.sassuolo.rivalry": {
        "fr": (
            "Une rivalité intense entre entreprises locales\u202f; la propriété privée et l'attachement à la "
            "communauté poussent à investir dans l'industrie."
        ),
        "en": (
            "Intense rivalry among local companies; private ownership and loyalty to the community drive "
            "investment in the industry."
        ),
    },
    "diamond.sassuolo.chance": {
        "fr": "Le résumé du récit ne le mentionne pas\u00a0: la note 0 enregistre ce silence, pas la preuve d'une absence de rôle.",
        "en": "The account's summary does not mention it: the score of 0 records that silence, not evidence of no role.",
    },
    "diamond.sassuolo.government": {
        "fr": "Le résumé du récit ne les mentionne pas\u00a0: la note 0 enregistre ce silence, pas la preuve d'une absence de rôle.",
        "en": "The account's summary does not mention it: the score of 0 records that silence, not evidence of no role.",
    },
    "profile.above": {
        "fr": "plus spécialisée que l'ensemble (QL ≥ 1)",
        "en": "more specialised than all regions (LQ ≥ 1)",
    },
    "profile.below": {"fr": "moins spécialisée (QL < 1)", "en": "less specialised (LQ < 1)"},
    "profile.description": {
        "fr": (
            "Barres horizontales\u00a0: pour la région choisie, le quotient de localisation de chaque division "
            "de l'industrie manufacturière en 2015, de la plus forte à la plus faible\u202f; un trait vertical "
            "marque la valeur 1."
        ),
        "en": (
            "Horizontal bars: for the chosen region, the location quotient of each manufacturing division in "
            "2015, from highest to lowest; a vertical line marks the value 1."
        ),
    },
    "tiles.year": {"fr": "Année", "en": "Year"},
    "tiles.production": {
        "fr": "Production de carreaux en Italie (millions de m²)",
        "en": "Tile production in Italy (million m²)",
    },
    "tiles.source": {"fr": "Source", "en": "Source"},
    "tiles.scope": {"fr": "Champ", "en": "Scope"},
    "tiles.indicator": {"fr": "Indicateur", "en": "Indicator"},
    "tiles.value": {"fr": "Valeur", "en": "Value"},
    "tiles.italy": {"fr": "Italie entière", "en": "Italy as a whole"},
    "tiles.district": {"fr": "district de Sassuolo", "en": "Sassuolo district"},
    "tiles.firms": {"fr": "Entreprises", "en": "Firms"},
    "tiles.employees": {"fr": "Salariés", "en": "Employees"},
    "tiles.export_share": {"fr": "Part exportée (%)", "en": "Export share (%)"},
    "tiles.production_short": {"fr": "Production (millions de m²)", "en": "Production (million m²)"},
    "tiles.basis": {"fr": "Précision de la source", "en": "As the source puts it"},
    "tiles.source_date": {"fr": "Date de la source", "en": "Date of the source"},
    "tiles.basis.about": {"fr": "environ", "en": "about"},
    "tiles.basis.more_than": {"fr": "plus de", "en": "more than"},
    "tiles.basis.direct": {"fr": "salariés directs", "en": "direct employees"},
    "tiles.basis.of_production": {"fr": "de la production", "en": "of production"},
    "tiles.basis.of_turnover": {"fr": "du chiffre d'affaires", "en": "of turnover"},
    "tiles.basis.of_turnover_about": {"fr": "du chiffre d'affaires, environ", "en": "of turnover, about"},
    "tiles.basis.as_given": {"fr": "base non précisée par la source", "en": "base not stated by the source"},
    "tiles.src.economist1998": {"fr": "The Economist (1998)", "en": "The Economist (1998)"},
    "tiles.src.assopiastrelle2004": {"fr": "Assopiastrelle (2004)", "en": "Assopiastrelle (2004)"},
    "tiles.src.assopiastrelle2004d": {
        "fr": "Assopiastrelle, estimation (2004)",
        "en": "Assopiastrelle, estimate (2004)",
    },
    "tiles.src.confindustria2015": {
        "fr": "Confindustria Ceramica (chiffres 2015, s. d.)",
        "en": "Confindustria Ceramica (2015 figures, n.d.)",
    },
    "tiles.src.confindustria2024": {"fr": "Confindustria Ceramica (2024)", "en": "Confindustria Ceramica (2024)"},
    "tiles.description": {
        "fr": (
            "Points\u00a0: production de carreaux de céramique en millions de mètres carrés, pour l'Italie entière "
            "(reliés par une ligne) et pour le district de Sassuolo, aux années où une source nommée la donne\u202f; "
            "la forme du point indique la source."
        ),
        "en": (
            "Points: ceramic tile production in million square metres, for Italy as a whole (joined by a line) "
            "and for the Sassuolo district, in the years a named source gives it; the shape of each point shows "
            "its source."
        ),
    },
    "country.BEL": {"fr": "Belgique", "en": "Belgium"},
    "markets.home": {"fr": "Pays d'origine", "en": "Home country"},
    "markets.home_FRA": {"fr": "France", "en": "France"},
    "markets.home_MAR": {"fr": "Maroc", "en": "Morocco"},
    "markets.home_TUN": {"fr": "Tunisie", "en": "Tunisia"},
    "markets.home_DZA": {"fr": "Algérie", "en": "Algeria"},
    "markets.w_distance": {"fr": "Poids de la distance", "en": "Weight of distance"},
    "markets.w_border": {"fr": "Poids de l'absence de frontière commune", "en": "Weight of no shared border"},
    "markets.w_language": {
        "fr": "Poids de l'absence de langue officielle commune",
        "en": "Weight of no shared official language",
    },
    "markets.w_colony": {"fr": "Poids de l'absence de lien colonial", "en": "Weight of no colonial link"},
    "markets.w_market": {"fr": "Poids de la taille du marché", "en": "Weight of market size"},
    "markets.partner": {"fr": "Pays partenaire", "en": "Partner country"},
    "markets.rank": {"fr": "Rang", "en": "Rank"},
    "markets.dist_km": {"fr": "Distance (km)", "en": "Distance (km)"},
    "markets.index": {"fr": "Indice de distance psychique", "en": "Psychic-distance index"},
    "markets.market": {"fr": "Taille du marché (0 à 1)", "en": "Market size (0 to 1)"},
    "markets.score": {
        "fr": "Attrait\u00a0: taille pondérée − distance psychique",
        "en": "Appeal: weighted size − psychic distance",
    },
    "markets.c_distance": {"fr": "Distance (0 à 1)", "en": "Distance (0 to 1)"},
    "markets.c_border": {"fr": "Pas de frontière commune", "en": "No shared border"},
    "markets.c_language": {"fr": "Pas de langue officielle commune", "en": "No shared official language"},
    "markets.c_colony": {"fr": "Pas de lien colonial", "en": "No colonial link"},
    "markets.description": {
        "fr": (
            "Barres horizontales\u00a0: les quinze pays partenaires les plus attrayants pour un premier marché à "
            "l'export depuis le pays d'origine choisi, selon la taille de leur marché et un indice de distance "
            "psychique dont le lecteur règle les poids\u202f; la couleur indique l'indice."
        ),
        "en": (
            "Horizontal bars: the fifteen most appealing partner countries for a first export market from the "
            "chosen home country, by market size and a psychic-distance index whose weights the reader sets; "
            "the colour shows the index."
        ),
    },
    "diffusion.pipelines": {"fr": "Liens lointains (pipelines)", "en": "Long-range links (pipelines)"},
    "diffusion.local_ties": {
        "fr": "Liens locaux entre groupes voisins",
        "en": "Local ties between neighbouring groups",
    },
    "diffusion.never": {"fr": "jamais", "en": "never"},
    "diffusion.half": {"fr": "La moitié sait à la période", "en": "Half know by period"},
    "diffusion.most": {"fr": "90\u202f% savent à la période", "en": "90% know by period"},
    "diffusion.final": {"fr": "Informées après 30 périodes (%)", "en": "Informed after 30 periods (%)"},
    "diffusion.p": {"fr": "Probabilité de transmission par période", "en": "Chance of passing it on each period"},
    "diffusion.period": {"fr": "Période", "en": "Period"},
    "diffusion.share": {"fr": "Part des entreprises informées (%)", "en": "Share of firms that know (%)"},
    "diffusion.half_at": {
        "fr": "La moitié des entreprises savent à la période {period}",
        "en": "Half of the firms know by period {period}",
    },
    "diffusion.never_half": {
        "fr": "La moitié des entreprises n'est jamais atteinte",
        "en": "Half of the firms are never reached",
    },
    "diffusion.description": {
        "fr": (
            "Courbe\u00a0: la part moyenne des entreprises du cluster qui connaissent l'occasion à l'étranger, "
            "période après période, pour le nombre de liens lointains et de liens locaux choisis\u202f; un trait "
            "marque la moitié."
        ),
        "en": (
            "Curve: the mean share of the cluster's firms that know of the foreign opportunity, period by "
            "period, for the chosen numbers of long-range links and local ties; a line marks one half."
        ),
    },
    "lockin.returns": {"fr": "Rendements d'adoption r", "en": "Returns to adoption r"},
    "lockin.gap": {"fr": "Écart des préférences naturelles", "en": "Gap between natural preferences"},
    "lockin.barrier": {"fr": "Barrière (écart d'adoptions)", "en": "Barrier (adoption gap)"},
    "lockin.locked_share": {
        "fr": "Séries verrouillées en 1 000 adoptions (%)",
        "en": "Runs locked in within 1,000 adoptions (%)",
    },
    "lockin.median_at": {"fr": "Adoptant médian du verrouillage", "en": "Median adopter at lock-in"},
    "lockin.on_A": {"fr": "Dont sur A (%)", "en": "Of which on A (%)"},
    "lockin.run": {"fr": "Série n°", "en": "Run"},
    "lockin.adopters": {"fr": "Nombre d'adoptants", "en": "Number of adopters"},
    "lockin.difference": {"fr": "Écart d'adoptions nA − nB", "en": "Adoption gap nA − nB"},
    "lockin.locked": {
        "fr": "Cette série se verrouille sur {tech} au {at}ᵉ adoptant",
        "en": "This run locks in to {tech} at adopter {at}",
    },
    "lockin.never": {
        "fr": "Cette série ne se verrouille pas (pas de barrière à rendements constants, ou pas encore atteinte)",
        "en": "This run does not lock in (no barrier with constant returns, or not reached yet)",
    },
    "lockin.description": {
        "fr": (
            "Courbes : l'écart entre le nombre d'adoptants de A et de B au fil des adoptions, douze séries en "
            "gris et la série choisie en bleu, pour les rendements d'adoption choisis ; des tirets marquent les "
            "barrières au-delà desquelles tous les adoptants choisissent la même technologie."
        ),
        "en": (
            "Lines: the gap between the numbers of adopters of A and of B as adopters arrive, twelve runs in grey "
            "and the chosen run in blue, for the chosen returns to adoption; dashes mark the barriers beyond which "
            "every adopter chooses the same technology."
        ),
    },
    "urn.draws": {"fr": "Nombre de tirages", "en": "Number of draws"},
    "urn.share": {"fr": "Part des boules rouges (%)", "en": "Share of red balls (%)"},
    "urn.final": {"fr": "Cette série finit à {share} % de rouges", "en": "This run ends with {share}% red"},
    "urn.description": {
        "fr": (
            "Courbes : la part des boules rouges dans l'urne de Pólya, tirage après tirage, douze séries en gris "
            "et la série choisie en bleu, partant d'une boule rouge et d'une bleue."
        ),
        "en": (
            "Lines: the share of red balls in the Pólya urn, draw after draw, twelve runs in grey and the chosen run "
            "in blue, starting from one red and one blue ball."
        ),
    },
    "gvc.high": {"fr": "élevée", "en": "high"},
    "gvc.low": {"fr": "faible", "en": "low"},
    "gvc.complexity": {"fr": "Complexité des transactions", "en": "Complexity of transactions"},
    "gvc.codifiability": {"fr": "Codification possible", "en": "Ability to codify"},
    "gvc.capability": {"fr": "Compétences des fournisseurs", "en": "Suppliers' capabilities"},
    "gvc.axis": {
        "fr": "Coordination explicite et asymétrie de pouvoir croissantes →",
        "en": "Increasing explicit coordination and power asymmetry →",
    },
    "gvc.market": {"fr": "Marché", "en": "Market"},
    "gvc.modular": {"fr": "Modulaire", "en": "Modular"},
    "gvc.relational": {"fr": "Relationnelle", "en": "Relational"},
    "gvc.captive": {"fr": "Captive", "en": "Captive"},
    "gvc.hierarchy": {"fr": "Hiérarchie", "en": "Hierarchy"},
    "gvc.none": {"fr": "—", "en": "—"},
    "gvc.market.what": {
        "fr": "Produits simples, bien décrits ; le prix suffit à coordonner.",
        "en": "Simple, well-described products; price is enough to coordinate.",
    },
    "gvc.modular.what": {
        "fr": "Spécifications complexes mais codifiées, fournisseurs capables de les suivre seuls.",
        "en": "Complex but codified specifications, suppliers able to follow them on their own.",
    },
    "gvc.relational.what": {
        "fr": "Savoir tacite, fournisseurs compétents ; confiance et dépendance mutuelle.",
        "en": "Tacit knowledge, capable suppliers; trust and mutual dependence.",
    },
    "gvc.captive.what": {
        "fr": "Instructions codifiées, fournisseurs peu compétents, étroitement encadrés.",
        "en": "Codified instructions, less capable suppliers, closely monitored.",
    },
    "gvc.hierarchy.what": {
        "fr": "Ni codification ni fournisseurs compétents ; la firme produit elle-même.",
        "en": "Neither codification nor capable suppliers; the lead firm makes it in-house.",
    },
    "gvc.none.what": {
        "fr": "Aucun des cinq types : le tableau n'en donne pas pour cette combinaison.",
        "en": "None of the five types: the table gives none for this combination.",
    },
    "gvc.type": {"fr": "Type de gouvernance", "en": "Governance type"},
    "gvc.description": {
        "fr": (
            "Cinq cases : les types de gouvernance des chaînes de valeur de Gereffi, Humphrey et Sturgeon, rangés "
            "par coordination explicite croissante ; la case du type que donnent les trois variables choisies "
            "est en bleu, et une phrase le décrit."
        ),
        "en": (
            "Five boxes: Gereffi, Humphrey and Sturgeon's value chain governance types, ordered by increasing explicit "
            "coordination; the box of the type the three chosen variables give is blue, and a sentence describes it."
        ),
    },
    "policy.strength": {"fr": "Force de la sélection", "en": "Selection strength"},
    "policy.effect": {"fr": "Effet réel de l'aide (points)", "en": "True effect of support (points)"},
    "policy.decline": {"fr": "Déclin des secteurs (points par an)", "en": "Sectors' decline (points a year)"},
    "policy.supported": {"fr": "Entreprises aidées", "en": "Supported firms"},
    "policy.comparison": {"fr": "Non aidées des mêmes secteurs", "en": "Unsupported, same sectors"},
    "policy.seed": {"fr": "Graine du panel", "en": "Panel seed"},
    "policy.group": {"fr": "Groupe", "en": "Group"},
    "policy.year": {"fr": "Année (la politique commence en 0)", "en": "Year (the policy starts in 0)"},
    "policy.outcome": {"fr": "Indice de résultat (moyenne)", "en": "Outcome index (mean)"},
    "policy.true": {"fr": "Effet réel", "en": "True effect"},
    "policy.naive": {"fr": "Avant/après (naïf)", "en": "Before/after (naive)"},
    "policy.did": {"fr": "Différence de différences", "en": "Difference in differences"},
    "policy.expected": {"fr": "Avant/après attendu (formule)", "en": "Before/after expected (formula)"},
    "policy.across": {
        "fr": "Différence de différences, toutes non aidées",
        "en": "Difference in differences, all unsupported",
    },
    "policy.estimator": {"fr": "Estimation", "en": "Estimate"},
    "policy.estimate": {"fr": "Effet estimé (points)", "en": "Estimated effect (points)"},
    "policy.description": {
        "fr": (
            "En haut, courbes : l'indice moyen des entreprises aidées et des entreprises non aidées des mêmes "
            "secteurs, année par année, dans un panel fictif ; en bas, barres : l'effet réel de l'aide, "
            "l'estimation naïve avant/après et la différence de différences, pour les réglages choisis."
        ),
        "en": (
            "Top, lines: the mean index of supported firms and of unsupported firms of the same sectors, year by year, "
            "in a synthetic panel; below, bars: the true effect of support, the naive before/after estimate and the "
            "difference in differences, for the chosen settings."
        ),
    },
    "audit.title": {"fr": "Audit d'internationalisation", "en": "Internationalisation audit"},
    "audit.subtitle": {"fr": "Données d'emploi\u00a0: {source}", "en": "Employment data: {source}"},
    "audit.employment": {"fr": "Emploi de l'industrie dans la région", "en": "Industry's employment in the region"},
    "audit.region_total": {
        "fr": "Emploi de la région (industries du tableau)",
        "en": "Region's employment (industries of the table)",
    },
    "audit.lq": {"fr": "Quotient de localisation", "en": "Location quotient"},
    "audit.rank": {
        "fr": "Rang de la région selon le quotient de localisation",
        "en": "Region's rank by location quotient",
    },
    "audit.rank_employment": {
        "fr": "Rang de la région selon l'emploi de l'industrie",
        "en": "Region's rank by employment in the industry",
    },
    "audit.tiles_source": {
        "fr": "Confindustria Ceramica\u00a0: carrelage, {country}, part du chiffre d'affaires, 2015 (page non datée)",
        "en": "Confindustria Ceramica: ceramic tiles, {country}, share of turnover, 2015 (undated page)",
    },
    "audit.rank_of": {"fr": "{rank} sur {regions}", "en": "{rank} of {regions}"},
    "audit.hoover": {"fr": "Coefficient de Hoover de l'industrie", "en": "Industry's Hoover coefficient"},
    "audit.gini": {"fr": "Gini locationnel de l'industrie", "en": "Industry's locational Gini"},
    "audit.eg": {"fr": "Indice d'Ellison et Glaeser", "en": "Ellison–Glaeser index"},
    "audit.not_given": {"fr": "donnée absente", "en": "not given"},
    "audit.export_share": {"fr": "Part exportée", "en": "Export share"},
    "audit.governance": {"fr": "Gouvernance de la chaîne de valeur", "en": "Value chain governance"},
    "audit.figures": {"fr": "Chiffres clés", "en": "Key figures"},
    "audit.top": {
        "fr": "Industries où la région est le plus spécialisée",
        "en": "Industries in which the region is most specialised",
    },
    "audit.position": {
        "fr": "Régions, de la plus spécialisée à la moins spécialisée",
        "en": "Regions, from most to least specialised",
    },
    "audit.position_title": {
        "fr": "La région parmi toutes les régions, pour cette industrie",
        "en": "The region among all regions, for this industry",
    },
    "audit.markets": {
        "fr": "Premiers marchés probables à l'export ({home})",
        "en": "Likely first export markets ({home})",
    },
    "audit.description": {
        "fr": (
            "Tableau de bord sur une page\u00a0: les chiffres clés de l'audit\u202f; en barres, les industries où la "
            "région est le plus spécialisée, l'industrie étudiée en bleu\u202f; en barres verticales, le quotient de "
            "localisation de l'industrie dans toutes les régions, la région étudiée en orange\u202f; en barres, les "
            "premiers marchés à l'export probables du pays de la région."
        ),
        "en": (
            "One-page dashboard: the audit's key figures; as bars, the industries in which the region is most "
            "specialised, the industry audited in blue; as columns, the industry's location quotient in every "
            "region, the region audited in orange; as bars, the likely first export markets of the region's country."
        ),
    },
    "audit.what": {"fr": "Indicateur", "en": "Indicator"},
    "audit.value": {"fr": "Valeur", "en": "Value"},
    "audit.question": {"fr": "Question", "en": "Question"},
    "audit.chapter": {"fr": "Chapitre qui aide à répondre", "en": "Chapter that helps answer it"},
    "audit.ch.threats": {
        "fr": "7 · Verrouillage, chaînes de valeur, montée en gamme",
        "en": "7 · Lock-in, value chains, upgrading",
    },
    "audit.ch.cluster-springboard": {
        "fr": "6 · Le cluster, tremplin vers l'international",
        "en": "6 · The cluster as a springboard abroad",
    },
    "audit.ch.cluster-policy": {"fr": "8 · Les politiques de clusters", "en": "8 · Cluster policy"},
    "audit.q.buyers": {
        "fr": "Les entreprises dépendent-elles de quelques grands acheteurs, locaux ou étrangers\u202f?",
        "en": "Do the firms depend on a few large buyers, local or foreign?",
    },
    "audit.q.functions": {
        "fr": "Quelles fonctions (conception, commercialisation, marque) les entreprises exercent-elles elles-mêmes\u202f?",
        "en": "Which functions (design, marketing, brand) do the firms perform themselves?",
    },
    "audit.q.governance": {
        "fr": "Quel type de gouvernance lie les entreprises à leurs acheteurs (complexité, codification, compétences)\u202f?",
        "en": "Which governance links the firms to their buyers (complexity, codifiability, capabilities)?",
    },
    "audit.q.lockin_cognitive": {
        "fr": "Le déclin éventuel est-il lu comme durable ou comme passager\u202f?",
        "en": "Is any decline read as lasting or as passing?",
    },
    "audit.q.lockin_political": {
        "fr": "L'aide publique va-t-elle aux activités anciennes ou à de nouvelles\u202f?",
        "en": "Does public support go to old activities or to new ones?",
    },
    "audit.q.joint_action": {
        "fr": "Quelles actions conjointes existent (consortium, centre qualité, formation)\u202f?",
        "en": "What joint action exists (consortium, quality centre, training)?",
    },
    "audit.q.pipelines": {
        "fr": "Quels canaux globaux relient le cluster à des partenaires lointains (salons, filiales, clients)\u202f?",
        "en": "Which pipelines link the cluster to distant partners (fairs, subsidiaries, customers)?",
    },
    "audit.q.policy": {
        "fr": "Quelle politique le soutient, et a-t-elle été évaluée avec un groupe de comparaison\u202f?",
        "en": "Which policy supports it, and has it been evaluated against a comparison group?",
    },
    "audit.draft.specialisation": {
        "fr": (
            "**Spécialisation.** La région {region} emploie {employment} personnes dans l'industrie {industry}, "
            "soit {share}\u202f% de l'emploi de cette industrie dans le tableau. Son quotient de localisation est de "
            "{lq}\u00a0: elle se classe au rang {rank} sur {regions} régions selon ce quotient, et au rang "
            "{rank_employment} selon l'emploi."
        ),
        "en": (
            "**Specialisation.** The region {region} employs {employment} people in the industry {industry}, "
            "{share}% of the industry's employment in the table. Its location quotient is {lq}: it ranks {rank} "
            "of {regions} regions by that quotient, and {rank_employment} by employment."
        ),
    },
    "audit.draft.concentration": {
        "fr": "**Concentration.** Dans les régions du tableau, l'industrie a un coefficient de Hoover de {hoover} et un Gini locationnel de {gini}.",
        "en": "**Concentration.** Across the regions of the table, the industry has a Hoover coefficient of {hoover} and a locational Gini of {gini}.",
    },
    "audit.draft.eg": {
        "fr": "Avec les tailles d'établissements données, l'indice d'Ellison et Glaeser est de {eg}.",
        "en": "With the plant sizes given, the Ellison–Glaeser index is {eg}.",
    },
    "audit.draft.markets": {
        "fr": "**Marchés.** Selon l'indice pédagogique du chapitre 5 (distance psychique d'après GeoDist du CEPII, taille des marchés d'après le PIB de 2019), les premiers marchés probables à l'export pour une entreprise du pays de la région ({home}) sont\u00a0: {first}.",
        "en": "**Markets.** By chapter 5's teaching index (psychic distance from CEPII's GeoDist, market size from GDP in 2019), the likely first export markets for a firm of the region's country ({home}) are: {first}.",
    },
    "audit.draft.export": {
        "fr": "Part exportée\u00a0: {share}\u202f% ({source}).",
        "en": "Export share: {share}% ({source}).",
    },
    "audit.draft.governance": {
        "fr": "Gouvernance de la chaîne de valeur, selon les trois variables choisies\u00a0: {kind}.",
        "en": "Value chain governance, by the three variables chosen: {kind}.",
    },
    "audit.draft.todo": {
        "fr": (
            "**À compléter.** Menaces (les questions de la liste, chacune avec sa source), leviers d'action "
            "publique et privée, et votre conclusion\u00a0: ce cluster prépare-t-il ses PME aux marchés internationaux\u202f?"
        ),
        "en": (
            "**To complete.** Threats (the questions of the checklist, each answered with its source), levers for "
            "public and private action, and your conclusion: does this cluster prepare its SMEs for international markets?"
        ),
    },
    "trade.maghreb": {"fr": "Maghreb", "en": "Maghreb"},
    "trade.europe": {"fr": "Europe", "en": "Europe"},
    "trade.group": {"fr": "Groupe", "en": "Group"},
    "trade.year": {"fr": "Année", "en": "Year"},
    "trade.partner": {"fr": "Pays partenaire", "en": "Partner country"},
    "trade.share": {
        "fr": "Part des exportations françaises, hors Allemagne (%)",
        "en": "Share of France's exports, Germany aside (%)",
    },
    "trade.description": {
        "fr": (
            "Courbes\u00a0: part de chaque pays partenaire dans les exportations de la France, année par année de "
            "1870 à 2014, en pourcentage des exportations vers l'ensemble des partenaires enregistrés cette "
            "année-là hors Allemagne\u202f; trait plein pour le Maghreb, tirets pour l'Europe."
        ),
        "en": (
            "Lines: each partner country's share of France's exports, year by year from 1870 to 2014, in percent "
            "of the exports to all the partners recorded that year, Germany aside; solid for the Maghreb, dashed for Europe."
        ),
    },
    "maghreb.exporter": {"fr": "Pays exportateur", "en": "Exporter"},
    "maghreb.importer": {"fr": "Pays importateur", "en": "Importer"},
    "maghreb.value": {"fr": "Exportations (millions de dollars par an)", "en": "Exports (million US dollars a year)"},
    "maghreb.share": {
        "fr": "Part de ses exportations africaines vers le Maghreb (%)",
        "en": "Share of its exports to Africa going to the Maghreb (%)",
    },
    "maghreb.description": {
        "fr": (
            "Matrice\u00a0: exportations entre les cinq pays du Maghreb, en millions de dollars par an (moyenne "
            "2012–2022), l'exportateur en ligne et l'importateur en colonne\u202f; plus la case est foncée, plus "
            "le flux est grand."
        ),
        "en": (
            "Matrix: exports between the five Maghreb countries, in million US dollars a year (average 2012–2022), "
            "exporter by row and importer by column; the darker the cell, the larger the flow."
        ),
    },
    "data.uploaded_file": {"fr": "le fichier téléversé", "en": "the uploaded file"},
    "data.cells": {"fr": "Cellules région × division", "en": "Region × division cells"},
    "data.missing": {"fr": "dont confidentielles ou non disponibles", "en": "of which confidential or not available"},
    "conc.hoover": {"fr": "Coefficient de Hoover", "en": "Hoover coefficient"},
    "conc.gini": {"fr": "Gini locationnel", "en": "Locational Gini"},
    "conc.regions": {"fr": "Régions où elle est publiée", "en": "Regions where it is published"},
    "dartboard.mean_G": {"fr": "G moyen simulé", "en": "Mean simulated G"},
    "dartboard.expected_G": {"fr": "G attendu (1 − Σx²)·H", "en": "Expected G (1 − Σx²)·H"},
    "dartboard.mean_gamma": {"fr": "γ moyen simulé", "en": "Mean simulated γ"},
    "dartboard.H": {"fr": "Herfindahl H des établissements", "en": "Plant Herfindahl H"},
    "maup.unit": {"fr": "Découpage", "en": "Spatial unit"},
    "maup.nuts2": {"fr": "Région NUTS 2", "en": "NUTS-2 region"},
    "maup.country": {"fr": "Pays", "en": "Country"},
    "maup.area": {"fr": "Territoire", "en": "Area"},
    # NACE Rev. 2 divisions of manufacturing (official titles; the longest shortened, marked '(hors …)' / '(except …)')
    "nace.C10": {"fr": "Industries alimentaires", "en": "Manufacture of food products"},
    "nace.C11": {"fr": "Fabrication de boissons", "en": "Manufacture of beverages"},
    "nace.C12": {"fr": "Fabrication de produits à base de tabac", "en": "Manufacture of tobacco products"},
    "nace.C13": {"fr": "Fabrication de textiles", "en": "Manufacture of textiles"},
    "nace.C14": {"fr": "Industrie de l'habillement", "en": "Manufacture of wearing apparel"},
    "nace.C15": {"fr": "Industrie du cuir et de la chaussure", "en": "Manufacture of leather and related products"},
    "nace.C16": {
        "fr": "Travail du bois et fabrication d'articles en bois (hors meubles)",
        "en": "Manufacture of wood and wood products (except furniture)",
    },
    "nace.C17": {"fr": "Industrie du papier et du carton", "en": "Manufacture of paper and paper products"},
    "nace.C18": {
        "fr": "Imprimerie et reproduction d'enregistrements",
        "en": "Printing and reproduction of recorded media",
    },
    "nace.C19": {"fr": "Cokéfaction et raffinage", "en": "Manufacture of coke and refined petroleum products"},
    "nace.C20": {"fr": "Industrie chimique", "en": "Manufacture of chemicals and chemical products"},
    "nace.C21": {
        "fr": "Industrie pharmaceutique",
        "en": "Manufacture of basic pharmaceutical products and preparations",
    },
    "nace.C22": {
        "fr": "Fabrication de produits en caoutchouc et en plastique",
        "en": "Manufacture of rubber and plastic products",
    },
    "nace.C23": {
        "fr": "Fabrication d'autres produits minéraux non métalliques",
        "en": "Manufacture of other non-metallic mineral products",
    },
    "nace.C24": {"fr": "Métallurgie", "en": "Manufacture of basic metals"},
    "nace.C25": {
        "fr": "Fabrication de produits métalliques (hors machines et équipements)",
        "en": "Manufacture of fabricated metal products (except machinery)",
    },
    "nace.C26": {
        "fr": "Fabrication de produits informatiques, électroniques et optiques",
        "en": "Manufacture of computer, electronic and optical products",
    },
    "nace.C27": {"fr": "Fabrication d'équipements électriques", "en": "Manufacture of electrical equipment"},
    "nace.C28": {
        "fr": "Fabrication de machines et équipements n.c.a.",
        "en": "Manufacture of machinery and equipment n.e.c.",
    },
    "nace.C29": {"fr": "Industrie automobile", "en": "Manufacture of motor vehicles, trailers and semi-trailers"},
    "nace.C30": {"fr": "Fabrication d'autres matériels de transport", "en": "Manufacture of other transport equipment"},
    "nace.C31": {"fr": "Fabrication de meubles", "en": "Manufacture of furniture"},
    "nace.C32": {"fr": "Autres industries manufacturières", "en": "Other manufacturing"},
    "nace.C33": {
        "fr": "Réparation et installation de machines et d'équipements",
        "en": "Repair and installation of machinery and equipment",
    },
}


def set_language(language: str) -> None:
    """Choose the language of every label, number and chart that follows.

    ``language`` is ``"fr"`` or ``"en"``; anything else raises :class:`ValueError`.
    """
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}: use one of {', '.join(map(repr, LANGUAGES))}.")
    _state["language"] = language


def get_language() -> str:
    """The language in force (``"fr"`` or ``"en"``)."""
    return _state["language"]


def label(key: str, language: str | None = None) -> str:
    """The reader-visible text of ``key`` in the current language (or in ``language``)."""
    lang = language or get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")
    try:
        return MESSAGES[key][lang]
    except KeyError:
        close = sorted(k for k in MESSAGES if k.split(".")[0] == key.split(".")[0])
        hint = f" Keys with the same prefix: {', '.join(close)}." if close else ""
        raise KeyError(f"No label {key!r} in clusterlab.labels.MESSAGES.{hint}") from None


def fmt_number(value: float, decimals: int = 0, language: str | None = None) -> str:
    """Write ``value`` with ``decimals`` digits after the decimal mark, grouped by thousands.

    French: decimal comma and narrow no-break space between thousands (``1 234,5``);
    English: decimal point and comma (``1,234.5``). A missing value (None or NaN) is ``–``.
    """
    lang = language or get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more, not {decimals}.")
    if value is None or (isinstance(value, numbers.Real) and math.isnan(value)):
        return "–"
    if not isinstance(value, numbers.Real):
        raise TypeError(f"fmt_number needs a number, not {type(value).__name__} {value!r}.")
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text.replace("-", "\u2212")


def vega_locale(language: str | None = None) -> dict:
    """The d3 number and time locale for Vega-Lite's ``config.locale`` in ``language``."""
    lang = language or get_language()
    if lang == "fr":
        return {
            "number": {
                "decimal": ",",
                "thousands": NNBSP,
                "grouping": [3],
                "currency": ["", f"{NBSP}€"],
                "minus": "\u2212",
            },
            "time": {
                "dateTime": "%A %e %B %Y à %X",
                "date": "%d/%m/%Y",
                "time": "%H:%M:%S",
                "periods": ["AM", "PM"],
                "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
                "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
                "months": [
                    "janvier",
                    "février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "décembre",
                ],
                "shortMonths": [
                    "janv.",
                    "févr.",
                    "mars",
                    "avr.",
                    "mai",
                    "juin",
                    "juil.",
                    "août",
                    "sept.",
                    "oct.",
                    "nov.",
                    "déc.",
                ],
            },
        }
    if lang == "en":
        return {
            "number": {
                "decimal": ".",
                "thousands": ",",
                "grouping": [3],
                "currency": ["€", ""],
                "minus": "\u2212",
            },
            "time": {
                "dateTime": "%a %b %e %X %Y",
                "date": "%m/%d/%Y",
                "time": "%H:%M:%S",
                "periods": ["AM", "PM"],
                "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
                "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
                "months": [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ],
                "shortMonths": [
                    "Jan",
                    "Feb",
                    "Mar",
                    "Apr",
                    "May",
                    "Jun",
                    "Jul",
                    "Aug",
                    "Sep",
                    "Oct",
                    "Nov",
                    "Dec",
                ],
            },
        }
    raise ValueError(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")


def table(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    decimals: Mapping[str, int] | None = None,
    caption: str | None = None,
) -> Styler:
    """A table for the reader: columns renamed through :func:`label`, numbers formatted.

    ``columns`` maps each column to show to a label key (in that order); ``decimals`` gives
    the digits after the decimal mark per column (0 by default for numeric columns).
    Returns a pandas ``Styler`` whose HTML is stable from one run to the next.
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"Columns {missing} are not in the table; it has {list(frame.columns)}.")
    decimals = dict(decimals or {})
    shown = frame[list(columns)].copy()
    formatters = {}
    for col in columns:
        if pd.api.types.is_numeric_dtype(shown[col]):
            digits = decimals.get(col, 0)
            formatters[label(columns[col])] = lambda v, d=digits: fmt_number(v, d)
    shown.columns = [label(key) for key in columns.values()]
    digest = hashlib.sha1(
        pd.util.hash_pandas_object(shown, index=False).to_numpy().tobytes() + "|".join(shown.columns).encode()
    ).hexdigest()[:8]
    styler = shown.style.format(formatters).hide(axis="index").set_uuid(f"cl{digest}")
    if caption:
        styler = styler.set_caption(caption)
    return styler
