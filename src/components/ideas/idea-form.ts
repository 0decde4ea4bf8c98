import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OffenElement } from '../../shared/offen-element.js';
import { safeUrl } from '../../shared/safe-url.js';
import { submitIdea, type RequestOptions } from './ideas-client.js';
import type { Idea } from './ideas-model.js';
import {
  clearDraft,
  isDraftEmpty,
  loadDraft,
  saveDraft,
  saveOwnIdeas,
  type Draft,
  type OwnIdea,
} from './ideas-storage.js';
import type { ideasStrings } from './offen-ideas.strings.js';

/** Lengths the form checks before sending; the reference server enforces the same (server/lib/validate.mjs). */
export const FORM_LIMITS = {
  title: { min: 5, max: 120 },
  description: { min: 10, max: 2000 },
  name: { max: 80 },
  email: { max: 254 },
};

type FormField = 'title' | 'description' | 'category' | 'name' | 'email' | 'consent';
const FORM_FIELDS: readonly FormField[] = ['title', 'description', 'category', 'name', 'email', 'consent'];

const emptyDraft = (): Draft => ({
  title: '',
  description: '',
  category: '',
  name: '',
  email: '',
  consent: false,
  startedAt: 0,
});

type FormMessage = { kind: 'error' | 'success' | 'failed' | 'restored'; text: string };

export type IdeaFormHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; emit: OffenElement['emit'] };

/** What the form needs from its board. */
export interface IdeaFormOptions {
  /** Where the form POSTs (`submit-url`). */
  url(): string | undefined;
  strings(): (typeof ideasStrings)['de'];
  /** `aria-level` of the form heading. */
  level(): string;
  /** Categories offered in the form. */
  categories(): string[];
  privacyUrl(): string | undefined;
  request(): RequestOptions;
  now(): Date | undefined;
  /** Where the draft and the citizen's own waiting ideas are kept in the browser. */
  storage(): { draft?: string; own?: string };
  ownIdeas(): OwnIdea[];
  /** A sent idea, to show on the board at once. */
  added(idea: Idea): void;
}

/**
 * The submit form of the idea board: a draft saved on every keystroke (restored after a reload), checks before
 * sending, one request at a time, the server's field errors on their fields, and the focus on what to fix.
 */
export class IdeaForm implements ReactiveController {
  private openValue = false;
  private draftValue: Draft = emptyDraft();
  private honeypotValue = '';
  private errorsValue: Partial<Record<FormField, string>> = {};
  private messageValue?: FormMessage;
  private sendingValue = false;
  /** Set synchronously, before any re-render, so a double click cannot send twice. */
  private inFlight = false;
  private loadedDraftKey?: string;

  constructor(
    private readonly host: IdeaFormHost,
    private readonly options: IdeaFormOptions,
  ) {
    host.addController(this);
  }

  // Every change of the form's state re-renders the board.
  private get formOpen(): boolean {
    return this.openValue;
  }
  private set formOpen(value: boolean) {
    this.openValue = value;
    this.host.requestUpdate();
  }
  private get draft(): Draft {
    return this.draftValue;
  }
  private set draft(value: Draft) {
    this.draftValue = value;
    this.host.requestUpdate();
  }
  private get honeypot(): string {
    return this.honeypotValue;
  }
  private set honeypot(value: string) {
    this.honeypotValue = value;
    this.host.requestUpdate();
  }
  private get fieldErrors(): Partial<Record<FormField, string>> {
    return this.errorsValue;
  }
  private set fieldErrors(value: Partial<Record<FormField, string>>) {
    this.errorsValue = value;
    this.host.requestUpdate();
  }
  private get formMessage(): FormMessage | undefined {
    return this.messageValue;
  }
  private set formMessage(value: FormMessage | undefined) {
    this.messageValue = value;
    this.host.requestUpdate();
  }
  private get sending(): boolean {
    return this.sendingValue;
  }
  private set sending(value: boolean) {
    this.sendingValue = value;
    this.host.requestUpdate();
  }

  private get t() {
    return this.options.strings();
  }

  private get draftStorageKey(): string | undefined {
    return this.options.storage().draft;
  }

  private get ownIdeasStorageKey(): string | undefined {
    return this.options.storage().own;
  }

  /** A saved draft comes back (with the form open) when the board is shown again. */
  hostUpdate(): void {
    const key = this.draftStorageKey;
    if (key === this.loadedDraftKey) return;
    this.loadedDraftKey = key;
    const saved = key ? loadDraft(key) : undefined;
    this.draft = saved ?? emptyDraft();
    if (!isDraftEmpty(saved)) {
      this.formOpen = true;
      this.formMessage = { kind: 'restored', text: this.t.draftRestored };
    }
  }

  hostDisconnected(): void {
    this.inFlight = false;
  }

  /** The "Idee einreichen" button and the form it opens. */
  render(): TemplateResult {
    const t = this.t;
    const draft = this.draft;
    const errors = this.fieldErrors;
    const categories = this.options.categories();
    const privacy = safeUrl(this.options.privacyUrl());
    const message = this.formMessage;
    const describedBy = (field: FormField, hint?: string) =>
      [hint, errors[field] ? `f-${field}-error` : ''].filter(Boolean).join(' ') || nothing;
    const error = (field: FormField) =>
      errors[field] ? html`<p class="field-error" id="f-${field}-error">${errors[field]}</p>` : nothing;
    const invalid = (field: FormField) => (errors[field] ? 'true' : 'false');
    return html`<section class="submit-section" aria-labelledby="form-heading">
      <button
        type="button"
        class="offen-button"
        aria-expanded=${this.formOpen ? 'true' : 'false'}
        aria-controls="idea-form"
        @click=${() => (this.formOpen = !this.formOpen)}
      >
        ${t.formOpen}
      </button>
      <form
        id="idea-form"
        part="form"
        novalidate
        ?hidden=${!this.formOpen}
        @submit=${(event: Event) => this.onSubmit(event)}
        @input=${(event: Event) => this.onFormInput(event)}
        @change=${(event: Event) => this.onFormInput(event)}
      >
        <div class="form-title" role="heading" aria-level=${this.options.level()} id="form-heading">${t.formTitle}</div>
        <p class="hint">${t.formIntro}</p>
        <div class="field">
          <label for="f-title">${t.fieldTitle} <span aria-hidden="true">*</span></label>
          <input
            id="f-title"
            name="title"
            type="text"
            required
            autocomplete="off"
            .value=${draft.title}
            aria-invalid=${invalid('title')}
            aria-describedby=${describedBy('title')}
          />
          ${error('title')}
        </div>
        <div class="field">
          <label for="f-description">${t.fieldDescription} <span aria-hidden="true">*</span></label>
          <textarea
            id="f-description"
            name="description"
            required
            .value=${draft.description}
            aria-invalid=${invalid('description')}
            aria-describedby=${describedBy('description', 'f-description-count')}
          ></textarea>
          <p class="hint" id="f-description-count">
            ${t.chars([...draft.description].length, FORM_LIMITS.description.max)}
          </p>
          ${error('description')}
        </div>
        ${
          categories.length
            ? html`<div class="field">
                <label for="f-category">${t.fieldCategory}</label>
                <select
                  id="f-category"
                  name="category"
                  aria-invalid=${invalid('category')}
                  aria-describedby=${describedBy('category')}
                >
                  <option value="" ?selected=${!draft.category}>${t.categoryNone}</option>
                  ${categories.map(
                    (category) =>
                      html`<option .value=${category} ?selected=${draft.category === category}>${category}</option>`,
                  )}
                </select>
                ${error('category')}
              </div>`
            : nothing
        }
        <div class="field">
          <label for="f-name">${t.fieldName}</label>
          <input
            id="f-name"
            name="name"
            type="text"
            autocomplete="name"
            .value=${draft.name}
            aria-invalid=${invalid('name')}
            aria-describedby=${describedBy('name')}
          />
          ${error('name')}
        </div>
        <div class="field">
          <label for="f-email">${t.fieldEmail}</label>
          <input
            id="f-email"
            name="email"
            type="email"
            autocomplete="email"
            .value=${draft.email}
            aria-invalid=${invalid('email')}
            aria-describedby=${describedBy('email')}
          />
          ${error('email')}
        </div>
        <div class="honeypot" aria-hidden="true">
          <label for="f-website">${t.honeypot}</label>
          <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${this.honeypot} />
        </div>
        <div class="field checkbox">
          <input
            id="f-consent"
            name="consent"
            type="checkbox"
            required
            .checked=${draft.consent}
            aria-invalid=${invalid('consent')}
            aria-describedby=${describedBy('consent')}
          />
          <label for="f-consent"
            >${t.consentText}
            <span aria-hidden="true">*</span>
            ${privacy ? html`<a href=${privacy} target="_blank" rel="noopener">${t.consentPrivacy}</a>` : nothing}</label
          >
          ${error('consent')}
        </div>
        ${
          message
            ? html`<div
                class="form-message ${message.kind === 'success' ? 'success' : message.kind === 'restored' ? '' : 'error'}"
                role=${message.kind === 'success' || message.kind === 'restored' ? 'status' : 'alert'}
                tabindex="-1"
              >
                <p>${message.text}</p>
              </div>`
            : nothing
        }
        <div>
          <button type="submit" class="offen-button" aria-disabled=${this.sending ? 'true' : 'false'}>
            ${this.sending ? t.sending : message?.kind === 'failed' ? t.sendAgain : t.send}
          </button>
        </div>
      </form>
    </section>`;
  }

  private onFormInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const name = target.name;
    if (name === 'website') {
      this.honeypot = target.value;
      return;
    }
    if (!(FORM_FIELDS as readonly string[]).includes(name)) return;
    const field = name as FormField;
    const value = field === 'consent' ? (target as HTMLInputElement).checked : target.value;
    const next: Draft = { ...this.draft, [field]: value };
    if (!next.startedAt) next.startedAt = Date.now();
    this.draft = next;
    // Saved on every keystroke: a reload, a crash or a failed submit loses nothing.
    if (this.draftStorageKey) saveDraft(this.draftStorageKey, next);
    if (this.formMessage?.kind === 'success' || this.formMessage?.kind === 'restored') this.formMessage = undefined;
    if (this.fieldErrors[field]) {
      const errors = { ...this.fieldErrors };
      const again = this.validate(next)[field];
      if (again) errors[field] = again;
      else delete errors[field];
      this.fieldErrors = errors;
    }
  }

  private validate(draft: Draft): Partial<Record<FormField, string>> {
    const t = this.t;
    const errors: Partial<Record<FormField, string>> = {};
    const length = (text: string) => [...text.trim()].length;
    const bounded = (field: 'title' | 'description', min: number, max: number) => {
      const n = length(draft[field]);
      if (n === 0) errors[field] = t.required;
      else if (n < min) errors[field] = t.tooShort(min);
      else if (n > max) errors[field] = t.tooLong(max);
    };
    bounded('title', FORM_LIMITS.title.min, FORM_LIMITS.title.max);
    bounded('description', FORM_LIMITS.description.min, FORM_LIMITS.description.max);
    if (length(draft.name) > FORM_LIMITS.name.max) errors.name = t.tooLong(FORM_LIMITS.name.max);
    const email = draft.email.trim();
    if (email.length > FORM_LIMITS.email.max) errors.email = t.tooLong(FORM_LIMITS.email.max);
    else if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = t.invalidEmail;
    if (!draft.consent) errors.consent = t.consentRequired;
    return errors;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Sends the draft once; the draft is cleared only when the server confirmed. */
  private async send(): Promise<void> {
    const url = this.options.url();
    if (!url || this.inFlight) return;
    const t = this.t;
    const draft = this.draft;
    const errors = this.validate(draft);
    if (Object.keys(errors).length) {
      this.fieldErrors = errors;
      this.formMessage = { kind: 'error', text: t.checkFields };
      const first = FORM_FIELDS.find((field) => errors[field]);
      await this.focusAfterRender(`#f-${first}`);
      return;
    }
    this.inFlight = true;
    this.sending = true;
    this.fieldErrors = {};
    this.formMessage = undefined;
    const trimmed = (text: string) => text.trim() || undefined;
    const result = await submitIdea(
      url,
      {
        title: draft.title.trim(),
        description: draft.description.trim(),
        category: trimmed(draft.category),
        name: trimmed(draft.name),
        email: trimmed(draft.email),
        consent: draft.consent,
        website: this.honeypot,
        elapsed: Math.max(0, Date.now() - (draft.startedAt || Date.now())),
      },
      this.options.request(),
    );
    this.inFlight = false;
    this.sending = false;
    if (result.kind === 'ok') {
      if (this.draftStorageKey) clearDraft(this.draftStorageKey);
      this.draft = emptyDraft();
      this.honeypot = '';
      const sent = result.idea ?? {};
      const idea: Idea = {
        id: typeof sent.id === 'string' || typeof sent.id === 'number' ? String(sent.id) : `local-${Date.now()}`,
        title: typeof sent.title === 'string' ? sent.title : draft.title.trim(),
        description: typeof sent.description === 'string' ? sent.description : draft.description.trim(),
        category: typeof sent.category === 'string' ? sent.category : trimmed(draft.category),
        status: 'submitted',
        votes: 0,
        comments: 0,
        author: typeof sent.author === 'string' ? sent.author : trimmed(draft.name),
        created: this.options.now() ?? new Date(),
        pending: !result.published,
      };
      this.options.added(idea);
      const ownKey = this.ownIdeasStorageKey;
      if (idea.pending && ownKey) {
        const { id, title, description, category, author } = idea;
        const own = { id, title, description, category, author, sent: idea.created!.getTime() };
        saveOwnIdeas(ownKey, [own, ...this.options.ownIdeas()]);
      }
      this.formMessage = { kind: 'success', text: result.published ? t.success : t.successPending };
      this.host.emit('offen-submit', {
        idea: result.idea ?? { title: idea.title, description: idea.description, category: idea.category },
        published: result.published,
        status: result.status,
      });
      await this.focusAfterRender('.form-message');
      return;
    }
    if (result.kind === 'invalid') {
      const fieldErrors: Partial<Record<FormField, string>> = {};
      const other: string[] = [];
      for (const [field, message] of Object.entries(result.errors)) {
        if ((FORM_FIELDS as readonly string[]).includes(field)) fieldErrors[field as FormField] = message || t.required;
        else other.push(`${field}: ${message}`);
      }
      this.fieldErrors = fieldErrors;
      this.formMessage = { kind: 'error', text: [result.message ?? t.checkFields, ...other].join(' ') };
      const first = FORM_FIELDS.find((field) => fieldErrors[field]);
      await this.focusAfterRender(first ? `#f-${first}` : '.form-message');
      return;
    }
    const text =
      result.reason === 'timeout'
        ? t.failedTimeout
        : result.reason === 'network'
          ? t.failedNetwork
          : t.failedStatus(result.status ?? 0);
    this.formMessage = { kind: 'failed', text };
    await this.focusAfterRender('.form-message');
  }
}
