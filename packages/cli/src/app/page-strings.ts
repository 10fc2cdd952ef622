import type { SideFileFlag } from './fragment.js';
import type { ColumnLook } from './profile.js';

/** Every word of the page's own interface, in English and in Finnish (as Finnish survey tools write it). */
export interface PageStrings {
  readonly title: string;
  readonly privacy: string;
  readonly otherLanguage: string;
  readonly chooseHeading: string;
  readonly chooseFile: string;
  readonly dropHint: string;
  readonly formats: string;
  readonly reading: (done: string) => string;
  readonly making: string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly tooManyRows: (limit: number) => string;
  readonly sideFiles: string;
  readonly chooseFiles: string;
  readonly sideFilesHelp: string;
  /** What a chosen side file is used as: its menu's label and choices. */
  readonly sideUse: (file: string) => string;
  readonly sideRoles: Readonly<Record<'none' | SideFileFlag, string>>;
  /** A flag names a side file that is not chosen. */
  readonly sideMissing: (file: string, flag: string) => string;
  readonly setupHeading: string;
  readonly layout: (layout: string, columns: number) => string;
  readonly column: string;
  readonly looksLike: string;
  readonly examples: string;
  readonly useAs: string;
  readonly roles: Readonly<Record<Role, string>>;
  readonly looks: Readonly<Record<ColumnLook, string>>;
  readonly naCodes: string;
  readonly naHelp: string;
  readonly labelMap: string;
  readonly labelMapHelp: string;
  readonly period: string;
  readonly periods: Readonly<Record<'day' | 'week' | 'month' | 'quarter' | 'year', string>>;
  readonly timeZone: string;
  readonly reportLanguage: string;
  readonly make: string;
  readonly needMetric: string;
  readonly commandLine: string;
  readonly ignored: string;
  readonly resultHeading: string;
  readonly made: (seconds: string) => string;
  readonly downloadReport: string;
  readonly downloadTables: string;
  readonly downloadFollowUps: string;
  readonly reportFrame: string;
  readonly notes: string;
}

/** What a column is used as: the report's flags. */
export type Role = 'none' | 'nps' | 'csat' | 'ces' | 'by' | 'at' | 'outcome' | 'driver' | 'text' | 'id' | 'stage';

export const PAGE_EN: PageStrings = {
  title: 'Customer experience report from a survey export',
  privacy: 'Your file stays on this computer: it is read in this page and nothing is sent anywhere. The page cannot make network requests at all.',
  otherLanguage: 'Suomeksi',
  chooseHeading: '1. Choose the export',
  chooseFile: 'Choose a file',
  dropHint: 'or drop it here',
  formats: 'CSV in any delimiter and encoding, Excel (.xlsx), JSON, Parquet; Qualtrics, SurveyMonkey and Google Forms exports; gzip',
  reading: (done) => `Reading… ${done}`,
  making: 'Making the report…',
  cancel: 'Cancel',
  cancelled: 'Cancelled.',
  sideFiles: 'Other files the set-up uses (optional)',
  chooseFiles: 'Choose files',
  sideFilesHelp: 'A journey, a codebook for comments, a mystery-shopping card, raking margins or a label map: the files the command line takes with --journey, --codebook, --card, --rake and --map-file. They stay on this computer too.',
  sideUse: (file) => `Use ${file} as`,
  sideRoles: { none: '—', journey: 'Journey (--journey)', codebook: 'Codebook (--codebook)', card: 'Scorecard card (--card)', rake: 'Raking margins (--rake)', 'map-file': 'Label map (--map-file)' },
  sideMissing: (file, flag) => `The set-up reads ${file} (--${flag}): choose that file under “Other files the set-up uses”.`,
  tooManyRows: (limit) => `The file has more than ${limit.toLocaleString('en-GB')} rows: more than this page can hold. Use the command line, which reads any size: npx cx-metrics-cli report …`,
  setupHeading: '2. Choose what to measure',
  layout: (layout, columns) => `Read as ${layout}; ${columns} columns. A set-up is proposed from what the answers look like: change it as you like.`,
  column: 'Column',
  looksLike: 'Looks like',
  examples: 'Examples',
  useAs: 'Use as',
  roles: { none: '—', nps: 'NPS (0–10)', csat: 'CSAT', ces: 'CES', by: 'Group', at: 'Date (trend)', outcome: 'Outcome (key drivers)', driver: 'Driver (key drivers)', text: 'Comments', id: 'Respondent id (follow-ups)', stage: 'Journey stage' },
  looks: { nps: '0–10 scale', csat: '1–5 scale', ces: '1–7 scale', date: 'dates', comments: 'text answers', segment: 'a few labels', id: 'unique values', number: 'numbers', empty: 'empty', text: 'text' },
  naCodes: 'Not applicable codes',
  naHelp: 'e.g. 0 or 99: answers with these codes are left out',
  labelMap: 'Answers written as labels',
  labelMapHelp: 'their numbers, e.g. Very satisfied=5,Satisfied=4',
  period: 'Trend period',
  periods: { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
  timeZone: 'Time zone',
  reportLanguage: 'Report language',
  make: 'Make the report',
  needMetric: 'Choose at least one column as NPS, CSAT or CES.',
  commandLine: 'The same report from the command line:',
  ignored: 'Left out of the set-up in the address:',
  resultHeading: '3. The report',
  made: (seconds) => `Report made in ${seconds} s.`,
  downloadReport: 'Download the report (HTML)',
  downloadTables: 'Download the tables (CSV)',
  downloadFollowUps: 'Download the follow-up list (CSV)',
  reportFrame: 'The report',
  notes: 'Notes',
};

export const PAGE_FI: PageStrings = {
  title: 'Asiakaskokemusraportti kyselyn vientitiedostosta',
  privacy: 'Tiedostosi pysyy tällä tietokoneella: se luetaan tällä sivulla, eikä mitään lähetetä minnekään. Sivu ei voi ottaa verkkoyhteyksiä lainkaan.',
  otherLanguage: 'In English',
  chooseHeading: '1. Valitse vientitiedosto',
  chooseFile: 'Valitse tiedosto',
  dropHint: 'tai pudota se tähän',
  formats: 'CSV millä tahansa erottimella ja merkistöllä, Excel (.xlsx), JSON, Parquet; Qualtricsin, SurveyMonkeyn ja Google Formsin viennit; gzip',
  reading: (done) => `Luetaan… ${done}`,
  making: 'Raporttia laaditaan…',
  cancel: 'Peruuta',
  cancelled: 'Peruutettu.',
  sideFiles: 'Muut asetusten käyttämät tiedostot (valinnainen)',
  chooseFiles: 'Valitse tiedostot',
  sideFilesHelp: 'Asiakaspolku, avointen vastausten koodikirja, mystery shopping -lomake, painotuksen reunajakaumat tai vastausvaihtoehtojen muunnostaulukko: tiedostot, jotka komentorivi lukee valitsimilla --journey, --codebook, --card, --rake ja --map-file. Nekin pysyvät tällä tietokoneella.',
  sideUse: (file) => `Tiedoston ${file} käyttö`,
  sideRoles: { none: '—', journey: 'Asiakaspolku (--journey)', codebook: 'Koodikirja (--codebook)', card: 'Arviointilomake (--card)', rake: 'Reunajakaumat (--rake)', 'map-file': 'Muunnostaulukko (--map-file)' },
  sideMissing: (file, flag) => `Asetukset lukevat tiedoston ${file} (--${flag}): valitse se kohdassa ”Muut asetusten käyttämät tiedostot”.`,
  tooManyRows: (limit) => `Tiedostossa on yli ${limit.toLocaleString('fi-FI')} riviä: enemmän kuin tämä sivu pystyy käsittelemään. Käytä komentoriviä, joka lukee minkä kokoisia tiedostoja tahansa: npx cx-metrics-cli report …`,
  setupHeading: '2. Valitse, mitä mitataan',
  layout: (layout, columns) => `Luettu muodossa ${layout}; ${columns} saraketta. Asetukset on ehdotettu vastausten perusteella: muuta niitä halutessasi.`,
  column: 'Sarake',
  looksLike: 'Sisältö',
  examples: 'Esimerkkejä',
  useAs: 'Käyttö',
  roles: { none: '—', nps: 'NPS (0–10)', csat: 'Tyytyväisyys (CSAT)', ces: 'Asioinnin helppous (CES)', by: 'Ryhmittely', at: 'Päivämäärä (kehitys)', outcome: 'Lopputulos (avaintekijät)', driver: 'Tekijä (avaintekijät)', text: 'Avoimet vastaukset', id: 'Vastaajan tunniste (yhteydenotot)', stage: 'Asiakaspolun vaihe' },
  looks: { nps: 'asteikko 0–10', csat: 'asteikko 1–5', ces: 'asteikko 1–7', date: 'päivämääriä', comments: 'avoimia vastauksia', segment: 'muutamia luokkia', id: 'yksilöllisiä arvoja', number: 'lukuja', empty: 'tyhjä', text: 'tekstiä' },
  naCodes: 'Ei koske -koodit',
  naHelp: 'esim. 0 tai 99: näillä koodeilla merkityt vastaukset jätetään pois',
  labelMap: 'Sanalliset vastaukset',
  labelMapHelp: 'niiden numerot, esim. Erittäin tyytyväinen=5,Tyytyväinen=4',
  period: 'Kehityksen jakso',
  periods: { day: 'päivä', week: 'viikko', month: 'kuukausi', quarter: 'vuosineljännes', year: 'vuosi' },
  timeZone: 'Aikavyöhyke',
  reportLanguage: 'Raportin kieli',
  make: 'Laadi raportti',
  needMetric: 'Valitse vähintään yksi sarake NPS:ksi, tyytyväisyydeksi tai asioinnin helppoudeksi.',
  commandLine: 'Sama raportti komentoriviltä:',
  ignored: 'Osoitteen asetuksista jätettiin pois:',
  resultHeading: '3. Raportti',
  made: (seconds) => `Raportti laadittu ${seconds} sekunnissa.`,
  downloadReport: 'Lataa raportti (HTML)',
  downloadTables: 'Lataa taulukot (CSV)',
  downloadFollowUps: 'Lataa yhteydenottolista (CSV)',
  reportFrame: 'Raportti',
  notes: 'Huomioita',
};
