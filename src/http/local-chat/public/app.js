// Dialoogbot local web chat: plain ES module, no framework, no build step.
// Every piece of user or bot text goes into the DOM through textContent / setAttribute, never innerHTML.

import { DEFAULT_LANG, LANGS, t as translate } from './i18n.js';

const API = '/api/local';
const STORAGE = {
  persona: 'dialoogbot.localChat.persona',
  lang: 'dialoogbot.localChat.uiLang',
  unread: 'dialoogbot.localChat.unread',
};
/** Command shortcuts per role: each person sees what they can actually do. */
const COMMANDS_BY_ROLE = {
  PARTNER: ['/aanvragen', '/mijnaanvragen', '/opbrengst'],
  VOLUNTEER: ['/oogst', '/mijnsessies', '/profiel', '/pauze'],
  COORDINATOR: [
    '/overzicht',
    '/kandidaten',
    '/instellingen',
    '/eerlijkheid',
    '/dashboard',
    '/uitnodigen',
    '/rondsturen',
    '/belanghebbenden',
    '/reflecties',
    '/aanvragen',
  ],
};
const COMMON_COMMANDS = ['/help', '/taal', '/stop'];

function commandsFor(persona) {
  if (!persona?.onboarded) return ['/start', ...COMMON_COMMANDS];
  const own = persona.roles.flatMap((r) => COMMANDS_BY_ROLE[r] ?? []);
  return [...new Set([...own, ...COMMON_COMMANDS])];
}
const TYPING_MAX_MS = 5000;
const NEAR_BOTTOM_PX = 120;
const ROLE_ORDER = ['COORDINATOR', 'PARTNER', 'VOLUNTEER'];
const TIME_ZONE = 'Europe/Amsterdam';

/** @typedef {{ key: string, name: string, roles: string[], locale: string, onboarded: boolean }} Persona */
/** @typedef {{ id: string, label: string }} BotButton */
/** @typedef {{ id: string, seq: number, direction: 'in' | 'out', text: string, buttons?: BotButton[][], file?: { filename: string, url: string }, at: string, arrival?: number }} ChatMessage */
/** @typedef {{ messages: ChatMessage[], ids: Set<string>, loaded: boolean }} Conversation */

const state = {
  lang: DEFAULT_LANG,
  /** @type {Persona[]} */
  personas: [],
  personasLoaded: false,
  /** @type {string | null} */
  selected: null,
  /** @type {Map<string, Conversation>} */
  conversations: new Map(),
  /** @type {Map<string, number>} */
  unread: new Map(),
  /** @type {Map<string, string>} drafts of the input per persona, so switching never loses typed text */
  drafts: new Map(),
  /** @type {Map<string, ReturnType<typeof setTimeout>>} */
  typing: new Map(),
  sendingText: false,
  /** Last failed text send; its clientMessageId is reused on retry so the server can de-duplicate. */
  /** @type {{ persona: string, text: string, clientMessageId: string } | null} */
  failedSend: null,
  connection: 'connecting',
  completedSends: 0,
  historyRequest: 0,
};

/** Set once the first persona has been chosen (or choosing it failed); later reloads keep the choice. */
let started = false;

// ---------------------------------------------------------------------------------------------
// DOM

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const els = {
  langToggle: $('lang-toggle'),
  personaList: $('persona-list'),
  personaSelect: /** @type {HTMLSelectElement} */ ($('persona-select')),
  selectUnread: $('select-unread'),
  personasStatus: $('personas-status'),
  personasError: $('personas-error'),
  personasErrorText: $('personas-error-text'),
  personasRetry: $('personas-retry'),
  newPersona: /** @type {HTMLButtonElement} */ ($('new-persona')),
  connection: $('connection'),
  connectionText: $('connection-text'),
  chatAvatar: $('chat-avatar'),
  chatTitle: $('chat-title'),
  chatMeta: $('chat-meta'),
  scroller: $('scroller'),
  messagesStatus: $('messages-status'),
  messages: $('messages'),
  typing: $('typing'),
  jumpLatest: $('jump-latest'),
  composer: /** @type {HTMLFormElement} */ ($('composer')),
  input: /** @type {HTMLTextAreaElement} */ ($('chat-input')),
  send: /** @type {HTMLButtonElement} */ ($('send')),
  sendError: $('send-error'),
  commands: $('commands'),
};

/**
 * Create an element with attributes and children. Strings become text nodes (never HTML).
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined | null>} [attrs]
 * @param {(Node | string | null | undefined | false)[]} [children]
 */
function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Wrap a name in <bdi> so RTL names and emoji never disturb the surrounding text. */
function bdi(text) {
  return h('bdi', {}, [text]);
}

/** Fill a translated template: string vars become text, Node vars are inserted as nodes. */
function fillTemplate(el, key, vars) {
  el.replaceChildren();
  const template = t(key);
  const parts = template.split(/(\{[a-zA-Z]+\})/);
  for (const part of parts) {
    const match = /^\{([a-zA-Z]+)\}$/.exec(part);
    if (match && match[1] in vars) {
      const value = vars[match[1]];
      el.append(typeof value === 'string' ? document.createTextNode(value) : value);
    } else if (part) {
      el.append(document.createTextNode(part));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Small utilities

function t(key, vars) {
  return translate(state.lang, key, vars);
}

function storageGet(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storageSet(key, value) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // storage unavailable (private mode, file://): the UI still works, it just forgets.
  }
}

/** crypto.randomUUID only exists in secure contexts; a LAN address over http is not one. */
function newClientMessageId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function firstGrapheme(text) {
  const trimmed = String(text ?? '').trim();
  if (!trimmed) return '?';
  if (typeof Intl.Segmenter === 'function') {
    const first = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
      .segment(trimmed)
      [Symbol.iterator]()
      .next();
    if (!first.done) return first.value.segment.toLocaleUpperCase();
  }
  return Array.from(trimmed)[0].toLocaleUpperCase();
}

function uiLocale() {
  return state.lang === 'en' ? 'en-GB' : 'nl-NL';
}

function dayKey(date) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

function formatTime(date) {
  return new Intl.DateTimeFormat(uiLocale(), {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

function formatDay(date) {
  const key = dayKey(date);
  const now = new Date();
  if (key === dayKey(now)) return t('today');
  if (key === dayKey(new Date(now.getTime() - 86_400_000))) return t('yesterday');
  return new Intl.DateTimeFormat(uiLocale(), {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(date);
}

function parseDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Only http(s) links (absolute or relative to this page) become clickable. */
/** http(s) URLs in a text, without the punctuation that usually follows one in a sentence. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/g;
const URL_TRAILING = /[.,;:!?)\]}'"»”’]+$/;

/**
 * A bot message as text nodes with its http(s) URLs as links. Only text nodes and <a> elements are
 * made (no innerHTML, so nothing needs escaping), and only http: and https: URLs become links.
 */
/**
 * Our messages mark emphasis as Slack does (`*Uitspraken*`); the same rule as src/bots/emphasis.ts:
 * an opening `*` at a line start or after a space/bracket/quote, directly before a non-space, and a
 * closing `*` on the same line directly after a non-space. "5 * 3 * 2" stays as typed.
 */
const EMPHASIS = /(^|[\s([{"'“‘«])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?=$|[\s.,;:!?)\]}"'”’»])/gm;

/** A bot message as text nodes, <strong> for its *emphasis* and <a> for its links (never innerHTML). */
function formatBotText(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    parts.push(...linkify(text.slice(last, match.index) + match[1]));
    parts.push(h('strong', {}, linkify(match[2])));
    last = match.index + match[0].length;
  }
  parts.push(...linkify(text.slice(last)));
  return parts;
}

function linkify(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(URL_TRAILING, '');
    const href = safeUrl(url);
    if (!href || !/^https?:\/\//i.test(url)) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      h(
        'a',
        {
          class: 'msg-link',
          href,
          target: '_blank',
          rel: 'noopener noreferrer',
          'data-testid': 'message-link',
        },
        [url],
      ),
    );
    last = match.index + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function safeUrl(url) {
  try {
    const parsed = new URL(String(url), window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function personaByKey(key) {
  return state.personas.find((p) => p.key === key) ?? null;
}

function roleLabels(persona) {
  const roles = Array.isArray(persona.roles) ? [...persona.roles] : [];
  roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return roles.map((role) => t(`role.${role}`));
}

function primaryRole(persona) {
  const roles = Array.isArray(persona.roles) ? persona.roles : [];
  return ROLE_ORDER.find((r) => roles.includes(r)) ?? 'none';
}

// ---------------------------------------------------------------------------------------------
// Validation of server data (defensive: a bad record must never break the page)

/** @returns {Persona | null} */
function normalizePersona(raw) {
  if (!raw || typeof raw !== 'object' || typeof raw.key !== 'string' || !raw.key) return null;
  return {
    key: raw.key,
    name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : raw.key,
    roles: Array.isArray(raw.roles) ? raw.roles.filter((r) => typeof r === 'string') : [],
    locale: raw.locale === 'en' ? 'en' : 'nl',
    onboarded: raw.onboarded === true,
  };
}

/** @returns {ChatMessage | null} */
function normalizeMessage(raw) {
  if (!raw || typeof raw !== 'object' || (typeof raw.id !== 'string' && typeof raw.id !== 'number'))
    return null;
  const buttons = Array.isArray(raw.buttons)
    ? raw.buttons
        .map((row) =>
          (Array.isArray(row) ? row : [row]).filter(
            (b) => b && typeof b === 'object' && typeof b.id === 'string' && typeof b.label === 'string',
          ),
        )
        .filter((row) => row.length > 0)
    : [];
  const file =
    raw.file && typeof raw.file === 'object' && typeof raw.file.url === 'string'
      ? {
          filename: typeof raw.file.filename === 'string' ? raw.file.filename : raw.file.url,
          url: raw.file.url,
        }
      : undefined;
  return {
    id: String(raw.id),
    seq: typeof raw.seq === 'number' ? raw.seq : Number(raw.seq) || 0,
    direction: raw.direction === 'in' ? 'in' : 'out',
    text: typeof raw.text === 'string' ? raw.text : '',
    buttons,
    file,
    at: typeof raw.at === 'string' ? raw.at : '',
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

class HttpError extends Error {
  constructor(status, body) {
    super(body && typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, options = {}) {
  const init = { method: options.method ?? 'GET', headers: { Accept: 'application/json' } };
  if (options.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(`${API}${path}`, init); // rejects on network failure
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new HttpError(response.status, body);
  return body;
}

// ---------------------------------------------------------------------------------------------
// Language

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t('documentTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]'))
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  for (const el of document.querySelectorAll('[data-i18n-aria-label]'))
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of document.querySelectorAll('[data-i18n-title]'))
    el.setAttribute('title', t(el.dataset.i18nTitle));
  els.langToggle.lang = state.lang === 'nl' ? 'en' : 'nl';
  renderCommands();
  renderConnection();
  renderPersonas();
  renderHeader();
  renderConversation();
  renderSendButton();
  updateTitleUnread();
}

function setLanguage(lang) {
  state.lang = LANGS.includes(lang) ? lang : DEFAULT_LANG;
  storageSet(STORAGE.lang, state.lang);
  applyLanguage();
}

// ---------------------------------------------------------------------------------------------
// Personas

async function loadPersonas() {
  try {
    const body = await api('/personas');
    const list = Array.isArray(body?.personas) ? body.personas.map(normalizePersona).filter(Boolean) : [];
    state.personas = list;
    state.personasLoaded = true;
    els.personasError.hidden = true;
    if (state.selected && !personaByKey(state.selected)) {
      // The selected persona disappeared (e.g. a reset demo database): fall back to another one.
      state.selected = null;
      if (started) startWithPersonas();
    }
    renderPersonas();
    renderHeader();
    return true;
  } catch (error) {
    console.warn('Loading personas failed', error);
    if (!state.personasLoaded) {
      els.personasErrorText.textContent = t('error.loadPersonas');
      els.personasError.hidden = false;
      els.personasStatus.hidden = true;
    }
    return false;
  }
}

let personasRefreshTimer = null;
/** Debounced refresh: onboarding changes names, roles and language of a persona. */
function schedulePersonasRefresh(delay = 600) {
  clearTimeout(personasRefreshTimer);
  personasRefreshTimer = setTimeout(() => {
    loadPersonas();
  }, delay);
}

function renderPersonas() {
  const list = els.personaList;
  list.replaceChildren();
  els.personaSelect.replaceChildren();
  els.personasStatus.hidden = state.personasLoaded && state.personas.length > 0;
  if (state.personasLoaded && state.personas.length === 0) els.personasStatus.textContent = t('noPersonas');
  else if (!state.personasLoaded) els.personasStatus.textContent = t('personasLoading');

  let otherUnread = 0;
  for (const persona of state.personas) {
    const selected = persona.key === state.selected;
    const unread = state.unread.get(persona.key) ?? 0;
    if (!selected) otherUnread += unread;
    const labels = roleLabels(persona);

    const roleChips = h(
      'span',
      { class: 'persona-roles' },
      labels.length
        ? labels.map((label) => h('span', { class: 'role-chip' }, [label]))
        : [h('span', { class: 'role-chip role-chip--new' }, [t('role.none')])],
    );
    const button = h(
      'button',
      {
        type: 'button',
        class: 'persona',
        'data-testid': `persona-${persona.key}`,
        'data-persona-key': persona.key,
        'aria-current': selected ? 'true' : undefined,
      },
      [
        h('span', { class: `avatar avatar--${primaryRole(persona).toLowerCase()}`, 'aria-hidden': 'true' }, [
          firstGrapheme(persona.name),
        ]),
        h('span', { class: 'persona-body' }, [
          h('span', { class: 'persona-name' }, [bdi(persona.name)]),
          roleChips,
          !persona.onboarded ? h('span', { class: 'persona-note' }, [t('notOnboarded')]) : null,
        ]),
        unread > 0
          ? h('span', { class: 'badge', 'data-testid': `unread-${persona.key}`, 'aria-hidden': 'true' }, [
              String(unread),
            ])
          : null,
        unread > 0 ? h('span', { class: 'sr-only' }, [`, ${t('unreadSr', { n: unread })}`]) : null,
      ],
    );
    button.addEventListener('click', () => selectPersona(persona.key));
    list.append(h('li', {}, [button]));

    // Narrow screens use a native <select>; names are isolated with FSI/PDI for RTL safety.
    const optionText = [
      `\u2068${persona.name}\u2069`,
      labels.length ? ` — ${labels.join(', ')}` : ` — ${t('role.none')}`,
      unread > 0 && !selected ? ` (${t('unreadCount', { n: unread })})` : '',
    ].join('');
    const option = h('option', { value: persona.key }, [optionText]);
    option.selected = selected;
    els.personaSelect.append(option);
  }
  els.personaSelect.disabled = state.personas.length === 0;
  els.selectUnread.hidden = otherUnread === 0;
  els.selectUnread.textContent = otherUnread > 0 ? String(otherUnread) : '';
  updateTitleUnread();
}

function updateTitleUnread() {
  let total = 0;
  for (const [key, n] of state.unread) if (key !== state.selected) total += n;
  document.title = total > 0 ? `(${total}) ${t('documentTitle')}` : t('documentTitle');
}

function saveUnread() {
  const obj = Object.fromEntries([...state.unread].filter(([, n]) => n > 0));
  storageSet(STORAGE.unread, Object.keys(obj).length ? JSON.stringify(obj) : null);
}

function loadUnread() {
  try {
    const obj = JSON.parse(storageGet(STORAGE.unread) ?? '{}');
    for (const [key, n] of Object.entries(obj)) if (typeof n === 'number' && n > 0) state.unread.set(key, n);
  } catch {
    // ignore corrupt storage
  }
}

function renderHeader() {
  const persona = state.selected ? personaByKey(state.selected) : null;
  els.input.disabled = !persona;
  renderSendButton();
  if (!persona) {
    els.chatTitle.textContent = t('noPersonaSelected');
    els.chatMeta.replaceChildren();
    els.chatAvatar.textContent = '';
    els.chatAvatar.className = 'avatar avatar--large avatar--none';
    return;
  }
  fillTemplate(els.chatTitle, 'chattingAs', { name: bdi(persona.name) });
  els.chatAvatar.textContent = firstGrapheme(persona.name);
  els.chatAvatar.className = `avatar avatar--large avatar--${primaryRole(persona).toLowerCase()}`;
  const labels = roleLabels(persona);
  els.chatMeta.replaceChildren(
    ...(labels.length ? labels : [t('role.none')]).map((label) => h('span', { class: 'role-chip' }, [label])),
    !persona.onboarded ? h('span', { class: 'persona-note' }, [t('notOnboarded')]) : '',
    h('span', { class: 'chat-meta-lang' }, [t('botLanguage', { language: t(`locale.${persona.locale}`) })]),
  );
}

function pickInitialPersona() {
  const fromUrl = new URLSearchParams(window.location.search).get('persona');
  if (fromUrl && personaByKey(fromUrl)) return fromUrl;
  const stored = storageGet(STORAGE.persona);
  if (stored && personaByKey(stored)) return stored;
  return state.personas[0]?.key ?? null;
}

function selectPersona(key, { force = false } = {}) {
  if (!personaByKey(key)) return;
  if (key === state.selected && !force) return;
  if (state.selected) state.drafts.set(state.selected, els.input.value);

  state.selected = key;
  storageSet(STORAGE.persona, key);
  const url = new URL(window.location.href);
  if (url.searchParams.get('persona') !== key) {
    url.searchParams.set('persona', key);
    window.history.replaceState(null, '', url);
  }

  if (state.unread.has(key)) {
    state.unread.delete(key);
    saveUnread();
  }
  els.input.value = state.drafts.get(key) ?? '';
  autosizeInput();
  hideError();
  renderPersonas();
  renderHeader();
  renderCommands();
  renderConversation({ scroll: 'bottom' });
  renderTyping();
  loadHistory(key);
}

async function createPersona() {
  if (els.newPersona.disabled) return;
  els.newPersona.disabled = true;
  els.newPersona.textContent = t('newPersonaBusy');
  try {
    const body = await api('/personas', { method: 'POST', body: {} });
    const persona = normalizePersona(body?.persona);
    if (!persona) throw new Error('Malformed persona in response');
    if (!personaByKey(persona.key)) state.personas.push(persona);
    els.personasError.hidden = true;
    selectPersona(persona.key);
    els.input.focus();
    await sendToBot({ text: '/start' });
  } catch (error) {
    console.warn('Creating persona failed', error);
    showError(
      error instanceof HttpError && error.body?.message ? error.body.message : t('error.createPersona'),
    );
  } finally {
    els.newPersona.disabled = false;
    els.newPersona.textContent = t('newPersona');
  }
}

// ---------------------------------------------------------------------------------------------
// Conversations

/** @returns {Conversation} */
function conversation(key) {
  let conv = state.conversations.get(key);
  if (!conv) {
    conv = { messages: [], ids: new Set(), loaded: false };
    state.conversations.set(key, conv);
  }
  return conv;
}

let arrivals = 0;

/**
 * Fetch the persona's history. The server's list is authoritative (a restarted demo server may have
 * forgotten everything); messages pushed while the request was in flight are kept on top of it.
 */
async function loadHistory(key) {
  const request = ++state.historyRequest;
  const conv = conversation(key);
  const startedAt = ++arrivals;
  if (!conv.loaded && key === state.selected) renderStatus();
  try {
    const body = await api(`/messages?persona=${encodeURIComponent(key)}`);
    const list = Array.isArray(body?.messages) ? body.messages.map(normalizeMessage).filter(Boolean) : [];
    const fetchedIds = new Set(list.map((m) => m.id));
    const late = conv.messages.filter((m) => !fetchedIds.has(m.id) && (m.arrival ?? 0) > startedAt);
    conv.loaded = true;
    applyConversation(key, [...list, ...late]);
    if (key === state.selected) {
      renderStatus();
      els.messages.dataset.loaded = 'true';
    }
  } catch (error) {
    console.warn('Loading messages failed', error);
    if (key === state.selected && request === state.historyRequest && !conv.loaded) {
      els.messagesStatus.textContent = t('error.loadMessages');
      els.messagesStatus.hidden = false;
      els.messagesStatus.classList.add('is-error');
    }
  }
}

/**
 * Add messages to a conversation, de-duplicated by id and ordered by seq.
 * @returns {ChatMessage[]} the messages that were new
 */
function mergeMessages(key, list) {
  const conv = conversation(key);
  // An edit (e.g. an offer that was filled meanwhile) replaces the text and buttons of a message we show.
  const edits = new Map(list.filter((m) => m.edited && conv.ids.has(m.id)).map((m) => [m.id, m]));
  if (edits.size > 0) {
    conv.messages = conv.messages.map((m) => {
      const e = edits.get(m.id);
      return e ? { ...m, text: e.text, buttons: e.buttons } : m;
    });
    if (key === state.selected) renderConversation({ scroll: 'keep' });
  }
  const fresh = list.filter((m) => !conv.ids.has(m.id));
  if (fresh.length === 0) return [];
  return applyConversation(key, [...conv.messages, ...fresh]);
}

/**
 * Make `next` the conversation's message list (de-duplicated by id, ordered by seq) and update the
 * DOM with as little work as possible: append when the old list is a prefix, else re-render.
 * @returns {ChatMessage[]} the messages that were not there before
 */
function applyConversation(key, next) {
  const conv = conversation(key);
  const seen = new Set();
  const list = [];
  for (const message of next) {
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    if (message.arrival === undefined) message.arrival = ++arrivals;
    list.push(message);
  }
  list.sort((a, b) => a.seq - b.seq); // stable: equal seqs keep their order

  const old = conv.messages;
  const isPrefix = old.length <= list.length && old.every((m, i) => list[i].id === m.id);
  const added = list.filter((m) => !conv.ids.has(m.id));
  conv.messages = list;
  conv.ids = seen;
  if (added.some((m) => m.direction === 'out')) stopTyping(key);
  if (key !== state.selected) return added;
  if (isPrefix && added.length === 0) return added;

  const wasNearBottom = isNearBottom();
  if (!isPrefix || els.messages.dataset.persona !== key) {
    renderConversation({ scroll: wasNearBottom ? 'bottom' : 'keep' });
  } else {
    for (const message of list.slice(old.length)) appendMessageElement(message, list);
    markLatestButtons();
    renderStatus();
  }
  const ownMessage = added.some((m) => m.direction === 'in');
  if (wasNearBottom || ownMessage) scrollToBottom();
  else if (added.length > 0) els.jumpLatest.hidden = false;
  return added;
}

function renderStatus() {
  const conv = state.selected ? state.conversations.get(state.selected) : null;
  const status = els.messagesStatus;
  status.classList.remove('is-error');
  if (!state.selected) {
    status.hidden = true;
    return;
  }
  if (!conv?.loaded) {
    if (conv && conv.messages.length > 0) {
      status.hidden = true;
    } else {
      status.textContent = t('messagesLoading');
      status.hidden = false;
    }
    return;
  }
  status.textContent = t('emptyConversation');
  status.hidden = conv.messages.length > 0;
}

function renderConversation({ scroll = 'keep' } = {}) {
  const list = els.messages;
  const key = state.selected;
  const conv = key ? conversation(key) : null;
  const previousScroll = els.scroller.scrollTop;
  list.setAttribute('aria-busy', 'true');
  list.replaceChildren();
  list.dataset.persona = key ?? '';
  list.dataset.loaded = conv?.loaded ? 'true' : 'false';
  const persona = key ? personaByKey(key) : null;
  if (persona) list.setAttribute('lang', persona.locale);
  else list.removeAttribute('lang');
  if (conv) {
    for (const message of conv.messages) appendMessageElement(message, conv.messages);
    markLatestButtons();
  }
  renderStatus();
  list.setAttribute('aria-busy', 'false');
  if (scroll === 'bottom') scrollToBottom();
  else els.scroller.scrollTop = previousScroll;
}

/** Append one message (and a day divider when the day changes) at the end of the list. */
function appendMessageElement(message, all) {
  const index = all.indexOf(message);
  const previous = index > 0 ? all[index - 1] : null;
  const date = parseDate(message.at);
  const previousDate = previous ? parseDate(previous.at) : null;
  if (date && (!previousDate || dayKey(previousDate) !== dayKey(date))) {
    els.messages.append(
      h('li', { class: 'day-divider', role: 'presentation' }, [h('span', {}, [formatDay(date)])]),
    );
  }
  els.messages.append(renderMessage(message, date));
}

function renderMessage(message, date) {
  const out = message.direction === 'out';
  const bubbleChildren = [h('span', { class: 'sr-only' }, [`${out ? t('bot') : t('you')}: `])];
  if (message.text) {
    // What the person typed is shown exactly as typed; only the bot's own messages carry emphasis.
    const content = out ? formatBotText(message.text) : linkify(message.text);
    bubbleChildren.push(h('p', { class: 'msg-text', dir: 'auto' }, content));
  }

  if (message.file) {
    const href = safeUrl(message.file.url);
    const icon = paperclipIcon();
    const name = h('span', { class: 'file-name', dir: 'auto' }, [message.file.filename]);
    const label = h('span', { class: 'sr-only' }, [`${t('attachment')}: `]);
    bubbleChildren.push(
      href
        ? h(
            'a',
            { class: 'msg-file', href, download: message.file.filename, 'data-testid': 'message-file' },
            [icon, label, name],
          )
        : h('span', { class: 'msg-file msg-file--plain', 'data-testid': 'message-file' }, [
            icon,
            label,
            name,
          ]),
    );
  }

  if (out && message.buttons && message.buttons.length > 0) {
    const group = h('div', { class: 'msg-buttons', role: 'group', 'aria-label': t('replyOptions') });
    for (const row of message.buttons) {
      const rowEl = h('div', { class: 'msg-button-row' });
      for (const button of row) {
        const el = h(
          'button',
          { type: 'button', class: 'bot-button', 'data-testid': 'bot-button', 'data-button-id': button.id },
          [button.label],
        );
        el.addEventListener('click', () => onBotButton(el, button));
        rowEl.append(el);
      }
      group.append(rowEl);
    }
    bubbleChildren.push(group);
  }

  const meta = date
    ? h('span', { class: 'msg-meta' }, [h('time', { datetime: message.at }, [formatTime(date)])])
    : null;

  return h(
    'li',
    {
      class: `msg msg--${message.direction}`,
      'data-testid': 'message',
      'data-direction': message.direction,
      'data-message-id': message.id,
      'data-seq': String(message.seq),
    },
    [h('div', { class: 'bubble' }, bubbleChildren), meta],
  );
}

function paperclipIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'file-icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute(
    'd',
    'M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48',
  );
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/** Buttons of the newest bot message look active; older ones stay clickable but look muted. */
function markLatestButtons() {
  const outs = els.messages.querySelectorAll('.msg--out');
  const latest = outs[outs.length - 1] ?? null;
  for (const msg of outs) {
    const isLatest = msg === latest;
    msg.classList.toggle('is-latest', isLatest);
    for (const button of msg.querySelectorAll('.bot-button')) {
      button.classList.toggle('is-stale', !isLatest);
      if (isLatest) button.removeAttribute('title');
      else button.setAttribute('title', t('earlierChoice'));
    }
  }
}

function isNearBottom() {
  const s = els.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_BOTTOM_PX;
}

function scrollToBottom() {
  els.scroller.scrollTop = els.scroller.scrollHeight;
  els.jumpLatest.hidden = true;
}

// ---------------------------------------------------------------------------------------------
// Typing indicator

function startTyping(key) {
  clearTimeout(state.typing.get(key));
  state.typing.set(
    key,
    setTimeout(() => {
      state.typing.delete(key);
      renderTyping();
    }, TYPING_MAX_MS),
  );
  renderTyping();
}

function stopTyping(key) {
  if (!state.typing.has(key)) return;
  clearTimeout(state.typing.get(key));
  state.typing.delete(key);
  renderTyping();
}

function renderTyping() {
  const show = state.selected !== null && state.typing.has(state.selected);
  const nearBottom = isNearBottom();
  els.typing.hidden = !show;
  if (show && nearBottom) scrollToBottom();
}

// ---------------------------------------------------------------------------------------------
// Sending

function showError(text) {
  els.sendError.textContent = text;
  els.sendError.hidden = false;
  els.input.setAttribute('aria-invalid', 'true');
}

function hideError() {
  els.sendError.hidden = true;
  els.sendError.textContent = '';
  els.input.removeAttribute('aria-invalid');
}

function renderSendButton() {
  els.send.disabled = state.sendingText || !state.selected;
  els.send.textContent = state.sendingText ? t('sending') : t('send');
  els.composer.dataset.sending = state.sendingText ? 'true' : 'false';
}

/** Test hook: every finished send attempt bumps data-completed and records data-last-result. */
function markCompleted(result) {
  state.completedSends += 1;
  els.composer.dataset.lastResult = result;
  els.composer.dataset.completed = String(state.completedSends);
}

/**
 * Post one message to the bot.
 * @param {{ text?: string, buttonId?: string, fromInput?: boolean }} payload
 * @returns {Promise<boolean>} accepted
 */
async function sendToBot({ text, buttonId, fromInput = false }) {
  const persona = state.selected;
  if (!persona) return false;

  let clientMessageId = newClientMessageId();
  if (
    text !== undefined &&
    state.failedSend &&
    state.failedSend.persona === persona &&
    state.failedSend.text === text
  ) {
    clientMessageId = state.failedSend.clientMessageId; // retry of a send that may have reached the server
  }

  const body = { persona, clientMessageId };
  if (text !== undefined) body.text = text;
  if (buttonId !== undefined) body.buttonId = buttonId;

  hideError();
  // Show "typing…" right away: the reply may be pushed before this request even returns.
  startTyping(persona);
  try {
    await api('/messages', { method: 'POST', body });
  } catch (error) {
    stopTyping(persona);
    const networkish = !(error instanceof HttpError) || error.status >= 500;
    // Retrying with the same id is only safe when the server may have stored it; a 4xx was rejected.
    state.failedSend = networkish && text !== undefined ? { persona, text, clientMessageId } : null;
    let message;
    if (error instanceof HttpError) {
      message =
        typeof error.body?.message === 'string' && error.body.message
          ? error.body.message
          : t('error.generic', { status: error.status });
    } else {
      message = text !== undefined ? t('error.network') : t('error.networkButton');
    }
    if (persona === state.selected) showError(message);
    markCompleted('error');
    return false;
  }

  state.failedSend = null;
  if (fromInput) {
    state.drafts.delete(persona);
    if (state.selected === persona && els.input.value === text) {
      els.input.value = '';
      autosizeInput();
    }
  }
  markCompleted('ok');
  // Without a live connection the pushed messages will not come: fetch them instead.
  if (state.connection !== 'open') {
    setTimeout(() => loadHistory(persona), 800);
    setTimeout(() => loadHistory(persona), TYPING_MAX_MS);
  }
  return true;
}

async function submitInput() {
  if (state.sendingText) return;
  const text = els.input.value;
  if (!text.trim()) {
    els.input.focus();
    return;
  }
  state.sendingText = true;
  renderSendButton();
  try {
    await sendToBot({ text, fromInput: true });
  } finally {
    state.sendingText = false;
    renderSendButton();
  }
}

async function onBotButton(el, button) {
  if (el.getAttribute('aria-disabled') === 'true') return; // already in flight
  el.setAttribute('aria-disabled', 'true');
  el.classList.add('is-pressed');
  try {
    await sendToBot({ buttonId: button.id });
  } finally {
    el.removeAttribute('aria-disabled');
    el.classList.remove('is-pressed');
  }
}

function autosizeInput() {
  const input = els.input;
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight + 2, 180)}px`;
}

function renderCommands() {
  els.commands.replaceChildren(
    ...commandsFor(personaByKey(state.selected)).map((command) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'command',
          'aria-label': t('commandInsert', { command }),
          title: t('commandInsert', { command }),
        },
        [command],
      );
      button.addEventListener('click', () => {
        els.input.value = command;
        autosizeInput();
        els.input.focus();
        els.input.setSelectionRange(command.length, command.length);
      });
      return h('li', {}, [button]);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Live updates (Server-Sent Events)

/** @type {EventSource | null} */
let events = null;
let reconnectDelay = 1000;
let reconnectTimer = null;

function setConnection(value) {
  state.connection = value;
  renderConnection();
}

function renderConnection() {
  document.body.dataset.connection = state.connection;
  els.connection.dataset.state = state.connection;
  els.connectionText.textContent = t(`connection.${state.connection}`);
  els.connection.title = t(`connection.${state.connection}`);
}

function connectEvents() {
  clearTimeout(reconnectTimer);
  if (events) events.close();
  const source = new EventSource(`${API}/events`);
  events = source;
  source.addEventListener('open', () => {
    if (events !== source) return;
    reconnectDelay = 1000;
    setConnection('open');
    resync();
  });
  source.addEventListener('message', (event) => {
    if (events !== source) return;
    onPushedMessage(event.data);
  });
  source.addEventListener('error', () => {
    if (events !== source) return;
    setConnection('retrying');
    // EventSource retries by itself unless the server answered with an error (then it is CLOSED).
    if (source.readyState === EventSource.CLOSED) {
      reconnectTimer = setTimeout(connectEvents, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, 15000);
    }
  });
}

/** After (re)connecting, fetch what might have been missed while the stream was down. */
function resync() {
  for (const [key, conv] of state.conversations) if (key !== state.selected) conv.loaded = false;
  if (state.personasLoaded) loadPersonas();
  else if (started) loadPersonas().then((ok) => ok && !state.selected && startWithPersonas());
  if (state.selected) loadHistory(state.selected);
}

function onPushedMessage(data) {
  let payload;
  try {
    payload = JSON.parse(data);
  } catch {
    return;
  }
  const key = typeof payload?.persona === 'string' ? payload.persona : null;
  const message = normalizeMessage(payload?.message);
  if (!key || !message) return;

  const added = mergeMessages(key, [message]);
  if (added.length === 0) return; // duplicate

  const persona = personaByKey(key);
  if (message.direction === 'out') {
    if (key !== state.selected) {
      state.unread.set(key, (state.unread.get(key) ?? 0) + 1);
      saveUnread();
      renderPersonas();
    }
  }
  // Unknown persona (created elsewhere) or onboarding in progress: names/roles/locale may change.
  if (!persona?.onboarded) schedulePersonasRefresh();
  else if (message.direction === 'in' && /^\/(taal|language|stop)\b/i.test(message.text))
    schedulePersonasRefresh(1500);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function wire() {
  els.langToggle.addEventListener('click', () => setLanguage(state.lang === 'nl' ? 'en' : 'nl'));
  els.newPersona.addEventListener('click', () => createPersona());
  els.personaSelect.addEventListener('change', () => selectPersona(els.personaSelect.value));
  els.personasRetry.addEventListener('click', async () => {
    if ((await loadPersonas()) && !state.selected) startWithPersonas();
  });
  els.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submitInput();
  });
  els.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submitInput();
    }
  });
  els.input.addEventListener('input', () => {
    autosizeInput();
    if (!els.sendError.hidden) hideError();
  });
  els.scroller.addEventListener('scroll', () => {
    if (isNearBottom()) els.jumpLatest.hidden = true;
  });
  els.jumpLatest.addEventListener('click', () => {
    scrollToBottom();
    els.input.focus();
  });
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE.lang && event.newValue && event.newValue !== state.lang)
      setLanguage(event.newValue);
  });
}

function startWithPersonas() {
  started = true;
  const key = pickInitialPersona();
  if (key) selectPersona(key, { force: true });
  else renderConversation();
}

async function main() {
  const storedLang = storageGet(STORAGE.lang);
  state.lang = storedLang && LANGS.includes(storedLang) ? storedLang : DEFAULT_LANG;
  loadUnread();
  wire();
  applyLanguage();
  connectEvents();
  if (await loadPersonas()) startWithPersonas();
  else started = true; // the retry button or the next (re)connect will try again
  document.body.dataset.ready = 'true';
}

main();
