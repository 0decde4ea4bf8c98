// What a submission and a vote may contain (the README, "The ideas contract"), with the answers in German and English.

/** Bounds of every accepted field. The widget mirrors the lengths so a citizen sees them before sending. */
export const LIMITS = {
  bodyBytes: 16_384,
  title: { min: 5, max: 120 },
  description: { min: 10, max: 2000 },
  category: { max: 60 },
  name: { max: 80 },
  email: { max: 254 },
  website: { max: 200 },
  id: { max: 64 },
  clientToken: /^[A-Za-z0-9_-]{16,64}$/,
};

/** Ideas sent faster than this after the form was started are treated as automated (a 422 asks to wait). */
export const MIN_FILL_MS = 3000;

/** The statuses of the contract; anything else in a seed file becomes `submitted`. */
export const STATUSES = ['submitted', 'in-review', 'accepted', 'in-progress', 'done', 'rejected'];

/** The statuses whose ideas take votes (and withdrawals) by default: all but `done` and `rejected`. */
export const VOTE_STATUSES = ['submitted', 'in-review', 'accepted', 'in-progress'];

const SUBMIT_FIELDS = new Set([
  'title',
  'description',
  'category',
  'name',
  'email',
  'consent',
  'lat',
  'lon',
  'website',
  'elapsed',
]);
const VOTE_FIELDS = new Set(['id', 'withdraw']);

export const messages = {
  de: {
    required: 'Bitte ausfüllen.',
    type: (type) => `Erwartet wird ${type === 'string' ? 'ein Text' : type === 'number' ? 'eine Zahl' : 'ja/nein'}.`,
    tooShort: (min) => `Bitte mindestens ${min} Zeichen eingeben.`,
    tooLong: (max) => `Bitte höchstens ${max} Zeichen eingeben.`,
    email: 'Bitte eine gültige E-Mail-Adresse eingeben.',
    consent: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
    unknown: 'Dieses Feld ist nicht vorgesehen.',
    category: 'Diese Kategorie gibt es nicht.',
    range: 'Der Wert liegt außerhalb des erlaubten Bereichs.',
    tooFast: 'Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie sie in ein paar Sekunden erneut.',
    invalid: 'Die Angaben sind unvollständig oder fehlerhaft.',
    closed: 'Für diese Idee kann nicht mehr abgestimmt werden: sie ist abgeschlossen (umgesetzt oder abgelehnt).',
  },
  en: {
    required: 'Please fill in this field.',
    type: (type) => `Expected ${type === 'string' ? 'text' : type === 'number' ? 'a number' : 'true or false'}.`,
    tooShort: (min) => `Please enter at least ${min} characters.`,
    tooLong: (max) => `Please enter at most ${max} characters.`,
    email: 'Please enter a valid e-mail address.',
    consent: 'Please agree to the processing of your details.',
    unknown: 'This field is not expected.',
    category: 'This category does not exist.',
    range: 'The value is out of range.',
    tooFast: 'That was very quick. Please check your entries and send them again in a few seconds.',
    invalid: 'The details are incomplete or invalid.',
    closed: 'Voting on this idea has ended: it is closed (done or rejected).',
  },
};

export function langOf(req) {
  return /^\s*en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'de';
}

// Controls (but line breaks and tabs in longer texts), bidirectional overrides, invisible format characters other
// than the joiners (emoji and some scripts need ZWJ/ZWNJ), and the blank "filler" letters that render as nothing.
const CONTROLS_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const CONTROLS_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/g;
const INVISIBLE = /(?![\u200C\u200D])[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** What does not count as something written: white space and the joiners. */
const BLANK = /[\p{White_Space}\u200C\u200D]/gu;

/** Removes control and invisible characters; normalises Unicode and line breaks. */
export function clean(text, multiline) {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  return normalized
    .replace(multiline ? CONTROLS_MULTILINE : CONTROLS_SINGLE_LINE, '')
    .replace(INVISIBLE, '')
    .trim();
}

/**
 * Field errors keyed by field name. A Map turned into an object at the end, so a field named `__proto__` becomes an
 * own property of the answer (assigning to `errors.__proto__` would set the prototype and lose the error).
 */
class FieldErrors {
  map = new Map();
  set(key, message) {
    this.map.set(key, message);
  }
  has(key) {
    return this.map.has(key);
  }
  get size() {
    return this.map.size;
  }
  toJSON() {
    return Object.fromEntries(this.map);
  }
}

export function validateSubmission(body, lang, categories) {
  const m = messages[lang];
  const errors = new FieldErrors();
  const value = {};
  for (const key of Object.keys(body)) if (!SUBMIT_FIELDS.has(key)) errors.set(key, m.unknown);

  const text = (key, { required = false, min = 0, max, multiline = false }) => {
    const raw = body[key];
    if (raw === undefined || raw === null || raw === '') {
      if (required) errors.set(key, m.required);
      return;
    }
    if (typeof raw !== 'string') return void errors.set(key, m.type('string'));
    if (raw.length > max * 2) return void errors.set(key, m.tooLong(max));
    const cleaned = clean(raw, multiline);
    if (!cleaned.replace(BLANK, '')) {
      if (required) errors.set(key, m.required);
      return;
    }
    const length = [...cleaned].length;
    if (length < min) return void errors.set(key, m.tooShort(min));
    if (length > max) return void errors.set(key, m.tooLong(max));
    value[key] = cleaned;
  };
  text('title', { required: true, ...LIMITS.title });
  text('description', { required: true, multiline: true, ...LIMITS.description });
  text('category', LIMITS.category);
  text('name', LIMITS.name);
  text('email', LIMITS.email);
  text('website', LIMITS.website);
  if (value.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) errors.set('email', m.email);
  if (value.category && categories.length && !categories.includes(value.category)) errors.set('category', m.category);

  if (body.consent !== true)
    errors.set('consent', body.consent === undefined || body.consent === false ? m.consent : m.type('boolean'));

  const coordinate = (key, limit) => {
    const raw = body[key];
    if (raw === undefined || raw === null) return;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return void errors.set(key, m.type('number'));
    if (Math.abs(raw) > limit) return void errors.set(key, m.range);
    value[key] = raw;
  };
  coordinate('lat', 90);
  coordinate('lon', 180);
  if (!errors.has('lat') && !errors.has('lon') && (value.lat === undefined) !== (value.lon === undefined))
    errors.set(value.lat === undefined ? 'lat' : 'lon', m.required);

  if (
    body.elapsed !== undefined &&
    (typeof body.elapsed !== 'number' || !Number.isFinite(body.elapsed) || body.elapsed < 0)
  )
    errors.set('elapsed', m.type('number'));
  else value.elapsed = body.elapsed;
  return { errors, value };
}

export function validateVote(body, lang) {
  const m = messages[lang];
  const errors = new FieldErrors();
  for (const key of Object.keys(body)) if (!VOTE_FIELDS.has(key)) errors.set(key, m.unknown);
  if (typeof body.id !== 'string' || !body.id || body.id.length > LIMITS.id.max)
    errors.set('id', body.id === undefined ? m.required : m.type('string'));
  if (body.withdraw !== undefined && typeof body.withdraw !== 'boolean') errors.set('withdraw', m.type('boolean'));
  return errors;
}
