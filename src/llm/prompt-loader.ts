import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OUTPUT_SCHEMAS, type OutputSchemaName } from './output-schemas.ts';

const PROMPTS_DIR = new URL('../../prompts/', import.meta.url);

/** A prompt file: front matter (id, version, output schema name) and the system text with {{variables}}. */
export interface Prompt<N extends OutputSchemaName = OutputSchemaName> {
  id: string;
  version: number;
  output: N;
  template: string;
}

const FrontMatter = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.coerce.number().int().positive(),
  output: z.enum(Object.keys(OUTPUT_SCHEMAS) as [OutputSchemaName, ...OutputSchemaName[]]),
});

export class PromptError extends Error {
  readonly code = 'PROMPT_INVALID';
}

/**
 * Reads prompts/<id>.md. Front matter is flat `key: value` lines (no nesting, no lists), which is
 * all a prompt needs: a YAML library would add a dependency for three scalars.
 */
export function loadPrompt<N extends OutputSchemaName>(
  id: string,
  output: N,
  dir: URL = PROMPTS_DIR,
): Prompt<N> {
  const raw = readFileSync(new URL(`${id}.md`, dir), 'utf8').replace(/\r\n?/g, '\n');
  const m = raw.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  if (!m) throw new PromptError(`prompts/${id}.md: missing front matter`);
  const fields = Object.fromEntries(
    (m[1] ?? '')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const i = l.indexOf(':');
        if (i < 0) throw new PromptError(`prompts/${id}.md: bad front matter line "${l}"`);
        return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
      }),
  );
  const fm = FrontMatter.safeParse(fields);
  if (!fm.success)
    throw new PromptError(`prompts/${id}.md: ${fm.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  if (fm.data.id !== id) throw new PromptError(`prompts/${id}.md: front matter id is "${fm.data.id}"`);
  if (fm.data.output !== output)
    throw new PromptError(`prompts/${id}.md: output is ${fm.data.output}, expected ${output}`);
  return { id, version: fm.data.version, output, template: (m[2] ?? '').trim() };
}

/** A filled prompt: the system message, and the user message carrying the data block. */
export interface RenderedPrompt {
  system: string;
  user: string;
}

/**
 * Fills {{variables}} (our own values, never user text) and wraps the user's text in markers with
 * a random nonce, so the text cannot close the block and speak as us. Unknown or missing
 * variables are programming errors and throw.
 */
export function renderPrompt(
  prompt: Prompt,
  variables: Record<string, string>,
  data: string,
  nonce: string = randomBytes(6).toString('hex'),
): RenderedPrompt {
  const open = `<<<DATA ${nonce}>>>`;
  const close = `<<<END DATA ${nonce}>>>`;
  const vars: Record<string, string> = { ...variables, data_open: open, data_close: close };
  const used = new Set<string>();
  const system = prompt.template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new PromptError(`prompt ${prompt.id}: no value for {{${name}}}`);
    used.add(name);
    return v;
  });
  const unused = Object.keys(variables).filter((k) => !used.has(k));
  if (unused.length > 0) throw new PromptError(`prompt ${prompt.id}: unused variables ${unused.join(', ')}`);
  // Anything that looks like a marker inside the data is defused.
  const safe = data.replace(/<<<|>>>/g, '‹‹‹');
  return { system, user: `${open}\n${safe}\n${close}` };
}
