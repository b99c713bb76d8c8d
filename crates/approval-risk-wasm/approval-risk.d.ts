// Types for dist/engine/approval-risk.js, the approval risk engine as an ES module, and for the
// postMessage protocol of the embedded page. Written by hand (wasm-bindgen would type the
// result as `any`); the shape is the `approval-risk/v1` JSON contract that `approval-risk
// assess --format json` prints, and docs/schema/ has the same as JSON Schemas. Fields may be
// added in later versions; none is renamed or changes meaning. See docs/embedding.md.

/** What to do about a step or a plan, from least to most care. */
export type Decision = 'proceed' | 'review' | 'escalate' | 'block';
/** Can the step be undone? */
export type Reversibility = 'reversible' | 'recoverable' | 'irreversible' | 'unknown';
/** How far do its consequences reach? */
export type Scope = 'none' | 'local' | 'shared' | 'production' | 'organization';
/** The environment the plan is meant for. `unknown`: a target the plan does not name counts as
 * production. */
export type Target = 'unknown' | 'development' | 'staging' | 'production';
/** A target as a caller may give it: the short forms `dev`, `stage` and `prod` are read as the
 * long ones, which an assessment reports. */
export type TargetInput = Target | 'dev' | 'stage' | 'prod';
/** How far the agent's credentials reach. */
export type Credentials = 'unknown' | 'scoped' | 'broad' | 'admin';
/** Read the plan as this format; `auto` (or leaving it out) detects it. */
export type Format = 'auto' | 'prose' | 'markdown' | 'shell' | 'sql' | 'json' | 'terraform';
/** What the engine read a plan as: a format one may ask for, or, for an infrastructure plan it
 * rewrote into steps, which kind: the text of `terraform plan`, `terraform show -json`, or a
 * CloudFormation change set. */
export type ReadFormat =
  | Exclude<Format, 'auto'>
  | 'terraform-plan'
  | 'terraform-json'
  | 'cloudformation';

/** A half-open range `[start, end)` of UTF-8 byte offsets into the plan as given. JavaScript
 * strings count UTF-16 units: convert with TextEncoder before slicing a plan that is not ASCII. */
export type Span = [number, number];

/** What the approver knows that the plan does not say. Absent (or null) fields keep their
 * defaults. */
export interface Context {
  target?: TargetInput | null;
  credentials?: Credentials | null;
  change_freeze?: boolean | null;
}

/** The context an assessment was made in, every field given. */
export interface AssessedContext {
  target: Target;
  credentials: Credentials;
  change_freeze: boolean;
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

/** Which engine and rule set wrote an assessment, for an audit trail. */
export interface EngineVersion {
  /** The engine's version (the npm package's too). */
  version: string;
  /** A fingerprint of the rule catalogue: two results with the same one were judged by the
   * same rules, axes and prose. */
  catalogue: string;
}

export interface Assessment {
  schema: 'approval-risk/v1';
  verdict: Decision;
  summary: string;
  /** 1-based indexes of the steps that carry the verdict (a step whose own decision is the
   * verdict, or a step of a pattern whose decision is); empty when the verdict is `proceed`.
   * Absent from engines older than this field. */
  deciding_steps?: number[];
  /** The first deciding step's headline (a pattern's title when only a pattern reaches the
   * verdict); empty when the verdict is `proceed`. Absent from engines older than this field. */
  headline?: string;
  /** Absent from engines older than this field. */
  engine?: EngineVersion;
  /** The format that was read. */
  format: ReadFormat;
  context: AssessedContext;
  steps: StepReport[];
  patterns: PatternReport[];
  /** Present and true when no step was found (an empty or unreadable plan): nothing was
   * assessed, so the `proceed` verdict must not be taken as an approval. */
  empty?: boolean;
}

/** Fetches and compiles the engine (once; later calls return the same promise). `wasm` is for
 * where `engine_bg.wasm` cannot be fetched from beside the module: in Node.js pass the file's
 * bytes; after a bundler renamed it, its URL. Leave it out in a browser. */
export function ready(
  wasm?: BufferSource | WebAssembly.Module | Response | URL | string,
): Promise<void>;

/** Assesses `plan`. Synchronous once `ready()` has resolved. Throws an `Error` whose message
 * names the argument or field at fault (`approval-risk: options.context.target: ...`), or
 * says that `ready()` has not finished. */
export function assess(plan: string, options?: Options | null): Assessment;

// The postMessage protocol of the embedded page (`?embed=1`, docs/embedding.md), version 1.
// Every message is a plain object discriminated by `type`; switch on it and TypeScript narrows
// to the message's fields. Messages from the frame may gain fields in later releases.

/** The protocol's version, in every message from the frame. */
export type ProtocolVersion = 1;

/** Portal to frame: assess a plan and show it. The frame refuses unknown fields with an error,
 * so a misspelt option is never silently ignored. */
export interface AssessRequest extends Options {
  type: 'approval-risk:assess';
  /** Echoed in the reply, to match answers to requests. */
  id: string | number;
  /** Up to 262,144 UTF-16 units (a JavaScript string's `length`). */
  plan: string;
}

/** Frame to portal: loaded and listening; send plans after this. */
export interface ReadyMessage {
  type: 'approval-risk:ready';
  version: ProtocolVersion;
}

/** Frame to portal: the page's height changed; set the iframe's height to it. */
export interface HeightMessage {
  type: 'approval-risk:height';
  version: ProtocolVersion;
  /** CSS pixels, an integer. */
  height: number;
}

/** Frame to portal: the answer to an `approval-risk:assess` request. */
export interface ResultMessage {
  type: 'approval-risk:result';
  version: ProtocolVersion;
  id: string | number;
  assessment: Assessment;
}

/** Frame to portal: the approver changed the plan or the context inside an editable frame (a
 * read-only frame never sends it), and `assessment` is what the frame now shows. It answers no
 * request, so it carries no `id`. */
export interface ChangedMessage {
  type: 'approval-risk:changed';
  version: ProtocolVersion;
  assessment: Assessment;
}

/** Frame to portal: the request could not be read (`reason` names the field), or a newer
 * request superseded it before it was assessed (`reason` starts with `superseded:`). Either
 * way nothing was assessed: never an approval. */
export interface ErrorMessage {
  type: 'approval-risk:error';
  version: ProtocolVersion;
  /** The request's id, when it had a usable one (a string or a number). */
  id?: string | number;
  /** One line. */
  reason: string;
}

/** Any message the frame sends to the portal. */
export type FrameMessage = ReadyMessage | HeightMessage | ResultMessage | ChangedMessage | ErrorMessage;

/** Any message of the protocol, in either direction. */
export type ApprovalRiskMessage = AssessRequest | FrameMessage;
