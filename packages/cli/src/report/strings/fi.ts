import type { ReportStrings } from './report-strings.js';

export const FI_REPORT: ReportStrings = {
  title: 'Asiakaskokemusraportti',
  file: 'Tiedosto',
  rowsRead: 'Rivejä luettu',
  created: 'Laadittu',
  readAs: 'Luettu muodossa',
  column: 'Sarake',
  answered: 'Vastanneita',
  missing: 'Ei vastausta / ei koske',
  invalid: 'Virheellisiä, jätetty pois',
  summary: 'Yhteenveto',
  group: 'Ryhmä',
  total: 'Kaikki',
  score: 'Tulos',
  interval: (level) => `${level}:n luottamusväli`,
  trend: 'Kehitys',
  monitor: 'Valvontakortit',
  controlLimits: 'Valvontarajat',
  signals: 'Signaalit',
  noSignal: 'ei signaalia: kaikki jaksot rajojensa sisällä, ei poikkeavia sarjoja',
  funnel: 'Ryhmien vertailu: suppilokuvio',
  funnelLimits: '99,8 %:n rajat',
  standing: { above998: 'yli 99,8 %:n rajan', below998: 'alle 99,8 %:n rajan', above95: 'yli 95 %:n rajan', below95: 'alle 95 %:n rajan' },
  allWithin: 'kaikki ryhmät 95 %:n rajojensa sisällä',
  funnelAdjusted: (tau2) => `Rajoja on levennetty ryhmien todellisten erojen verran (τ² = ${tau2}).`,
  funnelUnadjusted: 'Ryhmät eroavat toisistaan vain sattuman verran: rajoja ei ole levennetty.',
  signalNames: { 'beyond-limits': 'rajojen ulkopuolella', 'long-run': 'pitkä sarja samalla puolella', 'few-crossings': 'liian vähän ylityksiä', 'two-of-three': '2/3 yli 2σ', 'four-of-five': '4/5 yli 1σ', 'eight-in-a-row': '8 peräkkäin samalla puolella' },
  period: 'Jakso',
  change: 'Muutos',
  pValue: 'p',
  adjustedPValue: 'p korj.',
  noAnswers: 'ei vastauksia',
  significantChange: 'merkitsevä muutos',
  drivers: 'Avaintekijät',
  driver: 'Tekijä',
  correlation: 'Korrelaatio',
  partOfRSquared: 'Osuus R²:sta',
  shareOfRSquared: 'Osuus R²:sta, %',
  performance: 'Suoriutuminen',
  rank: 'Sija',
  quadrant: 'Nelikenttä',
  journey: 'Asiakaspolku',
  stage: 'Vaihe / kontaktipiste',
  vsRest: 'Ero muihin',
  belowRest: 'merkitsevästi muita heikompi',
  journeyIndex: 'Asiakaspolun indeksi',
  weakest: 'Heikoin vaihe',
  followUps: 'Yhteydenotot',
  themes: 'Mitä asiakkaat sanovat',
  theme: 'Teema',
  mentions: 'Mainintoja',
  shareOfCommenters: 'Osuus kommentoijista',
  impact: 'Vaikutus',
  noTheme: '(ei teemaa)',
  commenters: (commenters, rows, uncoded) => `${commenters}/${rows} vastaajaa kirjoitti kommentin; ${uncoded} kommenteista ei osu mihinkään koodikirjan teemaan.`,
  quotes: 'Asiakkaiden sanoin',
  contacts: (count, _of, share) => `Yhteydenottoa odottaa ${count} vastaajaa (${share}).`,
  hidden: 'piilotettu',
  banner: {
    title: 'Ristiintaulukko',
    letters: (level) => `Kirjain solussa: merkitsevästi suurempi kuin sen kirjaimen sarake ${level}:n luottamustasolla (vain saman taustamuuttujan sarakkeet).`,
    tests: 'Osuudet (tyytyväiset, luokat) yhdistetyn osuuden z-testillä (R:n prop.test ilman jatkuvuuskorjausta), NPS kahden otoksen z-testillä, CES Welchin t-testillä keskiarvoista.',
    adjustment: (adjust, minBase) =>
      `${adjust === 'none' ? 'Jokainen pari testataan erikseen (ei korjausta, kuten SPSS:n ja expssin oletus)' : `Rivin parien p-arvot on korjattu yhdessä ${adjust === 'holm' ? 'Holmin menetelmällä' : adjust === 'bonferroni' ? 'Bonferronin menetelmällä' : 'Benjamini–Hochbergin menetelmällä'}`}; sarakkeita, joissa on alle ${minBase} vastausta, ei testata.`,
  },
  scorecard: {
    title: 'Haamuasiointi',
    location: 'Toimipiste',
    visits: 'Käyntejä',
    passRate: 'Hyväksytty',
    criticalFailures: 'Kriittiset virheet',
    wave: 'Kierros',
    weakest: (criteria) => `Heikoimmat kriteerit kaikilla käynneillä: ${criteria}.`,
  },
  percentagePoints: '%-yks.',
  findings: 'Keskeiset havainnot',
  finding: {
    metricNames: { nps: 'NPS', csat: 'tyytyväisten osuus', ces: 'CES' },
    group: (who, what, above, score, reference) => `Ryhmässä ${who} ${what} on muita vastaajia ${above ? 'korkeampi' : 'matalampi'}: ${score}, muilla ${reference}.`,
    change: (period, what, up, score, change) => `Jaksolla ${period} ${what} ${up ? 'nousi' : 'laski'} ${change}, tasolle ${score}.`,
    stage: (label, what, above, score, reference) => `Vaiheessa ${label} ${what} on muuta asiakaspolkua ${above ? 'korkeampi' : 'matalampi'}: ${score}, muualla ${reference}.`,
    touchpoint: (label, what, above, score, reference) => `Kontaktipisteessä ${label} ${what} on muuta asiakaspolkua ${above ? 'korkeampi' : 'matalampi'}: ${score}, muualla ${reference}.`,
    theme: (label, what, score, reference, impact) => `Teemasta ${label} kirjoittaneiden ${what} on ${score}, muiden kommentoijien ${reference}: teema muuttaa tulosta ${impact}.`,
    driver: (driver, outcome, r) => `${driver} on yhteydessä kokonaistulokseen ${outcome} (r = ${r}).`,
    none: {
      group: (what, level) => `Mikään ryhmä ei eroa muista vastaajista (${what}) ${level}:n luottamustasolla.`,
      change: (what, level) => `Jaksosta toiseen ${what} ei muuttunut merkitsevästi ${level}:n luottamustasolla.`,
      stage: (what, level) => `Mikään vaihe ei eroa muusta asiakaspolusta (${what}) ${level}:n luottamustasolla.`,
      touchpoint: (what, level) => `Mikään kontaktipiste ei eroa muusta asiakaspolusta (${what}) ${level}:n luottamustasolla.`,
      theme: (what, level) => `Mikään teema ei muuta tulosta (${what}) merkitsevästi ${level}:n luottamustasolla.`,
      driver: (outcome, level) => `Mikään tekijä ei ole merkitsevästi yhteydessä kokonaistulokseen ${outcome} ${level}:n luottamustasolla.`,
    },
    test: (p, tests, adjustment) => `${p === null ? '' : `p korj. ${p}; `}${tests} ${tests === 1 ? 'testi' : 'testiä'}, ${adjustment}`,
    adjustments: {
      holm: 'Holmin korjaus',
      hochberg: 'Hochbergin korjaus',
      bonferroni: 'Bonferronin korjaus',
      'benjamini-hochberg': 'Benjamini–Hochbergin korjaus',
      'benjamini-yekutieli': 'Benjamini–Yekutielin korjaus',
      none: 'ei korjausta',
    },
    more: (count) => `Lisäksi ${count} muuta, ks. alempaa.`,
  },
  methodology: 'Miten luvut lasketaan',
  generatedBy: 'Laadittu cx-metricsillä',
  metricNames: { nps: 'NPS', csat: 'Tyytyväisten osuus', ces: 'CES' },
  method: {
    nps: (promoters, detractors, scale, columns) =>
      `NPS${columns === null ? '' : ` (${columns})`} = suosittelijoiden (${promoters}) osuus − arvostelijoiden (${detractors}) osuus asteikolla ${scale} vastanneista, −100…100. Keskivirhe √((p + d − (p − d)²)/n).`,
    csat: (satisfied, scale, columns) => `Tyytyväisten osuus${columns === null ? '' : ` (${columns})`} = niiden osuus asteikolla ${scale} vastanneista, jotka valitsivat ${satisfied}.`,
    ces: (method, scale, higherIsEasier, easy, difficult, columns) =>
      `CES${columns === null ? '' : ` (${columns})`} asteikolla ${scale} (${higherIsEasier ? 'suurempi' : 'pienempi'} = helpompi): ${
        method === 'mean'
          ? 'vastausten keskiarvo; keskivirhe s/√n ja Studentin t-jakaumaan perustuva luottamusväli'
          : method === 'percent-easy'
            ? `helppojen vastausten (${easy}) osuus`
            : `helppojen (${easy}) osuus − vaikeiden (${difficult}) osuus`
      }.`,
    intervals: {
      'adjusted-wald': 'Luottamusväli: korjattu Wald (Rocks 2016), johon lisätään ¾ arvostelijaa, 1½ passiivista ja ¾ suosittelijaa.',
      iterative: 'Luottamusväli: Rocksin R-paketin NPS iteratiivinen score-väli (Tangon testisuure; suosittelijat ja arvostelijat parittaisen taulukon ristiriitaisina soluina).',
      wald: 'Luottamusväli: Wald, tulos ± z keskivirhettä.',
      wilson: 'Luottamusväli: Wilsonin väli (sama kuin R:n prop.test ilman jatkuvuuskorjausta).',
      'agresti-coull': 'Luottamusväli: Agresti–Coull (Wald, kun lisätään z²/2 tyytyväistä ja z²/2 muuta).',
      jeffreys: 'Luottamusväli: Jeffreys (Beta(x + ½, n − x + ½) -jakauman kvantiilit).',
      'clopper-pearson': 'Luottamusväli: Clopper–Pearsonin tarkka väli (sama kuin R:n binom.test).',
    },
    adjustments: {
      holm: 'on korjattu Holmin menetelmällä',
      hochberg: 'on korjattu Hochbergin menetelmällä',
      bonferroni: 'on korjattu Bonferronin menetelmällä',
      'benjamini-hochberg': 'on korjattu Benjamini–Hochbergin menetelmällä (väärien löydösten osuus)',
      'benjamini-yekutieli': 'on korjattu Benjamini–Yekutielin menetelmällä (väärien löydösten osuus)',
      none: 'ei ole korjattu: jokainen testi erikseen',
    },
    monitor:
      'Valvontakorteissa kutakin jaksoa verrataan kaikkien jaksojen keskiviivan ympärille asetettuihin kolmen keskivirheen rajoihin, jotka ovat sitä leveämmät, mitä vähemmän jaksossa on vastauksia: CSAT p-korttina, NPS z-korttina omalla hajonnallaan ja CES-keskiarvo Xbar-korttina. Signaali on rajojen ulkopuolelle osuva jakso tai Anhøjn sääntöjen mukaan liian pitkä jaksojen sarja keskiviivan samalla puolella (tai liian harvat ylitykset), jota ei voi pitää sattumana: syy selvittää, mikä muuttui, ei todiste siitä, että jokin heikkeni.',
    funnel:
      'Suppilokuviossa kunkin ryhmän tyytyväisten osuus tai NPS on vastausmäärää vasten, ja kokonaistuloksen ympärillä on rajat (95 % ja 99,8 %), jotka kapenevat ryhmän kasvaessa (tyytyväisten osuus arkussini-asteikolla, NPS omalla hajonnallaan). Näin eri kokoisia ryhmiä voi verrata ilman paremmuusjärjestystä. Kun ryhmät eroavat toisistaan enemmän kuin sattuma selittää, kuten suurilla vastausmäärillä yleensä, rajoja levennetään ryhmien välisellä varianssilla τ² (DerSimonianin–Lairdin menetelmä 10 %:n winsoroiduista z-arvoista, kuten FunnelPlotR). Ryhmä 99,8 %:n rajojen ulkopuolella eroaa muista enemmän kuin sattuma ja ryhmien tavanomaiset erot selittävät. Vastaukset lasketaan painottamatta.',
    trend: (adjustment) =>
      `Jokaista jaksoa verrataan edelliseen: NPS:ää erotuksen z-testillä, tyytyväisten osuutta kahden osuuden z-testillä ja CES-keskiarvoa Welchin t-testillä. Saman mittarin muutokset ovat yksi testiperhe, jonka p-arvot ${adjustment} ("p korj."); muutos on merkitsevä, kun korjattu p-arvo alittaa raportin riskitason. Jaksot, joilta ei ole vastauksia, näkyvät aukkoina.`,
    drivers: {
      pearson:
        'Tärkeys on Pearsonin korrelaatio tekijän ja kokonaistuloksen välillä riveillä, joilla molempiin on vastattu (p-arvo ja Fisherin z-väli kuten R:n cor.test); suoriutuminen on tekijän keskiarvo asteikolla 0–100. Nelikenttä jaetaan keskiarvojen kohdalta. Korrelaatio ei ole syy.',
      spearman:
        'Tärkeys on Spearmanin järjestyskorrelaatio tekijän ja kokonaistuloksen välillä riveillä, joilla molempiin on vastattu (p-arvo kuten R:n cor.test); suoriutuminen on tekijän keskiarvo asteikolla 0–100. Nelikenttä jaetaan keskiarvojen kohdalta. Korrelaatio ei ole syy.',
      'relative-weights':
        'Tärkeys on tekijän osuus selitysasteesta R², kun kokonaistulosta selitetään kaikilla tekijöillä riveillä, joilla kaikkiin on vastattu, Johnsonin suhteellisin painoin (2000): yhdessä vaihtelevat tekijät jakavat selittämänsä vaihtelun, ja osuudet summautuvat R²:ksi. Suoriutuminen on tekijän keskiarvo asteikolla 0–100; nelikenttä jaetaan keskiarvojen kohdalta. Yhteys ei ole syy.',
      shapley:
        'Tärkeys on tekijän osuus selitysasteesta R², kun kokonaistulosta selitetään kaikilla tekijöillä riveillä, joilla kaikkiin on vastattu, Shapleyn (LMG) hajotelmalla: tekijän lisäämän R²:n keskiarvo kaikissa lisäysjärjestyksissä, joten osuudet summautuvat R²:ksi. Suoriutuminen on tekijän keskiarvo asteikolla 0–100; nelikenttä jaetaan keskiarvojen kohdalta. Yhteys ei ole syy.',
    },
    journey: (adjustment) =>
      `Jokaista vaihetta ja kontaktipistettä verrataan muuhun asiakaspolkuun mittarin kahden otoksen testillä. Vaiheiden testit ovat yksi testiperhe ja kontaktipisteiden toinen; niiden p-arvot ${adjustment} ("p korj."), ja "merkitsevästi muita heikompi" perustuu korjattuun p-arvoon. Asiakaspolun indeksi on vaiheiden painotettu keskiarvo.`,
    themes: (adjustment) =>
      `Kommentit koodataan koodikirjan hakusanoilla: sanat vertaillaan Snowball-vartaloina, alkuosat (jono*) sanan kirjoitusasuna ja fraasit sana sanalta; mitään ei jätetä pois, ei myöskään kieltosanoja. Teeman osuus lasketaan kommentoijista Wilsonin luottamusvälin kanssa. Vaikutus on kaikkien kommentoijien tulos miinus niiden tulos, jotka eivät mainitse teemaa (= osuus × ryhmien ero), ja sitä testataan z-testillä linearisoidulla keskivirheellä; yhden mittarin testit teemojen yli ovat yksi testiperhe, p-arvot ${adjustment}. Sävyä (sentimenttiä) ei lasketa: suomen sanalistat eivät ole riittävän luotettavia.`,
    suppression: (minN, minNComments, complementary) =>
      `Vastaajien suojaamiseksi ryhmän tulokset piilotetaan ("piilotettu"), jos vastaajia on alle ${minN} (henkilöitä, ei painoja), ja sen kommentit ja lainaukset, jos kommentoijia on alle ${minNComments}${
        complementary === 'none'
          ? ''
          : complementary === 'glint'
            ? '. Jos jaottelun piilotetuissa ryhmissä on yhteensä vain yksi henkilö, myös seuraavaksi pienin ryhmä piilotetaan, jottei ketään voi päätellä vähentämällä kokonaistuloksesta'
            : `. Kunnes jaottelun piilotetuissa ryhmissä on yhteensä vähintään ${minN} henkilöä, myös seuraavaksi pienin ryhmä piilotetaan, jottei ketään voi päätellä vähentämällä kokonaistuloksesta`
      }. Testit ja korjatut p-arvot lasketaan vain näytetyistä ryhmistä.`,
    scorecard: (adjustment) =>
      `Jokainen käynti pisteytetään oman lomakkeensa mukaan: saadut pisteet mahdollisista; "ei koske" -kriteeri jää pois molemmista. Toimipisteen tulos yhdistää sen käynnit (Σ saadut / Σ mahdolliset, osiot lomakkeen painoin), ja luottamusväli lasketaan jackknife-menetelmällä käyntien yli Studentin t-jakaumasta. "Hyväksytty" on niiden käyntien osuus, joissa yksikään kriittinen kriteeri ei jäänyt täyttymättä ja tulos ylsi lomakkeen hyväksymisrajaan (jos sellainen on), "kriittiset virheet" niiden, joissa kriittinen kriteeri jäi täyttymättä.${
        adjustment === null ? '' : ` Kutakin kierrosta verrataan edelliseen Welchin t-testillä jackknife-keskivirheistä; saman kierroksen muutokset toimipisteiden yli ovat yksi testiperhe, jonka p-arvot ${adjustment}.`
      }`,
    noSuppression: 'Mitään ryhmää ei piiloteta (--min-n 1): pienet ryhmät näytetään leveine luottamusväleineen, ja niistä voi tunnistaa vastaajia.',
    weighting: (margins, iterations, min, max, designEffect, efficiency) =>
      `Vastaukset on painotettu perusjoukon reunajakaumiin (raking eli iteratiivinen suhteellinen sovitus, ${iterations} kierrosta) — ${margins} — niin, että kunkin jakauman osuudet vastaavat perusjoukkoa. Painot vaihtelevat ${min}–${max}-kertaisesti keskiarvoon nähden; painotuksen asetelmavaikutus on ${designEffect} (tehokkuus ${efficiency}): luottamusvälit ovat yhtä leveitä kuin vastaavasti pienemmässä otoksessa. Yhteenvedon keskivirheissä on otettu huomioon, että painot on vakioitu reunajakaumiin (kuten R:n survey-paketin svymean); muut osiot käsittelevät painoja kiinteinä. Painotus korjaa annettujen jakaumien vinoumat, ei sitä, keitä jätti vastaamatta.`,
    missing: 'Tyhjät vastaukset ja "ei koske" -koodit lasketaan puuttuviksi eivätkä ne ole minkään osuuden nimittäjässä; asteikon ulkopuoliset vastaukset lasketaan virheellisiksi.',
  },
};
