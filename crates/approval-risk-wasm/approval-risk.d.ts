// Types for dist/engine/approval-risk.js, the approval risk engine as an ES module. Written by
// hand (wasm-bindgen would type the result as `any`); the shape is the `approval-risk/v1` JSON
// contract that `approval-risk assess --format json` prints. Fields may be added in later
// versions; none is renamed or changes meaning. See docs/embedding.md.

/** What to do about a step or a plan, from least to most care. */
export type Decision = 'proceed' | 'review' | 'escalate' | 'block';
/** Can the step be undone? */
export type Reversibility = 'reversible' | 'recoverable' | 'irreversible' | 'unknown';
/** How far do its consequences reach? */
export type Scope = 'none' | 'local' | 'shared' | 'production' | 'organization';
/** The environment the plan is meant for. `unknown`: a target the plan does not name counts as
 * production. The short forms `dev`, `stage` and `prod` are accepted too. */
export type Target = 'unknown' | 'development' | 'staging' | 'production';
/** How far the agent's credentials reach. */
export type Credentials = 'unknown' | 'scoped' | 'broad' | 'admin';
/** Read the plan as this format; `auto` (or leaving it out) detects it. */
export type Format = 'auto' | 'prose' | 'markdown' | 'shell' | 'sql' | 'json' | 'terraform';

/** A half-open range `[start, end)` of UTF-8 byte offsets into the plan as given. JavaScript
 * strings count UTF-16 units: convert with TextEncoder before slicing a plan that is not ASCII. */
export type Span = [number, number];

/** What the approver knows that the plan does not say. Absent fields keep their defaults. */
export interface Context {
  target?: Target;
  credentials?: Credentials;
  change_freeze?: boolean;
}

/** The organisation's policy: the JSON of a policy file (docs/policy.md), or its text. */
export interface Policy {
  version: 1;
  production_patterns?: string[];
  protected?: string[];
  disabled_rules?: string[];
  overrides?: Record<string, Decision>;
  allowed_origins?: string[];
}

export interface Options {
  format?: Format | null;
  context?: Context | null;
  policy?: Policy | string | null;
}

export interface Adjustment {
  kind: 'amplifier' | 'mitigation' | 'context' | 'policy';
  note: string;
  evidence?: Span[];
}

export interface Finding {
  rule: string;
  title: string;
  why: string;
  reversibility: Reversibility;
  scope: Scope;
  decision: Decision;
  evidence: Span[];
  adjustments?: Adjustment[];
}

export interface StepReport {
  /** 1-based position in the plan. */
  index: number;
  /** 1-based line of the step's first byte. */
  line: number;
  span: Span;
  text: string;
  decision: Decision;
  reversibility: Reversibility;
  scope: Scope;
  /** One sentence of at most 30 words: what the step does to what, and what is lost or who is
   * reached. Cards and the verdict lead with it. */
  headline: string;
  explanation: string;
  safer: string;
  questions: string[];
  findings: Finding[];
  /** What a tool call from a JSON transcript runs, decoded (absent when `text` already reads
   * as what runs). */
  shown?: string;
  /** Each finding's evidence as byte spans of `shown`, in the order of `findings`. */
  shown_evidence?: Span[][];
}

export interface PatternReport {
  rule: string;
  /** 1-based indexes of the steps the pattern joins, in plan order. */
  steps: number[];
  decision: Decision;
  title: string;
  why: string;
  safer?: string;
}

export interface Assessment {
  schema: 'approval-risk/v1';
  verdict: Decision;
  summary: string;
  /** The format that was read. */
  format: Exclude<Format, 'auto'>;
  context: Required<Context>;
  steps: StepReport[];
  patterns: PatternReport[];
  /** Present and true when no step was found (an empty or unreadable plan): nothing was
   * assessed, so the `proceed` verdict must not be taken as an approval. */
  empty?: boolean;
}

/** Fetches and compiles the engine (once; later calls return the same promise). */
export function ready(): Promise<void>;

/** Assesses `plan`. Synchronous once `ready()` has resolved. Throws an `Error` whose message
 * names the argument or field at fault (`approval-risk: options.context.target: ...`), or
 * says that `ready()` has not finished. */
export function assess(plan: string, options?: Options | null): Assessment;
