import { SIDE_FILE_FLAGS, commandLine, readFragment, writeFragment, type PageSetup, type SideFileFlag } from './fragment.js';
import { PAGE_MAX_ROWS, type ReportRequest, type WorkerMessage } from './messages.js';
import { PAGE_EN, PAGE_FI, type PageStrings, type Role } from './page-strings.js';
import { proposeSetup, type ColumnProfile } from './profile.js';

declare const CX_METRICS_WORKER: string;

const ROLE_FLAGS: readonly Exclude<Role, 'none'>[] = ['nps', 'csat', 'ces', 'by', 'at', 'outcome', 'driver', 'text', 'id', 'stage'];
/** Roles a set-up has one column of; the others may have several. */
const SINGLE: ReadonlySet<Role> = new Set(['at', 'outcome', 'text', 'id', 'stage']);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface State {
  file: File | null;
  /** Files chosen beside the export, read where a flag names them (a journey, a codebook, …). */
  sideFiles: File[];
  columns: readonly ColumnProfile[];
  flags: Map<string, string[]>;
  ignored: readonly string[];
  request: number;
  worker: Worker;
  report: Extract<WorkerMessage, { type: 'report' }> | null;
}

const workerUrl = URL.createObjectURL(new Blob([CX_METRICS_WORKER], { type: 'text/javascript' }));
const initial = readFragment(location.hash);
const state: State = { file: null, sideFiles: [], columns: [], flags: new Map([...initial.flags].map(([name, values]) => [name, [...values]])), ignored: initial.ignored, request: 0, worker: startWorker(), report: null };

function lang(): 'en' | 'fi' {
  const given = state.flags.get('lang')?.[0];
  if (given === 'fi' || given === 'en') return given;
  return /^fi\b/i.test(navigator.language) ? 'fi' : 'en';
}
const words = (): PageStrings => (lang() === 'fi' ? PAGE_FI : PAGE_EN);

function startWorker(): Worker {
  const worker = new Worker(workerUrl);
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => received(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    showError(event.message || 'the worker stopped');
  };
  return worker;
}

/** Sends the file and the set-up to the worker; an answer to an older request is ignored. */
function send(profileOnly: boolean): void {
  if (state.file === null) return;
  // A label map is read with the file; the other side files only for the report.
  for (const flag of profileOnly ? (['map-file'] as const) : SIDE_FILE_FLAGS) {
    const missing = (state.flags.get(flag) ?? []).find((name) => !state.sideFiles.some((side) => side.name === name));
    if (missing !== undefined) return showError(words().sideMissing(missing, flag));
  }
  // Only the side files a flag names are read: one left as "—" (chosen by mistake) costs nothing.
  const sideFiles = state.sideFiles.filter((side) => flagNaming(SIDE_FILE_FLAGS, side.name) !== 'none');
  const request: ReportRequest = { id: ++state.request, file: state.file, sideFiles, flags: [...state.flags], profileOnly };
  showError(null);
  setBusy(profileOnly ? words().reading('') : words().making);
  state.worker.postMessage(request);
}

function received(message: WorkerMessage): void {
  if (message.id !== state.request) return;
  if (message.type === 'progress') {
    const progress = $<HTMLProgressElement>('progress');
    progress.hidden = false;
    if (Number.isFinite(message.size) && message.size > 0) {
      progress.max = message.size;
      progress.value = message.position;
      $('status').textContent = words().reading(`${Math.round((100 * message.position) / message.size)} %`);
    } else progress.removeAttribute('value');
    return;
  }
  setBusy(null);
  if (message.type === 'error') return showError(message.message);
  if (message.type === 'too-many-rows') return showError(words().tooManyRows(PAGE_MAX_ROWS));
  if (message.type === 'profile') {
    state.columns = message.columns;
    if (!ROLE_FLAGS.slice(0, 3).some((flag) => state.flags.has(flag))) {
      // The proposal is the set-up now: in the address too, to bookmark or share.
      for (const [name, values] of proposeSetup(message.columns)) state.flags.set(name, values);
      history.replaceState(null, '', writeFragment(state.flags));
    }
    $('layout').textContent = words().layout(message.layout, message.columns.length);
    showNotes(message.notes);
    renderSetup();
    if (hasMetric()) send(false);
    return;
  }
  state.report = message;
  showNotes(message.notes);
  const frame = $<HTMLIFrameElement>('report');
  frame.srcdoc = message.html;
  let result = document.getElementById('cx-metrics-result');
  if (result === null) {
    result = document.createElement('script');
    result.id = 'cx-metrics-result';
    result.setAttribute('type', 'application/json');
    document.body.append(result);
  }
  // \u003c for "<": the JSON stays JSON, and no "</script>" in an answer can end the element if the page is saved.
  result.textContent = JSON.stringify(message.results).replace(/</g, '\\u003c');
  $('made').textContent = words().made(message.seconds.toFixed(1));
  $('dl-followups').hidden = message.followUpsCsv === null;
  $('result').hidden = false;
}

function setBusy(text: string | null): void {
  $('status').textContent = text ?? '';
  $('cancel').hidden = text === null;
  $<HTMLProgressElement>('progress').hidden = text === null;
  $<HTMLButtonElement>('make').disabled = text !== null;
}

function showError(message: string | null): void {
  $('error').textContent = message ?? '';
  $('error').hidden = message === null;
  if (message !== null) clearResult();
}

/** No report shown and no result held: a new file, or an error, must not leave the last one's. */
function clearResult(): void {
  state.report = null;
  $('result').hidden = true;
  document.getElementById('cx-metrics-result')?.remove();
}

function showNotes(notes: readonly string[]): void {
  const list = $('notes');
  list.replaceChildren(...notes.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  $('notes-block').hidden = notes.length === 0;
}

function hasMetric(): boolean {
  return ['nps', 'csat', 'ces'].some((flag) => (state.flags.get(flag) ?? []).length > 0);
}

/** The first of `flags` the set-up gives `value` to (a column's role, a side file's use), or 'none'. */
function flagNaming<F extends string>(flags: readonly F[], value: string): F | 'none' {
  return flags.find((flag) => (state.flags.get(flag) ?? []).includes(value)) ?? 'none';
}

/** A menu of what something is used as: 'none' and each flag, with the set-up's choice selected. */
function useMenu<F extends string>(id: string, label: string, flags: readonly F[], labels: Readonly<Record<F | 'none', string>>, value: string, onChange: (use: F | 'none') => void): HTMLSelectElement {
  const select = document.createElement('select');
  select.id = id;
  select.setAttribute('aria-label', label);
  const chosen = flagNaming(flags, value);
  for (const use of ['none' as const, ...flags]) select.append(new Option(labels[use], use, false, chosen === use));
  select.onchange = () => onChange(select.value as F | 'none');
  return select;
}

function setRole(column: string, role: Role): void {
  for (const flag of ROLE_FLAGS) {
    const kept = (state.flags.get(flag) ?? []).filter((name) => name !== column);
    if (kept.length > 0) state.flags.set(flag, kept);
    else state.flags.delete(flag);
  }
  if (role !== 'none') state.flags.set(role, SINGLE.has(role) ? [column] : [...(state.flags.get(role) ?? []), column]);
  if (role === 'at' && !state.flags.has('period')) state.flags.set('period', ['month']);
  if (!state.flags.has('at')) state.flags.delete('period');
  setupChanged();
}

function setFlag(name: string, value: string): void {
  if (value.trim() === '') state.flags.delete(name);
  else state.flags.set(name, [value.trim()]);
  setupChanged();
}

/** A change of set-up: the address, the command line and the form follow. */
function setupChanged(): void {
  history.replaceState(null, '', writeFragment(state.flags));
  renderSetup();
}

function renderSetup(): void {
  const w = words();
  $('setup').hidden = state.columns.length === 0;
  const rows = state.columns.map((column, i) => {
    const select = useMenu(`role-${i}`, `${w.useAs}: ${column.name}`, ROLE_FLAGS, w.roles, column.name, (role) => setRole(column.name, role));
    const row = document.createElement('tr');
    const name = Object.assign(document.createElement('th'), { scope: 'row', textContent: column.name });
    const looks = Object.assign(document.createElement('td'), { textContent: w.looks[column.look] });
    const examples = Object.assign(document.createElement('td'), { textContent: column.examples.join(' · ') });
    // Labels for the narrow layout, where the cells stack without the table's head.
    looks.dataset['label'] = w.looksLike;
    examples.dataset['label'] = w.examples;
    row.append(name, looks, examples);
    const cell = document.createElement('td');
    cell.append(select);
    row.append(cell);
    return row;
  });
  $('columns').replaceChildren(...rows);
  $<HTMLInputElement>('na').value = state.flags.get('na')?.join(',') ?? '';
  $<HTMLInputElement>('map').value = state.flags.get('map')?.join(',') ?? '';
  $<HTMLSelectElement>('period').value = state.flags.get('period')?.[0] ?? 'month';
  $<HTMLSelectElement>('period').disabled = !state.flags.has('at');
  $<HTMLInputElement>('tz').value = state.flags.get('time-zone')?.[0] ?? '';
  $('command').textContent = commandLine(state.file?.name ?? 'FILE', state.flags);
  $('need-metric').hidden = hasMetric() || state.columns.length === 0;
  $<HTMLButtonElement>('make').disabled = !hasMetric();
  $('ignored-block').hidden = state.ignored.length === 0;
  $('ignored').replaceChildren(...state.ignored.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  renderSideFiles();
}

function setSideUse(name: string, use: SideFileFlag | 'none'): void {
  for (const flag of SIDE_FILE_FLAGS) if (state.flags.get(flag)?.includes(name)) state.flags.delete(flag);
  if (use !== 'none') state.flags.set(use, [name]);
  setupChanged();
}

/** The chosen side files, each with a menu of what it is used as. */
function renderSideFiles(): void {
  const w = words();
  $('side-list').replaceChildren(
    ...state.sideFiles.map((side, i) => {
      const select = useMenu(`side-${i}`, w.sideUse(side.name), SIDE_FILE_FLAGS, w.sideRoles, side.name, (use) => setSideUse(side.name, use));
      const item = document.createElement('li');
      item.append(`${side.name} `, select);
      return item;
    }),
  );
}

/** The interface's words in the set-up's language. */
function renderWords(): void {
  const w = words();
  document.documentElement.lang = lang();
  document.title = w.title;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const text = w[element.dataset['text'] as keyof PageStrings];
    if (typeof text === 'string') element.textContent = text;
  }
  const period = $<HTMLSelectElement>('period');
  period.replaceChildren(...(['day', 'week', 'month', 'quarter', 'year'] as const).map((p) => new Option(w.periods[p], p)));
  renderSetup();
}

function chosen(file: File | undefined): void {
  if (file === undefined) return;
  clearResult();
  state.columns = [];
  state.file = file;
  $('file-name').textContent = file.name;
  send(true);
}

function download(name: string, text: string, type: string): void {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

const base = () => (state.file?.name ?? 'report').replace(/\.[^.]+$/, '');
$<HTMLInputElement>('file').onchange = (event) => chosen((event.target as HTMLInputElement).files?.[0]);
const drop = $('drop');
drop.ondragover = (event) => {
  event.preventDefault();
  drop.classList.add('over');
};
drop.ondragleave = () => drop.classList.remove('over');
drop.ondrop = (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  chosen(event.dataTransfer?.files[0]);
};
$('cancel').onclick = () => {
  state.worker.terminate();
  state.worker = startWorker();
  state.request++;
  setBusy(null);
  $('status').textContent = words().cancelled;
};
$('make').onclick = () => send(false);
$<HTMLInputElement>('side-files').onchange = (event) => {
  // A file chosen again under the same name replaces the one before.
  const chosenNow = [...((event.target as HTMLInputElement).files ?? [])];
  state.sideFiles = [...state.sideFiles.filter((side) => !chosenNow.some((file) => file.name === side.name)), ...chosenNow];
  renderSetup();
};
$<HTMLInputElement>('na').onchange = (event) => setFlag('na', (event.target as HTMLInputElement).value);
$<HTMLInputElement>('map').onchange = (event) => setFlag('map', (event.target as HTMLInputElement).value);
$<HTMLSelectElement>('period').onchange = (event) => setFlag('period', (event.target as HTMLSelectElement).value);
$<HTMLInputElement>('tz').onchange = (event) => setFlag('time-zone', (event.target as HTMLInputElement).value);
$('other-language').onclick = () => {
  state.flags.set('lang', [lang() === 'fi' ? 'en' : 'fi']);
  history.replaceState(null, '', writeFragment(state.flags));
  renderWords();
  if (state.report !== null) send(false);
};
$('dl-html').onclick = () => state.report && download(`${base()}-report.html`, state.report.html, 'text/html');
$('dl-tables').onclick = () => state.report && download(`${base()}-tables.csv`, state.report.tablesCsv, 'text/csv');
$('dl-followups').onclick = () => state.report?.followUpsCsv && download(`${base()}-follow-ups.csv`, state.report.followUpsCsv, 'text/csv');
$<HTMLIFrameElement>('report').onload = () => {
  const frame = $<HTMLIFrameElement>('report');
  const height = frame.contentDocument?.documentElement.scrollHeight;
  if (height !== undefined) frame.style.height = `${height + 20}px`;
};
window.onhashchange = () => {
  const setup: PageSetup = readFragment(location.hash);
  state.flags = new Map([...setup.flags].map(([name, values]) => [name, [...values]]));
  state.ignored = setup.ignored;
  renderWords();
  if (state.columns.length > 0 && hasMetric()) send(false);
};
renderWords();
