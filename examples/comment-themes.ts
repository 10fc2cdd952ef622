/**
 * What customers write, as an app has it: comments with their NPS answers, coded by the Finnish
 * example codebook, each theme's share and impact on NPS, the words that set detractors apart,
 * and the codebook checked against a reader's hand coding of the same comments.
 *
 *   npx tsx examples/comment-themes.ts
 */
import { readFileSync } from 'node:fs';
import { codeComment, codingAgreement, defineCodebook, distinctiveWords, themeReport, type CodebookDefinition } from '../src/text/index.js';

const codebook = defineCodebook(JSON.parse(readFileSync(new URL('./codebooks/cx-themes-fi.json', import.meta.url), 'utf8')) as CodebookDefinition);

const answers = [
  { comment: 'Jonotin kassalla yli puoli tuntia.', nps: 2 },
  { comment: 'Myyjä oli todella ystävällinen.', nps: 10 },
  { comment: 'Soitin kolme kertaa, mutta kukaan ei vastannut.', nps: 1 },
  { comment: 'Hinnat ovat nousseet liikaa.', nps: 5 },
  { comment: 'Nopea toimitus, paketti tuli ehjänä.', nps: 9 },
  { comment: 'En suosittele: tyly myyjä ja pitkä jono.', nps: 0 },
  { comment: 'Mukava henkilökunta ja hyvät tarjoukset.', nps: 9 },
  { comment: 'Ihan ok.', nps: 8 },
  { comment: '', nps: 10 },
  { comment: 'Sovellus kaatuu kirjautuessa.', nps: 4 },
];

const report = themeReport(answers, codebook, { text: 'comment', nps: 'nps', examples: 1 });
console.log(`${report.commenters} of ${report.rows} answers have a comment; ${report.uncoded.commenters} fit no theme`);
for (const theme of report.themes.filter((entry) => entry.mentions > 0)) {
  const impact = theme.nps!.impact;
  console.log(`${theme.label.padEnd(24)} ${String(theme.mentions).padStart(2)}  ${theme.share.toFixed(1).padStart(5)} %  impact ${impact === null ? '–' : impact.toFixed(1).padStart(6)}  "${theme.examples[0]?.text ?? ''}"`);
}

const words = distinctiveWords(answers, { text: 'comment', language: 'fi', compare: (row) => (row.nps <= 6 ? 'detractors' : row.nps >= 9 ? 'promoters' : null) });
console.log(`\nmost characteristic of detractors: ${words.words.slice(0, 5).map((word) => word.form).join(', ')}`);

// A reader coded the same comments by hand — hearing waiting in the unanswered calls, and no
// price in the good offers — and the codebook is checked against them before it is trusted.
const byHand = [['odotus'], ['ystavallisyys'], ['tavoitettavuus', 'odotus'], ['hinta'], ['toimitus'], ['tylyys', 'odotus'], ['ystavallisyys'], [], null, ['verkko']];
const byCodebook = answers.map((answer) => codeComment(codebook, answer.comment).themes.map((theme) => theme.id).filter((id) => id !== 'henkilokunta'));
for (const theme of codingAgreement(byHand, byCodebook).themes) console.log(`κ ${theme.id.padEnd(16)} ${theme.kappa === null ? '–' : theme.kappa.toFixed(2)}`);
