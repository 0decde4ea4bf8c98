// CSV pipeline speed: our parseCsvBytes (decode + delimiter and header detection + parse + type inference + records)
// against bare d3-dsv parseRows on the same bytes decoded with TextDecoder. The file is generated in memory: 100 000
// rows of a German municipal budget export (semicolon, decimal comma, DD.MM.YYYY, Windows-1252 bytes).
import { dsvFormat } from 'd3-dsv';
import { parseCsvBytes } from '../../src/data/formats/csv.js';
import { median, type BenchRow } from './bench-utils.js';

const ROWS = 100_000;
/** Fresh tabs the runner uses; it reports the tab with the median ratio (garbage collection varies from tab to tab). */
export const tabs = 5;
const RUNS = 31;
const WARM_UP = 2;

const DISTRICTS = ['Bad Belzig', 'Wiesenburg/Mark', 'Lübnitz', 'Görzke', 'Borkheide', 'Treuenbrietzen', 'Niemegk'];
const ACCOUNTS = ['Personalaufwendungen', 'Sach- und Dienstleistungen', 'Zuschüsse für Vereine', 'Straßenunterhaltung'];

/** Text to Windows-1252 bytes (the generated text has only Latin-1 characters and the euro sign). */
function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[i] = c === 0x20ac ? 0x80 : c;
  }
  return bytes;
}

function germanNumber(value: number): string {
  const [int, frac] = Math.abs(value).toFixed(2).split('.');
  return `${value < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, '.')},${frac}`;
}

/** `quoted`: every text cell in quotes, as Excel and many exports write them (the quote check's worst case). */
export function generateGermanCsv(rows = ROWS, quoted = false): Uint8Array {
  const q = (text: string) => (quoted ? `"${text}"` : text);
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const lines = ['Datum;Ort;Konto;Betrag in €;Anzahl;Anteil;Kennung;Bemerkung'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const amount = (random() - 0.3) * 2_000_000;
    lines.push(
      [
        `${day}.${month}.${2015 + (i % 10)}`,
        q(DISTRICTS[i % DISTRICTS.length]),
        q(ACCOUNTS[i % ACCOUNTS.length]),
        germanNumber(amount),
        String(Math.floor(random() * 5000)),
        `${(random() * 100).toFixed(1).replace('.', ',')} %`,
        q(`K-${100_000 + i}`),
        i % 5 === 0 ? q('Überplanmäßige Ausgabe') : '',
      ].join(';'),
    );
  }
  return windows1252(lines.join('\r\n') + '\r\n');
}

/**
 * Median times of two tasks. They run alternately, each first every other round, so a busy machine slows both alike
 * and neither always pays for the garbage the other left behind; two warm-up rounds let the JIT settle first.
 */
function timeBoth(a: () => unknown, b: () => unknown): [number, number] {
  const timesA: number[] = [];
  const timesB: number[] = [];
  const time = (task: () => unknown, times: number[]) => {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  };
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    if (i % 2 === 0) {
      time(a, timesA);
      time(b, timesB);
    } else {
      time(b, timesB);
      time(a, timesA);
    }
  }
  return [median(timesA.slice(WARM_UP)), median(timesB.slice(WARM_UP))];
}

export default async function (): Promise<BenchRow[]> {
  const bytes = generateGermanCsv();
  const check = parseCsvBytes(bytes);
  const last = check.records[ROWS - 1]?.values;
  if (
    check.records.length !== ROWS ||
    check.fields.find((f) => f.name === 'Betrag in €')?.type !== 'number' ||
    last?.Kennung !== `K-${100_000 + ROWS - 1}` ||
    last?.Ort !== DISTRICTS[(ROWS - 1) % DISTRICTS.length]
  ) {
    throw new Error('the generated CSV was not read as expected');
  }
  const rows: BenchRow[] = [];
  for (const quoted of [false, true]) {
    const input = quoted ? generateGermanCsv(ROWS, true) : bytes;
    const [ours, reference] = timeBoth(
      () => parseCsvBytes(input),
      () => dsvFormat(';').parseRows(new TextDecoder('windows-1252').decode(input)),
    );
    rows.push({
      name: `100k-row German CSV (${(input.byteLength / 1e6).toFixed(1)} MB, Windows-1252${quoted ? ', text cells quoted' : ''}): decode + parse + types`,
      ours,
      reference,
      unit: 'ms',
      goal: '≤ 1.5×',
      refName: 'TextDecoder + d3-dsv parseRows',
    });
  }
  return rows;
}
